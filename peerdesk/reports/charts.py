"""Report charts (reportlab graphics), drawn only from PROTECTED tables.

A cell shown as "<k" has no bar: it is drawn as 0 and labelled with its mark, so a
chart never shows more than the table beside it.
"""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from peerdesk.program.disclosure import shown_number
from peerdesk.program.labels import LabelledTable
from peerdesk.translation import localize, msg

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
GRID = colors.HexColor("#D9E2EC")
REST = colors.HexColor("#AEB8C4")   # hidden counts, drawn only as a month's remainder
ACCENT = colors.HexColor("#1F4E79")
SERIES = (
    colors.HexColor("#1F4E79"),   # deep blue
    colors.HexColor("#2A9D8F"),   # teal
    colors.HexColor("#E9A23B"),   # amber
    colors.HexColor("#C8553D"),   # brick
    colors.HexColor("#7A6C9D"),   # muted violet
    colors.HexColor("#8AA29E"),   # sage
)


def _nice_max(value: int) -> int:
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = int(step * magnitude)
        if top >= value:
            return top
    return value  # pragma: no cover


def _fit(text: str, width: float, size: float) -> str:
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def has_hidden(table: LabelledTable) -> bool:
    return any(shown_number(text) is None for row in table.cells for text in row)


def horizontal_bars(table: LabelledTable, width: float, colour: colors.Color = ACCENT,
                    column: int = 0) -> Drawing:
    """One bar per row for column `column`; the shown text is printed after each bar."""
    row_height, size = 17.0, 8.5
    label_width = min(max((stringWidth(r, FONT, size) for r in table.rows), default=0) + 8,
                      width * 0.5)
    value_room = 30.0
    height = row_height * len(table.rows) + 6
    drawing = Drawing(width, height)
    values = [shown_number(row[column]) or 0 for row in table.cells]
    top = _nice_max(max(values, default=0))
    plot_width = width - label_width - value_room
    for tick in range(5):
        x = label_width + plot_width * tick / 4
        drawing.add(Line(x, 2, x, height, strokeColor=GRID, strokeWidth=0.5))
    for index, (label, row) in enumerate(zip(table.rows, table.cells, strict=True)):
        y = height - (index + 1) * row_height
        text = row[column]
        value = shown_number(text)
        drawing.add(String(label_width - 6, y + 5, _fit(label, label_width - 8, size),
                           fontName=FONT, fontSize=size, fillColor=INK, textAnchor="end"))
        bar = plot_width * (value or 0) / top
        if bar > 0:
            drawing.add(Rect(label_width, y + 2, bar, row_height - 5, fillColor=colour,
                             strokeColor=None))
        drawing.add(String(label_width + bar + 4, y + 5, text,
                           fontName=FONT_BOLD if value is None else FONT, fontSize=size,
                           fillColor=MUTED if value is None else INK))
    return drawing


def stacked_months(table: LabelledTable, width: float, height: float = 210,
                   language: str = "en") -> Drawing:
    """Contacts per month, one stacked bar per month, one colour per column (channel).
    The table's labels are already in `language`; the legend's own entry is put in it too."""
    drawing = Drawing(width, height)
    n_columns = len(table.columns)
    data = [[shown_number(row[j]) or 0 for row in table.cells] for j in range(n_columns)]
    # what a month's shown total holds beyond its shown cells (the sum of its hidden cells,
    # which any reader can work out anyway) is drawn as one grey "not broken down" segment
    rest = [max(0, (shown_number(total) or 0) - sum(series[i] for series in data))
            for i, total in enumerate(table.row_totals)]
    names = list(table.columns)
    if any(rest):
        data.append(rest)
        names.append(localize(msg("Small counts, not broken down"), language))
    totals = [sum(series[i] for series in data) for i in range(len(table.rows))]
    marked = [label + ("*" if any(shown_number(t) is None for t in row) else "")
              for label, row in zip(table.rows, table.cells, strict=True)]
    many = len(marked) > 8
    fills = [SERIES[j % len(SERIES)] for j in range(n_columns)] + [REST] * (len(names) - n_columns)
    legend_rows = _legend_rows(list(zip(fills, names, strict=True)), width)
    extra = LEGEND_ROW * (len(legend_rows) - 1)   # a legend too long for one line takes two
    chart = VerticalBarChart()
    chart.x, chart.y = 34, (72 if many else 44) + extra   # room for slanted month labels
    chart.width, chart.height = width - 44, height - chart.y - 10
    chart.data = data or [[0]]
    chart.categoryAxis.categoryNames = marked or [""]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.angle = 45 if many else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if many else "n"
    chart.categoryAxis.labels.dx = 4 if many else 0
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = MUTED
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(totals, default=0))
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = None
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.barSpacing = 0
    chart.groupSpacing = 6 if len(marked) < 16 else 3
    chart.bars.strokeColor = None
    for j, fill in enumerate(fills):
        chart.bars[j].fillColor = fill
    drawing.add(chart)
    for index, pairs in enumerate(legend_rows):
        drawing.add(_legend(pairs, 14 + extra - LEGEND_ROW * index))
    return drawing


LEGEND_ROW = 14.0
LegendPair = tuple[colors.Color, str]


def _legend(pairs: list[LegendPair], y: float) -> Legend:
    """One line of legend entries, starting under the value axis."""
    legend = Legend()
    legend.x, legend.y = 34, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.variColumn = 1         # each entry as wide as its own text
    legend.deltax = 22
    legend.dx, legend.dy = 8, 8
    legend.fontName, legend.fontSize = FONT, 8
    legend.fillColor = INK
    legend.strokeColor = None
    legend.colorNamePairs = pairs
    return legend


def _legend_rows(pairs: list[LegendPair], width: float) -> list[list[LegendPair]]:
    """The entries in lines that each fit in `width` (longer labels, as in Spanish, wrap)."""
    rows: list[list[LegendPair]] = [[]]
    for pair in pairs:
        if rows[-1] and _legend([*rows[-1], pair], 0).getBounds()[2] > width:
            rows.append([])
        rows[-1].append(pair)
    return rows
