"""The session form without widgets: a session as form state, and form state back to a session.

Form state is a dict of JSON-ready values, one per key of `FORM_KEYS`: what the editor shows,
what a draft keeps and what the "unsaved changes?" check compares. `session_from_form` is the
one place that turns it back into a `Session`, with a clear message for anything to fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import identifying_warnings
from peerdesk.translation import msg

DRAFT_PREFIX = "session:"
NEW_DRAFT_KEY = DRAFT_PREFIX + "new"
FOLLOW_UP_DEFAULT_DAYS = 7
DEFAULT_GROUP_SIZE = 2

FormState = dict[str, Any]

# Every key of the form state, in the order the form shows them.
FORM_KEYS: tuple[str, ...] = (
    "date", "start_time", "duration_minutes", "kind", "group_size", "contact", "channel",
    "origin", "peer_code", "peer_code_confirmed", "behaviours", "persistence",
    "source_relation", "impacts", "risk_flags", "support_given", "referral_resource_ids",
    "referral_types", "next_step", "follow_up", "follow_up_date", "follow_up_done", "consent",
    "conflict_of_interest", "org_unit", "notes", "reflection",
)

_TIME_PATTERN = re.compile(r"^\s*(\d{1,2})\s*[:.h]?\s*(\d{2})\s*$")


class PeerCodeLooksIdentifying(PeerDeskError):
    """The peer code reads like a name, an e-mail address or a phone number, unconfirmed."""


def draft_key(session_id: int | None) -> str:
    """The draft a session's unsaved changes are kept under ("session:new" for a new one)."""
    return NEW_DRAFT_KEY if session_id is None else f"{DRAFT_PREFIX}{session_id}"


def parse_time(text: str) -> dt.time | None:
    """'14:30', '1430', '9.05', '9h05' → a time; '' → None; anything else raises ValueError."""
    if not text.strip():
        return None
    match = _TIME_PATTERN.match(text)
    if match is None:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2)))


def form_of(session: Session) -> FormState:
    """What the form shows for `session`."""
    follow_up_date = session.follow_up_date or (
        session.date + dt.timedelta(days=FOLLOW_UP_DEFAULT_DAYS))
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "start_time": session.start_time.strftime("%H:%M") if session.start_time else "",
        "duration_minutes": session.duration_minutes,
        "kind": session.kind,
        "group_size": session.group_size or DEFAULT_GROUP_SIZE,
        "contact": session.contact,
        "channel": session.channel,
        "origin": session.origin,
        "peer_code": session.peer_code,
        "peer_code_confirmed": False,  # asked again each time a flagged code is saved
        "behaviours": sorted(session.behaviours),
        "persistence": session.persistence,
        "source_relation": session.source_relation,
        "impacts": sorted(session.impacts),
        "risk_flags": sorted(session.risk_flags),
        "support_given": sorted(session.support_given),
        "referral_resource_ids": list(session.referral_resource_ids),
        "referral_types": sorted(session.referral_types),
        "next_step": session.next_step,
        "follow_up": session.follow_up_date is not None,
        "follow_up_date": follow_up_date.isoformat(),
        "follow_up_done": session.follow_up_done,
        "consent": session.consent_to_count,
        "conflict_of_interest": session.conflict_of_interest,
        "org_unit": session.org_unit,
        "notes": session.notes,
        "reflection": session.reflection,
    }


def blank_form(today: dt.date | None = None) -> FormState:
    """A new session: today, in person, first contact, 30 minutes; consent not yet answered."""
    state = form_of(Session(date=today or dt.date.today()))
    state["consent"] = None  # asked explicitly: no answer until the supporter gives one
    return state


def merge_draft(baseline: Mapping[str, Any], draft: Mapping[str, Any]) -> FormState:
    """`baseline` with the values a draft kept; keys the form no longer has are dropped."""
    merged = dict(baseline)
    merged.update({key: value for key, value in draft.items() if key in baseline})
    return merged


def draft_payload(state: Mapping[str, Any], title: str, now: dt.datetime) -> dict[str, object]:
    """What is kept in the vault for an unsaved form (`state` comes back via `merge_draft`)."""
    return {"state": dict(state), "saved_at": now.isoformat(timespec="seconds"), "title": title}


def session_from_form(state: Mapping[str, Any], original: Session | None = None) -> Session:
    """The session the form describes (on top of `original` when editing one).

    Raises `PeerDeskError` saying what to fix: consent not answered, a start time that is not
    a time, or (`PeerCodeLooksIdentifying`) a peer code that looks like it identifies someone
    and was not confirmed."""
    if state["consent"] is None:
        raise PeerDeskError(msg(
            "Please answer the consent question: may this contact be counted in the "
            "program's de-identified statistics? Choose Yes or No, then save again."))
    try:
        start_time = parse_time(str(state["start_time"]))
    except ValueError:
        raise PeerDeskError(msg(
            "The start time “{text}” is not a time. Use hh:mm, such as 14:30, or leave it "
            "empty.", text=state["start_time"])) from None
    peer_code = str(state["peer_code"]).strip()
    if peer_code and identifying_warnings(peer_code) and not state.get("peer_code_confirmed"):
        raise PeerCodeLooksIdentifying(msg(
            "The peer code “{code}” looks like a name, an e-mail address or a phone number. "
            "Use a made-up code (Generate offers one), or tick “It is not a name” if you are "
            "sure it identifies no one.", code=peer_code))
    day = dt.date.fromisoformat(str(state["date"]))
    following = bool(state["follow_up"])
    changes: dict[str, Any] = {
        "date": day,
        "start_time": start_time,
        "duration_minutes": int(state["duration_minutes"]),
        "kind": state["kind"],
        "group_size": int(state["group_size"]) if state["kind"] == "group" else None,
        "contact": state["contact"],
        "channel": state["channel"],
        "origin": state["origin"],
        "behaviours": frozenset(state["behaviours"]),
        "persistence": state["persistence"],
        "source_relation": state["source_relation"],
        "impacts": frozenset(state["impacts"]),
        "risk_flags": frozenset(state["risk_flags"]),
        "support_given": frozenset(state["support_given"]),
        "referral_types": frozenset(state["referral_types"]),
        "referral_resource_ids": tuple(state["referral_resource_ids"]),
        "next_step": state["next_step"],
        "follow_up_date": (dt.date.fromisoformat(str(state["follow_up_date"]))
                           if following else None),
        "follow_up_done": bool(following and state["follow_up_done"]),
        "consent_to_count": bool(state["consent"]),
        "conflict_of_interest": bool(state["conflict_of_interest"]),
        "peer_code": peer_code,
        "org_unit": state["org_unit"],
        "notes": state["notes"],
        "reflection": state["reflection"],
    }
    if original is not None:
        return dataclasses.replace(original, **changes)
    return Session(**changes)
