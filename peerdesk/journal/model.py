"""The support session: one conversation, one-to-one or a group.

Coded fields hold taxonomy codes (`resources/taxonomy.toml`); multi-valued ones are frozensets.
Free text (notes, reflection) and the peer code never leave the journal.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field


def new_summary_id() -> str:
    """Random id a session carries into exports; unrelated to its database id."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class Session:
    # -- when and how
    date: dt.date
    duration_minutes: int = 30
    start_time: dt.time | None = None
    kind: str = "one_to_one"              # taxonomy "kind"
    group_size: int | None = None         # people present, when kind == "group"
    contact: str = "first"                # taxonomy "contact"
    channel: str = "in_person"            # taxonomy "channel"
    origin: str | None = None             # taxonomy "origin": how the contact came about
    # -- what is happening
    behaviours: frozenset[str] = frozenset()      # taxonomy "behaviour"
    persistence: str | None = None                # taxonomy "persistence"
    source_relation: str | None = None            # taxonomy "source_relation"
    impacts: frozenset[str] = frozenset()         # taxonomy "impact"
    risk_flags: frozenset[str] = frozenset()      # taxonomy "risk_flag"
    # -- what the supporter did and what comes next
    support_given: frozenset[str] = frozenset()   # taxonomy "support_given"
    referral_types: frozenset[str] = frozenset()  # taxonomy "referral_type"
    referral_resource_ids: tuple[str, ...] = ()   # ids of referral-directory entries
    next_step: str | None = None                  # taxonomy "next_step"
    follow_up_date: dt.date | None = None
    follow_up_done: bool = False
    # -- consent and the people involved
    consent_to_count: bool = False        # asked explicitly; only True sessions are exported
    conflict_of_interest: bool = False
    peer_code: str = ""                   # a pseudonym chosen by the supporter, never a name
    org_unit: str | None = None           # only from the coordinator's list (setting)
    # -- private text: never exported
    notes: str = ""
    reflection: str = ""
    # -- identity, set by the repository
    id: int | None = None
    summary_id: str = field(default_factory=new_summary_id)
    revision: int = 0                     # 1 after the first save, +1 on every edit
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
