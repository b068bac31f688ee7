"""`peerdesk --demo`: a throwaway journal of synthetic sessions, with a banner, removed after."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.program.store import ProgramStore
from peerdesk.referrals.repository import ResourceRepository
from peerdesk.ui import app as app_module
from peerdesk.ui import i18n
from peerdesk.ui.journal.workspace import JournalWorkspace


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_demo_window_shows_banner_and_a_filled_list(qtbot: QtBot, temp_root: Path) -> None:
    window, folder = app_module.open_demo_window(sessions=60)
    qtbot.addWidget(window)
    try:
        assert folder.parent == temp_root
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert window.is_unlocked
        assert window.shell.banner.isVisibleTo(window)
        assert "Demo data" in window.shell.banner.text()
        journal = next(w for w in window.shell.workspaces if isinstance(w, JournalWorkspace))
        assert journal.model.total == 60
        assert journal.model.rowCount() == 60
        # Every workspace has something to show: the directory and a program of summaries.
        vault = window.context.vault
        assert ResourceRepository(vault).count() >= 10
        assert len(ProgramStore(vault).supporters()) == 6
        assert sum(f.contacts for f in ProgramStore(vault).month_figures()) > 1000
        assert not (folder / "summaries").exists()  # the synthetic files were removed
    finally:
        window.lock()
        app_module.remove_demo(folder)
    assert not folder.exists()


def test_spanish_demo_has_the_spanish_starter_pack(qtbot: QtBot, temp_root: Path) -> None:
    i18n.install_language("es")  # as create_application does when Spanish is chosen
    try:
        window, folder = app_module.open_demo_window(sessions=5)
    finally:
        i18n.install_language("en")
    qtbot.addWidget(window)
    try:
        eap = ResourceRepository(window.context.vault).get("starter-eap")
        assert eap.name == "Programa de ayuda al empleado (PAE)"
    finally:
        window.lock()
        app_module.remove_demo(folder)


def test_demo_window_block_removes_the_journal(qtbot: QtBot, temp_root: Path) -> None:
    with app_module.demo_window(sessions=20) as window:
        qtbot.addWidget(window)
        folder = window.journal_path.parent
        assert (folder / "demo.peerdesk").exists()
        assert window.demo
        assert window.is_unlocked
        assert window.context is not None
        assert window.context.settings.get("auto_lock_minutes") == 0
    assert not window.is_unlocked
    assert not folder.exists()
    assert list(temp_root.iterdir()) == []


def test_cli_passes_the_demo_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    from peerdesk import cli

    seen: dict[str, object] = {}

    def fake_run_app(**kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    assert cli.main(["--demo"]) == 0
    assert seen["demo"] is True


@pytest.mark.skipif(not hasattr(app_module.signal, "SIGTERM") or app_module.sys.platform ==
                    "win32", reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT"])
def test_a_termination_signal_locks_the_window_and_ends_the_loop(
        qtbot: QtBot, journal_path: Path, name: str) -> None:
    import os
    import signal

    from PySide6.QtCore import QTimer

    from peerdesk.ui.main_window import MainWindow
    from peerdesk.vault import Vault
    from tests.conftest import PASSPHRASE

    application = app_module.create_application()
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    window.open_session(Vault.create(journal_path, PASSPHRASE))
    before = signal.getsignal(getattr(signal, name))
    handler = app_module.TerminationHandler(application)
    try:
        QTimer.singleShot(50, lambda: os.kill(os.getpid(), getattr(signal, name)))
        with qtbot.waitSignal(window.locked, timeout=10000):
            assert handler.exec(window) == 0  # the loop ended because of the signal
    finally:
        handler.close()
    assert not window.is_unlocked
    assert signal.getsignal(getattr(signal, name)) == before  # put back after the loop


def test_the_gui_hands_the_interpreter_to_its_workers_every_millisecond() -> None:
    """A paint waits for the interpreter lock at most about this long per call into Python."""
    import subprocess
    import sys

    probe = ("import sys; from peerdesk.ui.app import create_application; "
             "create_application(['peerdesk']); print(sys.getswitchinterval())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert float(done.stdout.strip()) == pytest.approx(0.001)
