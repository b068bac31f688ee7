"""`peerdesk import` and `peerdesk report`, run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.program.summaries import contact, new_key, signed, write_raw, write_summary
from tests.test_cli import assert_one_line_error, peerdesk


def test_import_then_report(journal_path: Path, tmp_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    key = new_key(1)
    good = write_summary(tmp_path / "good.json",
                         signed([contact("2026-10", peer=i) for i in range(12)], key=key))
    doc = signed([contact()])
    doc["version"] = 3
    newer = write_raw(tmp_path / "newer.json", json.dumps(doc))

    unknown = peerdesk("import", str(good), "--journal", str(journal_path))
    assert unknown.returncode == 1
    # one line for the file (with the fingerprint and how to accept it), one for the batch
    assert unknown.stderr.splitlines() == [
        f"good.json was not imported: its signing key is not enrolled yet (fingerprint "
        f"{key.fingerprint}). Ask the supporter to read the fingerprint shown in their export "
        f"window; if it matches, import again and confirm it (peerdesk import FILE --enrol "
        f'"{key.fingerprint}").',
        "No file was imported; the program data is unchanged."]

    result = peerdesk("import", str(good), str(newer), "--enrol", key.fingerprint,
                      "--journal", str(journal_path))
    assert result.returncode == 1
    assert "good.json: 1 months replaced (2026-10); enrolled the supporter's key" in result.stdout
    assert "newer.json was not imported: it was made by a newer PeerDesk" in result.stderr
    assert "Traceback" not in result.stderr

    again = peerdesk("import", str(good), "--journal", str(journal_path))
    assert again.returncode == 0
    assert "already imported on" in again.stdout

    pdf, csv = tmp_path / "r.pdf", tmp_path / "r.csv"
    report = peerdesk("report", "--out", str(pdf), "--csv", str(csv), "--since", "2026-10-05",
                      "--until", "2026-10", "--journal", str(journal_path))
    assert report.returncode == 0, report.stderr
    assert "Page 1 of" in PdfReader(pdf).pages[0].extract_text()
    assert csv.read_bytes().startswith(b"table,row,column,value\r\n")


def test_a_malformed_fingerprint_is_a_usage_error(journal_path: Path, tmp_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    result = peerdesk("import", str(tmp_path / "x.json"), "--enrol", "1234 5678",
                      "--journal", str(journal_path))
    assert_one_line_error(result, 2)
    assert "24 digits" in result.stderr


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
    one = write_summary(tmp_path / "one.json", signed(
        [contact("2026-10", peer=i) for i in range(8)], org_unit="Finance"))
    assert peerdesk("import", str(one), "--accept-new-keys",
                    "--journal", str(journal_path)).returncode == 0
    pdf = tmp_path / "r.pdf"
    result = peerdesk("report", "--out", str(pdf), "--org-unit", "Finance",
                      "--journal", str(journal_path))
    assert_one_line_error(result, 1)
    assert "Finance" in result.stderr
    assert "fewer than 5 supporters" in result.stderr
    assert not pdf.exists()
