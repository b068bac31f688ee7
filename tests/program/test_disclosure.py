"""Disclosure control: cell-key rounding to base k, small counts, sums of rounded atoms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.program.disclosure import (
    MIN_K,
    CellKey,
    DisclosureError,
    Rounder,
    check_k,
    percent,
    rounded,
)

SECRET = bytes(range(32))


@given(st.integers(0, 10_000), st.integers(MIN_K, 12), st.integers(0, 2**64 - 1))
def test_rounding_goes_to_a_neighbouring_multiple_of_k(value: int, k: int, draw: int) -> None:
    result = rounded(value, k, draw)
    assert result % k == 0
    assert abs(result - value) < k
    if value % k == 0:
        assert result == value


def test_rounding_is_unbiased_over_the_draws() -> None:
    # 7 with k = 5 rounds up to 10 for 2/5 of the draws, down to 5 for the rest
    draws = [(2 * n + 1) * 2**64 // 2000 for n in range(1000)]  # spread evenly
    ups = sum(rounded(7, 5, d) == 10 for d in draws)
    assert ups == 400


def test_the_same_contributions_round_the_same_way_and_others_may_not() -> None:
    rounder = Rounder(5, CellKey(SECRET))
    one = rounder.atom("channel=phone", {("a", "2026-01"): 4, ("b", "2026-01"): 3})
    again = rounder.atom("channel=phone", {("b", "2026-01"): 3, ("a", "2026-01"): 4})
    assert one == again
    # the draw depends on which supporters and months make the cell, not on the order read
    key = CellKey(SECRET)
    draws = {key.draw("channel=phone", [("a", m)]) for m in ("2026-01", "2026-02", "2026-03")}
    assert len(draws) == 3
    assert key.draw("channel=phone", [("a", "2026-01")]) != key.draw("channel=video",
                                                                     [("a", "2026-01")])
    # another journal's secret rounds differently: a reader cannot predict the direction
    other = CellKey(bytes(32))
    assert other.draw("channel=phone", [("a", "2026-01")]) != key.draw(
        "channel=phone", [("a", "2026-01")])


def test_a_supporter_with_nothing_in_the_cell_does_not_change_it() -> None:
    rounder = Rounder(5, CellKey(SECRET))
    before = rounder.atom("behaviour=online", {("a", "2026-01"): 7})
    after = rounder.atom("behaviour=online", {("a", "2026-01"): 7, ("b", "2026-01"): 0})
    assert before == after


def test_shown_figures() -> None:
    rounder = Rounder(5, CellKey(SECRET))
    zero = rounder.atom("x", {})
    small = rounder.atom("x", {("a", "2026-01"): 3})
    big = rounder.atom("x", {("a", "2026-02"): 12})
    assert rounder.shown([]) == rounder.shown([zero, zero]) == "0"
    assert rounder.shown([small]) == "<5"            # one small atom: never its rounded value
    assert rounder.shown([small, zero]) == "<5"
    assert big.rounded in (10, 15)
    assert rounder.shown([big]) == str(big.rounded)
    # a sum over several atoms adds their rounded values (small ones count as 0 or 5)
    assert rounder.shown([big, small]) == str(big.rounded + small.rounded)


def test_a_sum_that_rounds_to_nothing_is_shown_as_small() -> None:
    rounder = Rounder(5, CellKey(SECRET))
    ones = [rounder.atom("x", {("a", f"2026-{m:02d}"): 1}) for m in range(1, 13)]
    downs = [atom for atom in ones if atom.rounded == 0][:2]
    assert len(downs) == 2
    assert rounder.shown(downs) == "<5"


@pytest.mark.parametrize("k", [0, 1, 2, 3, True, 4.5])
def test_k_below_four_is_refused(k: object) -> None:
    with pytest.raises(DisclosureError, match="at least 4"):
        check_k(k)  # type: ignore[arg-type]


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(DisclosureError, match="rounding key"):
        CellKey(b"short")


def test_percent_from_shown_figures_only() -> None:
    assert percent("40", "110") == "36%"
    assert percent("<5", "110") == "—"
    assert percent("5", "<5") == "—"
    assert percent("0", "0") == "—"
    assert percent("15", "10") == "100%"   # two rounded figures: never more than all
