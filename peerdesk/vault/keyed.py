"""Keyed SQLCipher connections, with a passphrase or with the journal's data key.

A journal folder's database is keyed with its random data key (SQLCipher's raw-key form, no
PBKDF2); a single-file journal from before key slots, and its old-format backups, with the
passphrase. `Secret` is either; the helpers here turn it into what SQLCipher takes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.vault.integrity import IntegrityGate
from peerdesk.vault.keyslots import DataKey
from peerdesk.vault.passphrase import key_pragma_literal, normalize_passphrase

Connection = Any  # sqlcipher3.Connection: the extension module ships no type information
Secret = str | DataKey  # a passphrase (single-file journals) or a journal folder's data key


class GatedConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A connection that knows its vault's `IntegrityGate`, so every write path can ask it."""

    gate: IntegrityGate | None = None


def pragma_key(secret: Secret) -> str:
    """The value for `PRAGMA key = …`."""
    return secret.pragma_literal() if isinstance(secret, DataKey) else key_pragma_literal(secret)


def attach_key(secret: Secret) -> str:
    """The value to bind in `ATTACH DATABASE ? AS … KEY ?`."""
    return secret.sqlcipher_key() if isinstance(secret, DataKey) else normalize_passphrase(secret)


def connect(path: Path, gate: IntegrityGate | None = None) -> Connection:
    # Autocommit at the driver level: transactions are explicit (Vault.transaction).
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              factory=GatedConnection)
    conn.gate = gate
    # SQLCipher otherwise prints decryption failures to stderr; we report them ourselves.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def apply_key(conn: Connection, secret: Secret) -> None:
    """Key the connection and prove the key by reading the schema; raise on any failure."""
    conn.execute(f"PRAGMA key = {pragma_key(secret)}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def connect_keyed(path: Path, secret: Secret) -> Connection:
    """A bare keyed connection (no journal mode change): for checking or copying files."""
    conn = connect(path)
    try:
        apply_key(conn, secret)
    except BaseException:
        conn.close()
        raise
    return conn
