"""`peerdesk export` as a real subprocess (the CLI contract) and in-process for the details."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


def peerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PEERDESK_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "peerdesk", *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=60, check=False)


@pytest.fixture
def filled_journal(journal_path: Path) -> Path:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        repo = SessionRepository(vault)
        repo.add(Session(date=TODAY - dt.timedelta(days=2), consent_to_count=True,
                         notes="SECRET NOTE"))
        repo.add(Session(date=TODAY - dt.timedelta(days=3), consent_to_count=True))
        repo.add(Session(date=TODAY - dt.timedelta(days=4), consent_to_count=False))
        repo.add(Session(date=TODAY - dt.timedelta(days=200), consent_to_count=True))
    return journal_path


def test_export_subprocess(filled_journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    result = peerdesk("export", "--out", str(out), "--journal", str(filled_journal))
    assert result.returncode == 0, result.stderr
    assert "Wrote 2 records" in result.stdout
    assert ("Left out: 1 without consent to be counted, 1 outside the period, "
            "0 unsaved drafts.") in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert b"SECRET NOTE" not in data
    assert json.loads(data)["record_count"] == 2


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = peerdesk("export", "--out", str(tmp_path / "s.json"), "--since", "2026-13-01")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "'2026-13-01' is not a date; write it as YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "s.json").exists()


@pytest.mark.parametrize("bad", ["01/11/2026", "20261101", "yesterday", "2026-2-1"])
def test_date_formats_other_than_iso_are_refused(bad: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--out", str(tmp_path / "s.json"), "--until", bad]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_period_options_and_remembered_start(filled_journal: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "a.json"
    since = (TODAY - dt.timedelta(days=300)).isoformat()
    until = (TODAY - dt.timedelta(days=3)).isoformat()
    assert main(["export", "--out", str(out), "--since", since, "--until", until,
                 "--alias", "North", "--journal", str(filled_journal)]) == 0
    printed = capsys.readouterr().out
    assert "Wrote 2 records" in printed
    assert "1 outside the period" in printed
    assert json.loads(out.read_bytes())["supporter"]["alias"] == "North"
    # the next export starts the day after the last one ended, and remembers the alias
    assert main(["export", "--out", str(tmp_path / "b.json"),
                 "--journal", str(filled_journal)]) == 0
    assert "Wrote 1 record " in capsys.readouterr().out
    second = json.loads((tmp_path / "b.json").read_bytes())
    assert second["supporter"]["alias"] == "North"


def test_start_after_end_is_one_clear_line(filled_journal: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = main(["export", "--out", str(tmp_path / "s.json"), "--since", "2026-05-02",
                 "--until", "2026-05-01", "--journal", str(filled_journal)])
    assert code == 1
    err = capsys.readouterr().err
    assert "starts (2026-05-02) after it ends (2026-05-01)" in err
    assert not (tmp_path / "s.json").exists()


def test_missing_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = main(["export", "--out", str(tmp_path / "s.json"),
                 "--journal", str(tmp_path / "none.peerdesk")])
    assert code == 1
    assert "There is no journal" in capsys.readouterr().err
