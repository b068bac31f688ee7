"""Import validation: a file exactly as the export writes it takes a shorter road
(`_as_exported`), which must reach the same answer as the strict reader and every check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from peerdesk.exchange.format import (
    MAX_COUNT,
    MAX_DEPTH,
    MAX_SEQUENCE,
    encode_file,
    signed_content,
)
from peerdesk.exchange.schema_check import compile_schema
from peerdesk.exchange.validate import (
    LIMITS,
    SummaryRejected,
    _as_exported,
    summary_schema,
    validate_summary_bytes,
)
from tests.exchange.test_schema_check import _variants
from tests.program.summaries import contact, new_key, resign, signed

TODAY = dt.date(2026, 11, 20)


def _document() -> dict[str, Any]:
    return signed([contact("2026-09"), contact("2026-10", peer=1, next_step=None),
                   contact("2026-10", peer=2, kind="group", group_size_band="2_to_4")],
                  alias="north-3", org_unit="Zürich")


def test_an_exported_file_takes_the_short_road_to_the_same_summary() -> None:
    document = _document()
    exported = encode_file(document)
    pretty = json.dumps(document, indent=2, ensure_ascii=True).encode()
    assert _as_exported(exported) == (document, signed_content(document))
    assert _as_exported(pretty) is None
    fast = validate_summary_bytes(exported, "s.json", TODAY)
    strict = validate_summary_bytes(pretty, "s.json", TODAY)
    assert dataclasses.replace(fast, sha256=strict.sha256) == strict
    assert len(fast.months) == 2
    assert fast.people
    assert fast.org_unit == "Zürich"


@pytest.mark.parametrize(("name", "exported", "change", "words"), [
    # the text parses to a valid, correctly signed document, but the file is not as exported
    ("repeated key", encode_file(_document()),
     lambda data: data.replace(b'"sequence":', b'"sequence":1,"sequence":', 1), "appears twice"),
    ("no final newline", encode_file(_document()), lambda data: data[:-1], None),
    ("byte-order mark", encode_file(_document()), lambda data: b"\xef\xbb\xbf" + data, None),
    ("escaped letters", encode_file(_document()),
     lambda data: data.replace("ü".encode(), b"\\u00fc"), None),
])
def test_a_file_not_as_exported_is_left_to_the_strict_reader(
        name: str, exported: bytes, change: Any, words: str | None) -> None:
    data = change(exported)
    assert data != exported
    assert _as_exported(data) is None, name
    if words is None:
        assert validate_summary_bytes(data, "s.json", TODAY).sequence == 1
    else:
        with pytest.raises(SummaryRejected, match=words):
            validate_summary_bytes(data, "s.json", TODAY)


def test_a_lone_surrogate_is_left_to_the_strict_reader() -> None:
    data = encode_file(_document()).replace(b'"north-3"', b'"\\ud800"')
    assert _as_exported(data) is None
    with pytest.raises(SummaryRejected, match="surrogate"):
        validate_summary_bytes(data, "s.json", TODAY)


def _deepest(node: Any, definitions: dict[str, Any]) -> int:
    """How deep a document the schema accepts can nest (objects and arrays)."""
    if not isinstance(node, dict):
        return 0
    if "$ref" in node:
        return _deepest(definitions[node["$ref"].rsplit("/", 1)[1]], definitions)
    own = 1 if node.get("type") in ("object", "array") else 0
    inner = [*node.get("properties", {}).values(), *node.get("anyOf", []),
             node.get("items"), node.get("additionalProperties")]
    return own + max(_deepest(sub, definitions) for sub in inner)


def test_what_the_schema_accepts_is_within_the_strict_readers_limits() -> None:
    # why the short road may leave out the depth scan and the number-length check
    schema = summary_schema()
    assert _deepest(schema, schema["$defs"]) <= MAX_DEPTH
    assert len(str(MAX_SEQUENCE)) <= LIMITS.max_number_chars
    assert len(str(MAX_COUNT)) <= LIMITS.max_number_chars


def _outcome(data: bytes) -> Any:
    """What validation makes of `data`: the summary (without its file hash) or the refusal."""
    try:
        return dataclasses.replace(validate_summary_bytes(data, "s.json", TODAY), sha256="")
    except SummaryRejected as exc:
        return exc.problem


def test_both_roads_agree_on_every_signed_variant_the_schema_accepts() -> None:
    # a variant the schema's fast check refuses never takes the short road; every other one,
    # signed by its own key, must get the same answer spelled as exported or re-spelled
    key = new_key(5)
    certainly_valid = compile_schema(summary_schema())
    compared = 0
    for variant in _variants(_document()):
        if not certainly_valid(variant):
            continue
        document = resign(variant, key)
        exported = encode_file(document)
        assert _as_exported(exported) is not None
        assert _outcome(exported) == _outcome(json.dumps(document, indent=1).encode())
        compared += 1
    assert compared > 20
