"""The Program workspace's logic without Qt: filter choices and snapshots."""

from __future__ import annotations

import random

from peerdesk.program.coordinator import FilterChoice, load_snapshot, local_time
from peerdesk.program.report import ProgramFilter
from tests.program.fakes import SECRET, FakeFigures, random_program

MONTHS = ["2026-01", "2026-02", "2026-03"]


def test_choices_at_the_edges_follow_the_data() -> None:
    assert FilterChoice().resolve(MONTHS, []) == ProgramFilter("2026-01", "2026-03")
    chosen = FilterChoice("2026-02", "2026-02", "north", from_at_start=False, to_at_end=False)
    assert chosen.resolve(MONTHS, ["north"]) == ProgramFilter("2026-02", "2026-02", "north")
    # a unit no longer offered, a month no longer held: the whole program and period
    assert chosen.resolve(["2026-03"], []) == ProgramFilter("2026-03", "2026-03")


def test_snapshot_offers_only_safe_units_and_prepares_the_report() -> None:
    program = random_program(random.Random(1), [(f"s{n}", "north" if n < 5 else "east")
                                                for n in range(7)], MONTHS)
    snapshot = load_snapshot(program, ["entry"], FilterChoice(org_unit="east"), 5, SECRET)
    assert snapshot.units == ()            # east has 2 supporters; north beside only 2 others
    assert snapshot.unit_count == 2
    assert snapshot.flt == ProgramFilter("2026-01", "2026-03")
    assert snapshot.report is not None
    assert snapshot.history == ("entry",)
    assert snapshot.months == tuple(MONTHS)


def test_snapshot_without_data() -> None:
    snapshot = load_snapshot(FakeFigures(), [], FilterChoice(), 5, SECRET)
    assert not snapshot.has_data
    assert snapshot.months == ()


def test_local_time_keeps_text_it_cannot_read() -> None:
    assert local_time("yesterday") == "yesterday"
    assert len(local_time("2026-07-01T09:00:00Z")) == 16
