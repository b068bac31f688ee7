from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from peerdesk.paths import key_file_path
from peerdesk.vault import (
    PassphraseError,
    Vault,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    VaultOpenError,
    VaultTooNewError,
)
from peerdesk.vault import vault as vault_module
from peerdesk.vault.key_change import store_recovery_code
from peerdesk.vault.keyslots import (
    MINIMUM_ARGON2,
    Argon2Params,
    read_keyring,
    unlock_with_passphrase,
    unlock_with_recovery_code,
)
from peerdesk.vault.migrations import Migration, latest_version, shipped_migrations
from peerdesk.vault.recovery_code import generate_recovery_code
from peerdesk.vault.vault import PLAINTEXT_HEADER, pre_migration_copy_path, vault_secret
from tests.conftest import PASSPHRASE, journal_files

CODE = generate_recovery_code()

MARKER = "ZEBRA-MARKER-7731"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def fill(vault: Vault, rows: int = 200) -> None:
    with vault.transaction() as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        rows_data = [(f"{MARKER} {i} " * 20,) for i in range(rows)]
        conn.executemany("INSERT INTO notes VALUES (?)", rows_data)


def test_create_then_open_round_trip(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        fill(vault)
        journal_id = vault.journal_id
    with Vault.open(journal_path, PASSPHRASE) as vault:
        assert vault.journal_id == journal_id
        assert vault.schema_version == latest_version()
        count = vault.connection.execute("SELECT count(*) FROM notes").fetchone()[0]
        assert count == 200


def test_new_file_is_encrypted_and_private(journal_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE, folder=False).close()
    assert not journal_path.read_bytes().startswith(PLAINTEXT_HEADER)
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700


def test_wal_and_shm_are_private_and_hold_no_plaintext(journal_path: Path) -> None:
    vault = Vault.create(journal_path, PASSPHRASE, folder=False)
    fill(vault)
    mode = vault.connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert vault.connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    files = journal_files(journal_path)
    assert {p.name for p in files} >= {journal_path.name, f"{journal_path.name}-wal"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert MARKER.encode() not in path.read_bytes(), path
    vault.close()
    for path in journal_files(journal_path):
        assert MARKER.encode() not in path.read_bytes(), path


def test_wrong_passphrase_is_neutral_and_leaves_file_untouched(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        fill(vault)
    before = snapshot(journal_path.parent)
    with pytest.raises(VaultOpenError) as caught:
        Vault.open(journal_path, "not the passphrase")
    assert "passphrase is wrong or the file is damaged" in str(caught.value)
    assert snapshot(journal_path.parent) == before


@pytest.mark.parametrize("fraction", [0.0, 0.5])
def test_truncated_file_gives_the_same_neutral_error(journal_path: Path, fraction: float) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        fill(vault, rows=2000)
    data = journal_path.read_bytes()
    journal_path.write_bytes(data[: int(len(data) * fraction)])
    before = snapshot(journal_path.parent)
    with pytest.raises(VaultOpenError):
        Vault.open(journal_path, PASSPHRASE)
    assert snapshot(journal_path.parent) == before


def test_random_bytes_are_not_a_journal(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    journal_path.write_bytes(os.urandom(8192))
    with pytest.raises(VaultOpenError):
        Vault.open(journal_path, PASSPHRASE)


@pytest.mark.parametrize(
    "passphrase",
    ["it's \"quoted\" ''; DROP TABLE meta; --", "🦓 émoji ünïcode 你好", "back\\slash"],
)
def test_any_unicode_and_quotes_work(journal_path: Path, passphrase: str) -> None:
    Vault.create(journal_path, passphrase, folder=False).close()
    Vault.open(journal_path, passphrase).close()
    with pytest.raises(VaultOpenError):
        Vault.open(journal_path, passphrase + "x")


def test_nfc_and_nfd_spellings_open_the_same_journal(journal_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "café señor")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    Vault.create(journal_path, decomposed, folder=False).close()
    Vault.open(journal_path, composed).close()


@pytest.mark.parametrize("bad", ["", "nul\x00inside"])
def test_unusable_passphrase_is_refused_before_touching_disk(journal_path: Path, bad: str) -> None:
    with pytest.raises(PassphraseError):
        Vault.create(journal_path, bad, folder=False)
    assert not journal_path.exists()


def test_create_never_overwrites(journal_path: Path) -> None:
    journal_path.parent.mkdir()
    journal_path.write_bytes(b"precious")
    with pytest.raises(VaultExistsError):
        Vault.create(journal_path, PASSPHRASE, folder=False)
    assert journal_path.read_bytes() == b"precious"


def test_open_missing_file_says_so_and_creates_nothing(journal_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.open(journal_path, PASSPHRASE)
    assert not journal_path.exists()


def test_newer_schema_is_refused_untouched(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, folder=False) as vault:
        vault.connection.execute(f"PRAGMA user_version = {latest_version() + 1}")
    before = snapshot(journal_path.parent)
    with pytest.raises(VaultTooNewError):
        Vault.open(journal_path, PASSPHRASE)
    assert snapshot(journal_path.parent) == before


def test_migration_takes_encrypted_copy_and_runs_in_order(journal_path: Path) -> None:
    base = shipped_migrations()
    with Vault.create(journal_path, PASSPHRASE, migrations=base, folder=False) as vault:
        fill(vault)
    step = Migration(len(base) + 1, "extra", "CREATE TABLE extra (x INTEGER);")
    with Vault.open(journal_path, PASSPHRASE, migrations=(*base, step)) as vault:
        assert vault.schema_version == step.version
        assert vault.connection.execute("SELECT count(*) FROM extra").fetchone()[0] == 0
    copy = pre_migration_copy_path(journal_path, len(base))
    assert copy.exists()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not copy.read_bytes().startswith(PLAINTEXT_HEADER)
    with Vault.open(copy, PASSPHRASE, migrations=base) as old:  # the copy is the old schema
        assert old.schema_version == len(base)


def test_failing_migration_rolls_back_whole_step(journal_path: Path) -> None:
    base = shipped_migrations()
    Vault.create(journal_path, PASSPHRASE, migrations=base, folder=False).close()
    broken = Migration(len(base) + 1, "broken",
                       "CREATE TABLE half (x INTEGER);\nINSERT INTO no_such_table VALUES (1);")
    with pytest.raises(Exception, match="no_such_table"):
        Vault.open(journal_path, PASSPHRASE, migrations=(*base, broken))
    with Vault.open(journal_path, PASSPHRASE, migrations=base) as vault:
        assert vault.schema_version == len(base)
        tables = {r[0] for r in vault.connection.execute("SELECT name FROM sqlite_master")}
        assert "half" not in tables


def test_lock_drops_connection(vault: Vault) -> None:
    vault.close()
    assert not vault.is_open
    with pytest.raises(Exception, match="locked"):
        _ = vault.connection


def test_transaction_rolls_back_on_error(vault: Vault) -> None:
    def insert_then_fail() -> None:
        with vault.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        insert_then_fail()
    assert vault.read_setting("a") is None


def test_settings_round_trip_inside_the_vault(vault: Vault) -> None:
    vault.write_setting("org_units", ["North", "South"])
    assert vault.read_setting("org_units") == ["North", "South"]


def test_journal_secrets_are_random_per_journal(tmp_path: Path) -> None:
    with (Vault.create(tmp_path / "a", PASSPHRASE, folder=False) as a,
          Vault.create(tmp_path / "b", PASSPHRASE, folder=False) as b):
        assert a.journal_id != b.journal_id
        assert a.meta("peer_key_secret") != b.meta("peer_key_secret")
        assert len(a.meta("peer_key_secret")) == 32


def test_uses_sqlcipher4_default_key_derivation(vault: Vault) -> None:
    conn = vault.connection
    assert int(conn.execute("PRAGMA kdf_iter").fetchone()[0]) == 256000
    assert conn.execute("PRAGMA cipher_kdf_algorithm").fetchone()[0] == "PBKDF2_HMAC_SHA512"
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_second_connection_for_workers(vault: Vault) -> None:
    vault.write_setting("x", 1)
    other = vault.connect_another()
    try:
        assert other.execute("SELECT value FROM settings WHERE key='x'").fetchone()[0] == "1"
    finally:
        other.close()


def test_a_worker_connecting_while_the_journal_locks_is_told_it_is_locked(
        vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker starting as the GUI thread locks gets the locked error, not a wrong-passphrase
    one (the lock dropped the key between the worker's check and its use of it)."""
    real_connect = vault_module.connect

    def connect_while_locking(*args: Any, **kwargs: Any) -> Any:
        vault.close()
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(vault_module, "connect", connect_while_locking)
    with pytest.raises(VaultLockedError):
        vault.connect_another()


def test_settings_through_a_worker_connection(vault: Vault) -> None:
    from peerdesk.settings import Settings

    other = vault.connect_another()
    try:
        Settings(vault.settings_on(other)).mark("done-on-the-worker")
        assert Settings(vault).marked("done-on-the-worker")
        vault.write_setting("language", "es")
        assert vault.settings_on(other).read_setting("language") == "es"
    finally:
        other.close()


def test_worker_connection_transactions_roll_back_and_commit(vault: Vault) -> None:
    other = vault.connect_another()
    try:
        with vault.transaction(other) as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('kept', '1')")

        def insert_then_fail() -> None:
            with vault.transaction(other) as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES ('dropped', '1')")
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            insert_then_fail()
    finally:
        other.close()
    assert vault.read_setting("kept") == 1
    assert vault.read_setting("dropped") is None


# -- Argon2id parameters upgraded on unlock ------------------------------------------------------

STRONGER_ARGON2 = Argon2Params(memory_kib=MINIMUM_ARGON2.memory_kib, iterations=4, lanes=4)


def test_a_slot_with_older_parameters_is_upgraded_on_unlock_and_still_opens(
        journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE, argon2=MINIMUM_ARGON2) as created:
        fingerprint = store_recovery_code(created, CODE)
    key_file = key_file_path(journal_path)
    recovery_before = read_keyring(key_file).recovery_slot

    with Vault.open(journal_path, PASSPHRASE, argon2=STRONGER_ARGON2) as opened:
        key = vault_secret(opened)

    upgraded = read_keyring(key_file)
    assert upgraded.passphrase_slot.argon2 == STRONGER_ARGON2
    assert upgraded.recovery_slot == recovery_before  # the recovery slot is untouched
    assert upgraded.fingerprint == fingerprint
    assert unlock_with_passphrase(upgraded, PASSPHRASE) == key
    assert unlock_with_recovery_code(upgraded, CODE) == key
    with Vault.open(journal_path, PASSPHRASE) as reopened:  # same passphrase, same journal
        assert vault_secret(reopened) == key


def test_a_slot_already_strong_enough_is_not_rewritten_on_unlock(journal_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE, argon2=STRONGER_ARGON2).close()
    key_file = key_file_path(journal_path)
    before = key_file.read_bytes()
    Vault.open(journal_path, PASSPHRASE, argon2=MINIMUM_ARGON2).close()
    Vault.open(journal_path, PASSPHRASE).close()
    assert key_file.read_bytes() == before


def test_a_wrong_passphrase_never_upgrades_the_slot(journal_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE, argon2=MINIMUM_ARGON2).close()
    before = key_file_path(journal_path).read_bytes()
    with pytest.raises(VaultOpenError):
        Vault.open(journal_path, "not the passphrase", argon2=STRONGER_ARGON2)
    assert key_file_path(journal_path).read_bytes() == before


def test_an_upgrade_that_cannot_be_written_still_unlocks(journal_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    Vault.create(journal_path, PASSPHRASE, argon2=MINIMUM_ARGON2).close()
    before = key_file_path(journal_path).read_bytes()

    def disk_full(path: Path, keyring: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_module, "write_keyring", disk_full)
    with Vault.open(journal_path, PASSPHRASE, argon2=STRONGER_ARGON2) as opened:
        assert opened.is_open
    assert key_file_path(journal_path).read_bytes() == before  # upgraded on a later unlock
