"""The guide browser in its own window, for reading before (or without) unlocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from peerdesk.guides import FileProgressStore
from peerdesk.paths import training_progress_file
from peerdesk.ui.guides.browser import GuideBrowser


class GuideReaderWindow(QMainWindow):
    """No journal: which guides are done is kept in the config folder; answers live in memory
    and go when the window closes (they are kept only inside a journal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideReaderWindow")
        self.setWindowTitle(self.tr("PeerDesk guides"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = FileProgressStore(training_progress_file())
        self.browser = GuideBrowser(self.store)
        self.setCentralWidget(self.browser)
        screen = self.screen().availableGeometry()
        self.resize(min(1200, screen.width()), min(800, screen.height()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.browser.forget_private_text()
        self.store.forget_answers()
        super().closeEvent(event)
