"""No plaintext anywhere: every file PeerDesk writes is scanned for marker text.

Sessions carry unique markers in their notes, reflection and peer code; a draft, a setting
and a CSV import carry more. Then every feature that writes files runs — automatic and chosen
backups, a passphrase change, a restore, summary export, the coordinator's import and
PDF/CSV report, a referral pack export, the window state — with TMPDIR pointed at a folder
that is scanned too. No marker may appear in any file, in UTF-8 or UTF-16.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from peerdesk.cli import main
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionFilter, SessionRepository
from peerdesk.settings import Settings
from peerdesk.vault import Vault
from peerdesk.vault.backup import make_automatic_backup, restore_open_vault
from peerdesk.vault.rekey import change_passphrase
from tests.conftest import PASSPHRASE

MARKERS = ("NOTEMARK7Q", "REFLECTMARK3Z", "PEERMARK5K", "DRAFTMARK8W", "CSVMARK2J",
           "SETTINGMARK6V")
NEW_PASSPHRASE = "a second passphrase for the test"


def marker_patterns() -> list[bytes]:
    patterns: list[bytes] = []
    for marker in MARKERS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            patterns.append(marker.encode(encoding))
    return patterns


def run_main_flows(root: Path, qtbot: QtBot | None = None, *,
                   file_safety: bool = True) -> dict[str, Path]:
    """Create, log, search, draft, import CSV, back up, rekey, restore, export, import,
    report and (with qtbot) open and close the window."""
    journal = root / "journal" / "journal.peerdesk"
    coordinator = root / "coordinator" / "program.peerdesk"
    out = root / "out"
    out.mkdir(parents=True)
    files = {"journal": journal, "coordinator": coordinator, "out": out}
    assert main(["init", "--journal", str(journal)]) == 0

    vault = Vault.open(journal, PASSPHRASE)
    try:
        repo = SessionRepository(vault)
        for day in range(1, 15):
            repo.add(Session(
                date=dt.date(2026, 10, day), consent_to_count=True,
                behaviours=frozenset({"work_related"}), channel="phone",
                notes=f"{MARKERS[0]} said the manager shouts {day}",
                reflection=f"{MARKERS[1]} felt heavy {day}",
                peer_code=f"{MARKERS[2]}{day}",
            ))
        found = repo.page(SessionFilter(text=MARKERS[0]))
        assert len(found) == 14  # search works (and must not write plaintext anywhere)
        DraftStore(vault).save("new-session", {"notes": f"{MARKERS[3]} unsaved words"})
        Settings(vault).set("org_units", [f"{MARKERS[5]} unit"])
        make_automatic_backup(vault, keep=3)
    finally:
        vault.close()

    csv_path = out / "contacts.csv"  # the user's own plaintext file: not PeerDesk's writing
    csv_path.write_text("date,consent,peer_code,notes\n"
                        f"2026-10-20,yes,CSVPEER,{MARKERS[4]} imported\n", encoding="utf-8")
    assert main(["journal", "import-csv", str(csv_path), "--journal", str(journal)]) == 0
    csv_path.unlink()

    assert main(["backup", "--out", str(out / "backup.peerdesk"), "--journal", str(journal)]) == 0
    if file_safety:  # passphrase change and restore: local file work only
        with Vault.open(journal, PASSPHRASE) as opened:
            change_passphrase(opened, PASSPHRASE, NEW_PASSPHRASE)
            change_passphrase(opened, NEW_PASSPHRASE, PASSPHRASE)
            restore_open_vault(opened, out / "backup.peerdesk")

    assert main(["export", "--out", str(out / "summary.json"), "--since", "2026-10-01",
                 "--until", "2026-10-31", "--journal", str(journal)]) == 0
    assert main(["init", "--journal", str(coordinator)]) == 0
    assert main(["import", str(out / "summary.json"), "--accept-new-keys",
                 "--journal", str(coordinator)]) == 0
    assert main(["report", "--out", str(out / "report.pdf"), "--csv", str(out / "report.csv"),
                 "--min-cell", "4", "--journal", str(coordinator)]) == 0

    if qtbot is not None:
        from peerdesk.ui.main_window import MainWindow

        window = MainWindow(journal)
        qtbot.addWidget(window)
        window.show()
        window.open_session(Vault.open(journal, PASSPHRASE))
        qtbot.wait(50)
        window.close()  # saves drafts, window state; locks
    return files


@pytest.mark.slow
def test_no_marker_in_any_file_written(qtbot: QtBot, tmp_path: Path,
                                       isolated_user_dirs: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    files = run_main_flows(tmp_path / "work", qtbot)

    written = [p for folder in (tmp_path, isolated_user_dirs) for p in folder.rglob("*")
               if p.is_file() and "harness" not in p.name]
    names = {p.name for p in written}
    # the scan really covers what the flows wrote
    assert {"journal.db", "keys.json", "summary.json", "report.pdf", "report.csv",
            "window-state.json"} <= names
    assert any(p.parent.name == "backup.peerdesk" for p in written)  # a backup is a folder
    assert any(".replaced-" in part for p in written for part in p.parts)
    assert any("backups" in p.parts for p in written)
    patterns = marker_patterns()
    for path in written:
        data = path.read_bytes()
        for pattern in patterns:
            assert pattern not in data, f"{pattern!r} found in {path}"
    text = "".join(page.extract_text() or "" for page in
                   PdfReader(files["out"] / "report.pdf").pages)  # PDF streams are compressed
    assert not [m for m in MARKERS if m in text]
    # the report really counted the exported sessions: 14 by phone and 1 in person (the CSV's
    # default channel), each channel rounded to a neighbouring multiple of 4 (12 or 16, 0 or 4)
    csv_lines = (files["out"] / "report.csv").read_text("utf-8").splitlines()
    assert any(line in {f"Headline figures,Contacts,Value,{n}" for n in (12, 16, 20)}
               for line in csv_lines)
