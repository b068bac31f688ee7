"""`peerdesk backup --out FILE`: an encrypted copy that opens with the journal's passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def demo_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    journal = tmp_path / "demo.peerdesk"
    assert main(["demo", "--journal", str(journal), "--sessions", "7", "--seed", "1"]) == 0
    return journal


def sessions_in(path: Path) -> int:
    with Vault.open(path, PASSPHRASE) as vault:
        return SessionRepository(vault).count()


def test_backup_opens_with_the_same_passphrase_and_holds_every_session(
        demo_journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "journal-backup.peerdesk"
    assert main(["backup", "--out", str(out), "--journal", str(demo_journal)]) == 0
    assert "Wrote an encrypted backup" in capsys.readouterr().out
    assert sessions_in(out) == 7
    assert sessions_in(demo_journal) == 7


def test_backup_replaces_an_older_backup(demo_journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "backup.peerdesk"
    assert main(["backup", "--out", str(out), "--journal", str(demo_journal)]) == 0
    assert main(["demo", "--journal", str(demo_journal), "--sessions", "3", "--seed", "2"]) == 0
    assert main(["backup", "--out", str(out), "--journal", str(demo_journal)]) == 0
    assert sessions_in(out) == 10


def test_wrong_passphrase_is_one_line_and_writes_nothing(
        demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", "not the passphrase")
    out = tmp_path / "backup.peerdesk"
    assert main(["backup", "--out", str(out), "--journal", str(demo_journal)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "passphrase" in err
    assert not out.exists()


def test_a_missing_target_folder_is_named(demo_journal: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "backup.peerdesk"
    assert main(["backup", "--out", str(out), "--journal", str(demo_journal)]) == 1
    assert "no-such-folder does not exist. Choose an existing folder." in capsys.readouterr().err
    assert not out.parent.exists()
