"""`peerdesk demo` and `peerdesk journal import-csv`.

Most cases run `peerdesk.cli.main` in-process (fast); the stderr contract (exit codes, one line
per problem, no traceback) is also checked on a real subprocess.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault
from tests.cli_process import assert_one_line_error, peerdesk
from tests.conftest import PASSPHRASE
from tests.faults import digest

GOOD = "date,consent,channel,notes\n2024-03-01,yes,phone,rota\n2024-03-02,no,Video call,\n"
BAD = ("date,consent,channel\n2024-03-01,yes,phone\n2024-13-01,yes,phone\n"
       "2024-03-03,perhaps,fax\n")


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)


def count_sessions(journal: Path) -> int:
    with Vault.open(journal, PASSPHRASE) as vault:
        return SessionRepository(vault).count()


def test_demo_creates_and_fills_then_adds_more(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    journal = tmp_path / "demo.peerdesk"
    assert main(["demo", "--journal", str(journal), "--sessions", "50", "--seed", "3"]) == 0
    assert "Added 50 synthetic sessions" in capsys.readouterr().out
    assert main(["--journal", str(journal), "demo", "--sessions", "5"]) == 0
    assert count_sessions(journal) == 55


def test_demo_refuses_a_real_journal(journal_path: Path, vault: Vault, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "log.csv"
    csv.write_text(GOOD)
    vault.close()
    assert main(["journal", "import-csv", str(csv), "--journal", str(journal_path)]) == 0
    before = digest(journal_path)
    assert main(["demo", "--journal", str(journal_path), "--sessions", "5"]) == 1
    err = capsys.readouterr().err
    assert "holds 2 session(s) that the demo did not write" in err
    assert "--force" in err
    assert digest(journal_path) == before
    assert count_sessions(journal_path) == 2


def test_demo_refuses_a_demo_journal_someone_then_wrote_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A demo journal later used for real work is no longer demo data: its sessions count.
    journal = tmp_path / "was-demo.peerdesk"
    assert main(["demo", "--journal", str(journal), "--sessions", "20"]) == 0
    csv = tmp_path / "log.csv"
    csv.write_text(GOOD)
    assert main(["journal", "import-csv", str(csv), "--journal", str(journal)]) == 0
    capsys.readouterr()
    assert main(["demo", "--journal", str(journal), "--sessions", "5"]) == 1
    assert "holds 2 session(s)" in capsys.readouterr().err
    assert count_sessions(journal) == 22


def test_demo_force_adds_to_a_journal_with_other_sessions(journal_path: Path, vault: Vault,
                                                          tmp_path: Path) -> None:
    csv = tmp_path / "log.csv"
    csv.write_text(GOOD)
    vault.close()
    assert main(["journal", "import-csv", str(csv), "--journal", str(journal_path)]) == 0
    assert main(["demo", "--journal", str(journal_path), "--sessions", "5", "--force"]) == 0
    assert count_sessions(journal_path) == 7


@pytest.mark.parametrize("args", [["demo", "--sessions", "5"],
                                  ["demo", "--journal", "x", "--sessions", "0"],
                                  ["demo", "--journal", "x", "--sessions", "many"],
                                  ["journal"],
                                  ["journal", "import-csv"]])
def test_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_import_csv_dry_run_then_real(journal_path: Path, vault: Vault, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    vault.close()
    csv = tmp_path / "log.csv"
    csv.write_text(GOOD)
    args = ["journal", "import-csv", str(csv), "--journal", str(journal_path)]
    assert main([*args, "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("Would add 2 sessions")
    assert count_sessions(journal_path) == 0
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("Added 2 sessions")
    assert count_sessions(journal_path) == 2


def test_import_csv_wrong_passphrase(journal_path: Path, vault: Vault, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    vault.close()
    csv = tmp_path / "log.csv"
    csv.write_text(GOOD)
    monkeypatch.setenv("PEERDESK_PASSPHRASE", "not it")
    assert main(["journal", "import-csv", str(csv), "--journal", str(journal_path)]) == 1
    assert count_sessions(journal_path) == 0


def test_subprocess_bad_rows_one_line_each_and_nothing_written(journal_path: Path, vault: Vault,
                                                               tmp_path: Path) -> None:
    vault.close()
    csv = tmp_path / "log.csv"
    csv.write_text(BAD)
    result = peerdesk("journal", "import-csv", str(csv), "--journal", str(journal_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == ("peerdesk: log.csv: row 3, column 'date': '2024-13-01' is not a date "
                        "like 2024-03-31.")
    assert "row 4, column 'channel'" in lines[1]
    assert "row 4, column 'consent'" in lines[2]
    assert lines[3].startswith("peerdesk: 3 problem(s) in 2 row(s) of log.csv; nothing was added")
    assert len(lines) == 4
    assert count_sessions(journal_path) == 0


def test_subprocess_missing_file_and_usage(tmp_path: Path) -> None:
    missing = peerdesk("journal", "import-csv", str(tmp_path / "none.csv"), "--dry-run")
    assert_one_line_error(missing, 1)
    assert "no file" in missing.stderr
    assert_one_line_error(peerdesk("demo", "--journal", str(tmp_path / "d"), "--sessions",
                                   "-1"), 2)


def test_import_csv_refuses_a_name_as_peer_code_unless_allowed(
        journal_path: Path, vault: Vault, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    vault.close()
    csv = tmp_path / "log.csv"
    csv.write_text("date,consent,peer_code\n2024-03-01,yes,Maria Lopez\n")
    args = ["journal", "import-csv", str(csv), "--journal", str(journal_path)]
    assert main(args) == 1
    assert "row 2, column 'peer_code'" in capsys.readouterr().err
    assert count_sessions(journal_path) == 0
    assert main([*args, "--allow-identifying-codes"]) == 0
    assert count_sessions(journal_path) == 1
