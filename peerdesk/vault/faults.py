"""What really went wrong: turn an `OSError` or a SQLite error into the vault error that names it.

SQLite reports some faults precisely (SQLITE_FULL, SQLITE_READONLY, SQLITE_BUSY) and others only
as "disk I/O error" or "unable to open database file" — a journal on a full disk, in a read-only
folder or in a folder that vanished all look alike from inside SQLite. For those,
`diagnose_storage` looks at the folder itself: does it exist, can a file be made there, can
1 MiB be written to it. The probe file is removed at once (and swept by `sweep_temp_files`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.vault.errors import (
    VaultDamagedError,
    VaultDiskFullError,
    VaultFolderMissingError,
    VaultInUseError,
    VaultOpenError,
    VaultReadOnlyError,
)

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_READ_ONLY_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
PROBE_PREFIX = ".peerdesk-probe-"
_PROBE_BYTES = 1024 * 1024  # more than SQLite needed for what failed: a page, its WAL frame


def sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def diagnose_storage(path: Path) -> PeerDeskError | None:
    """Why writing at `path` (a file, existing or to be made) fails, found by trying; None when
    the folder exists, is writable and has room."""
    folder = path.parent
    if not folder.is_dir():
        return VaultFolderMissingError(folder)
    probe = folder / f"{PROBE_PREFIX}{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            block = bytes(_PROBE_BYTES)
            written = 0
            while written < len(block):
                written += os.write(fd, block[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.errno in _FULL_ERRNOS:
            return VaultDiskFullError(path)
        if exc.errno in _READ_ONLY_ERRNOS:
            return VaultReadOnlyError(folder, folder=True)
        return None
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    if path.is_file():
        try:
            os.close(os.open(path, os.O_WRONLY))
        except OSError as exc:
            if exc.errno in _READ_ONLY_ERRNOS:
                return VaultReadOnlyError(path, folder=False)
    return None


def classify_os_error(exc: OSError, path: Path) -> PeerDeskError | None:
    """The vault error for an `OSError` met while writing at `path`, or None if it is none of
    the known faults."""
    if exc.errno in _FULL_ERRNOS:
        return VaultDiskFullError(path)
    if exc.errno == errno.ENOENT and not path.parent.is_dir():
        return VaultFolderMissingError(path.parent)
    if exc.errno in _READ_ONLY_ERRNOS:
        return diagnose_storage(path) or VaultReadOnlyError(path, folder=False)
    return None


def classify_sqlite_error(exc: BaseException, path: Path) -> PeerDeskError | None:
    """The vault error for a SQLite error on the database at `path`, or None if SQLite's code
    names none of the known faults (then the caller keeps its own wording)."""
    code = sqlite_code(exc)
    if code == SQLITE_FULL:
        return VaultDiskFullError(path)
    if code == SQLITE_READONLY:
        return diagnose_storage(path) or VaultReadOnlyError(path, folder=False)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultInUseError(path)
    if code == SQLITE_CORRUPT:
        return VaultDamagedError(str(exc))
    if code == SQLITE_NOTADB:
        return VaultOpenError()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM):
        return diagnose_storage(path)
    return None


def classify(exc: BaseException, path: Path) -> PeerDeskError | None:
    if isinstance(exc, PeerDeskError):
        return exc
    if isinstance(exc, OSError):
        return classify_os_error(exc, path)
    if isinstance(exc, sqlcipher3.Error):
        return classify_sqlite_error(exc, path)
    return None
