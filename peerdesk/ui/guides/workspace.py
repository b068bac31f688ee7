"""The Guides workspace: the guide browser with progress kept in the journal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.guides import TrainingProgressRepository
from peerdesk.ui.guides.browser import GuideBrowser
from peerdesk.ui.workspaces import AppContext, Workspace


class GuidesWorkspace(Workspace):
    workspace_id = "guides"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.browser = GuideBrowser(TrainingProgressRepository(context.vault))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        context.events.navigate_to_guide.connect(self.show_guide)
        self._print_action = QAction(self.tr("Print training record…"), self)
        self._print_action.triggered.connect(self.browser.ask_print_training_record)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("GuidesWorkspace", "Guides")

    def show_guide(self, guide_id: str) -> bool:
        """Switch to this workspace at `guide_id` (a guide or scenario id)."""
        self.context.events.navigate_to_workspace.emit(self.workspace_id)
        return self.browser.open_item(guide_id)

    def prepare_lock(self) -> None:
        self.browser.forget_private_text()

    def menu_actions(self) -> list[QAction]:
        return [self.browser.find_action, self.browser.complete_action, self._print_action]
