"""The one CSV writer the app uses: RFC 4180 quoting and no spreadsheet formulas.

A spreadsheet treats a cell starting with =, +, -, @ (or tab, CR, NUL, which some strip
first) as a formula, so such a cell is prefixed with an apostrophe. Files are written
atomically with mode 0600 (`peerdesk.fileio.write_atomic`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from peerdesk.fileio import write_atomic

FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_cell(value: object) -> str:
    """`value` as CSV cell text, defused if a spreadsheet could read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 text: comma-separated, quoted only where needed, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


def write_csv(path: Path, rows: Iterable[Sequence[object]]) -> None:
    """Write the rows as a UTF-8 CSV file, atomically and privately (0600)."""
    write_atomic(Path(path), csv_text(rows).encode("utf-8"))
