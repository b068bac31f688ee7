"""Key-slot rows: the deliberate KDF time on its own, and what the key hierarchy adds around it.

With key slots (issue #19) an unlock is: Argon2id on the passphrase (deliberately slow,
calibrated to 0.5–1 s on the machine), unwrapping the data key (an AEAD over 32 bytes), then
SQLCipher with the raw data key — which skips SQLCipher's own PBKDF2. The unlock budget in
journal_rows applies to everything but the first step, which these rows report by itself.

Add `*KDF_ROWS` to `ROWS` in benchmarks/__main__.py to run them with `make bench`; on their
own: `python -m benchmarks.kdf_rows`.
"""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from benchmarks.harness import Results, Row, interleaved, ms, summary
from peerdesk.vault.keyslots import (
    MINIMUM_ARGON2,
    TARGET_SECONDS,
    calibrate_argon2,
    derive_argon2,
    new_keyring,
    read_keyring,
    unlock_with_recovery_code,
    with_recovery_code,
    write_keyring,
)
from peerdesk.vault.passphrase import key_pragma_literal
from peerdesk.vault.recovery_code import generate_recovery_code

PASSPHRASE = "benchmark passphrase, not a secret"


def deliberate_kdf_row(results: Results, repeat: int) -> None:
    params = calibrate_argon2()
    salt = secrets.token_bytes(16)
    app, raw = interleaved(
        lambda: derive_argon2(PASSPHRASE, salt, params),
        lambda: Argon2id(salt=salt, length=32, iterations=params.iterations, lanes=params.lanes,
                         memory_cost=params.memory_kib).derive(PASSPHRASE.encode()),
        repeat)
    low, high = TARGET_SECONDS
    cpu_ms = app.cpu_median_ms or app.median_ms
    results.add(Row(
        "deliberate KDF time of an unlock (Argon2id, calibrated here)",
        f"{low:g}–{high:g} s of CPU by design (wall time grows with other load)",
        summary(app),
        f"median {ms(raw.median_ms)}",
        app.median_ms / raw.median_ms, low * 1000 <= cpu_ms <= high * 1000,
        {"app": app.__dict__, "raw": raw.__dict__,
         "parameters": {"memory_kib": params.memory_kib, "iterations": params.iterations,
                        "lanes": params.lanes},
         "app_path": "keyslots.calibrate_argon2() once, then keyslots.derive_argon2 (NFC + "
                     "Argon2id) with the calibrated parameters",
         "raw_path": "cryptography's Argon2id.derive with the same parameters"},
    ))


def _scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="peerdesk-bench-kdf-"))


def unwrap_row(results: Results, repeat: int) -> None:
    folder = _scratch()
    try:
        code = generate_recovery_code()
        keyring, key = new_keyring(PASSPHRASE, MINIMUM_ARGON2)
        path = folder / "keys.json"
        write_keyring(path, with_recovery_code(keyring, key, code))
        app, raw = interleaved(lambda: unlock_with_recovery_code(read_keyring(path), code),
                               path.read_bytes, repeat)
    finally:
        shutil.rmtree(folder)
    results.add(Row(
        "key file read + data key unwrapped, apart from the KDF",
        "≤ 5 ms",
        summary(app),
        f"median {ms(raw.median_ms)}",
        app.median_ms / raw.median_ms if raw.median_ms else None, app.median_ms <= 5,
        {"app": app.__dict__, "raw": raw.__dict__,
         "app_path": "read_keyring (strict JSON) + the recovery slot's HKDF + "
                     "ChaCha20-Poly1305 unwrap + key check: the passphrase slot does the "
                     "same after Argon2id",
         "raw_path": "reading the key file's bytes"},
    ))


def _open_and_read(path: Path, key_literal: str) -> Any:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {key_literal}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def raw_key_open_row(results: Results, repeat: int) -> None:
    folder = _scratch()
    opened: list[Any] = []
    try:
        raw_path, legacy_path = folder / "raw.db", folder / "legacy.db"
        _, key = new_keyring(PASSPHRASE, MINIMUM_ARGON2)
        for path, literal in ((raw_path, key.pragma_literal()),
                              (legacy_path, key_pragma_literal(PASSPHRASE))):
            conn = _open_and_read(path, literal)
            conn.execute("CREATE TABLE t (x)")
            conn.close()

        def close() -> None:
            while opened:
                opened.pop().close()

        app, legacy = interleaved(
            lambda: opened.append(_open_and_read(raw_path, key.pragma_literal())),
            lambda: opened.append(_open_and_read(legacy_path, key_pragma_literal(PASSPHRASE))),
            repeat, teardown=close)
    finally:
        shutil.rmtree(folder)
    results.add(Row(
        "SQLCipher open + key + first read with the raw data key",
        "≤ the passphrase open (PBKDF2, 256,000 iterations)",
        summary(app),
        f"median {ms(legacy.median_ms)} (passphrase)",
        app.median_ms / legacy.median_ms, app.median_ms <= legacy.median_ms,
        {"app": app.__dict__, "passphrase": legacy.__dict__,
         "app_path": "PRAGMA key = \"x'<64 hex>'\" (no key derivation in SQLCipher)",
         "raw_path": "PRAGMA key = '<passphrase>' (SQLCipher 4 defaults), as journals "
                     "before key slots"},
    ))


KDF_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    ("kdf", deliberate_kdf_row, 3),
    ("key-unwrap", unwrap_row, 20),
    ("raw-key-open", raw_key_open_row, 5),
)


def main() -> int:
    results = Results()
    for _name, run, repeat in KDF_ROWS:
        run(results, repeat)
    print()
    print(results.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
