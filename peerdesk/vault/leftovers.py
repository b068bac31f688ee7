"""Temp files a killed PeerDesk leaves behind, and sweeping them on the next start.

Every temp file PeerDesk makes beside a journal or in its backups folder starts with a dot and
the name of the file it will become (`.journal.peerdesk.restore-1a2b3c4d.tmp`,
`.journal-20261204-101500.peerdesk.backup-….tmp`, the SQLite `-journal`/`-wal`/`-shm` files of
such a temp, the storage probe `.peerdesk-probe-….tmp`). They are removed on success and on
failure; a `kill -9` or a power cut is what leaves them, so the next start removes them —
only while holding the journal's instance lock, so they cannot belong to a PeerDesk still at work.

Folder backups and restores build hidden staging folders the same way
(`.NAME.backup-….tmp/`, `.NAME.restore-….tmp/`, and `.NAME.previous-….tmp/` for the backup
folder a new one replaces). Before anything is swept, a folder restore killed between its two
renames is finished (`finish_interrupted_restore`, docs/key-hierarchy.md §6), and an earlier
backup folder renamed aside for a replacement that never arrived is put back.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import time
from pathlib import Path

from peerdesk.fileio import fsync_dir
from peerdesk.paths import backups_dir, journal_db_path, key_file_path
from peerdesk.vault.faults import PROBE_PREFIX

# A temp file of a backup still in progress is written to all the time; one untouched for this
# long beside a target outside the journal's folders belongs to a PeerDesk that was killed.
STALE_AFTER_SECONDS = 3600


STAGING_TAGS = ("backup", "restore", "previous")


def _staging_folders(folder: Path, name_glob: str, tags: tuple[str, ...] = STAGING_TAGS
                     ) -> list[Path]:
    if not folder.is_dir():
        return []
    found = [path for tag in tags for path in folder.glob(f".{name_glob}.{tag}-*.tmp")]
    return sorted({path for path in found if path.is_dir() and not path.is_symlink()})


def _is_complete_journal_folder(folder: Path) -> bool:
    return journal_db_path(folder).is_file() and key_file_path(folder).is_file()


def finish_interrupted_restore(journal: Path) -> Path | None:
    """A folder restore killed between its two renames left no journal at `journal`, the old
    journal in `journal.replaced-…/` and the checked backup copy in `.journal.restore-….tmp/`:
    rename the copy into place, as the restore would have (the replaced journal stays kept
    aside, as after every restore). Returns the journal's path when it finished one.

    The copy is the right one: the user asked for the backup, and the old journal is renamed
    aside only after the copy passed its full check; nothing is lost, since the old journal
    stays where a finished restore keeps it. Without a `.replaced-` folder (a restore to an
    empty path) the copy may be unchecked, so it is left to the sweep: the backup it came from
    is still there. File system only; call with the instance lock held."""
    journal = Path(journal)
    if journal.exists() or journal.is_symlink() or not journal.parent.is_dir():
        return None
    name = glob.escape(journal.name)
    if not any(path.is_dir() for path in journal.parent.glob(f"{name}.replaced-*")):
        return None
    copies = [folder for folder in _staging_folders(journal.parent, name, ("restore",))
              if _is_complete_journal_folder(folder)]
    if not copies:
        return None
    newest = max(copies, key=lambda folder: folder.stat().st_mtime)
    os.replace(newest, journal)
    fsync_dir(journal.parent)
    return journal


def _put_back_previous_backups(folder: Path, name_glob: str) -> None:
    """`install_folder` killed between renaming the earlier backup aside and renaming the new
    one in: the earlier backup goes back to its name (the new one, unfinished, is swept)."""
    for previous in _staging_folders(folder, name_glob, ("previous",)):
        target = previous.with_name(previous.name[1:].rsplit(".previous-", 1)[0])
        if not target.exists() and _is_complete_journal_folder(previous):
            with contextlib.suppress(OSError):
                os.replace(previous, target)
                fsync_dir(folder)


def stale_staging_folders(journal: Path) -> list[Path]:
    """Leftover staging folders of `journal`'s backups and restores."""
    journal = Path(journal)
    name = glob.escape(journal.name)
    return [*_staging_folders(journal.parent, name),
            *_staging_folders(backups_dir(journal), f"{glob.escape(journal.stem)}-*")]


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
    """Finish a folder restore killed between its renames, put back a backup folder left
    aside, then remove `journal`'s leftover temp files and staging folders; call only while
    holding its instance lock."""
    journal = Path(journal)
    with contextlib.suppress(OSError):
        finish_interrupted_restore(journal)
    _put_back_previous_backups(journal.parent, glob.escape(journal.name))
    _put_back_previous_backups(backups_dir(journal), f"{glob.escape(journal.stem)}-*")
    removed: list[Path] = []
    for path in stale_temp_files(journal):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    for folder in stale_staging_folders(journal):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def sweep_old_temps_beside(target: Path, now: float | None = None) -> list[Path]:
    """Before writing `target` (a backup anywhere the user chose): remove its temp files and
    backup staging folders that nobody has touched for an hour."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    for path in _temps_named_for(target.parent, target.name):
        if path.name.startswith(PROBE_PREFIX):
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > STALE_AFTER_SECONDS:
                path.unlink()
                removed.append(path)
    for folder in _staging_folders(target.parent, glob.escape(target.name), ("backup",)):
        with contextlib.suppress(OSError):
            if now - folder.stat().st_mtime > STALE_AFTER_SECONDS:
                shutil.rmtree(folder)
                removed.append(folder)
    return removed
