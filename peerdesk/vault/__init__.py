"""The encrypted journal file (SQLCipher 4)."""

from peerdesk.vault.errors import (
    JOURNAL_FAULTS,
    VaultAccessError,
    VaultCheckPendingError,
    VaultDamagedError,
    VaultDiskFullError,
    VaultError,
    VaultExistsError,
    VaultFolderMissingError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    VaultOpenError,
    VaultReadOnlyError,
    VaultTooNewError,
    VaultWriteError,
)
from peerdesk.vault.passphrase import PassphraseError, normalize_passphrase, strength_hint
from peerdesk.vault.vault import Vault

__all__ = [
    "JOURNAL_FAULTS",
    "PassphraseError",
    "Vault",
    "VaultAccessError",
    "VaultCheckPendingError",
    "VaultDamagedError",
    "VaultDiskFullError",
    "VaultError",
    "VaultExistsError",
    "VaultFolderMissingError",
    "VaultInUseError",
    "VaultLockedError",
    "VaultNotFoundError",
    "VaultOpenError",
    "VaultReadOnlyError",
    "VaultTooNewError",
    "VaultWriteError",
    "normalize_passphrase",
    "strength_hint",
]
