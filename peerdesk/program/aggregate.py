"""Program figures from the imported records: headline counts and count tables.

Everything here is a RAW count. Nothing from this module may reach a person without
passing `peerdesk.program.disclosure` first (dashboard, PDF and CSV all do).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from peerdesk.program.store import ProgramStore
from peerdesk.taxonomy import Taxonomy, default_taxonomy

FORMAL_NEXT_STEPS = frozenset({"considering_formal_report", "will_report_formally"})
NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class ProgramFilter:
    since: str | None = None          # "YYYY-MM", inclusive
    until: str | None = None          # "YYYY-MM", inclusive
    org_unit: str | None = None
    supporter_id: str | None = None


@dataclass(frozen=True)
class CountTable:
    key: str
    title: str
    row_header: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]   # raw counts: never shown without disclosure control
    multi_valued: bool = False           # a contact can count in several rows (totals = mentions)


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    value: int
    denominator: int | None = None       # for rates: value / denominator


@dataclass(frozen=True)
class ProgramSummary:
    filter: ProgramFilter
    headlines: tuple[Headline, ...]
    tables: tuple[CountTable, ...]

    def headline(self, key: str) -> Headline:
        return next(h for h in self.headlines if h.key == key)

    def table(self, key: str) -> CountTable:
        return next(t for t in self.tables if t.key == key)


@dataclass(frozen=True)
class RecordCounts:
    """Raw counts over the figures that match a filter (stopgap until the #15 rewrite reads
    `FigureSource` itself). Multi-valued codes are keyed by code; a missing single code by ""."""

    contacts: int
    first_contacts: int
    follow_up_planned: int
    referred: int
    with_risk: int
    peers: int                                     # people per supporter and month, added up
    formal_peers: int
    by_supporter: dict[str, int]
    by_month_channel: dict[tuple[str, str], int]
    behaviours: dict[str, int]
    source_relation: dict[str, int]
    referral_types: dict[str, int]
    next_step: dict[str, int]


def _record_counts(store: ProgramStore, flt: ProgramFilter) -> RecordCounts:
    supporter_ids: list[str] | None = None
    if flt.org_unit is not None:
        supporter_ids = store.supporters_in_unit(flt.org_unit)
    if flt.supporter_id is not None:
        supporter_ids = [s for s in (supporter_ids or [flt.supporter_id])
                         if s == flt.supporter_id]
    figures = store.month_figures(since=flt.since, until=flt.until,
                                  supporter_ids=supporter_ids)
    people = store.people_figures(sorted({f.month for f in figures}),
                                  supporter_ids=supporter_ids)
    totals: dict[str, Counter[str]] = {name: Counter() for name in (
        "contact", "behaviour", "source_relation", "referral_type", "next_step")}
    by_supporter: Counter[str] = Counter()
    by_month_channel: Counter[tuple[str, str]] = Counter()
    for month in figures:
        by_supporter[month.supporter_id] += month.contacts
        for channel, n in month.counts.get("channel", {}).items():
            by_month_channel[(month.month, channel)] += n
        for name, counter in totals.items():
            counter.update(month.counts.get(name, {}))
    return RecordCounts(
        contacts=sum(f.contacts for f in figures), first_contacts=totals["contact"]["first"],
        follow_up_planned=sum(f.follow_up_planned for f in figures),
        referred=sum(f.with_referral for f in figures),
        with_risk=sum(f.with_risk for f in figures),
        peers=sum(p.people for p in people), formal_peers=sum(p.people_formal for p in people),
        by_supporter=dict(by_supporter), by_month_channel=dict(by_month_channel),
        behaviours=dict(totals["behaviour"]), source_relation=dict(totals["source_relation"]),
        referral_types=dict(totals["referral_type"]), next_step=dict(totals["next_step"]),
    )


def month_label(month: str) -> str:
    """"2026-10" → "Oct 2026"."""
    year, number = month.split("-")
    return f"{dt.date(int(year), int(number), 1):%b} {year}"


def months_between(first: str, last: str) -> list[str]:
    year, month = (int(p) for p in first.split("-"))
    end = tuple(int(p) for p in last.split("-"))
    out: list[str] = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def _one_column(key: str, title: str, row_header: str, field: str, counts: Counter[str],
                taxonomy: Taxonomy, *, none_label: str | None = None,
                multi_valued: bool = False, column: str = "Contacts") -> CountTable:
    options = taxonomy.field(field).options
    rows = [option.label for option in options]
    values = [counts.get(option.code, 0) for option in options]
    if none_label is not None:
        rows.append(none_label)
        values.append(counts.get("", 0))
    return CountTable(key, title, row_header, tuple(rows), (column,),
                      tuple((v,) for v in values), multi_valued)


def summarise(store: ProgramStore, flt: ProgramFilter,
              taxonomy: Taxonomy | None = None) -> ProgramSummary:
    """Count the records that match `flt` (raw numbers; protect before showing)."""
    taxonomy = taxonomy or default_taxonomy()
    counts = _record_counts(store, flt)
    labels = store.supporter_labels()
    return ProgramSummary(flt, _headlines(counts), _tables(counts, flt, labels, taxonomy))


def _headlines(c: RecordCounts) -> tuple[Headline, ...]:
    # peer keys are per journal, so a peer is (supporter, key): never linked across supporters
    return (
        Headline("contacts", "Contacts", c.contacts),
        Headline("unique_peers", "People supported", c.peers),
        Headline("first_contacts", "First contacts", c.first_contacts),
        Headline("follow_up_contacts", "Follow-up contacts", c.contacts - c.first_contacts),
        Headline("active_supporters", "Active supporters", len(c.by_supporter)),
        Headline("follow_up_planned", "Follow-up planned", c.follow_up_planned, c.contacts),
        Headline("referral_rate", "Contacts with a referral", c.referred, c.contacts),
        Headline("risk_escalations", "Contacts with a safety concern", c.with_risk),
        Headline("formal_report_share", "People considering or making a formal report",
                 c.formal_peers, c.peers),
    )


def _split_counts(grouped: dict[str, int]) -> Counter[str]:
    """Counts keyed by stored code lists ("a b") → counts per code (mentions)."""
    out: Counter[str] = Counter()
    for text, n in grouped.items():
        for code in text.split():
            out[code] += n
    return out


def _tables(c: RecordCounts, flt: ProgramFilter, supporter_labels: dict[str, str],
            taxonomy: Taxonomy) -> tuple[CountTable, ...]:
    channel_field = taxonomy.field("channel")
    channels = channel_field.codes()
    by_month: dict[str, Counter[str]] = {}
    for (month, channel), n in c.by_month_channel.items():
        by_month.setdefault(month, Counter())[channel] += n
    months: list[str] = []
    if by_month or (flt.since and flt.until):
        first = flt.since or min(by_month)
        last = flt.until or max(by_month)
        if by_month:
            first, last = min(first, min(by_month)), max(last, max(by_month))
        months = months_between(first, last)
    monthly = CountTable(
        "contacts_by_month", "Contacts per month by channel", "Month",
        tuple(month_label(m) for m in months), tuple(o.label for o in channel_field.options),
        tuple(tuple(by_month.get(m, Counter()).get(ch, 0) for ch in channels) for m in months),
    )

    behaviours = _split_counts(c.behaviours)
    sources: Counter[str] = Counter(c.source_relation)
    referrals = _split_counts(c.referral_types)
    next_steps: Counter[str] = Counter(c.next_step)

    per_supporter: Counter[str] = Counter(c.by_supporter)
    shown_ids = [sid for sid in supporter_labels if per_supporter.get(sid)]
    sessions = CountTable(
        "sessions_per_supporter", "Sessions per supporter", "Supporter",
        tuple(supporter_labels[sid] for sid in shown_ids), ("Sessions",),
        tuple((per_supporter[sid],) for sid in shown_ids),
    )
    return (
        monthly,
        _one_column("behaviours", "What is happening", "Behaviour", "behaviour", behaviours,
                    taxonomy, multi_valued=True),
        _one_column("source_relation", "Who the behaviour comes from", "Comes from",
                    "source_relation", sources, taxonomy, none_label=NOT_RECORDED),
        _one_column("referrals", "Referrals by type of resource", "Type of resource",
                    "referral_type", referrals, taxonomy, multi_valued=True,
                    column="Referrals"),
        _one_column("next_steps", "The person's next step", "Next step", "next_step",
                    next_steps, taxonomy, none_label=NOT_RECORDED),
        sessions,
    )
