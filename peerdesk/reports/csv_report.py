"""The report's tables as one CSV file, in long format.

Columns: `table,row,column,value` (in the report's language: `tabla,fila,columna,valor` in
Spanish). First a line that says how to read the figures, then the headline figures (table
"Headline figures"), then one line per shown cell, including each table's totals (row or column
"Total"). Values are exactly what the PDF and the dashboard show: multiples of k, "<k" for a
small count, "—" for a rate that would need a hidden count.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peerdesk.program.disclosure import small
from peerdesk.program.labels import label_report
from peerdesk.program.report import ProtectedReport
from peerdesk.reports.csv_safety import write_csv
from peerdesk.translation import localize, msg

HEADER = (msg("table"), msg("row"), msg("column"), msg("value"))
TOTAL = msg("Total")


def report_rows(protected: ProtectedReport,
                language: str = "en") -> Iterator[tuple[str, str, str, str]]:
    """The CSV's lines, header first, with labels in `language` (figures never change)."""
    report = label_report(protected, language)
    header = tuple(localize(name, language) for name in HEADER)
    yield header[0], header[1], header[2], header[3]
    k = report.k
    yield (localize(msg("How to read these figures"), language), report.period_label, "",
           localize(msg("Every count is rounded to a multiple of {k} (the same way in every "
                        "report); {small} is a small count (1 to {below} in a month); totals "
                        "and rates are worked out from the rounded counts.", k=k,
                        small=small(k), below=k - 1), language))
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
