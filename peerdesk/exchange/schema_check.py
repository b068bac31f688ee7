"""A fast yes-or-not-sure check of a document against the summary's JSON Schema.

`jsonschema` walks a v2 file's ~1,800 values through generic validator objects: about 15 ms a
file, most of a coordinator's import of 500 files. `compile_schema` turns the shipped schema
into plain closures that answer one question: is the document certainly valid? "Yes" is only
given when `jsonschema` would find no error; anything else (an error, or a value this check
does not decide, such as a float where an integer is expected) answers "not sure", and the
caller runs `jsonschema` itself, which finds the error and words it. So accepting stays
exactly as strict, and every refusal still reads as before.

Only the keywords the summary schema uses are understood; a schema with any other keyword
does not compile (`UnsupportedSchema`), and the caller then uses `jsonschema` alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from peerdesk.json_schema import compiled

Check = Callable[[Any], bool]

# Annotations: they never make a document invalid.
_IGNORED = frozenset({"$schema", "$id", "$defs", "title", "description"})


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this check does not implement."""


def _is_integer(value: Any) -> bool:
    # bool is an int in Python but not in JSON; a float such as 1.0 counts as an integer for
    # JSON Schema, but is left to jsonschema ("not sure") rather than decided here
    return type(value) is int


_NO_MAX_LENGTH: Final = 2**63  # longer than any string

_TYPES: Mapping[str, Check] = {
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "string": lambda v: type(v) is str,
    "integer": _is_integer,
    "null": lambda v: v is None,
}


def _scalar_equal(expected: Any, value: Any) -> bool:
    # type-exact equality: JSON's 2, 2.0 and true are decided by jsonschema, not here
    return type(value) is type(expected) and value == expected


# The shapes that make up most of a file (every count, every code, every month), each fused
# into one test.

def _integer_range(node: Mapping[str, Any]) -> Check | None:
    """{"type": "integer", "minimum": a, "maximum": b}."""
    if set(node) != {"type", "minimum", "maximum"} or node["type"] != "integer":
        return None
    low, high = node["minimum"], node["maximum"]
    if not (_is_integer(low) and _is_integer(high)):
        return None
    return lambda v: type(v) is int and low <= v <= high


def _string_enum(node: Mapping[str, Any]) -> Check | None:
    """{"enum": [strings]} alone."""
    if set(node) != {"enum"} or not all(isinstance(o, str) for o in node["enum"]):
        return None
    options = frozenset(node["enum"])
    return lambda v: type(v) is str and v in options


def _string(node: Mapping[str, Any]) -> Check | None:
    """{"type": "string"} with any of "pattern", "minLength" and "maxLength"."""
    if node.get("type") != "string" or not set(node) <= {"type", "pattern", "minLength",
                                                          "maxLength"}:
        return None
    low, high = node.get("minLength", 0), node.get("maxLength", _NO_MAX_LENGTH)
    if not (_is_integer(low) and _is_integer(high)):
        return None
    if "pattern" not in node:
        return lambda v: type(v) is str and low <= len(v) <= high
    search = compiled(node["pattern"]).search  # as the validator: search, `$` as ECMA-262
    return lambda v: type(v) is str and low <= len(v) <= high and search(v) is not None


CodeCounts = tuple[frozenset[str], int, int]   # allowed codes, lowest and highest count


def _code_counts(node: Mapping[str, Any]) -> CodeCounts | None:
    """{"type": "object", "propertyNames": {"enum": [codes]}, "additionalProperties":
    {integer range}}: a month's counts of one field, code → contacts."""
    if set(node) != {"type", "propertyNames", "additionalProperties"} or node["type"] != "object":
        return None
    names, values = node["propertyNames"], node["additionalProperties"]
    if not isinstance(names, Mapping) or not isinstance(values, Mapping):
        return None
    if _string_enum(names) is None or _integer_range(values) is None:
        return None
    return frozenset(names["enum"]), values["minimum"], values["maximum"]


def _code_counts_check(shape: CodeCounts) -> Check:
    codes, low, high = shape
    return lambda v: type(v) is dict and codes.issuperset(v) and all(
        type(n) is int and low <= n <= high for n in v.values())


def _closed_object_properties(node: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The properties of {"type": "object", "additionalProperties": false, "required": [every
    property], "properties": {...}}: an object with exactly these keys (a month, a supporter)."""
    if (set(node) - _IGNORED != {"type", "additionalProperties", "required", "properties"}
            or node["type"] != "object" or node["additionalProperties"] is not False):
        return None
    properties = node["properties"]
    if not isinstance(properties, Mapping) or set(node["required"]) != set(properties):
        return None
    return properties


def _closed_object(properties: Mapping[str, Check]) -> Check:
    keys = frozenset(properties)
    checks = tuple(properties.items())

    def check(value: Any) -> bool:
        if type(value) is not dict or value.keys() != keys:
            return False
        for name, valid in checks:  # noqa: SIM110 - a loop, not all(): it runs for every month
            if not valid(value[name]):
                return False
        return True
    return check


def _closed_object_of_code_counts(fields: Mapping[str, CodeCounts]) -> Check:
    """A month's counts: every field's code → count object checked in one call (plain loops
    are the fastest Python has here: ~55 counts a month, 6,000 months in a coordinator's
    year)."""
    keys = frozenset(fields)
    shapes = tuple((name, codes, low, high) for name, (codes, low, high) in fields.items())

    def check(value: Any) -> bool:
        if type(value) is not dict or value.keys() != keys:
            return False
        for name, codes, low, high in shapes:
            counts = value[name]
            if type(counts) is not dict or not codes.issuperset(counts):
                return False
            for count in counts.values():
                if type(count) is not int or not low <= count <= high:
                    return False
        return True
    return check


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """`schema` (with its `$defs`) as a check: True only when the value is certainly valid."""
    definitions: dict[str, Check] = {}
    raw_definitions = schema.get("$defs", {})

    def definition_name(target: str) -> str:
        prefix = "#/$defs/"
        if not target.startswith(prefix) or target[len(prefix):] not in raw_definitions:
            raise UnsupportedSchema(f"$ref {target!r}")
        return target[len(prefix):]

    def reference(target: str) -> Check:
        name = definition_name(target)
        if name not in definitions:
            definitions[name] = build(raw_definitions[name])
        return definitions[name]

    def build(node: Mapping[str, Any]) -> Check:
        fused = _integer_range(node) or _string_enum(node) or _string(node)
        if fused is not None:
            return fused
        counts = _code_counts(node)
        if counts is not None:
            return _code_counts_check(counts)
        properties = _closed_object_properties(node)
        if properties is not None:
            shapes = {name: _code_counts(sub) for name, sub in properties.items()}
            if all(shapes.values()):
                return _closed_object_of_code_counts(
                    {name: shape for name, shape in shapes.items() if shape is not None})
            return _closed_object({name: build(sub) for name, sub in properties.items()})
        checks = [keyword_check(keyword, value, node) for keyword, value in node.items()
                  if keyword not in _IGNORED]
        if len(checks) == 1:
            return checks[0]

        def check(instance: Any) -> bool:
            return all(c(instance) for c in checks)
        return check

    def keyword_check(keyword: str, value: Any, node: Mapping[str, Any]) -> Check:
        if keyword == "type":
            if value not in _TYPES:
                raise UnsupportedSchema(f"type {value!r}")
            return _TYPES[value]
        if keyword == "const":
            if isinstance(value, (dict, list, float)):
                raise UnsupportedSchema("const of a compound or float value")
            return lambda v: _scalar_equal(value, v)
        if keyword == "enum":
            if not all(isinstance(option, str) for option in value):
                raise UnsupportedSchema("enum of non-strings")
            options = frozenset(value)
            return lambda v: type(v) is str and v in options
        if keyword == "pattern":
            search = compiled(value).search  # as the validator: search, `$` as ECMA-262
            return lambda v: type(v) is not str or search(v) is not None
        if keyword in ("minimum", "maximum"):
            if not _is_integer(value):
                raise UnsupportedSchema(f"{keyword} {value!r}")
            # other numbers (floats) are left to jsonschema; non-numbers pass, as there
            if keyword == "minimum":
                return lambda v: v >= value if _is_integer(v) else type(v) is not float
            return lambda v: v <= value if _is_integer(v) else type(v) is not float
        if keyword in ("minLength", "maxLength"):
            if keyword == "minLength":
                return lambda v: type(v) is not str or len(v) >= value
            return lambda v: type(v) is not str or len(v) <= value
        if keyword == "maxItems":
            return lambda v: type(v) is not list or len(v) <= value
        if keyword == "items":
            if not isinstance(value, Mapping):
                raise UnsupportedSchema("items as a list of schemas")
            item = build(value)
            return lambda v: type(v) is not list or all(map(item, v))
        if keyword == "required":
            required = tuple(value)
            return lambda v: type(v) is not dict or all(n in v for n in required)
        if keyword == "properties":
            properties = {name: build(sub) for name, sub in value.items()}
            return lambda v: type(v) is not dict or all(
                properties[k](x) for k, x in v.items() if k in properties)
        if keyword == "additionalProperties":
            known = frozenset(node.get("properties", {}))
            if node.get("patternProperties"):
                raise UnsupportedSchema("additionalProperties with patternProperties")
            if value is False:
                return lambda v: type(v) is not dict or known.issuperset(v)
            if value is True:
                return lambda v: True
            extra = build(value)
            if not known:
                return lambda v: type(v) is not dict or all(map(extra, v.values()))
            return lambda v: type(v) is not dict or all(
                extra(x) for k, x in v.items() if k not in known)
        if keyword == "propertyNames":
            if set(value) == {"enum"} and all(isinstance(o, str) for o in value["enum"]):
                allowed = frozenset(value["enum"])
                return lambda v: type(v) is not dict or allowed.issuperset(v)
            names = build(value)
            return lambda v: type(v) is not dict or all(names(k) for k in v)
        if keyword == "anyOf":
            alternatives = [build(sub) for sub in value]
            return lambda v: any(option(v) for option in alternatives)
        if keyword == "$ref":
            name = definition_name(value)  # compiled once all are known (a def may recur)
            return lambda v: definitions[name](v)
        raise UnsupportedSchema(f"keyword {keyword!r}")

    root = build(schema)
    for name in raw_definitions:  # compile every definition now: unsupported ones fail here
        reference(f"#/$defs/{name}")
    return root
