"""Start the GUI."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from peerdesk import APP_NAME, __version__
from peerdesk.paths import resolve_journal_path, resources_dir
from peerdesk.ui.i18n import chosen_language, current_language, install_language
from peerdesk.ui.shortcuts import install_shortcuts_first
from peerdesk.ui.style import install_accessible_style
from peerdesk.ui.wheel_guard import install_wheel_guard


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
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

    folder = Path(tempfile.mkdtemp(prefix="peerdesk-demo-"))
    os.chmod(folder, 0o700)
    try:
        path = folder / "demo.peerdesk"
        passphrase = secrets.token_urlsafe(32)  # never shown: the journal dies with the app
        create_demo_journal(path, passphrase, count=sessions, seed=secrets.randbelow(2**31))
        vault = Vault.open(path, passphrase)
        # An auto-lock would strand the demo behind an unknown passphrase; backups of
        # throwaway data are pointless.
        settings = Settings(vault)
        settings.set("auto_lock_minutes", 0)
        settings.set("backups_keep", 0)
        _fill_demo_directory_and_program(vault, folder)
        window = MainWindow(path, demo=True)
        window.open_session(vault)
    except BaseException:
        remove_demo(folder)
        raise
    return window, folder


def _fill_demo_directory_and_program(vault: Vault, folder: Path) -> None:
    """Give every workspace something to show: the starter referral pack (in the interface
    language), and a year of summaries from six fictional supporters imported into the Program
    workspace."""
    from peerdesk.program.demo import demo_files, months_ending
    from peerdesk.program.importer import import_files
    from peerdesk.referrals.packs import read_starter_pack
    from peerdesk.referrals.repository import ResourceRepository

    ResourceRepository(vault).import_pack(read_starter_pack(current_language()))
    summaries = folder / "summaries"
    summaries.mkdir(mode=0o700)
    files = demo_files(summaries, first=months_ending(dt.date.today()))
    import_files(vault, files)
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


def _run_demo(app: QApplication, smoke_test: bool) -> int:
    with demo_window() as window:
        # Locking the demo ends it: nobody knows its passphrase.
        window.locked.connect(app.quit, Qt.ConnectionType.QueuedConnection)
        window.show()
        if smoke_test:
            QTimer.singleShot(0, app.quit)
        code = app.exec()
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
    window = MainWindow(path)
    InstanceServer(lock, window)
    window.show()
    if smoke_test:
        QTimer.singleShot(0, app.quit)
    return app.exec()
