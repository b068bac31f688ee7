"""Hypothesis strategies for valid sessions, with private text that must never be exported."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from peerdesk.journal.model import Session
from peerdesk.taxonomy import default_taxonomy

# Every private text carries one of these, so "it is not in the file" is a sharp test.
NOTE_MARKER = "NOTEMARK"
REFLECTION_MARKER = "REFLMARK"
PEER_MARKER = "PEERMARK"
UNIT_MARKER = "UNITMARK"

# Sessions are dated before this; the fixed created_at of test exports lies after it.
FIRST_DAY = dt.date(2019, 12, 20)
LAST_DAY = dt.date(2031, 1, 10)
FIXED_CREATED_AT = dt.datetime(2040, 6, 1, 12, 0, 0, tzinfo=dt.UTC)
FIXED_EXPORT_ID = "e" * 32

ORG_UNITS = ("Finance", "Ward 7", "Customer Service")

_TAXONOMY = default_taxonomy()


def codes(field: str) -> st.SearchStrategy[str]:
    return st.sampled_from(_TAXONOMY.field(field).codes())


def code_sets(field: str) -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(codes(field))


def optional(field: str) -> st.SearchStrategy[str | None]:
    return st.none() | codes(field)


def marked_text(marker: str) -> st.SearchStrategy[str]:
    """Random unicode around a marker (and sometimes a date-looking string)."""
    return st.builds(
        lambda a, b, c: f"{a}{marker}{b}{c}",
        st.text(max_size=12),
        st.text(max_size=12),
        st.sampled_from(["", " 2024-03-05", ' "quoted" \\ \n', "\u202e\u0000"]),
    )


dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


@st.composite
def sessions(draw: st.DrawFn, consent: bool | None = None) -> Session:
    kind = draw(codes("kind"))
    revision = draw(st.integers(min_value=1, max_value=50))
    return Session(
        date=draw(dates),
        duration_minutes=draw(st.integers(min_value=0, max_value=24 * 60)),
        start_time=draw(st.none() | st.times()),
        kind=kind,
        group_size=draw(st.integers(min_value=2, max_value=60)) if kind == "group" else None,
        contact=draw(codes("contact")),
        channel=draw(codes("channel")),
        origin=draw(optional("origin")),
        behaviours=draw(code_sets("behaviour")),
        persistence=draw(optional("persistence")),
        source_relation=draw(optional("source_relation")),
        impacts=draw(code_sets("impact")),
        risk_flags=draw(code_sets("risk_flag")),
        support_given=draw(code_sets("support_given")),
        referral_types=draw(code_sets("referral_type")),
        referral_resource_ids=tuple(draw(st.lists(
            st.sampled_from(["pack:eap-1", "pack:crisis", "own-1a2b3c4d5e6f7a8b"]),
            unique=True, max_size=3))),
        next_step=draw(optional("next_step")),
        follow_up_date=draw(st.none() | dates),
        follow_up_done=draw(st.booleans()),
        consent_to_count=draw(st.booleans()) if consent is None else consent,
        conflict_of_interest=draw(st.booleans()),
        peer_code=draw(st.just("") | marked_text(PEER_MARKER)),
        org_unit=draw(st.none() | st.sampled_from(ORG_UNITS) | marked_text(UNIT_MARKER)),
        notes=draw(marked_text(NOTE_MARKER)),
        reflection=draw(marked_text(REFLECTION_MARKER)),
        id=draw(st.integers(min_value=1, max_value=10**6)),
        summary_id=draw(st.text(alphabet="0123456789abcdef", min_size=32, max_size=32)),
        revision=revision,
    )


def session_lists(max_size: int = 8) -> st.SearchStrategy[list[Session]]:
    return st.lists(sessions(), max_size=max_size, unique_by=lambda s: s.summary_id)
