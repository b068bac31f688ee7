"""Checking a session before it is saved: coded values must be taxonomy codes."""

from __future__ import annotations

import datetime as dt

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.taxonomy import Taxonomy
from peerdesk.translation import Message, msg

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

EARLIEST_SESSION_DATE = dt.date(1970, 1, 1)
MAX_DURATION_MINUTES = 24 * 60
MAX_GROUP_SIZE = 1000


class SessionInvalid(PeerDeskError):
    """A session holds a value the journal cannot store (unknown code, impossible number).

    `problem` says what is wrong and how to fix it; the message adds that nothing was saved
    (the CSV import lists `problem` alone, per row)."""

    def __init__(self, problem: Message) -> None:
        super().__init__(msg("{problem} Nothing was saved.", problem=problem))
        self.problem = problem


def _unknown_code(taxonomy: Taxonomy, attribute: str, key: str, code: object) -> SessionInvalid:
    field = taxonomy.field(key)
    return SessionInvalid(msg(
        "'{field}' ({attribute}) has the unknown code {code}. Use one of: {codes}.",
        field=field.label, attribute=attribute, code=repr(code), codes=", ".join(field.codes()),
    ))


def latest_session_date(today: dt.date | None = None) -> dt.date:
    """One year from today (28 February when today is 29 February)."""
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def validate_session(session: Session, taxonomy: Taxonomy,
                     today: dt.date | None = None) -> None:
    """Raise `SessionInvalid` naming the field (and code) of the first problem found."""
    if not isinstance(session.date, dt.date) or isinstance(session.date, dt.datetime):
        raise SessionInvalid(msg("The session has no valid date. Enter a date."))
    latest = latest_session_date(today)
    if not EARLIEST_SESSION_DATE <= session.date <= latest:
        raise SessionInvalid(msg(
            "The date {date} is outside the dates a session can have ({earliest} to {latest}). "
            "Correct the date.", date=session.date.isoformat(),
            earliest=EARLIEST_SESSION_DATE.isoformat(), latest=latest.isoformat()))
    if session.start_time is not None and not isinstance(session.start_time, dt.time):
        raise SessionInvalid(msg("The start time is not a time of day."))
    if (
        isinstance(session.duration_minutes, bool)
        or not isinstance(session.duration_minutes, int)
        or not 0 <= session.duration_minutes <= MAX_DURATION_MINUTES
    ):
        raise SessionInvalid(msg(
            "The duration ({minutes} minutes) must be a whole number of minutes from 0 to "
            "{maximum}.", minutes=repr(session.duration_minutes), maximum=MAX_DURATION_MINUTES,
        ))
    if session.group_size is not None and (
        isinstance(session.group_size, bool)
        or not isinstance(session.group_size, int)
        or not 2 <= session.group_size <= MAX_GROUP_SIZE
    ):
        raise SessionInvalid(msg(
            "The group size ({size}) must be a number of people from 2 to {maximum}, or left "
            "empty.", size=repr(session.group_size), maximum=MAX_GROUP_SIZE,
        ))
    known = taxonomy.code_labels
    for attribute, key in SINGLE_CODED_FIELDS.items():
        code = getattr(session, attribute)
        if code is None and attribute not in REQUIRED_CODED_FIELDS:
            continue
        if code not in known[key]:
            raise _unknown_code(taxonomy, attribute, key, code)
    for attribute, key in MULTI_CODED_FIELDS.items():
        codes = getattr(session, attribute)
        if not isinstance(codes, frozenset):
            raise SessionInvalid(msg("{field} must be a set of codes.", field=attribute))
        unknown = [c for c in codes if c not in known[key]]
        if unknown:
            raise _unknown_code(taxonomy, attribute, key, sorted(unknown, key=str)[0])
    if session.follow_up_date is not None and (
        not isinstance(session.follow_up_date, dt.date)
        or isinstance(session.follow_up_date, dt.datetime)
    ):
        raise SessionInvalid(msg("The follow-up date is not a date."))
    for resource_id in session.referral_resource_ids:
        if not isinstance(resource_id, str) or not resource_id:
            raise SessionInvalid(msg("A referral entry has no id. Pick the referral again."))
