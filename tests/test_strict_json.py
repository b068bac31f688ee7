"""The one strict reader for untrusted JSON (summaries and resource packs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.strict_json import JsonLimits, JsonRejected, parse_json_bytes, read_json_file

LIMITS = JsonLimits(max_bytes=1000, max_depth=4, max_number_chars=6)


def _problem(data: bytes) -> str:
    with pytest.raises(JsonRejected) as caught:
        parse_json_bytes(data, LIMITS)
    return caught.value.problem


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b'{"a": "\xff"}', "not UTF-8"),
    (b"[[[[[1]]]]]", "nested more than 4"),
    # an escape before the brackets once ended the depth scan's idea of the string early
    (b'{"a": "x\\ny", "b": [[[[1]]]]}', "nested more than 4"),
    (b'{"a": 1, "a": 2}', "appears twice"),
    (b'{"a": NaN}', "NaN"),
    (b'{"a": -Infinity}', "-Infinity"),
    (b'{"a": 1234567}', "7 digits"),
    (b'{"a": 1.23456e9}', "digits"),
    (b'{"a": "\\ud800"}', "lone surrogate"),
    (b'["ok", {"\\udfff": 1}]', "lone surrogate"),
    (b'{"text": "12345678", "a": -1234567}', "8 digits"),  # a long run in a string too
    (b'{"a": 1', "ends too early"),
    (b'{"a": 1,]', "not valid JSON"),
    (b"x" * 1001, "larger than"),
])
def test_hostile_json_is_refused_with_its_reason(data: bytes, expected: str) -> None:
    assert expected in _problem(data)


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    assert parse_json_bytes(b'{"a": "[[[[[[[[\\"{{{{"}', LIMITS) == {"a": '[[[[[[[["{{{{'}


def test_long_digit_runs_inside_strings_and_escapes_that_pair_are_accepted() -> None:
    data = b'{"id": "123456789012", "n": 123456, "e": "\\ud83d\\ude00"}'
    assert parse_json_bytes(data, LIMITS) == {"id": "123456789012", "n": 123456, "e": "😀"}


def test_byte_order_mark_is_accepted() -> None:
    assert parse_json_bytes("\ufeff[1]".encode(), LIMITS) == [1]


@given(st.recursive(st.none() | st.booleans() | st.integers(-99999, 99999) | st.text(),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(), inner, max_size=3), max_leaves=10))
def test_reads_what_json_writes_within_the_limits(value: object) -> None:
    import json
    data = json.dumps(value).encode()
    depth_limits = JsonLimits(max_bytes=100_000, max_depth=50, max_number_chars=6)
    assert parse_json_bytes(data, depth_limits) == value


def test_file_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"1," * 600 + b"1]")
    with pytest.raises(JsonRejected, match="larger than"):
        read_json_file(big, LIMITS)
    with pytest.raises(JsonRejected, match="does not exist"):
        read_json_file(tmp_path / "missing.json", LIMITS)
    with pytest.raises(JsonRejected, match=r"not a file|folder"):
        read_json_file(tmp_path, LIMITS)
