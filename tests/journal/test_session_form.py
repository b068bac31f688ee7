"""The session form without widgets: session ↔ form state, time parsing, drafts, refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.journal.session_form import (
    FORM_KEYS,
    NEW_DRAFT_KEY,
    PeerCodeLooksIdentifying,
    blank_form,
    draft_key,
    draft_payload,
    form_of,
    merge_draft,
    parse_time,
    session_from_form,
)

DAY = dt.date(2026, 3, 18)


def answered(**changes: object) -> dict[str, object]:
    state = blank_form(DAY)
    state.update(consent=True, **changes)
    return state


def test_times_people_type_are_understood() -> None:
    assert parse_time("14:30") == dt.time(14, 30)
    assert parse_time("1430") == dt.time(14, 30)
    assert parse_time("9.05") == dt.time(9, 5)
    assert parse_time("9h05") == dt.time(9, 5)
    assert parse_time("  ") is None
    for bad in ("99", "25:00", "noon", "14:3"):
        with pytest.raises(ValueError, match=r"."):
            parse_time(bad)


def test_a_blank_form_is_a_quick_first_contact_with_consent_unanswered() -> None:
    state = blank_form(DAY)
    assert set(FORM_KEYS) <= set(state)
    assert (state["date"], state["kind"], state["contact"], state["channel"]) == (
        "2026-03-18", "one_to_one", "first", "in_person")
    assert state["duration_minutes"] == 30
    assert state["consent"] is None
    assert state["follow_up"] is False
    assert state["follow_up_date"] == "2026-03-25"  # offered a week on, if ticked


def test_form_and_session_round_trip() -> None:
    session = Session(
        date=DAY, start_time=dt.time(9, 5), duration_minutes=45, kind="group", group_size=4,
        channel="phone", behaviours=frozenset({"work_related"}), risk_flags=frozenset(
            {"self_harm"}), referral_resource_ids=("eap",), follow_up_date=DAY,
        follow_up_done=True, consent_to_count=True, peer_code="calm-otter-11", notes="n",
        id=7, revision=2)
    rebuilt = session_from_form(form_of(session), session)
    assert rebuilt == session


def test_consent_must_be_answered() -> None:
    with pytest.raises(PeerDeskError, match="consent question"):
        session_from_form(blank_form(DAY))


def test_a_start_time_that_is_not_a_time_says_how_to_write_one() -> None:
    with pytest.raises(PeerDeskError, match=r"“7pm” is not a time\. Use hh:mm"):
        session_from_form(answered(start_time="7pm"))


def test_group_size_and_follow_up_only_count_when_chosen() -> None:
    session = session_from_form(answered(group_size=6, follow_up=False, follow_up_done=True))
    assert session.group_size is None
    assert session.follow_up_date is None
    assert session.follow_up_done is False


@pytest.mark.parametrize("code", ["Maria Lopez", "maria.lopez@example.org", "+44 7700 900123"])
def test_identifying_peer_codes_are_refused_unless_confirmed(code: str) -> None:
    with pytest.raises(PeerCodeLooksIdentifying, match="Generate offers one"):
        session_from_form(answered(peer_code=code))
    kept = session_from_form(answered(peer_code=f" {code} ", peer_code_confirmed=True))
    assert kept.peer_code == code


def test_a_made_up_code_needs_no_confirmation() -> None:
    assert session_from_form(answered(peer_code="amber-heron-27")).peer_code == "amber-heron-27"


def test_an_old_draft_merges_onto_the_form_without_stray_keys() -> None:
    baseline = blank_form(DAY)
    merged = merge_draft(baseline, {"notes": "kept", "retired_field": 1})
    assert merged["notes"] == "kept"
    assert "retired_field" not in merged
    assert merged["channel"] == "in_person"


def test_draft_payload_and_keys() -> None:
    payload = draft_payload({"notes": "x"}, "New session", dt.datetime(2026, 3, 18, 9, 5, 1))
    assert payload == {"state": {"notes": "x"}, "saved_at": "2026-03-18T09:05:01",
                       "title": "New session"}
    assert draft_key(None) == NEW_DRAFT_KEY
    assert draft_key(12) == "session:12"
