"""`peerdesk import` and `peerdesk report`, run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.program.summaries import envelope, record, write_raw, write_summary
from tests.test_cli import assert_one_line_error, peerdesk


def test_import_then_report(journal_path: Path, tmp_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    good = write_summary(tmp_path / "good.json",
                         envelope([record(period="2026-10") for _ in range(12)]))
    doc = envelope([record()])
    doc["version"] = 3
    newer = write_raw(tmp_path / "newer.json", json.dumps(doc))

    result = peerdesk("import", str(good), str(newer), "--journal", str(journal_path))
    assert result.returncode == 1
    assert "good.json: 12 new, 0 updated, 0 unchanged" in result.stdout
    assert "newer.json was not imported: it was made by a newer PeerDesk" in result.stderr
    assert "Traceback" not in result.stderr

    again = peerdesk("import", str(good), "--journal", str(journal_path))
    assert again.returncode == 0
    assert "0 new, 0 updated, 12 unchanged" in again.stdout

    pdf, csv = tmp_path / "r.pdf", tmp_path / "r.csv"
    report = peerdesk("report", "--out", str(pdf), "--csv", str(csv), "--since", "2026-10-05",
                      "--until", "2026-10", "--journal", str(journal_path))
    assert report.returncode == 0, report.stderr
    assert "Page 1 of" in PdfReader(pdf).pages[0].extract_text()
    assert csv.read_bytes().startswith(b"table,row,column,value\r\n")


def test_report_usage_errors(journal_path: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "r.pdf")
    assert_one_line_error(peerdesk("report", "--out", out, "--min-cell", "2",
                                   "--journal", str(journal_path)), 2)
    assert_one_line_error(peerdesk("report", "--out", out, "--since", "Oct",
                                   "--journal", str(journal_path)), 2)
    assert not (tmp_path / "r.pdf").exists()


def test_a_unit_that_could_single_out_a_supporter_is_refused(journal_path: Path,
                                                             tmp_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    one = write_summary(tmp_path / "one.json", envelope(
        [record(period="2026-10", org_unit="Finance") for _ in range(8)], org_unit=True))
    assert peerdesk("import", str(one), "--journal", str(journal_path)).returncode == 0
    pdf = tmp_path / "r.pdf"
    result = peerdesk("report", "--out", str(pdf), "--org-unit", "Finance",
                      "--journal", str(journal_path))
    assert_one_line_error(result, 1)
    assert "Finance" in result.stderr
    assert "fewer than 5 supporters" in result.stderr
    assert not pdf.exists()
