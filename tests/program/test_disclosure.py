"""Disclosure control: no hidden count can be worked out from what a table shows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.errors import PeerDeskError
from peerdesk.program.aggregate import CountTable, Headline
from peerdesk.program.disclosure import (
    MIN_K,
    WITHHELD,
    ShownTable,
    protect_headline,
    protect_headlines,
    protect_table,
)
from peerdesk.translation import localize

# -- an independent solver -------------------------------------------------------------------
#
# What a reader knows: every number shown; "<k" means 1..k-1; "x" means a withheld count, and
# since zero and 1..k-1 are always shown as such, x >= k. Bordering the table with its totals
# (totals negated) makes every row and column sum to zero. Two tables consistent with what is
# shown differ by a sum of alternating cycles over hidden cells (conformal decomposition), so
# a hidden cell has a second feasible value iff some simple alternating cycle through it can
# move by one unit within the ranges. The search below tries every simple cycle (DFS).


def _bounds(text: str, k: int) -> tuple[int, float]:
    if text == f"<{k}":
        return 1, k - 1
    assert text == WITHHELD, text
    return k, float("inf")


def _bordered(table: ShownTable, raw: CountTable) -> tuple[list[list[str]], list[list[int]]]:
    texts = [[*row, total] for row, total in zip(table.cells, table.row_totals, strict=True)]
    texts.append([*table.column_totals, table.grand_total])
    values = [[*row, sum(row)] for row in raw.cells]
    values.append([*(sum(r[j] for r in raw.cells) for j in range(len(raw.columns))),
                   sum(map(sum, raw.cells))])
    return texts, values


def _has_second_value(texts: list[list[str]], values: list[list[int]], k: int,
                      start: tuple[int, int]) -> bool:
    """True if an alternating cycle of hidden cells through `start` can move one unit."""
    n_rows, n_cols = len(texts), len(texts[0])
    hidden = {(i, j) for i in range(n_rows) for j in range(n_cols) if not texts[i][j].isdigit()}
    i0, j0 = start

    def ok(cell: tuple[int, int], delta: int) -> bool:
        i, j = cell
        sign = -1 if (i == n_rows - 1) != (j == n_cols - 1) else 1
        low, high = _bounds(texts[i][j], k)
        return low <= values[i][j] + sign * delta <= high

    def from_column(j: int, delta: int, rows: frozenset[int], cols: frozenset[int],
                    first: bool) -> bool:
        for i in range(n_rows):
            if (i, j) not in hidden or not ok((i, j), delta):
                continue
            if i == i0:
                if first:
                    continue  # that is the start cell itself
                return True   # back on the start's row: the cycle closes
            if i not in rows and from_row(i, -delta, rows | {i}, cols):
                return True
        return False

    def from_row(i: int, delta: int, rows: frozenset[int], cols: frozenset[int]) -> bool:
        for j in range(n_cols):
            if (i, j) in hidden and j not in cols and ok((i, j), delta) and from_column(
                    j, -delta, rows, cols | {j}, False):
                return True
        return False

    return any(ok(start, d) and from_column(j0, -d, frozenset({i0}), frozenset({j0}), True)
               for d in (1, -1))


def _assert_safe(raw: CountTable, shown: ShownTable, k: int) -> None:
    texts, values = _bordered(shown, raw)
    if shown.withheld:  # nothing numeric is shown at all
        assert all(text == WITHHELD for row in texts for text in row)
        return
    for i, row in enumerate(texts):
        for j, text in enumerate(row):
            value = values[i][j]
            if 1 <= value < k:
                assert text == f"<{k}", (i, j, value, text)
            elif text.isdigit():
                assert int(text) == value
            else:
                assert text == WITHHELD, (i, j, value, text)
                assert value >= k, (i, j, value, text)
    for i, row in enumerate(texts):
        for j, text in enumerate(row):
            if not text.isdigit():
                assert _has_second_value(texts, values, k, (i, j)), (
                    f"cell {(i, j)} is determined by what is shown: {texts}")


small_counts = st.one_of(st.integers(0, 6), st.integers(0, 30))


@st.composite
def tables(draw: st.DrawFn) -> tuple[CountTable, int]:
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 4))
    cells = tuple(tuple(draw(small_counts) for _ in range(n_cols)) for _ in range(n_rows))
    k = draw(st.integers(MIN_K, 7))
    return CountTable("t", "T", "Row", tuple(f"r{i}" for i in range(n_rows)),
                      tuple(f"c{j}" for j in range(n_cols)), cells), k


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_hidden_count_can_be_solved_from_what_is_shown(case: tuple[CountTable, int]) -> None:
    raw, k = case
    _assert_safe(raw, protect_table(raw, k), k)


def test_small_counts_hidden_zero_shown_and_complement_withheld() -> None:
    raw = CountTable("t", "T", "Month", ("Jan", "Feb"), ("Phone", "Email"),
                     ((3, 40), (20, 0)))
    shown = protect_table(raw, 5)
    assert shown.cells[0][0] == "<5"
    assert shown.cells[1][1] == "0"
    # the 3 could be read off "Jan total − 40" unless more is withheld
    assert shown.row_totals[0] != "43" or shown.cells[0][1] == WITHHELD
    _assert_safe(raw, shown, 5)
    assert shown.grand_total == "63"


def test_one_column_table_hides_a_second_row() -> None:
    raw = CountTable("b", "B", "Behaviour", ("a", "b", "c"), ("Contacts",),
                     ((2,), (9,), (30,)))
    shown = protect_table(raw, 5)
    assert shown.cells == (("<5",), (WITHHELD,), ("30",))
    assert shown.column_totals == ("41",)
    assert shown.suppressed_count == 2


def test_two_small_cells_that_pin_each_other_are_protected() -> None:
    # 4 + 4 = 8 with k = 5: both "<5" and the row total 8 would pin them to exactly 4
    raw = CountTable("t", "T", "R", ("a", "b"), ("p", "q"), ((4, 4), (10, 12)))
    shown = protect_table(raw, 5)
    _assert_safe(raw, shown, 5)


@pytest.mark.parametrize("k", [0, 1, 2, -5])
def test_k_below_three_is_refused(k: int) -> None:
    raw = CountTable("t", "T", "R", ("a",), ("p",), ((1,),))
    with pytest.raises(PeerDeskError, match="at least 3") as caught:
        protect_table(raw, k)
    assert localize(caught.value, "es").startswith(
        f"El recuento más pequeño que se muestra debe ser al menos 3 (se indicó {k})")
    with pytest.raises(PeerDeskError):
        protect_headline(Headline("contacts", "Contacts", 4), k)


def test_table_pinned_by_its_own_small_total_is_withheld_whole() -> None:
    raw = CountTable("t", "T", "R", ("a",), ("p", "q"), ((1, 1),))
    shown = protect_table(raw, 3)
    assert shown.withheld
    assert shown.cells == ((WITHHELD, WITHHELD),)
    assert shown.grand_total == WITHHELD


def test_empty_table() -> None:
    shown = protect_table(CountTable("t", "T", "R", (), ("p",), ()), 5)
    assert shown.cells == ()
    assert shown.grand_total == "0"


def test_headline_counts_and_rates() -> None:
    assert protect_headline(Headline("c", "C", 0)).text == "0"
    assert protect_headline(Headline("c", "C", 3)).text == "<5"
    assert protect_headline(Headline("c", "C", 42)).text == "42"
    rate = protect_headline(Headline("r", "R", 42, 113))
    assert (rate.text, rate.detail) == ("37%", "42 of 113")
    hidden = protect_headline(Headline("r", "R", 3, 113))
    assert hidden.text == "—"
    assert hidden.detail == "<5 of 113"
    # 110 of 113: the 3 without would be recoverable, so the rate is not shown
    complement = protect_headline(Headline("r", "R", 110, 113))
    assert complement.text == "—"
    assert "110" not in (complement.detail or "")
    assert protect_headline(Headline("r", "R", 0, 0)).text == "—"
    assert protect_headline(Headline("r", "R", 0, 50)).text == "0%"


def test_first_and_follow_up_are_protected_together() -> None:
    heads = (Headline("contacts", "Contacts", 43), Headline("first_contacts", "First", 3),
             Headline("follow_up_contacts", "Follow-up", 40))
    shown = {h.key: h.text for h in protect_headlines(heads)}
    assert shown == {"contacts": "43", "first_contacts": "<5", "follow_up_contacts": "—"}
