"""The journal's Ed25519 signing key, its fingerprint, signing and verifying.

The private key (a 32-byte seed) is made on first use and kept in the encrypted journal
(table `exchange_signing_key`), so it travels with the journal's encrypted backups and
nowhere else. The fingerprint is what the supporter reads aloud to the coordinator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from peerdesk.vault import Vault
from peerdesk.vault.vault import write_transaction

Connection = Any  # sqlcipher3 connection (untyped extension module)

_FINGERPRINT_CONTEXT: Final = b"peerdesk fingerprint v1\n"
FINGERPRINT_GROUPS: Final = 6     # 6 groups of 4 digits: 24 digits, about 80 bits
FINGERPRINT_DIGITS: Final = 4 * FINGERPRINT_GROUPS


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def public_hex(self) -> str:
        return self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_hex)

    def sign(self, content: bytes) -> str:
        return self.private.sign(content).hex()


def fingerprint(public_hex: str) -> str:
    """"0412 9931 …": digits in groups of four, easy to read aloud and compare."""
    digest = hashlib.sha256(_FINGERPRINT_CONTEXT + bytes.fromhex(public_hex)).digest()
    number = int.from_bytes(digest[:16], "big") % 10**FINGERPRINT_DIGITS
    digits = f"{number:0{FINGERPRINT_DIGITS}d}"
    return " ".join(digits[i:i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


def normalise_fingerprint(text: str) -> str:
    """What a person typed, as `fingerprint` writes it ("" when it cannot be one)."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    if len(digits) != FINGERPRINT_DIGITS or len(digits) != sum(ch.isalnum() for ch in text):
        return ""
    return " ".join(digits[i:i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


def signature_valid(public_hex: str, signature_hex: str, content: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(bytes.fromhex(signature_hex), content)
    except (InvalidSignature, ValueError):
        return False
    return True


class SigningKeyStore:
    """The journal's signing key; pass the open vault, or a worker thread's connection."""

    def __init__(self, source: Vault | Connection) -> None:
        self._vault = source if isinstance(source, Vault) else None
        self._conn = source.connection if isinstance(source, Vault) else source

    def key(self) -> SigningKey:
        """The journal's key, made (and saved) the first time it is needed."""
        row = self._conn.execute(
            "SELECT private_key FROM exchange_signing_key WHERE id = 1").fetchone()
        if row is None:
            seed = Ed25519PrivateKey.generate().private_bytes_raw()
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            context = (self._vault.transaction() if self._vault is not None
                       else write_transaction(self._conn))
            with context as conn:
                conn.execute("INSERT OR IGNORE INTO exchange_signing_key (id, private_key, "
                             "created_at) VALUES (1, ?, ?)", (seed, now))
            row = self._conn.execute(
                "SELECT private_key FROM exchange_signing_key WHERE id = 1").fetchone()
        return SigningKey(Ed25519PrivateKey.from_private_bytes(bytes(row[0])))
