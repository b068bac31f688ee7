"""The CLI contract, run as a real subprocess: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import __version__
from peerdesk.vault.vault import PLAINTEXT_HEADER
from tests.conftest import PASSPHRASE


def peerdesk(*args: str, passphrase: str | None = PASSPHRASE,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("PEERDESK_PASSPHRASE", None)
    if passphrase is not None:
        full_env["PEERDESK_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "peerdesk", *args], capture_output=True,
                          text=True, env=full_env, stdin=subprocess.DEVNULL, timeout=60,
                          check=False)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("peerdesk: ")


def test_version() -> None:
    result = peerdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"PeerDesk {__version__}"


def test_init_creates_encrypted_file_and_check_passes(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    result = peerdesk("init", "--journal", str(journal))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in journal.iterdir()) == ["journal.db", "keys.json"]
    assert (journal / "journal.db").read_bytes()[:16] != PLAINTEXT_HEADER
    checked = peerdesk("check", "--journal", str(journal))
    assert checked.returncode == 0, checked.stderr
    assert "intact" in checked.stdout


def test_journal_from_environment(tmp_path: Path) -> None:
    journal = tmp_path / "env.peerdesk"
    assert peerdesk("init", env={"PEERDESK_JOURNAL": str(journal)}).returncode == 0
    assert journal.exists()


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


def test_empty_passphrase_refused(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    assert_one_line_error(peerdesk("init", "--journal", str(journal), passphrase=""), 1)
    assert not journal.exists()


def test_missing_passphrase_without_terminal(tmp_path: Path) -> None:
    result = peerdesk("init", "--journal", str(tmp_path / "j"), passphrase=None)
    assert_one_line_error(result, 1)
    assert "PEERDESK_PASSPHRASE" in result.stderr


def test_check_missing_journal(tmp_path: Path) -> None:
    result = peerdesk("check", "--journal", str(tmp_path / "nothing"))
    assert_one_line_error(result, 1)
    assert "There is no journal" in result.stderr


@pytest.mark.parametrize("args", [["no-such-command"], ["init", "--bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert_one_line_error(peerdesk(*args), 2)


def test_damaged_journal_check_fails_cleanly(tmp_path: Path) -> None:
    journal = tmp_path / "j"
    assert peerdesk("init", "--journal", str(journal)).returncode == 0
    database = journal / "journal.db"
    data = bytearray(database.read_bytes())
    data[5000] ^= 0xFF
    database.write_bytes(bytes(data))
    assert_one_line_error(peerdesk("check", "--journal", str(journal)), 1)


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`peerdesk check | head -1`: the reader leaves early; no BrokenPipeError traceback."""
    journal = tmp_path / "j"
    assert peerdesk("init", "--journal", str(journal)).returncode == 0
    env = dict(os.environ, PEERDESK_PASSPHRASE=PASSPHRASE)
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: the first write breaks the pipe
    try:
        result = subprocess.run([sys.executable, "-m", "peerdesk", "check", "--journal",
                                 str(journal)], stdout=writer, stderr=subprocess.PIPE,
                                text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
                                check=False)
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert result.stderr == ""


def test_a_huge_value_is_not_echoed_whole() -> None:
    result = peerdesk("demo", "--journal", "x.peerdesk", "--sessions", "9" * 5000)
    assert_one_line_error(result, 2)
    assert len(result.stderr) < 300
    assert "(5002 characters)" in result.stderr  # the quoted value
