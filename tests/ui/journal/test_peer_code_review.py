"""After unlock, once: identifying peer codes are listed, replaced or kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.settings import PEER_CODE_REVIEW_DONE, Settings
from peerdesk.ui.journal.peer_code_review import PeerCodeReviewDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


def journal_with(journal_path: Path, *codes: str) -> None:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        repo = SessionRepository(vault)
        for day, code in enumerate(codes, start=1):
            repo.add(Session(date=dt.date(2026, 3, day), peer_code=code))


def unlocked(qtbot: QtBot, journal_path: Path) -> MainWindow:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    window.show()
    window.open_session(Vault.open(journal_path, PASSPHRASE))
    return window


def reopen_after_check(qtbot: QtBot, window: MainWindow, journal_path: Path) -> None:
    """Unlock again and wait for the page check: the review starts only once it has passed."""
    with qtbot.waitSignal(window.security.integrity.verdict, timeout=20000):
        window.open_session(Vault.open(journal_path, PASSPHRASE))


def test_identifying_codes_are_listed_once_and_replaced(qtbot: QtBot, journal_path: Path) -> None:
    journal_with(journal_path, "Maria Lopez", "Maria Lopez", "calm-otter-11", "jo@example.org")
    window = unlocked(qtbot, journal_path)
    qtbot.waitUntil(lambda: window.peer_code_review is not None, timeout=5000)
    review = window.peer_code_review
    assert isinstance(review, PeerCodeReviewDialog)
    rows = [(review.table.item(r, 0).text(), review.table.item(r, 1).text())
            for r in range(review.table.rowCount())]
    assert sorted(rows) == [("Maria Lopez", "2"), ("jo@example.org", "1")]
    qtbot.mouseClick(review.replace_button, Qt.MouseButton.LeftButton)
    assert window.context is not None
    repo = SessionRepository(window.context.vault)
    codes = repo.peer_codes()
    assert "Maria Lopez" not in codes
    assert "jo@example.org" not in codes
    assert len(codes) == 3  # Maria's two sessions still share one (new) code
    assert Settings(window.context.vault).marked(PEER_CODE_REVIEW_DONE)
    window.lock()
    reopen_after_check(qtbot, window, journal_path)
    assert window.peer_code_task is None  # not asked again
    window.lock()


def test_the_codes_are_read_on_a_worker_not_on_the_gui_connection(
        qtbot: QtBot, journal_path: Path) -> None:
    """Reading every code of a large journal takes a while: the GUI thread must not wait."""
    journal_with(journal_path, "Maria Lopez", "calm-otter-11")
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    window.show()
    vault = Vault.open(journal_path, PASSPHRASE)
    statements: list[str] = []
    vault.connection.set_trace_callback(statements.append)
    window.open_session(vault)
    qtbot.waitUntil(lambda: window.peer_code_review is not None, timeout=5000)
    vault.connection.set_trace_callback(None)
    assert not [s for s in statements if "peer_code" in s and "DISTINCT" in s]
    assert window.peer_code_review.table.rowCount() == 1
    window.lock()


def test_deciding_later_asks_again_and_keeping_does_not(qtbot: QtBot, journal_path: Path) -> None:
    journal_with(journal_path, "Maria Lopez")
    window = unlocked(qtbot, journal_path)
    qtbot.waitUntil(lambda: window.peer_code_review is not None, timeout=5000)
    assert window.peer_code_review is not None
    qtbot.mouseClick(window.peer_code_review.later_button, Qt.MouseButton.LeftButton)
    window.lock()
    window.open_session(Vault.open(journal_path, PASSPHRASE))
    qtbot.waitUntil(lambda: window.peer_code_review is not None, timeout=5000)
    qtbot.mouseClick(window.peer_code_review.keep_button, Qt.MouseButton.LeftButton)
    assert window.context is not None
    assert SessionRepository(window.context.vault).peer_codes() == ["Maria Lopez"]
    window.lock()
    reopen_after_check(qtbot, window, journal_path)
    assert window.peer_code_task is None
    window.lock()
