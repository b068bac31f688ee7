"""Journal ▸ Change passphrase…: current, new twice, a strength hint; the work runs off the
GUI thread with progress, and the app's connection is reopened with the new passphrase."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.i18n import message_text
from peerdesk.ui.security.progress import steps
from peerdesk.ui.start_screen import labelled_grid, password_field
from peerdesk.ui.style import tone_css
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import Vault
from peerdesk.vault.backup import replace_automatic_backups
from peerdesk.vault.passphrase import Strength, strength_hint
from peerdesk.vault.rekey import change_passphrase


class ChangePassphraseDialog(QDialog):
    changed = Signal()

    def __init__(self, vault: Vault, backups_keep: int, parent: QWidget | None = None,
                 hold: Callable[[bool], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self._vault = vault
        self._backups_keep = backups_keep
        self._hold = hold or (lambda _busy: None)
        self.task: BackgroundTask | None = None

        intro = QLabel(self.tr(
            "Only the lock on the journal's key changes, so this is instant. If anything "
            "interrupts it — even a power cut — the journal opens with the old or the new "
            "passphrase. PeerDesk's automatic backups follow the new passphrase; backups you "
            "saved elsewhere still open with the passphrase they were made with.")
            if vault.key_file is not None else self.tr(
            "The journal is re-encrypted with the new passphrase. If anything interrupts it — "
            "even a power cut — the journal still opens with the old or the new one. Automatic "
            "backups are made again with the new passphrase; copies you saved elsewhere keep "
            "the old one."))
        intro.setWordWrap(True)
        self.current = password_field("currentPassphrase", self.tr("Current passphrase"))
        self.new = password_field("newPassphrase", self.tr("New passphrase"))
        self.repeat = password_field("repeatPassphrase", self.tr("Repeat new passphrase"))
        grid = labelled_grid((
            (self.tr("&Current passphrase:"), self.current),
            (self.tr("&New passphrase:"), self.new),
            (self.tr("&Repeat new passphrase:"), self.repeat),))
        self.strength = QLabel()
        self.strength.setObjectName("strengthHint")
        self.strength.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(tone_css("error"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change passphrase"))
        self.ok_button.setObjectName("changeButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.strength)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        first, second = self.new.text(), self.repeat.text()
        hint = strength_hint(first) if first else None
        self.strength.setText(message_text(hint.message) if hint else self.tr(
            "A few unrelated words make a strong passphrase."))
        differ = bool(second) and first != second
        self.error.setText(self.tr("The two new passphrases differ.") if differ else "")
        self.ok_button.setEnabled(
            bool(self.current.text()) and bool(first) and first == second
            and hint is not None and hint.strength is not Strength.TOO_SHORT
        )

    def submit(self) -> None:
        if not self.ok_button.isEnabled() or self.task is not None:
            return
        current, new = self.current.text(), self.new.text()
        vault, keep = self._vault, self._backups_keep
        for widget in (self.current, self.new, self.repeat, self.buttons):
            widget.setEnabled(False)
        self.error.setText("")
        self._hold(True)

        def work(progress: Progress) -> None:
            change_passphrase(vault, current, new, steps(progress))
            if vault.key_file is None:  # a journal folder's backups got the new key file
                replace_automatic_backups(vault, keep)

        self.task = run_in_background(self, self.tr("Changing the passphrase…"), work,
                                      self._succeeded, self._failed)

    def _succeeded(self, _: object) -> None:
        self.task = None
        self._hold(False)
        self.current.clear()
        self.new.clear()
        self.repeat.clear()
        self.changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._hold(False)
        for widget in (self.current, self.new, self.repeat, self.buttons):
            widget.setEnabled(True)
        self.current.clear()
        self.current.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()
        self.error.setText(message_text(exc))
