"""The PDF report: sections, method note, page numbers, and no suppressed raw count."""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerdesk.program.aggregate import ProgramFilter
from peerdesk.program.importer import import_files
from peerdesk.program.store import ProgramStore
from peerdesk.reports import ProtectedReport, prepare_report
from peerdesk.reports.csv_report import report_rows, write_csv_report
from peerdesk.reports.pdf_report import build_pdf_bytes, write_pdf_report
from peerdesk.vault import Vault
from tests.program.summaries import envelope, record, write_summary

SECTIONS = ("Headline figures", "Contacts per month by channel", "What is happening",
            "Who the behaviour comes from", "Referrals by type of resource",
            "The person's next step", "Sessions per supporter", "Method note")


@pytest.fixture
def report(vault: Vault, tmp_path: Path) -> ProtectedReport:
    files = []
    for alias, count in (("Tiny", 2), ("Mid", 40), ("Big", 61)):
        records = [record(period=f"2026-{10 + i % 2:02d}", channel="phone" if i % 3 else
                          "in_person") for i in range(count)]
        doc = envelope(records, alias=alias, supporter_id=secrets.token_hex(16))
        files.append(write_summary(tmp_path / f"{alias}.json", doc))
    assert all(o.accepted for o in import_files(vault, files))
    return prepare_report(ProgramStore(vault), ProgramFilter(), k=5,
                          program_name="Northside <Peer> Program",
                          generated_on=dt.date(2026, 12, 1))


def _text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_contains_sections_method_note_and_page_numbers(report: ProtectedReport) -> None:
    pages, text = _text(build_pdf_bytes(report))
    assert 3 <= pages <= 12
    for title in SECTIONS:
        assert title in text, title
    assert "Northside <Peer> Program" in text
    assert "Oct 2026 – Nov 2026" in text
    assert "Page 1 of" in text
    assert f"Page {pages} of {pages}" in text
    assert "Generated on 2026-12-01 by PeerDesk" in text
    flat = " ".join(text.split())
    for phrase in ("never leave a supporter's journal", "Names, notes", "peer codes",
                   "exact dates", "shown as <5", "consent"):
        assert phrase in flat, phrase


def test_pdf_never_shows_a_suppressed_count(report: ProtectedReport) -> None:
    sessions = report.table("sessions_per_supporter")
    assert dict(zip(sessions.rows, (c[0] for c in sessions.cells), strict=True)) == {
        "Tiny": "<5", "Mid": "x", "Big": "61"}
    _, text = _text(build_pdf_bytes(report))
    for label in ("Tiny", "Mid"):
        lines = [line for line in text.splitlines() if line.strip().startswith(label)]
        assert lines, label
        for line in lines:
            assert not re.search(r"\b(2|40)\b", line), line
    assert re.search(r"Big\s*61", text)


def test_csv_holds_the_same_protected_values(report: ProtectedReport, tmp_path: Path) -> None:
    rows = list(report_rows(report))
    assert rows[0] == ("table", "row", "column", "value")
    assert ("Sessions per supporter", "Tiny", "Sessions", "<5") in rows
    assert ("Sessions per supporter", "Mid", "Sessions", "x") in rows
    assert ("Sessions per supporter", "Total", "Sessions", "103") in rows
    path = tmp_path / "report.csv"
    write_csv_report(report, path)
    body = path.read_bytes().decode("utf-8")
    assert "Tiny,Sessions,2" not in body
    assert "Mid,Sessions,40" not in body
    assert body.endswith("\r\n")


def test_pdf_written_privately(report: ProtectedReport, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    steps: list[int] = []
    write_pdf_report(report, path, progress=lambda done, total, what: steps.append(done))
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert steps[-1] == 3


def test_empty_program_still_makes_a_report(vault: Vault) -> None:
    empty = prepare_report(ProgramStore(vault), ProgramFilter(), k=5)
    pages, text = _text(build_pdf_bytes(empty))
    assert pages >= 3
    assert "No contacts in this period." in text
