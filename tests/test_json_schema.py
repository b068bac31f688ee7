"""Schema patterns keep their JSON Schema (ECMA-262) meaning under Python's `re`."""

from __future__ import annotations

import pytest

from peerdesk.json_schema import Validator, python_pattern


@pytest.mark.parametrize(("pattern", "python"), [
    ("^[0-9]{4}-(0[1-9]|1[0-2])$", r"^[0-9]{4}-(0[1-9]|1[0-2])\Z"),
    ("^$|^[^@\\s]+@[^@\\s]+$", r"^\Z|^[^@\s]+@[^@\s]+\Z"),
    ("^[$]+\\$x$", r"^[$]+\$x\Z"),  # a dollar in a class or escaped is a dollar
    ("\\S", r"\S"),
])
def test_end_anchors_never_match_before_a_final_newline(pattern: str, python: str) -> None:
    assert python_pattern(pattern) == python


@pytest.mark.parametrize(("text", "valid"), [
    ("2026-10", True), ("2026-10\n", False), ("2026-13", False), ("x2026-10", False),
])
def test_the_validator_matches_patterns_as_json_schema_means_them(text: str,
                                                                  valid: bool) -> None:
    schema = {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}
    assert Validator(schema).is_valid(text) is valid
