"""Key slots: the journal's random data key, stored only wrapped (see docs/key-hierarchy.md).

A random 256-bit data key encrypts the journal (SQLCipher raw key). The key file holds it
wrapped in slots, each one sealed with ChaCha20-Poly1305 under a key derived from a secret:
- the passphrase slot: Argon2id with parameters stored in the slot (at least 64 MiB, 3 passes,
  calibrated to about 0.5–1 s here), re-wrapped when the passphrase changes or the parameters
  are raised;
- the recovery-code slot (optional): HKDF-SHA256, because the code already has 140 random bits
  and needs no slowing down.
Everything in a slot but the wrapped key — and the key file's format, version and keyring id —
is the AEAD's associated data, so changing any of it makes the slot fail to open. A wrong
secret and a tampered slot cannot be told apart by the AEAD; both get one neutral message.
A key check (HMAC of the data key) proves an opened slot holds this journal's key.

The key file is JSON, read strictly (size, duplicate keys, exact fields, canonical base64,
bounded numbers) and written atomically with fsync, mode 0600 (`peerdesk.fileio`).
Every KEK wraps exactly one key (a fresh salt per wrap), so random 96-bit nonces are safe.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import json
import math
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from hashlib import sha256
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import write_atomic
from peerdesk.translation import msg
from peerdesk.vault.passphrase import normalize_passphrase
from peerdesk.vault.recovery_code import RecoveryCode

FORMAT: Final = "peerdesk.keyslots"
FORMAT_VERSION: Final = 1
DATA_KEY_BYTES: Final = 32
KEYRING_ID_BYTES: Final = 16
SALT_BYTES: Final = 16
NONCE_BYTES: Final = 12
TAG_BYTES: Final = 16
MAX_FILE_BYTES: Final = 64 * 1024
MAX_SLOTS: Final = 8

PASSPHRASE_SLOT: Final = "passphrase"  # noqa: S105 - a slot kind, not a secret
RECOVERY_CODE_SLOT: Final = "recovery-code"
ARGON2ID: Final = "argon2id"
HKDF_SHA256: Final = "hkdf-sha256"
CHACHA20_POLY1305: Final = "chacha20-poly1305"

_KEY_CHECK_LABEL: Final = b"peerdesk.keyslots.v1 key check"
_FINGERPRINT_LABEL: Final = b"peerdesk.keyslots.v1 fingerprint"
_RECOVERY_INFO: Final = b"peerdesk.keyslots.v1 recovery-code slot"
_CREATED_PATTERN: Final = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_SLOT_ID_PATTERN: Final = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True, order=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int = 4

    def at_least(self, other: Argon2Params) -> bool:
        return self.memory_kib >= other.memory_kib and self.iterations >= other.iterations


# The floor for every passphrase slot PeerDesk writes or reads (RFC 9106's second
# recommendation: 64 MiB, 3 passes, 4 lanes). Calibration only ever goes up from here.
MINIMUM_ARGON2: Final = Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=4)
# Upper bounds when reading, so a hostile key file cannot make an unlock take all memory.
MAXIMUM_ARGON2: Final = Argon2Params(memory_kib=4 * 1024 * 1024, iterations=64, lanes=16)
TARGET_SECONDS: Final = (0.5, 1.0)
# Calibration grows memory up to here, then passes: the app's peak memory budget (250 MB at
# 300,000 sessions, `make bench`) must hold while the derivation runs at unlock.
CALIBRATION_MAX_MEMORY_KIB: Final = 128 * 1024


class KeySlotError(PeerDeskError):
    """Base of every expected key-slot failure."""


class KeyFileError(KeySlotError):
    """The key file is missing, unreadable or malformed."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(msg(
            "The journal's key file {path} cannot be used ({reason}). Nothing was changed. "
            "Restore the journal folder from a backup; a key file cannot be rebuilt.",
            path=path, reason=reason))
        self.reason = reason


class ForeignKeyError(KeySlotError):
    """A slot opened, but the key in it is not this journal's: the key file was altered."""

    def __init__(self) -> None:
        super().__init__(msg(
            "The journal's key file was altered: a slot holds a key that is not this "
            "journal's. Nothing was changed. Restore the journal folder from a backup."))


class KeyFileTooNewError(KeySlotError):
    def __init__(self, found: int) -> None:
        super().__init__(msg(
            "The journal's key file was written by a newer version of PeerDesk (key file "
            "version {found}). Update PeerDesk to open it. Nothing was changed.", found=found))


class WrongPassphraseError(KeySlotError):
    """Wrong passphrase or altered passphrase slot: one neutral message for both, on purpose."""

    def __init__(self) -> None:
        super().__init__(msg(
            "The journal could not be opened: the passphrase is wrong or the key file is "
            "damaged. Check the passphrase and try again. Nothing was changed."))


class WrongRecoveryCodeError(KeySlotError):
    """A well-typed code that does not open the slot (another journal's, replaced, altered)."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__(msg(
            "This recovery code does not open this journal. Check that the fingerprint on "
            "your kit is {fingerprint}: a kit of another journal, or one replaced by a newer "
            "code, does not work. Nothing was changed.", fingerprint=fingerprint))


class NoRecoveryCodeError(KeySlotError):
    def __init__(self) -> None:
        super().__init__(msg(
            "This journal has no recovery code (the recovery kit was turned off or never "
            "made), so it can only be opened with its passphrase. Nothing was changed."))


class DataKey:
    """The journal's 256-bit data key. Kept out of `repr` and compared in constant time."""

    __slots__ = ("_material",)

    def __init__(self, material: bytes) -> None:
        if len(material) != DATA_KEY_BYTES:
            raise ValueError(f"a data key has {DATA_KEY_BYTES} bytes")
        self._material = bytes(material)

    @classmethod
    def generate(cls) -> DataKey:
        return cls(secrets.token_bytes(DATA_KEY_BYTES))

    @property
    def material(self) -> bytes:
        return self._material

    def sqlcipher_key(self) -> str:
        """SQLCipher's raw-key form `x'<64 hex>'`, which skips SQLCipher's own PBKDF2 (the
        data key is random, not a passphrase). Bind it as `ATTACH … KEY ?`."""
        return f"x'{self._material.hex()}'"

    def pragma_literal(self) -> str:
        """For `PRAGMA key = …` / `PRAGMA rekey = …` (hex digits only: nothing to escape)."""
        return f'"{self.sqlcipher_key()}"'

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataKey) and hmac.compare_digest(self._material,
                                                                   other._material)

    def __repr__(self) -> str:
        return "DataKey(…)"


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: str
    created: str
    kdf_name: str
    salt: bytes
    argon2: Argon2Params | None  # passphrase slots only
    aead_name: str
    nonce: bytes
    wrapped_key: bytes

    def header(self) -> dict[str, Any]:
        """Everything but the wrapped key: stored in the file and authenticated as AD."""
        kdf: dict[str, Any] = {"name": self.kdf_name, "salt": _b64(self.salt)}
        if self.argon2 is not None:
            kdf |= {"memory_kib": self.argon2.memory_kib,
                    "iterations": self.argon2.iterations, "lanes": self.argon2.lanes}
        return {"id": self.slot_id, "kind": self.kind, "created": self.created, "kdf": kdf,
                "aead": {"name": self.aead_name, "nonce": _b64(self.nonce)}}

    def to_json(self) -> dict[str, Any]:
        return self.header() | {"wrapped_key": _b64(self.wrapped_key)}


@dataclass(frozen=True)
class Keyring:
    """The parsed key file: which journal key it guards, and its slots."""

    keyring_id: bytes
    key_check: bytes
    slots: tuple[Slot, ...]

    @property
    def passphrase_slot(self) -> Slot:
        return next(s for s in self.slots if s.kind == PASSPHRASE_SLOT)

    @property
    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == RECOVERY_CODE_SLOT), None)

    def holds(self, key: DataKey) -> bool:
        """True when `key` is the data key this key file guards (its key check matches)."""
        return hmac.compare_digest(_key_check(self.keyring_id, key), self.key_check)

    @property
    def fingerprint(self) -> str:
        """Names this journal (and its backups) on the recovery kit and the recovery screen."""
        digest = sha256(_FINGERPRINT_LABEL + self.keyring_id).hexdigest()[:16].upper()
        return "-".join(digest[i:i + 4] for i in range(0, 16, 4))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": FORMAT_VERSION,
                "keyring_id": _b64(self.keyring_id), "key_check": _b64(self.key_check),
                "slots": [slot.to_json() for slot in self.slots]}

    def serialize(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n").encode("ascii")

    def _associated_data(self, slot: Slot) -> bytes:
        return json.dumps({"format": FORMAT, "version": FORMAT_VERSION,
                           "keyring_id": _b64(self.keyring_id), "slot": slot.header()},
                          sort_keys=True, separators=(",", ":")).encode("ascii")


# -- wrapping -----------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key_check(keyring_id: bytes, key: DataKey) -> bytes:
    return hmac.new(key.material, _KEY_CHECK_LABEL + keyring_id, sha256).digest()


def derive_argon2(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    """The passphrase slot's wrapping key (the deliberate, slow step of every unlock)."""
    secret = normalize_passphrase(passphrase).encode("utf-8")
    return Argon2id(salt=salt, length=32, iterations=params.iterations, lanes=params.lanes,
                    memory_cost=params.memory_kib).derive(secret)


def _derive_recovery(code: RecoveryCode, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=_RECOVERY_INFO).derive(code.canonical.encode("ascii"))


def _seal(keyring: Keyring, slot: Slot, kek: bytes, key: DataKey) -> Slot:
    wrapped = ChaCha20Poly1305(kek).encrypt(slot.nonce, key.material,
                                            keyring._associated_data(slot))
    return replace(slot, wrapped_key=wrapped)


def _open(keyring: Keyring, slot: Slot, kek: bytes) -> DataKey | None:
    try:
        material = ChaCha20Poly1305(kek).decrypt(slot.nonce, slot.wrapped_key,
                                                 keyring._associated_data(slot))
    except InvalidTag:
        return None
    key = DataKey(material)
    if not hmac.compare_digest(_key_check(keyring.keyring_id, key), keyring.key_check):
        raise ForeignKeyError()
    return key


def _blank_slot(kind: str, kdf_name: str, argon2: Argon2Params | None) -> Slot:
    return Slot(slot_id=secrets.token_hex(8), kind=kind, created=_now(), kdf_name=kdf_name,
                salt=secrets.token_bytes(SALT_BYTES), argon2=argon2,
                aead_name=CHACHA20_POLY1305, nonce=secrets.token_bytes(NONCE_BYTES),
                wrapped_key=b"")


def _passphrase_slot(keyring: Keyring, key: DataKey, passphrase: str,
                     params: Argon2Params) -> Slot:
    if not params.at_least(MINIMUM_ARGON2) or params.lanes < MINIMUM_ARGON2.lanes:
        raise ValueError(f"Argon2id parameters below the floor {MINIMUM_ARGON2}")
    slot = _blank_slot(PASSPHRASE_SLOT, ARGON2ID, params)
    return _seal(keyring, slot, derive_argon2(passphrase, slot.salt, params), key)


def _replacing(keyring: Keyring, kind: str, slot: Slot | None) -> Keyring:
    kept = tuple(s for s in keyring.slots if s.kind != kind)
    return replace(keyring, slots=kept if slot is None else (*kept, slot))


def new_keyring(passphrase: str, params: Argon2Params,
                key: DataKey | None = None) -> tuple[Keyring, DataKey]:
    """A key file holding `key` (default: a fresh data key) in one passphrase slot."""
    key = key if key is not None else DataKey.generate()
    keyring_id = secrets.token_bytes(KEYRING_ID_BYTES)
    keyring = Keyring(keyring_id, _key_check(keyring_id, key), ())
    return _replacing(keyring, PASSPHRASE_SLOT,
                      _passphrase_slot(keyring, key, passphrase, params)), key


def unlock_with_passphrase(keyring: Keyring, passphrase: str) -> DataKey:
    slot = keyring.passphrase_slot
    assert slot.argon2 is not None  # guaranteed by parsing and by _passphrase_slot
    key = _open(keyring, slot, derive_argon2(passphrase, slot.salt, slot.argon2))
    if key is None:
        raise WrongPassphraseError()
    return key


def unlock_with_recovery_code(keyring: Keyring, code: RecoveryCode) -> DataKey:
    slot = keyring.recovery_slot
    if slot is None:
        raise NoRecoveryCodeError()
    key = _open(keyring, slot, _derive_recovery(code, slot.salt))
    if key is None:
        raise WrongRecoveryCodeError(keyring.fingerprint)
    return key


def _require_journal_key(keyring: Keyring, key: DataKey) -> None:
    if not hmac.compare_digest(_key_check(keyring.keyring_id, key), keyring.key_check):
        raise ValueError("this data key does not belong to this keyring")


def with_passphrase(keyring: Keyring, key: DataKey, passphrase: str,
                    params: Argon2Params) -> Keyring:
    """The passphrase slot re-wrapped (new passphrase, or stronger parameters): fresh salt and
    nonce; the data key and every other slot stay as they are."""
    _require_journal_key(keyring, key)
    return _replacing(keyring, PASSPHRASE_SLOT,
                      _passphrase_slot(keyring, key, passphrase, params))


def with_recovery_code(keyring: Keyring, key: DataKey, code: RecoveryCode) -> Keyring:
    """A recovery slot for `code`, replacing any earlier one (whose code then stops working)."""
    _require_journal_key(keyring, key)
    slot = _blank_slot(RECOVERY_CODE_SLOT, HKDF_SHA256, None)
    return _replacing(keyring, RECOVERY_CODE_SLOT,
                      _seal(keyring, slot, _derive_recovery(code, slot.salt), key))


def without_recovery_code(keyring: Keyring) -> Keyring:
    """The recovery kit turned off: only the passphrase opens the journal from now on."""
    return _replacing(keyring, RECOVERY_CODE_SLOT, None)


# -- parameters: calibration and upgrade -------------------------------------------------------

def time_argon2(params: Argon2Params) -> float:
    """CPU seconds one derivation with `params` takes here (a throwaway secret and salt).

    CPU time, not wall time: other programs' load must not talk calibration into weaker
    parameters (OpenSSL runs Argon2id on one thread, so on an idle machine the two agree)."""
    started = time.process_time()
    Argon2id(salt=secrets.token_bytes(SALT_BYTES), length=32, iterations=params.iterations,
             lanes=params.lanes, memory_cost=params.memory_kib).derive(b"calibration")
    return time.process_time() - started


def calibrate_argon2(*, target: tuple[float, float] = TARGET_SECONDS,
                     floor: Argon2Params = MINIMUM_ARGON2,
                     max_memory_kib: int = CALIBRATION_MAX_MEMORY_KIB,
                     max_trials: int = 5,
                     measure: Callable[[Argon2Params], float] = time_argon2) -> Argon2Params:
    """Parameters whose derivation takes about `target` seconds here, never below `floor`.

    Memory grows first (what makes guessing expensive on GPUs), up to `max_memory_kib`, then
    passes. At most `max_trials` derivations are timed, so calibrating itself stays bounded
    (about 3 s on a machine near the target)."""
    low, high = target
    middle = (low + high) / 2
    params = floor
    seconds = measure(params)
    for _ in range(max_trials - 1):
        if seconds >= low:
            break
        factor = middle / max(seconds, 1e-3)
        if params.memory_kib < max_memory_kib:
            memory = min(max_memory_kib, _whole_mib(params.memory_kib * factor))
            candidate = replace(params, memory_kib=max(memory, params.memory_kib))
        else:
            passes = min(MAXIMUM_ARGON2.iterations, math.ceil(params.iterations * factor))
            candidate = replace(params, iterations=passes)
        if candidate == params:
            break
        params = candidate
        seconds = measure(params)
    if seconds > high and params != floor:
        # Overshot (a noisy measurement, or the step was too big): scale memory back down.
        memory = max(floor.memory_kib, _whole_mib(params.memory_kib * middle / seconds))
        params = replace(params, memory_kib=min(memory, params.memory_kib))
    return params


def _whole_mib(kib: float) -> int:
    return max(1, round(kib / 1024)) * 1024


# An unlock whose derivation took less than this many CPU seconds ran on a machine clearly
# faster than the one that calibrated the slot (half the target's low end: measurement noise
# around the target never triggers a calibration, which times up to five derivations).
RECALIBRATE_BELOW_SECONDS: Final = TARGET_SECONDS[0] / 2


def stronger_of(first: Argon2Params, second: Argon2Params) -> Argon2Params:
    """Each parameter at the larger of the two (never weaker than either)."""
    return Argon2Params(memory_kib=max(first.memory_kib, second.memory_kib),
                        iterations=max(first.iterations, second.iterations),
                        lanes=max(first.lanes, second.lanes))


def upgrade_target(current: Argon2Params, unlock_seconds: float, *,
                   floor: Argon2Params = MINIMUM_ARGON2,
                   measure: Callable[[Argon2Params], float] = time_argon2) -> Argon2Params:
    """What the passphrase slot should have after an unlock whose derivation took
    `unlock_seconds` (CPU): at least `floor`; calibrated again, starting from the slot's own
    parameters, when the unlock was much faster than the target (a faster machine)."""
    start = stronger_of(current, floor)
    if unlock_seconds >= RECALIBRATE_BELOW_SECONDS:
        return start
    timings = [unlock_seconds] if start == current else []

    def measured(params: Argon2Params) -> float:
        return timings.pop() if timings else measure(params)  # reuse the unlock's own timing

    return calibrate_argon2(floor=start, measure=measured)


def passphrase_slot_needs_upgrade(keyring: Keyring, wanted: Argon2Params) -> bool:
    """True when the passphrase slot is weaker than `wanted` (a raised floor, or a faster
    machine calibrated again): the next unlock re-wraps it with `with_passphrase`."""
    current = keyring.passphrase_slot.argon2
    return current is None or not current.at_least(wanted)


# -- the key file ------------------------------------------------------------------------------

def write_keyring(path: Path, keyring: Keyring) -> None:
    """Atomically (temp file, fsync, rename, fsync folder), mode 0600."""
    write_atomic(Path(path), keyring.serialize())


def read_keyring(path: Path) -> Keyring:
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise KeyFileError(path, msg("it is missing")) from exc
    except OSError as exc:
        raise KeyFileError(path, exc.strerror or str(exc)) from exc
    try:
        return parse_keyring(data)
    except _Malformed as exc:
        raise KeyFileError(path, exc.reason) from exc


class _Malformed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _Malformed(msg("a field appears twice"))
    return dict(pairs)


def _no_floats(text: str) -> Any:
    raise _Malformed(msg("it contains a number that is not a whole number"))


def _short_int(text: str) -> int:
    if len(text) > 12:
        raise _Malformed(msg("it contains a number that is too long"))
    return int(text)


def _fields(value: Any, expected: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != expected:
        raise _Malformed(msg("{where} does not have the expected fields", where=where))
    return value


def _bytes(value: Any, length: int, where: str) -> bytes:
    if isinstance(value, str):
        try:
            decoded = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            decoded = None
        if decoded is not None and len(decoded) == length and _b64(decoded) == value:
            return decoded
    raise _Malformed(msg("{where} is not valid", where=where))


def _int(value: Any, low: int, high: int, where: str) -> int:
    if type(value) is not int or not low <= value <= high:
        raise _Malformed(msg("{where} is out of range", where=where))
    return value


def _text(value: Any, pattern: re.Pattern[str], where: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _Malformed(msg("{where} is not valid", where=where))
    return value


def _parse_slot(value: Any, number: int) -> Slot:
    where = msg("slot {number}", number=number)
    raw = _fields(value, {"id", "kind", "created", "kdf", "aead", "wrapped_key"}, where)
    kind = raw["kind"]
    created = _text(raw["created"], _CREATED_PATTERN, where)
    try:
        dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError as exc:
        raise _Malformed(msg("{where} is not valid", where=where)) from exc
    argon2: Argon2Params | None = None
    if kind == PASSPHRASE_SLOT:
        kdf = _fields(raw["kdf"], {"name", "salt", "memory_kib", "iterations", "lanes"}, where)
        if kdf["name"] != ARGON2ID:
            raise _Malformed(msg("{where} uses an unknown key derivation", where=where))
        argon2 = Argon2Params(
            memory_kib=_int(kdf["memory_kib"], MINIMUM_ARGON2.memory_kib,
                            MAXIMUM_ARGON2.memory_kib, where),
            iterations=_int(kdf["iterations"], MINIMUM_ARGON2.iterations,
                            MAXIMUM_ARGON2.iterations, where),
            lanes=_int(kdf["lanes"], MINIMUM_ARGON2.lanes, MAXIMUM_ARGON2.lanes, where))
    elif kind == RECOVERY_CODE_SLOT:
        kdf = _fields(raw["kdf"], {"name", "salt"}, where)
        if kdf["name"] != HKDF_SHA256:
            raise _Malformed(msg("{where} uses an unknown key derivation", where=where))
    else:
        raise _Malformed(msg("{where} is of an unknown kind", where=where))
    aead = _fields(raw["aead"], {"name", "nonce"}, where)
    if aead["name"] != CHACHA20_POLY1305:
        raise _Malformed(msg("{where} uses an unknown cipher", where=where))
    return Slot(
        slot_id=_text(raw["id"], _SLOT_ID_PATTERN, where), kind=kind, created=created,
        kdf_name=kdf["name"], salt=_bytes(kdf["salt"], SALT_BYTES, where), argon2=argon2,
        aead_name=aead["name"], nonce=_bytes(aead["nonce"], NONCE_BYTES, where),
        wrapped_key=_bytes(raw["wrapped_key"], DATA_KEY_BYTES + TAG_BYTES, where))


def parse_keyring(data: bytes) -> Keyring:
    """Strictly parse a key file's bytes; raise `_Malformed` (or `KeyFileTooNewError`)."""
    if len(data) > MAX_FILE_BYTES:
        raise _Malformed(msg("it is too large"))
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates,
                              parse_float=_no_floats, parse_constant=_no_floats,
                              parse_int=_short_int)
    except UnicodeDecodeError as exc:
        raise _Malformed(msg("it is not text")) from exc
    except json.JSONDecodeError as exc:
        raise _Malformed(msg("it is not valid JSON")) from exc
    except RecursionError as exc:
        raise _Malformed(msg("it is nested too deeply")) from exc
    if isinstance(document, dict) and document.get("format") == FORMAT:
        version = document.get("version")
        if type(version) is int and version > FORMAT_VERSION:
            raise KeyFileTooNewError(version)
    top = _fields(document, {"format", "version", "keyring_id", "key_check", "slots"},
                  msg("the file"))
    if top["format"] != FORMAT or type(top["version"]) is not int \
            or top["version"] != FORMAT_VERSION:
        raise _Malformed(msg("it is not a PeerDesk key file"))
    slots_raw = top["slots"]
    if not isinstance(slots_raw, list) or not 1 <= len(slots_raw) <= MAX_SLOTS:
        raise _Malformed(msg("it has no usable slots"))
    slots = tuple(_parse_slot(value, number)
                  for number, value in enumerate(slots_raw, start=1))
    kinds = [slot.kind for slot in slots]
    if kinds.count(PASSPHRASE_SLOT) != 1 or kinds.count(RECOVERY_CODE_SLOT) > 1:
        raise _Malformed(msg("it must have one passphrase slot and at most one recovery slot"))
    if len({slot.slot_id for slot in slots}) != len(slots):
        raise _Malformed(msg("two slots have the same id"))
    return Keyring(keyring_id=_bytes(top["keyring_id"], KEYRING_ID_BYTES, msg("the file")),
                   key_check=_bytes(top["key_check"], 32, msg("the file")), slots=slots)
