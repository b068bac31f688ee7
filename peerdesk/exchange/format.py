"""The summary file format `peerdesk.summary`, version 1: constants, canonical bytes, schema.

The export side (`peerdesk.exchange.export`) writes it; the coordinator's importer reads it.
The JSON Schema in `resources/schema/summary-v1.schema.json` is generated from the taxonomy by
`build_summary_schema` (a test keeps the shipped file and the taxonomy in step); regenerate it
with `python -m peerdesk.exchange.format > resources/schema/summary-v1.schema.json`.
Documented for analysts in `docs/summary-format.md`.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from peerdesk.paths import resources_dir
from peerdesk.taxonomy import Taxonomy, default_taxonomy

FORMAT: Final = "peerdesk.summary"
VERSION: Final = 1
SCHEMA_ID: Final = "https://peerdesk.invalid/schema/summary-v1.schema.json"
SCHEMA_RELATIVE_PATH: Final = ("schema", "summary-v1.schema.json")
FILE_SUFFIX: Final = ".json"

GRANULARITY_WEEK: Final = "week"
GRANULARITY_MONTH: Final = "month"
GRANULARITIES: Final = (GRANULARITY_WEEK, GRANULARITY_MONTH)

HEX32_PATTERN: Final = "^[0-9a-f]{32}$"
HEX64_PATTERN: Final = "^[0-9a-f]{64}$"
WEEK_PATTERN: Final = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$"
MONTH_PATTERN: Final = "^[0-9]{4}-(0[1-9]|1[0-2])$"
CREATED_AT_PATTERN: Final = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
APP_VERSION_PATTERN: Final = "^[0-9]+\\.[0-9]+\\.[0-9]+([.+-][0-9A-Za-z.+-]*)?$"
TAXONOMY_VERSION_PATTERN: Final = "^[0-9]+$"
# Ids of referral-pack entries: printable, no spaces, so they can never carry free text.
RESOURCE_ID_PATTERN: Final = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$"

MAX_RECORDS: Final = 100_000
MAX_RESOURCE_IDS: Final = 50
MAX_ALIAS_LENGTH: Final = 80
MAX_ORG_UNIT_LENGTH: Final = 100
MAX_REVISION: Final = 2**31 - 1

# Record keys in file order; each single-valued coded key maps to its taxonomy field.
RECORD_KEYS: Final = (
    "id", "revision", "period", "duration_band", "kind", "group_size_band", "contact",
    "channel", "origin", "behaviours", "persistence", "source_relation", "impacts",
    "risk_flags", "support_given", "referral_types", "referral_resources", "next_step",
    "follow_up_planned", "org_unit", "peer_key",
)
# key -> (taxonomy field, nullable)
SINGLE_CODE_KEYS: Final[Mapping[str, tuple[str, bool]]] = {
    "duration_band": ("duration_band", False),
    "kind": ("kind", False),
    "group_size_band": ("group_size_band", True),
    "contact": ("contact", False),
    "channel": ("channel", False),
    "origin": ("origin", True),
    "persistence": ("persistence", True),
    "source_relation": ("source_relation", True),
    "next_step": ("next_step", True),
}
# key -> taxonomy field; each is a sorted list of distinct codes
MULTI_CODE_KEYS: Final[Mapping[str, str]] = {
    "behaviours": "behaviour",
    "impacts": "impact",
    "risk_flags": "risk_flag",
    "support_given": "support_given",
    "referral_types": "referral_type",
}
ENVELOPE_KEYS: Final = (
    "format", "version", "export_id", "created_at", "app_version", "taxonomy_version",
    "supporter", "period", "generalisation", "record_count", "records_sha256", "records",
)


def canonical_records_bytes(records: Sequence[Mapping[str, Any]]) -> bytes:
    """The bytes `records_sha256` is computed over (contract: sorted keys, no spaces, UTF-8)."""
    return json.dumps(
        list(records), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def records_checksum(records: Sequence[Mapping[str, Any]]) -> str:
    """Lower-case hex SHA-256 of `canonical_records_bytes(records)`."""
    return hashlib.sha256(canonical_records_bytes(records)).hexdigest()


def encode_summary(envelope: Mapping[str, Any]) -> bytes:
    """The file's bytes: pretty-printed UTF-8 JSON in the envelope's own key order.

    Byte for byte `json.dumps(envelope, ensure_ascii=False, indent=2)` plus a newline; the
    records are written by a fast path (json's C encoder does not indent, and its Python one
    takes about a second for 10,000 records)."""
    try:
        text = _pretty_with_records(envelope)
    except _NotFlat:
        text = json.dumps(envelope, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


class _NotFlat(Exception):
    """A value the fast path does not write; the plain encoder writes the whole document."""


_encode_string = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False


def _pretty_value(value: Any, indent: str) -> str:
    if isinstance(value, str):
        return str(_encode_string(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is list:
        if not value:
            return "[]"
        inner = indent + "  "
        return ("[\n" + ",\n".join(inner + _pretty_value(item, inner) for item in value)
                + "\n" + indent + "]")
    raise _NotFlat


_KEY_PREFIXES: dict[str, str] = {}  # record key -> its indented, encoded form and ": "
_STRING_ITEM_SEPARATOR = ",\n        "


def _pretty_record(record: Any) -> str:
    if type(record) is not dict or not record:
        raise _NotFlat
    parts: list[str] = []
    append = parts.append
    for key, value in record.items():
        if type(key) is not str:
            raise _NotFlat
        prefix = _KEY_PREFIXES.get(key)
        if prefix is None:
            prefix = "      " + _encode_string(key) + ": "
            if len(_KEY_PREFIXES) < 64:  # the record keys, not whatever a caller passes
                _KEY_PREFIXES[key] = prefix
        kind = type(value)
        if kind is str:
            append(prefix + _encode_string(value))
        elif kind is list and value and all(type(item) is str for item in value):
            # a list of codes: the common case, written without a call per item
            append(prefix + "[\n        " + _STRING_ITEM_SEPARATOR.join(map(_encode_string, value))
                   + "\n      ]")
        else:
            append(prefix + _pretty_value(value, "      "))
    return "    {\n" + ",\n".join(parts) + "\n    }"


def _pretty_with_records(envelope: Mapping[str, Any]) -> str:
    records = envelope.get("records")
    if not isinstance(records, list) or not records or list(envelope)[-1] != "records":
        raise _NotFlat
    head = json.dumps({**envelope, "records": []}, ensure_ascii=False, indent=2)
    tail = '"records": []\n}'
    if not head.endswith(tail):
        raise _NotFlat
    body = ",\n".join(_pretty_record(record) for record in records)
    return head[: -len("[]\n}")] + "[\n" + body + "\n  ]\n}"


@functools.cache
def _load_schema() -> dict[str, Any]:
    path = resources_dir().joinpath(*SCHEMA_RELATIVE_PATH)
    with path.open("r", encoding="utf-8") as stream:
        loaded: dict[str, Any] = json.load(stream)
    return loaded


def summary_schema() -> dict[str, Any]:
    """The shipped JSON Schema (draft 2020-12), read once; callers get their own copy."""
    return copy.deepcopy(_load_schema())


# -- schema generation ------------------------------------------------------------------------


def _code_schema(taxonomy: Taxonomy, field_key: str, nullable: bool) -> dict[str, Any]:
    codes: list[Any] = list(taxonomy.field(field_key).codes())
    if nullable:
        return {"enum": [*codes, None]}
    return {"type": "string", "enum": codes}


def _code_list_schema(taxonomy: Taxonomy, field_key: str) -> dict[str, Any]:
    codes = list(taxonomy.field(field_key).codes())
    return {
        "type": "array",
        "items": {"type": "string", "enum": codes},
        "uniqueItems": True,
        "maxItems": len(codes),
    }


def _record_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key in RECORD_KEYS:
        if key in SINGLE_CODE_KEYS:
            field_key, nullable = SINGLE_CODE_KEYS[key]
            properties[key] = _code_schema(taxonomy, field_key, nullable)
        elif key in MULTI_CODE_KEYS:
            properties[key] = _code_list_schema(taxonomy, MULTI_CODE_KEYS[key])
        elif key == "id":
            properties[key] = {"type": "string", "pattern": HEX32_PATTERN}
        elif key == "revision":
            properties[key] = {"type": "integer", "minimum": 1, "maximum": MAX_REVISION}
        elif key == "period":
            properties[key] = {"$ref": "#/$defs/period_code"}
        elif key == "referral_resources":
            properties[key] = {
                "type": "array",
                "items": {"type": "string", "pattern": RESOURCE_ID_PATTERN},
                "uniqueItems": True,
                "maxItems": MAX_RESOURCE_IDS,
            }
        elif key == "follow_up_planned":
            properties[key] = {"type": "boolean"}
        elif key == "org_unit":
            properties[key] = {
                "anyOf": [
                    {"type": "string", "minLength": 1, "maxLength": MAX_ORG_UNIT_LENGTH},
                    {"type": "null"},
                ]
            }
        elif key == "peer_key":
            properties[key] = {
                "anyOf": [{"type": "string", "pattern": HEX64_PATTERN}, {"type": "null"}]
            }
        else:  # pragma: no cover - RECORD_KEYS and this function are edited together
            raise AssertionError(f"no schema for record key {key!r}")
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(RECORD_KEYS),
        "properties": properties,
        # a group size band only describes group sessions
        "if": {"properties": {"kind": {"const": "one_to_one"}}, "required": ["kind"]},
        "then": {"properties": {"group_size_band": {"type": "null"}}},
    }


def _when(path: Sequence[str], value: Any, then: dict[str, Any]) -> dict[str, Any]:
    """`if` the envelope value at `path` is `value` `then` apply `then`."""
    condition: dict[str, Any] = {"const": value}
    for key in reversed(path):
        condition = {"properties": {key: condition}, "required": [key]}
    return {"if": condition, "then": then}


def _period_then(pattern: str, granularity: str) -> dict[str, Any]:
    return {
        "properties": {
            "period": {
                "properties": {
                    "granularity": {"const": granularity},
                    "from": {"pattern": pattern},
                    "to": {"pattern": pattern},
                }
            },
            "records": {"items": {"properties": {"period": {"pattern": pattern}}}},
        }
    }


def build_summary_schema(taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """The JSON Schema for summary v1 with every code enum taken from `taxonomy`."""
    taxonomy = taxonomy or default_taxonomy()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "PeerDesk de-identified session summary, version 1",
        "description": (
            "Written by PeerDesk's export; read by the coordinator's import. "
            "See docs/summary-format.md. Generated from resources/taxonomy.toml "
            f"(taxonomy version {taxonomy.version})."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": list(ENVELOPE_KEYS),
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "export_id": {"type": "string", "pattern": HEX32_PATTERN},
            "created_at": {"type": "string", "pattern": CREATED_AT_PATTERN},
            "app_version": {"type": "string", "maxLength": 40, "pattern": APP_VERSION_PATTERN},
            "taxonomy_version": {
                "type": "string", "maxLength": 10, "pattern": TAXONOMY_VERSION_PATTERN,
            },
            "supporter": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "alias"],
                "properties": {
                    "id": {"type": "string", "pattern": HEX32_PATTERN},
                    "alias": {
                        "anyOf": [
                            {"type": "string", "minLength": 1, "maxLength": MAX_ALIAS_LENGTH},
                            {"type": "null"},
                        ]
                    },
                },
            },
            "period": {
                "type": "object",
                "additionalProperties": False,
                "required": ["granularity", "from", "to"],
                "properties": {
                    "granularity": {"type": "string", "enum": list(GRANULARITIES)},
                    "from": {"$ref": "#/$defs/period_code"},
                    "to": {"$ref": "#/$defs/period_code"},
                },
            },
            "generalisation": {
                "type": "object",
                "additionalProperties": False,
                "required": ["period", "peer_key", "org_unit"],
                "properties": {
                    "period": {"type": "string", "enum": list(GRANULARITIES)},
                    "peer_key": {"type": "boolean"},
                    "org_unit": {"type": "boolean"},
                },
            },
            "record_count": {"type": "integer", "minimum": 0, "maximum": MAX_RECORDS},
            "records_sha256": {"type": "string", "pattern": HEX64_PATTERN},
            "records": {
                "type": "array",
                "maxItems": MAX_RECORDS,
                "items": {"$ref": "#/$defs/record"},
            },
        },
        "allOf": [
            _when(("generalisation", "period"), GRANULARITY_WEEK,
                  _period_then(WEEK_PATTERN, GRANULARITY_WEEK)),
            _when(("generalisation", "period"), GRANULARITY_MONTH,
                  _period_then(MONTH_PATTERN, GRANULARITY_MONTH)),
            _when(("generalisation", "peer_key"), False,
                  {"properties": {"records": {"items": {"properties": {
                      "peer_key": {"type": "null"}}}}}}),
            _when(("generalisation", "org_unit"), False,
                  {"properties": {"records": {"items": {"properties": {
                      "org_unit": {"type": "null"}}}}}}),
        ],
        "$defs": {
            "period_code": {
                "type": "string",
                "anyOf": [{"pattern": WEEK_PATTERN}, {"pattern": MONTH_PATTERN}],
            },
            "record": _record_schema(taxonomy),
        },
    }


def schema_text(taxonomy: Taxonomy | None = None) -> str:
    """The schema file's exact text (what `resources/schema/summary-v1.schema.json` holds)."""
    return json.dumps(build_summary_schema(taxonomy), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    print(schema_text(), end="")
