"""Build valid summary files for program tests (the contract's format, via exchange.format)."""

from __future__ import annotations

import json
import random
import secrets
from pathlib import Path
from typing import Any

from peerdesk.exchange.format import FORMAT, VERSION, encode_summary, records_checksum
from peerdesk.taxonomy import default_taxonomy

_TAX = default_taxonomy()


def record(record_id: str | None = None, revision: int = 1, period: str = "2026-10",
           **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": record_id or secrets.token_hex(16), "revision": revision, "period": period,
        "duration_band": "30_to_44", "kind": "one_to_one", "group_size_band": None,
        "contact": "first", "channel": "in_person", "origin": "self_referred",
        "behaviours": ["person_related", "work_related"], "persistence": "one_to_six_months",
        "source_relation": "manager", "impacts": ["wellbeing"], "risk_flags": [],
        "support_given": ["listened", "referral"], "referral_types": ["eap"],
        "referral_resources": [], "next_step": "considering_formal_report",
        "follow_up_planned": True, "org_unit": None, "peer_key": secrets.token_hex(32),
    }
    base.update(fields)
    return base


def random_record(rng: random.Random, period: str, peer_keys: list[str],
                  org_units: tuple[str, ...] = ()) -> dict[str, Any]:
    def pick(field: str, none_weight: float = 0.0) -> str | None:
        if none_weight and rng.random() < none_weight:
            return None
        return rng.choice(_TAX.field(field).codes())

    def some(field: str, most: int, weights: float = 0.5) -> list[str]:
        codes = list(_TAX.field(field).codes())
        chosen = {c for c in codes if rng.random() < weights / len(codes) * most}
        return sorted(chosen)

    kind = "group" if rng.random() < 0.08 else "one_to_one"
    referral_types = some("referral_type", 1, 0.6)
    return record(
        revision=rng.randint(1, 3), period=period, kind=kind,
        group_size_band=pick("group_size_band") if kind == "group" else None,
        duration_band=pick("duration_band"),
        contact=rng.choices(["first", "follow_up"], [0.45, 0.55])[0],
        channel=rng.choices(list(_TAX.field("channel").codes()), [5, 3, 2, 1, 0.3])[0],
        origin=pick("origin", 0.1), behaviours=some("behaviour", 2),
        persistence=pick("persistence", 0.2), source_relation=pick("source_relation", 0.1),
        impacts=some("impact", 2), risk_flags=["self_harm"] if rng.random() < 0.03 else [],
        support_given=sorted({"listened", *(["referral"] if referral_types else [])}),
        referral_types=referral_types, next_step=pick("next_step", 0.2),
        follow_up_planned=rng.random() < 0.5,
        org_unit=rng.choice(org_units) if org_units else None,
        peer_key=None if kind == "group" else rng.choice(peer_keys),
    )


def envelope(records: list[dict[str, Any]], *, supporter_id: str | None = None,
             alias: str | None = "Sam", granularity: str = "month",
             period_from: str = "2026-09", period_to: str = "2026-11",
             org_unit: bool = False, **overrides: Any) -> dict[str, Any]:
    records = sorted(records, key=lambda r: r["id"])
    doc: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "export_id": secrets.token_hex(16),
        "created_at": "2026-11-21T10:00:00Z", "app_version": "0.1.0", "taxonomy_version": "1",
        "supporter": {"id": supporter_id or secrets.token_hex(16), "alias": alias},
        "period": {"granularity": granularity, "from": period_from, "to": period_to},
        "generalisation": {"period": granularity, "peer_key": True, "org_unit": org_unit},
        "record_count": len(records), "records_sha256": records_checksum(records),
        "records": records,
    }
    doc.update(overrides)
    return doc


def write_summary(path: Path, doc: dict[str, Any]) -> Path:
    path.write_bytes(encode_summary(doc))
    return path


def write_raw(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def dumps(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1)


DEMO_ALIASES = ("Amira", "Ben", None, "Chloé", "Dev", None, "Esi")


def demo_files(folder: Path, *, supporters: int = 6, records_each: int = 500, seed: int = 7,
               months: tuple[str, ...] = ("2026-07", "2026-08", "2026-09", "2026-10",
                                          "2026-11", "2026-12"),
               org_units: tuple[str, ...] = ("Finance", "Operations", "Customer Service"),
               ) -> list[Path]:
    """Summary files from several synthetic supporters (varied workloads), one per supporter."""
    rng = random.Random(seed)
    paths: list[Path] = []
    for number in range(supporters):
        count = max(3, int(records_each * rng.uniform(0.1, 1.6)))
        keys = [secrets.token_hex(32) for _ in range(max(1, count // 3))]
        records = [random_record(rng, rng.choice(months), keys, org_units)
                   for _ in range(count)]
        doc = envelope(records, alias=DEMO_ALIASES[number % len(DEMO_ALIASES)],
                       period_from=months[0], period_to=months[-1], org_unit=bool(org_units))
        paths.append(write_summary(folder / f"supporter-{number + 1}.json", doc))
    return paths
