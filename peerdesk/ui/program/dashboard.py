"""The program dashboard: headline figure cards over a grid of chart panels.

Everything shown here comes from `peerdesk.program.report.prepare_report` (rounded with the
journal's threshold k) in words from `peerdesk.program.labels`; the dashboard never receives a
raw count.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.program.charts import ChartKind, ChartPanel
from peerdesk.ui.program.tables import grouped
from peerdesk.ui.style import is_dark, tone_css

if TYPE_CHECKING:
    from peerdesk.program.labels import LabelledHeadline, LabelledTable

HEADLINE_COLUMNS = 4
CHART_COLUMNS = 2
CARD_MIN_WIDTH = 150
CHART_MIN_WIDTH = 300
CARD_HEIGHT = 100  # at the usual font size; larger system fonts get taller cards


def card_height(font: QFont) -> int:
    """Room for the figure (twice the text size), three caption lines and the detail line."""
    return max(CARD_HEIGHT, round(QFontMetrics(font).lineSpacing() * 6.4) + 16)
def dashboard_style() -> str:
    """White cards on a light page; on a dark palette, cards in the palette's base colour.
    Type selectors, so only the cards themselves get a border."""
    if is_dark():
        return ("HeadlineCard, ChartPanel { background: palette(base);"
                " border: 1px solid palette(mid); border-radius: 8px; }")
    return ("HeadlineCard, ChartPanel {"
            " background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px; }")


def chart_kind_for(table: LabelledTable) -> ChartKind:
    """Tables over months become stacked columns; everything else horizontal bars."""
    if table.months and len(table.columns) >= 1 and len(table.rows) >= 1:
        return ChartKind.STACKED_COLUMNS
    return ChartKind.BARS


# Headlines shown together on one card (their figures side by side).
CARD_GROUPS: tuple[tuple[str, ...], ...] = (("first_contacts", "follow_up_contacts"),)


def card_groups(headlines: Sequence[LabelledHeadline]) -> list[tuple[LabelledHeadline, ...]]:
    """The cards to show, in headline order, with grouped headlines sharing a card."""
    by_key = {h.key: h for h in headlines}
    grouped: dict[str, tuple[str, ...]] = {}
    for group in CARD_GROUPS:
        if all(key in by_key for key in group):
            for key in group:
                grouped[key] = group
    cards: list[tuple[LabelledHeadline, ...]] = []
    placed: set[str] = set()
    for headline in headlines:
        if headline.key in placed:
            continue
        group = grouped.get(headline.key, (headline.key,))
        cards.append(tuple(by_key[key] for key in group))
        placed.update(group)
    return cards


def _pair_caption(first: str, second: str) -> str:
    """"First contacts" + "Follow-up contacts" → "First contacts / follow-up contacts"."""
    return f"{first} / {second[:1].lower()}{second[1:]}"


class FigureLabel(QLabel):
    """A card's big figure: twice the text size when it fits, smaller (down to 1.2×) when
    the card is narrow or the system font large, so the figure is never cut off."""

    LARGEST, SMALLEST = 2.0, 1.2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = self.font().pointSizeF()
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(self._base * self.LARGEST)
        self.setFont(font)
        # Same height whatever size the figure ends up, so captions line up across cards.
        self.setFixedHeight(QFontMetrics(font).height())
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.setMinimumWidth(40)  # never widens the grid column
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        available = self.contentsRect().width()
        font = QFont(self.font())
        size = self._base * self.LARGEST
        font.setPointSizeF(size)
        needed = QFontMetrics(font).horizontalAdvance(self.text())
        if available > 0 and needed > available:
            size = max(self._base * self.SMALLEST, size * available / needed * 0.98)
            smallest = self._base * self.SMALLEST
            font.setPointSizeF(size)
            # glyph widths do not scale exactly with the size: step down until it really fits
            while size > smallest and QFontMetrics(font).horizontalAdvance(self.text()) > available:
                size = max(smallest, size - 0.25)
                font.setPointSizeF(size)
        if abs(size - self.font().pointSizeF()) > 0.05:
            font.setPointSizeF(size)
            self.setFont(font)


class HeadlineCard(QFrame):
    """A big protected figure with its caption; fixed height so a grid of them stays even."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("headlineCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # At least the usual height, so a grid of cards stays even; taller when a caption
        # needs more lines (large fonts, longer languages).
        self.setMinimumHeight(card_height(self.font()))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.value = FigureLabel()
        self.value.setObjectName("headlineValue")
        self.value.setStyleSheet(tone_css("accent"))
        self.caption = QLabel()
        self.caption.setObjectName("headlineCaption")
        self.caption.setStyleSheet("" if is_dark() else "color: #30343b;")
        self.detail = QLabel()
        self.detail.setObjectName("headlineDetail")
        self.detail.setStyleSheet(tone_css("muted"))
        self.caption.setWordWrap(True)  # long captions take two lines; the card has room
        for label in (self.caption, self.detail):
            label.setMinimumWidth(40)  # never widens the grid column
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(label.wordWrap())
            label.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_headlines(self, headlines: Sequence[LabelledHeadline]) -> None:
        value = " / ".join(grouped(h.text) for h in headlines)
        if len(headlines) == 2:
            caption = _pair_caption(headlines[0].label, headlines[1].label)
        else:
            caption = " / ".join(h.label for h in headlines)
        details = [grouped(h.detail) for h in headlines if h.detail]
        detail = "; ".join(details)
        self.value.setText(value)
        self.caption.setText(caption)
        self.detail.setText(detail)
        description = f"{caption}: {value}" + (f" ({detail})" if detail else "")
        self.setToolTip(description)
        self.setAccessibleName(description)

    def set_headline(self, headline: LabelledHeadline) -> None:
        self.set_headlines([headline])

    def minimumSizeHint(self) -> QSize:
        return QSize(CARD_MIN_WIDTH, card_height(self.font()))


class Dashboard(QWidget):
    """Headline cards (up to 4 a row) above chart panels (up to 2 a row); the grids take fewer
    columns when the window is narrow (small screens, large scale), never a sideways scroll."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: dict[str, HeadlineCard] = {}
        self.panels: dict[str, ChartPanel] = {}
        self._card_grid = QGridLayout()
        self._card_grid.setHorizontalSpacing(12)
        self._card_grid.setVerticalSpacing(12)
        for column in range(HEADLINE_COLUMNS):
            self._card_grid.setColumnStretch(column, 1)
        self._chart_grid = QGridLayout()
        self._chart_grid.setHorizontalSpacing(12)
        self._chart_grid.setVerticalSpacing(12)
        for column in range(CHART_COLUMNS):
            self._chart_grid.setColumnStretch(column, 1)
        self.setObjectName("programDashboard")
        self.setStyleSheet(dashboard_style())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(self._card_grid)
        layout.addLayout(self._chart_grid)
        layout.addStretch(1)
        self._columns = (HEADLINE_COLUMNS, CHART_COLUMNS)
        # The layout would make four cards' width the least this widget takes; a width of its
        # own lets the grids reflow instead (see resizeEvent).
        self.setMinimumWidth(CARD_MIN_WIDTH)

    def _fitting_columns(self) -> tuple[int, int]:
        spacing = self._card_grid.horizontalSpacing()
        card = next(iter(self.cards.values()), None)
        card_width = (card.minimumSizeHint().width() if card is not None else CARD_MIN_WIDTH)
        cards = (self.width() + spacing) // (card_width + spacing)
        charts = (self.width() + spacing) // (CHART_MIN_WIDTH + spacing)
        return (max(1, min(HEADLINE_COLUMNS, cards)), max(1, min(CHART_COLUMNS, charts)))

    def _place(self, grid: QGridLayout, widgets: Sequence[QWidget], columns: int,
               most: int) -> None:
        for widget in widgets:
            grid.removeWidget(widget)
        for column in range(most):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, widget in enumerate(widgets):
            grid.addWidget(widget, index // columns, index % columns)

    def _reflow(self) -> None:
        columns = self._fitting_columns()
        if columns == self._columns:
            return
        self._columns = columns
        self._place(self._card_grid, list(self.cards.values()), columns[0], HEADLINE_COLUMNS)
        self._place(self._chart_grid, list(self.panels.values()), columns[1], CHART_COLUMNS)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def set_headlines(self, headlines: Sequence[LabelledHeadline]) -> None:
        """One card per headline (grouped ones share a card), keyed by the first key."""
        groups = card_groups(headlines)
        wanted = [group[0].key for group in groups]
        if wanted != list(self.cards):
            for card in self.cards.values():
                self._card_grid.removeWidget(card)
                card.deleteLater()
            self.cards = {}
            for index, key in enumerate(wanted):
                card = HeadlineCard(key)
                self.cards[key] = card
                self._card_grid.addWidget(card, index // self._columns[0],
                                          index % self._columns[0])
        for group in groups:
            self.cards[group[0].key].set_headlines(group)

    def set_tables(self, tables: Sequence[LabelledTable], k: int) -> None:
        for step in self.table_steps(tables, k):
            step()

    def table_steps(self, tables: Sequence[LabelledTable], k: int) -> list[Callable[[], None]]:
        """`set_tables` in steps, two per chart, its table then its chart (a chart takes
        5–20 ms to build, and its table as long again with its first paint): a caller can run
        one step per turn of the event loop so the window keeps responding."""
        wanted = [t.key for t in tables]
        if wanted != list(self.panels):
            for panel in self.panels.values():
                self._chart_grid.removeWidget(panel)
                panel.deleteLater()
            self.panels = {}

        def rows(index: int, table: LabelledTable) -> None:
            panel = self.panels.get(table.key)
            if panel is None:
                panel = ChartPanel(table.key, table.title, chart_kind_for(table))
                panel.setObjectName(f"chart_{table.key}")
                self.panels[table.key] = panel
                columns = self._columns[1]
                self._chart_grid.addWidget(panel, index // columns, index % columns)
            panel.model.set_table(table, k)

        def chart(table: LabelledTable) -> None:
            self.panels[table.key].show_chart(table, k)

        return [step for index, table in enumerate(tables)
                for step in (functools.partial(rows, index, table),
                             functools.partial(chart, table))]
