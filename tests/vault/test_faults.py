"""Naming faults by what really happened, and the integrity gate in front of every write."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import (
    Vault,
    VaultCheckPendingError,
    VaultDamagedError,
    VaultDiskFullError,
    VaultFolderMissingError,
    VaultInUseError,
    VaultLockedError,
    VaultOpenError,
    VaultReadOnlyError,
)
from peerdesk.vault.faults import classify, diagnose_storage
from peerdesk.vault.integrity import Integrity, IntegrityGate
from peerdesk.vault.leftovers import sweep_old_temps_beside, sweep_temp_files
from tests.conftest import PASSPHRASE


class _SqliteError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"code {code}")
        self.sqlite_errorcode = code


@pytest.mark.parametrize(("code", "named"), [
    (13, VaultDiskFullError), (5, VaultInUseError), (6, VaultInUseError),
    (11, VaultDamagedError), (26, VaultOpenError),
])
def test_sqlite_codes_name_the_fault(tmp_path: Path, code: int, named: type) -> None:
    import sqlcipher3

    error = type("E", (_SqliteError, sqlcipher3.OperationalError), {})(code)
    assert isinstance(classify(error, tmp_path / "j.peerdesk"), named)


@pytest.mark.parametrize(("number", "named"), [
    (errno.ENOSPC, VaultDiskFullError), (errno.EDQUOT, VaultDiskFullError),
    (errno.EROFS, VaultReadOnlyError),
])
def test_os_errors_name_the_fault(tmp_path: Path, number: int, named: type) -> None:
    assert isinstance(classify(OSError(number, "x"), tmp_path / "f"), named)


def test_a_missing_folder_is_named_and_not_made(tmp_path: Path) -> None:
    target = tmp_path / "gone" / "j.peerdesk"
    fault = classify(OSError(errno.ENOENT, "x"), target)
    assert isinstance(fault, VaultFolderMissingError)
    assert "does not exist" in str(fault)
    assert diagnose_storage(target) is not None
    assert not target.parent.exists()


def test_the_storage_probe_leaves_nothing_behind(tmp_path: Path) -> None:
    assert diagnose_storage(tmp_path / "j.peerdesk") is None  # a healthy folder
    assert list(tmp_path.iterdir()) == []


def test_an_unchecked_journal_is_checked_before_its_first_write(vault: Vault) -> None:
    path = vault.path
    vault.close()
    with Vault.open(path, PASSPHRASE) as reopened:
        assert reopened.integrity is Integrity.UNCHECKED
        SessionRepository(reopened).add(_session())
        assert reopened.integrity is Integrity.INTACT


def _session() -> Session:
    import datetime as dt

    return Session(date=dt.date(2026, 2, 2))


def test_a_deferred_gate_refuses_the_main_thread_and_holds_workers() -> None:
    gate = IntegrityGate()
    gate.defer()
    with pytest.raises(VaultCheckPendingError):
        gate.before_write(None)
    outcome: list[str] = []

    def worker() -> None:
        try:
            gate.before_write(None)
            outcome.append("wrote")
        except VaultDamagedError:
            outcome.append("refused")

    thread = threading.Thread(target=worker)
    thread.start()
    gate.record(["HMAC verification failed for page 7"])
    thread.join(10)
    assert outcome == ["refused"]
    with pytest.raises(VaultDamagedError, match="page 7"):
        gate.before_write(None)


def test_closing_wakes_a_waiting_worker_with_locked() -> None:
    gate = IntegrityGate()
    gate.defer()
    seen: list[BaseException] = []

    def worker() -> None:
        try:
            gate.before_write(None)
        except (VaultLockedError, VaultCheckPendingError) as exc:
            seen.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    gate.close()
    thread.join(10)
    assert len(seen) == 1
    assert isinstance(seen[0], VaultLockedError)


def test_leftover_temp_files_are_swept(vault: Vault) -> None:
    folder = vault.path.parent
    name = vault.path.name
    stale = [folder / f".{name}.restore-0a1b2c3d.tmp", folder / f".{name}.rekey-1.tmp-journal",
             folder / ".peerdesk-probe-12345678.tmp"]
    backups = folder / "backups"
    backups.mkdir()
    stale.append(backups / f".{vault.path.stem}-20261204-101500.peerdesk.backup-9f.tmp")
    keep = [folder / "notes.txt", backups / f"{vault.path.stem}-20261204-101500.peerdesk"]
    for path in (*stale, *keep):
        path.write_bytes(b"x")
    assert sorted(sweep_temp_files(vault.path)) == sorted(stale)
    assert all(path.exists() for path in keep)
    assert vault.path.exists()


def test_old_temps_beside_a_backup_target_go_fresh_ones_stay(tmp_path: Path) -> None:
    import os

    target = tmp_path / "b.peerdesk"
    old = tmp_path / ".b.peerdesk.backup-aaaa.tmp"
    fresh = tmp_path / ".b.peerdesk.backup-bbbb.tmp"
    for path in (old, fresh):
        path.write_bytes(b"x")
    os.utime(old, (1_000_000, 1_000_000))
    assert sweep_old_temps_beside(target) == [old]
    assert fresh.exists()
