"""Synthetic program data: `peerdesk.summary` v1 files from fictional supporters.

Used by `peerdesk --demo` (so the Program workspace has something to show), the screenshots
and the tests. Records are drawn with plausible weights (most contacts in person or by phone,
work- and person-related behaviour most common, managers the most frequent source) so the
dashboard looks like a real program's; nothing here describes a real person.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from peerdesk.exchange.format import FORMAT, VERSION, encode_summary, records_checksum

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

ALIASES = ("Amira (Finance)", "Ben (Operations)", "Chloé (Customer care)", "Dev (IT)",
           "Esther (Warehouse)", "Farid (Sales)", "Grace", "Hiro")


def _pick(rng: random.Random, weighted: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _some(rng: random.Random, weighted: Sequence[tuple[str, int]], most: int) -> list[str]:
    chosen = {_pick(rng, weighted) for _ in range(rng.randint(1, most))}
    return sorted(chosen)


def make_record(rng: random.Random, period: str, *, org_unit: str | None = None,
                peer_pool: Sequence[str] = (), revision: int = 1,
                record_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    kind = "group" if rng.random() < 0.06 else "one_to_one"
    refer = rng.random() < 0.35
    support = sorted({rng.choice(SUPPORT) for _ in range(rng.randint(1, 3))}
                     | ({"referral"} if refer else set()) | {"listened"})
    record: dict[str, Any] = {
        "id": record_id or secrets.token_hex(16),
        "revision": revision,
        "period": period,
        "duration_band": _pick(rng, DURATIONS),
        "kind": kind,
        "group_size_band": rng.choice(("2_to_4", "5_to_9")) if kind == "group" else None,
        "contact": "first" if rng.random() < 0.55 else "follow_up",
        "channel": _pick(rng, CHANNELS),
        "origin": _pick(rng, ORIGINS),
        "behaviours": _some(rng, BEHAVIOURS, 2),
        "persistence": rng.choice(PERSISTENCE),
        "source_relation": _pick(rng, SOURCES),
        "impacts": sorted({rng.choice(IMPACTS) for _ in range(rng.randint(0, 2))}),
        "risk_flags": [rng.choice(RISKS)] if rng.random() < 0.03 else [],
        "support_given": support,
        "referral_types": _some(rng, REFERRALS, 2) if refer else [],
        "referral_resources": [],
        "next_step": _pick(rng, NEXT_STEPS),
        "follow_up_planned": rng.random() < 0.45,
        "org_unit": org_unit,
        "peer_key": rng.choice(peer_pool) if peer_pool else None,
    }
    record.update(overrides)
    return record


def make_summary(records: Sequence[dict[str, Any]], *, supporter_id: str | None = None,
                 alias: str | None = None, org_units: bool = False,
                 peer_keys: bool = True) -> dict[str, Any]:
    ordered = sorted(records, key=lambda r: r["id"])
    periods = sorted(r["period"] for r in ordered) or ["2026-01"]
    granularity = "week" if "W" in periods[0] else "month"
    return {
        "format": FORMAT,
        "version": VERSION,
        "export_id": secrets.token_hex(16),
        "created_at": "2026-07-01T09:00:00Z",
        "app_version": "0.1.0",
        "taxonomy_version": "1",
        "supporter": {"id": supporter_id or secrets.token_hex(16), "alias": alias},
        "period": {"granularity": granularity, "from": periods[0], "to": periods[-1]},
        "generalisation": {"period": granularity, "peer_key": peer_keys, "org_unit": org_units},
        "record_count": len(ordered),
        "records_sha256": records_checksum(ordered),
        "records": ordered,
    }


def write_summary(path: Path, envelope: dict[str, Any]) -> Path:
    path.write_bytes(encode_summary(envelope))
    return path


def months(first_year: int, first_month: int, count: int) -> list[str]:
    out: list[str] = []
    year, month = first_year, first_month
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def supporter_file(folder: Path, index: int, *, records: int, periods: Sequence[str],
                   seed: int, units: Sequence[str] = ()) -> Path:
    """One supporter's summary with `records` records spread over `periods`."""
    rng = random.Random(seed * 1000 + index)  # noqa: S311 - synthetic data, not secrets
    peer_pool = [secrets.token_hex(32) for _ in range(max(records // 3, 1))]
    unit = units[index % len(units)] if units else None
    items = [make_record(rng, rng.choice(list(periods)), org_unit=unit, peer_pool=peer_pool)
             for _ in range(records)]
    envelope = make_summary(items, supporter_id=f"{index + 1:02d}" + "ab" * 15,
                            alias=ALIASES[index % len(ALIASES)], org_units=bool(units))
    return write_summary(folder / f"summary-{index + 1:02d}.json", envelope)


def demo_files(folder: Path, *, supporters: int = 6, records: int = 600, seed: int = 7,
               month_count: int = 12, first: tuple[int, int] = (2025, 7)) -> list[Path]:
    """A demo-scale program: `supporters` files, a few thousand records over a year."""
    periods = months(first[0], first[1], month_count)
    units = ("Head office", "Warehouse", "Customer care")
    paths: list[Path] = []
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    for index in range(supporters):
        count = int(records * rng.uniform(0.5, 1.5))
        paths.append(supporter_file(folder, index, records=count, periods=periods, seed=seed,
                                    units=units))
    return paths


def months_ending(today: dt.date, count: int = 12) -> tuple[int, int]:
    """(year, month) of the first of `count` months that end with the month before `today`."""
    index = today.year * 12 + today.month - 1 - count
    return index // 12, index % 12 + 1
