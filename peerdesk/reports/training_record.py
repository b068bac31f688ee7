"""The printable training record: what a trainee completed and when (PDF via reportlab).

Lists completed guides and scenarios with dates and the two percentages. It never contains a
trainee's own scenario answers. The name line is left blank for the trainee to write on.
Written in English or another language (`language`): the wording, track names and guide and
scenario titles (from the translated guide files) follow it; dates are ISO (2026-11-21).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from peerdesk import APP_NAME, __version__
from peerdesk.fileio import write_atomic
from peerdesk.guides.loader import load_library
from peerdesk.guides.model import DISCLAIMER, GUIDE, TRACK_LABELS
from peerdesk.guides.progress import CompletedItem, ProgressSummary
from peerdesk.translation import localize, msg, translate

TITLE = msg("Training record")
GUIDES_CONTEXT = "Guides"  # track names and the disclaimer are translated with the guides


@dataclass(frozen=True)
class TrainingRecord:
    summary: ProgressSummary
    generated_on: date


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
    """Draws "Page N of M" once the total is known (pages are buffered until save)."""

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._language = language

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _ = self._pagesize
        self.setFont("Helvetica", 8)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawString(20 * mm, 12 * mm, f"{APP_NAME} {__version__} · "
                                          f"{localize(TITLE, self._language)}")
        page = msg("Page {page} of {total}", page=self._pageNumber, total=total)
        self.drawRightString(width - 20 * mm, 12 * mm, localize(page, self._language))


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], alignment=0, fontSize=22,
                                spaceAfter=4 * mm),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], spaceBefore=6 * mm,
                             spaceAfter=2 * mm),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=10, leading=14),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8.5, leading=11,
                                textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontSize=9.5, leading=12),
        "head": ParagraphStyle("head", parent=base["BodyText"], fontName="Helvetica-Bold",
                               fontSize=9.5, leading=12),
    }


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#8aa0b8")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _titles(language: str) -> dict[str, str]:
    """Guide and scenario id → title in `language`, from the shipped (translated) files."""
    library = load_library(language=language)
    return {item.id: item.title for item in library.items}


def _title(item: CompletedItem, titles: dict[str, str]) -> str:
    return titles.get(item.item_id, item.title)  # an item not shipped keeps its own title


def build_training_record(record: TrainingRecord, language: str = "en") -> bytes:
    """The record as PDF bytes in `language` (pure: no files written)."""
    def text(message: str) -> str:
        return escape(localize(message, language))

    styles = _styles()
    summary = record.summary
    titles = _titles(language)
    story: list[Flowable] = [
        Paragraph(text(TITLE), styles["title"]),
        Paragraph(text(msg("Peer support training: active listening and supporting "
                           "colleagues")), styles["body"]),
        Spacer(1, 8 * mm),
        Table([[text(msg("Name:")), ""]], colWidths=[18 * mm, 110 * mm], hAlign="LEFT",
              style=TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                                ("FONT", (0, 0), (0, 0), "Helvetica-Bold", 10.5),
                                ("LEFTPADDING", (0, 0), (0, 0), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])),
        Spacer(1, 6 * mm),
        Paragraph(
            f"<b>{text(msg('Trainee path'))}:</b> "
            + text(msg("{percent}% completed ({done} of {total} guides)",
                       percent=summary.trainee_percent, done=summary.trainee_done,
                       total=summary.trainee_total))
            + f"<br/><b>{text(msg('Practice scenarios'))}:</b> "
            + text(msg("{percent}% completed ({done} of {total} scenarios)",
                       percent=summary.scenarios_percent, done=summary.scenarios_done,
                       total=summary.scenarios_total)),
            styles["body"]),
    ]
    guides = [c for c in summary.completed if c.kind == GUIDE]
    scenarios = [c for c in summary.completed if c.kind != GUIDE]

    def head(message: str) -> Paragraph:
        return Paragraph(text(message), styles["head"])

    def cell(value: str) -> Paragraph:  # a Paragraph wraps where a plain string would overflow
        return Paragraph(escape(value), styles["cell"])

    story.append(Paragraph(text(msg("Guides completed")), styles["h2"]))
    if guides:
        rows: list[list[Any]] = [[head(msg("Guide")), head(msg("Track")),
                                  head(msg("Completed on"))]]
        rows += [[cell(_title(c, titles)),
                  cell(translate(TRACK_LABELS.get(c.track, c.track), language, GUIDES_CONTEXT)),
                  cell(c.completed_on.isoformat())] for c in guides]
        story.append(_table(rows, [100 * mm, 40 * mm, 30 * mm]))
    else:
        story.append(Paragraph(text(msg("No guides completed yet.")), styles["body"]))
    story.append(Paragraph(text(msg("Practice scenarios completed")), styles["h2"]))
    if scenarios:
        rows = [[head(msg("Scenario")), head(msg("Completed on"))]]
        rows += [[cell(_title(c, titles)), cell(c.completed_on.isoformat())] for c in scenarios]
        story.append(_table(rows, [140 * mm, 30 * mm]))
    else:
        story.append(Paragraph(text(msg("No practice scenarios completed yet.")), styles["body"]))
    story += [
        Spacer(1, 8 * mm),
        Paragraph(text(msg("Generated on {date} by {app}. The trainee's own answers to the "
                           "practice scenarios stay private and are not part of this record.",
                           date=record.generated_on.isoformat(), app=APP_NAME)),
                  styles["small"]),
        Paragraph(escape(translate(DISCLAIMER, language, GUIDES_CONTEXT)), styles["small"]),
    ]
    title = localize(TITLE, language)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
        bottomMargin=22 * mm, title=title, author="", creator=APP_NAME, subject=title)

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, language=language, **kwargs)

    document.build(story, canvasmaker=canvas_maker)
    return buffer.getvalue()


def write_training_record(path: Path, record: TrainingRecord, language: str = "en") -> None:
    """Write the PDF in `language` to `path` atomically (mode 0600); raises PeerDeskError on
    failure."""
    write_atomic(path, build_training_record(record, language))
