from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from peerdesk.exchange import format as fmt
from peerdesk.paths import resources_dir
from peerdesk.taxonomy import default_taxonomy

SCHEMA_FILE = resources_dir() / "schema" / "summary-v1.schema.json"
DOCS_FILE = Path(__file__).resolve().parents[2] / "docs" / "summary-format.md"


def contract_example() -> dict[str, Any]:
    record = {
        "id": "0123456789abcdef0123456789abcdef", "revision": 3, "period": "2026-W45",
        "duration_band": "30_to_44", "kind": "one_to_one", "group_size_band": None,
        "contact": "first", "channel": "in_person", "origin": "self_referred",
        "behaviours": ["person_related", "work_related"], "persistence": "one_to_six_months",
        "source_relation": "manager", "impacts": ["wellbeing"], "risk_flags": [],
        "support_given": ["listened", "referral"], "referral_types": ["eap"],
        "referral_resources": ["starter:eap"], "next_step": "considering_formal_report",
        "follow_up_planned": True, "org_unit": None, "peer_key": "ab" * 32,
    }
    return {
        "format": "peerdesk.summary", "version": 1, "export_id": "f" * 32,
        "created_at": "2026-11-21T10:00:00Z", "app_version": "0.1.0", "taxonomy_version": "1",
        "supporter": {"id": "1" * 32, "alias": None},
        "period": {"granularity": "week", "from": "2026-W40", "to": "2026-W47"},
        "generalisation": {"period": "week", "peer_key": True, "org_unit": False},
        "record_count": 1, "records_sha256": fmt.records_checksum([record]),
        "records": [record],
    }


def errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(fmt.summary_schema())
    return [error.message for error in validator.iter_errors(document)]


def test_shipped_schema_is_generated_from_the_taxonomy() -> None:
    # Regenerate with: python -m peerdesk.exchange.format > resources/schema/summary-v1.schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == fmt.schema_text(default_taxonomy())


def test_schema_is_valid_draft_2020_12() -> None:
    schema = fmt.summary_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_record_code_enum_matches_the_taxonomy() -> None:
    taxonomy = default_taxonomy()
    record = fmt.summary_schema()["$defs"]["record"]["properties"]
    for key, (field_key, nullable) in fmt.SINGLE_CODE_KEYS.items():
        expected: list[Any] = list(taxonomy.field(field_key).codes())
        assert record[key]["enum"] == ([*expected, None] if nullable else expected), key
    for key, field_key in fmt.MULTI_CODE_KEYS.items():
        assert record[key]["items"]["enum"] == list(taxonomy.field(field_key).codes()), key


def test_every_object_forbids_unknown_keys() -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(fmt.summary_schema())


def test_summary_schema_returns_a_private_copy() -> None:
    fmt.summary_schema()["title"] = "changed"
    assert fmt.summary_schema()["title"] != "changed"


def test_contract_example_is_valid() -> None:
    assert errors(contract_example()) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("records", 0, "notes"), "free text"),
        (("records", 0, "kind"), "ONE_TO_ONE"),
        (("records", 0, "behaviours"), ["shouting"]),
        (("records", 0, "behaviours"), ["online", "online"]),
        (("records", 0, "period"), "2026-11-05"),
        (("records", 0, "period"), "2026-11"),          # month in a weekly file
        (("records", 0, "period"), "2026-W54"),
        (("records", 0, "id"), "42"),
        (("records", 0, "revision"), 0),
        (("records", 0, "peer_key"), "AB12"),
        (("records", 0, "group_size_band"), "2_to_4"),   # one-to-one has no group size
        (("records", 0, "org_unit"), "Finance"),          # generalisation says no org units
        (("records", 0, "referral_resources"), ["own entry with spaces"]),
        (("supporter", "name"), "Alex"),
        (("export_id",), "not-hex"),
        (("created_at",), "2026-11-21 10:00"),
        (("format",), "peerdesk.other"),
        (("version",), 2),
        (("period", "granularity"), "month"),
        (("records_sha256",), "0" * 63),
    ],
)
def test_schema_rejects(path: tuple[Any, ...], value: Any) -> None:
    document = contract_example()
    target: Any = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    assert errors(document), f"{path} = {value!r} was accepted"


def test_peer_key_must_be_null_when_not_generalised_to_a_key() -> None:
    document = contract_example()
    document["generalisation"]["peer_key"] = False
    assert errors(document)
    document["records"][0]["peer_key"] = None
    assert errors(document) == []


def test_monthly_file_uses_month_periods() -> None:
    document = contract_example()
    document["generalisation"]["period"] = "month"
    document["period"] = {"granularity": "month", "from": "2026-10", "to": "2026-11"}
    assert errors(document)  # the record still says 2026-W45
    document["records"][0]["period"] = "2026-11"
    assert errors(document) == []


def test_checksum_is_sha256_of_the_canonical_bytes() -> None:
    records = [{"b": "é", "a": [1, 2]}]
    canonical = fmt.canonical_records_bytes(records)
    assert canonical == '[{"a":[1,2],"b":"é"}]'.encode()
    assert fmt.records_checksum(records) == hashlib.sha256(canonical).hexdigest()


def test_encode_summary_keeps_key_order_and_is_utf8() -> None:
    document = contract_example()
    data = fmt.encode_summary(document)
    assert data.endswith(b"\n")
    assert list(json.loads(data)) == list(fmt.ENVELOPE_KEYS)
    assert list(json.loads(data)["records"][0]) == list(fmt.RECORD_KEYS)


def test_encode_summary_is_byte_for_byte_json_dumps_indent_2() -> None:
    document = contract_example()
    odd = {**document["records"][0], "id": 'quote " back\\ é \u2028 \x00', "revision": -3,
           "behaviours": [], "impacts": ["a", "b"]}
    for records in ([], document["records"], [odd, *document["records"]],
                    [{**odd, "revision": 1.5}], [{**odd, "nested": {"x": [1, [2]]}}]):
        envelope = {**document, "records": records}
        expected = (json.dumps(envelope, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        assert fmt.encode_summary(envelope) == expected


def test_docs_list_every_field_and_every_code() -> None:
    text = DOCS_FILE.read_text(encoding="utf-8")
    documented = set(re.findall(r"`([^`\s]+)`", text))
    taxonomy = default_taxonomy()
    single = {field_key for field_key, _ in fmt.SINGLE_CODE_KEYS.values()}
    for field_key in single | set(fmt.MULTI_CODE_KEYS.values()):
        missing = set(taxonomy.field(field_key).codes()) - documented
        assert not missing, f"docs miss {field_key} codes {sorted(missing)}"
    assert not set(fmt.RECORD_KEYS) - documented
    assert not set(fmt.ENVELOPE_KEYS) - documented
