"""Checking a session before it is saved: coded values must be taxonomy codes."""

from __future__ import annotations

import datetime as dt

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.taxonomy import Taxonomy

# Session attribute -> taxonomy field key.
SINGLE_CODED_FIELDS: dict[str, str] = {
    "kind": "kind",
    "contact": "contact",
    "channel": "channel",
    "origin": "origin",
    "persistence": "persistence",
    "source_relation": "source_relation",
    "next_step": "next_step",
}
MULTI_CODED_FIELDS: dict[str, str] = {
    "behaviours": "behaviour",
    "impacts": "impact",
    "risk_flags": "risk_flag",
    "support_given": "support_given",
    "referral_types": "referral_type",
}
REQUIRED_CODED_FIELDS = frozenset({"kind", "contact", "channel"})

MAX_DURATION_MINUTES = 24 * 60
MAX_GROUP_SIZE = 1000


class SessionInvalid(PeerDeskError):
    """A session holds a value the journal cannot store (unknown code, impossible number)."""


_CODE_SETS: dict[int, tuple[Taxonomy, dict[str, frozenset[str]]]] = {}


def code_sets(taxonomy: Taxonomy) -> dict[str, frozenset[str]]:
    """Field key -> its codes, computed once per taxonomy (validation runs per session)."""
    cached = _CODE_SETS.get(id(taxonomy))
    if cached is None or cached[0] is not taxonomy:
        cached = (taxonomy, {key: frozenset(f.codes()) for key, f in taxonomy.fields.items()})
        _CODE_SETS[id(taxonomy)] = cached
    return cached[1]


def _unknown_code(taxonomy: Taxonomy, attribute: str, key: str, code: object) -> SessionInvalid:
    field = taxonomy.field(key)
    return SessionInvalid(
        f"'{field.label}' ({attribute}) has the unknown code {code!r}. "
        f"Use one of: {', '.join(field.codes())}. Nothing was saved."
    )


def validate_session(session: Session, taxonomy: Taxonomy) -> None:
    """Raise `SessionInvalid` naming the field (and code) of the first problem found."""
    if not isinstance(session.date, dt.date) or isinstance(session.date, dt.datetime):
        raise SessionInvalid("The session has no valid date. Enter a date; nothing was saved.")
    if session.start_time is not None and not isinstance(session.start_time, dt.time):
        raise SessionInvalid("The start time is not a time of day. Nothing was saved.")
    if (
        isinstance(session.duration_minutes, bool)
        or not isinstance(session.duration_minutes, int)
        or not 0 <= session.duration_minutes <= MAX_DURATION_MINUTES
    ):
        raise SessionInvalid(
            f"The duration ({session.duration_minutes!r} minutes) must be a whole number of "
            f"minutes from 0 to {MAX_DURATION_MINUTES}. Nothing was saved."
        )
    if session.group_size is not None and (
        isinstance(session.group_size, bool)
        or not isinstance(session.group_size, int)
        or not 2 <= session.group_size <= MAX_GROUP_SIZE
    ):
        raise SessionInvalid(
            f"The group size ({session.group_size!r}) must be a number of people from 2 to "
            f"{MAX_GROUP_SIZE}, or left empty. Nothing was saved."
        )
    known = code_sets(taxonomy)
    for attribute, key in SINGLE_CODED_FIELDS.items():
        code = getattr(session, attribute)
        if code is None and attribute not in REQUIRED_CODED_FIELDS:
            continue
        if code not in known[key]:
            raise _unknown_code(taxonomy, attribute, key, code)
    for attribute, key in MULTI_CODED_FIELDS.items():
        codes = getattr(session, attribute)
        if not isinstance(codes, frozenset):
            raise SessionInvalid(f"{attribute} must be a set of codes. Nothing was saved.")
        if not codes <= known[key]:
            bad = sorted((c for c in codes if c not in known[key]), key=str)[0]
            raise _unknown_code(taxonomy, attribute, key, bad)
    if session.follow_up_date is not None and (
        not isinstance(session.follow_up_date, dt.date)
        or isinstance(session.follow_up_date, dt.datetime)
    ):
        raise SessionInvalid("The follow-up date is not a date. Nothing was saved.")
    for resource_id in session.referral_resource_ids:
        if not isinstance(resource_id, str) or not resource_id:
            raise SessionInvalid(
                "A referral entry has no id. Pick the referral again; nothing was saved."
            )
