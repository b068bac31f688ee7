"""Where PeerDesk's files live: the journal's path by precedence, per-user folders that are
never created just by asking, and the shipped resources."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.paths import (
    backups_dir,
    config_dir,
    data_dir,
    default_journal_path,
    resolve_journal_path,
    resources_dir,
    ui_state_file,
)


def test_journal_option_wins_over_environment_over_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_journal_path() == default_journal_path()
    assert default_journal_path().parent == data_dir()
    monkeypatch.setenv("PEERDESK_JOURNAL", str(tmp_path / "from-env.peerdesk"))
    assert resolve_journal_path() == tmp_path / "from-env.peerdesk"
    assert resolve_journal_path(tmp_path / "given.peerdesk") == tmp_path / "given.peerdesk"


def test_a_relative_or_home_path_is_made_absolute(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_journal_path("j.peerdesk") == tmp_path / "j.peerdesk"
    assert resolve_journal_path("~/j.peerdesk") == Path.home() / "j.peerdesk"


def test_user_folders_are_per_user_and_not_created_by_asking(
        isolated_user_dirs: Path) -> None:
    assert data_dir().is_relative_to(isolated_user_dirs)
    assert ui_state_file().parent == config_dir()
    assert config_dir().is_relative_to(isolated_user_dirs)
    assert not data_dir().exists()
    assert not config_dir().exists()


def test_backups_sit_beside_their_journal(tmp_path: Path) -> None:
    assert backups_dir(tmp_path / "journal.peerdesk") == tmp_path / "backups"


def test_resources_are_shipped_and_can_be_overridden(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert (resources_dir() / "taxonomy.toml").is_file()
    monkeypatch.setenv("PEERDESK_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path
