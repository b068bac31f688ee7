"""Backups: now, rolling, restore — always encrypted, atomic, never destructive."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.paths import backups_dir
from peerdesk.vault import Vault, VaultDiskFullError, VaultOpenError, VaultReadOnlyError
from peerdesk.vault.backup import (
    BackupError,
    BackupStopped,
    automatic_backups,
    back_up_if_due,
    back_up_to,
    check_backup,
    make_automatic_backup,
    newest_good_backup,
    replace_automatic_backups,
    restore_backup,
    restore_open_vault,
)
from peerdesk.vault.rekey import change_passphrase
from tests.conftest import PASSPHRASE


@pytest.fixture
def vault(journal_path: Path) -> Iterator[Vault]:
    """A single-file journal (from before key slots): single-file backups are still made, checked
    and restored for them (journal folders: tests/vault/test_key_change.py)."""
    opened = Vault.create(journal_path, PASSPHRASE, folder=False)
    yield opened
    opened.close()

MARKER = "BACKUP-MARKER-9182"
NOON = dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC)


def fill(vault: Vault, rows: int = 50, table: str = "notes") -> None:
    with vault.transaction() as conn:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} (body TEXT)")
        conn.executemany(f"INSERT INTO {table} VALUES (?)",
                         [(f"{MARKER} {i}",) for i in range(rows)])


def rows(path: Path, passphrase: str = PASSPHRASE) -> int:
    with Vault.open(path, passphrase) as opened:
        return int(opened.connection.execute("SELECT count(*) FROM notes").fetchone()[0])


def test_back_up_now_is_encrypted_private_and_complete(vault: Vault, tmp_path: Path) -> None:
    fill(vault)
    target = tmp_path / "elsewhere" / "copy.peerdesk"
    target.parent.mkdir()
    back_up_to(vault, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert MARKER.encode() not in target.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.peerdesk"]  # no temp left
    report = check_backup(target, PASSPHRASE)
    assert report.ok
    assert report.schema_version == vault.schema_version
    assert rows(target) == 50
    with pytest.raises(VaultOpenError):
        Vault.open(target, "another passphrase")


@pytest.mark.parametrize("folder", [False, True])
def test_a_stopped_backup_leaves_nothing_behind(journal_path: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                folder: bool) -> None:
    """Locking stops a backup in progress: no copy, no temp file, no staging folder."""
    from peerdesk.vault import backup

    monkeypatch.setattr(backup, "_STOP_CHECK_STEPS", 1)
    with Vault.create(journal_path, PASSPHRASE, folder=folder) as journal:
        fill(journal, rows=500)
        target = tmp_path / "copies" / "copy.peerdesk"
        target.parent.mkdir()
        asked: list[bool] = []

        def stop() -> bool:
            asked.append(True)
            return len(asked) > 3  # a few steps into the copy

        with pytest.raises(BackupStopped):
            back_up_to(journal, target, stop=stop)
        assert list(target.parent.iterdir()) == []
        back_up_to(journal, target, stop=lambda: False)  # not stopped: a whole copy
        assert check_backup(target, PASSPHRASE).ok


def test_backup_while_the_app_has_uncommitted_wal_pages(vault: Vault, tmp_path: Path) -> None:
    fill(vault)  # committed into the WAL, not yet checkpointed into the main file
    assert Path(f"{vault.path}-wal").stat().st_size > 0
    back_up_to(vault, tmp_path / "b.peerdesk")
    assert rows(tmp_path / "b.peerdesk") == 50


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EROFS])
def test_full_disk_or_read_only_leaves_the_old_backup(vault: Vault, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      err: int) -> None:
    fill(vault)
    target = tmp_path / "b.peerdesk"
    back_up_to(vault, target)
    before = target.read_bytes()
    fill(vault, 5)

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr("peerdesk.vault.backup.os.replace", failing_replace)
    named = VaultDiskFullError if err == errno.ENOSPC else VaultReadOnlyError
    with pytest.raises(named, match="Nothing was"):
        back_up_to(vault, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.peerdesk", "journal"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_gives_a_clear_message(vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(VaultReadOnlyError, match="is read-only"):
            back_up_to(vault, folder / "b.peerdesk")
    finally:
        folder.chmod(0o700)


def test_backup_refuses_to_overwrite_the_journal(vault: Vault) -> None:
    with pytest.raises(BackupError):
        back_up_to(vault, vault.path)


def test_rolling_backups_daily_and_pruned(vault: Vault) -> None:
    fill(vault)
    first = back_up_if_due(vault, keep=2, now=NOON)
    assert first is not None
    assert first.parent == backups_dir(vault.path)
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert back_up_if_due(vault, keep=2, now=NOON + dt.timedelta(hours=23)) is None
    for day in (1, 2):
        assert back_up_if_due(vault, keep=2, now=NOON + dt.timedelta(days=day)) is not None
    kept = automatic_backups(vault.path)
    assert len(kept) == 2
    assert kept[0].created_at == NOON + dt.timedelta(days=2)
    assert first not in [info.path for info in kept]
    assert back_up_if_due(vault, keep=0, now=NOON + dt.timedelta(days=9)) is None


def test_restore_keeps_the_current_file_aside(vault: Vault, tmp_path: Path) -> None:
    fill(vault, 10)
    backup = tmp_path / "b.peerdesk"
    back_up_to(vault, backup)
    fill(vault, 5)
    kept = restore_open_vault(vault, backup)
    assert kept is not None
    assert kept.exists()
    assert vault.connection.execute("SELECT count(*) FROM notes").fetchone()[0] == 10
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o600
    vault.close()
    assert rows(kept) == 15  # the replaced journal is intact, never deleted


def test_damaged_backup_is_refused_and_nothing_changes(vault: Vault, tmp_path: Path) -> None:
    fill(vault, 200)
    backup = tmp_path / "b.peerdesk"
    back_up_to(vault, backup)
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    vault.close()
    before = sorted(p.name for p in vault.path.parent.iterdir())
    journal_bytes = vault.path.read_bytes()
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(vault.path, backup, PASSPHRASE)
    with pytest.raises(BackupError, match="does not open"):
        restore_backup(vault.path, backup, "wrong passphrase")
    assert sorted(p.name for p in vault.path.parent.iterdir()) == before
    assert vault.path.read_bytes() == journal_bytes


def test_newest_good_backup_skips_a_damaged_one(vault: Vault) -> None:
    fill(vault, 200)
    older = make_automatic_backup(vault, keep=5, now=NOON)
    newer = make_automatic_backup(vault, keep=5, now=NOON + dt.timedelta(days=1))
    assert older is not None
    assert newer is not None
    newer.write_bytes(newer.read_bytes()[:8192])
    found = newest_good_backup(vault.path, PASSPHRASE)
    assert found is not None
    assert found.path == older
    assert newest_good_backup(vault.path, "wrong passphrase") is None


def test_automatic_backups_follow_a_passphrase_change(vault: Vault) -> None:
    fill(vault)
    make_automatic_backup(vault, keep=5, now=NOON)
    change_passphrase(vault, PASSPHRASE, "the new passphrase 7")
    replace_automatic_backups(vault, keep=5)
    backups = automatic_backups(vault.path)
    assert len(backups) == 1
    check_backup(backups[0].path, "the new passphrase 7")
    with pytest.raises(BackupError):
        check_backup(backups[0].path, PASSPHRASE)


def test_cli_backup(journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    with Vault.create(journal_path, PASSPHRASE) as created:
        fill(created)
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "cli.peerdesk"
    assert main(["backup", "--out", str(out), "--journal", str(journal_path)]) == 0
    assert "encrypted backup" in capsys.readouterr().out
    assert rows(out) == 50
    assert main(["backup", "--out", str(tmp_path / "missing" / "x"),
                 "--journal", str(journal_path)]) == 1
    assert "does not exist" in capsys.readouterr().err
