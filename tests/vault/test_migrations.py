"""The shipped schema chain: numbered 1..n without gaps, each step valid SQL on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.vault.migrations import MIGRATIONS_DIR, Migration, load_migrations, shipped_migrations


def test_shipped_migrations_run_one_to_n_without_gaps() -> None:
    versions = [m.version for m in shipped_migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert all(path.suffix == ".sql" for path in MIGRATIONS_DIR.glob("[0-9]*"))


def test_two_files_with_one_number_are_refused(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    (tmp_path / "0001_b.sql").write_text("SELECT 2;")
    with pytest.raises(RuntimeError, match="share a number"):
        load_migrations(tmp_path)


def test_files_load_in_numeric_order(tmp_path: Path) -> None:
    (tmp_path / "0002_second.sql").write_text("SELECT 2;")
    (tmp_path / "0001_first.sql").write_text("SELECT 1;")
    (tmp_path / "notes.txt").write_text("ignored")
    assert load_migrations(tmp_path) == (
        Migration(1, "first", "SELECT 1;"), Migration(2, "second", "SELECT 2;"))
