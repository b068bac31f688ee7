"""Build signed v2 summary files for program tests (through the export's own document code)."""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from peerdesk.exchange.format import encode_file, signed_content
from peerdesk.exchange.keys import SigningKey
from peerdesk.program.demo import DemoContact, demo_key, make_contact, summary_document
from peerdesk.program.importer import Enrolment

ACCEPT = Enrolment(accept_new=True)  # test files come from fictional supporters

_DEFAULT_CODES: dict[str, tuple[str, ...]] = {
    "kind": ("one_to_one",), "contact": ("first",), "channel": ("in_person",),
    "origin": ("self_referred",), "persistence": ("one_to_six_months",),
    "source_relation": ("manager",), "next_step": ("considering_formal_report",),
    "duration_band": ("30_to_44",), "group_size_band": (),
    "behaviour": ("person_related", "work_related"), "impact": ("wellbeing",),
    "risk_flag": (), "support_given": ("listened", "referral"), "referral_type": ("eap",),
}


def contact(month: str = "2026-10", peer: int = 0, follow_up_planned: bool = True,
            **codes: Any) -> DemoContact:
    """One contact; `codes` override fields (a code, None, or a tuple of codes)."""
    merged = dict(_DEFAULT_CODES)
    for field, value in codes.items():
        merged[field] = (() if value is None else (value,) if isinstance(value, str)
                         else tuple(value))
    return DemoContact(month, peer, merged, follow_up_planned)


def new_key(seed: int | None = None) -> SigningKey:
    return demo_key(random.Random(seed if seed is not None else secrets.randbits(64)))


def signed(contacts: Sequence[DemoContact], *, supporter_id: str | None = None,
           key: SigningKey | None = None, sequence: int = 1, alias: str | None = "sam-2",
           org_unit: str | None = None) -> dict[str, Any]:
    return summary_document(contacts, supporter_id=supporter_id or secrets.token_hex(16),
                            key=key or new_key(), sequence=sequence, alias=alias,
                            org_unit=org_unit)


def resign(document: dict[str, Any], key: SigningKey) -> dict[str, Any]:
    """`document` signed again by `key` (its public key put in first): a forger's tool."""
    copy = json.loads(json.dumps(document))
    copy["supporter"]["public_key"] = key.public_hex
    copy["signature"] = key.sign(signed_content(copy))
    return copy


def write_summary(path: Path, document: dict[str, Any]) -> Path:
    path.write_bytes(encode_file(document))
    return path


def write_raw(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


DEMO_ALIASES = ("amber-1", "blue-team", None, "cedar-4", "delta", None, "east-7")


def demo_files(folder: Path, *, supporters: int = 6, records_each: int = 500, seed: int = 7,
               months: tuple[str, ...] = ("2026-07", "2026-08", "2026-09", "2026-10",
                                          "2026-11", "2026-12"),
               org_units: tuple[str, ...] = ("Finance", "Operations", "Customer Service"),
               ) -> list[Path]:
    """Signed files from several synthetic supporters (varied workloads), one per supporter."""
    rng = random.Random(seed)
    paths: list[Path] = []
    for number in range(supporters):
        count = max(3, int(records_each * rng.uniform(0.1, 1.6)))
        people = max(1, count // 3)
        contacts = [make_contact(rng, rng.choice(months), rng.randrange(people))
                    for _ in range(count)]
        doc = summary_document(
            contacts, supporter_id=f"{number:02d}" + secrets.token_hex(15), key=demo_key(rng),
            alias=DEMO_ALIASES[number % len(DEMO_ALIASES)],
            org_unit=org_units[number % len(org_units)] if org_units else None)
        paths.append(write_summary(folder / f"supporter-{number + 1}.json", doc))
    return paths
