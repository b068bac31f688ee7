"""What a killed folder backup or restore leaves, and what the next start makes of it.

Each crash point is made by hand: the staging folders and renames exactly as `back_up_to`,
`install_folder` and `restore_backup` leave them when killed between two steps."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from peerdesk.paths import backups_dir, journal_db_path, key_file_path
from peerdesk.vault import Vault
from peerdesk.vault.backup import back_up_to
from peerdesk.vault.leftovers import (
    STALE_AFTER_SECONDS,
    finish_interrupted_restore,
    sweep_old_temps_beside,
    sweep_temp_files,
)
from tests.conftest import PASSPHRASE

REPLACED_NAME = "journal.peerdesk.replaced-20261204-101500"


def _note(journal: Path) -> str:
    with Vault.open(journal, PASSPHRASE) as vault:
        value = vault.read_setting("note")
    assert isinstance(value, str)
    return value


@pytest.fixture
def journal(journal_path: Path, tmp_path: Path) -> Path:
    """A journal whose note says "now", with a backup folder (`backup.peerdesk`) saying "then"."""
    with Vault.create(journal_path, PASSPHRASE) as vault:
        vault.write_setting("note", "then")
        back_up_to(vault, tmp_path / "backup.peerdesk")
        vault.write_setting("note", "now")
    return journal_path


def _restore_copy(journal: Path, tmp_path: Path, *, complete: bool = True) -> Path:
    """The staging folder `restore_backup` fills with the backup before its renames."""
    copy = journal.with_name(f".{journal.name}.restore-0a1b2c3d.tmp")
    copy.mkdir(mode=0o700)
    shutil.copy2(journal_db_path(tmp_path / "backup.peerdesk"), journal_db_path(copy))
    if complete:
        shutil.copy2(key_file_path(tmp_path / "backup.peerdesk"), key_file_path(copy))
    return copy


def test_a_restore_killed_between_its_renames_is_finished_on_the_next_start(
        journal: Path, tmp_path: Path) -> None:
    copy = _restore_copy(journal, tmp_path)
    replaced = journal.with_name(REPLACED_NAME)
    os.replace(journal, replaced)  # the first rename; killed before the second

    sweep_temp_files(journal)

    assert _note(journal) == "then"  # the backup the user asked for is in place
    assert _note(replaced) == "now"  # the journal it replaced is kept aside, as always
    assert not copy.exists()


def test_a_restore_killed_between_its_renames_is_finished_by_the_next_unlock(
        journal: Path, tmp_path: Path) -> None:
    _restore_copy(journal, tmp_path)
    os.replace(journal, journal.with_name(REPLACED_NAME))
    assert _note(journal) == "then"  # Vault.open alone, without the start-up sweep


def test_a_restore_killed_before_its_renames_leaves_the_journal_as_it_was(
        journal: Path, tmp_path: Path) -> None:
    copy = _restore_copy(journal, tmp_path)
    assert finish_interrupted_restore(journal) is None
    assert copy in sweep_temp_files(journal)
    assert not copy.exists()
    assert _note(journal) == "now"


def test_a_restore_killed_while_copying_is_swept_and_the_journal_kept(
        journal: Path, tmp_path: Path) -> None:
    copy = _restore_copy(journal, tmp_path, complete=False)
    sweep_temp_files(journal)
    assert not copy.exists()
    assert _note(journal) == "now"


def test_an_incomplete_copy_never_takes_the_journals_place(journal: Path,
                                                           tmp_path: Path) -> None:
    _restore_copy(journal, tmp_path, complete=False)
    replaced = journal.with_name(REPLACED_NAME)
    os.replace(journal, replaced)  # cannot happen (the copy is checked first), but if it did
    assert finish_interrupted_restore(journal) is None
    assert not journal.exists()
    assert _note(replaced) == "now"  # the old journal is still where it was kept


def test_a_killed_folder_backup_leaves_nothing_after_the_next_start(journal: Path) -> None:
    folder = backups_dir(journal)
    folder.mkdir()
    staging = folder / f".{journal.stem}-20261204-101500.peerdesk.backup-9f3a2b1c.tmp"
    staging.mkdir()
    (staging / "journal.db").write_bytes(b"half a database")
    finished = folder / f"{journal.stem}-20261203-101500.peerdesk"
    shutil.copytree(journal, finished)

    assert staging in sweep_temp_files(journal)

    assert not staging.exists()
    assert _note(finished) == "now"
    assert _note(journal) == "now"


def test_a_backup_set_aside_for_a_replacement_that_never_came_is_put_back(
        journal: Path) -> None:
    folder = backups_dir(journal)
    folder.mkdir()
    name = f"{journal.stem}-20261203-101500.peerdesk"
    previous = folder / f".{name}.previous-5e6f7a8b.tmp"
    shutil.copytree(journal, previous)  # `install_folder` killed between its two renames
    sweep_temp_files(journal)
    assert not previous.exists()
    assert _note(folder / name) == "now"


def test_an_old_backup_staging_folder_beside_a_chosen_target_is_swept(tmp_path: Path) -> None:
    target = tmp_path / "usb" / "journal-copy.peerdesk"
    target.parent.mkdir()
    old = target.with_name(f".{target.name}.backup-11111111.tmp")
    recent = target.with_name(f".{target.name}.backup-22222222.tmp")
    for staging in (old, recent):
        staging.mkdir()
        (staging / "journal.db").write_bytes(b"partial")
    long_ago = old.stat().st_mtime - STALE_AFTER_SECONDS - 60
    os.utime(old, (long_ago, long_ago))

    assert sweep_old_temps_beside(target) == [old]
    assert recent.exists()  # may belong to a backup still being written
