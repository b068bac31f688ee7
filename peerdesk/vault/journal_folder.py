"""The journal folder: moving a single-file journal into one, crash-safely.

A journal folder holds the database (keyed with the random data key) and its key file, so the
two are copied, moved and backed up as one. An older journal is one file keyed with the
passphrase; `migrate_legacy_journal` turns it into a folder at the same path:

1. a leftover staging folder from an earlier, interrupted attempt is removed;
2. the staging folder is made beside the journal;
3. a new data key is made and the journal exported into the staging folder under it (one read
   transaction, the old file held exclusively), then checked page by page and fsynced;
4. the key file (one passphrase slot) is written into the staging folder;
5. the old file is moved into the staging folder (`legacy-journal.peerdesk`);
6. the staging folder is renamed to the journal's path.

Until step 5 the journal is the old file, untouched; from step 5 on the staging folder holds
everything, and `finish_interrupted_migration` (file system only, no secret) completes step 6 on
the next start. The passphrase therefore always opens exactly one journal at the path.
The design, with what a crash after each step leaves: docs/key-hierarchy.md §4.
Callers hold the journal's instance lock throughout.
"""

from __future__ import annotations

import contextlib
import enum
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, fsync_dir
from peerdesk.paths import (
    KEY_FILE_NAME,
    journal_db_path,
    key_file_path,
    keyslots_staging_path,
    legacy_copy_path,
)
from peerdesk.translation import msg
from peerdesk.vault.errors import VaultError, VaultOpenError
from peerdesk.vault.keyed import connect_keyed
from peerdesk.vault.keyslots import (
    Argon2Params,
    DataKey,
    calibrate_argon2,
    new_keyring,
    write_keyring,
)

ProgressFn = Callable[[int, int, str], None]
MIGRATION_STEPS = 6
BUSY_TIMEOUT_MS = 2000  # how long to wait for another connection to let go of the old file


class Layout(enum.Enum):
    MISSING = "missing"
    SINGLE_FILE = "single file"  # a journal from before key slots
    FOLDER = "folder"
    OTHER = "other"


class Recovery(enum.Enum):
    NOTHING_TO_DO = "nothing to do"
    CLEARED = "an unfinished move was cleared; the single file is the journal"
    FINISHED = "an interrupted move was finished; the folder is the journal"
    LEFT_ALONE = "a staging folder was left alone"


class JournalInUseError(VaultError):
    def __init__(self) -> None:
        super().__init__(msg(
            "The journal is still open elsewhere (another window or program), so it was not "
            "moved into its folder. Close it there and try again; nothing was changed."))


class StagingLeftError(VaultError):
    def __init__(self, staging: Path) -> None:
        super().__init__(msg(
            "There is no journal here, but {staging} holds part of one from an interrupted "
            "upgrade. PeerDesk did not touch it. Keep that folder: it may hold your journal.",
            staging=staging))


def _no_progress(done: int, total: int, text: str) -> None:
    """Default progress sink."""


def layout_of(journal: Path) -> Layout:
    if journal.is_symlink() or not journal.exists():
        return Layout.OTHER if journal.is_symlink() else Layout.MISSING
    if journal.is_dir():
        return Layout.FOLDER
    return Layout.SINGLE_FILE if journal.is_file() else Layout.OTHER


def _staging_complete(staging: Path) -> bool:
    return all(p.is_file() for p in (journal_db_path(staging), key_file_path(staging),
                                     legacy_copy_path(staging)))


def finish_interrupted_migration(journal: Path) -> Recovery:
    """Apply the next-start rule of docs/key-hierarchy.md §4 (needs no secret).

    Raises `StagingLeftError` when there is no journal but a staging folder that is not
    complete (which these steps never leave): the user must be told, not shown "no journal"."""
    journal = Path(journal)
    staging = keyslots_staging_path(journal)
    if not staging.exists():
        return Recovery.NOTHING_TO_DO
    layout = layout_of(journal)
    if layout is Layout.SINGLE_FILE:
        shutil.rmtree(staging)
        fsync_dir(journal.parent)
        return Recovery.CLEARED
    if layout is Layout.MISSING:
        if not _staging_complete(staging):
            raise StagingLeftError(staging)
        os.replace(staging, journal)
        fsync_dir(journal.parent)
        return Recovery.FINISHED
    return Recovery.LEFT_ALONE


def sweep_key_file_leftovers(journal: Path) -> list[Path]:
    """Remove temp files of a key-file write that was killed (`fileio.write_atomic` names them
    `.keys.json.*.tmp`); the key file itself is always whole. Call with the instance lock held."""
    removed = []
    for leftover in Path(journal).glob(f".{KEY_FILE_NAME}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def _hold_exclusively(conn: Any) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock is kept after COMMIT
    except sqlcipher3.OperationalError as exc:
        raise JournalInUseError() from exc


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _export_under_key(journal: Path, passphrase: str, target: Path, key: DataKey) -> None:
    """Step 3: the whole journal into `target`, keyed with `key`, checked and fsynced."""
    # Created first with mode 0600: SQLite would make it with the umask's mode.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    os.chmod(target, PRIVATE_FILE_MODE)
    try:
        source = connect_keyed(journal, passphrase)
    except sqlcipher3.DatabaseError as exc:
        raise VaultOpenError() from exc
    try:
        _hold_exclusively(source)
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        journal_id = source.execute("SELECT value FROM meta WHERE key = 'journal_id'").fetchone()
        source.execute("ATTACH DATABASE ? AS moved KEY ?", (str(target), key.sqlcipher_key()))
        source.execute("PRAGMA moved.secure_delete = ON")
        source.execute("BEGIN")
        try:
            source.execute("SELECT sqlcipher_export('moved')").fetchall()
            source.execute(f"PRAGMA moved.user_version = {version}")
        except BaseException:
            source.execute("ROLLBACK")
            raise
        source.execute("COMMIT")
        source.execute("DETACH DATABASE moved")
    finally:
        source.close()
    copy = sqlcipher3.connect(str(target), isolation_level=None)
    try:
        copy.execute("PRAGMA cipher_log_level = NONE")
        copy.execute(f"PRAGMA key = {key.pragma_literal()}")
        problems = [row[0] for row in copy.execute("PRAGMA cipher_integrity_check")]
        structure = [row[0] for row in copy.execute("PRAGMA integrity_check")]
        copied_version = int(copy.execute("PRAGMA user_version").fetchone()[0])
        copied_id = copy.execute("SELECT value FROM meta WHERE key = 'journal_id'").fetchone()
    finally:
        copy.close()
    if problems or structure != ["ok"] or copied_version != version or copied_id != journal_id:
        raise VaultError(msg(
            "The journal's copy under its new key did not verify, so the journal was not "
            "moved into its folder. Nothing was changed; check there is free space and try "
            "again."))
    _fsync_file(target)


def _remove_empty_companions(journal: Path) -> None:
    """Make sure the old file is whole on its own before it moves (its WAL was checkpointed
    when the last connection closed); a WAL with content means someone still has it open."""
    wal = Path(f"{journal}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise JournalInUseError()
    for companion in (wal, Path(f"{journal}-shm")):
        with contextlib.suppress(FileNotFoundError):
            companion.unlink()


def migrate_legacy_journal(journal: Path, passphrase: str, *, argon2: Argon2Params | None = None,
                           progress: ProgressFn = _no_progress) -> DataKey:
    """Turn the single-file journal at `journal` into a journal folder at the same path (see
    the module notes) and return its new data key. `argon2` defaults to calibrating here.

    On any failure before the old file moves, the staging folder is removed and the old file
    is as it was."""
    journal = Path(journal)
    if journal.is_symlink():
        # Renaming would move the link, not the journal, and leave the folder elsewhere.
        raise VaultError(msg(
            "{path} is a link to {target}. Open the journal where it really is (with --journal "
            "{target}) so it can move into its folder there; nothing was changed.",
            path=journal, target=journal.resolve()))
    if layout_of(journal) is not Layout.SINGLE_FILE:
        raise ValueError(f"{journal} is not a single-file journal")
    staging = keyslots_staging_path(journal)
    progress(0, MIGRATION_STEPS, msg("Preparing the journal's new folder…"))
    if staging.exists():
        shutil.rmtree(staging)
    progress(1, MIGRATION_STEPS, msg("Preparing the journal's new folder…"))
    try:
        staging.mkdir(mode=PRIVATE_DIR_MODE)
        os.chmod(staging, PRIVATE_DIR_MODE)
        fsync_dir(journal.parent)
        progress(2, MIGRATION_STEPS, msg("Copying the journal under its new key…"))
        key = DataKey.generate()
        _export_under_key(journal, passphrase, journal_db_path(staging), key)
        progress(3, MIGRATION_STEPS, msg("Protecting the new key with your passphrase…"))
        keyring, key = new_keyring(passphrase, argon2 or calibrate_argon2(), key)
        write_keyring(key_file_path(staging), keyring)
        fsync_dir(staging)
        progress(4, MIGRATION_STEPS, msg("Putting the journal's folder in place…"))
        _remove_empty_companions(journal)
        os.replace(journal, legacy_copy_path(staging))
    except BaseException as exc:
        if layout_of(journal) is Layout.SINGLE_FILE:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _move_error(journal, exc) from exc
        raise
    fsync_dir(staging)
    fsync_dir(journal.parent)
    progress(5, MIGRATION_STEPS, msg("Putting the journal's folder in place…"))
    try:
        os.replace(staging, journal)
    except OSError as exc:
        # Put the old file back; if even that fails, the next start finishes the move.
        with contextlib.suppress(OSError):
            os.replace(legacy_copy_path(staging), journal)
            shutil.rmtree(staging, ignore_errors=True)
        raise _move_error(journal, exc) from exc
    fsync_dir(journal.parent)
    progress(6, MIGRATION_STEPS, msg("The journal is in its new folder."))
    return key


def _move_error(journal: Path, exc: OSError) -> PeerDeskError:
    return VaultError(msg(
        "The journal could not be moved into its folder ({reason}). Your journal is as it was; "
        "check there is free space and that its folder is writable, then try again.",
        reason=exc.strerror or str(exc)))
