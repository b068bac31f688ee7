"""After unlock, once: the peer codes in the journal that look like a name, an e-mail address or
a phone number, with the choice to replace them with generated codes or keep them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.journal.peer_code_review import FlaggedCode, flag_identifying, replace_peer_code
from peerdesk.journal.repository import SessionRepository
from peerdesk.settings import PEER_CODE_REVIEW_DONE, Settings
from peerdesk.ui.i18n import message_text
from peerdesk.ui.messages import show_error
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import VaultLockedError


class PeerCodeReviewDialog(QDialog):
    """`replaced` carries how many codes were replaced (the lists need a refresh)."""

    replaced = Signal(int)

    def __init__(self, flagged: Sequence[FlaggedCode], repository: SessionRepository,
                 settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peerCodeReview")
        self.setWindowTitle(self.tr("Peer codes to review"))
        self.flagged = list(flagged)
        self._repository = repository
        self._settings = settings
        intro = QLabel(self.tr(
            "These peer codes look like a name, an e-mail address or a phone number. A peer "
            "code should never identify anyone: it shows in window titles, follow-ups and "
            "dialogs. Replace them with generated codes (each person's sessions stay linked), "
            "or keep them if you are sure they identify no one. You are asked once."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.flagged), 2)
        self.table.setObjectName("flaggedPeerCodes")
        self.table.setAccessibleName(self.tr("Peer codes to review"))
        self.table.setHorizontalHeaderLabels([self.tr("Peer code"), self.tr("Sessions")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, flagged_code in enumerate(self.flagged):
            sessions = len(repository.peer_timeline(flagged_code.code))
            code_item = QTableWidgetItem(flagged_code.code)
            code_item.setToolTip(flagged_code.why)
            self.table.setItem(row, 0, code_item)
            count = QTableWidgetItem(str(sessions))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, count)
        buttons = QDialogButtonBox()
        self.replace_button = buttons.addButton(self.tr("&Replace with generated codes"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.replace_button.setObjectName("replacePeerCodes")
        self.replace_button.setDefault(True)
        self.keep_button = buttons.addButton(self.tr("&Keep them"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep_button.setObjectName("keepPeerCodes")
        self.later_button = buttons.addButton(self.tr("Decide &later"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.replace_button.clicked.connect(self.replace_all)
        self.keep_button.clicked.connect(self.keep_all)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(560, screen.width() - 40), min(420, screen.height() - 60))

    def replace_all(self) -> None:
        try:
            for flagged_code in self.flagged:
                replace_peer_code(self._repository, flagged_code.code)
        except PeerDeskError as error:
            show_error(self, self.tr("Peer codes"), message_text(error))
            return
        self._settings.mark(PEER_CODE_REVIEW_DONE)
        self.replaced.emit(len(self.flagged))
        self.accept()

    def keep_all(self) -> None:
        self._settings.mark(PEER_CODE_REVIEW_DONE)
        self.accept()


def start_peer_code_review(parent: QWidget, repository: SessionRepository, settings: Settings,
                           still_open: Callable[[], bool],
                           show: Callable[[PeerCodeReviewDialog], None]) -> BackgroundTask | None:
    """Unless done before: look for identifying codes off the GUI thread, then `show` the
    review (or remember there was nothing to review). `still_open` says whether the journal is
    still the one that was unlocked when the answer comes back."""
    if settings.marked(PEER_CODE_REVIEW_DONE):
        return None
    vault = repository.vault

    def found(flagged: list[FlaggedCode] | None) -> None:
        if not flagged or not still_open():
            return  # nothing to review (marked done), or locked meanwhile: look again next time
        dialog = PeerCodeReviewDialog(flagged, repository, settings, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        show(dialog)

    def look(_: Progress) -> list[FlaggedCode] | None:
        # its own connection: reading every code of a large journal takes a while
        try:
            connection = vault.connect_another()
        except VaultLockedError:
            return None  # locked meanwhile: look again next time
        try:
            repository = SessionRepository(vault, connection=connection)
            flagged = flag_identifying(repository.peer_codes(only_unusual=True))
            if not flagged:  # written here: on the GUI thread it could wait for an import
                Settings(vault.settings_on(connection)).mark(PEER_CODE_REVIEW_DONE)
            return flagged
        finally:
            connection.close()

    def failed(exc: BaseException) -> None:
        raise exc  # a bug, not the user's situation: fail loudly

    label = QCoreApplication.translate("PeerCodeReviewDialog", "Checking peer codes…")
    return run_in_background(parent, label, look, found, failed, show_progress=False)
