"""Journal ▸ Back up now… and Restore from backup…, plus the damaged-file restore offer.

Asking (file dialogs, the restore list) is split from doing (`start_backup`,
`start_restore`), so tests drive the doing directly. All copying runs off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.i18n import message_text
from peerdesk.ui.messages import show_error, show_info
from peerdesk.ui.security.progress import steps
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import Vault
from peerdesk.vault.backup import (
    BACKUP_SUFFIX,
    BackupInfo,
    automatic_backups,
    back_up_to,
    restore_backup,
)
from peerdesk.vault.keyed import Secret


def default_backup_name(journal: Path, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{journal.stem}-backup-{today.isoformat()}{BACKUP_SUFFIX}"


def ask_backup_target(parent: QWidget, journal: Path,
                      chosen: Callable[[Path], object]) -> QFileDialog:
    """A non-blocking save dialog; `chosen(path)` runs when the user picks a file."""
    dialog = QFileDialog(parent,
                         QCoreApplication.translate("BackupDialogs", "Back up the journal to…"),
                         str(Path.home() / default_backup_name(journal)),
                         QCoreApplication.translate(
                             "BackupDialogs", "PeerDesk backups (*.peerdesk);;All files (*)"))
    dialog.setObjectName("backupFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(BACKUP_SUFFIX.lstrip("."))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog


def start_backup(parent: QWidget, vault: Vault, target: Path,
                 done: Callable[[Path], None] | None = None) -> BackgroundTask:
    def work(progress: Progress) -> Path:
        return back_up_to(vault, target, steps(progress))

    def succeeded(path: object) -> None:
        show_info(parent, QCoreApplication.translate("BackupDialogs", "Backup saved"),
                  QCoreApplication.translate(
                      "BackupDialogs", "An encrypted backup was saved to {0}. It opens with "
                      "your current passphrase.").format(path))
        if done is not None and isinstance(path, Path):
            done(path)

    return run_in_background(parent, QCoreApplication.translate("BackupDialogs", "Backing up…"),
                             work, succeeded)


def _describe(info: BackupInfo) -> str:
    local = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{local}  ·  {info.size / 1_000_000:.1f} MB"


class RestoreDialog(QDialog):
    """Lists the automatic backups, newest first, and lets the user pick another file."""

    restore_requested = Signal(object)  # Path

    def __init__(self, journal: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.journal = journal
        intro = QLabel(self.tr(
            "Choose a backup. It is opened and checked before anything changes. Your current "
            "journal is then kept aside in its folder (renamed with today's date and time), "
            "never deleted, and the app reopens with the backup. The backup must open with "
            "your current passphrase."))
        intro.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setObjectName("automaticBackups")
        self.backups.setAccessibleName(self.tr("Automatic backups"))
        for info in automatic_backups(journal):
            item = QListWidgetItem(_describe(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backups.addItem(item)
        if self.backups.count():
            self.backups.setCurrentRow(0)
        self.empty = QLabel(self.tr("There are no automatic backups yet."))
        self.empty.setVisible(self.backups.count() == 0)
        self.choose_button = QPushButton(self.tr("Choose a &file…"))
        self.choose_button.setObjectName("chooseBackupFile")
        self.choose_button.clicked.connect(self._choose_file)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(self.backups.count() > 0)
        self.buttons.accepted.connect(self._restore_selected)
        self.buttons.rejected.connect(self.reject)
        self.backups.itemDoubleClicked.connect(lambda _item: self._restore_selected())

        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Automatic backups (one a day):")))
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(540, 420)

    def _restore_selected(self) -> None:
        item = self.backups.currentItem()
        if item is not None:
            self.restore_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()

    def _choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a backup"), str(Path.home()),
                             self.tr("PeerDesk backups (*.peerdesk);;All files (*)"))
        dialog.setObjectName("restoreFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def picked(name: str) -> None:
            self.restore_requested.emit(Path(name))
            self.accept()

        dialog.fileSelected.connect(picked)
        dialog.open()


def start_restore(parent: QWidget, journal: Path, backup: Path, passphrase: Secret,
                  reopened: Callable[[Vault, Path | None], None],
                  failed: Callable[[BaseException], None] | None = None) -> BackgroundTask:
    """Check the backup, keep the closed journal aside, put the backup in place, reopen.

    The journal must be closed (the window locks first). `reopened(vault, kept)` runs on the
    GUI thread with the reopened vault and where the previous file was kept."""

    def work(progress: Progress) -> tuple[Vault, Path | None]:
        kept = restore_backup(journal, backup, passphrase, steps(progress))
        return Vault.open_with_secret(journal, passphrase), kept

    def succeeded(result: tuple[Vault, Path | None]) -> None:
        vault, kept = result
        reopened(vault, kept)

    def on_failure(exc: BaseException) -> None:
        if failed is not None:
            failed(exc)
        else:
            show_error(parent, QCoreApplication.translate("BackupDialogs", "Restore from backup"),
                       message_text(exc))

    return run_in_background(parent,
                             QCoreApplication.translate("BackupDialogs", "Restoring from backup…"),
                             work, succeeded, on_failure)
