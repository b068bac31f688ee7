"""`peerdesk report --language`: the report in Spanish, and a clear usage error otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.cli import main
from peerdesk.program.importer import import_files
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.program.summaries import ACCEPT, contact, signed, write_summary
from tests.test_cli import assert_one_line_error, peerdesk


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
