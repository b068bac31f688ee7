"""Synthetic program data: signed `peerdesk.summary` v2 files from fictional supporters.

Used by `peerdesk --demo` (so the Program workspace has something to show), the screenshots
and the tests. Contacts are drawn with plausible weights (most in person or by phone, work-
and person-related behaviour most common, managers the most frequent source), then counted
per month exactly as a journal counts them; nothing here describes a real person. Each
fictional supporter has a signing key drawn from the seed, so the files are reproducible;
importing them needs the keys accepted (`Enrolment(accept_new=True)`).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from peerdesk.exchange.export import (
    ExportPlan,
    LeftOut,
    SentMonth,
    SentPeople,
    build_document,
)
from peerdesk.exchange.format import (
    NULLABLE_FIELDS,
    REASON_NEW,
    encode_file,
    quarter_of,
    year_of,
)
from peerdesk.exchange.keys import SigningKey
from peerdesk.journal.monthly_figures import FORMAL_NEXT_STEPS, MonthCounts, PeopleCounts
from peerdesk.program.figures import COUNTED_FIELDS, NOT_RECORDED
from peerdesk.taxonomy import default_taxonomy

CHANNELS = (("in_person", 38), ("phone", 22), ("video", 20), ("chat", 15), ("email", 5))
BEHAVIOURS = (("work_related", 50), ("person_related", 45), ("physical_intimidation", 6),
              ("online", 14), ("protected_characteristic", 9), ("retaliation", 7))
SOURCES = (("manager", 40), ("peer", 28), ("direct_report", 5), ("third_party", 8),
           ("several", 9), ("not_said", 10))
REFERRALS = (("eap", 30), ("hr", 20), ("union_rep", 12), ("ombudsperson", 6),
             ("occupational_health", 10), ("legal_advice", 3), ("medical", 4),
             ("crisis_line", 1), ("external_helpline", 5), ("other", 3))
NEXT_STEPS = (("considering_formal_report", 18), ("will_report_formally", 7),
              ("informal_resolution", 30), ("no_action", 25), ("other", 6), (None, 14))
ORIGINS = (("self_referred", 55), ("colleague_suggested", 20), ("manager_hr_referred", 15),
           ("supporter_outreach", 10))
DURATIONS = (("under_15", 10), ("15_to_29", 30), ("30_to_44", 35), ("45_to_59", 15),
             ("60_plus", 10))
SUPPORT = ("listened", "explored_options", "coping_strategies", "reporting_options",
           "documenting", "safety_planning", "referral")
IMPACTS = ("wellbeing", "sleep_health", "work_performance", "considering_leaving", "time_off")
RISKS = ("immediate_safety", "self_harm", "health_crisis")
PERSISTENCE = ("under_one_month", "one_to_six_months", "over_six_months")

# Short labels that identify no one (the alias check refuses names).
ALIASES = ("finance-1", "operations", "customer care", "it-desk", "warehouse-2", "sales-north",
           "night shift", "hq-3")
UNITS = ("Head office", "Warehouse", "Customer care")


@dataclass(frozen=True)
class DemoContact:
    """One fictional contact's codes (field -> codes; single-valued fields hold one or none)."""

    month: str
    peer: int
    codes: dict[str, tuple[str, ...]]
    follow_up_planned: bool


def _pick(rng: random.Random, weighted: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _some(rng: random.Random, weighted: Sequence[tuple[str, int]], most: int) -> list[str]:
    return sorted({_pick(rng, weighted) for _ in range(rng.randint(1, most))})


def make_contact(rng: random.Random, month: str, peer: int) -> DemoContact:
    kind = "group" if rng.random() < 0.06 else "one_to_one"
    refer = rng.random() < 0.35
    support = sorted({rng.choice(SUPPORT) for _ in range(rng.randint(1, 3))}
                     | ({"referral"} if refer else set()) | {"listened"})

    def one(value: str | None) -> tuple[str, ...]:
        return (value,) if value is not None else ()

    codes = {
        "kind": (kind,),
        "contact": ("first" if rng.random() < 0.55 else "follow_up",),
        "channel": (_pick(rng, CHANNELS),),
        "origin": one(_pick(rng, ORIGINS)),
        "persistence": one(rng.choice(PERSISTENCE)),
        "source_relation": one(_pick(rng, SOURCES)),
        "next_step": one(_pick(rng, NEXT_STEPS)),
        "duration_band": (_pick(rng, DURATIONS),),
        "group_size_band": one(rng.choice(("2_to_4", "5_to_9")) if kind == "group" else None),
        "behaviour": tuple(_some(rng, BEHAVIOURS, 2)),
        "impact": tuple(sorted({rng.choice(IMPACTS) for _ in range(rng.randint(0, 2))})),
        "risk_flag": (rng.choice(RISKS),) if rng.random() < 0.03 else (),
        "support_given": tuple(support),
        "referral_type": tuple(_some(rng, REFERRALS, 2)) if refer else (),
    }
    return DemoContact(month, peer, codes, rng.random() < 0.45)


def month_counts(month: str, contacts: Sequence[DemoContact]) -> MonthCounts:
    """The figures a journal would count for these contacts (see journal.monthly_figures)."""
    counts: dict[str, Counter[str]] = {field: Counter() for field in COUNTED_FIELDS}
    for contact in contacts:
        for field in COUNTED_FIELDS:
            values = contact.codes[field]
            if not values and field in NULLABLE_FIELDS:
                counts[field][NOT_RECORDED] += 1
            counts[field].update(values)
    return MonthCounts(
        month=month, contacts=len(contacts),
        follow_up_planned=sum(c.follow_up_planned for c in contacts),
        with_referral=sum(bool(c.codes["referral_type"]) or "referral" in c.codes["support_given"]
                          for c in contacts),
        with_risk=sum(bool(c.codes["risk_flag"]) for c in contacts),
        counts={field: dict(values) for field, values in counts.items()},
    )


def people_counts(period: str, contacts: Sequence[DemoContact]) -> PeopleCounts:
    per_peer: Counter[int] = Counter(c.peer for c in contacts)
    formal = {c.peer for c in contacts
              if set(c.codes["next_step"]) & set(FORMAL_NEXT_STEPS)}
    return PeopleCounts(period, len(per_peer), sum(n >= 2 for n in per_peer.values()),
                        len(formal))


def demo_key(rng: random.Random) -> SigningKey:
    return SigningKey(Ed25519PrivateKey.from_private_bytes(rng.randbytes(32)))


def summary_document(contacts: Sequence[DemoContact], *, supporter_id: str, key: SigningKey,
                     sequence: int = 1, alias: str | None = None,
                     org_unit: str | None = None) -> dict[str, Any]:
    """A signed v2 document holding these contacts' figures (every month reason "new")."""
    by_month: dict[str, list[DemoContact]] = {}
    for contact in contacts:
        by_month.setdefault(contact.month, []).append(contact)
    by_period: dict[str, list[DemoContact]] = {}
    for month, items in by_month.items():
        for period in (month, quarter_of(month), year_of(month)):
            by_period.setdefault(period, []).extend(items)
    plan = ExportPlan(
        supporter_id=supporter_id, first_month=min(by_month, default="2000-01"),
        last_month=max(by_month, default="2000-01"),
        months=tuple(SentMonth(m, REASON_NEW, month_counts(m, by_month[m]))
                     for m in sorted(by_month)),
        people=tuple(SentPeople(p, REASON_NEW, people_counts(p, by_period[p]))
                     for p in sorted(by_period)),
        unchanged_months=0, left_out=LeftOut(), sequence=sequence,
        taxonomy_version=default_taxonomy().version)
    return build_document(plan, key, alias=alias, org_unit=org_unit,
                          created_at=dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC))


def write_summary(path: Path, document: dict[str, Any]) -> Path:
    path.write_bytes(encode_file(document))
    return path


def months(first_year: int, first_month: int, count: int) -> list[str]:
    out: list[str] = []
    year, month = first_year, first_month
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def supporter_contacts(rng: random.Random, count: int,
                       periods: Sequence[str]) -> list[DemoContact]:
    people = max(count // 3, 1)
    return [make_contact(rng, rng.choice(list(periods)), rng.randrange(people))
            for _ in range(count)]


def supporter_file(folder: Path, index: int, *, records: int, periods: Sequence[str],
                   seed: int, units: Sequence[str] = ()) -> Path:
    """One fictional supporter's signed summary with `records` contacts over `periods`."""
    rng = random.Random(seed * 1000 + index)  # noqa: S311 - synthetic data, not secrets
    document = summary_document(
        supporter_contacts(rng, records, periods), supporter_id=f"{index + 1:02d}" + "ab" * 15,
        key=demo_key(rng), alias=ALIASES[index % len(ALIASES)],
        org_unit=units[index % len(units)] if units else None)
    return write_summary(folder / f"summary-{index + 1:02d}.json", document)


def demo_files(folder: Path, *, supporters: int = 6, records: int = 600, seed: int = 7,
               month_count: int = 12, first: tuple[int, int] = (2025, 7)) -> list[Path]:
    """A demo-scale program: `supporters` files, a few thousand contacts over a year."""
    periods = months(first[0], first[1], month_count)
    paths: list[Path] = []
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    for index in range(supporters):
        count = int(records * rng.uniform(0.5, 1.5))
        paths.append(supporter_file(folder, index, records=count, periods=periods, seed=seed,
                                    units=UNITS))
    return paths


def months_ending(today: dt.date, count: int = 12) -> tuple[int, int]:
    """(year, month) of the first of `count` months that end with the month before `today`."""
    index = today.year * 12 + today.month - 1 - count
    return index // 12, index % 12 + 1
