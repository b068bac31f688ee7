"""Writing files the user asked for: atomically, privately, never half-done."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.translation import msg

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> None:
    """Create `path` and any missing parents with mode 0700; existing folders are left alone."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise PeerDeskError(msg(
                "Could not create the folder {folder}: {reason}. Choose a folder you can write "
                "to.", folder=folder, reason=exc.strerror or str(exc),
            )) from exc
        os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is narrowed by umask; make it exact


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable (no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE) -> None:
    """Write `data` to `path` via a temp file in the same folder, fsync, then rename.

    Either the whole new file is in place or the old one is untouched. Errors (full disk,
    read-only folder) become a `PeerDeskError` naming the file.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise PeerDeskError(msg("The folder {folder} does not exist. Choose an existing folder.",
                                folder=folder))
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
        tmp_name = None
        fsync_dir(folder)
    except OSError as exc:
        raise PeerDeskError(msg(
            "Could not write {path}: {reason}. Nothing was changed; check there is free space and "
            "that the folder is writable.", path=path, reason=exc.strerror or str(exc),
        )) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def write_text_atomic(path: Path, text: str, mode: int = PRIVATE_FILE_MODE) -> None:
    write_atomic(path, text.encode("utf-8"), mode)
