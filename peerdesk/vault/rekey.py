"""Changing the passphrase so that a crash at any moment leaves a journal that opens.

A journal folder changes its passphrase by re-wrapping one key slot (`key_change`); what
follows is the copy-based re-encryption kept for old single-file journals and their copies.

Why not `PRAGMA rekey`: it re-encrypts pages in place inside the journal file. In WAL mode the
SQLCipher 4 documentation makes no atomicity promise across concurrent connections, several
SQLite encryption libraries refuse or corrupt a WAL-mode rekey, and SQLCipher 5 lists WAL
rekey support as new. Rather than depend on that, PeerDesk rekeys by copying:

1. the app's connection is detached (WAL checkpointed and removed; the main file is complete);
2. `sqlcipher_export` writes the whole journal, keyed with the new passphrase, into a temp file
   beside the journal (new random salt), inside one read transaction;
3. the temp file is opened with the new passphrase and must pass `quick_check` and keep the
   schema version; then it is fsynced;
   The source connection holds the file in EXCLUSIVE locking mode throughout, so no other
   connection can write to it, or still have the old file open when it is replaced.
4. the source connection is closed, the journal is checked to have no WAL left (otherwise a
   stale WAL could be applied to the new file), and the temp file is renamed over the journal
   with `os.replace` (atomic on POSIX and Windows), then the folder is fsynced.

Before step 4 the journal is the old file (old passphrase); after it, the new file (new
passphrase). A leftover temp file from a killed attempt is removed by the next attempt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.translation import msg
from peerdesk.vault import key_change
from peerdesk.vault.backup import export_to_temp, install
from peerdesk.vault.key_change import WrongCurrentPassphraseError
from peerdesk.vault.passphrase import normalize_passphrase
from peerdesk.vault.vault import Vault, VaultError, connect_keyed

ProgressFn = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, text: str) -> None:
    """Default progress sink."""


def _leftovers(path: Path) -> list[Path]:
    return [p for p in path.parent.glob(f".{path.name}.rekey-*.tmp*") if p.is_file()]


def _hold_exclusively(conn: Any) -> None:
    """Lock the file against every other connection until `conn` closes: nobody may write
    (or keep the old file open) while it is copied and replaced."""
    conn.execute("PRAGMA busy_timeout = 2000")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock is kept after COMMIT
    except sqlcipher3.OperationalError as exc:
        raise _in_use() from exc


def _in_use() -> VaultError:
    return VaultError(msg(
        "The journal is still open elsewhere (another window or program), so the passphrase "
        "was not changed. Close it there and try again."
    ))


def rekey_file(path: Path, old: str, new: str, progress: ProgressFn = _no_progress) -> None:
    """Re-encrypt the closed journal at `path` from `old` to `new` (see the module notes)."""
    path = Path(path)
    normalize_passphrase(new)
    for leftover in _leftovers(path):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    progress(0, 3, "Re-encrypting the journal…")
    source = connect_keyed(path, old)
    try:
        _hold_exclusively(source)
        tmp = export_to_temp(source, path, new, tag="rekey")
    finally:
        source.close()
    progress(2, 3, "Putting the re-encrypted journal in place…")
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise _in_use()
    install(tmp, path)
    progress(3, 3, "Passphrase changed.")


def change_passphrase(vault: Vault, current: str, new: str,
                      progress: ProgressFn = _no_progress) -> None:
    """Change the passphrase of an unlocked vault; it is open with `new` afterwards.

    Runs on a worker thread; the GUI must not use the vault until it returns. On failure the
    vault is reopened with the current passphrase and the file is unchanged. A journal folder
    only re-wraps its passphrase slot (`key_change.change_passphrase`)."""
    if vault.key_file is not None:
        progress(0, 1, "Changing the passphrase…")
        key_change.change_passphrase(vault, current, new)
        progress(1, 1, "Passphrase changed.")
        return
    if not vault.check_passphrase(current):
        raise WrongCurrentPassphraseError()
    vault.require_writable()  # the re-encrypted copy replaces the journal: never a damaged one
    new_normalized = normalize_passphrase(new)
    if new_normalized == normalize_passphrase(current):
        raise PeerDeskError(msg("The new passphrase is the same as the current one. Nothing "
                                "changed."))
    vault.detach()
    try:
        rekey_file(vault.path, current, new, progress)
    except BaseException:
        vault.reopen(current)
        raise
    vault.reopen(new, intact=True)
    rekey_pre_migration_copies(vault.path, current, new)


def rekey_pre_migration_copies(path: Path, old: str, new: str) -> list[Path]:
    """Re-encrypt the copies taken before schema upgrades, so the old passphrase opens nothing
    PeerDesk keeps. A copy the old passphrase does not open (made under an even older one) is
    left as it is. Returns the copies that still need the old passphrase."""
    left_behind: list[Path] = []
    for copy in sorted(path.parent.glob(f"{path.name}.schema*.bak")):
        try:
            rekey_file(copy, old, new)
        except (VaultError, sqlcipher3.DatabaseError):
            left_behind.append(copy)
    return left_behind
