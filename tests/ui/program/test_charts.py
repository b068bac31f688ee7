"""Charts are drawn from protected tables only: hidden cells become empty bars that explain."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.program.labels import LabelledTable
from peerdesk.ui.program.charts import (
    ChartKind,
    ChartPanel,
    month_axis_labels,
    month_span,
)


def labelled(key: str, title: str, rows: tuple[str, ...], columns: tuple[str, ...],
             cells: tuple[tuple[str, ...], ...], row_codes: tuple[str, ...] = (),
             multi_valued: bool = False) -> LabelledTable:
    """A protected table in words, as `peerdesk.program.labels.label_report` makes them."""
    return LabelledTable(
        key=key, title=title, row_header="", rows=rows, columns=columns,
        row_codes=row_codes or rows, cells=cells,
        row_totals=tuple("x" for _ in rows), column_totals=tuple("x" for _ in columns),
        grand_total="x", multi_valued=multi_valued, k=5)


MONTHLY = labelled("contacts_by_month", "Contacts per month by channel",
                   ("Jan 2026", "Feb 2026", "Mar 2026"), ("In person", "Phone"),
                   (("40", "<5"), ("35", "30"), ("30", "20")),
                   row_codes=("2026-01", "2026-02", "2026-03"))
BEHAVIOURS = labelled("behaviours", "What is happening",
                      ("Work-related", "Person-related", "Retaliation", "Online"),
                      ("Contacts",), (("1200",), ("40",), ("<5",), ("0",)), multi_valued=True)


def test_month_labels() -> None:
    assert month_axis_labels(["2026-01", "2026-03"]) == ["Jan", "Mar"]
    assert month_span(["2026-01", "2026-02", "2026-03"]) == "Jan 2026 – Mar 2026"
    assert month_span([]) == ""


def test_the_month_chart_shows_every_month_of_a_long_range(qtbot: QtBot) -> None:
    """Jun 2025 – Dec 2026 once drew 12 bars: repeated short names collapsed on the axis."""
    months = tuple(f"{2025 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}" for m in range(6, 25))
    table = labelled("contacts_by_month", "Contacts per month by channel", months,
                     ("In person",), tuple(("10",) for _ in months), row_codes=months)
    panel = ChartPanel(table.key, table.title, ChartKind.STACKED_COLUMNS)
    qtbot.addWidget(panel)
    panel.set_table(table, 5)
    categories = _categories(panel)
    assert len(categories) == len(set(categories)) == 19
    assert categories[0] == "Jun 2025"
    assert categories[-1] == "Dec 2026"
    assert panel.protected is not None
    assert panel.protected.series.barSets()[0].count() == 19


def test_stacked_chart_never_draws_a_small_count(qtbot: QtBot) -> None:
    shown = MONTHLY
    panel = ChartPanel(shown.key, shown.title, ChartKind.STACKED_COLUMNS)
    qtbot.addWidget(panel)
    panel.set_table(shown, 5)
    assert panel.protected is not None
    sets = panel.protected.series.barSets()
    assert [s.label() for s in sets] == ["In person", "Phone"]
    values = [[s.at(i) for i in range(s.count())] for s in sets]
    for column, bar_values in enumerate(values):
        for row, value in enumerate(bar_values):
            text = shown.cells[row][column]
            assert value == (float(text) if text.isdigit() else 0.0)
    assert not any(1 <= v < 5 for column in values for v in column)
    assert "hidden" in panel.protected.tooltip(1, 0)
    assert panel.protected.tooltip(1, 0).startswith("Jan 2026 — Phone: ")
    assert "<5" in panel.note.text()


def test_bar_chart_labels_carry_the_shown_value_escaped(qtbot: QtBot) -> None:
    shown = BEHAVIOURS
    panel = ChartPanel(shown.key, shown.title, ChartKind.BARS)
    qtbot.addWidget(panel)
    panel.set_table(shown, 5)
    assert panel.protected is not None
    categories = next(axis for axis in panel.protected.chart.axes()
                      if hasattr(axis, "categories")).categories()
    # listed top to bottom in table order (horizontal bars start at the bottom)
    assert categories[-1].startswith("Work-related")
    assert "1,200" in categories[-1]
    retaliation = next(c for c in categories if c.startswith("Retaliation"))
    assert "&lt;5" in retaliation  # rich text: an unescaped "<5" would vanish
    bar_set = panel.protected.series.barSets()[0]
    values = [bar_set.at(i) for i in range(bar_set.count())]
    assert 1200.0 in values
    assert not any(1 <= v < 5 for v in values)
    # one contact can name several behaviours: the total counts mentions, and says so
    assert panel.model.headerData(4, Qt.Orientation.Vertical) == "Total mentions"


def _categories(panel: ChartPanel) -> list[str]:
    assert panel.protected is not None
    return list(next(axis for axis in panel.protected.chart.axes()
                     if hasattr(axis, "categories")).categories())


def test_long_bar_labels_are_shortened_to_fit_but_never_their_value(qtbot: QtBot) -> None:
    """Large system fonts and longer languages: a category name gives way, its value does
    not, and the full name stays in the tooltip."""
    from peerdesk.ui.program.charts import LABEL_SHARE

    long_name = "Excluded from meetings and information needed to do the job"
    shown = labelled("behaviours", "What is happening", (long_name, "Online"), ("Contacts",),
                     (("1234",), ("40",)))
    panel = ChartPanel(shown.key, shown.title, ChartKind.BARS)
    qtbot.addWidget(panel)
    panel.set_table(shown, 5)
    panel.resize(1400, 370)
    panel.show()
    qtbot.waitUntil(lambda: long_name in _categories(panel)[-1])  # wide: nothing cut

    panel.resize(420, 370)
    qtbot.waitUntil(lambda: long_name not in _categories(panel)[-1])
    label = _categories(panel)[-1]
    assert label.endswith("·  1,234")
    assert "…" in label
    assert label.startswith("Excluded from")
    assert panel.protected is not None
    font = next(axis for axis in panel.protected.chart.axes()
                if hasattr(axis, "categories")).labelsFont()
    from PySide6.QtGui import QFontMetrics
    assert QFontMetrics(font).horizontalAdvance(label) <= 420 * LABEL_SHARE
    assert _categories(panel)[0] == "Online  ·  40"  # short names are left alone
    assert panel.protected.tooltip(0, 1).startswith(long_name)


def test_the_table_tab_fits_its_contents_when_shown_and_after_a_refresh(qtbot: QtBot) -> None:
    def with_value(value: str) -> LabelledTable:
        return dataclasses.replace(BEHAVIOURS, cells=((value,), ("40",), ("<5",), ("0",)),
                                   row_totals=(value, "40", "<5", "0"))

    panel = ChartPanel(BEHAVIOURS.key, BEHAVIOURS.title, ChartKind.BARS)
    qtbot.addWidget(panel)
    panel.resize(700, 360)
    panel.set_table(with_value("123456789012"), 5)
    with qtbot.waitExposed(panel):
        panel.show()
    table = panel.table_view

    def fits() -> bool:
        return all(table.columnWidth(column) >= table.sizeHintForColumn(column)
                   for column in range(panel.model.columnCount()))

    panel.tabs.setCurrentWidget(table)
    assert fits()
    panel.set_table(with_value("123456789012345678"), 5)  # a refresh while it is shown
    assert fits()
