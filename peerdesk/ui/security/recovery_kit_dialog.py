"""Journal ▸ Recovery kit…: show a new recovery code, offer the one-page PDF, have two groups
typed back, then store it (the old code stops working). Also turns the kit off.

Nothing is written until the code is confirmed: closing the dialog keeps the old state.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.ui.i18n import current_language, message_text
from peerdesk.ui.style import tone_css
from peerdesk.vault import Vault
from peerdesk.vault.key_change import journal_keyring, store_recovery_code, turn_off_recovery_kit
from peerdesk.vault.recovery_code import (
    generate_recovery_code,
    groups_to_confirm,
    mistyped_groups,
)


class RecoveryKitDialog(QDialog):
    """`stored` is emitted once the new code is in the key file; `turned_off` likewise."""

    stored = Signal()
    turned_off = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 offered: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKitDialog")
        self.setWindowTitle(self.tr("Recovery kit"))
        self._vault = vault
        keyring = journal_keyring(vault)
        self.fingerprint = keyring.fingerprint
        self.had_code = keyring.recovery_slot is not None
        self.code = generate_recovery_code()
        self.confirm_numbers = groups_to_confirm()

        intro = QLabel(self.tr(
            "A recovery code is a second key to your journal: with it you can set a new "
            "passphrase if you forget yours. Write it down or print the kit, and keep it "
            "locked away from this computer — never as a photo, e-mail or file in the cloud. "
            "Anyone who has it and a copy of your journal can read the journal."))
        intro.setWordWrap(True)
        if self.had_code:
            intro.setText(intro.text() + " " + self.tr(
                "This new code replaces your current one, which then stops opening the journal "
                "and PeerDesk's automatic backups (backups you saved elsewhere still open with "
                "it)."))
        self.code_label = QLabel(str(self.code))
        self.code_label.setObjectName("recoveryCode")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setAccessibleDescription(", ".join(
            self.tr("group {0}: {1}").format(n, " ".join(group))
            for n, group in enumerate(self.code.groups, start=1)))
        fingerprint = QLabel(self.tr("Journal fingerprint: {0}").format(self.fingerprint))
        fingerprint.setObjectName("journalFingerprint")
        fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.save_pdf_button = QPushButton(self.tr("Save &PDF kit…"))
        self.save_pdf_button.setObjectName("saveRecoveryKitPdf")
        self.save_pdf_button.clicked.connect(self._ask_pdf_target)
        pdf_row = QHBoxLayout()
        pdf_row.addStretch(1)
        pdf_row.addWidget(self.save_pdf_button)
        pdf_row.addStretch(1)

        confirm_intro = QLabel(self.tr(
            "To show the code is written down, type these groups of it back:"))
        confirm_intro.setWordWrap(True)
        grid = QGridLayout()
        self.confirm_fields: dict[int, QLineEdit] = {}
        for row, number in enumerate(self.confirm_numbers):
            field = QLineEdit()
            field.setObjectName(f"confirmGroup{number}")
            field.setMaxLength(12)
            field.setAccessibleName(self.tr("Group {0} of the code").format(number))
            field.textChanged.connect(self._update)
            label = QLabel(self.tr("Group &{0}:").format(number))
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            self.confirm_fields[number] = field
        self.error = QLabel()
        self.error.setObjectName("recoveryKitError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(tone_css("error"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if offered:  # right after creating (or moving) the journal: skipping is a choice
            skip = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            skip.setText(self.tr("No recovery kit — if I forget the passphrase, the journal "
                                 "is lost"))
            skip.setObjectName("skipRecoveryKit")
        self.store_button = self.buttons.addButton(
            self.tr("Use this code") if self.had_code else self.tr("Turn on the recovery kit"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.store_button.setObjectName("storeRecoveryCode")
        self.off_button: QPushButton | None = None
        if self.had_code:
            self.off_button = self.buttons.addButton(self.tr("Turn the kit &off…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
            self.off_button.setObjectName("turnRecoveryKitOff")
            self.off_button.clicked.connect(self.ask_turn_off)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addWidget(fingerprint)
        layout.addLayout(pdf_row)
        layout.addWidget(confirm_intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update()

    def _typed(self) -> dict[int, str]:
        return {number: field.text() for number, field in self.confirm_fields.items()}

    def _update(self) -> None:
        typed = self._typed()
        complete = all(len(text.strip()) >= 5 for text in typed.values())
        wrong = mistyped_groups(self.code, typed) if complete else []
        self.error.setText(self.tr("Group {0} does not match the code above.").format(
            ", ".join(str(n) for n in wrong)) if wrong else "")
        self.store_button.setEnabled(complete and not wrong)

    def _ask_pdf_target(self) -> None:
        default = str(Path.home() / "peerdesk-recovery-kit.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery kit"), default,
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        # reportlab is imported when a kit is saved, not when the window starts (~10 MB)
        from peerdesk.reports.recovery_kit import RecoveryKit, write_recovery_kit

        kit = RecoveryKit(self.code, self.fingerprint, dt.date.today())
        try:
            write_recovery_kit(path, kit, current_language())
        except PeerDeskError as exc:
            self.error.setText(message_text(exc))
            return
        self.error.setText("")
        QMessageBox.information(self, self.tr("Recovery kit saved"), self.tr(
            "The kit is in {0}. Print it, then delete the file: a copy on this computer is "
            "a key lying next to the lock.").format(path))

    def store(self) -> None:
        if not self.store_button.isEnabled():
            return
        try:
            store_recovery_code(self._vault, self.code)
        except PeerDeskError as exc:
            self.error.setText(message_text(exc))
            return
        self.stored.emit()
        self.accept()

    def ask_turn_off(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Turn the recovery kit off?"),
                          self.tr(
            "Without a recovery code, a forgotten passphrase loses the journal for good. "
            "Your current code stops opening the journal and PeerDesk's automatic backups; "
            "backups you saved elsewhere still open with it."), parent=self)
        box.setObjectName("turnKitOffConfirm")
        off = box.addButton(self.tr("Turn it off"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.turn_off() if button is off else None)
        box.open()

    def turn_off(self) -> None:
        try:
            turn_off_recovery_kit(self._vault)
        except PeerDeskError as exc:
            self.error.setText(message_text(exc))
            return
        self.turned_off.emit()
        self.accept()
