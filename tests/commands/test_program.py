"""`peerdesk import` and `peerdesk report`: import then report as real subprocesses, the
report's language and the usage errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.cli import main
from peerdesk.program.importer import import_files
from peerdesk.vault import Vault
from tests.cli_process import assert_one_line_error, peerdesk
from tests.conftest import PASSPHRASE
from tests.program.summaries import (
    ACCEPT,
    contact,
    new_key,
    signed,
    write_raw,
    write_summary,
)


@pytest.fixture
def program_journal(journal_path: Path, tmp_path: Path) -> Path:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        summary = write_summary(tmp_path / "summary.json", signed(
            [contact("2026-10", peer=i, channel="phone") for i in range(12)]))
        assert all(outcome.accepted for outcome in import_files(vault, [summary],
                                                                enrolment=ACCEPT))
    return journal_path


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_report_in_spanish(program_journal: Path, tmp_path: Path) -> None:
    pdf, csv = tmp_path / "informe.pdf", tmp_path / "informe.csv"
    assert main(["report", "--out", str(pdf), "--csv", str(csv), "--language", "es",
                 "--journal", str(program_journal)]) == 0
    text = _pdf_text(pdf)
    assert "Cifras principales" in text
    assert "Programa de apoyo entre compañeros" in text
    assert "Teléfono" in text
    assert "oct 2026" in text
    body = csv.read_bytes().decode("utf-8")
    assert body.startswith("tabla,fila,columna,valor\r\n")
    # 12 phone contacts, rounded to a multiple of 5 (never shown as 12)
    assert re.search(r"Contactos por mes y medio,oct 2026,Teléfono,(10|15)\r\n", body)


def test_report_is_english_by_default(program_journal: Path, tmp_path: Path) -> None:
    pdf, csv = tmp_path / "report.pdf", tmp_path / "report.csv"
    assert main(["report", "--out", str(pdf), "--csv", str(csv),
                 "--journal", str(program_journal)]) == 0
    assert "Headline figures" in _pdf_text(pdf)
    assert csv.read_bytes().decode("utf-8").startswith("table,row,column,value\r\n")


def test_report_help_lists_the_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--help"])
    assert exit_info.value.code == 0
    assert "--language {en,es}" in capsys.readouterr().out


def test_unknown_language_is_a_usage_error(program_journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = peerdesk("report", "--out", str(out), "--language", "fr",
                      "--journal", str(program_journal))
    assert_one_line_error(result, 2)
    assert "--language" in result.stderr
    assert "'fr'" in result.stderr
    assert "'en', 'es'" in result.stderr
    assert not out.exists()


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
