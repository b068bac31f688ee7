"""One PeerDesk window per journal: an OS file lock on `<journal>.lock`.

The lock file is empty, mode 0600, and stays on disk (deleting it would race with a second
instance taking it). The lock itself is `flock` (POSIX) or `msvcrt.locking` (Windows): the
kernel drops it when the process ends, however it ends, so a crash never leaves a journal
locked for good.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import PRIVATE_FILE_MODE, ensure_private_dir
from peerdesk.translation import msg
from peerdesk.vault.faults import classify_os_error


class AlreadyOpenError(PeerDeskError):
    def __init__(self) -> None:
        super().__init__(msg(
            "This journal is already open in another PeerDesk window. Switch to that window, "
            "or close it first."
        ))


def lock_path(journal: Path) -> Path:
    return journal.with_name(f"{journal.name}.lock")


def instance_key(journal: Path) -> str:
    """A name for the journal that reveals nothing about its path (for the local socket)."""
    digest = hashlib.sha256(str(Path(journal).expanduser().absolute()).encode("utf-8"))
    return f"peerdesk-{digest.hexdigest()[:24]}"


class InstanceLock:
    """Hold with `acquire()`; `release()` (or process exit) lets the next instance in."""

    def __init__(self, journal: Path) -> None:
        self.journal = Path(journal)
        self.path = lock_path(self.journal)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise `AlreadyOpenError` at once (never waits)."""
        if self._fd is not None:
            return
        ensure_private_dir(self.path.parent)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        except OSError as exc:
            raise (classify_os_error(exc, self.path) or PeerDeskError(msg(
                "Could not create {path}: {reason}. Check that the journal's folder is writable.",
                path=self.path, reason=exc.strerror or str(exc),
            ))) from exc
        try:
            os.chmod(self.path, PRIVATE_FILE_MODE)
            _lock(fd)
        except BlockingIOError as exc:
            os.close(fd)
            raise AlreadyOpenError() from exc
        except OSError as exc:
            os.close(fd)
            if _is_contention(exc):
                raise AlreadyOpenError() from exc
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _is_contention(exc: OSError) -> bool:
        return exc.errno in (13, 36)  # EACCES / EDEADLOCK from LK_NBLCK

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _is_contention(exc: OSError) -> bool:
        return exc.errno in (11, 35)  # EAGAIN / EWOULDBLOCK
