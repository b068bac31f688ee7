"""Encrypted backups: one now to a chosen place, daily rolling ones, and restoring from either.

A backup of a journal folder is a journal folder of its own (docs/key-hierarchy.md §6): its
`journal.db` exported under the same data key and a copy of `keys.json`, so it opens with the
passphrase and recovery code valid when it was made. It is built in a hidden staging folder
beside the target and renamed into place. Old single-file journals and backups are still read
(with their passphrase) and restored.

Every database copy is made the same way (`export_to_temp`): `ATTACH … KEY` a temp file beside
the target, `sqlcipher_export` into it inside one read transaction (a consistent snapshot even
while the app keeps writing), verify the temp file opens with the key and passes SQLite's
quick check, fsync, then rename it into place. A crash at any moment leaves the old target or
the new one, never half of one; a failure removes the temp file.

Restoring never deletes: the current journal is kept aside as
`<journal>.replaced-<UTC timestamp>` (with its -wal/-shm, if any) before the checked backup
is renamed into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    ensure_private_dir,
    fsync_dir,
    write_atomic,
)
from peerdesk.paths import backups_dir, journal_db_path, key_file_path
from peerdesk.translation import msg
from peerdesk.vault.errors import VaultDamagedError, VaultOpenError
from peerdesk.vault.faults import SQLITE_CORRUPT, classify, sqlite_code
from peerdesk.vault.integrity import IntegrityReport, connection_report
from peerdesk.vault.keyed import Secret, attach_key, connect_keyed, pragma_key
from peerdesk.vault.keyslots import (
    DataKey,
    Keyring,
    KeySlotError,
    WrongPassphraseError,
    read_keyring,
    unlock_with_passphrase,
    write_keyring,
)
from peerdesk.vault.leftovers import sweep_old_temps_beside
from peerdesk.vault.vault import PLAINTEXT_HEADER, Vault, vault_secret

ProgressFn = Callable[[int, int, str], None]
BACKUP_SUFFIX = ".peerdesk"
_STAMP = "%Y%m%d-%H%M%S"
AUTO_BACKUP_INTERVAL = dt.timedelta(days=1)


class BackupError(PeerDeskError):
    """A backup or restore could not be made; nothing was changed."""


class BackupStopped(BackupError):
    """The caller stopped the backup (the journal is locking); nothing was written."""

    def __init__(self) -> None:
        super().__init__(msg("The backup was stopped before it finished; nothing was written."))


# Statement steps between two looks at a backup's `stop` (a few milliseconds of copying).
_STOP_CHECK_STEPS = 20_000


def _no_progress(done: int, total: int, text: str) -> None:
    """Default progress sink."""


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _temp_beside(target: Path, tag: str) -> Path:
    return target.with_name(f".{target.name}.{tag}-{secrets.token_hex(4)}.tmp")


def _write_error(target: Path, exc: BaseException) -> PeerDeskError:
    """The fault named (full disk, read-only or missing folder) where it can be, else a
    general write error."""
    fault = classify(exc, target)
    if fault is not None:
        return fault
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(msg(
        "Could not write {path}: {reason}. Nothing was changed; check there is free space and "
        "that the folder is writable.", path=target, reason=detail,
    ))


def export_to_temp(source: Any, target: Path, passphrase: Secret, tag: str = "copy") -> Path:
    """Copy `source` (a keyed connection) encrypted with `passphrase` (or a data key) into a
    verified, fsynced temp file beside `target`; return the temp path. The caller renames it
    into place."""
    literal = attach_key(passphrase)
    if not target.parent.is_dir():
        raise BackupError(msg("The folder {folder} does not exist. Choose an existing folder.",
                              folder=target.parent))
    tmp = _temp_beside(target, tag)
    leftovers = (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm"))
    attached = False
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        os.close(fd)
        os.chmod(tmp, PRIVATE_FILE_MODE)
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        source.execute("ATTACH DATABASE ? AS peerdesk_copy KEY ?", (str(tmp), literal))
        attached = True
        source.execute("PRAGMA peerdesk_copy.secure_delete = ON")
        # One transaction: the copy is a single consistent snapshot of the source.
        source.execute("BEGIN")
        try:
            source.execute("SELECT sqlcipher_export('peerdesk_copy')").fetchall()
            source.execute(f"PRAGMA peerdesk_copy.user_version = {version}")
            source.execute("COMMIT")
        except BaseException:
            if source.in_transaction:  # a full target may already have rolled it back
                with contextlib.suppress(sqlcipher3.Error):
                    source.execute("ROLLBACK")
            raise
        source.execute("DETACH DATABASE peerdesk_copy")
        attached = False
        verify_copy(tmp, passphrase, expect_version=version)
        _fsync_file(tmp)
        return tmp
    except BaseException as exc:
        if attached:
            with contextlib.suppress(sqlcipher3.Error):
                source.execute("DETACH DATABASE peerdesk_copy")
        _remove_quietly(*leftovers)
        if isinstance(exc, PeerDeskError):
            raise
        if sqlite_code(exc) == SQLITE_CORRUPT:  # a page of the source failed to read
            raise VaultDamagedError(str(exc)) from exc
        if isinstance(exc, OSError | sqlcipher3.Error):
            raise _write_error(target, exc) from exc
        raise


def verify_copy(path: Path, passphrase: Secret, expect_version: int | None = None) -> None:
    """A fresh copy opens with the passphrase (or key), is encrypted and passes the quick
    check."""
    with open(path, "rb") as handle:
        if handle.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER:
            raise BackupError(msg("The copy was not encrypted, so PeerDesk removed it."))
    conn = connect_keyed(path, passphrase)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        result = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()
    if expect_version is not None and version != expect_version:
        raise BackupError(msg("The copy did not verify (schema differs); it was removed."))
    if result != ["ok"]:
        raise BackupError(msg("The copy did not verify ({problem}); it was removed.",
                              problem=result[0]))


def install(tmp: Path, target: Path) -> None:
    """Atomically rename a verified temp file over `target` and make the rename durable."""
    try:
        os.chmod(tmp, PRIVATE_FILE_MODE)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        _remove_quietly(tmp)
        raise _write_error(target, exc) from exc


def back_up_to(vault: Vault, target: Path, progress: ProgressFn = _no_progress, *,
               stop: Callable[[], bool] | None = None) -> Path:
    """Write an encrypted copy of the journal to `target`, atomically, private: a journal
    folder (same data key, a copy of the key file) for a journal folder, a file keyed with the
    passphrase for an old single-file journal.

    Safe on a worker thread: it uses its own connection, never the GUI's. When `stop()` turns
    true (the journal is locking) the copy is interrupted, its files removed, and
    `BackupStopped` raised: a locked journal keeps no keyed connection open."""
    target = Path(target).expanduser().absolute()
    if target.resolve() == vault.path.resolve() or vault.path.resolve() in target.parents:
        raise BackupError(msg("A backup cannot replace the journal itself. Choose another "
                              "file."))
    folder = vault.key_file is not None
    if target.is_dir() and not (folder and _is_journal_folder(target)):
        raise BackupError(msg("{path} is a folder. Choose a file name for the backup.",
                              path=target))
    if folder and target.exists() and not target.is_dir():
        raise BackupError(msg("{path} is a file. Choose a new name for the backup folder.",
                              path=target))
    progress(0, 2, "Copying the journal…")
    sweep_old_temps_beside(target)
    staging = _temp_beside(target, "backup") if folder else None
    source = vault.connect_another()
    if stop is not None:
        source.set_progress_handler(stop, _STOP_CHECK_STEPS)
    try:
        # A copy of a damaged journal would push good backups out of the rotation.
        vault.require_writable(source)
        if staging is not None:
            _make_private_dir(staging, target)
            try:
                tmp = export_to_temp(source, journal_db_path(staging), vault_secret(vault),
                                     tag="backup")
                install(tmp, journal_db_path(staging))
                assert vault.key_file is not None
                write_atomic(key_file_path(staging), vault.key_file.read_bytes())
                fsync_dir(staging)
            except BaseException as exc:
                shutil.rmtree(staging, ignore_errors=True)
                if isinstance(exc, OSError):
                    raise _write_error(target, exc) from exc
                raise
        else:
            tmp = export_to_temp(source, target, vault_secret(vault), tag="backup")
    except PeerDeskError as exc:
        if stop is not None and stop():
            raise BackupStopped() from exc
        raise
    finally:
        source.close()
    progress(1, 2, "Saving the backup…")
    if staging is not None:
        install_folder(staging, target)
    else:
        install(tmp, target)
    progress(2, 2, "Backup saved.")
    return target


def _make_private_dir(folder: Path, target: Path) -> None:
    if not target.parent.is_dir():
        raise BackupError(msg("The folder {folder} does not exist. Choose an existing folder.",
                              folder=target.parent))
    try:
        folder.mkdir(mode=PRIVATE_DIR_MODE)
        os.chmod(folder, PRIVATE_DIR_MODE)
    except OSError as exc:
        raise _write_error(target, exc) from exc


def _is_journal_folder(path: Path) -> bool:
    return journal_db_path(path).is_file() and key_file_path(path).is_file()


def install_folder(staging: Path, target: Path) -> None:
    """Rename a finished staging folder to `target`; an earlier backup folder there is
    renamed aside first and removed only once the new one is in place."""
    previous = _temp_beside(target, "previous") if target.exists() else None
    try:
        if previous is not None:
            os.replace(target, previous)
        os.replace(staging, target)
        fsync_dir(target.parent)
    except OSError as exc:
        if previous is not None and not target.exists():
            with contextlib.suppress(OSError):
                os.replace(previous, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(target, exc) from exc
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def vault_passphrase(vault: Vault) -> Secret:
    """What the vault's own backups are checked and restored with: its data key (a journal
    folder) or its passphrase (an old single file)."""
    return vault_secret(vault)


def update_backup_key_files(journal: Path, keyring: Keyring) -> list[Path]:
    """After a slot changed (passphrase, recovery code, kit off): give every automatic backup
    of this journal (same keyring) the new key file, so an old passphrase or code opens
    nothing PeerDesk keeps. Each write is atomic. Returns the backups updated."""
    updated: list[Path] = []
    for info in automatic_backups(journal):
        key_file = key_file_path(info.path)
        if not info.path.is_dir():
            continue
        try:
            if read_keyring(key_file).keyring_id != keyring.keyring_id:
                continue
        except KeySlotError:
            continue
        write_keyring(key_file, keyring)
        updated.append(info.path)
    return updated


def remove_old_format_backups(journal: Path) -> list[Path]:
    """Single-file automatic backups from before key slots (they open with an old
    passphrase): removed when the passphrase changes."""
    removed: list[Path] = []
    for info in automatic_backups(journal):
        if info.path.is_file():
            _remove_quietly(info.path)
            removed.append(info.path)
    return removed


# -- automatic rolling backups ------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime  # UTC, from the file name
    size: int


def _prefix(journal: Path) -> str:
    return f"{journal.stem}-"


def automatic_backups(journal: Path) -> list[BackupInfo]:
    """The journal's automatic backups, newest first."""
    folder = backups_dir(journal)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    prefix = _prefix(journal)
    for path in folder.iterdir():
        name = path.name
        if not (name.startswith(prefix) and name.endswith(BACKUP_SUFFIX)):
            continue
        stamp = name[len(prefix):-len(BACKUP_SUFFIX)]
        try:
            created = dt.datetime.strptime(stamp, _STAMP).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        size_of = journal_db_path(path) if path.is_dir() else path
        with contextlib.suppress(OSError):
            found.append(BackupInfo(path, created, size_of.stat().st_size))
    return sorted(found, key=lambda info: info.created_at, reverse=True)


def automatic_backup_due(journal: Path, now: dt.datetime | None = None) -> bool:
    now = now or dt.datetime.now(dt.UTC)
    existing = automatic_backups(journal)
    return not existing or now - existing[0].created_at >= AUTO_BACKUP_INTERVAL


def make_automatic_backup(vault: Vault, keep: int, now: dt.datetime | None = None,
                          progress: ProgressFn = _no_progress, *,
                          stop: Callable[[], bool] | None = None) -> Path | None:
    """Write a new rolling backup into the backups folder (0700) and prune to `keep`."""
    if keep <= 0:
        return None
    now = now or dt.datetime.now(dt.UTC)
    folder = backups_dir(vault.path)
    ensure_private_dir(folder)
    target = folder / f"{_prefix(vault.path)}{now.strftime(_STAMP)}{BACKUP_SUFFIX}"
    back_up_to(vault, target, progress, stop=stop)
    prune_automatic_backups(vault.path, keep)
    return target


def back_up_if_due(vault: Vault, keep: int, now: dt.datetime | None = None, *,
                   stop: Callable[[], bool] | None = None) -> Path | None:
    """Called on unlock: a new automatic backup when the newest is a day old (or none)."""
    if keep <= 0 or not automatic_backup_due(vault.path, now):
        return None
    return make_automatic_backup(vault, keep, now, stop=stop)


def prune_automatic_backups(journal: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; return what was deleted."""
    removed: list[Path] = []
    for info in automatic_backups(journal)[max(keep, 1):]:
        _remove_backup(info.path)
        removed.append(info.path)
    return removed


def _remove_backup(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        _remove_quietly(path)


def replace_automatic_backups(vault: Vault, keep: int) -> None:
    """After a passphrase change: old automatic backups still open with the old passphrase,
    so a fresh one is made with the new passphrase first, then the old ones are removed."""
    old = automatic_backups(vault.path)
    fresh = None if keep <= 0 else make_automatic_backup(vault, keep + len(old))
    for info in old:
        if info.path != fresh:
            _remove_backup(info.path)


# -- checking and restoring ---------------------------------------------------------------


def check_backup(path: Path, passphrase: Secret) -> IntegrityReport:
    """Open a backup read-only with `passphrase` (or the journal's data key) and run the full
    integrity check. A backup folder's key file is read strictly first."""
    path = Path(path)
    secret = passphrase
    database = path
    if path.is_dir():
        if not _is_journal_folder(path):
            raise BackupError(msg("{path} is not a PeerDesk backup (it has no journal.db and "
                                  "keys.json).", path=path))
        secret = backup_key(path, passphrase)
        database = journal_db_path(path)
    elif not path.is_file():
        raise BackupError(msg("There is no backup at {path}.", path=path))
    elif isinstance(passphrase, DataKey):
        raise _does_not_open(path)
    with open(database, "rb") as handle:
        if handle.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER:
            raise BackupError(msg("{path} is not an encrypted PeerDesk backup.", path=path))
    uri = f"file:{pathname2url(str(database.absolute()))}?mode=ro"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise BackupError(msg("The backup {path} cannot be read: {reason}.", path=path,
                              reason=str(exc))) from exc
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {pragma_key(secret)}")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise _does_not_open(path) from exc
        if version == 0:
            raise BackupError(msg("{file} is not a PeerDesk journal backup. Nothing was changed.",
                                  file=path.name))
        report = connection_report(conn, database)
    finally:
        conn.close()
    if not report.ok:
        raise BackupError(msg(
            "The backup {file} is damaged ({problem}). Nothing was changed; choose another "
            "backup.", file=path.name, problem=report.problems[0],
        ))
    return report


def _does_not_open(path: Path) -> BackupError:
    return BackupError(msg(
        "The backup {file} does not open with this passphrase, or it is damaged. "
        "Nothing was changed.", file=path.name,
    ))


def backup_key(folder: Path, secret: Secret) -> DataKey:
    """The data key of the backup folder `folder`: `secret` itself when it is this journal's
    key (proven by the key file's key check), else from its passphrase slot."""
    keyring = read_keyring(key_file_path(folder))
    if isinstance(secret, DataKey):
        if not keyring.holds(secret):
            raise BackupError(msg(
                "The backup {file} belongs to another journal, or to this one before it was "
                "re-encrypted: it opens only with the passphrase it was made with. Nothing was "
                "changed.", file=folder.name))
        return secret
    try:
        return unlock_with_passphrase(keyring, secret)
    except WrongPassphraseError as exc:
        raise _does_not_open(folder) from exc


def aside_path(journal: Path, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now(dt.UTC)
    base = journal.with_name(f"{journal.name}.replaced-{now.strftime(_STAMP)}")
    candidate, n = base, 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def restore_backup(journal: Path, backup: Path, passphrase: Secret,
                   progress: ProgressFn = _no_progress) -> Path | None:
    """Check `backup`, keep the current journal aside, put the backup in its place.

    The journal must be closed (`Vault.detach()` or never opened). Returns where the previous
    journal was kept (None if there was none). Never deletes or overwrites the previous one.
    A backup folder is copied into a staging folder beside the journal first; an old
    single-file backup becomes a single-file journal, which its next unlock moves into a
    folder."""
    journal = Path(journal)
    backup = Path(backup)
    if backup.absolute() == journal.absolute():
        raise BackupError(msg("That is the journal itself; choose a backup file."))
    progress(0, 3, "Checking the backup…")
    check_backup(backup, passphrase)
    progress(1, 3, "Copying the backup…")
    ensure_private_dir(journal.parent)
    tmp = _temp_beside(journal, "restore")
    try:
        if backup.is_dir():
            tmp.mkdir(mode=PRIVATE_DIR_MODE)
            _copy_file(journal_db_path(backup), journal_db_path(tmp))
            _copy_file(key_file_path(backup), key_file_path(tmp))
            fsync_dir(tmp)
            check_backup(tmp, passphrase)
        else:
            _copy_file(backup, tmp)
            verify_copy(tmp, passphrase)
    except BaseException as exc:
        _remove_backup(tmp)
        _remove_quietly(Path(f"{tmp}-journal"))
        if isinstance(exc, OSError):
            raise _write_error(journal, exc) from exc
        if isinstance(exc, sqlcipher3.DatabaseError):
            raise BackupError(msg("The backup {file} did not verify. Nothing was changed.",
                                  file=backup.name)) from exc
        raise
    progress(2, 3, "Keeping the current journal aside…")
    kept: Path | None = None
    try:
        if journal.is_dir():
            kept = aside_path(journal)
            os.replace(journal, kept)
            fsync_dir(journal.parent)
        elif journal.exists():
            kept = aside_path(journal)
            try:
                os.link(journal, kept)  # the old file stays reachable at every moment
            except OSError:
                shutil.copy2(journal, kept)
            os.chmod(kept, PRIVATE_FILE_MODE)
            for suffix in ("-wal", "-shm"):
                companion = Path(f"{journal}{suffix}")
                if companion.exists():
                    os.replace(companion, Path(f"{kept}{suffix}"))
        if tmp.is_dir():
            if journal.is_file():
                journal.unlink()  # kept aside above (hard link or copy)
            os.replace(tmp, journal)
            fsync_dir(journal.parent)
        else:
            if journal.is_dir():
                raise BackupError(msg("{path} could not be moved aside. Nothing was changed.",
                                      path=journal))
            install(tmp, journal)
    except OSError as exc:
        _remove_backup(tmp)
        raise _write_error(journal, exc) from exc
    progress(3, 3, "Backup restored.")
    return kept


def _copy_file(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())


def restore_open_vault(vault: Vault, backup: Path, passphrase: Secret | None = None,
                       progress: ProgressFn = _no_progress) -> Path | None:
    """Restore while unlocked: detach, restore, reopen (with the backup's key)."""
    passphrase = passphrase if passphrase is not None else vault_secret(vault)
    check_backup(backup, passphrase)  # before closing anything
    reopen_with = backup_key(Path(backup), passphrase) if Path(backup).is_dir() else passphrase
    vault.detach()
    try:
        kept = restore_backup(vault.path, backup, passphrase, progress)
    except BaseException:
        vault.reopen()
        raise
    vault.reopen(reopen_with, intact=True)
    return kept


def newest_good_backup(journal: Path, passphrase: Secret) -> BackupInfo | None:
    """The newest automatic backup that opens with `passphrase` and passes the full check."""
    for info in automatic_backups(journal):
        try:
            check_backup(info.path, passphrase)
        except (BackupError, VaultOpenError, PeerDeskError):
            continue
        return info
    return None
