"""The PDF report: sections, method note, page numbers, and no suppressed raw count."""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.charts.legends import Legend
from reportlab.pdfbase.pdfmetrics import stringWidth

from peerdesk.program.aggregate import ProgramFilter
from peerdesk.program.importer import import_files
from peerdesk.program.store import ProgramStore
from peerdesk.reports import ProtectedReport, prepare_report
from peerdesk.reports.charts import stacked_months
from peerdesk.reports.csv_report import report_rows, write_csv_report
from peerdesk.reports.labels import localized_report
from peerdesk.reports.pdf_report import (
    _STYLES,
    FRAME_WIDTH,
    _table,
    build_pdf_bytes,
    write_pdf_report,
)
from peerdesk.taxonomy import default_taxonomy, localized_taxonomy
from peerdesk.vault import Vault
from tests.program.summaries import ACCEPT, contact, signed, write_summary

SECTIONS = ("Headline figures", "Contacts per month by channel", "What is happening",
            "Who the behaviour comes from", "Referrals by type of resource",
            "The person's next step", "Sessions per supporter", "Method note")


@pytest.fixture
def report(vault: Vault, tmp_path: Path) -> ProtectedReport:
    files = []
    for alias, count in (("tiny", 2), ("mid", 40), ("big", 61)):
        records = [contact(f"2026-{10 + i % 2:02d}", peer=i, channel="phone" if i % 3 else
                           "in_person") for i in range(count)]
        doc = signed(records, alias=alias, supporter_id=secrets.token_hex(16))
        files.append(write_summary(tmp_path / f"{alias}.json", doc))
    assert all(o.accepted for o in import_files(vault, files, enrolment=ACCEPT))
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
        "tiny": "<5", "mid": "x", "big": "61"}
    _, text = _text(build_pdf_bytes(report))
    for label in ("tiny", "mid"):
        lines = [line for line in text.splitlines() if line.strip().startswith(label)]
        assert lines, label
        for line in lines:
            assert not re.search(r"\b(2|40)\b", line), line
    assert re.search(r"big\s*61", text)


def test_csv_holds_the_same_protected_values(report: ProtectedReport, tmp_path: Path) -> None:
    rows = list(report_rows(report))
    assert rows[0] == ("table", "row", "column", "value")
    assert ("Sessions per supporter", "tiny", "Sessions", "<5") in rows
    assert ("Sessions per supporter", "mid", "Sessions", "x") in rows
    assert ("Sessions per supporter", "Total", "Sessions", "103") in rows
    path = tmp_path / "report.csv"
    write_csv_report(report, path)
    body = path.read_bytes().decode("utf-8")
    assert "tiny,Sessions,2" not in body
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


# -- Spanish ---------------------------------------------------------------------------------

SPANISH_SECTIONS = ("Cifras principales", "Contactos por mes y medio", "Qué está pasando",
                    "De quién viene la conducta", "Derivaciones por tipo de recurso",
                    "El siguiente paso de la persona", "Sesiones por persona de apoyo",
                    "Nota de método", "Qué se oculta y por qué")


def test_spanish_pdf_has_spanish_headings_taxonomy_labels_and_months(
        report: ProtectedReport) -> None:
    pages, text = _text(build_pdf_bytes(report, language="es"))
    flat = " ".join(text.split())
    for title in SPANISH_SECTIONS:
        assert title in flat, title
    for english in ("Headline figures", "Method note", "What is happening", "Page 1 of"):
        assert english not in flat, english
    spanish = localized_taxonomy("es")
    for field, code in (("channel", "phone"), ("channel", "in_person"),
                        ("behaviour", "work_related"), ("next_step", "no_action")):
        label = spanish.field(field).label_for(code)
        assert label != default_taxonomy().field(field).label_for(code)
        assert label in flat, label
    assert "Northside <Peer> Program" in flat  # the program's own name is never translated
    assert "INFORME DEL PROGRAMA" in flat
    assert "oct 2026 – nov 2026" in flat
    assert "Página 1 de" in flat
    assert f"Página {pages} de {pages}" in flat
    assert "Generado el 2026-12-01 con PeerDesk" in flat
    assert "se muestran como <5" in flat


def test_spanish_pdf_never_shows_a_suppressed_count(report: ProtectedReport) -> None:
    _, text = _text(build_pdf_bytes(report, language="es"))
    for label in ("tiny", "mid"):
        lines = [line for line in text.splitlines() if line.strip().startswith(label)]
        assert lines, label
        for line in lines:
            assert not re.search(r"\b(2|40)\b", line), line
    assert re.search(r"big\s*61", text)


def test_figures_and_suppression_are_the_same_in_both_languages(
        report: ProtectedReport) -> None:
    english, spanish = localized_report(report, "en"), localized_report(report, "es")
    for en_table, es_table in zip(english.tables, spanish.tables, strict=True):
        assert es_table.title != en_table.title
        assert len(es_table.rows) == len(en_table.rows)
        assert (es_table.cells, es_table.row_totals, es_table.column_totals,
                es_table.grand_total, es_table.suppressed_count, es_table.withheld) == (
            en_table.cells, en_table.row_totals, en_table.column_totals,
            en_table.grand_total, en_table.suppressed_count, en_table.withheld)
    assert [h.text for h in spanish.headlines] == [h.text for h in english.headlines]
    en_rows, es_rows = list(report_rows(report)), list(report_rows(report, "es"))
    assert len(es_rows) == len(en_rows)
    for en_row, es_row in zip(en_rows[1:], es_rows[1:], strict=True):
        # the value column is the same text, except a rate's "35 of 76", which reads "35 de 76"
        assert es_row[3] == en_row[3].replace(" of ", " de "), (en_row, es_row)
    assert sum(1 for row in es_rows if row[3] in ("<5", "x")) == sum(
        1 for row in en_rows if row[3] in ("<5", "x")) > 0


def test_spanish_csv_headers_and_labels(report: ProtectedReport, tmp_path: Path) -> None:
    rows = list(report_rows(report, "es"))
    assert rows[0] == ("tabla", "fila", "columna", "valor")
    assert ("Sesiones por persona de apoyo", "tiny", "Sesiones", "<5") in rows
    assert ("Sesiones por persona de apoyo", "Total", "Sesiones", "103") in rows
    assert ("Cifras principales", "Contactos", "Valor", "103") in rows
    phone = localized_taxonomy("es").field("channel").label_for("phone")
    assert any(row[0] == "Contactos por mes y medio" and row[1] == "oct 2026"
               and row[2] == phone for row in rows)
    path = tmp_path / "informe.csv"
    write_csv_report(report, path, language="es")
    assert path.read_bytes().decode("utf-8").startswith("tabla,fila,columna,valor\r\n")


def test_every_fixed_label_of_a_real_report_has_spanish(report: ProtectedReport) -> None:
    """A label added to the aggregate without a translation would stay English here."""
    spanish = localized_report(report, "es")
    for ours, theirs in zip(spanish.headlines, report.headlines, strict=True):
        assert ours.label != theirs.label, theirs.label
    for table in spanish.tables:
        english = report.table(table.key)
        assert (table.title, table.row_header) != (english.title, english.row_header)
        if table.key != "sessions_per_supporter":
            assert set(table.columns).isdisjoint(english.columns), english.columns


def test_unnamed_supporters_are_translated_and_aliases_never(vault: Vault,
                                                              tmp_path: Path) -> None:
    files = [write_summary(tmp_path / f"{n}.json", signed(
        [contact(peer=i) for i in range(6)], alias=alias, supporter_id=secrets.token_hex(16)))
        for n, alias in enumerate((None, "contacts", "next step"))]
    assert all(o.accepted for o in import_files(vault, files, enrolment=ACCEPT))
    report = prepare_report(ProgramStore(vault), ProgramFilter(), k=5)
    rows = localized_report(report, "es").table("sessions_per_supporter").rows
    assert rows == ("Persona de apoyo 1", "contacts", "next step")


def test_default_program_name_and_empty_period_are_translated(vault: Vault) -> None:
    empty = prepare_report(ProgramStore(vault), ProgramFilter(), k=5)
    _, text = _text(build_pdf_bytes(empty, language="es"))
    assert "Programa de apoyo entre compañeros" in text
    assert "Sin datos" in text
    assert "No hay contactos en este periodo." in text
    assert "Peer support program" in _text(build_pdf_bytes(empty))[1]


def test_spanish_table_columns_fit_their_longest_word(report: ProtectedReport) -> None:
    """Spanish channel names ("Videollamada") are wider than English: a value column is
    widened rather than breaking a word in two."""
    monthly = localized_report(report, "es").table("contacts_by_month")
    table = _table(monthly, "es")
    style = _STYLES["cell_head"]
    for name, width in zip(monthly.columns, table._colWidths[1:], strict=False):
        longest = max(stringWidth(word, style.fontName, style.fontSize) for word in name.split())
        assert longest + 10 <= width, name
    assert sum(table._colWidths) <= FRAME_WIDTH + 0.01


def test_spanish_chart_legend_stays_inside_the_chart(report: ProtectedReport) -> None:
    monthly = localized_report(report, "es").table("contacts_by_month")
    # a table with hidden cells adds the long "small counts, not broken down" entry
    hidden = replace(monthly, cells=tuple(("<5",) * len(monthly.columns)
                                          for _ in monthly.rows))
    drawing = stacked_months(hidden, FRAME_WIDTH, language="es")
    legends = [shape for shape in drawing.contents if isinstance(shape, Legend)]
    assert len(legends) == 2  # too long for one line in Spanish
    assert any("Recuentos pequeños, sin desglosar" in name
               for legend in legends for _, name in legend.colorNamePairs)
    for legend in legends:
        _, bottom, right, _ = legend.getBounds()
        assert right <= FRAME_WIDTH
        assert bottom >= 0
    english = stacked_months(replace(report.table("contacts_by_month"), cells=hidden.cells),
                             FRAME_WIDTH)
    assert sum(isinstance(shape, Legend) for shape in english.contents) == 1
