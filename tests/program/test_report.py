"""The protected report: what every view shows, as codes, from a FigureSource."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from peerdesk.program.disclosure import DisclosureError
from peerdesk.program.report import ProgramFilter, offered_units, prepare_report
from tests.program.fakes import SECRET, Contact, FakeFigures, random_program


def _units(*sizes: tuple[str | None, int]) -> FakeFigures:
    program = FakeFigures()
    n = 0
    for unit, size in sizes:
        for _ in range(size):
            program.add_supporter(f"s{n}", None, unit)
            n += 1
    return program


def test_units_are_offered_only_when_they_and_the_rest_hold_k_supporters() -> None:
    infos = _units(("north", 5), ("south", 5)).supporters()
    assert offered_units(infos, 5) == ["north", "south"]
    # a unit of 4 is never offered, and "all minus north minus south" would be its 4
    # supporters: one of the two is not offered either (the smaller; by name on a tie)
    infos = _units(("north", 5), ("south", 6), ("east", 4)).supporters()
    assert offered_units(infos, 5) == ["south"]
    infos = _units(("north", 6), (None, 3)).supporters()
    assert offered_units(infos, 5) == []
    assert offered_units(_units(("north", 4), (None, 4)).supporters(), 4) == ["north"]


def test_a_unit_that_is_not_offered_is_refused_with_a_clear_line() -> None:
    program = _units(("north", 5), (None, 2))
    program.add(Contact("s0", "2026-01", "p"))
    with pytest.raises(DisclosureError, match="fewer than 5 supporters"):
        prepare_report(program, ProgramFilter(org_unit="north"), k=5, secret=SECRET)


def test_a_unit_view_counts_its_supporters_only() -> None:
    program = random_program(random.Random(3), [(f"s{n}", "north" if n < 4 else "south")
                                                for n in range(8)], ["2026-01"],
                             per_month=(5, 8))
    north = prepare_report(program, ProgramFilter(org_unit="north"), k=4, secret=SECRET)
    assert [info.supporter_id for info in north.supporters] == ["s0", "s1", "s2", "s3"]
    assert north.headline("supporters").text == "4"
    everyone = prepare_report(program, k=4, secret=SECRET)
    assert int(everyone.headline("contacts").text) > int(north.headline("contacts").text)


def test_headlines_agree_with_the_tables_beside_them() -> None:
    program = random_program(random.Random(8), [("a", None), ("b", None), ("c", None)],
                             ["2026-01", "2026-02", "2026-03"])
    report = prepare_report(program, k=5, secret=SECRET)
    months = report.table("contacts_by_month")
    assert report.headline("contacts").text == months.grand_total
    planned = report.headline("follow_up_planned")
    assert planned.base == report.headline("contacts").text
    assert planned.count is not None
    assert planned.text == f"{round(100 * int(planned.count) / int(planned.base))}%"
    # within a table, rows add up to its total wherever every row is a number
    for table in report.tables:
        if table.multi_valued:
            continue
        totals = table.column_totals if table.key != "contacts_by_month" else table.row_totals
        assert totals
        assert all(t == "<5" or int(t) % 5 == 0 for t in totals)


def test_every_month_of_the_range_has_a_row_even_without_data() -> None:
    program = FakeFigures()
    program.add(Contact("a", "2025-06", "p"), Contact("a", "2026-12", "q"))
    report = prepare_report(program, k=5, secret=SECRET)
    rows = report.table("contacts_by_month").rows
    assert len(rows) == 19
    assert rows[0] == "2025-06"
    assert rows[-1] == "2026-12"
    assert report.table("contacts_by_month").cells[5] == ("0",) * 5


def test_no_table_shows_one_supporter_and_supporters_are_counted_exactly() -> None:
    program = FakeFigures()
    program.add(*[Contact("a", "2026-01", f"p{n}") for n in range(30)],
                Contact("b", "2026-01", "q"), Contact("c", "2026-01", "r"))
    program.info["b"] = replace(program.info["b"], alias="Ben")
    report = prepare_report(program, k=5, secret=SECRET)
    assert report.headline("supporters").text == "3"
    assert [t.key for t in report.tables] == [
        "contacts_by_month", "behaviours", "source_relation", "referrals", "next_steps"]
    assert all(t.row_field != "supporter" for t in report.tables)


def test_a_window_repeats_the_months_it_shares_with_another() -> None:
    program = random_program(random.Random(5), [("a", None), ("b", None)],
                             ["2026-01", "2026-02", "2026-03"])
    wide = prepare_report(program, k=5, secret=SECRET).table("contacts_by_month")
    narrow = prepare_report(program, ProgramFilter("2026-02", "2026-03"), k=5,
                            secret=SECRET).table("contacts_by_month")
    assert narrow.cells == wide.cells[1:]
    assert narrow.row_totals == wide.row_totals[1:]


def test_the_report_is_empty_without_data() -> None:
    report = prepare_report(FakeFigures(), k=5, secret=SECRET)
    assert report.since is None
    assert report.until is None
    assert report.headline("contacts").text == "0"
    assert report.table("contacts_by_month").rows == ()
