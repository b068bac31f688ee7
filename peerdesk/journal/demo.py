"""Synthetic sessions for demos, screenshots and benchmarks.

Realistic and varied but entirely made up: no real names anywhere (notes come from templates
that only say "they", "their manager", "a colleague"), peer codes are generated. The same
seed and `today` always give the same sessions (summary ids included).

Distributions, roughly: most sessions one-to-one, in person or by video; work- and
person-related behaviour most common; about 78% consent to be counted; about 8% carry a risk
flag; about 40% plan a follow-up, most of the past ones done, some overdue; about a third are
repeat contacts with the same peer code; dates spread over the past 18 months, mostly on
weekdays and in working hours.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import generate_peer_code
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault
from peerdesk.vault.keyslots import MINIMUM_ARGON2

T = TypeVar("T")

SPAN_DAYS = 548  # about 18 months
CONSENT_RATE = 0.78
RISK_RATE = 0.08
FOLLOW_UP_RATE = 0.40
REPEAT_RATE = 0.33

_KIND = (("one_to_one", 92), ("group", 8))
_CHANNEL = (("in_person", 46), ("video", 30), ("phone", 13), ("chat", 8), ("email", 3))
_ORIGIN = (("self_referred", 55), ("colleague_suggested", 20), ("manager_hr_referred", 14),
           ("supporter_outreach", 8), (None, 3))
_BEHAVIOUR = {"work_related": 0.62, "person_related": 0.55, "physical_intimidation": 0.07,
              "online": 0.2, "protected_characteristic": 0.12, "retaliation": 0.09}
_PERSISTENCE = (("under_one_month", 24), ("one_to_six_months", 44), ("over_six_months", 27),
                (None, 5))
_SOURCE = (("manager", 44), ("peer", 30), ("several", 9), ("third_party", 6),
           ("direct_report", 4), ("not_said", 7))
_IMPACT = {"wellbeing": 0.72, "sleep_health": 0.33, "work_performance": 0.4,
           "considering_leaving": 0.19, "time_off": 0.1}
_RISK = (("immediate_safety", 25), ("self_harm", 35), ("health_crisis", 40))
_SUPPORT = {"listened": 0.96, "explored_options": 0.6, "coping_strategies": 0.34,
            "reporting_options": 0.36, "documenting": 0.22, "referral": 0.3}
_REFERRAL = (("eap", 30), ("hr", 18), ("union_rep", 14), ("occupational_health", 10),
             ("ombudsperson", 6), ("legal_advice", 5), ("external_helpline", 8), ("other", 4),
             ("medical", 5))
_RISK_REFERRAL = (("crisis_line", 45), ("medical", 35), ("eap", 20))
_NEXT_STEP = (("considering_formal_report", 24), ("will_report_formally", 9),
              ("informal_resolution", 27), ("no_action", 30), ("other", 5), (None, 5))
_ONE_TO_ONE_MINUTES = ((10, 3), (15, 8), (20, 12), (30, 30), (40, 10), (45, 18), (60, 13),
                       (75, 3), (90, 3))
_GROUP_MINUTES = ((45, 30), (60, 45), (90, 25))

# Note fragments: general, never a name, never anything that could point to a person.
_OPENINGS = {
    "work_related": [
        "Talked about being left off the rota again",
        "They described deadlines that keep moving without warning",
        "Workload was taken away and given to others without explanation",
        "Talked about being excluded from team meetings",
        "They said their work is checked far more than anyone else's",
        "Described being given tasks well below their role",
    ],
    "person_related": [
        "They described repeated comments about their appearance",
        "Talked about being laughed at in front of the team",
        "Described being ignored when they speak in meetings",
        "They said rumours are being spread about them",
        "Talked about constant sarcastic remarks",
    ],
    "physical_intimidation": [
        "They described being shouted at across the office",
        "Talked about someone standing over their desk in a threatening way",
        "Described a door being slammed in their face",
    ],
    "online": [
        "Talked about mocking messages in the team chat",
        "They described being left out of the group chat on purpose",
        "Described late-night messages that felt hostile",
    ],
    "protected_characteristic": [
        "Talked about jokes aimed at their accent",
        "They described remarks about their faith",
        "Described comments about their age in front of others",
    ],
    "retaliation": [
        "They feel treated differently since raising a concern",
        "Talked about a sudden poor review after speaking up",
        "Described being moved to a worse shift after a complaint",
    ],
    "": [
        "A general check-in about how things are going at work",
        "They wanted to talk through a difficult week",
    ],
}
_SUPPORT_SENTENCES = {
    "explored_options": "explored options and what they want to happen next",
    "coping_strategies": "went through a few coping strategies for the worst days",
    "reporting_options": "explained the formal and informal reporting routes",
    "documenting": "talked about keeping a dated record of incidents",
    "referral": "shared where they can get further support",
    "safety_planning": "made a short safety plan together",
}
_FEELINGS = [
    "They seemed relieved to be heard.",
    "They were tired but clear about what they want.",
    "They were upset at first and calmer by the end.",
    "They are worried about how this affects their work.",
    "They said talking helped.",
    "They were unsure whether it is worth raising.",
]
_FOLLOW_UP_NOTES = [
    "Follow-up: things are a little better since last time.",
    "Follow-up: nothing has changed yet.",
    "Follow-up: it has got worse since we last spoke.",
    "Follow-up: they have started writing things down.",
]
_NEXT_SENTENCES = {
    "considering_formal_report": "They are thinking about a formal report.",
    "will_report_formally": "They plan to report it formally.",
    "informal_resolution": "They want to try to sort it out informally first.",
    "no_action": "They want to leave it for now.",
    "other": "They will think about what to do.",
}
_REFLECTIONS = [
    "A heavy conversation; I took a walk afterwards.",
    "I felt useful today.",
    "Reminded me of my own experience; worth talking to my supervisor about.",
    "I need to keep boundaries on time better.",
    "Good session, felt calm.",
]


def _weighted(rng: random.Random, table: Sequence[tuple[T, int]]) -> T:
    total = sum(weight for _, weight in table)
    pick = rng.uniform(0, total)
    upto = 0.0
    for value, weight in table:
        upto += weight
        if pick <= upto:
            return value
    return table[-1][0]


def _some(rng: random.Random, rates: dict[str, float]) -> frozenset[str]:
    return frozenset(code for code, rate in rates.items() if rng.random() < rate)


@dataclass
class _Peer:
    code: str
    behaviours: frozenset[str]
    source_relation: str
    persistence: str | None
    last_seen: dt.date


def _dates(rng: random.Random, count: int, today: dt.date) -> list[dt.date]:
    """`count` dates over the past SPAN_DAYS, weekdays about six times likelier, sorted."""
    days = [today - dt.timedelta(days=offset) for offset in range(SPAN_DAYS, -1, -1)]
    weights = [1 if day.weekday() >= 5 else 6 for day in days]
    cumulative: list[int] = []
    running = 0
    for weight in weights:
        running += weight
        cumulative.append(running)
    picks = [bisect.bisect_left(cumulative, rng.uniform(0, running)) for _ in range(count)]
    return sorted(days[min(index, len(days) - 1)] for index in picks)


def _notes(rng: random.Random, behaviours: frozenset[str], support: frozenset[str],
           next_step: str | None, follow_up: bool) -> str:
    parts: list[str] = []
    if follow_up and rng.random() < 0.7:
        parts.append(rng.choice(_FOLLOW_UP_NOTES))
    key = rng.choice(sorted(behaviours)) if behaviours else ""
    opening = rng.choice(_OPENINGS[key])
    actions = [_SUPPORT_SENTENCES[s] for s in sorted(support) if s in _SUPPORT_SENTENCES]
    rng.shuffle(actions)
    if actions:
        opening += "; " + "; ".join(actions[:2])
    parts.append(opening + ".")
    if rng.random() < 0.6:
        parts.append(rng.choice(_FEELINGS))
    if next_step is not None and rng.random() < 0.7:
        parts.append(_NEXT_SENTENCES[next_step])
    return " ".join(parts)


def generate_sessions(count: int, seed: int, today: dt.date) -> Iterator[Session]:
    """`count` synthetic sessions dated up to `today`, oldest first; deterministic per seed."""
    rng = random.Random(seed)  # noqa: S311 - made-up data, reproducible on purpose
    peers: list[_Peer] = []
    for day in _dates(rng, count, today):
        recent = [p for p in peers[-40:] if (day - p.last_seen).days <= 120]
        repeat = bool(recent) and rng.random() < REPEAT_RATE
        if repeat:
            peer = rng.choice(recent)
            peer.last_seen = day
        else:
            behaviours = _some(rng, _BEHAVIOUR)
            if not behaviours and rng.random() < 0.8:
                behaviours = frozenset({_weighted(rng, (("work_related", 3),
                                                        ("person_related", 2)))})
            peer = _Peer(code=generate_peer_code(rng), behaviours=behaviours,
                         source_relation=_weighted(rng, _SOURCE),
                         persistence=_weighted(rng, _PERSISTENCE), last_seen=day)
            peers.append(peer)
        yield _session(rng, day, peer, repeat, today)


def _session(rng: random.Random, day: dt.date, peer: _Peer, repeat: bool,
             today: dt.date) -> Session:
    kind = _weighted(rng, _KIND)
    group = kind == "group"
    risk: frozenset[str] = frozenset()
    if rng.random() < RISK_RATE:
        risk = frozenset({_weighted(rng, _RISK)})
        if rng.random() < 0.15:
            risk |= {_weighted(rng, _RISK)}
    support = _some(rng, _SUPPORT) | {"listened"} if rng.random() < 0.97 else _some(rng, _SUPPORT)
    referral_types: frozenset[str] = frozenset()
    if risk:
        support |= {"safety_planning", "referral"}
        referral_types = frozenset({_weighted(rng, _RISK_REFERRAL)})
    elif "referral" in support:
        referral_types = frozenset({_weighted(rng, _REFERRAL)})
    next_step = _weighted(rng, _NEXT_STEP)
    follow_up_date: dt.date | None = None
    follow_up_done = False
    if risk or rng.random() < FOLLOW_UP_RATE:
        follow_up_date = day + dt.timedelta(days=rng.choice((2, 3, 7, 7, 14, 14, 21, 28)))
        if follow_up_date < today:
            follow_up_done = rng.random() < (0.55 if (today - follow_up_date).days < 21 else 0.97)
    start_time = None
    if rng.random() < 0.85:
        start_time = dt.time(rng.randint(8, 18), rng.choice(range(0, 60, 5)))
    minutes = _weighted(rng, _GROUP_MINUTES if group else _ONE_TO_ONE_MINUTES)
    return Session(
        date=day,
        start_time=start_time,
        duration_minutes=minutes,
        kind=kind,
        group_size=rng.randint(3, 12) if group else None,
        contact="follow_up" if repeat else "first",
        channel=_weighted(rng, _CHANNEL),
        origin=None if repeat and rng.random() < 0.5 else _weighted(rng, _ORIGIN),
        behaviours=peer.behaviours,
        persistence=peer.persistence,
        source_relation=peer.source_relation,
        impacts=_some(rng, _IMPACT),
        risk_flags=risk,
        support_given=support,
        referral_types=referral_types,
        next_step=next_step,
        follow_up_date=follow_up_date,
        follow_up_done=follow_up_done,
        consent_to_count=rng.random() < CONSENT_RATE,
        conflict_of_interest=rng.random() < 0.04,
        peer_code="" if group else peer.code,
        notes=_notes(rng, peer.behaviours, support, next_step, repeat),
        reflection=rng.choice(_REFLECTIONS) if rng.random() < 0.25 else "",
        summary_id=_demo_summary_id(rng.getrandbits(128)),
    )


# Every synthetic session's summary id starts with this tag, so `peerdesk demo` can tell a
# journal of demo sessions from one holding sessions someone wrote. Real ids are 128 random
# bits: one starting with these 64 bits by chance is a 1-in-2^64 event.
DEMO_SUMMARY_ID_TAG = "de30de30de30de30"


def _demo_summary_id(random_bits: int) -> str:
    return DEMO_SUMMARY_ID_TAG + f"{random_bits & (2**64 - 1):016x}"


def is_demo_summary_id(summary_id: str) -> bool:
    return summary_id.startswith(DEMO_SUMMARY_ID_TAG)


def count_sessions_not_from_demo(vault: Vault) -> int:
    """How many sessions in `vault` the demo did not write (for `peerdesk demo`'s guard)."""
    return SessionRepository(vault).count_without_summary_id_prefix(DEMO_SUMMARY_ID_TAG)


def fill_journal(vault: Vault, count: int, seed: int, today: dt.date | None = None,
                 batch: int = 5000) -> int:
    """Add `count` synthetic sessions; each batch is one transaction. Returns how many."""
    repo = SessionRepository(vault)
    sessions = generate_sessions(count, seed, today or dt.date.today())
    added = 0
    while added < count:
        chunk = [s for _, s in zip(range(min(batch, count - added)), sessions, strict=False)]
        if not chunk:
            break
        added += repo.add_many(chunk)
    return added


def create_demo_journal(path: Path, passphrase: str, count: int = 2000, seed: int = 1,
                        today: dt.date | None = None, *, folder: bool = True) -> int:
    """Create a new journal at `path` filled with synthetic sessions; it is closed after.

    Refuses an existing file (`VaultExistsError`). Returns the number of sessions added.
    `folder=False` makes an old-style single file (the benchmarks compare it with raw
    SQLCipher; the key slots' own cost has rows of its own).
    """
    # A throwaway journal under a random passphrase: Argon2id's floor, no calibration wait.
    with Vault.create(path, passphrase, argon2=MINIMUM_ARGON2, folder=folder) as vault:
        mark_demo_journal(vault)
        return fill_journal(vault, count, seed, today)


DEMO_SETTING = "journal.demo_data"


def mark_demo_journal(vault: Vault) -> None:
    """Remember that this journal holds synthetic data (the GUI shows a banner for it)."""
    vault.write_setting(DEMO_SETTING, True)


def is_demo_journal(vault: Vault) -> bool:
    return vault.read_setting(DEMO_SETTING) is True
