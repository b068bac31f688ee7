"""`peerdesk --demo`: a throwaway journal of synthetic sessions, with a banner, removed after."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui import app as app_module
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
    finally:
        window.lock()
        app_module.remove_demo(folder)
    assert not folder.exists()


def test_run_app_demo_removes_the_journal_on_exit(qtbot: QtBot, temp_root: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "DEMO_SESSIONS", 20)
    opened = app_module.open_demo_window
    seen: list[Path] = []

    def spy(sessions: int = 20) -> tuple[object, Path]:
        window, folder = opened(sessions)
        seen.append(folder)
        assert (folder / "demo.peerdesk").exists()
        return window, folder

    monkeypatch.setattr(app_module, "open_demo_window", spy)
    assert app_module.run_app(demo=True, smoke_test=True) == 0
    assert len(seen) == 1
    assert not seen[0].exists()
    assert list(temp_root.iterdir()) == []
