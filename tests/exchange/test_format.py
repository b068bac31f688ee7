"""The v2 format: the shipped schema matches the taxonomy, and every exported file matches it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from peerdesk.exchange.export import export_from_vault
from peerdesk.exchange.format import (
    FIRST_MONTH,
    encode_file,
    month_range,
    next_month,
    period_months,
    quarter_of,
    schema_text,
    signed_content,
    signed_content_and_file,
)
from peerdesk.exchange.validate import summary_schema
from peerdesk.journal.demo import fill_journal
from peerdesk.paths import resources_dir
from peerdesk.vault import Vault


def test_shipped_schema_is_generated_from_the_taxonomy() -> None:
    # Regenerate with: python -m peerdesk.exchange.format > resources/schema/summary-v2.schema.json
    shipped = resources_dir() / "schema" / "summary-v2.schema.json"
    assert shipped.read_text("utf-8") == schema_text()
    Draft202012Validator.check_schema(summary_schema())
    assert not (resources_dir() / "schema" / "summary-v1.schema.json").exists()


def test_an_exported_file_matches_the_schema(vault: Vault, tmp_path: Path) -> None:
    fill_journal(vault, 300, seed=4)
    path = tmp_path / "s.json"
    export_from_vault(vault, path, alias="north-3")
    document = json.loads(path.read_bytes())
    assert list(Draft202012Validator(summary_schema()).iter_errors(document)) == []
    # the signature covers everything but itself, whatever the key order
    shuffled = dict(reversed(list(document.items())))
    assert signed_content(shuffled) == signed_content(document)


@pytest.mark.parametrize("document", [
    {"signature": "ab"},
    {"a": 1, "signature": "ab"},
    {"signature": "ab", "z": [1, {"y": None, "x": "é\n\"}"}]},
    {"": 0, "signatur": True, "signature": "ab", "signaturf": 2, "supporter": {"b": 1, "a": 2}},
])
def test_one_encoding_gives_the_signed_content_and_the_file(document: dict[str, Any]) -> None:
    for order in (document, dict(reversed(list(document.items())))):
        assert signed_content_and_file(order) == (signed_content(document),
                                                  encode_file(document))


def test_periods() -> None:
    assert month_range(dt.date(2026, 12, 4)) == (FIRST_MONTH, "2027-01")
    assert next_month(dt.date(2026, 5, 31)) == "2026-06"
    assert quarter_of("2026-12") == "2026-Q4"
    assert period_months("2026-Q2") == ("2026-04", "2026-06")
    assert period_months("2026") == ("2026-01", "2026-12")


def test_the_format_page_lists_every_counted_code() -> None:
    from peerdesk.program.figures import COUNTED_FIELDS
    from peerdesk.taxonomy import default_taxonomy

    page = (Path(__file__).parents[2] / "docs" / "summary-format.md").read_text("utf-8")
    assert "version 2" in page.splitlines()[0]
    taxonomy = default_taxonomy()
    for field in COUNTED_FIELDS:
        assert f"### `{field}`" in page, field
        for code in taxonomy.field(field).codes():
            assert f"| `{code}` |" in page, (field, code)
