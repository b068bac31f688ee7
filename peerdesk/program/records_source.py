"""A `FigureSource` over the record-level program store (summary format v1).

Transitional: summary format v2 (#14) makes `ProgramStore` a `FigureSource` itself; then
`figure_source` returns the store and this module goes. Nothing else in the reporting side
knows about records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from typing import Any

from peerdesk.program.figures import (
    NOT_RECORDED,
    FigureSource,
    MonthFigures,
    PeopleFigures,
    SupporterInfo,
)
from peerdesk.program.store import ProgramRow, ProgramStore

FORMAL_NEXT_STEPS = frozenset({"considering_formal_report", "will_report_formally"})


def figure_source(connection: Any) -> FigureSource:
    """The coordinator's figures on `connection` (a vault or a worker's own connection)."""
    return RecordFigureSource(ProgramStore(connection))


def _in_period(month: str, period: str) -> bool:
    if len(period) == 4:
        return month.startswith(period + "-")
    if "-Q" in period:
        quarter = int(period[-1])
        return month[:4] == period[:4] and (int(month[5:7]) - 1) // 3 + 1 == quarter
    return month == period


class RecordFigureSource:
    def __init__(self, store: ProgramStore) -> None:
        self.store = store

    def _rows(self, since: str | None, until: str | None,
              supporter_ids: Collection[str] | None) -> list[ProgramRow]:
        wanted = None if supporter_ids is None else set(supporter_ids)
        return [row for row in self.store.rows(since=since, until=until)
                if wanted is None or row.supporter_id in wanted]

    def month_figures(self, *, since: str | None = None, until: str | None = None,
                      supporter_ids: Collection[str] | None = None) -> list[MonthFigures]:
        groups: dict[tuple[str, str], list[ProgramRow]] = defaultdict(list)
        for row in self._rows(since, until, supporter_ids):
            groups[(row.supporter_id, row.month)].append(row)
        out: list[MonthFigures] = []
        for (supporter_id, month), rows in sorted(groups.items()):
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for row in rows:
                counts["kind"][row.kind] += 1
                counts["contact"][row.contact] += 1
                counts["channel"][row.channel] += 1
                counts["source_relation"][row.source_relation or NOT_RECORDED] += 1
                counts["next_step"][row.next_step or NOT_RECORDED] += 1
                for name, codes in (("behaviour", row.behaviours), ("risk_flag", row.risk_flags),
                                    ("support_given", row.support_given),
                                    ("referral_type", row.referral_types)):
                    counts[name].update(codes)
            out.append(MonthFigures(
                supporter_id=supporter_id, month=month, contacts=len(rows),
                counts={name: dict(c) for name, c in counts.items()},
                follow_up_planned=sum(r.follow_up_planned for r in rows),
                with_referral=sum(bool(r.referral_types) or "referral" in r.support_given
                                  for r in rows),
                with_risk=sum(bool(r.risk_flags) for r in rows)))
        return out

    def people_figures(self, periods: Collection[str], *,
                       supporter_ids: Collection[str] | None = None) -> list[PeopleFigures]:
        rows = self._rows(None, None, supporter_ids)
        out: list[PeopleFigures] = []
        for period in periods:
            contacts: dict[str, Counter[str]] = defaultdict(Counter)
            formal: dict[str, set[str]] = defaultdict(set)
            for row in rows:
                if row.peer_key is None or not _in_period(row.month, period):
                    continue
                contacts[row.supporter_id][row.peer_key] += 1
                if row.next_step in FORMAL_NEXT_STEPS:
                    formal[row.supporter_id].add(row.peer_key)
            for supporter_id, people in sorted(contacts.items()):
                out.append(PeopleFigures(
                    supporter_id, period, people=len(people),
                    people_repeat=sum(1 for n in people.values() if n > 1),
                    people_formal=len(formal[supporter_id])))
        return out

    def supporters(self) -> list[SupporterInfo]:
        units: dict[str, str | None] = {}
        months: dict[str, set[str]] = defaultdict(set)
        for row in self.store.rows():
            units.setdefault(row.supporter_id, row.org_unit)
            months[row.supporter_id].add(row.month)
        last: dict[str, str] = {}
        for entry in reversed(self.store.history()):
            last[entry.supporter_id] = entry.imported_at
        return [SupporterInfo(sid, alias, units.get(sid), "", len(months[sid]), last.get(sid))
                for sid, alias in self.store.supporters()]

    def months_with_data(self) -> list[str]:
        span = self.store.period_range()
        if span is None:
            return []
        return sorted({row.month for row in self.store.rows()})
