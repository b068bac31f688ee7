"""Dashboard charts (QtCharts), drawn only from protected tables.

A chart never sees a raw count: it is built from a `LabelledTable`, whose cells are the strings
a person may see ("15", "<5", "—"). A hidden cell is drawn as a zero-height bar, its tooltip
says why, and a note under the chart explains it. The table under each chart shows the same
protected values with totals.
"""

from __future__ import annotations

import html
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from peerdesk.program.labels import Labeller
from peerdesk.ui.i18n import current_language
from peerdesk.ui.program.tables import (
    ShownTableModel,
    grouped,
    hidden_explanation,
    shown_number,
)
from peerdesk.ui.style import is_dark, tone_css

if TYPE_CHECKING:
    from peerdesk.program.labels import LabelledTable

# One calm, colour-blind-safe palette (Okabe–Ito, reordered) used by every chart, so the same
# position always means the same colour.
PALETTE: tuple[str, ...] = (
    "#1f6f8b",  # deep teal
    "#e69f00",  # amber
    "#56b4e9",  # sky
    "#009e73",  # green
    "#cc79a7",  # rose
    "#d55e00",  # vermilion
    "#7a6fb0",  # violet
    "#8c8c8c",  # grey
)

SINGLE_SERIES_COLOUR = PALETTE[0]
PANEL_HEIGHT = 370
LABEL_SHARE = 0.40  # of a bar chart's width, at most, for one category label
MIN_LABEL_WIDTH = 90
def text_colour() -> QColor:
    """Chart text: near-black on the light card, the palette's text on a dark one."""
    return (QGuiApplication.palette().color(QPalette.ColorRole.Text) if is_dark()
            else QColor("#30343b"))


def grid_colour() -> QColor:
    return QColor("#4a4f55" if is_dark() else "#e3e6ea")


def card_colour() -> QColor:
    """The card behind a chart: white on light palettes, the palette's base on dark ones."""
    return (QGuiApplication.palette().color(QPalette.ColorRole.Base) if is_dark()
            else QColor("#ffffff"))

class ChartKind(Enum):
    STACKED_COLUMNS = "stacked"   # rows along the x axis, one stacked segment per column
    BARS = "bars"                 # horizontal bars, one per row (first column, or the total)


def month_axis_labels(months: list[str]) -> list[str]:
    """One distinct label per month, in the interface language (never the system locale)."""
    return Labeller(current_language()).month_axis(months)


def month_span(months: list[str]) -> str:
    """'Jul 2025 – Jun 2026' for "YYYY-MM" months (the axis title under short labels)."""
    if not months:
        return ""
    return Labeller(current_language()).period(months[0], months[-1])


def bar_label(row: str, shown: str) -> str:
    """A category label that carries its protected value, as the axis's rich text
    ("<5" must be escaped or it vanishes as a tag)."""
    return html.escape(f"{row}  ·  {grouped(shown)}")


def _bar_values(table: LabelledTable) -> tuple[list[str], list[str]]:
    """(label per row, shown text per row) for a horizontal bar chart."""
    single = len(table.columns) == 1
    shown = [row[0] for row in table.cells] if single else list(table.row_totals)
    return list(table.rows), shown


def _axis_font(size_delta: float = 0.0) -> QFont:
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF() + size_delta, 7.0))
    return font


def _style_chart(chart: QChart) -> None:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundVisible(True)
    chart.setBackgroundBrush(card_colour())
    chart.setBackgroundPen(Qt.PenStyle.NoPen)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(_axis_font(-1))
    legend.setLabelColor(text_colour())


def _value_axis(maximum: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(maximum, 5))
    axis.applyNiceNumbers()
    axis.setMin(0)
    axis.setLabelsFont(_axis_font(-1))
    axis.setLabelsColor(text_colour())
    axis.setGridLineColor(grid_colour())
    axis.setLineVisible(False)
    return axis


def _category_axis(labels: list[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setTruncateLabels(False)  # the value is at the end of the label: never cut it off
    axis.setLabelsFont(_axis_font(-1))
    axis.setLabelsColor(text_colour())
    axis.setGridLineVisible(False)
    return axis


class ProtectedChart:
    """Builds a QChart from a LabelledTable and remembers what each bar stands for (tooltips)."""

    def __init__(self, table: LabelledTable, kind: ChartKind, k: int) -> None:
        self.table = table
        self.kind = kind
        self.k = k
        self.has_hidden = False
        # The text a person may see, per bar set and index, for the hover tooltip.
        self._shown: dict[int, list[str]] = {}
        self._labels: dict[int, list[str]] = {}
        self._names: dict[int, str] = {}
        self._bar_rows: list[str] = []
        self._bar_texts: list[str] = []
        self._bar_axis: QBarCategoryAxis | None = None
        self.chart = QChart()
        _style_chart(self.chart)
        if kind is ChartKind.STACKED_COLUMNS:
            self._build_stacked()
        else:
            self._build_bars()

    def _set(self, index: int, name: str, shown: list[str], labels: list[str],
             colour: str) -> QBarSet:
        bar_set = QBarSet(name)
        values: list[float] = []
        for text in shown:
            number = shown_number(text)
            if number is None:
                self.has_hidden = True
            values.append(float(number or 0))  # hidden: drawn as nothing, never the raw value
        bar_set.append(values)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        bar_set.setLabelColor(text_colour())
        self._shown[index] = shown
        self._labels[index] = labels
        self._names[index] = name
        bar_set.hovered.connect(
            lambda status, bar, which=index: self._hover(bool(status), int(bar), which))
        return bar_set

    def _build_stacked(self) -> None:
        table = self.table
        labels = month_axis_labels(list(table.row_codes))
        full_labels = list(table.rows)
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        for column, name in enumerate(table.columns):
            shown = [row[column] for row in table.cells]
            series.append(self._set(column, name, shown, full_labels,
                                    PALETTE[column % len(PALETTE)]))
        self.chart.addSeries(series)
        x_axis = _category_axis(labels)
        span = month_span(list(table.row_codes))
        if span:
            x_axis.setTitleText(span)
            x_axis.setTitleFont(_axis_font(-1))
            x_axis.setTitleBrush(text_colour())
        if len(labels) > 12 or len(labels) != len(set(labels)) or len(labels[0]) > 5:
            x_axis.setLabelsAngle(-90)
        totals = [shown_number(text) or 0 for text in table.row_totals]
        stacked_max = max(
            (sum(shown_number(row[c]) or 0 for c in range(len(table.columns)))
             for row in table.cells), default=0)
        y_axis = _value_axis(max([*totals, stacked_max, 0]))
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self.chart.legend().setVisible(len(table.columns) > 1)
        self.series: QAbstractBarSeries = series

    def _build_bars(self) -> None:
        rows, shown = _bar_values(self.table)
        # Horizontal bars draw the first category at the bottom; reverse so the table order
        # reads top to bottom.
        rows, shown = rows[::-1], shown[::-1]
        labels = [bar_label(row, text) for row, text in zip(rows, shown, strict=True)]
        series = QHorizontalBarSeries()
        series.setBarWidth(0.72 if len(rows) >= 6 else 0.55)  # few rows: no slabs
        series.append(self._set(0, self.table.title, shown, rows, SINGLE_SERIES_COLOUR))
        self.chart.addSeries(series)
        y_axis = _category_axis(labels)
        self._bar_rows, self._bar_texts, self._bar_axis = rows, shown, y_axis
        x_axis = _value_axis(max((shown_number(t) or 0 for t in shown), default=0))
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y_axis)
        series.attachAxis(x_axis)
        self.chart.legend().setVisible(False)
        # Room for long labels, which QtCharts lets overflow its own reserved width.
        self.chart.setMargins(QMargins(24, 4, 8, 4))
        self.series = series

    def fit_labels(self, width: int) -> None:
        """Shorten long category names so a bar label takes at most `LABEL_SHARE` of the chart's
        `width` (large system fonts, longer languages). The value is never shortened; the full
        name stays in the tooltip and the Table tab."""
        if self._bar_axis is None or width <= 0:
            return
        metrics = QFontMetrics(self._bar_axis.labelsFont())
        limit = max(MIN_LABEL_WIDTH, int(width * LABEL_SHARE))
        labels: list[str] = []
        for row, text in zip(self._bar_rows, self._bar_texts, strict=True):
            suffix = f"  ·  {grouped(text)}"
            room = max(MIN_LABEL_WIDTH // 2, limit - metrics.horizontalAdvance(suffix))
            name = metrics.elidedText(row, Qt.TextElideMode.ElideRight, room)
            labels.append(html.escape(name + suffix))
        if len(set(labels)) == len(labels) and labels != self._bar_axis.categories():
            self._bar_axis.setCategories(labels)  # names must stay distinct for the axis

    def tooltip(self, set_index: int, bar: int) -> str:
        shown = self._shown[set_index][bar]
        label = self._labels[set_index][bar]
        prefix = (f"{label} — {self._names[set_index]}"
                  if self.kind is ChartKind.STACKED_COLUMNS else label)
        if shown_number(shown) is None:
            return f"{prefix}: {shown} ({hidden_explanation(shown, self.k)})"
        return f"{prefix}: {grouped(shown)}"

    def _hover(self, status: bool, bar: int, set_index: int) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), self.tooltip(set_index, bar))
        else:
            QToolTip.hideText()


class ChartPanel(QFrame):
    """A titled card: the chart, and in a second tab the protected table with totals."""

    def __init__(self, key: str, title: str, kind: ChartKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.kind = kind
        self.protected: ProtectedChart | None = None
        self.setObjectName("chartPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedHeight(PANEL_HEIGHT)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("chartTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.title_label.setFont(font)

        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("{0} chart").format(title))
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setBackgroundBrush(card_colour())

        self.model = ShownTableModel(self)
        self.table_view = QTableView()
        self.table_view.setModel(self.model)
        self.table_view.setAccessibleName(self.tr("{0} table").format(title))
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.horizontalHeader().setStretchLastSection(False)
        # Sized to its contents while it is the tab shown (`_fit_table`): sizing a hidden
        # table measured every cell twice on each refresh (~20 ms for a year by month).
        self.model.modelReset.connect(self._fit_table)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, self.tr("Chart"))
        self.tabs.addTab(self.table_view, self.tr("Table"))
        self.tabs.setAccessibleName(self.tr("{0}: chart or table").format(title))
        self.tabs.currentChanged.connect(self._fit_table)

        self.note = QLabel()
        self.note.setObjectName("chartNote")
        self.note.setStyleSheet(tone_css("muted"))
        self.note.setWordWrap(True)  # longer languages and large scales: wrap, never cut
        note_policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        note_policy.setHeightForWidth(True)
        self.note.setSizePolicy(note_policy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.protected is not None:
            self.protected.fit_labels(self._chart_width(event.size().width()))

    def _chart_width(self, panel_width: int) -> int:
        layout = self.layout()
        if layout is None:
            return panel_width
        margins = layout.contentsMargins()
        return panel_width - margins.left() - margins.right()

    def _fit_table(self) -> None:
        """Columns and rows as large as their contents, when the Table tab is the one shown."""
        if self.tabs.currentWidget() is self.table_view:
            self.table_view.resizeColumnsToContents()
            self.table_view.resizeRowsToContents()

    def set_table(self, table: LabelledTable | None, k: int) -> None:
        self.model.set_table(table, k)
        self.show_chart(table, k)

    def show_chart(self, table: LabelledTable | None, k: int) -> None:
        """The chart of `table` (its Table tab is `model`'s, set apart: `set_table` does both)."""
        if table is None:
            self.protected = None
            self.view.setChart(QChart())
            self.note.setText("")
            return
        self.protected = ProtectedChart(table, self.kind, k)
        self.protected.fit_labels(self._chart_width(self.width()))
        old = self.view.chart()
        self.view.setChart(self.protected.chart)
        if old is not None and old is not self.protected.chart:
            old.deleteLater()
        if self.protected.has_hidden:
            self.note.setText(self.tr(
                "Values shown as <{0} are small counts, drawn as 0 — see the Table tab."
            ).format(k))
        else:
            self.note.setText("")
