""""Forgot your passphrase?" on the unlock screen: the recovery code (with live feedback that
names a mistyped group) and a new passphrase twice; the journal then opens.

A wrong code gets one neutral message naming the fingerprint to compare with the kit, and
nothing is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.paths import key_file_path
from peerdesk.ui.i18n import message_text
from peerdesk.ui.start_screen import labelled_grid, password_field
from peerdesk.ui.style import tone_css
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import Vault
from peerdesk.vault.key_change import recover
from peerdesk.vault.keyslots import read_keyring
from peerdesk.vault.passphrase import Strength, strength_hint
from peerdesk.vault.recovery_code import RecoveryCode, parse_recovery_code


class RecoveryDialog(QDialog):
    """`recovered(vault)`: the journal is open with the new passphrase."""

    recovered = Signal(object)

    def __init__(self, journal: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Forgot your passphrase?"))
        self._journal = journal
        self.task: BackgroundTask | None = None
        self._code: RecoveryCode | None = None
        try:
            fingerprint: str | None = read_keyring(key_file_path(journal)).fingerprint
        except PeerDeskError:
            fingerprint = None
        intro = QLabel(self.tr(
            "Type the code from your recovery kit, then choose a new passphrase. The kit's "
            "fingerprint should read {0}.").format(fingerprint) if fingerprint else self.tr(
            "This journal has no key file, so it has no recovery code: it was made before "
            "recovery kits, or its folder is incomplete. Only its passphrase opens it."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("recoveryCodeField")
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.new = password_field("recoveryNewPassphrase", self.tr("New passphrase"))
        self.repeat = password_field("recoveryRepeatPassphrase",
                                     self.tr("Repeat new passphrase"))
        grid = labelled_grid((
            (self.tr("Recovery &code:"), self.code),
            (self.tr("&New passphrase:"), self.new),
            (self.tr("&Repeat new passphrase:"), self.repeat),))
        self.error = QLabel()
        self.error.setObjectName("recoveryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(tone_css("error"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set new passphrase"))
        self.ok_button.setObjectName("recoverButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        for field in (self.code, self.new, self.repeat):
            field.textChanged.connect(self._update)
        self.code.setEnabled(fingerprint is not None)
        self._update()

    def _update(self) -> None:
        problem = ""
        self._code = None
        typed = self.code.text().strip()
        if typed:
            try:
                self._code = parse_recovery_code(typed)
            except PeerDeskError as exc:
                # Only once the code could be complete: no red text while still typing.
                if len([c for c in typed if c.isalnum()]) >= 35:
                    problem = message_text(exc)
        first, second = self.new.text(), self.repeat.text()
        hint = strength_hint(first) if first else None
        if not problem and second and first != second:
            problem = self.tr("The two new passphrases differ.")
        if not problem and hint is not None and hint.strength is Strength.TOO_SHORT:
            problem = message_text(hint.message)  # why "Set new passphrase" stays disabled
        self.error.setText(problem)
        self.ok_button.setEnabled(
            self._code is not None and bool(first) and first == second
            and hint is not None and hint.strength is not Strength.TOO_SHORT
            and self.task is None)

    def submit(self) -> None:
        if not self.ok_button.isEnabled() or self._code is None:
            return
        code, new, journal = self._code, self.new.text(), self._journal
        for widget in (self.code, self.new, self.repeat, self.buttons):
            widget.setEnabled(False)
        self.error.setText(self.tr("Opening the journal…"))

        def work(_: Progress) -> Vault:
            return recover(journal, code, new)

        self.task = run_in_background(self, self.tr("Setting the new passphrase…"), work,
                                      self._succeeded, self._failed, show_progress=False)

    def _succeeded(self, vault: object) -> None:
        self.task = None
        self.new.clear()
        self.repeat.clear()
        self.code.clear()
        self.recovered.emit(vault)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        for widget in (self.code, self.new, self.repeat, self.buttons):
            widget.setEnabled(True)
        self.error.setText(message_text(exc))
        self._update()
        self.error.setText(message_text(exc))
