"""Journal folders through the vault: create, unlock, change passphrase, recover, new code,
kit off, wrong code, tampered slots, and kill -9 in the middle of a slot rewrite or a move.

Key slots take Argon2id's floor (the conftest's switch), never weaker parameters.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.paths import journal_db_path, key_file_path, legacy_copy_path, resolve_journal_path
from peerdesk.vault import Vault, VaultNotFoundError, VaultOpenError
from peerdesk.vault.backup import (
    automatic_backups,
    back_up_to,
    check_backup,
    make_automatic_backup,
    restore_backup,
    restore_open_vault,
)
from peerdesk.vault.journal_folder import finish_interrupted_migration
from peerdesk.vault.key_change import (
    WrongCurrentPassphraseError,
    change_passphrase,
    recover,
    store_recovery_code,
    turn_off_recovery_kit,
)
from peerdesk.vault.keyslots import (
    MINIMUM_ARGON2,
    KeyFileError,
    NoRecoveryCodeError,
    WrongRecoveryCodeError,
    read_keyring,
)
from peerdesk.vault.recovery_code import generate_recovery_code
from tests.conftest import PASSPHRASE

NEW = "a brand new passphrase 42"


def _add_sessions(vault: Vault, count: int = 3) -> None:
    repo = SessionRepository(vault)
    for day in range(1, count + 1):
        repo.add(Session(date=dt.date(2026, 11, day), notes=f"note {day}", peer_code=f"P{day}"))


def _notes(vault: Vault) -> list[str]:
    return sorted(s.notes for s in SessionRepository(vault).sessions_between(None, None))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def folder_journal(journal_path: Path) -> Path:
    with Vault.create(journal_path, PASSPHRASE, folder=True) as vault:
        _add_sessions(vault)
    return journal_path


def test_a_new_journal_is_a_private_folder_with_its_key_file(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=True) as vault:
        _add_sessions(vault)
        assert vault.key_file == key_file_path(journal_path)
        assert vault.db_path == journal_db_path(journal_path)
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o700
    for name in ("journal.db", "keys.json"):
        assert stat.S_IMODE((journal_path / name).stat().st_mode) == 0o600
    assert not (journal_path / "journal.db").read_bytes().startswith(b"SQLite format 3")
    keyring = read_keyring(key_file_path(journal_path))
    assert keyring.passphrase_slot.argon2 == MINIMUM_ARGON2
    assert keyring.recovery_slot is None
    with Vault.open(journal_path, PASSPHRASE) as vault:
        assert _notes(vault) == ["note 1", "note 2", "note 3"]


def test_a_wrong_passphrase_is_refused_and_nothing_is_written(folder_journal: Path) -> None:
    before = _snapshot(folder_journal)
    with pytest.raises(VaultOpenError):
        Vault.open(folder_journal, "not the passphrase")
    assert _snapshot(folder_journal) == before


def test_journal_db_given_as_the_journal_means_its_folder(folder_journal: Path) -> None:
    given = journal_db_path(folder_journal)
    assert resolve_journal_path(given) == folder_journal
    with Vault.open(given, PASSPHRASE) as vault:
        assert vault.path == folder_journal


def test_changing_the_passphrase_rewraps_one_slot_and_updates_automatic_backups(
        folder_journal: Path) -> None:
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        backup = make_automatic_backup(vault, keep=3)
        assert backup is not None
        database = journal_db_path(folder_journal).read_bytes()
        with pytest.raises(WrongCurrentPassphraseError):
            change_passphrase(vault, "not it", NEW)
        change_passphrase(vault, PASSPHRASE, NEW)
        assert vault.check_passphrase(NEW)
        assert not vault.check_passphrase(PASSPHRASE)
        assert _notes(vault) == ["note 1", "note 2", "note 3"]  # still unlocked, same key
    assert journal_db_path(folder_journal).read_bytes() == database  # no re-encryption
    with pytest.raises(VaultOpenError):
        Vault.open(folder_journal, PASSPHRASE)
    with Vault.open(folder_journal, NEW) as vault:
        assert _notes(vault) == ["note 1", "note 2", "note 3"]
    # The automatic backup follows the new passphrase; the old one opens nothing kept.
    with pytest.raises(VaultOpenError):
        Vault.open(backup, PASSPHRASE)
    with Vault.open(backup, NEW) as opened:
        assert _notes(opened) == ["note 1", "note 2", "note 3"]


def test_the_recovery_code_sets_a_new_passphrase_and_stays_valid(folder_journal: Path) -> None:
    code = generate_recovery_code()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        fingerprint = store_recovery_code(vault, code)
    assert read_keyring(key_file_path(folder_journal)).fingerprint == fingerprint
    with recover(folder_journal, code, NEW) as vault:
        assert _notes(vault) == ["note 1", "note 2", "note 3"]
    with pytest.raises(VaultOpenError):
        Vault.open(folder_journal, PASSPHRASE)
    with recover(folder_journal, code, "and once more, another one") as vault:
        assert vault.check_passphrase("and once more, another one")


def test_a_new_code_invalidates_the_old_one_in_the_journal_and_its_backups(
        folder_journal: Path) -> None:
    old, new = generate_recovery_code(), generate_recovery_code()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        store_recovery_code(vault, old)
        backup = make_automatic_backup(vault, keep=3)
        assert backup is not None
        store_recovery_code(vault, new)
    for journal in (folder_journal, backup):
        before = _snapshot(journal)
        with pytest.raises(WrongRecoveryCodeError):
            recover(journal, old, NEW)
        assert _snapshot(journal) == before
    with recover(backup, new, NEW) as opened:
        assert _notes(opened) == ["note 1", "note 2", "note 3"]


def test_turning_the_kit_off_leaves_no_way_but_the_passphrase(folder_journal: Path) -> None:
    code = generate_recovery_code()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        store_recovery_code(vault, code)
        turn_off_recovery_kit(vault)
    assert read_keyring(key_file_path(folder_journal)).recovery_slot is None
    before = _snapshot(folder_journal)
    with pytest.raises(NoRecoveryCodeError):
        recover(folder_journal, code, NEW)
    assert _snapshot(folder_journal) == before
    Vault.open(folder_journal, PASSPHRASE).close()


def test_a_wrong_code_gets_one_neutral_message_naming_the_fingerprint(
        folder_journal: Path) -> None:
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        fingerprint = store_recovery_code(vault, generate_recovery_code())
    before = _snapshot(folder_journal)
    with pytest.raises(WrongRecoveryCodeError, match=fingerprint):
        recover(folder_journal, generate_recovery_code(), NEW)
    assert _snapshot(folder_journal) == before
    Vault.open(folder_journal, PASSPHRASE).close()


@pytest.mark.parametrize("field", ["memory_kib", "iterations", "salt"])
def test_a_tampered_passphrase_slot_is_refused_and_left_alone(folder_journal: Path,
                                                              field: str) -> None:
    key_file = key_file_path(folder_journal)
    document = json.loads(key_file.read_text("ascii"))
    kdf = document["slots"][0]["kdf"]
    kdf[field] = kdf[field] + 1 if field != "salt" else "A" * 22 + "=="
    key_file.write_text(json.dumps(document), "ascii")
    before = _snapshot(folder_journal)
    with pytest.raises((VaultOpenError, KeyFileError)):
        Vault.open(folder_journal, PASSPHRASE)
    assert _snapshot(folder_journal) == before


def test_a_missing_key_file_is_named(folder_journal: Path) -> None:
    key_file_path(folder_journal).unlink()
    with pytest.raises(KeyFileError, match=r"keys\.json"):
        Vault.open(folder_journal, PASSPHRASE)


def test_an_old_single_file_journal_moves_into_its_folder_on_unlock(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        _add_sessions(vault)
        journal_id = vault.journal_id
    with Vault.open(journal_path, PASSPHRASE, move_into_folder=True) as vault:
        assert vault.moved_into_folder
        assert vault.writable  # the move verified every page of the copy
        assert vault.journal_id == journal_id
        assert _notes(vault) == ["note 1", "note 2", "note 3"]
    assert journal_path.is_dir()
    assert legacy_copy_path(journal_path).is_file()
    with Vault.open(journal_path, PASSPHRASE) as vault:
        assert not vault.moved_into_folder
        change_passphrase(vault, PASSPHRASE, NEW)
    assert not legacy_copy_path(journal_path).exists()  # it would keep the old passphrase


def test_a_missing_journal_folder_is_named(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    with pytest.raises(VaultNotFoundError):
        Vault.open(journal_path, PASSPHRASE)


KILL_HARNESS = textwrap.dedent("""
    import os, random, signal, sys, time
    from pathlib import Path
    from peerdesk.vault import Vault
    from peerdesk.vault.key_change import change_passphrase

    mode, path, first, second, rounds = sys.argv[1:6]
    rng = random.Random(11)
    for _ in range(int(rounds)):
        pid = os.fork()
        if pid == 0:
            try:
                if mode == "move":
                    Vault.open(Path(path), first, move_into_folder=True).close()
                else:
                    with Vault.open(Path(path), first) as vault:
                        while True:
                            change_passphrase(vault, first, second)
                            change_passphrase(vault, second, first)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.8))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if mode == "move":
            break
""")


def _kill(mode: str, path: Path, rounds: int) -> None:
    done = subprocess.run([sys.executable, "-c", KILL_HARNESS, mode, str(path), PASSPHRASE, NEW,
                           str(rounds)], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr


def _opens_with(path: Path) -> list[str]:
    opened = []
    for phrase in (PASSPHRASE, NEW):
        try:
            with Vault.open(path, phrase) as vault:
                assert _notes(vault) == ["note 1", "note 2", "note 3"]
            opened.append(phrase)
        except VaultOpenError:
            continue
    return opened


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL/fork harness needs POSIX")
def test_kill_9_during_passphrase_changes_leaves_exactly_one_that_opens(
        folder_journal: Path) -> None:
    for _ in range(3):
        _kill("rewrite", folder_journal, rounds=2)
        assert len(_opens_with(folder_journal)) == 1


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL/fork harness needs POSIX")
def test_kill_9_during_the_move_of_an_old_journal_loses_nothing(tmp_path: Path) -> None:
    template = tmp_path / "template.peerdesk"
    with Vault.create(template, PASSPHRASE, folder=False) as vault:
        _add_sessions(vault)
    for round_number in range(4):
        path = tmp_path / f"round{round_number}" / "journal.peerdesk"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        _kill("move", path, rounds=1)
        finish_interrupted_migration(path)
        # Whatever the moment: exactly the passphrase opens the one journal at the path.
        assert _opens_with(path) == [PASSPHRASE]
        with Vault.open(path, PASSPHRASE, move_into_folder=True) as vault:
            assert _notes(vault) == ["note 1", "note 2", "note 3"]
        assert path.is_dir()
        assert sorted(p.name for p in path.parent.iterdir()) in (
            ["journal.peerdesk"], ["journal.peerdesk", "journal.peerdesk.lock"])


def test_automatic_backups_are_folders_that_open_on_their_own(folder_journal: Path) -> None:
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        backup = make_automatic_backup(vault, keep=2)
    assert backup is not None
    assert backup.is_dir()
    assert [info.path for info in automatic_backups(folder_journal)] == [backup]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    with Vault.open(backup, PASSPHRASE) as opened:
        assert _notes(opened) == ["note 1", "note 2", "note 3"]


def test_a_backup_folder_is_checked_and_restored_in_place_of_the_journal(
        folder_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "saved" / "copy.peerdesk"
    target.parent.mkdir()
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        back_up_to(vault, target)
        assert check_backup(target, PASSPHRASE).ok
        _add_sessions(vault, 5)  # changes after the backup, undone by restoring it
        kept = restore_open_vault(vault, target)
        assert _notes(vault) == ["note 1", "note 2", "note 3"]
        assert vault.writable
    assert kept is not None
    assert kept.is_dir()
    with Vault.open(kept, PASSPHRASE) as previous:
        assert len(_notes(previous)) == 8
    with Vault.open(folder_journal, PASSPHRASE) as vault:
        assert _notes(vault) == ["note 1", "note 2", "note 3"]


def test_an_old_single_file_backup_restored_moves_into_a_folder_on_unlock(
        journal_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "old-backup.peerdesk"
    with Vault.create(old, PASSPHRASE, folder=False) as vault:
        _add_sessions(vault, 2)
    with Vault.create(journal_path, PASSPHRASE, folder=True) as vault:
        _add_sessions(vault, 4)
    kept = restore_backup(journal_path, old, PASSPHRASE)
    assert kept is not None
    assert kept.is_dir()
    assert journal_path.is_file()
    with Vault.open(journal_path, PASSPHRASE, move_into_folder=True) as vault:
        assert _notes(vault) == ["note 1", "note 2"]
    assert journal_path.is_dir()


def test_a_damaged_old_journal_is_not_moved(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault, vault.transaction() as db:
        db.execute("CREATE TABLE filler (body TEXT)")
        db.executemany("INSERT INTO filler VALUES (?)", [("x" * 200,)] * 2000)
    data = bytearray(journal_path.read_bytes())
    page = len(data) // 4096 - 2
    data[page * 4096 + 300] ^= 0x01
    journal_path.write_bytes(bytes(data))
    before = journal_path.read_bytes()
    with Vault.open(journal_path, PASSPHRASE, move_into_folder=True) as vault:
        assert not vault.moved_into_folder
        assert not vault.writable
    assert journal_path.is_file()
    assert journal_path.read_bytes() == before
    assert sorted(p.name for p in journal_path.parent.iterdir()) == ["journal.peerdesk"]
