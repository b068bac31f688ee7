"""The program's atoms: months, people blocks, and counts per code over a supporter group."""

from __future__ import annotations

from peerdesk.program.aggregate import collect, months_between, period_blocks
from peerdesk.program.disclosure import CellKey, Rounder
from tests.program.fakes import SECRET, Contact, FakeFigures


def test_months_between() -> None:
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_between("2026-03", "2026-03") == ["2026-03"]
    assert months_between("2026-04", "2026-03") == []


def test_people_blocks_are_years_then_quarters_then_months() -> None:
    assert period_blocks(months_between("2025-01", "2025-12")) == [
        ("2025", months_between("2025-01", "2025-12"))]
    blocks = [period for period, _ in period_blocks(months_between("2024-11", "2026-05"))]
    assert blocks == ["2024-11", "2024-12", "2025", "2026-Q1", "2026-04", "2026-05"]
    assert [p for p, _ in period_blocks(months_between("2026-02", "2026-06"))] == [
        "2026-02", "2026-03", "2026-Q2"]
    covered = [m for _, ms in period_blocks(months_between("2024-11", "2026-05")) for m in ms]
    assert covered == months_between("2024-11", "2026-05")


def test_atoms_count_only_the_chosen_supporters_and_months() -> None:
    program = FakeFigures()
    program.add(*[Contact("a", "2026-01", f"a{n}", channel="phone") for n in range(6)],
                Contact("a", "2026-02", "a0", risk=True),
                *[Contact("b", "2026-01", f"b{n}") for n in range(3)])
    rounder = Rounder(5, CellKey(SECRET))
    atoms = collect(program, ["2026-01", "2026-02"], ["a"], rounder)
    assert [a.value for a in atoms.month_atoms("channel", "phone")] == [6, 0]
    assert [a.value for a in atoms.month_atoms("channel", "in_person")] == [0, 1]
    assert [a.value for a in atoms.month_atoms("flag", "with_risk")] == [0, 1]
    assert atoms.blocks == ["2026-01", "2026-02"]
    assert [a.value for a in atoms.people_atoms("people")] == [6, 1]
    both = collect(program, ["2026-01"], ["a", "b"], rounder)
    assert [a.value for a in both.month_atoms("channel", "in_person")] == [3]
    assert both.codes("channel") == {"phone", "in_person"}
