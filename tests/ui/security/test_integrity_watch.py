"""After unlock the journal is proven whole in the background; read-only until then, and for
good if a page is damaged, with the newest good backup offered (issue #16)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.journal.demo import fill_journal
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.paths import journal_db_path
from peerdesk.ui.main_window import MainWindow
from peerdesk.vault import Vault, VaultCheckPendingError, VaultDamagedError
from peerdesk.vault.backup import make_automatic_backup
from peerdesk.vault.integrity import Integrity
from tests.conftest import PASSPHRASE
from tests.faults import WORDS, Inputs, can_mount, digest, make_inputs, provoke


def _flip_a_data_page(path: Path) -> None:
    if path.is_dir():
        path = journal_db_path(path)
    data = bytearray(path.read_bytes())
    page = len(data) // 4096 - 2
    data[page * 4096 + 300] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture
def filled(journal_path: Path) -> Path:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        fill_journal(vault, 60, seed=4)
    return journal_path


@pytest.fixture
def unlocked(qtbot: QtBot, filled: Path) -> Iterator[MainWindow]:
    window = MainWindow(filled)
    qtbot.addWidget(window)
    window.security.backup_timer.setInterval(60_000)
    window.show()
    yield window
    window.lock()


def _unlock(qtbot: QtBot, window: MainWindow) -> Vault:
    vault = Vault.open(window.journal_path, PASSPHRASE)
    with qtbot.waitSignal(window.security.integrity.verdict, timeout=20000) as verdict:
        window.open_session(vault)
        assert vault.integrity is Integrity.UNCHECKED  # the list is there before the check
        with pytest.raises(VaultCheckPendingError, match="still checking"):
            SessionRepository(vault).add(Session(date=dt.date(2026, 3, 1)))
    assert window.context is not None
    verdict_value: bool = verdict.args[0]
    assert verdict_value is (vault.integrity is Integrity.INTACT)
    return vault


def test_an_intact_journal_becomes_writable_after_the_background_check(
        qtbot: QtBot, unlocked: MainWindow) -> None:
    vault = _unlock(qtbot, unlocked)
    assert vault.writable
    assert not unlocked.shell.banner.isVisible()
    saved = SessionRepository(vault).add(Session(date=dt.date(2026, 3, 1)))
    assert saved.id is not None


def test_a_damaged_journal_stays_read_only_and_the_good_backup_is_offered(
        qtbot: QtBot, filled: Path, unlocked: MainWindow) -> None:
    with Vault.open(filled, PASSPHRASE) as vault:
        make_automatic_backup(vault, keep=3)
    _flip_a_data_page(filled)
    before = journal_db_path(filled).read_bytes()
    vault = _unlock(qtbot, unlocked)
    assert vault.integrity is Integrity.DAMAGED
    banner = unlocked.shell.banner
    assert banner.isVisible()
    assert "damaged" in banner.text()
    assert "read-only" in banner.text()
    with pytest.raises(VaultDamagedError):
        SessionRepository(vault).add(Session(date=dt.date(2026, 3, 2)))
    watch = unlocked.security.integrity
    qtbot.waitUntil(lambda: watch.offer is not None, timeout=20000)
    assert watch.offer is not None
    assert "passed the same check" in watch.offer.text()
    unlocked.security.integrity.stop()
    unlocked.lock()
    assert journal_db_path(filled).read_bytes() == before  # never written to


# -- faults met while unlocking, provoked for real (see tests/faults.py) -------------------------

APP_FAULTS = ("disk-full", "read-only-folder", "wrong-passphrase", "damaged", "newer-version")


@pytest.fixture(scope="module")
def fault_inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    return make_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def mounting(tmp_path_factory: pytest.TempPathFactory) -> bool:
    return can_mount(tmp_path_factory.mktemp("probe") / "m")


@pytest.mark.parametrize("fault", APP_FAULTS)
def test_the_unlock_screen_names_the_fault_and_the_file_is_untouched(
        qtbot: QtBot, fault: str, fault_inputs: Inputs, tmp_path: Path, mounting: bool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    passphrase = "not the passphrase" if fault == "wrong-passphrase" else PASSPHRASE
    with provoke(fault, "check", fault_inputs, tmp_path, mounting, monkeypatch) as journal:
        before = digest(journal)
        window = MainWindow(journal)
        qtbot.addWidget(window)
        window.show()
        error = window.start.unlock_page.error
        window.start.unlock_page.unlock_requested.emit(passphrase)
        if fault == "damaged":  # page 1 is fine: the damage is found by the check after unlock
            qtbot.waitUntil(lambda: window.shell.banner.isVisible(), timeout=20000)
            text = window.shell.banner.text()
            window.security.integrity.stop()
            window.lock()
        else:
            qtbot.waitUntil(lambda: bool(error.text()), timeout=20000)
            text = error.text()
        after = digest(journal)
    assert WORDS[fault] in text
    assert after == before
