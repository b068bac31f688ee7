"""The report's tables as one CSV file, in long format.

Columns: `table,row,column,value` (in the report's language: `tabla,fila,columna,valor` in
Spanish). One line per shown cell, including each table's totals (row or column "Total"),
after the headline figures (table "Headline figures"). Values are exactly what the PDF shows,
in every language: "<5" for a count from 1 to 4, "x" for a count withheld so a small one
cannot be worked out, "—" for a rate that would reveal one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peerdesk.reports import ProtectedReport
from peerdesk.reports.csv_safety import write_csv
from peerdesk.reports.labels import localized_report
from peerdesk.translation import localize, msg

HEADER = (msg("table"), msg("row"), msg("column"), msg("value"))
TOTAL = msg("Total")


def report_rows(report: ProtectedReport,
                language: str = "en") -> Iterator[tuple[str, str, str, str]]:
    """The CSV's lines, header first, with labels in `language` (figures never change)."""
    report = localized_report(report, language)
    header = tuple(localize(name, language) for name in HEADER)
    yield header[0], header[1], header[2], header[3]
    total = localize(TOTAL, language)
    headlines = localize(msg("Headline figures"), language)
    value, count = localize(msg("Value"), language), localize(msg("Count"), language)
    for headline in report.headlines:
        yield (headlines, headline.label, value, headline.text)
        if headline.detail is not None:
            yield (headlines, headline.label, count, headline.detail)
    for table in report.tables:
        for row, cells, row_total in zip(table.rows, table.cells, table.row_totals,
                                         strict=True):
            for column, cell in zip(table.columns, cells, strict=True):
                yield (table.title, row, column, cell)
            if len(table.columns) > 1:
                yield (table.title, row, total, row_total)
        if not table.multi_valued:  # totals of multi-valued tables count mentions, not contacts
            for column, cell in zip(table.columns, table.column_totals, strict=True):
                yield (table.title, total, column, cell)
            if len(table.columns) > 1:
                yield (table.title, total, total, table.grand_total)


def write_csv_report(report: ProtectedReport, path: Path, language: str = "en") -> None:
    """Write the CSV (labels in `language`) atomically and privately (0600) to `path`."""
    write_csv(path, report_rows(report, language))
