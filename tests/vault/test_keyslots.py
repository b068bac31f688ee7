"""Key slots: the data key comes back only with the right secret, from an untouched key file.

Tests pass `MINIMUM_ARGON2` (64 MiB, 3 passes) explicitly: the floor PeerDesk accepts, so they
stay fast without weakening anything a user gets.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import shutil
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from peerdesk.vault import Vault
from peerdesk.vault.keyslots import (
    CALIBRATION_MAX_MEMORY_KIB,
    MINIMUM_ARGON2,
    Argon2Params,
    DataKey,
    ForeignKeyError,
    KeyFileError,
    KeyFileTooNewError,
    Keyring,
    NoRecoveryCodeError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    calibrate_argon2,
    new_keyring,
    passphrase_slot_needs_upgrade,
    read_keyring,
    unlock_with_passphrase,
    unlock_with_recovery_code,
    upgrade_target,
    with_passphrase,
    with_recovery_code,
    without_recovery_code,
    write_keyring,
)
from peerdesk.vault.passphrase import key_pragma_literal
from peerdesk.vault.recovery_code import generate_recovery_code

PASSPHRASE = unicodedata.normalize("NFC", "correct horse battery staple, café")
NEW_PASSPHRASE = "a different, longer passphrase"
CODE = generate_recovery_code()


@pytest.fixture(scope="module")
def made() -> tuple[Keyring, DataKey]:
    keyring, key = new_keyring(PASSPHRASE, MINIMUM_ARGON2)
    return with_recovery_code(keyring, key, CODE), key


@pytest.fixture
def keyring(made: tuple[Keyring, DataKey]) -> Keyring:
    return made[0]


@pytest.fixture
def key(made: tuple[Keyring, DataKey]) -> DataKey:
    return made[1]


@pytest.fixture
def key_file(tmp_path: Path, keyring: Keyring) -> Path:
    path = tmp_path / "keys.json"
    write_keyring(path, keyring)
    return path


# -- round trips --------------------------------------------------------------------------------

def test_the_passphrase_opens_the_key_file_it_was_written_with(key_file: Path,
                                                               key: DataKey) -> None:
    assert unlock_with_passphrase(read_keyring(key_file), PASSPHRASE) == key


def test_the_key_file_is_private_and_never_holds_the_key_itself(key_file: Path,
                                                                key: DataKey) -> None:
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    text = key_file.read_text("ascii")
    assert key.material.hex() not in text.lower()
    assert json.loads(text)["format"] == "peerdesk.keyslots"
    assert [p.name for p in key_file.parent.iterdir()] == ["keys.json"]  # no temp file left


def test_the_passphrase_is_nfc_normalised_as_for_the_journal(keyring: Keyring,
                                                            key: DataKey) -> None:
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    assert unlock_with_passphrase(keyring, decomposed) == key


def test_each_journal_gets_its_own_random_key_and_fingerprint(keyring: Keyring,
                                                               key: DataKey) -> None:
    other, other_key = new_keyring(PASSPHRASE, MINIMUM_ARGON2)
    assert other_key != key
    assert other.fingerprint != keyring.fingerprint
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", keyring.fingerprint)


def test_the_data_key_keeps_out_of_repr_and_gives_sqlciphers_raw_key_form(key: DataKey) -> None:
    assert key.material.hex() not in repr(key)
    assert key.sqlcipher_key() == f"x'{key.material.hex()}'"
    assert key.pragma_literal() == f"\"x'{key.material.hex()}'\""


# -- wrong secrets: one neutral message, nothing written ------------------------------------------

def test_a_wrong_passphrase_gets_one_neutral_message_and_writes_nothing(key_file: Path) -> None:
    before = key_file.read_bytes()
    with pytest.raises(WrongPassphraseError,
                       match="the passphrase is wrong or the key file is damaged"):
        unlock_with_passphrase(read_keyring(key_file), PASSPHRASE + "!")
    assert key_file.read_bytes() == before


def test_the_recovery_code_opens_the_journal_in_any_typing(keyring: Keyring,
                                                           key: DataKey) -> None:
    assert unlock_with_recovery_code(keyring, CODE) == key


def test_a_wrong_code_names_the_fingerprint_to_compare_and_writes_nothing(
        key_file: Path) -> None:
    keyring = read_keyring(key_file)
    before = key_file.read_bytes()
    with pytest.raises(WrongRecoveryCodeError, match=keyring.fingerprint):
        unlock_with_recovery_code(keyring, generate_recovery_code())
    assert key_file.read_bytes() == before


def test_a_new_code_replaces_the_old_one_and_leaves_the_passphrase_alone(
        keyring: Keyring, key: DataKey) -> None:
    newer = generate_recovery_code()
    renewed = with_recovery_code(keyring, key, newer)
    assert unlock_with_recovery_code(renewed, newer) == key
    with pytest.raises(WrongRecoveryCodeError):
        unlock_with_recovery_code(renewed, CODE)
    assert renewed.passphrase_slot == keyring.passphrase_slot
    assert [s.kind for s in renewed.slots] == ["passphrase", "recovery-code"]


def test_turning_the_kit_off_leaves_only_the_passphrase(tmp_path: Path, keyring: Keyring,
                                                        key: DataKey) -> None:
    path = tmp_path / "keys.json"
    write_keyring(path, without_recovery_code(keyring))
    reread = read_keyring(path)
    assert reread.recovery_slot is None
    with pytest.raises(NoRecoveryCodeError, match="only be opened with its passphrase"):
        unlock_with_recovery_code(reread, CODE)
    assert CODE.canonical not in path.read_text("ascii")


def test_a_key_that_is_not_the_journals_cannot_be_wrapped(keyring: Keyring) -> None:
    with pytest.raises(ValueError, match="does not belong"):
        with_recovery_code(keyring, DataKey.generate(), CODE)


# -- passphrase change and parameter upgrade: a re-wrap of one slot ------------------------------

def test_changing_the_passphrase_rewraps_one_slot_and_keeps_the_key(keyring: Keyring,
                                                                    key: DataKey) -> None:
    changed = with_passphrase(keyring, key, NEW_PASSPHRASE, MINIMUM_ARGON2)
    assert unlock_with_passphrase(changed, NEW_PASSPHRASE) == key
    with pytest.raises(WrongPassphraseError):
        unlock_with_passphrase(changed, PASSPHRASE)
    assert changed.recovery_slot == keyring.recovery_slot
    assert (changed.keyring_id, changed.key_check) == (keyring.keyring_id, keyring.key_check)
    assert changed.passphrase_slot.salt != keyring.passphrase_slot.salt


def test_stronger_parameters_are_stored_in_the_slot_and_still_open(
        tmp_path: Path, keyring: Keyring, key: DataKey) -> None:
    stronger = Argon2Params(memory_kib=MINIMUM_ARGON2.memory_kib + 1024, iterations=3)
    assert passphrase_slot_needs_upgrade(keyring, stronger)
    assert not passphrase_slot_needs_upgrade(keyring, MINIMUM_ARGON2)
    path = tmp_path / "keys.json"
    write_keyring(path, with_passphrase(keyring, key, PASSPHRASE, stronger))
    upgraded = read_keyring(path)
    assert upgraded.passphrase_slot.argon2 == stronger
    assert not passphrase_slot_needs_upgrade(upgraded, stronger)
    assert unlock_with_passphrase(upgraded, PASSPHRASE) == key


def test_parameters_below_the_floor_are_never_written(keyring: Keyring, key: DataKey) -> None:
    weaker = Argon2Params(memory_kib=MINIMUM_ARGON2.memory_kib // 2, iterations=3)
    with pytest.raises(ValueError, match="below the floor"):
        with_passphrase(keyring, key, PASSPHRASE, weaker)


# -- calibration --------------------------------------------------------------------------------

def _machine(seconds_per_gib_pass: float) -> tuple[Callable[[Argon2Params], float],
                                                   list[Argon2Params]]:
    """A machine whose Argon2id time grows with memory × passes, recording what was timed."""
    timed: list[Argon2Params] = []

    def measure(params: Argon2Params) -> float:
        timed.append(params)
        return seconds_per_gib_pass * params.memory_kib / (1024 * 1024) * params.iterations

    return measure, timed


@pytest.mark.parametrize("seconds_per_gib_pass", [0.5, 1.0, 2.0, 3.0, 5.0])
def test_calibration_lands_in_the_target_window(seconds_per_gib_pass: float) -> None:
    measure, timed = _machine(seconds_per_gib_pass)
    params = calibrate_argon2(measure=measure)
    assert params.at_least(MINIMUM_ARGON2)
    assert 0.5 <= measure(params) <= 1.0
    assert len(timed) <= 6  # five trials and the check above


def test_calibration_on_a_very_fast_machine_is_bounded_in_memory_passes_and_trials() -> None:
    measure, timed = _machine(0.001)
    params = calibrate_argon2(measure=measure)
    assert params.memory_kib == CALIBRATION_MAX_MEMORY_KIB
    assert params.iterations <= 64
    assert len(timed) <= 5


def test_calibration_on_a_slow_machine_never_goes_below_the_floor() -> None:
    measure, timed = _machine(60.0)  # the floor alone takes about 11 s
    assert calibrate_argon2(measure=measure) == MINIMUM_ARGON2
    assert timed == [MINIMUM_ARGON2]


STRONGER = Argon2Params(memory_kib=128 * 1024, iterations=4, lanes=4)


def test_an_unlock_near_the_target_keeps_its_parameters_without_timing_anything() -> None:
    measure, timed = _machine(1.0)
    assert upgrade_target(STRONGER, unlock_seconds=0.6, measure=measure) == STRONGER
    assert timed == []


def test_a_slot_below_the_floor_is_raised_to_it_without_calibrating() -> None:
    measure, timed = _machine(1.0)
    weak = Argon2Params(memory_kib=32 * 1024, iterations=4, lanes=4)
    target = upgrade_target(weak, unlock_seconds=0.9, measure=measure)
    assert target == Argon2Params(memory_kib=MINIMUM_ARGON2.memory_kib, iterations=4, lanes=4)
    assert timed == []


def test_a_much_faster_unlock_calibrates_again_from_the_slots_own_parameters() -> None:
    measure, timed = _machine(0.2)  # a new machine: the old slot now takes a fraction
    old_slot = STRONGER
    unlock_seconds = measure(old_slot)
    timed.clear()
    target = upgrade_target(old_slot, unlock_seconds=unlock_seconds, measure=measure)
    assert target.at_least(old_slot)
    assert target != old_slot
    assert 0.5 <= measure(target) <= 1.0
    assert old_slot not in timed  # the unlock's own timing is reused, not measured again


def test_calibration_really_times_argon2id_here() -> None:
    # A tiny target so the floor already meets it: one real derivation.
    assert calibrate_argon2(target=(0.01, 0.02)) == MINIMUM_ARGON2


# -- tampering: every field is protected ---------------------------------------------------------

def _flip_b64(value: str) -> str:
    first = "B" if value[0] == "A" else "A"
    return first + value[1:]


def _slot(document: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(s for s in document["slots"] if s["kind"] == kind)


def _tamper(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    document = json.loads(path.read_text("ascii"))
    change(document)
    path.write_text(json.dumps(document), "ascii")


SLOT_TAMPERING: dict[str, Callable[[dict[str, Any]], None]] = {
    "id": lambda s: s.update(id="0123456789abcdef"),
    "created": lambda s: s.update(created="2020-01-01T00:00:00Z"),
    "salt": lambda s: s["kdf"].update(salt=_flip_b64(s["kdf"]["salt"])),
    "nonce": lambda s: s["aead"].update(nonce=_flip_b64(s["aead"]["nonce"])),
    "wrapped_key": lambda s: s.update(wrapped_key=_flip_b64(s["wrapped_key"])),
}
# Fields every slot has are tried on the recovery slot (no slow KDF); the passphrase slot gets
# its own fields and its sealed key.
PASSPHRASE_TAMPERING = {
    "salt": SLOT_TAMPERING["salt"],
    "wrapped_key": SLOT_TAMPERING["wrapped_key"],
    "memory_kib": lambda s: s["kdf"].update(memory_kib=s["kdf"]["memory_kib"] + 1024),
    "iterations": lambda s: s["kdf"].update(iterations=s["kdf"]["iterations"] + 1),
    "lanes": lambda s: s["kdf"].update(lanes=s["kdf"]["lanes"] + 1),
}


@pytest.mark.parametrize("field", PASSPHRASE_TAMPERING)
def test_a_tampered_passphrase_slot_is_refused(key_file: Path, field: str) -> None:
    _tamper(key_file, lambda d: PASSPHRASE_TAMPERING[field](_slot(d, "passphrase")))
    with pytest.raises(WrongPassphraseError):
        unlock_with_passphrase(read_keyring(key_file), PASSPHRASE)


@pytest.mark.parametrize("field", SLOT_TAMPERING)
def test_a_tampered_recovery_slot_is_refused(key_file: Path, field: str) -> None:
    _tamper(key_file, lambda d: SLOT_TAMPERING[field](_slot(d, "recovery-code")))
    with pytest.raises(WrongRecoveryCodeError):
        unlock_with_recovery_code(read_keyring(key_file), CODE)


def test_slots_moved_to_another_key_file_are_refused(key_file: Path) -> None:
    _tamper(key_file, lambda d: d.update(keyring_id=_flip_b64(d["keyring_id"])))
    with pytest.raises(WrongRecoveryCodeError):
        unlock_with_recovery_code(read_keyring(key_file), CODE)


def test_a_changed_key_check_is_reported_as_an_altered_key_file(key_file: Path) -> None:
    _tamper(key_file, lambda d: d.update(key_check=_flip_b64(d["key_check"])))
    with pytest.raises(ForeignKeyError, match="altered"):
        unlock_with_recovery_code(read_keyring(key_file), CODE)


def test_a_slot_sealed_for_another_key_is_refused(key_file: Path) -> None:
    """Someone who can write the key file seals a key of their own under a code they know."""
    keyring = read_keyring(key_file)
    their_key = DataKey.generate()
    their_check = hmac.new(their_key.material,
                           b"peerdesk.keyslots.v1 key check" + keyring.keyring_id,
                           hashlib.sha256).digest()
    theirs = with_recovery_code(Keyring(keyring.keyring_id, their_check, keyring.slots),
                                their_key, CODE)
    spliced = Keyring(keyring.keyring_id, keyring.key_check, theirs.slots)
    with pytest.raises(ForeignKeyError):
        unlock_with_recovery_code(spliced, CODE)


# -- strict reading ---------------------------------------------------------------------------

MALFORMED: dict[str, Callable[[dict[str, Any]], None]] = {
    "unknown format": lambda d: d.update(format="something.else"),
    "extra field": lambda d: d.update(comment="hello"),
    "missing field": lambda d: d.pop("key_check"),
    "no passphrase slot": lambda d: d.update(
        slots=[s for s in d["slots"] if s["kind"] != "passphrase"]),
    "two recovery slots": lambda d: d["slots"].append(
        {**_slot(d, "recovery-code"), "id": "00000000000000ff"}),
    "duplicate slot id": lambda d: d["slots"][1].update(id=d["slots"][0]["id"]),
    "unknown slot kind": lambda d: d["slots"][1].update(kind="fingerprint"),
    "slot kind swapped": lambda d: _slot(d, "recovery-code").update(kind="passphrase"),
    "unknown kdf": lambda d: _slot(d, "passphrase")["kdf"].update(name="pbkdf2"),
    "unknown cipher": lambda d: _slot(d, "passphrase")["aead"].update(name="aes-256-gcm"),
    "memory below the floor": lambda d: _slot(d, "passphrase")["kdf"].update(memory_kib=1024),
    "passes below the floor": lambda d: _slot(d, "passphrase")["kdf"].update(iterations=1),
    "absurd memory": lambda d: _slot(d, "passphrase")["kdf"].update(memory_kib=2**40),
    "boolean as number": lambda d: _slot(d, "passphrase")["kdf"].update(lanes=True),
    "short salt": lambda d: _slot(d, "passphrase")["kdf"].update(salt="AAAA"),
    "non-canonical base64": lambda d: d.update(keyring_id=d["keyring_id"].rstrip("=")),
    "bad date": lambda d: d["slots"][0].update(created="2026-02-30T00:00:00Z"),
    "no slots": lambda d: d.update(slots=[]),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_key_file_is_refused_with_its_path(key_file: Path, case: str) -> None:
    _tamper(key_file, MALFORMED[case])
    with pytest.raises(KeyFileError, match=r"keys\.json cannot be used"):
        read_keyring(key_file)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "not valid JSON"),
    (b"\xff\xfe{}", "not text"),
    (b'{"a": 1, "a": 2}', "a field appears twice"),
    (b'{"version": 1.0}', "not a whole number"),
    (b'{"version": NaN}', "not a whole number"),
    (b'{"version": ' + b"9" * 5000 + b"}", "too long"),
    (b"[" * 40000 + b"]" * 40000, "too large"),
    (b"[" * 30000 + b"]" * 30000, "nested too deeply"),
    (b"[]", "expected fields"),
])
def test_bytes_that_are_not_a_key_file_are_refused_with_a_reason(
        tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(content)
    with pytest.raises(KeyFileError, match=reason):
        read_keyring(path)


def test_a_missing_key_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="missing"):
        read_keyring(tmp_path / "keys.json")


def test_a_key_file_from_a_newer_peerdesk_asks_for_an_update(key_file: Path) -> None:
    _tamper(key_file, lambda d: d.update(version=2, slots="a future layout"))
    with pytest.raises(KeyFileTooNewError, match="Update PeerDesk"):
        read_keyring(key_file)


# -- the data key as SQLCipher's raw key ---------------------------------------------------------

def _connect(path: Path, key_literal: str) -> Any:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key_literal}")
    return conn


def _opens(path: Path, key_literal: str) -> bool:
    conn = _connect(path, key_literal)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def test_a_raw_data_key_makes_a_sqlcipher_4_file_that_a_passphrase_does_not_open(
        tmp_path: Path, key: DataKey) -> None:
    path = tmp_path / "journal.db"
    conn = _connect(path, key.pragma_literal())
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('kept')")
    conn.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert _opens(path, key.pragma_literal())
    # The same 64 hex digits as a passphrase go through SQLCipher's PBKDF2: another key.
    assert not _opens(path, f"'{key.material.hex()}'")
    assert not _opens(path, key_pragma_literal(PASSPHRASE))
    assert not _opens(path, DataKey.generate().pragma_literal())


def test_an_old_passphrase_journal_moves_to_the_raw_key_by_rekey_and_by_export(
        tmp_path: Path, key: DataKey) -> None:
    old = tmp_path / "journal.peerdesk"
    with Vault.create(old, PASSPHRASE, folder=False) as vault:
        journal_id = vault.journal_id
    # Export into a fresh file (what the migration does, see docs/key-hierarchy.md) …
    exported = tmp_path / "journal.db"
    source = _connect(old, key_pragma_literal(PASSPHRASE))
    source.execute("ATTACH DATABASE ? AS moved KEY ?", (str(exported), key.sqlcipher_key()))
    source.execute("SELECT sqlcipher_export('moved')").fetchall()
    source.execute(f"PRAGMA moved.user_version = "
                   f"{source.execute('PRAGMA user_version').fetchone()[0]}")
    source.execute("DETACH DATABASE moved")
    source.close()
    # … and `PRAGMA rekey` in place, on a second copy.
    rekeyed = tmp_path / "rekeyed.peerdesk"
    shutil.copyfile(old, rekeyed)
    conn = _connect(rekeyed, key_pragma_literal(PASSPHRASE))
    conn.execute(f"PRAGMA rekey = {key.pragma_literal()}")
    conn.close()
    for moved in (exported, rekeyed):
        assert not _opens(moved, key_pragma_literal(PASSPHRASE))
        conn = _connect(moved, key.pragma_literal())
        assert conn.execute("SELECT value FROM meta WHERE key = 'journal_id'").fetchone()[0] \
            == journal_id
        assert conn.execute("PRAGMA user_version").fetchone()[0] > 0
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert _opens(old, key_pragma_literal(PASSPHRASE))  # the old file is untouched
