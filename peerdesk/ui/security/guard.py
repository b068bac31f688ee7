"""Wires the security features into the main window (`install_security`) and provides the
Journal-menu actions (`journal_menu_actions`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from peerdesk.errors import PeerDeskError
from peerdesk.journal.repository import SessionRepository
from peerdesk.ui.i18n import message_text
from peerdesk.ui.messages import show_error, show_info
from peerdesk.ui.security.autolock import IdleTimer, LogindWatcher
from peerdesk.ui.security.backup_dialogs import (
    RestoreDialog,
    ask_backup_target,
    start_backup,
    start_restore,
)
from peerdesk.ui.security.clipboard import (
    SENSITIVE_PROPERTY,
    SessionCopyWatcher,
    clear_sensitive,
)
from peerdesk.ui.security.integrity_watch import IntegrityWatch
from peerdesk.ui.security.passphrase_dialog import ChangePassphraseDialog
from peerdesk.ui.security.recovery_dialog import RecoveryDialog
from peerdesk.ui.security.recovery_kit_dialog import RecoveryKitDialog
from peerdesk.ui.security.retention import RetentionDialog, months_before
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import Vault, VaultLockedError, VaultOpenError
from peerdesk.vault.backup import (
    BackupInfo,
    BackupStopped,
    automatic_backups,
    back_up_if_due,
    newest_good_backup,
    vault_passphrase,
)
from peerdesk.vault.integrity import Integrity
from peerdesk.vault.keyed import Secret

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow
    from peerdesk.ui.workspaces import AppContext


BACKUP_DELAY_MS = 5000


class SecurityGuard(QObject):
    """Auto-lock (idle, minimise, session lock, suspend), clipboard clearing on lock, the
    daily automatic backup and the retention prompt after unlock, and the damaged-file offer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recovery_offer: RecoveryKitDialog | None = None  # the kit offered once, while open
        self.idle = IdleTimer(self)
        self.idle.idle.connect(self._idle_elapsed)
        self.logind = LogindWatcher(self)
        self.copy_watcher = SessionCopyWatcher(self, self._clipboard_clear_seconds)
        self.logind.lock_requested.connect(self.lock_now)
        self.interval_override_ms: int | None = None  # tests: milliseconds instead of minutes
        self.lock_on_minimise = False
        self._holds = 0
        self.backup_task: BackgroundTask | None = None
        self.retention_dialog: RetentionDialog | None = None
        self.restore_offer: QMessageBox | None = None
        # The daily backup starts a little after unlock, so it never competes with it.
        self.backup_timer = QTimer(self)
        self.backup_timer.setSingleShot(True)
        self.backup_timer.setInterval(BACKUP_DELAY_MS)
        self.backup_timer.timeout.connect(self._backup_due)
        self.integrity = IntegrityWatch(window, self.restore)
        window.unlocked.connect(self._unlocked)
        window.locked.connect(self._locked)
        window.settings_changed.connect(self._settings_changed)
        window.installEventFilter(self)

    # -- holding off the lock while a file operation runs ---------------------------------------

    def hold(self, busy: bool) -> None:
        self._holds = max(0, self._holds + (1 if busy else -1))

    @property
    def held(self) -> bool:
        return self._holds > 0

    # -- auto-lock ------------------------------------------------------------------------------

    def _context(self) -> AppContext | None:
        return self.window.context

    def start_idle_timer(self) -> None:
        context = self._context()
        if context is None:
            return
        self.lock_on_minimise = bool(context.settings.get("lock_on_minimise"))
        if self.interval_override_ms is not None:
            interval = self.interval_override_ms
        else:
            interval = int(context.settings.get("auto_lock_minutes")) * 60_000
        app = QApplication.instance()
        if app is not None:
            self.idle.start(interval, app)

    def _idle_elapsed(self) -> None:
        if self.held:  # a passphrase change or restore is running: lock right after it
            app = QApplication.instance()
            if app is not None:
                self.idle.start(max(self.idle.interval_ms, 1000), app)
            return
        self.lock_now()

    def lock_now(self) -> None:
        if self.window.is_unlocked and not self.held:
            self.window.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # During teardown Qt may still deliver events after Python cleared our attributes.
        window = getattr(self, "window", None)
        if (window is not None and watched is window
                and event.type() == QEvent.Type.WindowStateChange
                and self.lock_on_minimise and isinstance(window, QWidget)
                and window.isMinimized()):
            self.lock_now()
        return False

    def _settings_changed(self, keys: list[str]) -> None:
        if {"auto_lock_minutes", "lock_on_minimise"} & set(keys):
            self.start_idle_timer()

    # -- unlock and lock ------------------------------------------------------------------------

    # Workspaces that show session text; copying out of them goes through the clipboard guard.
    SESSION_TEXT_WORKSPACES = frozenset({"journal", "follow_ups"})

    def _clipboard_clear_seconds(self) -> int:
        context = self._context()
        return int(context.settings.get("clipboard_clear_seconds")) if context else 30

    def _unlocked(self) -> None:
        context = self._context()
        if context is not None:
            self.integrity.start(context)  # first: read-only until the journal is proven whole
        for workspace in self.window.shell.workspaces:
            if workspace.workspace_id in self.SESSION_TEXT_WORKSPACES:
                workspace.setProperty(SENSITIVE_PROPERTY, True)
        self.start_idle_timer()
        context = self._context()
        if context is None or self.window.demo:
            return
        self.backup_timer.start()
        self.offer_retention(context)
        if context.vault.offer_recovery_kit and context.vault.key_file is not None:
            context.vault.offer_recovery_kit = False
            self.offer_recovery_kit(context)

    def offer_recovery_kit(self, context: AppContext) -> RecoveryKitDialog:
        """After creating a journal or moving an old one into its folder: the kit, once. It
        can be closed without one (then a forgotten passphrase loses the journal)."""
        dialog = RecoveryKitDialog(context.vault, self.window, offered=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_offer = dialog
        dialog.finished.connect(lambda _result: setattr(self, "recovery_offer", None))
        dialog.show()
        return dialog

    def _backup_due(self) -> None:
        context = self._context()
        if context is not None and context.vault.integrity is Integrity.DAMAGED:
            return  # a copy of a damaged file must not push good backups out of the rotation
        if context is not None and not self.window.demo:
            self.start_automatic_backup(context)

    def _locked(self) -> None:
        self.integrity.stop()
        self.idle.stop()
        self.backup_timer.stop()
        clear_sensitive()
        if self.retention_dialog is not None:
            self.retention_dialog.reject()
            self.retention_dialog.deleteLater()
            self.retention_dialog = None

    def stop_backup(self, wait_s: float = 5.0) -> None:
        """Before the journal locks: interrupt a backup in progress (its files are removed)
        and wait for it to let go of its connection, so locking neither waits for the copy to
        finish nor leaves a keyed connection open. Interrupting takes milliseconds."""
        task = self.backup_task
        if task is not None:
            task.progress.cancel()
            task.wait(wait_s)

    def start_automatic_backup(self, context: AppContext,
                               now: dt.datetime | None = None) -> BackgroundTask | None:
        keep = int(context.settings.get("backups_keep"))
        if keep <= 0:
            return None
        vault = context.vault

        def work(progress: Progress) -> object:
            return back_up_if_due(vault, keep, now, stop=lambda: progress.cancelled)

        def failed(exc: BaseException) -> None:
            self.backup_task = None
            if isinstance(exc, VaultLockedError | BackupStopped):
                return  # locked before or during the copy; the next unlock tries again
            if isinstance(exc, PeerDeskError):
                show_error(self.window, self.tr("Automatic backup"), self.tr(
                    "Today's automatic backup could not be made: {0}").format(message_text(exc)))
            else:
                raise exc

        def done(_: object) -> None:
            self.backup_task = None

        self.backup_task = run_in_background(self.window, self.tr("Backing up…"), work, done,
                                             failed, show_progress=False)
        return self.backup_task

    def offer_retention(self, context: AppContext,
                        today: dt.date | None = None) -> RetentionDialog | None:
        months = int(context.settings.get("retention_months"))
        if months <= 0:
            return None
        day = today or dt.date.today()
        if SessionRepository(context.vault).count_older_than(months_before(day, months)) == 0:
            return None
        dialog = RetentionDialog(context.vault, context.settings, self.window,
                                 today=lambda: day, on_unlock=True)
        dialog.deleted.connect(lambda _n: context.events.sessions_replaced.emit())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "retention_dialog", None))
        self.retention_dialog = dialog
        dialog.open()
        return dialog

    # -- a journal that will not open -----------------------------------------------------------

    def unlock_failed(self, exc: BaseException, passphrase: str) -> BackgroundTask | None:
        """After a failed unlock: if an automatic backup opens with this passphrase and is
        intact, the journal itself is damaged — offer to restore that backup."""
        journal = self.window.journal_path
        if not isinstance(exc, VaultOpenError) or not automatic_backups(journal):
            return None

        def work(_: Progress) -> BackupInfo | None:
            return newest_good_backup(journal, passphrase)

        def found(info: object) -> None:
            if isinstance(info, BackupInfo):
                self.offer_restore(info, passphrase)

        return run_in_background(self.window, self.tr("Looking for a good backup…"), work,
                                 found, lambda _exc: None, show_progress=False)

    def offer_restore(self, info: BackupInfo, passphrase: Secret) -> QMessageBox:
        when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The journal file is damaged"),
                          self.tr(
            "Your journal could not be opened, but the automatic backup from {0} opens with "
            "this passphrase and passed the integrity check, so the journal file itself is "
            "damaged.\n\nRestore that backup? The damaged file is kept aside in the same "
            "folder, never overwritten. Changes made after {0} are not in the backup.")
            .format(when), QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("restoreOffer")
        restore = box.addButton(self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("restoreOfferAccept")
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            self.restore_offer = None
            if box.clickedButton() is restore:
                self.restore(info.path, passphrase)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.restore_offer = box
        box.open()
        return box

    def restore(self, backup: Any, passphrase: Secret) -> BackgroundTask:
        """Lock (saving drafts), restore `backup` over the closed journal, open it again."""
        self.window.lock()
        self.hold(True)

        def reopened(vault: Vault, kept: object) -> None:
            self.hold(False)
            self.window.open_session(vault)
            if kept is not None:
                show_info(self.window, self.tr("Backup restored"), self.tr(
                    "The backup is now your journal. The previous file was kept as {0}.")
                    .format(kept))

        def failed(exc: BaseException) -> None:
            self.hold(False)
            show_error(self.window, self.tr("Restore from backup"), message_text(exc))

        return start_restore(self.window, self.window.journal_path, backup, passphrase,
                             reopened, failed)


def install_security(window: MainWindow) -> SecurityGuard:
    guard = SecurityGuard(window)
    install_forgot_passphrase(window)
    return guard


def install_forgot_passphrase(window: MainWindow) -> None:
    """"Forgot your passphrase?" beside the unlock button (the page's extra-buttons row)."""
    button = QPushButton(QCoreApplication.translate("MainWindow", "&Forgot your passphrase?"))
    button.setObjectName("forgotPassphraseButton")
    button.setFlat(True)

    def ask() -> None:
        dialog = RecoveryDialog(window.journal_path, window)
        dialog.recovered.connect(window.open_session)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    button.clicked.connect(ask)
    window.start.unlock_page.extra_buttons.addWidget(button)


def journal_menu_actions(window: MainWindow, context: AppContext) -> list[QAction]:
    """Journal menu: Change passphrase…, Back up now…, Restore from backup…, Delete old…"""
    guard: SecurityGuard = window.security
    actions: list[QAction] = []

    def action(text: str, name: str, slot: Any) -> QAction:
        item = QAction(text, window)
        item.setObjectName(name)
        item.triggered.connect(slot)
        actions.append(item)
        return item

    def change_passphrase() -> None:
        dialog = ChangePassphraseDialog(context.vault, int(context.settings.get("backups_keep")),
                                        window, hold=guard.hold)
        dialog.changed.connect(lambda: show_info(
            window, QCoreApplication.translate("MainWindow", "Passphrase changed"),
            QCoreApplication.translate("MainWindow",
                                       "Your journal now opens with the new passphrase.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def recovery_kit() -> None:
        dialog = RecoveryKitDialog(context.vault, window)
        dialog.stored.connect(lambda: show_info(
            window, QCoreApplication.translate("MainWindow", "Recovery kit ready"),
            QCoreApplication.translate("MainWindow", "The recovery code now opens your "
                                       "journal. Keep the kit locked away.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def back_up_now() -> None:
        ask_backup_target(window, context.journal_path,
                          lambda path: start_backup(window, context.vault, path))

    def restore() -> None:
        dialog = RestoreDialog(context.journal_path, window)
        passphrase = vault_passphrase(context.vault)
        dialog.restore_requested.connect(lambda path: guard.restore(path, passphrase))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def delete_old() -> None:
        dialog = RetentionDialog(context.vault, context.settings, window)
        def deleted(count: int) -> None:
            context.events.sessions_replaced.emit()
            show_info(window, QCoreApplication.translate("MainWindow", "Old sessions deleted"),
                      QCoreApplication.translate(
                          "MainWindow", "{0} sessions were deleted for good.").format(count))

        dialog.deleted.connect(deleted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action(QCoreApplication.translate("MainWindow", "Change &passphrase…"),
           "changePassphraseAction", change_passphrase)
    if context.vault.key_file is not None:
        action(QCoreApplication.translate("MainWindow", "Recovery &kit…"),
               "recoveryKitAction", recovery_kit)
    action(QCoreApplication.translate("MainWindow", "&Back up now…"),
           "backUpNowAction", back_up_now)
    action(QCoreApplication.translate("MainWindow", "&Restore from backup…"),
           "restoreAction", restore)
    action(QCoreApplication.translate("MainWindow", "&Delete old sessions…"),
           "deleteOldSessionsAction", delete_old)
    return actions
