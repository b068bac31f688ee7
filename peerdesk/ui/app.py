"""Start the GUI."""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import shutil
import signal
import socket
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from peerdesk import APP_NAME, __version__
from peerdesk.journal.demo_folder import DemoFolder, sweep_stale_demo_folders
from peerdesk.paths import resolve_journal_path, resources_dir
from peerdesk.ui.i18n import chosen_language, current_language, install_language
from peerdesk.ui.shortcuts import install_shortcuts_first
from peerdesk.ui.style import install_accessible_style
from peerdesk.ui.wheel_guard import install_wheel_guard
from peerdesk.vault.leftovers import sweep_temp_files

GUI_SWITCH_INTERVAL_S = 0.001


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    # Workers run Python (imports, counting, PDF layout) beside the GUI thread, which needs the
    # interpreter lock for each call into Python while it paints (the model, the style). At
    # the default 5 ms a paint could wait for it many times over (a PDF report stalled the
    # window 26-71 ms); at 1 ms, 9-15 ms.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("org.peerdesk.PeerDesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "peerdesk.svg")))
    # Before any window exists: the unlock screen is translated too.
    install_language(chosen_language())
    install_accessible_style(app)
    install_wheel_guard(app)
    install_shortcuts_first(app)
    return app


if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow
    from peerdesk.vault import Vault

DEMO_SESSIONS = 400


def open_demo_window(sessions: int = DEMO_SESSIONS) -> tuple[MainWindow, Path]:
    """A throwaway journal of synthetic sessions in a private temporary folder, shown unlocked
    with the "Demo data" banner. The caller removes the folder (`remove_demo`) when done."""
    from peerdesk.journal.demo import create_demo_journal
    from peerdesk.settings import Settings
    from peerdesk.ui.main_window import MainWindow
    from peerdesk.vault import Vault
    from peerdesk.vault.keyslots import MINIMUM_ARGON2

    sweep_stale_demo_folders()  # demos that were killed before they could clean up
    holder = DemoFolder()  # held (flock) while this demo runs
    folder = holder.path
    try:
        path = folder / "demo.peerdesk"
        passphrase = secrets.token_urlsafe(32)  # never shown: the journal dies with the app
        create_demo_journal(path, passphrase, count=sessions, seed=secrets.randbelow(2**31))
        # Argon2id's floor is what the demo wants (a throwaway random passphrase): no upgrade.
        vault = Vault.open(path, passphrase, argon2=MINIMUM_ARGON2)
        vault.require_intact()  # made a moment ago: no need to check it again after unlock
        # An auto-lock would strand the demo behind an unknown passphrase; backups of
        # throwaway data are pointless.
        settings = Settings(vault)
        settings.set("auto_lock_minutes", 0)
        settings.set("backups_keep", 0)
        _fill_demo_directory_and_program(vault, folder)
        window = MainWindow(path, demo=True)
        window.demo_folder = holder  # the lock lives as long as the window
        window.open_session(vault)
    except BaseException:
        holder.remove()
        raise
    return window, folder


def _fill_demo_directory_and_program(vault: Vault, folder: Path) -> None:
    """Give every workspace something to show: the starter referral pack (in the interface
    language), and a year of summaries from six fictional supporters imported into the Program
    workspace."""
    from peerdesk.program.cell_secret import cell_key_secret
    from peerdesk.program.demo import demo_files, months_ending
    from peerdesk.program.importer import Enrolment, import_files
    from peerdesk.referrals.packs import read_starter_pack
    from peerdesk.referrals.repository import ResourceRepository

    ResourceRepository(vault).import_pack(read_starter_pack(current_language()))
    summaries = folder / "summaries"
    summaries.mkdir(mode=0o700)
    files = demo_files(summaries, first=months_ending(dt.date.today()))
    cell_key_secret(vault)
    import_files(vault, files, enrolment=Enrolment(accept_new=True))  # fictional supporters
    shutil.rmtree(summaries)


def remove_demo(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def demo_window(sessions: int | None = None) -> Iterator[MainWindow]:
    """The demo window for the duration of the block; then locked and its journal removed."""
    window, folder = open_demo_window(DEMO_SESSIONS if sessions is None else sessions)
    try:
        yield window
    finally:
        window.lock()
        remove_demo(folder)


class TerminationHandler:
    """SIGTERM and SIGINT end PeerDesk the way quitting does: inside the event loop they lock
    the window (drafts kept) and quit, so the code after `app.exec()` runs (the demo's journal
    is deleted, the instance lock released); before the loop they unwind like Ctrl+C, through
    the same clean-up.

    Python runs signal handlers only between bytecodes, never inside Qt's event loop; the
    wake-up socket gives the loop an event to return to Python on."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.window: MainWindow | None = None
        self.in_loop = False
        self.ending = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        self._previous = {signum: signal.signal(signum, self._terminate)
                          for signum in (signal.SIGTERM, signal.SIGINT)}

    def exec(self, window: MainWindow) -> int:
        self.window = window
        QTimer.singleShot(0, lambda: setattr(self, "in_loop", True))
        try:
            return self.app.exec()
        finally:
            self.in_loop = False
            self.ending = True  # the clean-up after the loop is already under way

    def close(self) -> None:
        """Put back what was there before (the app is done; clean-up code runs unhurried)."""
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._reader.close()
        self._writer.close()

    def _terminate(self, _signum: int, _frame: object) -> None:
        if self.ending:
            return
        if not self.in_loop:
            raise KeyboardInterrupt
        if self.window is not None:
            self.window.lock()
        self.app.quit()

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(512)


def _termination_handler(app: QApplication) -> TerminationHandler | None:
    if sys.platform == "win32":  # pragma: no cover - no SIGTERM to speak of
        return None
    return TerminationHandler(app)


def _exec(app: QApplication, window: MainWindow, handler: TerminationHandler | None) -> int:
    show_expected_errors(window)
    return handler.exec(window) if handler is not None else app.exec()


def show_expected_errors(window: MainWindow) -> None:
    """An expected failure that reaches Qt's event loop from a slot (a save refused while the
    journal is still being checked, a full disk…) is shown as a message, not lost in a
    traceback on stderr; anything else is a bug and is reported as before."""
    from peerdesk.errors import PeerDeskError
    from peerdesk.ui.i18n import message_text
    from peerdesk.ui.messages import show_error

    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException,
             trace: types.TracebackType | None) -> None:
        if isinstance(exc, PeerDeskError):
            show_error(window, APP_NAME, message_text(exc))
            return
        previous(kind, exc, trace)

    sys.excepthook = hook


def _run_demo(app: QApplication, smoke_test: bool) -> int:
    handler = _termination_handler(app)  # before the demo's folder exists
    try:
        return _run_demo_window(app, smoke_test, handler)
    finally:
        if handler is not None:
            handler.close()


def _run_demo_window(app: QApplication, smoke_test: bool,
                     handler: TerminationHandler | None) -> int:
    with demo_window() as window:
        # Locking the demo ends it: nobody knows its passphrase.
        window.locked.connect(app.quit, Qt.ConnectionType.QueuedConnection)
        window.show()
        if smoke_test:
            QTimer.singleShot(0, app.quit)
        code = _exec(app, window, handler)
        window.locked.disconnect(app.quit)
        return code


def run_app(journal: str | None = None, *, demo: bool = False, smoke_test: bool = False) -> int:
    from peerdesk.ui.main_window import MainWindow

    app = create_application()
    if demo:
        return _run_demo(app, smoke_test)
    from peerdesk.ui.security.single_instance import InstanceServer, claim_journal

    path = resolve_journal_path(journal)
    lock = claim_journal(path)  # one window per journal; a second one raises the first
    if lock is None:
        return 1
    if lock.held:
        sweep_temp_files(path)  # leftovers of a PeerDesk that was killed
    sweep_stale_demo_folders()
    handler = _termination_handler(app)
    try:
        window = MainWindow(path)
        InstanceServer(lock, window)
        window.show()
        if smoke_test:
            QTimer.singleShot(0, app.quit)
        return _exec(app, window, handler)
    finally:
        if handler is not None:
            handler.close()
