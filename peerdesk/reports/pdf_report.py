"""The program report as a PDF (reportlab platypus), built from a `ProtectedReport` only.

Layout: title page; headline figures; one section per table (chart, then the protected
table); a method note. Every page after the first carries "Page N of M" and a generated-on
line. The file is written atomically with mode 0600.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from peerdesk import APP_NAME
from peerdesk.fileio import write_atomic
from peerdesk.program.disclosure import WITHHELD, ShownHeadline, ShownTable
from peerdesk.reports import ProtectedReport
from peerdesk.reports.charts import (
    ACCENT,
    FONT,
    FONT_BOLD,
    GRID,
    INK,
    MUTED,
    SERIES,
    has_hidden,
    horizontal_bars,
    stacked_months,
)

Progress = Callable[[int, int, str], None]

PAGE = A4
MARGIN = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
LIGHT = colors.HexColor("#F0F4F8")

_STYLES = {
    "cover_kicker": ParagraphStyle("cover_kicker", fontName=FONT_BOLD, fontSize=11,
                                   textColor=ACCENT, leading=14, spaceAfter=6),
    "cover_title": ParagraphStyle("cover_title", fontName=FONT_BOLD, fontSize=30, leading=36,
                                  textColor=INK, spaceAfter=10),
    "cover_period": ParagraphStyle("cover_period", fontName=FONT, fontSize=16, leading=22,
                                   textColor=MUTED, spaceAfter=4),
    "h1": ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=17, leading=22, textColor=INK,
                         spaceBefore=4, spaceAfter=8),
    "h2": ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
                         spaceBefore=14, spaceAfter=4),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK,
                           spaceAfter=6),
    "note": ParagraphStyle("note", fontName=FONT, fontSize=8, leading=10.5, textColor=MUTED,
                           spaceBefore=2, spaceAfter=4),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5, textColor=INK),
    "cell_head": ParagraphStyle("cell_head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5,
                                textColor=INK),
    "cell_num": ParagraphStyle("cell_num", fontName=FONT, fontSize=8.5, leading=10.5,
                               textColor=INK, alignment=TA_RIGHT),
    "figure": ParagraphStyle("figure", fontName=FONT_BOLD, fontSize=22, leading=26,
                             textColor=ACCENT),
    "figure_label": ParagraphStyle("figure_label", fontName=FONT, fontSize=8.5, leading=11,
                                   textColor=INK),
    "figure_detail": ParagraphStyle("figure_detail", fontName=FONT, fontSize=7.5, leading=9.5,
                                    textColor=MUTED),
}

_SECTION_NOTES = {
    "contacts_by_month": "Each contact counts once, in the month of its period (a week "
                         "counts in the month its Thursday falls in).",
    "behaviours": "A contact can describe several kinds of behaviour, so the rows add up to "
                  "more than the number of contacts.",
    "source_relation": "Who the behaviour comes from, as the person described it: the power "
                       "dynamics behind what people bring to supporters.",
    "referrals": "Contacts in which the supporter pointed the person to each type of "
                 "resource. A contact can include several referrals.",
    "next_steps": "What the person said they planned to do next.",
    "sessions_per_supporter": "Sessions each supporter logged and exported: workload and "
                              "recognition. Supporters are shown by the alias they chose, "
                              "or numbered.",
}


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(text, _STYLES[style])


def _e(text: str) -> str:
    return escape(text)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Two passes in one: pages are kept until the end, so each footer knows the total."""

    def __init__(self, *args: Any, footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        self.saveState()
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        self.line(MARGIN, 14 * mm, PAGE[0] - MARGIN, 14 * mm)
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawString(MARGIN, 9.5 * mm, self._footer)
        self.drawRightString(PAGE[0] - MARGIN, 9.5 * mm, f"Page {self._pageNumber} of {total}")
        self.restoreState()


class _ColourBand(Flowable):  # type: ignore[misc]
    """A thin accent band for the title page."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 5

    def draw(self) -> None:
        part = self.width / len(SERIES)
        for index, colour in enumerate(SERIES):
            self.canv.setFillColor(colour)
            self.canv.rect(index * part, 0, part, self.height, stroke=0, fill=1)


def _cover(report: ProtectedReport) -> list[Flowable]:
    scope = "All organisation units" if report.org_unit is None else _e(report.org_unit)
    about = (
        f"This report summarises the peer support program from de-identified summaries that "
        f"supporters exported from their own journals. Counts from 1 to {report.k - 1} are "
        f"shown as &lt;{report.k}, and some further counts are withheld (x) so that no small "
        "number can be worked out from the totals. The method note at the end explains how "
        "the figures were made and what they never contain."
    )
    facts = Table(
        [[_p("Period", "figure_detail"), _p("Scope", "figure_detail"),
          _p("Smallest count shown", "figure_detail")],
         [_p(_e(report.period_label), "cell_head"), _p(scope, "cell_head"),
          _p(str(report.k), "cell_head")]],
        colWidths=[FRAME_WIDTH / 3] * 3,
    )
    facts.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, GRID), ("TOPPADDING", (0, 0), (-1, 0), 8),
    ]))
    return [
        Spacer(1, 55 * mm), _ColourBand(FRAME_WIDTH), Spacer(1, 14 * mm),
        _p("PROGRAM REPORT", "cover_kicker"),
        _p(_e(report.program_name), "cover_title"),
        _p(_e(report.period_label), "cover_period"),
        Spacer(1, 18 * mm), facts, Spacer(1, 12 * mm),
        _p(about, "body"),
        Spacer(1, 6 * mm),
        _p(f"Generated on {report.generated_on.isoformat()} by {APP_NAME} "
           f"{_e(report.app_version)}.", "note"),
        PageBreak(),
    ]


def _headline_cell(headline: ShownHeadline) -> list[Flowable]:
    cell: list[Flowable] = [_p(_e(headline.text), "figure"), _p(_e(headline.label),
                                                                "figure_label")]
    if headline.detail:
        cell.append(_p(_e(headline.detail), "figure_detail"))
    return cell


def _headlines(report: ProtectedReport) -> list[Flowable]:
    per_row = 3
    items = [_headline_cell(h) for h in report.headlines]
    while len(items) % per_row:
        items.append([])
    rows = [items[i:i + per_row] for i in range(0, len(items), per_row)]
    width = FRAME_WIDTH / per_row
    grid = Table(rows, colWidths=[width] * per_row)
    grid.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
        ("LINEBELOW", (0, 0), (-1, -2), 4, colors.white),
        ("LINEAFTER", (0, 0), (-2, -1), 4, colors.white),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    return [
        _p("Headline figures", "h1"),
        _p(f"All contacts in {_e(report.period_label)}. A person is counted once per "
           "supporter: people cannot be linked across supporters, so someone who spoke to "
           "two supporters counts twice.", "body"),
        Spacer(1, 2 * mm), grid,
        _p(f"&lt;{report.k}: a count from 1 to {report.k - 1}. —: not shown, because it would "
           "reveal a small count.", "note"),
    ]


def _table(shown: ShownTable) -> Flowable:
    one_column = len(shown.columns) == 1
    header = [_p(_e(shown.row_header), "cell_head"),
              *[Paragraph(_e(c), _STYLES["cell_head"].clone("h", alignment=TA_RIGHT))
                for c in shown.columns]]
    if not one_column:
        header.append(Paragraph("Total", _STYLES["cell_head"].clone("t", alignment=TA_RIGHT)))
    body: list[list[Any]] = [header]
    for label, cells, total in zip(shown.rows, shown.cells, shown.row_totals, strict=True):
        row: list[Any] = [_p(_e(label), "cell"), *[_p(_e(c), "cell_num") for c in cells]]
        if not one_column:
            row.append(_p(_e(total), "cell_num"))
        body.append(row)
    show_totals = not shown.multi_valued
    if show_totals:
        total_row: list[Any] = [_p("Total", "cell_head"),
                                *[Paragraph(_e(c), _STYLES["cell_head"].clone(
                                    "n", alignment=TA_RIGHT)) for c in shown.column_totals]]
        if not one_column:
            total_row.append(Paragraph(_e(shown.grand_total), _STYLES["cell_head"].clone(
                "g", alignment=TA_RIGHT)))
        body.append(total_row)
    n_value_columns = len(shown.columns) + (0 if one_column else 1)
    label_width = FRAME_WIDTH * (0.5 if one_column else 0.24)
    value_width = min((FRAME_WIDTH - label_width) / n_value_columns, 30 * mm)
    table = Table(body, colWidths=[label_width] + [value_width] * n_value_columns,
                  repeatRows=1, hAlign="LEFT")
    style = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    for index in range(1, len(body)):
        if index % 2 == 0:
            style.append(("BACKGROUND", (0, index), (-1, index), LIGHT))
    if show_totals:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.white))
    table.setStyle(TableStyle(style))
    return table


def _section(shown: ShownTable, colour_index: int) -> list[Flowable]:
    heading: list[Flowable] = [_p(_e(shown.title), "h2")]
    note = _SECTION_NOTES.get(shown.key)
    if note:
        heading.append(_p(note, "note"))
    if shown.withheld or not shown.rows:
        message = ("Too few contacts to show this table without risking that someone is "
                   "identified; it is withheld." if shown.withheld
                   else "No contacts in this period.")
        return [CondPageBreak(40 * mm), *heading, _p(message, "body")]
    if shown.key == "contacts_by_month":
        chart: Any = stacked_months(shown, FRAME_WIDTH)
    else:
        chart = horizontal_bars(shown, FRAME_WIDTH, SERIES[colour_index % len(SERIES)])
    body: list[Flowable] = [chart]
    if has_hidden(shown):
        marker = (" Months marked * include such counts; where a month's total is shown, what "
                  "is not broken down by channel is drawn in grey."
                  if shown.key == "contacts_by_month" else "")
        body.append(_p(f"Bars are not drawn for counts shown as &lt;{shown.k} or "
                       f"{WITHHELD}.{marker}", "note"))
    body += [Spacer(1, 3 * mm), _table(shown)]
    # a section that fits on a page starts on a new page rather than splitting its table
    needed = chart.height + (len(shown.rows) + 2) * 17 + 90
    return [CondPageBreak(min(needed, PAGE[1] - 2 * MARGIN - 20 * mm)), *heading, *body]


def _method(report: ProtectedReport) -> list[Flowable]:
    k = report.k
    paragraphs = [
        ("Where the figures come from",
         "Each supporter keeps a private, encrypted journal of their support conversations. "
         "Once a month or so they export a de-identified summary of the conversations in which "
         "the person agreed to be counted, and send the file to the program coordinator, who "
         "imports it here. Files are checked before import (format, checksum, known codes), "
         "and a re-imported or corrected file replaces the earlier version of each record, so "
         "nothing is counted twice."),
        ("What the summaries never contain",
         "Names, notes, reflections, peer codes, exact dates or times, and sessions without "
         "the person's consent never leave a supporter's journal. A summary holds only coded "
         "answers (such as the channel or the kind of behaviour), the week or month, a "
         "length band, and a keyed code for repeat contacts that cannot be linked across "
         "supporters or turned back into a name."),
        ("What is hidden, and why",
         f"Small numbers can point to a particular person. Every count from 1 to {k - 1} is "
         f"shown as &lt;{k}; zero is shown as 0. Where a hidden count could otherwise be "
         f"worked out by subtracting from a total, further counts are withheld and shown as "
         f"{WITHHELD}, and a total that is itself small is shown as &lt;{k}. A percentage is "
         "shown only when neither it nor its complement reveals a hidden count; otherwise it "
         "is shown as —. The same rules apply to the dashboard, this PDF and the CSV export, "
         "and charts are drawn from the protected numbers only."),
        ("Reading the figures",
         "A contact is one conversation (one-to-one or a group). People supported counts "
         "distinct people per supporter. Weekly summaries count in the month in which their "
         "Thursday falls. Rates use all contacts (or all people) in the period as the base."),
    ]
    flow: list[Flowable] = [PageBreak(), _p("Method note", "h1")]
    for heading, text in paragraphs:
        flow.append(KeepTogether([_p(heading, "h2"), _p(text, "body")]))
    return flow


def build_pdf_bytes(report: ProtectedReport, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes (nothing written to disk)."""
    steps = 3
    if progress is not None:
        progress(0, steps, "Laying out the report")
    story: list[Flowable] = [*_cover(report), *_headlines(report)]
    for index, shown in enumerate(report.tables):
        story.extend(_section(shown, index))
    story.extend(_method(report))
    if progress is not None:
        progress(1, steps, "Drawing pages")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm, title=f"{report.program_name} — program report",
        author=APP_NAME, subject=report.period_label, creator=f"{APP_NAME} {report.app_version}",
    )
    footer = (f"{report.program_name} · {report.period_label} · Generated on "
              f"{report.generated_on.isoformat()} by {APP_NAME} {report.app_version}")

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, footer=footer, **kwargs)

    doc.build(story, canvasmaker=canvas_maker)
    if progress is not None:
        progress(2, steps, "Saving")
    return buffer.getvalue()


def write_pdf_report(report: ProtectedReport, path: Path,
                     progress: Progress | None = None) -> None:
    """Build the PDF and write it atomically (0600) to `path`."""
    data = build_pdf_bytes(report, progress)
    write_atomic(Path(path), data)
    if progress is not None:
        progress(3, 3, "Done")

