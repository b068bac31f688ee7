"""After unlock, prove the journal whole in the background; read-only until then (issue #16).

Unlocking only checks what is cheap (see `peerdesk.vault.integrity`), so the list appears at
once. Right after, the full page-HMAC check runs on a worker connection. Until it passes, the
journal is read-only: a save, import or deletion from the window is refused with a message that
says why (`VaultCheckPendingError`), and background writers wait for the verdict. If the check
fails, the journal stays read-only for good, the banner says so, and the newest automatic
backup that passes the full check is offered.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from peerdesk.ui.style import notice_css
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.vault import Vault, VaultLockedError
from peerdesk.vault.backup import BackupInfo, newest_good_backup, vault_passphrase
from peerdesk.vault.integrity import Integrity, page_problems
from peerdesk.vault.keyed import Secret

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow
    from peerdesk.ui.workspaces import AppContext

# A check that ends sooner than this never shows the "checking" banner (no flicker).
BANNER_DELAY_MS = 700
STOP_WAIT_SECONDS = 2.0  # an interrupted check ends within milliseconds; never hang a lock


class IntegrityWatch(QObject):
    verdict = Signal(bool)  # True: intact, writable now; False: damaged, read-only for good

    def __init__(self, window: MainWindow, restore: Any) -> None:
        super().__init__(window)
        self.window = window
        self._restore = restore  # SecurityGuard.restore(backup, passphrase)
        self.task: BackgroundTask | None = None
        self._connections: list[Any] = []
        self.offer: QMessageBox | None = None
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(BANNER_DELAY_MS)
        self._banner_timer.timeout.connect(self._show_checking)

    def start(self, context: AppContext) -> BackgroundTask | None:
        """Check `context`'s journal unless that already happened (a new or restored one)."""
        vault = context.vault
        if vault.integrity is Integrity.DAMAGED:
            self._show_damaged(context, vault.integrity_problems)
            return None
        if vault.integrity is Integrity.INTACT:
            return None
        vault.defer_integrity_check()

        connections: list[Any] = []

        def check(_: Progress) -> list[str]:
            connection = vault.connect_another()  # never the GUI's connection
            connections.append(connection)
            try:
                return page_problems(connection)
            finally:
                connection.close()

        def done(problems: object) -> None:
            self.task = None
            self._banner_timer.stop()
            if self.window.context is not context:
                return  # locked meanwhile (the check may have been interrupted): no verdict
            found = [str(p) for p in problems] if isinstance(problems, list) else []
            vault.record_integrity(found)
            if found:
                self._show_damaged(context, tuple(found))
                self.verdict.emit(False)
            else:
                self._hide_banner(context)
                self.verdict.emit(True)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._banner_timer.stop()
            if isinstance(exc, VaultLockedError) or self.window.context is not context:
                return
            done([str(exc)])  # the check could not read the file: treat it as damaged

        self._banner_timer.start()
        self._connections = connections
        self.task = run_in_background(self.window, self.tr("Checking the journal…"), check,
                                      done, failed, show_progress=False)
        return self.task

    def stop(self) -> None:
        """On lock: interrupt a running check, so no worker keeps the journal open after it."""
        self._banner_timer.stop()
        if self.task is not None:
            for connection in self._connections:
                with contextlib.suppress(Exception):  # already closed: nothing to interrupt
                    connection.interrupt()
            self.task.wait(STOP_WAIT_SECONDS)
        if self.offer is not None:
            self.offer.reject()
            self.offer = None

    # -- the banner ---------------------------------------------------------------------------

    def _show_checking(self) -> None:
        if self.window.context is None or self.window.demo:
            return
        self._banner(self.tr(
            "Checking the journal for damage… You can read everything now; saving, importing "
            "and deleting wait until the check is done."), "info")

    def _hide_banner(self, context: AppContext) -> None:
        if not context.demo:
            self.window.shell.banner.clear()
            self.window.shell.banner.setVisible(False)

    def _show_damaged(self, context: AppContext, problems: tuple[str, ...]) -> None:
        detail = problems[0] if problems else ""
        self._banner(self.tr(
            "This journal file is damaged ({0}). It is open read-only, so nothing can make it "
            "worse: you can read and copy what is there, but not save. Restore a backup with "
            "Journal → Restore from backup…").format(detail), "danger")
        self._offer_newest_good_backup(context)

    def _banner(self, text: str, kind: str) -> None:
        banner = self.window.shell.banner
        banner.setStyleSheet(notice_css(kind) + " padding: 6px; font-weight: bold;")
        banner.setText(text)
        banner.setVisible(True)

    # -- the offer ----------------------------------------------------------------------------

    def _offer_newest_good_backup(self, context: AppContext) -> BackgroundTask | None:
        vault: Vault = context.vault
        journal = self.window.journal_path
        try:
            passphrase = vault_passphrase(vault)
        except VaultLockedError:
            return None

        def find(_: Progress) -> BackupInfo | None:
            return newest_good_backup(journal, passphrase)

        def found(info: object) -> None:
            if isinstance(info, BackupInfo) and self.window.context is context:
                self.offer_restore(info, passphrase)

        return run_in_background(self.window, self.tr("Looking for a good backup…"), find,
                                 found, lambda _exc: None, show_progress=False)

    def offer_restore(self, info: BackupInfo, passphrase: Secret) -> QMessageBox:
        when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The journal file is damaged"),
                          self.tr(
            "The check after unlocking found damage in the journal file, so PeerDesk keeps it "
            "read-only. The automatic backup from {0} passed the same check.\n\nRestore that "
            "backup? The damaged file is kept aside in the same folder, never overwritten. "
            "Changes made after {0} are not in the backup.").format(when),
            QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("damagedAfterUnlockOffer")
        restore = box.addButton(self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("damagedAfterUnlockRestore")
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            self.offer = None
            if box.clickedButton() is restore:
                self._restore(info.path, passphrase)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.offer = box
        box.open()
        return box
