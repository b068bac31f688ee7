"""Changing what opens a journal folder: one slot of its key file re-written at a time.

A passphrase change, a recovery with the code, a new recovery code and turning the kit off
each re-wrap (or remove) one slot and write the key file atomically (docs/key-hierarchy.md §5):
`journal.db` is never touched, so a crash leaves the old key file or the new one — exactly one
of the old and new passphrase opens the journal. Afterwards the key files of the journal's
automatic backups are replaced the same way, so an old passphrase or code opens nothing
PeerDesk keeps; backups saved elsewhere keep opening with what they were made with.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.paths import key_file_path, legacy_copy_path
from peerdesk.translation import msg
from peerdesk.vault.backup import remove_old_format_backups, update_backup_key_files
from peerdesk.vault.errors import VaultError, VaultNotFoundError
from peerdesk.vault.journal_folder import (
    Layout,
    finish_interrupted_migration,
    layout_of,
    sweep_key_file_leftovers,
)
from peerdesk.vault.keyslots import (
    DataKey,
    Keyring,
    WrongPassphraseError,
    read_keyring,
    unlock_with_passphrase,
    unlock_with_recovery_code,
    with_passphrase,
    with_recovery_code,
    without_recovery_code,
    write_keyring,
)
from peerdesk.vault.migrations import Migration
from peerdesk.vault.passphrase import normalize_passphrase
from peerdesk.vault.recovery_code import RecoveryCode
from peerdesk.vault.vault import Vault, vault_secret


class WrongCurrentPassphraseError(PeerDeskError):
    def __init__(self) -> None:
        super().__init__(msg("The current passphrase is not right. Nothing was changed; try "
                             "again."))


class NotAJournalFolderError(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(msg(
            "{path} is a journal from before recovery kits. Unlock it once with its "
            "passphrase (it then moves into its folder), then try again. Nothing was changed.",
            path=path))


def _folder_key(vault: Vault) -> tuple[Path, DataKey]:
    secret = vault_secret(vault)
    if vault.key_file is None or not isinstance(secret, DataKey):
        raise NotAJournalFolderError(vault.path)
    return vault.key_file, secret


def _commit(journal: Path, keyring: Keyring) -> None:
    """The journal's key file, then its automatic backups' (each write atomic)."""
    write_keyring(key_file_path(journal), keyring)
    update_backup_key_files(journal, keyring)


def _forget_old_passphrase_copies(journal: Path) -> None:
    """The copy from before the move into a folder and single-file automatic backups open
    with an old passphrase: after a change they would keep it alive, so they go."""
    with contextlib.suppress(FileNotFoundError):
        legacy_copy_path(journal).unlink()
    remove_old_format_backups(journal)


def change_passphrase(vault: Vault, current: str, new: str) -> None:
    """Re-wrap the passphrase slot of an unlocked journal folder under `new` (same Argon2id
    parameters, fresh salt). Instant apart from two Argon2id runs; `journal.db` is untouched.
    Backups saved elsewhere still open with the passphrase they were made with."""
    key_file, key = _folder_key(vault)
    new_normalized = normalize_passphrase(new)
    keyring = read_keyring(key_file)
    try:
        if unlock_with_passphrase(keyring, current) != key:
            raise WrongCurrentPassphraseError()
    except WrongPassphraseError as exc:
        raise WrongCurrentPassphraseError() from exc
    if new_normalized == normalize_passphrase(current):
        raise PeerDeskError(msg("The new passphrase is the same as the current one. Nothing "
                                "changed."))
    params = keyring.passphrase_slot.argon2
    assert params is not None  # every passphrase slot has them (parsing guarantees it)
    _commit(vault.path, with_passphrase(keyring, key, new, params))
    _forget_old_passphrase_copies(vault.path)


def recover(journal: Path, code: RecoveryCode, new_passphrase: str,
            migrations: tuple[Migration, ...] | None = None) -> Vault:
    """Forgotten passphrase: open the recovery slot with `code`, wrap the data key under
    `new_passphrase` and return the unlocked journal. A code that does not open the slot
    (`WrongRecoveryCodeError`, `NoRecoveryCodeError`) writes nothing. The recovery code stays
    valid. The caller holds the instance lock."""
    journal = Path(journal)
    normalize_passphrase(new_passphrase)
    finish_interrupted_migration(journal)
    layout = layout_of(journal)
    if layout is Layout.MISSING:
        raise VaultNotFoundError(journal)
    if layout is not Layout.FOLDER:
        raise VaultError(msg(
            "{path} is a journal from before recovery kits: it has no recovery code, so only "
            "its passphrase opens it. Nothing was changed.", path=journal))
    sweep_key_file_leftovers(journal)
    keyring = read_keyring(key_file_path(journal))
    key = unlock_with_recovery_code(keyring, code)
    params = keyring.passphrase_slot.argon2
    assert params is not None
    _commit(journal, with_passphrase(keyring, key, new_passphrase, params))
    _forget_old_passphrase_copies(journal)
    return Vault.open(journal, new_passphrase, migrations)


def store_recovery_code(vault: Vault, code: RecoveryCode) -> str:
    """Write the recovery slot for `code` (replacing any earlier one: the old code then stops
    opening this journal and its automatic backups). Returns the journal's fingerprint."""
    key_file, key = _folder_key(vault)
    keyring = with_recovery_code(read_keyring(key_file), key, code)
    _commit(vault.path, keyring)
    return keyring.fingerprint


def turn_off_recovery_kit(vault: Vault) -> None:
    """Remove the recovery slot: from now on only the passphrase opens the journal (and its
    automatic backups). Backups saved elsewhere still open with the old code."""
    key_file, _ = _folder_key(vault)
    _commit(vault.path, without_recovery_code(read_keyring(key_file)))


def journal_keyring(vault: Vault) -> Keyring:
    """The unlocked journal's key file (slots, fingerprint), read strictly."""
    key_file, _ = _folder_key(vault)
    return read_keyring(key_file)
