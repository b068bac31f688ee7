"""An in-memory `FigureSource` for reporting tests: supporters' contacts, counted the way a
journal counts them (figures per supporter and month; people per supporter and period)."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from peerdesk.program.figures import (
    NOT_RECORDED,
    MonthFigures,
    PeopleFigures,
    SupporterInfo,
)
from peerdesk.taxonomy import default_taxonomy

FORMAL = frozenset({"considering_formal_report", "will_report_formally"})
SECRET = bytes(range(32))


@dataclass(frozen=True)
class Contact:
    supporter_id: str
    month: str
    person: str
    channel: str = "in_person"
    contact: str = "first"
    behaviours: tuple[str, ...] = ("work_related",)
    source_relation: str | None = "manager"
    referral_types: tuple[str, ...] = ()
    next_step: str | None = None
    follow_up_planned: bool = False
    risk: bool = False


def in_period(month: str, period: str) -> bool:
    if len(period) == 4:
        return month[:4] == period
    if "-Q" in period:
        return month[:4] == period[:4] and (int(month[5:7]) - 1) // 3 + 1 == int(period[-1])
    return month == period


@dataclass
class FakeFigures:
    """What a coordinator holds after importing every supporter's figures."""

    contacts: list[Contact] = field(default_factory=list)
    info: dict[str, SupporterInfo] = field(default_factory=dict)

    def add_supporter(self, supporter_id: str, alias: str | None = None,
                      org_unit: str | None = None) -> None:
        self.info[supporter_id] = SupporterInfo(supporter_id, alias, org_unit, "AB12 CD34",
                                                0, "2026-11-01T09:00:00Z")

    def add(self, *contacts: Contact) -> None:
        for contact in contacts:
            if contact.supporter_id not in self.info:
                self.add_supporter(contact.supporter_id)
            self.contacts.append(contact)

    def only(self, supporter_ids: Collection[str]) -> FakeFigures:
        """The program as it was when only these supporters had been imported."""
        wanted = set(supporter_ids)
        return FakeFigures([c for c in self.contacts if c.supporter_id in wanted],
                           {s: i for s, i in self.info.items() if s in wanted})

    def _chosen(self, supporter_ids: Collection[str] | None) -> list[Contact]:
        wanted = None if supporter_ids is None else set(supporter_ids)
        return [c for c in self.contacts if wanted is None or c.supporter_id in wanted]

    def month_figures(self, *, since: str | None = None, until: str | None = None,
                      supporter_ids: Collection[str] | None = None) -> list[MonthFigures]:
        groups: dict[tuple[str, str], list[Contact]] = defaultdict(list)
        for c in self._chosen(supporter_ids):
            if (since is None or c.month >= since) and (until is None or c.month <= until):
                groups[(c.supporter_id, c.month)].append(c)
        out = []
        for (sid, month), contacts in sorted(groups.items()):
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for c in contacts:
                counts["channel"][c.channel] += 1
                counts["contact"][c.contact] += 1
                counts["source_relation"][c.source_relation or NOT_RECORDED] += 1
                counts["next_step"][c.next_step or NOT_RECORDED] += 1
                counts["behaviour"].update(c.behaviours)
                counts["referral_type"].update(c.referral_types)
            out.append(MonthFigures(
                sid, month, len(contacts), {k: dict(v) for k, v in counts.items()},
                follow_up_planned=sum(c.follow_up_planned for c in contacts),
                with_referral=sum(bool(c.referral_types) for c in contacts),
                with_risk=sum(c.risk for c in contacts)))
        return out

    def people_figures(self, periods: Collection[str], *,
                       supporter_ids: Collection[str] | None = None) -> list[PeopleFigures]:
        out = []
        chosen = self._chosen(supporter_ids)
        for period in periods:
            seen: dict[str, Counter[str]] = defaultdict(Counter)
            formal: dict[str, set[str]] = defaultdict(set)
            for c in chosen:
                if in_period(c.month, period):
                    seen[c.supporter_id][c.person] += 1
                    if c.next_step in FORMAL:
                        formal[c.supporter_id].add(c.person)
            for sid, people in sorted(seen.items()):
                out.append(PeopleFigures(sid, period, len(people),
                                         sum(1 for n in people.values() if n > 1),
                                         len(formal[sid])))
        return out

    def supporters(self) -> list[SupporterInfo]:
        return list(self.info.values())

    def months_with_data(self) -> list[str]:
        return sorted({c.month for c in self.contacts})


def random_program(rng: random.Random, supporters: Sequence[tuple[str, str | None]],
                   months: Sequence[str], per_month: tuple[int, int] = (0, 9)) -> FakeFigures:
    """Supporters (id, org unit) with a random number of contacts in each month."""
    tax = default_taxonomy()
    channels = list(tax.field("channel").codes())
    behaviours = list(tax.field("behaviour").codes())
    sources = list(tax.field("source_relation").codes())
    steps = list(tax.field("next_step").codes())
    referrals = list(tax.field("referral_type").codes())
    program = FakeFigures()
    for sid, unit in supporters:
        program.add_supporter(sid, None, unit)
        people = [f"{sid}-p{n}" for n in range(6)]
        for month in months:
            for _ in range(rng.randint(*per_month)):
                program.add(Contact(
                    sid, month, rng.choice(people),
                    channel=rng.choices(channels, [5, 3, 2, 1, 0.5])[0],
                    contact=rng.choice(["first", "follow_up"]),
                    behaviours=tuple(sorted(set(rng.sample(behaviours, rng.randint(1, 2))))),
                    source_relation=rng.choice([*sources, None]),
                    referral_types=tuple(rng.sample(referrals, rng.randint(0, 1))),
                    next_step=rng.choice([*steps, None]),
                    follow_up_planned=rng.random() < 0.4, risk=rng.random() < 0.1))
    return program
