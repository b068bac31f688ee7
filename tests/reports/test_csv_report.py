"""The report as one long-format CSV: the same figures as the report, labels in the report's
language, written privately."""

from __future__ import annotations

import stat
from pathlib import Path

from peerdesk.program.labels import label_report
from peerdesk.program.report import ProtectedReport
from peerdesk.reports.csv_report import report_rows, write_csv_report
from peerdesk.taxonomy import localized_taxonomy


def test_csv_holds_the_same_figures_as_the_report(report: ProtectedReport,
                                                  tmp_path: Path) -> None:
    rows = list(report_rows(report))
    assert rows[0] == ("table", "row", "column", "value")
    assert rows[1][0] == "How to read these figures"
    assert "rounded to a multiple of 5" in rows[1][3]
    labelled = label_report(report)
    values = {(r[0], r[1], r[2]): r[3] for r in rows}
    for headline in labelled.headlines:
        assert values[("Headline figures", headline.label, "Value")] == headline.text
    for table in labelled.tables:
        for row, cells in zip(table.rows, table.cells, strict=True):
            for column, cell in zip(table.columns, cells, strict=True):
                assert values[(table.title, row, column)] == cell
    months = labelled.table("contacts_by_month")
    assert values[(months.title, "Total", "Total")] == labelled.headline("contacts").text
    path = tmp_path / "report.csv"
    write_csv_report(report, path)
    assert path.read_bytes().decode("utf-8").endswith("\r\n")


def test_spanish_csv_headers_and_labels(report: ProtectedReport, tmp_path: Path) -> None:
    rows = list(report_rows(report, "es"))
    assert rows[0] == ("tabla", "fila", "columna", "valor")
    contacts = report.headline("contacts").text
    assert ("Cifras principales", "Contactos", "Valor", contacts) in rows
    phone = localized_taxonomy("es").field("channel").label_for("phone")
    assert any(row[0] == "Contactos por mes y medio" and row[1] == "oct 2026"
               and row[2] == phone for row in rows)
    path = tmp_path / "informe.csv"
    write_csv_report(report, path, language="es")
    assert path.read_bytes().decode("utf-8").startswith("tabla,fila,columna,valor\r\n")


def test_multi_valued_tables_have_no_column_totals(report: ProtectedReport) -> None:
    """A contact can count under several behaviours: a column total would count mentions and
    read as contacts, so none is written."""
    labelled = label_report(report)
    rows = list(report_rows(report))
    multi = {table.title for table in labelled.tables if table.multi_valued}
    single = {table.title for table in labelled.tables if not table.multi_valued}
    assert multi
    assert single
    totals = {row[0] for row in rows if row[1] == "Total"}
    assert totals.isdisjoint(multi)
    assert single <= totals


def test_csv_is_written_privately_and_starts_with_how_to_read_it(report: ProtectedReport,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    write_csv_report(report, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "table,row,column,value"
    assert lines[1].startswith("How to read these figures,")
