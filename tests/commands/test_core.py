"""`peerdesk init` and `peerdesk check`, run as a real subprocess."""

from __future__ import annotations

from pathlib import Path

from peerdesk.vault.vault import PLAINTEXT_HEADER
from tests.cli_process import assert_one_line_error, peerdesk


def test_init_creates_encrypted_file_and_check_passes(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    result = peerdesk("init", "--journal", str(journal))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in journal.iterdir()) == ["journal.db", "keys.json"]
    assert (journal / "journal.db").read_bytes()[:16] != PLAINTEXT_HEADER
    checked = peerdesk("check", "--journal", str(journal))
    assert checked.returncode == 0, checked.stderr
    assert "intact" in checked.stdout


def test_check_with_wrong_passphrase_is_one_clear_line(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    assert peerdesk("init", "--journal", str(journal)).returncode == 0
    result = peerdesk("check", "--journal", str(journal), passphrase="wrong one")
    assert_one_line_error(result, 1)
    assert "passphrase is wrong or the file is damaged" in result.stderr


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    journal.write_text("keep me")
    assert_one_line_error(peerdesk("init", "--journal", str(journal)), 1)
    assert journal.read_text() == "keep me"


def test_check_missing_journal(tmp_path: Path) -> None:
    result = peerdesk("check", "--journal", str(tmp_path / "nothing"))
    assert_one_line_error(result, 1)
    assert "There is no journal" in result.stderr


def test_damaged_journal_check_fails_cleanly(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    assert peerdesk("init", "--journal", str(journal)).returncode == 0
    database = journal / "journal.db"
    data = bytearray(database.read_bytes())
    data[5000] ^= 0xFF
    database.write_bytes(bytes(data))
    assert_one_line_error(peerdesk("check", "--journal", str(journal)), 1)
