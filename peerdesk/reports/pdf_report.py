"""The program report as a PDF (reportlab platypus), built from a `ProtectedReport` only.

Layout: title page; headline figures; one section per table (chart, then the protected
table); a method note. Every page after the first carries "Page N of M" and a generated-on
line. The file is written atomically with mode 0600. Every word is in the report's `language`
(words from `peerdesk.program.labels`); the figures are the same in every language.
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
from reportlab.pdfbase.pdfmetrics import stringWidth
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
from peerdesk.program.disclosure import NOT_SHOWN, small
from peerdesk.program.labels import LabelledHeadline, LabelledReport, LabelledTable, label_report
from peerdesk.program.report import ProtectedReport
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
from peerdesk.translation import localize, msg

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
    "contacts_by_month": msg("Each contact counts once, in the calendar month it took place."),
    "behaviours": msg("A contact can describe several kinds of behaviour, so the rows add up "
                      "to more than the number of contacts."),
    "source_relation": msg("Who the behaviour comes from, as the person described it: the "
                           "power dynamics behind what people bring to supporters."),
    "referrals": msg("Contacts in which the supporter pointed the person to each type of "
                     "resource. A contact can include several referrals."),
    "next_steps": msg("What the person said they planned to do next."),
}


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(text, _STYLES[style])


def _e(text: str) -> str:
    return escape(text)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Two passes in one: pages are kept until the end, so each footer knows the total."""

    def __init__(self, *args: Any, footer: str = "", language: str = "en",
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []
        self._footer = footer
        self._language = language

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
        page = msg("Page {page} of {total}", page=self._pageNumber, total=total)
        self.drawRightString(PAGE[0] - MARGIN, 9.5 * mm, localize(page, self._language))
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


def _cover(report: LabelledReport, language: str) -> list[Flowable]:
    def text(message: str) -> str:
        return _e(localize(message, language))

    scope = _e(report.scope)
    about = text(msg(
        "This report summarises the peer support program from de-identified monthly figures "
        "that supporters exported from their own journals. Every figure is rounded to a "
        "multiple of {k}, and a count of 1 to {below} in a month is shown as {small}, so that "
        "no small number can be worked out, not even by comparing reports. The method note at "
        "the end explains how the figures were made and what they never contain.",
        k=report.k, below=report.k - 1, small=small(report.k)))
    facts = Table(
        [[_p(text(msg("Period")), "figure_detail"), _p(text(msg("Scope")), "figure_detail"),
          _p(text(msg("Smallest count shown")), "figure_detail")],
         [_p(_e(report.period_label), "cell_head"), _p(scope, "cell_head"),
          _p(str(report.k), "cell_head")]],
        colWidths=[FRAME_WIDTH / 3] * 3,
    )
    facts.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, GRID), ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a value that wraps (a long scope) hangs down
    ]))
    return [
        Spacer(1, 8 * mm), _ColourBand(FRAME_WIDTH), Spacer(1, 10 * mm),
        _p(_e(localize(msg("Program report"), language).upper()), "cover_kicker"),
        _p(_e(report.program_name), "cover_title"),
        _p(_e(report.period_label), "cover_period"),
        Spacer(1, 10 * mm), facts, Spacer(1, 8 * mm),
        _p(about, "body"),
        Spacer(1, 6 * mm),
        _p(text(msg("Generated on {date} by {app} {version}.",
                    date=report.generated_on.isoformat(), app=APP_NAME,
                    version=report.app_version)), "note"),
        Spacer(1, 8 * mm),  # the headline figures follow on the same page: no half-empty pages
    ]


def _headline_cell(headline: LabelledHeadline) -> list[Flowable]:
    cell: list[Flowable] = [_p(_e(headline.text), "figure"), _p(_e(headline.label),
                                                                "figure_label")]
    if headline.detail:
        cell.append(_p(_e(headline.detail), "figure_detail"))
    return cell


def _headlines(report: LabelledReport, language: str) -> list[Flowable]:
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
        _p(_e(localize(msg("Headline figures"), language)), "h1"),
        _p(_e(localize(msg(
            "All contacts in {period}. A person is counted once per supporter: people cannot "
            "be linked across supporters, so someone who spoke to two supporters counts twice.",
            period=report.period_label), language)), "body"),
        Spacer(1, 2 * mm), grid,
        _p(_e(localize(msg(
            "Figures are rounded to a multiple of {k}. {small}: a small count (1 to {below} in "
            "a month). {not_shown}: a rate that would need a hidden count.", k=report.k,
            small=small(report.k), below=report.k - 1, not_shown=NOT_SHOWN), language)),
           "note"),
        *_supporters(report, language),
    ]


def _supporters(report: LabelledReport, language: str) -> list[Flowable]:
    names = ", ".join(report.supporter_names)
    return [_p(_e(localize(msg(
        "Supporters whose figures are included ({count}): {names}. Figures are never shown "
        "per supporter.", count=len(report.supporter_names), names=names), language)),
        "body")]


_CELL_PADDING = 4 + 6 + 1   # left and right padding of a table cell, and a point to spare


def _widest_word(texts: list[str]) -> float:
    style = _STYLES["cell_head"]
    return max((stringWidth(word, style.fontName, style.fontSize)
                for text in texts for word in text.split()), default=0)


def _table(shown: LabelledTable, language: str) -> Flowable:
    one_column = len(shown.columns) == 1
    total_text = _e(localize(msg("Total"), language))
    header = [_p(_e(shown.row_header), "cell_head"),
              *[Paragraph(_e(c), _STYLES["cell_head"].clone("h", alignment=TA_RIGHT))
                for c in shown.columns]]
    if not one_column:
        header.append(Paragraph(total_text, _STYLES["cell_head"].clone("t",
                                                                       alignment=TA_RIGHT)))
    body: list[list[Any]] = [header]
    for label, cells, total in zip(shown.rows, shown.cells, shown.row_totals, strict=True):
        row: list[Any] = [_p(_e(label), "cell"), *[_p(_e(c), "cell_num") for c in cells]]
        if not one_column:
            row.append(_p(_e(total), "cell_num"))
        body.append(row)
    show_totals = not shown.multi_valued
    if show_totals:
        total_row: list[Any] = [_p(total_text, "cell_head"),
                                *[Paragraph(_e(c), _STYLES["cell_head"].clone(
                                    "n", alignment=TA_RIGHT)) for c in shown.column_totals]]
        if not one_column:
            total_row.append(Paragraph(_e(shown.grand_total), _STYLES["cell_head"].clone(
                "g", alignment=TA_RIGHT)))
        body.append(total_row)
    n_value_columns = len(shown.columns) + (0 if one_column else 1)
    label_width = FRAME_WIDTH * (0.5 if one_column else 0.24)
    value_width = min(max((FRAME_WIDTH - label_width) / n_value_columns,
                          _widest_word([*shown.columns, total_text]) + _CELL_PADDING), 30 * mm)
    # a column header may wrap between words but never inside one ("Videollamada" in Spanish)
    label_width = max(min(label_width, FRAME_WIDTH - value_width * n_value_columns),
                      FRAME_WIDTH * 0.15)
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


def _section(shown: LabelledTable, colour_index: int, language: str) -> list[Flowable]:
    heading: list[Flowable] = [_p(_e(shown.title), "h2")]
    note = _SECTION_NOTES.get(shown.key)
    if note:
        heading.append(_p(_e(localize(note, language)), "note"))
    if not shown.rows:
        message = msg("No contacts in this period.")
        return [CondPageBreak(40 * mm), *heading, _p(_e(localize(message, language)), "body")]
    if shown.key == "contacts_by_month":
        chart: Any = stacked_months(shown, FRAME_WIDTH, language=language)
    else:
        chart = horizontal_bars(shown, FRAME_WIDTH, SERIES[colour_index % len(SERIES)])
    body: list[Flowable] = [chart]
    if has_hidden(shown):
        marker = small(shown.k)
        bars = (msg("Bars are not drawn for counts shown as {small}. Months marked * include "
                    "such counts; where a month's total is shown, what is not broken down by "
                    "channel is drawn in grey.", small=marker)
                if shown.key == "contacts_by_month"
                else msg("Bars are not drawn for counts shown as {small}.", small=marker))
        body.append(_p(_e(localize(bars, language)), "note"))
    body += [Spacer(1, 3 * mm), _table(shown, language)]
    # a section that fits on a page starts on a new page rather than splitting its table
    needed = chart.height + (len(shown.rows) + 2) * 17 + 90
    return [CondPageBreak(min(needed, PAGE[1] - 2 * MARGIN - 20 * mm)), *heading, *body]


def _method(report: LabelledReport, language: str) -> list[Flowable]:
    k = report.k
    paragraphs = [
        (msg("Where the figures come from"),
         msg("Each supporter keeps a private, encrypted journal of their support conversations. "
             "Once a month or so they export signed figures per calendar month for the "
             "conversations in which the person agreed to be counted, and send the file to the "
             "program coordinator, who imports it here. The latest figures for each supporter "
             "and month replace earlier ones, so nothing is counted twice.")),
        (msg("What the summaries never contain"),
         msg("Names, notes, reflections, peer codes, single sessions, exact dates or times, and "
             "sessions without the person's consent never leave a supporter's journal. A "
             "summary holds only counts per month, and the number of distinct people each "
             "supporter saw, counted inside their own journal.")),
        (msg("Rounding and small counts"),
         msg("Small numbers can point to a particular person, and so can the difference between "
             "two reports. So every count is rounded to a multiple of {k}, up or down, the way "
             "statistics offices do it: a count of {example} is shown as {down} or {up}, never as "
             "{example}. Which way a count goes is fixed by a secret key in the coordinator's "
             "journal and by which supporters and months it counts, so the same count is shown the"
             " same way in every report, and producing more reports tells a reader nothing new. A "
             "count of 1 to {below} in a month is shown as {small}; zero is shown as 0.",
             k=k, below=k - 1, small=small(k), example=2 * k + 2, down=2 * k, up=3 * k)),
        (msg("Totals and rates"),
         msg("A figure over several months, and every total, is the sum of the rounded monthly "
             "counts; where that sum is 0 although there were contacts, it is shown as {small}. "
             "Because each table adds up its own rounded counts, two tables can show slightly "
             "different totals for the same contacts. Rates are worked out from the rounded "
             "figures shown beside them; {not_shown} means a rate would need a hidden count. "
             "The dashboard, this PDF and the CSV show the same figures.",
             small=small(k), not_shown=NOT_SHOWN)),
        (msg("People and supporters"),
         msg("A contact is one conversation (one-to-one or a group). People supported is "
             "counted by each supporter in their journal, per calendar year, quarter or month; "
             "for a period that is not a whole year, quarter or month, the figures of the years, "
             "quarters and months that make it up are added, so a person counts once per "
             "supporter in each of those blocks, and someone who spoke to two supporters counts "
             "twice. Supporters are listed by name or number and counted exactly; no figure is "
             "ever shown for one supporter alone, and a view is limited to an organisation "
             "unit only when it and the rest of the program each have at least {k} "
             "supporters.", k=k)),
    ]
    flow: list[Flowable] = [PageBreak(), _p(_e(localize(msg("Method note"), language)), "h1")]
    for heading, text in paragraphs:
        flow.append(KeepTogether([_p(_e(localize(heading, language)), "h2"),
                                  _p(_e(localize(text, language)), "body")]))
    return flow


def build_pdf_bytes(protected: ProtectedReport, progress: Progress | None = None,
                    language: str = "en") -> bytes:
    """The report as PDF bytes in `language` (nothing written to disk). Only the words
    change with the language: every figure and hidden cell is the same."""
    steps = 3
    if progress is not None:
        progress(0, steps, localize(msg("Laying out the report"), language))
    report = label_report(protected, language)
    story: list[Flowable] = [*_cover(report, language), *_headlines(report, language)]
    for index, shown in enumerate(report.tables):
        story.extend(_section(shown, index, language))
    story.extend(_method(report, language))
    if progress is not None:
        progress(1, steps, localize(msg("Drawing pages"), language))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=localize(msg("{program} — program report", program=report.program_name),
                       language),
        author=APP_NAME, subject=report.period_label, creator=f"{APP_NAME} {report.app_version}",
    )
    footer = localize(msg("{program} · {period} · Generated on {date} by {app} {version}",
                          program=report.program_name, period=report.period_label,
                          date=report.generated_on.isoformat(), app=APP_NAME,
                          version=report.app_version), language)

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, footer=footer, language=language, **kwargs)

    doc.build(story, canvasmaker=canvas_maker)
    if progress is not None:
        progress(2, steps, localize(msg("Saving"), language))
    return buffer.getvalue()


def write_pdf_report(report: ProtectedReport, path: Path,
                     progress: Progress | None = None, language: str = "en") -> None:
    """Build the PDF in `language` and write it atomically (0600) to `path`."""
    data = build_pdf_bytes(report, progress, language)
    write_atomic(Path(path), data)
    if progress is not None:
        progress(3, 3, localize(msg("Done"), language))

