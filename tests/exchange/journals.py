"""Journals for the summary v2 tests: random sessions, and a reference count in plain Python."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from hypothesis import strategies as st

from peerdesk.journal.model import Session
from peerdesk.taxonomy import default_taxonomy

TAX = default_taxonomy()
MONTHS = ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03")
FORMAL = ("considering_formal_report", "will_report_formally")


def _codes(field: str) -> tuple[str, ...]:
    return TAX.field(field).codes()


@st.composite
def sessions(draw: st.DrawFn, months: tuple[str, ...] = MONTHS) -> Session:
    month = draw(st.sampled_from(months))
    day = dt.date(int(month[:4]), int(month[5:]), draw(st.integers(1, 28)))
    kind = draw(st.sampled_from(_codes("kind")))

    def maybe(field: str) -> str | None:
        return draw(st.none() | st.sampled_from(_codes(field)))

    def some(field: str) -> frozenset[str]:
        return frozenset(draw(st.sets(st.sampled_from(_codes(field)), max_size=3)))

    return Session(
        date=day, duration_minutes=draw(st.sampled_from((5, 14, 15, 29, 30, 44, 45, 59, 60, 90))),
        kind=kind, group_size=draw(st.sampled_from((2, 4, 5, 9, 10, 30))) if kind == "group"
        else None,
        contact=draw(st.sampled_from(_codes("contact"))),
        channel=draw(st.sampled_from(_codes("channel"))), origin=maybe("origin"),
        behaviours=some("behaviour"), persistence=maybe("persistence"),
        source_relation=maybe("source_relation"), impacts=some("impact"),
        risk_flags=some("risk_flag"), support_given=some("support_given"),
        referral_types=some("referral_type"), next_step=maybe("next_step"),
        follow_up_date=draw(st.none() | st.just(day + dt.timedelta(days=7))),
        consent_to_count=draw(st.booleans()),
        peer_code=draw(st.sampled_from(("", "amber-heron-27", "AMBER-heron-27", "teal-fox-11",
                                        "grey-owl-40"))),
        notes=draw(st.sampled_from(("", "private words"))),
    )


def _band(minutes: int) -> str:
    for upper, code in ((15, "under_15"), (30, "15_to_29"), (45, "30_to_44"),
                        (60, "45_to_59")):
        if minutes < upper:
            return code
    return "60_plus"


def _group_band(session: Session) -> str:
    if session.kind != "group" or session.group_size is None:
        return ""
    size = session.group_size
    return "2_to_4" if size < 5 else "5_to_9" if size < 10 else "10_plus"


def reference_months(saved: Iterable[Session]) -> dict[str, dict[str, Any]]:
    """What a month's figures must be, counted session by session in Python."""
    out: dict[str, dict[str, Any]] = {}
    for s in saved:
        if not s.consent_to_count:
            continue
        month = f"{s.date:%Y-%m}"
        entry = out.setdefault(month, {"contacts": 0, "follow_up_planned": 0,
                                       "with_referral": 0, "with_risk": 0,
                                       "counts": {}})
        entry["contacts"] += 1
        entry["follow_up_planned"] += s.follow_up_date is not None
        entry["with_referral"] += bool(s.referral_types) or "referral" in s.support_given
        entry["with_risk"] += bool(s.risk_flags)
        single = {"kind": s.kind, "contact": s.contact, "channel": s.channel,
                  "origin": s.origin or "", "persistence": s.persistence or "",
                  "source_relation": s.source_relation or "", "next_step": s.next_step or "",
                  "duration_band": _band(s.duration_minutes),
                  "group_size_band": _group_band(s)}
        multi = {"behaviour": s.behaviours, "impact": s.impacts, "risk_flag": s.risk_flags,
                 "support_given": s.support_given, "referral_type": s.referral_types}
        counts = entry["counts"]
        for field, code in single.items():
            counts.setdefault(field, Counter())[code] += 1
        for field, codes in multi.items():
            counts.setdefault(field, Counter()).update(codes)
    for entry in out.values():
        entry["counts"] = {f: dict(c) for f, c in entry["counts"].items() if c}
    return out


def reference_people(saved: Iterable[Session]) -> dict[str, tuple[int, int, int]]:
    """Period -> (people, with two or more contacts, with a formal next step)."""
    contacts: dict[str, Counter[str]] = {}
    formal: dict[str, set[str]] = {}
    for s in saved:
        code = s.peer_code.strip().casefold()
        if not s.consent_to_count or not code:
            continue
        month = f"{s.date:%Y-%m}"
        quarter = f"{s.date.year}-Q{(s.date.month + 2) // 3}"
        for period in (month, quarter, str(s.date.year)):
            contacts.setdefault(period, Counter())[code] += 1
            if s.next_step in FORMAL:
                formal.setdefault(period, set()).add(code)
    return {p: (len(c), sum(n >= 2 for n in c.values()), len(formal.get(p, ())))
            for p, c in contacts.items()}
