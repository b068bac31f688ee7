"""The resource model: validation, staleness, content hashes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from peerdesk.referrals.model import (
    Resource,
    ResourceError,
    content_hash,
    months_before,
    normalise_languages,
    validated,
)
from peerdesk.referrals.packs import pack_schema
from peerdesk.taxonomy import default_taxonomy


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(dt.date(2026, 11, 21), 12) == dt.date(2025, 11, 21)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)


def test_stale_when_never_verified_or_older_than_setting() -> None:
    today = dt.date(2026, 11, 21)
    entry = Resource(id="a", name="A", type="hr")
    assert entry.is_stale(today, 12)
    assert not replace(entry, last_verified=dt.date(2025, 11, 21)).is_stale(today, 12)
    assert replace(entry, last_verified=dt.date(2025, 11, 20)).is_stale(today, 12)
    assert not replace(entry, last_verified=dt.date(2025, 11, 20)).is_stale(today, 24)


def test_validated_trims_and_normalises() -> None:
    entry = validated(Resource(id="a", name="  People   team ", type="hr", phone=" 555-0101 ",
                               languages=("English", " english", "", "Polish ")))
    assert entry.name == "People team"
    assert entry.phone == "555-0101"
    assert entry.languages == ("English", "Polish")
    assert normalise_languages(["  Welsh  ", "WELSH"]) == ("Welsh",)


@pytest.mark.parametrize(("changes", "message"), [
    ({"name": "   "}, "needs a name"),
    ({"type": "astrologer"}, "not a known type"),
    ({"id": "bad id"}, "id"),
    ({"email": "not an address"}, "e-mail"),
    ({"web": "https://a b.example"}, "spaces"),
    ({"offers": "x" * 5000}, "longer than"),
])
def test_validated_rejects_with_clear_message(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        validated(replace(Resource(id="a", name="A", type="hr"), **changes))  # type: ignore[arg-type]


def test_content_hash_ignores_bookkeeping_but_not_content() -> None:
    entry = Resource(id="a", name="A", type="hr")
    assert content_hash(entry) == content_hash(replace(entry, origin="Pack", edited_locally=True))
    assert content_hash(entry) != content_hash(replace(entry, hours="Mon–Fri"))
    assert content_hash(entry) != content_hash(replace(entry, confidential=True))


def test_schema_types_match_taxonomy() -> None:
    enum = pack_schema()["$defs"]["resource"]["properties"]["type"]["enum"]
    assert tuple(enum) == default_taxonomy().field("referral_type").codes()
