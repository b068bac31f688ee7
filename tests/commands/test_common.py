"""What every command shares: where the journal is and how the passphrase is read."""

from __future__ import annotations

from pathlib import Path

from tests.cli_process import assert_one_line_error, peerdesk


def test_journal_from_environment(tmp_path: Path) -> None:
    journal = tmp_path / "env.peerdesk"
    assert peerdesk("init", env={"PEERDESK_JOURNAL": str(journal)}).returncode == 0
    assert journal.exists()


def test_empty_passphrase_refused(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    assert_one_line_error(peerdesk("init", "--journal", str(journal), passphrase=""), 1)
    assert not journal.exists()


def test_missing_passphrase_without_terminal(tmp_path: Path) -> None:
    result = peerdesk("init", "--journal", str(tmp_path / "j"), passphrase=None)
    assert_one_line_error(result, 1)
    assert "PEERDESK_PASSPHRASE" in result.stderr
