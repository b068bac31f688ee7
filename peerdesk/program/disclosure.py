"""Disclosure control: the one step every count passes before a person sees it.

Rules (DESIGN.md "Program reporting"):
- a count from 1 to k−1 is shown as "<k" (primary suppression); zero stays "0";
- further cells are withheld and shown as "x" (complementary suppression) until no hidden
  count can be worked out from what is shown: the other cells, the row and column totals and
  the grand total. Totals that are themselves 1..k−1 are shown as "<k" too.

How it is checked. Put the totals into the table as an extra row and column, with the totals'
sign flipped, and every row and column of this bordered table sums to zero. Then any way of
changing hidden values that keeps every shown number true is a combination of "cycles": +1,
−1, +1, −1 … around hidden cells that alternate between sharing a row and sharing a column.
A reader knows a "<k" cell lies in 1..k−1 and an "x" cell in k..∞ (zeros are never hidden).
A hidden cell is protected when some rectangle of four hidden cells through it can move by
one unit without leaving those ranges: then at least two values fit everything shown. The
suppression below adds the cheapest cells (small interior cells before totals; never the
grand total, which the headlines show) until every hidden cell is protected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from peerdesk.errors import PeerDeskError
from peerdesk.program.aggregate import CountTable, Headline
from peerdesk.translation import msg

MIN_K: Final = 3
DEFAULT_K: Final = 5
WITHHELD: Final = "x"          # complementary suppression
NOT_SHOWN: Final = "—"         # a rate that would reveal a hidden count


class DisclosureError(PeerDeskError):
    """The smallest-count setting is out of range."""


@dataclass(frozen=True)
class ShownTable:
    key: str
    title: str
    row_header: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...]
    column_totals: tuple[str, ...]
    grand_total: str
    suppressed_count: int            # interior cells shown as "<k" or "x"
    multi_valued: bool = False       # a contact can count in several rows
    k: int = DEFAULT_K
    withheld: bool = False           # too few to show anything safely: every cell is "x"


@dataclass(frozen=True)
class ShownHeadline:
    key: str
    label: str
    text: str                        # "42", "<5", "37%" or "—"
    detail: str | None = None        # for rates: "42 of 113"


def check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or k < MIN_K:
        raise DisclosureError(msg(
            "The smallest count shown must be at least {minimum} (got {k}); smaller values "
            "would let readers single out people. Choose {minimum} or more.",
            minimum=MIN_K, k=k))
    return k


def shown_number(text: str) -> int | None:
    """The number a shown cell states exactly, or None for "<k", "x", "—"."""
    return int(text) if text.isdigit() else None


class _State(Enum):
    SHOWN = 0
    PRIMARY = 1
    WITHHELD = 2


_TOTAL_COST: Final = 1_000     # prefer withholding interior cells to withholding totals


class _Grid:
    """The table bordered by its totals (last row and column)."""

    def __init__(self, cells: tuple[tuple[int, ...], ...], n_columns: int, k: int) -> None:
        self.k = k
        self.n_rows = len(cells) + 1
        self.n_cols = n_columns + 1
        row_totals = [sum(row) for row in cells]
        column_totals = [sum(row[j] for row in cells) for j in range(n_columns)]
        self.value = [[*row, total] for row, total in zip(cells, row_totals, strict=True)]
        self.value.append([*column_totals, sum(row_totals)])
        self.state = [[_State.PRIMARY if 1 <= v < k else _State.SHOWN for v in row]
                      for row in self.value]
        self.everything_withheld = False

    def sign(self, i: int, j: int) -> int:
        margin = (i == self.n_rows - 1) != (j == self.n_cols - 1)
        return -1 if margin else 1

    def is_grand(self, i: int, j: int) -> bool:
        return i == self.n_rows - 1 and j == self.n_cols - 1

    def hideable(self, i: int, j: int) -> bool:
        if self.state[i][j] is not _State.SHOWN:
            return True
        return self.value[i][j] > 0 and not self.is_grand(i, j)

    def fits(self, i: int, j: int, value: int, as_state: _State) -> bool:
        if as_state is _State.PRIMARY:
            return 1 <= value <= self.k - 1
        return value >= self.k

    def move_ok(self, corners: tuple[tuple[int, int], ...], delta: int) -> bool:
        """Can the rectangle's corners (in cycle order) move by ±delta and stay in range?"""
        for position, (i, j) in enumerate(corners):
            step = delta if position % 2 == 0 else -delta
            state = self.state[i][j]
            if state is _State.SHOWN:
                state = _State.WITHHELD
            if not self.fits(i, j, self.value[i][j] + self.sign(i, j) * step, state):
                return False
        return True

    def rectangles(self, i: int, j: int) -> list[tuple[tuple[int, int], ...]]:
        return [((i, j), (i, j2), (i2, j2), (i2, j))
                for i2 in range(self.n_rows) if i2 != i
                for j2 in range(self.n_cols) if j2 != j]

    def protected(self, i: int, j: int) -> bool:
        for corners in self.rectangles(i, j):
            if all(self.state[a][b] is not _State.SHOWN for a, b in corners) and (
                    self.move_ok(corners, 1) or self.move_ok(corners, -1)):
                return True
        return self.on_longer_cycle(i, j)

    def _step_ok(self, i: int, j: int, delta: int) -> bool:
        return self.fits(i, j, self.value[i][j] + self.sign(i, j) * delta, self.state[i][j])

    def on_longer_cycle(self, i0: int, j0: int, budget: int = 20_000) -> bool:
        """Search any alternating cycle of hidden cells through (i0, j0) that can move by one
        unit (depth-first, bounded: running out of budget counts as "not protected")."""
        steps = [budget]

        def from_column(j: int, delta: int, rows: frozenset[int], cols: frozenset[int],
                        first: bool) -> bool:
            for i in range(self.n_rows):
                steps[0] -= 1
                if steps[0] < 0:
                    return False
                if self.state[i][j] is _State.SHOWN or not self._step_ok(i, j, delta):
                    continue
                if i == i0:
                    if first:
                        continue
                    return True
                if i not in rows and from_row(i, -delta, rows | {i}, cols):
                    return True
            return False

        def from_row(i: int, delta: int, rows: frozenset[int], cols: frozenset[int]) -> bool:
            for j in range(self.n_cols):
                if (self.state[i][j] is not _State.SHOWN and j not in cols
                        and self._step_ok(i, j, delta)
                        and from_column(j, -delta, rows, cols | {j}, False)):
                    return True
            return False

        return any(self._step_ok(i0, j0, d) and from_column(j0, -d, frozenset({i0}),
                                                            frozenset({j0}), True)
                   for d in (1, -1))

    def cost(self, corners: tuple[tuple[int, int], ...]) -> int:
        total = 0
        for i, j in corners:
            if self.state[i][j] is _State.SHOWN:
                interior = i < self.n_rows - 1 and j < self.n_cols - 1
                total += self.value[i][j] + (0 if interior else _TOTAL_COST)
        return total

    def protect(self, i: int, j: int) -> bool:
        best: tuple[int, tuple[tuple[int, int], ...]] | None = None
        for corners in self.rectangles(i, j):
            if not all(self.hideable(a, b) for a, b in corners):
                continue
            if not (self.move_ok(corners, 1) or self.move_ok(corners, -1)):
                continue
            cost = self.cost(corners)
            if best is None or cost < best[0]:
                best = (cost, corners)
        if best is None:
            return False
        for a, b in best[1]:
            if self.state[a][b] is _State.SHOWN:
                self.state[a][b] = _State.WITHHELD
        return True

    def hidden(self) -> list[tuple[int, int]]:
        return [(i, j) for i in range(self.n_rows) for j in range(self.n_cols)
                if self.state[i][j] is not _State.SHOWN]

    def suppress(self) -> bool:
        """Complementary suppression until stable; False if some cell cannot be protected."""
        changed = True
        while changed:
            changed = False
            for i, j in self.hidden():
                if self.protected(i, j):
                    continue
                if not self.protect(i, j):
                    return False
                changed = True
        return True

    def withhold_all(self) -> None:
        for i in range(self.n_rows):
            for j in range(self.n_cols):
                if self.state[i][j] is _State.SHOWN and self.hideable(i, j):
                    self.state[i][j] = _State.WITHHELD

    def withhold_everything(self) -> None:
        self.everything_withheld = True
        self.state = [[_State.WITHHELD for _ in row] for row in self.value]

    def text(self, i: int, j: int) -> str:
        state = self.state[i][j]
        if state is _State.PRIMARY:
            return f"<{self.k}"
        if state is _State.WITHHELD:
            return WITHHELD
        return str(self.value[i][j])


def protect_table(table: CountTable, k: int = DEFAULT_K) -> ShownTable:
    """Apply primary and complementary suppression; the result is safe to show."""
    check_k(k)
    n_rows, n_cols = len(table.rows), len(table.columns)
    if any(len(row) != n_cols for row in table.cells) or len(table.cells) != n_rows:
        raise ValueError(f"table {table.key!r}: cells do not match rows × columns")
    if any(v < 0 for row in table.cells for v in row):
        raise ValueError(f"table {table.key!r}: negative count")
    grid = _Grid(table.cells, n_cols, k)
    if n_rows and n_cols and not grid.suppress():
        # No complementary pattern exists; withhold every non-zero count and try again.
        grid.withhold_all()
        if not grid.suppress():
            # e.g. two 1s adding up to a total of 2 with k = 3: "<3" alone pins them
            grid.withhold_everything()
    last_row, last_col = n_rows, n_cols
    cells = tuple(tuple(grid.text(i, j) for j in range(n_cols)) for i in range(n_rows))
    return ShownTable(
        key=table.key, title=table.title, row_header=table.row_header, rows=table.rows,
        columns=table.columns, cells=cells,
        row_totals=tuple(grid.text(i, last_col) for i in range(n_rows)),
        column_totals=tuple(grid.text(last_row, j) for j in range(n_cols)),
        grand_total=grid.text(last_row, last_col),
        suppressed_count=sum(1 for row in cells for text in row if shown_number(text) is None),
        multi_valued=table.multi_valued, k=k, withheld=grid.everything_withheld,
    )


def _count_text(value: int, k: int) -> str:
    return f"<{k}" if 1 <= value < k else str(value)


def _percent(value: int, denominator: int) -> str:
    share = 100 * value / denominator
    if 0 < share < 1:
        return "<1%"
    if 99 < share < 100:
        return ">99%"
    return f"{round(share)}%"


def protect_headline(h: Headline, k: int = DEFAULT_K) -> ShownHeadline:
    """A headline count as text; a rate only when it reveals no hidden count.

    A rate is treated as a one-row table (value, denominator − value) with the denominator
    as its total, so neither the count nor its complement can be small and recoverable.
    """
    check_k(k)
    if h.denominator is None:
        return ShownHeadline(h.key, h.label, _count_text(h.value, k))
    rest = h.denominator - h.value
    if rest < 0:
        raise ValueError(f"headline {h.key!r}: value exceeds denominator")
    shown = protect_table(CountTable(h.key, h.label, "", ("",), ("yes", "no"),
                                     ((h.value, rest),)), k)
    value_text, denominator_text = shown.cells[0][0], shown.grand_total
    value, denominator = shown_number(value_text), shown_number(denominator_text)
    rate = NOT_SHOWN if value is None or not denominator else _percent(value, denominator)
    if value_text == WITHHELD:
        value_text = NOT_SHOWN
    return ShownHeadline(h.key, h.label, rate, f"{value_text} of {denominator_text}")


def protect_headlines(headlines: tuple[Headline, ...] | list[Headline],
                      k: int = DEFAULT_K) -> tuple[ShownHeadline, ...]:
    """All headlines, with first and follow-up contacts protected together against the
    contacts total (they add up to it, so one hidden alone could be recovered)."""
    check_k(k)
    shown = {h.key: protect_headline(h, k) for h in headlines}
    by_key = {h.key: h for h in headlines}
    pair = ("first_contacts", "follow_up_contacts")
    if all(key in by_key for key in pair):
        first, follow = by_key[pair[0]], by_key[pair[1]]
        table = protect_table(CountTable("contact", "", "", ("",), ("first", "follow_up"),
                                         ((first.value, follow.value),)), k)
        for index, key in enumerate(pair):
            text = table.cells[0][index]
            shown[key] = ShownHeadline(key, by_key[key].label,
                                       NOT_SHOWN if text == WITHHELD else text)
    return tuple(shown[h.key] for h in headlines)
