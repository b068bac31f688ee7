"""The curious report reader, as a test: every figure they can obtain, then integer programming.

The reader imports nothing and knows the method (docs/disclosure.md) but not the secret key.
They obtain every figure the app shows: every period window, every unit filter offered, before
and after each supporter's import. Each figure is a sum of rounded atoms (one count for one
month over the selected supporters), which gives linear constraints on the unknown counts per
supporter, month and code, plus what they know for certain (a contact has exactly one channel,
one contact type, one next step, one source). Then, for every true count from 1 to k−1 — per
supporter and month, per group and month, and what a unit's view and the whole program's
differ by — they ask an integer program for the smallest and largest value consistent with
everything seen. The test fails if any is pinned to its true value.

`make test` runs a small program; `make audit` (PEERDESK_AUDIT=1) a larger one.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from peerdesk.program.aggregate import FLAG_FIELD, FLAGS, months_between
from peerdesk.program.disclosure import shown_number
from peerdesk.program.figures import NOT_RECORDED
from peerdesk.program.report import (
    TABLES,
    ProgramFilter,
    ProtectedReport,
    offered_units,
    prepare_report,
)
from peerdesk.taxonomy import default_taxonomy
from tests.program.fakes import SECRET, FakeFigures, random_program

AUDIT = os.environ.get("PEERDESK_AUDIT") == "1"
TAX = default_taxonomy()
# single-valued fields: each contact has exactly one code ("" = not recorded)
PARTITIONS = {
    "channel": [*TAX.field("channel").codes(), NOT_RECORDED],
    "contact": list(TAX.field("contact").codes()),
    "source_relation": [*TAX.field("source_relation").codes(), NOT_RECORDED],
    "next_step": [*TAX.field("next_step").codes(), NOT_RECORDED],
}
MULTI = {"behaviour": list(TAX.field("behaviour").codes()),
         "referral_type": list(TAX.field("referral_type").codes())}

Cell = tuple[str, str]                       # (field, code)
AtomId = tuple[str, str, str, frozenset[str]]  # field, code, month, supporters counted


@dataclass
class Reader:
    """What the reader knows: atoms (as sums of unknown counts) and shown figures over them."""

    k: int
    supporters: list[str]
    months: list[str]
    cells: list[Cell]
    atoms: dict[AtomId, int] = field(default_factory=dict)      # atom → its index
    figures: list[tuple[list[AtomId], str]] = field(default_factory=list)
    seen: set[tuple[tuple[AtomId, ...], str]] = field(default_factory=set)

    def see(self, atoms: list[AtomId], text: str) -> None:
        key = (tuple(sorted(atoms, key=repr)), text)
        if key in self.seen:
            return
        self.seen.add(key)
        for atom in atoms:
            self.atoms.setdefault(atom, len(self.atoms))
        self.figures.append((atoms, text))


def figures_of(report: ProtectedReport, group: frozenset[str]
               ) -> Iterator[tuple[list[AtomId], str]]:
    """Every figure in `report` with the atoms it is the sum of (the documented method)."""
    months = months_between(report.since, report.until) if report.since and report.until else []

    def atoms(field_name: str, codes: Sequence[str], in_months: Sequence[str]) -> list[AtomId]:
        return [(field_name, c, m, group) for c in codes for m in in_months]

    for spec, table in zip(TABLES, report.tables, strict=True):
        if spec.row_field == "month":
            name = "channel"
            for i, month in enumerate(table.rows):
                for j, code in enumerate(table.columns):
                    yield atoms(name, [code], [month]), table.cells[i][j]
                yield atoms(name, table.columns, [month]), table.row_totals[i]
            for j, code in enumerate(table.columns):
                yield atoms(name, [code], months), table.column_totals[j]
            yield atoms(name, table.columns, months), table.grand_total
        else:
            for i, code in enumerate(table.rows):
                yield atoms(spec.row_field, [code], months), table.cells[i][0]
            yield atoms(spec.row_field, table.rows, months), table.grand_total
    yield atoms("channel", PARTITIONS["channel"], months), report.headline("contacts").text
    yield atoms("contact", ["first"], months), report.headline("first_contacts").text
    yield atoms("contact", ["follow_up"], months), report.headline("follow_up_contacts").text
    yield atoms(FLAG_FIELD, ["with_risk"], months), report.headline("risk_escalations").text
    for key, flag in (("follow_up_planned", "follow_up_planned"),
                      ("referral_rate", "with_referral")):
        count = report.headline(key).count
        assert count is not None
        yield atoms(FLAG_FIELD, [flag], months), count


def read_everything(program: FakeFigures, order: Sequence[str], k: int) -> Reader:
    """Every report a reader can make: each import in turn, every unit offered, every window."""
    all_months = program.months_with_data()
    months = months_between(all_months[0], all_months[-1])
    cells = [(f, c) for f, codes in {**PARTITIONS, **MULTI}.items() for c in codes]
    cells += [(FLAG_FIELD, flag) for flag in FLAGS]
    reader = Reader(k, list(order), months, cells)
    for imported in range(1, len(order) + 1):
        now = program.only(order[:imported])
        infos = now.supporters()
        for unit in [None, *offered_units(infos, k)]:
            group = frozenset(i.supporter_id for i in infos if unit is None or i.org_unit == unit)
            for a in range(len(months)):
                for b in range(a, len(months)):
                    flt = ProgramFilter(months[a], months[b], unit)
                    report = prepare_report(now, flt, k=k, secret=SECRET)
                    for atoms, text in figures_of(report, group):
                        reader.see(atoms, text)
    return reader


class Model:
    """The reader's integer program: counts x[supporter, month, cell] and each atom's rounded
    value k·q, constrained by every figure seen."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        k = reader.k
        self.x_index = {(s, m, c): i for i, (s, m, c) in enumerate(
            (s, m, c) for s in reader.supporters for m in reader.months for c in reader.cells)}
        n_x = len(self.x_index)
        self.q0 = n_x
        n = n_x + len(reader.atoms)
        rows: list[tuple[dict[int, float], float, float]] = []

        def atom_terms(atom: AtomId) -> dict[int, float]:
            name, code, month, group = atom
            return {self.x_index[(s, month, (name, code))]: 1.0 for s in group}

        for atom, index in reader.atoms.items():
            terms = atom_terms(atom)
            q = self.q0 + index
            # k·q − (k−1) ≤ v ≤ k·q + (k−1), and q ≤ v (nothing rounds up from zero)
            rows.append(({**terms, q: -k}, -(k - 1), k - 1))
            rows.append(({**terms, q: -1}, 0, np.inf))
        for atoms, text in reader.figures:
            values: dict[int, float] = {}
            qs: dict[int, float] = {}
            for atom in atoms:
                for i, c in atom_terms(atom).items():
                    values[i] = values.get(i, 0) + c
                qs[self.q0 + reader.atoms[atom]] = 1.0
            number = shown_number(text)
            if text == "0":
                rows.append((values, 0, 0))
            elif number is not None:
                rows.append(({i: k * c for i, c in qs.items()}, number, number))
                rows.append((values, 1, np.inf))
            else:   # "<k": one small atom, or rounded values that add up to 0
                rows.append((values, 1, np.inf))
                rows.append((qs, 0, 1))
                if len(atoms) == 1:
                    rows.append((values, 1, k - 1))
        for s in reader.supporters:   # a contact has one code of each single-valued field
            for m in reader.months:
                first = [self.x_index[(s, m, ("channel", c))] for c in PARTITIONS["channel"]]
                for name, codes in PARTITIONS.items():
                    if name == "channel" or (name, codes[0]) not in reader.cells:
                        continue
                    terms = {i: 1.0 for i in first}
                    for c in codes:
                        i = self.x_index[(s, m, (name, c))]
                        terms[i] = terms.get(i, 0) - 1.0
                    rows.append((terms, 0, 0))
                for flag in FLAGS:
                    if (FLAG_FIELD, flag) not in reader.cells:
                        continue
                    terms = {i: 1.0 for i in first}
                    terms[self.x_index[(s, m, (FLAG_FIELD, flag))]] = -1.0
                    rows.append((terms, 0, np.inf))
        matrix = lil_matrix((len(rows), n))
        for r, (terms, _, _) in enumerate(rows):
            for i, c in terms.items():
                matrix[r, i] = c
        self.constraints = LinearConstraint(matrix.tocsr(), [lo for _, lo, _ in rows],
                                            [hi for _, _, hi in rows])
        self.n = n
        self.bounds = Bounds(np.zeros(n), np.full(n, 400.0))

    def extreme(self, target: dict[int, float], sign: float) -> float:
        objective = np.zeros(self.n)
        for i, c in target.items():
            objective[i] = sign * c
        result = milp(objective, constraints=self.constraints, integrality=np.ones(self.n),
                      bounds=self.bounds, options={"time_limit": 60})
        assert result.success, result.message
        return float(sign * result.fun)

    def solution(self, seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        objective = rng.normal(size=self.n)
        result = milp(objective, constraints=self.constraints, integrality=np.ones(self.n),
                      bounds=self.bounds, options={"time_limit": 60})
        assert result.success, result.message
        return np.asarray(result.x)


def targets(program: FakeFigures, reader: Reader, model: Model, units: dict[str, str | None]
            ) -> list[tuple[str, dict[int, float], int]]:
    """(what, linear expression over x, true value) for every true count from 1 to k−1."""
    truth: dict[tuple[str, str, tuple[str, str]], int] = {}
    for f in program.month_figures():
        for name, counts in f.counts.items():
            for code, n in counts.items():
                truth[(f.supporter_id, f.month, (name, code))] = n
        for flag in FLAGS:
            truth[(f.supporter_id, f.month, (FLAG_FIELD, flag))] = int(getattr(f, flag))
    groups = {frozenset(reader.supporters)}
    for unit in set(units.values()) - {None}:
        inside = frozenset(s for s, u in units.items() if u == unit)
        groups |= {inside, frozenset(reader.supporters) - inside}
    found: list[tuple[str, dict[int, float], int]] = []
    for m in reader.months:
        for cell in reader.cells:
            for s in reader.supporters:
                value = truth.get((s, m, cell), 0)
                if 1 <= value < reader.k:
                    found.append((f"{s} {m} {cell}", {model.x_index[(s, m, cell)]: 1.0},
                                  value))
            for group in groups:
                value = sum(truth.get((s, m, cell), 0) for s in group)
                if 1 <= value < reader.k and len(group) > 1:
                    found.append((f"{sorted(group)} {m} {cell}",
                                  {model.x_index[(s, m, cell)]: 1.0 for s in group}, value))
    return found


def recovered(program: FakeFigures, order: Sequence[str], k: int) -> tuple[list[str], int]:
    """The hidden counts the reader pins exactly, and how many were tried."""
    reader = read_everything(program, order, k)
    model = Model(reader)
    units = {i.supporter_id: i.org_unit for i in program.supporters()}
    open_targets = targets(program, reader, model, units)
    # any two solutions that disagree on a target show it is not pinned (the truth is one)
    for seed in range(4):
        x = model.solution(seed)
        open_targets = [(what, t, v) for what, t, v in open_targets
                        if round(sum(x[i] * c for i, c in t.items())) == v]
    pinned = []
    for what, target, value in open_targets:
        if model.extreme(target, -1.0) > value + 0.5:
            continue
        if model.extreme(target, 1.0) < value - 0.5:
            continue
        pinned.append(f"{what} = {value}")
    return pinned, len(targets(program, reader, model, units))


@dataclass(frozen=True)
class Case:
    seed: int
    k: int
    units: tuple[str | None, ...]    # one entry per supporter
    months: tuple[str, ...]


SMALL = Case(7, 4, ("north",) * 4 + ("south",) * 4, ("2026-01", "2026-02"))
LARGE = Case(13, 5, ("north",) * 5 + ("south",) * 5 + ("east",) * 5 + (None,),
             ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03"))


@pytest.mark.parametrize("case", [LARGE if AUDIT else SMALL])
def test_no_hidden_count_is_recovered_by_differencing_or_integer_programming(case: Case) -> None:
    rng = random.Random(case.seed)
    ids = [f"s{n}" for n in range(len(case.units))]
    program = random_program(rng, list(zip(ids, case.units, strict=True)), case.months,
                             per_month=(0, 6))
    order = list(ids)
    rng.shuffle(order)
    pinned, tried = recovered(program, order, case.k)
    assert tried > 20, "the case must hold hidden counts to attack"
    assert pinned == []


def test_the_attacker_pins_counts_that_plain_suppression_gives_away() -> None:
    """The same reader against exact figures with `<k` suppression (the old method) recovers
    counts: the attack is real, so its silence above means something."""
    program = FakeFigures()
    from tests.program.fakes import Contact
    program.add(*[Contact("a", "2026-01", f"a{n}") for n in range(7)],
                *[Contact("b", "2026-01", f"b{n}", channel="phone") for n in range(2)])
    reader = Reader(5, ["a", "b"], ["2026-01"], [("channel", c) for c in PARTITIONS["channel"]])
    before = frozenset({"a"})
    after = frozenset({"a", "b"})
    # exact publication: 7 contacts before b's import, 9 after
    reader.see([("channel", c, "2026-01", before) for c in PARTITIONS["channel"]], "7")
    reader.see([("channel", c, "2026-01", after) for c in PARTITIONS["channel"]], "9")
    model = Model.__new__(Model)
    Model.__init__(model, _exact(reader))
    b_phone = {model.x_index[("b", "2026-01", ("channel", c))]: 1.0
               for c in PARTITIONS["channel"]}
    assert model.extreme(b_phone, -1.0) == model.extreme(b_phone, 1.0) == 2


def _exact(reader: Reader) -> Reader:
    """A reader of exact figures: every atom rounds to base 1 (k stays for the ranges)."""
    exact = Reader(1, reader.supporters, reader.months, reader.cells)
    for atoms, text in reader.figures:
        exact.see(atoms, text)
    return exact
