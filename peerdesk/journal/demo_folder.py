"""The throwaway folder of `peerdesk --demo`: made private, held while the demo runs, and swept
on the next start if the demo was killed before it could remove it (issue #16).

A demo holds an OS lock (`flock`) on `<folder>/.alive` for as long as it runs; the kernel drops
it however the process ends. A folder whose lock can be taken therefore belongs to no running
demo and is removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

DEMO_PREFIX = "peerdesk-demo-"
ALIVE_NAME = ".alive"


class DemoFolder:
    """A private temporary folder for one demo run; `remove()` deletes it (safe twice)."""

    def __init__(self, parent: Path | None = None) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX, dir=parent))
        os.chmod(self.path, 0o700)
        self._fd: int | None = os.open(self.path / ALIVE_NAME,
                                       os.O_RDWR | os.O_CREAT, 0o600)
        _try_lock(self._fd)

    def remove(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
        shutil.rmtree(self.path, ignore_errors=True)


def sweep_stale_demo_folders(parent: Path | None = None) -> list[Path]:
    """Remove demo folders (ours) that no running demo holds; return what was removed."""
    folder = Path(parent or tempfile.gettempdir())
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        candidates = [p for p in folder.iterdir() if p.name.startswith(DEMO_PREFIX)]
        for candidate in candidates:
            if _is_stale(candidate):
                shutil.rmtree(candidate, ignore_errors=True)
                removed.append(candidate)
    return removed


def _is_stale(folder: Path) -> bool:
    try:
        if not folder.is_dir() or folder.is_symlink() or folder.stat().st_uid != os.getuid():
            return False
        fd = os.open(folder / ALIVE_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return False
    try:
        return _try_lock(fd)
    finally:
        os.close(fd)  # closing drops the lock we may just have taken


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
