"""Every CSV the app writes: no formulas for spreadsheets, RFC 4180 quoting, private file."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest

from peerdesk.reports.csv_safety import csv_text, safe_cell, write_csv


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "\0x",
                                   "=HYPERLINK(\"http://x\")"])
def test_formula_starts_are_defused(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "<5", "x", "37%", "", "a=b", "Ana-Maria"])
def test_ordinary_text_is_unchanged(value: str) -> None:
    assert safe_cell(value) == value


def test_rfc4180_quoting_and_crlf() -> None:
    text = csv_text([["a", "b,c", 'say "hi"', "line\nbreak"], [1, None, "=x", "ok"]])
    assert text == 'a,"b,c","say ""hi""","line\nbreak"\r\n1,,\'=x,ok\r\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["a", "b,c", 'say "hi"', "line\nbreak"], ["1", "", "'=x", "ok"]]


def test_written_atomically_and_private(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, [["h"], ["-1"]])
    assert path.read_bytes() == b"h\r\n'-1\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
