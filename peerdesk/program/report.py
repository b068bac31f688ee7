"""The protected program report: every figure the dashboard, PDF and CSV show, as codes.

`prepare_report` is the only way from a `FigureSource` to something a person sees: it makes the
atoms (`peerdesk.program.aggregate`), rounds them (`peerdesk.program.disclosure`) and builds the
headlines and tables from the rounded values only. Rows and columns are codes and "YYYY-MM"
months; `peerdesk.program.labels` turns them into words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk import __version__
from peerdesk.program.aggregate import FLAG_FIELD, Atoms, collect, months_between
from peerdesk.program.disclosure import (
    DEFAULT_K,
    Atom,
    CellKey,
    DisclosureError,
    Rounder,
    check_k,
    percent,
)
from peerdesk.program.figures import NOT_RECORDED, FigureSource, SupporterInfo
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.translation import msg

DEFAULT_PROGRAM_NAME = msg("Peer support program")
MONTHS_TABLE = "contacts_by_month"


@dataclass(frozen=True)
class ProgramFilter:
    since: str | None = None          # "YYYY-MM", inclusive; None: the first month with data
    until: str | None = None          # "YYYY-MM", inclusive; None: the last month with data
    org_unit: str | None = None       # None: every supporter


@dataclass(frozen=True)
class TableSpec:
    key: str
    row_field: str                    # a taxonomy field, or "month"
    column_field: str | None          # a taxonomy field; None: one column named `column`
    column: str = "contacts"
    multi_valued: bool = False
    not_recorded: bool = False        # a "Not recorded" row for a single-valued field


TABLES: tuple[TableSpec, ...] = (
    TableSpec(MONTHS_TABLE, "month", "channel"),
    TableSpec("behaviours", "behaviour", None, multi_valued=True),
    TableSpec("source_relation", "source_relation", None, not_recorded=True),
    TableSpec("referrals", "referral_type", None, column="referrals", multi_valued=True),
    TableSpec("next_steps", "next_step", None, not_recorded=True),
)


@dataclass(frozen=True)
class ShownTable:
    """A table of shown figures ("0", "<k" or a multiple of k), rows and columns as codes."""

    key: str
    row_field: str
    column_field: str | None
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...]
    column_totals: tuple[str, ...]
    grand_total: str
    multi_valued: bool
    k: int


@dataclass(frozen=True)
class ShownHeadline:
    key: str
    text: str                         # "40", "<5", "37%" or "—"
    count: str | None = None          # for rates: the count and the base it is a share of
    base: str | None = None


@dataclass(frozen=True)
class ProtectedReport:
    program_name: str                 # the default name is a message, translated with the report
    since: str | None                 # the months covered (None when there is no data)
    until: str | None
    k: int
    headlines: tuple[ShownHeadline, ...]
    tables: tuple[ShownTable, ...]
    supporters: tuple[SupporterInfo, ...]   # every supporter in the selected group, listed
    all_supporters: tuple[SupporterInfo, ...]  # for numbering supporters without an alias
    generated_on: dt.date
    app_version: str = __version__
    org_unit: str | None = None

    def table(self, key: str) -> ShownTable:
        return next(t for t in self.tables if t.key == key)

    def headline(self, key: str) -> ShownHeadline:
        return next(h for h in self.headlines if h.key == key)


def offered_units(supporters: Sequence[SupporterInfo], k: int) -> list[str]:
    """The organisation units a view may be limited to: each holds at least k supporters, and
    what no offered unit covers is empty or holds at least k, so no difference of two views
    ("all" minus units) singles out fewer than k supporters."""
    sizes: dict[str, int] = {}
    for info in supporters:
        if info.org_unit:
            sizes[info.org_unit] = sizes.get(info.org_unit, 0) + 1
    offered = sorted((unit for unit, n in sizes.items() if n >= k), key=lambda u: (sizes[u], u))
    rest = len(supporters) - sum(sizes[u] for u in offered)
    while offered and 0 < rest < k:
        rest += sizes[offered.pop(0)]   # the smallest unit joins the rest
    return sorted(offered)


def _group(supporters: Sequence[SupporterInfo], org_unit: str | None,
           k: int) -> list[SupporterInfo]:
    if org_unit is None:
        return list(supporters)
    if org_unit not in offered_units(supporters, k):
        raise DisclosureError(msg(
            "Figures for the unit “{unit}” are not shown: it, or the rest of the program "
            "beside it, has fewer than {k} supporters, so comparing views could single one "
            "out. Choose all units.", unit=org_unit, k=k))
    return [info for info in supporters if info.org_unit == org_unit]


def _table(spec: TableSpec, atoms: Atoms, rounder: Rounder, taxonomy: Taxonomy) -> ShownTable:
    shown = rounder.shown
    if spec.row_field == "month":
        assert spec.column_field is not None
        columns = list(taxonomy.field(spec.column_field).codes())
        if NOT_RECORDED in atoms.codes(spec.column_field):
            columns.append(NOT_RECORDED)
        grid = [[atoms.month_atoms(spec.column_field, c, [m]) for c in columns]
                for m in atoms.months]
        rows = list(atoms.months)
    else:
        rows = list(taxonomy.field(spec.row_field).codes())
        if spec.not_recorded:
            rows.append(NOT_RECORDED)
        columns = [spec.column]
        grid = [[atoms.month_atoms(spec.row_field, r)] for r in rows]

    def flat(lists: Sequence[list[Atom]]) -> list[Atom]:
        return [a for atoms_ in lists for a in atoms_]

    return ShownTable(
        key=spec.key, row_field=spec.row_field, column_field=spec.column_field,
        rows=tuple(rows), columns=tuple(columns),
        cells=tuple(tuple(shown(cell) for cell in row) for row in grid),
        row_totals=tuple(shown(flat(row)) for row in grid),
        column_totals=tuple(shown(flat([row[j] for row in grid])) for j in range(len(columns))),
        grand_total=shown(flat([cell for row in grid for cell in row])),
        multi_valued=spec.multi_valued, k=rounder.k,
    )


def _headlines(atoms: Atoms, rounder: Rounder, group: Sequence[SupporterInfo],
               taxonomy: Taxonomy) -> tuple[ShownHeadline, ...]:
    shown = rounder.shown
    # Contacts are the sum of the channel atoms: the same figure as the month table's total.
    channels = [*taxonomy.field("channel").codes(), NOT_RECORDED]
    contacts = shown([a for c in channels for a in atoms.month_atoms("channel", c)])
    people = shown(atoms.people_atoms("people"))

    def flag(name: str) -> str:
        return shown(atoms.month_atoms(FLAG_FIELD, name))

    def rate(key: str, count: str, base: str) -> ShownHeadline:
        return ShownHeadline(key, percent(count, base), count, base)

    formal = shown(atoms.people_atoms("people_formal"))
    return (
        ShownHeadline("contacts", contacts),
        ShownHeadline("people", people),
        ShownHeadline("first_contacts", shown(atoms.month_atoms("contact", "first"))),
        ShownHeadline("follow_up_contacts", shown(atoms.month_atoms("contact", "follow_up"))),
        ShownHeadline("supporters", str(len(group))),
        rate("follow_up_planned", flag("follow_up_planned"), contacts),
        rate("referral_rate", flag("with_referral"), contacts),
        ShownHeadline("risk_escalations", flag("with_risk")),
        rate("formal_report_share", formal, people),
    )


def prepare_report(source: FigureSource, flt: ProgramFilter | None = None, *,
                   secret: bytes, k: int = DEFAULT_K,
                   program_name: str = DEFAULT_PROGRAM_NAME,
                   generated_on: dt.date | None = None,
                   taxonomy: Taxonomy | None = None) -> ProtectedReport:
    """The protected figures for `flt` with threshold `k`; `secret` is the journal's cell key
    (`peerdesk.program.cell_secret`)."""
    check_k(k)
    flt = flt or ProgramFilter()
    taxonomy = taxonomy or default_taxonomy()
    everyone = source.supporters()
    group = _group(everyone, flt.org_unit, k)
    held = source.months_with_data()
    since = flt.since or (held[0] if held else None)
    until = flt.until or (held[-1] if held else None)
    months = months_between(since, until) if since and until and since <= until else []
    rounder = Rounder(k, CellKey(secret))
    atoms = collect(source, months, [info.supporter_id for info in group], rounder)
    name = program_name.strip()
    return ProtectedReport(
        program_name=name if name and name != DEFAULT_PROGRAM_NAME else DEFAULT_PROGRAM_NAME,
        since=since, until=until, k=k,
        headlines=_headlines(atoms, rounder, group, taxonomy),
        tables=tuple(_table(spec, atoms, rounder, taxonomy) for spec in TABLES),
        supporters=tuple(group), all_supporters=tuple(everyone),
        generated_on=generated_on or dt.date.today(), org_unit=flt.org_unit,
    )
