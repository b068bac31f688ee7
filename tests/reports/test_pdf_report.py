"""The PDF and CSV reports: sections, method note, page numbers, rounded figures only, both
languages, and the same figures as the protected report they are written from."""

from __future__ import annotations

import io
import random
import re
import stat
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.charts.legends import Legend
from reportlab.pdfbase.pdfmetrics import stringWidth

from peerdesk.program.labels import label_report
from peerdesk.program.report import ProgramFilter, ProtectedReport, prepare_report
from peerdesk.reports.charts import stacked_months
from peerdesk.reports.csv_report import report_rows
from peerdesk.reports.pdf_report import (
    _STYLES,
    FRAME_WIDTH,
    _table,
    build_pdf_bytes,
    write_pdf_report,
)
from peerdesk.taxonomy import default_taxonomy, localized_taxonomy
from tests.program.fakes import SECRET, FakeFigures, random_program

SECTIONS = ("Headline figures", "Contacts per month by channel", "What is happening",
            "Who the behaviour comes from", "Referrals by type of resource",
            "The person's next step", "Method note", "Rounding and small counts")


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
                   "exact dates", "consent", "rounded to a multiple of 5",
                   "a count of 12 is shown as 10 or 15", "1 to 4 in a month is shown as <5",
                   "Supporters whose figures are included (3): Tiny, Mid, Supporter 3",
                   "never shown per supporter"):
        assert phrase in flat, phrase
    assert "Sessions per supporter" not in flat


def test_pdf_shows_only_rounded_figures(report: ProtectedReport) -> None:
    referrals = report.table("referrals")
    crisis = referrals.rows.index("crisis_line")
    assert referrals.cells[crisis] == ("<5",)
    for table in report.tables:
        for text in [c for row in table.cells for c in row] + [
                *table.row_totals, *table.column_totals, table.grand_total]:
            assert text == "<5" or int(text) % 5 == 0, (table.key, text)
    _, text = _text(build_pdf_bytes(report))
    flat = " ".join(text.split())
    assert "Crisis line <5" in flat  # the table row (the chart prints the label and mark apart)
    assert not re.search(r"Crisis line \d", flat)


def test_pdf_written_privately(report: ProtectedReport, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    steps: list[int] = []
    write_pdf_report(report, path, progress=lambda done, total, what: steps.append(done))
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert steps[-1] == 3


def test_empty_program_still_makes_a_report() -> None:
    empty = prepare_report(FakeFigures(), ProgramFilter(), k=5, secret=SECRET)
    pages, text = _text(build_pdf_bytes(empty))
    assert pages >= 3
    assert "No contacts in this period." in text


# -- Spanish ---------------------------------------------------------------------------------

SPANISH_SECTIONS = ("Cifras principales", "Contactos por mes y medio", "Qué está pasando",
                    "De quién viene la conducta", "Derivaciones por tipo de recurso",
                    "El siguiente paso de la persona", "Nota de método")


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


def test_figures_are_the_same_in_both_languages(report: ProtectedReport) -> None:
    english, spanish = label_report(report, "en"), label_report(report, "es")
    for en_table, es_table in zip(english.tables, spanish.tables, strict=True):
        assert es_table.title != en_table.title
        assert (es_table.cells, es_table.row_totals, es_table.column_totals,
                es_table.grand_total) == (en_table.cells, en_table.row_totals,
                                          en_table.column_totals, en_table.grand_total)
    assert [h.text for h in spanish.headlines] == [h.text for h in english.headlines]
    en_rows, es_rows = list(report_rows(report)), list(report_rows(report, "es"))
    assert len(es_rows) == len(en_rows)
    for en_row, es_row in zip(en_rows[2:], es_rows[2:], strict=True):
        # the value column is the same text, except a rate's "35 of 76", which reads "35 de 76"
        assert es_row[3] == en_row[3].replace(" of ", " de "), (en_row, es_row)


def test_every_label_of_a_real_report_has_spanish(report: ProtectedReport) -> None:
    """A headline or table added without a translation would stay English here."""
    english, spanish = label_report(report, "en"), label_report(report, "es")
    for ours, theirs in zip(spanish.headlines, english.headlines, strict=True):
        assert ours.label != theirs.label, theirs.label
    for table in spanish.tables:
        other = english.table(table.key)
        assert (table.title, table.row_header) != (other.title, other.row_header)
        assert set(table.columns).isdisjoint(other.columns), other.columns


def test_default_program_name_and_empty_period_are_translated() -> None:
    empty = prepare_report(FakeFigures(), ProgramFilter(), k=5, secret=SECRET)
    _, text = _text(build_pdf_bytes(empty, language="es"))
    assert "Programa de apoyo entre compañeros" in text
    assert "Sin datos" in text
    assert "No hay contactos en este periodo." in text
    assert "Peer support program" in _text(build_pdf_bytes(empty))[1]


def test_spanish_table_columns_fit_their_longest_word(report: ProtectedReport) -> None:
    """Spanish channel names ("Videollamada") are wider than English: a value column is
    widened rather than breaking a word in two."""
    monthly = label_report(report, "es").table("contacts_by_month")
    table = _table(monthly, "es")
    style = _STYLES["cell_head"]
    for name, width in zip(monthly.columns, table._colWidths[1:], strict=False):
        longest = max(stringWidth(word, style.fontName, style.fontSize) for word in name.split())
        assert longest + 10 <= width, name
    assert sum(table._colWidths) <= FRAME_WIDTH + 0.01


def test_spanish_chart_legend_stays_inside_the_chart(report: ProtectedReport) -> None:
    monthly = label_report(report, "es").table("contacts_by_month")
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
    english = stacked_months(replace(label_report(report).table("contacts_by_month"),
                                     cells=hidden.cells), FRAME_WIDTH)
    assert sum(isinstance(shape, Legend) for shape in english.contents) == 1


def test_the_pdf_month_chart_has_every_month_of_a_long_range() -> None:
    months = [f"{2025 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}" for m in range(6, 25)]
    program = random_program(random.Random(2), [("s1", None)], months, per_month=(3, 9))
    labelled = label_report(prepare_report(program, k=5, secret=SECRET))
    monthly = labelled.table("contacts_by_month")
    assert len(monthly.rows) == 19
    assert len(set(monthly.rows)) == 19
    drawing = stacked_months(monthly, FRAME_WIDTH)
    chart = next(shape for shape in drawing.contents if hasattr(shape, "categoryAxis"))
    names = [re.sub(r"\*$", "", name) for name in chart.categoryAxis.categoryNames]
    assert names == list(monthly.rows)
