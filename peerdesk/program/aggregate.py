"""The program's atoms: per month (people: per block of months) counts over a supporter group.

Everything is read through a `FigureSource` and keyed by codes: taxonomy codes, "YYYY-MM"
months, supporter ids. No display text here (`peerdesk.program.labels` makes the words), and
no count leaves without `peerdesk.program.disclosure.Rounder` (see `peerdesk.program.report`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from peerdesk.program.disclosure import ZERO, Atom, Rounder
from peerdesk.program.figures import FigureSource, MonthFigures

# Flags counted per month, beside the taxonomy fields (see MonthFigures).
FLAG_FIELD = "flag"
FLAGS = ("follow_up_planned", "with_referral", "with_risk")
PEOPLE_FIELD = "people"
PEOPLE_MEASURES = ("people", "people_repeat", "people_formal")


def months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last`, inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months: list[str] = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def period_blocks(months: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Cover consecutive `months` with whole calendar years, then whole quarters, then single
    months: (period, its months) in order. People are counted per block and added up."""
    chosen = set(months)
    blocks: list[tuple[str, list[str]]] = []
    index = 0
    ordered = sorted(chosen)
    while index < len(ordered):
        month = ordered[index]
        year, number = month[:4], int(month[5:7])
        year_months = [f"{year}-{n:02d}" for n in range(1, 13)]
        quarter = (number - 1) // 3
        quarter_months = [f"{year}-{n:02d}" for n in range(3 * quarter + 1, 3 * quarter + 4)]
        if number == 1 and chosen.issuperset(year_months):
            blocks.append((year, year_months))
        elif number % 3 == 1 and chosen.issuperset(quarter_months):
            blocks.append((f"{year}-Q{quarter + 1}", quarter_months))
        else:
            blocks.append((month, [month]))
        index += len(blocks[-1][1])
    return blocks


@dataclass
class Atoms:
    """Atoms of one selection: (field, code) → month → atom, and people per block."""

    months: list[str]
    blocks: list[str]
    cells: dict[tuple[str, str], dict[str, Atom]] = field(default_factory=dict)
    people: dict[str, dict[str, Atom]] = field(default_factory=dict)  # measure → block → atom

    def month_atoms(self, field_name: str, code: str,
                    months: Sequence[str] | None = None) -> list[Atom]:
        by_month = self.cells.get((field_name, code), {})
        return [by_month.get(m, ZERO) for m in (self.months if months is None else months)]

    def codes(self, field_name: str) -> set[str]:
        """Codes of `field_name` with something counted in some month of the selection."""
        return {code for (name, code), atoms in self.cells.items()
                if name == field_name and any(a.value for a in atoms.values())}

    def people_atoms(self, measure: str) -> list[Atom]:
        by_block = self.people.get(measure, {})
        return [by_block.get(b, ZERO) for b in self.blocks]


def _contributions(figures: Sequence[MonthFigures]
                   ) -> dict[tuple[str, str], dict[str, dict[tuple[str, str], int]]]:
    """(field, code) → month → {(supporter, month): count}."""
    out: dict[tuple[str, str], dict[str, dict[tuple[str, str], int]]] = defaultdict(
        lambda: defaultdict(dict))
    for f in figures:
        pair = (f.supporter_id, f.month)
        for name, counts in f.counts.items():
            for code, n in counts.items():
                if n:
                    out[(name, code)][f.month][pair] = n
        for flag in FLAGS:
            n = int(getattr(f, flag))
            if n:
                out[(FLAG_FIELD, flag)][f.month][pair] = n
    return out


def collect(source: FigureSource, months: Sequence[str], supporter_ids: Collection[str],
            rounder: Rounder) -> Atoms:
    """Every atom of the selection: `months` (consecutive) over `supporter_ids`."""
    months = list(months)
    blocks = period_blocks(months)
    atoms = Atoms(months, [period for period, _ in blocks])
    if not months or not supporter_ids:
        return atoms
    figures = source.month_figures(since=months[0], until=months[-1],
                                   supporter_ids=list(supporter_ids))
    for (name, code), by_month in _contributions(figures).items():
        atoms.cells[(name, code)] = {
            month: rounder.atom(f"{name}={code}", contributions)
            for month, contributions in by_month.items()}
    people = source.people_figures(atoms.blocks, supporter_ids=list(supporter_ids))
    for measure in PEOPLE_MEASURES:
        per_block: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
        for p in people:
            per_block[p.period][(p.supporter_id, p.period)] = int(getattr(p, measure))
        atoms.people[measure] = {
            block: rounder.atom(f"{PEOPLE_FIELD}={measure}", contributions)
            for block, contributions in per_block.items()}
    return atoms
