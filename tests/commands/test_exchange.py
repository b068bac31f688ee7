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
    month = f"{TODAY - dt.timedelta(days=3):%Y-%m}"
    old_month = f"{TODAY - dt.timedelta(days=200):%Y-%m}"
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Wrote {out}: ")
    assert f"  {old_month}  new        1 contact" in lines
    assert any(line.startswith(f"  {month}  new ") for line in lines)
    assert any(line.startswith("Your key's fingerprint: ") for line in lines)
    assert lines[-1] == ("Not counted: 1 without consent to be counted, 0 outside the months "
                         "considered, 0 unsaved drafts.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = out.read_bytes()
    assert b"SECRET NOTE" not in data
    assert sum(m["contacts"] for m in json.loads(data)["months"]) == 3

    again = peerdesk("export", "--out", str(tmp_path / "again.json"),
                     "--journal", str(filled_journal))
    assert again.returncode == 0
    assert "Nothing changed since the last export" in again.stdout
    assert not (tmp_path / "again.json").exists()


def test_bad_month_is_a_usage_error(tmp_path: Path) -> None:
    result = peerdesk("export", "--out", str(tmp_path / "s.json"), "--since", "2026-13-01")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "'2026-13-01' is not a month or a date; write it as YYYY-MM" in result.stderr
    assert not (tmp_path / "s.json").exists()


@pytest.mark.parametrize("bad", ["01/11/2026", "20261101", "yesterday", "2026-2-1",
                                 "2026-02-30"])
def test_other_formats_are_refused(bad: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--out", str(tmp_path / "s.json"), "--until", bad]) == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_months_considered_and_remembered_alias(filled_journal: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "a.json"
    old = f"{TODAY - dt.timedelta(days=200):%Y-%m}"
    assert main(["export", "--out", str(out), "--until", old, "--alias", "north-3",
                 "--journal", str(filled_journal)]) == 0
    printed = capsys.readouterr().out
    assert f"  {old}  new        1 contact" in printed
    first = json.loads(out.read_bytes())
    assert [m["month"] for m in first["months"]] == [old]
    assert first["supporter"]["alias"] == "north-3"
    # the next export sends the months left out before, not the one already sent
    assert main(["export", "--out", str(tmp_path / "b.json"),
                 "--journal", str(filled_journal)]) == 0
    second = json.loads((tmp_path / "b.json").read_bytes())
    assert old not in [m["month"] for m in second["months"]]
    assert second["supporter"]["alias"] == "north-3"
    assert second["sequence"] > first["sequence"]


@pytest.mark.parametrize("alias", ["Dana Whitfield", "dana.whitfield@example.org",
                                   "+44 7700 900456", "north\u202e3", "a" * 40])
def test_an_identifying_or_hostile_alias_is_refused(alias: str, filled_journal: Path,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = main(["export", "--out", str(tmp_path / "s.json"), "--alias", alias,
                 "--journal", str(filled_journal)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("peerdesk: The alias cannot be used: ")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "s.json").exists()


def test_start_after_end_is_one_clear_line(filled_journal: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = main(["export", "--out", str(tmp_path / "s.json"), "--since", "2026-05",
                 "--until", "2026-04", "--journal", str(filled_journal)])
    assert code == 1
    err = capsys.readouterr().err
    assert "starts (2026-05) after it ends (2026-04)" in err
    assert not (tmp_path / "s.json").exists()


def test_missing_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    code = main(["export", "--out", str(tmp_path / "s.json"),
                 "--journal", str(tmp_path / "none.peerdesk")])
    assert code == 1
    assert "There is no journal" in capsys.readouterr().err
