"""The report's tables as one CSV file, in long format.

Columns: `table,row,column,value`. One line per shown cell, including each table's totals
(row or column "Total"), after the headline figures (table "Headline figures"). Values are
exactly what the PDF shows: "<5" for a count from 1 to 4, "x" for a count withheld so a
small one cannot be worked out, "—" for a rate that would reveal one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peerdesk.reports import ProtectedReport
from peerdesk.reports.csv_safety import write_csv

HEADER = ("table", "row", "column", "value")
TOTAL = "Total"


def report_rows(report: ProtectedReport) -> Iterator[tuple[str, str, str, str]]:
    yield HEADER
    for headline in report.headlines:
        yield ("Headline figures", headline.label, "Value", headline.text)
        if headline.detail is not None:
            yield ("Headline figures", headline.label, "Count", headline.detail)
    for table in report.tables:
        for row, cells, row_total in zip(table.rows, table.cells, table.row_totals,
                                         strict=True):
            for column, value in zip(table.columns, cells, strict=True):
                yield (table.title, row, column, value)
            if len(table.columns) > 1:
                yield (table.title, row, TOTAL, row_total)
        if not table.multi_valued:  # totals of multi-valued tables count mentions, not contacts
            for column, value in zip(table.columns, table.column_totals, strict=True):
                yield (table.title, TOTAL, column, value)
            if len(table.columns) > 1:
                yield (table.title, TOTAL, TOTAL, table.grand_total)


def write_csv_report(report: ProtectedReport, path: Path) -> None:
    write_csv(path, report_rows(report))
