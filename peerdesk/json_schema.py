"""JSON Schema validation with the pattern semantics the schemas are written in.

A JSON Schema `pattern` is an ECMA-262 regular expression, where `$` matches only at the very
end of the string. In Python's `re`, which jsonschema uses, `$` also matches before a final
newline, so "2026-10\\n" passed "^[0-9]{4}-(0[1-9]|1[0-2])$" and a signed summary could store
a month that is not one. `python_pattern` turns each `$` outside a character class into `\\Z`,
and `Validator` checks every `pattern` with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError


def python_pattern(pattern: str) -> str:
    """`pattern` (ECMA-262) for Python's `re`: every end anchor `$` outside a character class
    becomes `\\Z`, which never matches before a final newline."""
    out: list[str] = []
    in_class = escaped = False
    for character in pattern:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif in_class:
            in_class = character != "]"
        elif character == "[":
            in_class = True
        elif character == "$":
            out.append(r"\Z")
            continue
        out.append(character)
    return "".join(out)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """The schema pattern compiled with ECMA-262's `$` (see `python_pattern`)."""
    return re.compile(python_pattern(pattern))


def _pattern(validator: Any, pattern: str, instance: Any,
             schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})
