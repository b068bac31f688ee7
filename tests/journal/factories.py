"""Sessions for the journal tests: one with every field set, changed as a test needs."""

from __future__ import annotations

import dataclasses
import datetime as dt

from peerdesk.journal.model import Session

TODAY = dt.date(2026, 3, 10)


def full_session(**changes: object) -> Session:
    base = Session(
        date=dt.date(2026, 3, 2),
        start_time=dt.time(14, 30),
        duration_minutes=45,
        kind="group",
        group_size=4,
        contact="follow_up",
        channel="video",
        origin="manager_hr_referred",
        behaviours=frozenset({"work_related", "online"}),
        persistence="over_six_months",
        source_relation="manager",
        impacts=frozenset({"sleep_health"}),
        risk_flags=frozenset({"health_crisis"}),
        support_given=frozenset({"listened", "referral"}),
        referral_types=frozenset({"eap"}),
        referral_resource_ids=("pack:eap-line", "own:42"),
        next_step="informal_resolution",
        follow_up_date=dt.date(2026, 3, 16),
        follow_up_done=False,
        consent_to_count=True,
        conflict_of_interest=True,
        peer_code="amber-heron-27",
        org_unit="north",
        notes="Talked about being left off the rota again.",
        reflection="Felt tired afterwards.",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]
