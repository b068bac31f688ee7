"""The fast schema check: it may only say "valid" where jsonschema finds no error."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from peerdesk.exchange.schema_check import UnsupportedSchema, compile_schema
from peerdesk.exchange.validate import summary_schema
from peerdesk.json_schema import Validator
from tests.program.summaries import contact, signed

# What a hostile or broken file might hold in place of any value.
_SUBSTITUTES: tuple[Any, ...] = (None, True, False, 0, -1, 1.0, 2.5, 10**7, "", "x",
                                 "2026-10\n", "in_person", [], {}, [1], {"x": 1})


def _document() -> dict[str, Any]:
    return signed([contact("2026-09"), contact("2026-10", peer=1, next_step=None),
                   contact("2026-10", peer=2, kind="group", group_size_band="2_to_4")])


def _paths(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*at, index))


def _replaced(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _variants(document: dict[str, Any]) -> Iterator[Any]:
    """The document with every value replaced by every substitute, every object given an
    unknown key (or code) and every key removed, one change at a time."""
    for path in _paths(document):
        if not path:
            continue
        for substitute in _SUBSTITUTES:
            yield _replaced(document, path, substitute)
    for path in _paths(document):
        parent = document
        for part in path:
            parent = parent[part]
        if isinstance(parent, dict):
            for key in ("unknown", "", "in_person"):
                if key not in parent:
                    yield _replaced(document, (*path, key), 1) if path else {**document, key: 1}
            for key in parent:
                smaller = copy.deepcopy(document)
                target = smaller
                for part in path:
                    target = target[part]
                del target[key]
                yield smaller


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return summary_schema()


def test_the_shipped_schema_compiles_and_a_real_summary_is_certainly_valid(
        schema: dict[str, Any]) -> None:
    document = _document()
    assert Validator(schema).is_valid(document)
    assert compile_schema(schema)(document)


def test_it_never_says_valid_where_jsonschema_finds_an_error(schema: dict[str, Any]) -> None:
    fast = compile_schema(schema)
    reference = Validator(schema)
    refused = 0
    for variant in _variants(_document()):
        if not reference.is_valid(variant):
            refused += 1
            assert not fast(variant), next(iter(reference.iter_errors(variant))).message
        elif not any(type(leaf) is float for leaf in _leaves(variant)):
            # valid files are decided here, not handed to jsonschema (that is the speed);
            # only a float such as 1.0 where a count belongs is left to jsonschema
            assert fast(variant)
    assert refused > 1000  # the variants do exercise every kind of refusal


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def test_patterns_match_as_the_validator_matches_them() -> None:
    # a search, with ECMA-262's "$": no match before a final newline (peerdesk.json_schema)
    check = compile_schema({"type": "string", "pattern": "^[0-9]{4}$"})
    for text, valid in (("2026", True), ("2026\n", False), ("x2026", False),
                        ("20261", False)):
        assert check(text) == valid
        assert Validator({"type": "string", "pattern": "^[0-9]{4}$"}).is_valid(text) == valid


def test_a_keyword_it_does_not_know_does_not_compile() -> None:
    with pytest.raises(UnsupportedSchema):
        compile_schema({"type": "object", "patternProperties": {"^x": {"type": "integer"}}})
    with pytest.raises(UnsupportedSchema):
        compile_schema({"type": "number"})
    with pytest.raises(UnsupportedSchema):
        compile_schema({"$ref": "#/$defs/missing"})


_COUNT = {"type": "integer", "minimum": 1, "maximum": 9}
_CLOSED_SCHEMAS: tuple[dict[str, Any], ...] = (
    # a closed object whose properties are all code counts (a month's counts)
    {"type": "object", "additionalProperties": False, "required": ["a", "b"], "properties": {
        "a": {"type": "object", "propertyNames": {"enum": ["x", "y"]},
              "additionalProperties": _COUNT},
        "b": {"type": "object", "propertyNames": {"enum": ["z"]},
              "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 2}}}},
    # a closed object of other values (a month, the supporter)
    {"type": "object", "additionalProperties": False, "required": ["n", "s"], "properties": {
        "n": _COUNT, "s": {"anyOf": [{"type": "string", "maxLength": 2}, {"type": "null"}]}}},
    # not every property required: checked keyword by keyword
    {"type": "object", "additionalProperties": False, "required": ["n"], "properties": {
        "n": _COUNT, "s": {"type": "string"}}},
)
_CLOSED_INSTANCES: tuple[Any, ...] = (
    {}, [], None, {"a": {}, "b": {}}, {"a": {"x": 1, "y": 9}, "b": {"z": 0}},
    {"a": {"x": 10}, "b": {}}, {"a": {"x": True}, "b": {}}, {"a": {"w": 1}, "b": {}},
    {"a": {"x": 1}}, {"a": {"x": 1}, "b": {"z": 3}}, {"a": [], "b": {}},
    {"a": {}, "b": {}, "c": {}}, {"n": 1, "s": None}, {"n": 1, "s": "ab"}, {"n": 1},
    {"n": 1, "s": "abc"}, {"n": 0, "s": None}, {"n": 1, "s": None, "t": 1}, {"n": "1", "s": ""},
)


@pytest.mark.parametrize("schema", _CLOSED_SCHEMAS)
def test_closed_objects_are_decided_as_jsonschema_decides_them(schema: dict[str, Any]) -> None:
    fast = compile_schema(schema)
    reference = Validator(schema)
    for instance in _CLOSED_INSTANCES:
        assert fast(instance) == reference.is_valid(instance), instance
