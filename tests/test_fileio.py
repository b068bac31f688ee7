"""Files the user asked for are written atomically and privately, or not at all."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import ensure_private_dir, write_atomic, write_text_atomic


def test_write_atomic_replaces_the_whole_file_privately(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old contents that are longer than the new ones")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]  # no temp file left


def test_write_text_atomic_writes_utf8_with_the_mode_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "informe.txt"
    write_text_atomic(target, "Año", mode=0o644)
    assert target.read_bytes() == "Año".encode()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_missing_folder_is_named_and_not_created(tmp_path: Path) -> None:
    with pytest.raises(PeerDeskError, match=r"missing does not exist\. Choose an existing folder"):
        write_atomic(tmp_path / "missing" / "x.pdf", b"data")
    assert not (tmp_path / "missing").exists()


def test_a_failed_write_leaves_the_old_contents_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()  # the rename onto a folder fails, as a full disk or read-only folder would
    (target / "inside").write_bytes(b"old")
    with pytest.raises(PeerDeskError, match=r"Could not write .*taken.*Nothing was changed"):
        write_atomic(target, b"new")
    assert (target / "inside").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]


def test_ensure_private_dir_creates_missing_parents_0700_and_leaves_others(
        tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    ensure_private_dir(tmp_path / "a" / "b")
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    ensure_private_dir(tmp_path / "a" / "b")  # already there: no error


def test_ensure_private_dir_names_a_folder_it_cannot_create(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PeerDeskError, match=r"Could not create the folder .*Choose a folder"):
        ensure_private_dir(blocker / "inside")
