"""The encrypted journal file (SQLCipher 4)."""

from peerdesk.vault.passphrase import PassphraseError, normalize_passphrase, strength_hint
from peerdesk.vault.vault import (
    Vault,
    VaultAccessError,
    VaultDamagedError,
    VaultError,
    VaultExistsError,
    VaultLockedError,
    VaultNotFoundError,
    VaultOpenError,
    VaultTooNewError,
    VaultWriteError,
)

__all__ = [
    "PassphraseError",
    "Vault",
    "VaultAccessError",
    "VaultDamagedError",
    "VaultError",
    "VaultExistsError",
    "VaultLockedError",
    "VaultNotFoundError",
    "VaultOpenError",
    "VaultTooNewError",
    "VaultWriteError",
    "normalize_passphrase",
    "strength_hint",
]
