"""Journal-menu security dialogs: change passphrase, back up, restore, delete old sessions,
the damaged-file offer on the unlock screen, and one window per journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.paths import backups_dir
from peerdesk.ui import i18n
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.security.backup_dialogs import RestoreDialog, start_backup
from peerdesk.ui.security.passphrase_dialog import ChangePassphraseDialog
from peerdesk.ui.security.retention import RetentionDialog, months_before
from peerdesk.ui.security.single_instance import InstanceServer, ask_first_instance_to_raise
from peerdesk.vault import Vault, VaultOpenError
from peerdesk.vault.backup import (
    BackupError,
    automatic_backups,
    back_up_to,
    make_automatic_backup,
    vault_passphrase,
)
from peerdesk.vault.instance import InstanceLock
from tests.conftest import PASSPHRASE, journal_files

NEW = "a new and longer passphrase"
MARKER = "RETENTION-MARKER-4410"


def action(window: MainWindow, name: str) -> object:
    found = [a for a in window.journal_menu.actions() if a.objectName() == name]
    assert found, name
    return found[0]


def test_menu_offers_the_security_actions(window: MainWindow) -> None:
    for name in ("changePassphraseAction", "backUpNowAction", "restoreAction",
                 "deleteOldSessionsAction"):
        action(window, name)
    window.lock()
    assert not [a for a in window.journal_menu.actions()
                if a.objectName() == "changePassphraseAction"]


def test_change_passphrase_dialog(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    action(window, "changePassphraseAction").trigger()  # type: ignore[attr-defined]
    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.current.setText("wrong passphrase")
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW + "x")
    assert "differ" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.repeat.setText(NEW)
    assert dialog.ok_button.isEnabled()
    dialog.submit()
    qtbot.waitUntil(lambda: "not right" in dialog.error.text(), timeout=10000)
    assert vault.check_passphrase(PASSPHRASE)
    dialog.current.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.changed, timeout=15000):
        dialog.submit()
    assert vault.is_open
    assert vault.check_passphrase(NEW)
    path = vault.path
    window.lock()
    with pytest.raises(VaultOpenError):
        Vault.open(path, PASSPHRASE)
    Vault.open(path, NEW).close()


def test_back_up_now(qtbot: QtBot, window: MainWindow, vault: Vault, tmp_path: Path) -> None:
    action(window, "backUpNowAction").trigger()  # type: ignore[attr-defined]
    asked = window.findChild(QFileDialog, "backupFileDialog")
    assert asked is not None
    assert asked.isVisible()
    asked.reject()
    target = tmp_path / "mine.peerdesk"
    task = start_backup(window, vault, target)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    Vault.open(target, PASSPHRASE).close()
    info = window.findChild(QMessageBox, "infoMessage")
    assert info is not None
    assert str(target) in info.text()


@pytest.mark.parametrize("with_data_key", [False, True], ids=["passphrase", "data-key"])
def test_restore_from_backup_keeps_the_current_file(qtbot: QtBot, window: MainWindow,
                                                    vault: Vault, with_data_key: bool) -> None:
    # the restore offered after a failed page check reopens with the journal's data key
    secret = vault_passphrase(vault) if with_data_key else PASSPHRASE
    make_automatic_backup(vault, keep=3)
    with vault.transaction() as conn:
        conn.execute("CREATE TABLE later (x)")
    dialog = RestoreDialog(vault.path, window)
    qtbot.addWidget(dialog)
    assert dialog.backups.count() == 1
    requested: list[Path] = []
    dialog.restore_requested.connect(requested.append)
    dialog.restore_button.click()
    assert requested == [automatic_backups(vault.path)[0].path]
    task = window.security.restore(requested[0], secret)
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        pass
    del task
    assert window.context is not None
    names = {row[0] for row in window.context.vault.connection.execute(
        "SELECT name FROM sqlite_master")}
    assert "later" not in names
    kept = [p for p in vault.path.parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1
    with Vault.open(kept[0], PASSPHRASE) as old:
        assert old.connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'later'").fetchone()[0] == 1


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.install_language("es")
    yield
    i18n.install_language("en")  # the QApplication is shared with the other tests


def test_a_failed_restore_is_explained_in_spanish(qtbot: QtBot, spanish: None,
                                                  window: MainWindow, vault: Vault) -> None:
    backup = make_automatic_backup(vault, keep=3)
    assert backup is not None
    window.security.restore(backup, "not the passphrase of that backup")

    def error_box() -> QMessageBox | None:
        found = window.findChild(QMessageBox, "errorMessage")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: error_box() is not None, timeout=15000)
    assert error_box().text() == (
        f"La copia de seguridad {backup.name} no se abre con esta frase de contraseña, o está "
        "dañada. No se ha cambiado nada.")
    Vault.open(vault.path, PASSPHRASE).close()  # the journal itself is untouched


def test_damaged_journal_offers_the_newest_good_backup(qtbot: QtBot, window: MainWindow,
                                                       vault: Vault) -> None:
    with vault.transaction() as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.executemany("INSERT INTO notes VALUES (?)", [("x" * 200,)] * 2000)
    make_automatic_backup(vault, keep=3)
    path = vault.db_path
    window.lock()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    damaged = path.read_bytes()
    page = window.start.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.security.restore_offer is not None, timeout=15000)
    assert "damaged" in page.error.text()
    offer = window.security.restore_offer
    assert offer is not None
    assert "kept aside" in offer.text()
    accept = offer.findChild(object, "restoreOfferAccept")
    with qtbot.waitSignal(window.unlocked, timeout=15000):
        accept.click()  # type: ignore[attr-defined]
    kept = [p for p in vault.path.parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1
    assert (kept[0] / path.name).read_bytes() == damaged  # never overwritten


def test_wrong_passphrase_gets_no_restore_offer(qtbot: QtBot, window: MainWindow,
                                                vault: Vault) -> None:
    make_automatic_backup(vault, keep=3)
    window.lock()
    task = window.security.unlock_failed(VaultOpenError(), "not the passphrase")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert window.security.restore_offer is None


def test_delete_old_sessions_shows_the_count_first(qtbot: QtBot, window: MainWindow,
                                                   vault: Vault) -> None:
    today = dt.date(2026, 11, 20)
    repo = SessionRepository(vault)
    for days_ago in (30, 400, 500, 800):
        repo.add(Session(date=today - dt.timedelta(days=days_ago), notes=f"{MARKER} {days_ago}",
                         peer_code=f"P{days_ago}"))
    dialog = RetentionDialog(vault, window.context.settings, window,  # type: ignore[union-attr]
                             today=lambda: today)
    qtbot.addWidget(dialog)
    dialog.months.setValue(12)
    assert dialog.count == 3
    assert "3 sessions" in dialog.summary.text()
    assert dialog.delete_button.text() == "Delete 3 sessions"
    dialog.months.setValue(24)
    assert dialog.count == 1
    dialog.automatic.setChecked(True)
    with qtbot.waitSignal(dialog.deleted, timeout=10000) as deleted:
        dialog.confirm()
    assert deleted.args == [1]
    assert repo.count() == 3
    assert window.context is not None
    assert window.context.settings.get("retention_months") == 24
    window.lock()
    for file in [f for f in journal_files(vault.path) if f.is_file()]:
        assert f"{MARKER} 800".encode() not in file.read_bytes()


def test_retention_on_unlock_asks_first(window: MainWindow, vault: Vault) -> None:
    context = window.context
    assert context is not None
    today = dt.date(2026, 11, 20)
    SessionRepository(vault).add(Session(date=today - dt.timedelta(days=900), peer_code="OLD"))
    assert window.security.offer_retention(context, today) is None  # off by default
    context.settings.set("retention_months", 12)
    dialog = window.security.offer_retention(context, today)
    assert dialog is not None
    assert QApplication.activeModalWidget() is dialog or dialog.isVisible()
    assert "<b>1 session</b>" in dialog.summary.text()
    dialog.reject()
    assert SessionRepository(vault).count() == 1  # nothing without confirmation


def test_months_before_clamps_the_day() -> None:
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_automatic_backup_after_unlock(qtbot: QtBot, window: MainWindow, vault: Vault) -> None:
    assert window.context is not None
    task = window.security.start_automatic_backup(window.context)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert len(automatic_backups(vault.path)) == 1


def test_locking_stops_a_backup_in_progress(qtbot: QtBot, window: MainWindow, vault: Vault,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Locking does not wait for the daily copy, nor leave it running with the key."""
    from peerdesk.vault import backup

    monkeypatch.setattr(backup, "_STOP_CHECK_STEPS", 1)
    assert window.context is not None
    task = window.security.start_automatic_backup(window.context)
    assert task is not None
    window.lock()
    assert task.progress.cancelled
    assert task.wait(0)  # the copy's thread has ended by the time the lock returns
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    leftovers = [p.name for p in backups_dir(vault.path).iterdir()] \
        if backups_dir(vault.path).exists() else []
    assert all(not name.startswith(".") for name in leftovers)  # no temp or staging copy
    assert len(leftovers) == len(automatic_backups(vault.path))  # only whole backups


@pytest.mark.qt_log_ignore("does not support raise")
def test_second_window_brings_the_first_forward(qtbot: QtBot, journal_path: Path) -> None:
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    lock = InstanceLock(journal_path)
    lock.acquire()
    server = InstanceServer(lock, main)
    try:
        assert ask_first_instance_to_raise(journal_path)
        qtbot.waitUntil(lambda: server.raised_count == 1, timeout=3000)
        assert main.isVisible()
    finally:
        server.close()
    assert not lock.held


def test_backup_to_a_folder_is_refused(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="folder"):
        back_up_to(vault, tmp_path)
