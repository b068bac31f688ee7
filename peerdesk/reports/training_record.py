"""The printable training record: what a trainee completed and when (PDF via reportlab).

Lists completed guides and scenarios with dates and the two percentages. It never contains a
trainee's own scenario answers. The name line is left blank for the trainee to write on.
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
from peerdesk.guides.model import DISCLAIMER, GUIDE, TRACK_LABELS
from peerdesk.guides.progress import ProgressSummary

TITLE = "Training record"


@dataclass(frozen=True)
class TrainingRecord:
    summary: ProgressSummary
    generated_on: date


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
    """Draws "Page N of M" once the total is known (pages are buffered until save)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

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
        self.drawString(20 * mm, 12 * mm, f"{APP_NAME} {__version__} · {TITLE}")
        self.drawRightString(width - 20 * mm, 12 * mm,
                             f"Page {self._pageNumber} of {total}")


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


def build_training_record(record: TrainingRecord) -> bytes:
    """The record as PDF bytes (pure: no files touched)."""
    styles = _styles()
    summary = record.summary
    story: list[Flowable] = [
        Paragraph(TITLE, styles["title"]),
        Paragraph("Peer support training: active listening and supporting colleagues",
                  styles["body"]),
        Spacer(1, 8 * mm),
        Table([["Name:", ""]], colWidths=[18 * mm, 110 * mm], hAlign="LEFT",
              style=TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                                ("FONT", (0, 0), (0, 0), "Helvetica-Bold", 10.5),
                                ("LEFTPADDING", (0, 0), (0, 0), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])),
        Spacer(1, 6 * mm),
        Paragraph(
            f"<b>Trainee path:</b> {summary.trainee_percent}% completed "
            f"({summary.trainee_done} of {summary.trainee_total} guides)<br/>"
            f"<b>Practice scenarios:</b> {summary.scenarios_percent}% completed "
            f"({summary.scenarios_done} of {summary.scenarios_total} scenarios)",
            styles["body"]),
    ]
    guides = [c for c in summary.completed if c.kind == GUIDE]
    scenarios = [c for c in summary.completed if c.kind != GUIDE]
    story.append(Paragraph("Guides completed", styles["h2"]))
    if guides:
        rows: list[list[Any]] = [["Guide", "Track", "Completed on"]]
        rows += [[Paragraph(escape(c.title), styles["cell"]), TRACK_LABELS.get(c.track, c.track),
                  c.completed_on.isoformat()] for c in guides]
        story.append(_table(rows, [100 * mm, 40 * mm, 30 * mm]))
    else:
        story.append(Paragraph("No guides completed yet.", styles["body"]))
    story.append(Paragraph("Practice scenarios completed", styles["h2"]))
    if scenarios:
        rows = [["Scenario", "Completed on"]]
        rows += [[Paragraph(escape(c.title), styles["cell"]), c.completed_on.isoformat()]
                 for c in scenarios]
        story.append(_table(rows, [140 * mm, 30 * mm]))
    else:
        story.append(Paragraph("No practice scenarios completed yet.", styles["body"]))
    story += [
        Spacer(1, 8 * mm),
        Paragraph(f"Generated on {record.generated_on.isoformat()} by {APP_NAME}. "
                  "The trainee's own answers to the practice scenarios stay private and are "
                  "not part of this record.", styles["small"]),
        Paragraph(DISCLAIMER, styles["small"]),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
        bottomMargin=22 * mm, title=TITLE, author="", creator=APP_NAME, subject=TITLE)
    document.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def write_training_record(path: Path, record: TrainingRecord) -> None:
    """Write the PDF to `path` atomically (mode 0600); raises PeerDeskError on failure."""
    write_atomic(path, build_training_record(record))
