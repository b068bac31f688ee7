"""Temp files a killed PeerDesk leaves behind, and sweeping them on the next start.

Every temp file PeerDesk makes beside a journal or in its backups folder starts with a dot and
the name of the file it will become (`.journal.peerdesk.restore-1a2b3c4d.tmp`,
`.journal-20261204-101500.peerdesk.backup-….tmp`, the SQLite `-journal`/`-wal`/`-shm` files of
such a temp, the storage probe `.peerdesk-probe-….tmp`). They are removed on success and on
failure; a `kill -9` or a power cut is what leaves them, so the next start removes them —
only while holding the journal's instance lock, so they cannot belong to a PeerDesk still at work.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from peerdesk.paths import backups_dir
from peerdesk.vault.faults import PROBE_PREFIX

# A temp file of a backup still in progress is written to all the time; one untouched for this
# long beside a target outside the journal's folders belongs to a PeerDesk that was killed.
STALE_AFTER_SECONDS = 3600


def _temps_named_for(folder: Path, name_glob: str) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [*folder.glob(f".{name_glob}.*.tmp"), *folder.glob(f".{name_glob}.*.tmp-*"),
             *folder.glob(f"{PROBE_PREFIX}*.tmp")]
    return sorted({path for path in found if path.is_file()})


def stale_temp_files(journal: Path) -> list[Path]:
    """Leftover temp files of `journal`: beside it and in its backups folder."""
    journal = Path(journal)
    inside = _temps_named_for(journal, "*") if journal.is_dir() and not journal.is_symlink() \
        else []
    return [*_temps_named_for(journal.parent, journal.name), *inside,
            *_temps_named_for(backups_dir(journal), f"{journal.stem}-*")]


def sweep_temp_files(journal: Path) -> list[Path]:
    """Remove `journal`'s leftover temp files; call only while holding its instance lock."""
    removed: list[Path] = []
    for path in stale_temp_files(journal):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def sweep_old_temps_beside(target: Path, now: float | None = None) -> list[Path]:
    """Before writing `target` (a backup anywhere the user chose): remove its temp files that
    nobody has touched for an hour."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    for path in _temps_named_for(target.parent, target.name):
        if path.name.startswith(PROBE_PREFIX):
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > STALE_AFTER_SECONDS:
                path.unlink()
                removed.append(path)
    return removed
