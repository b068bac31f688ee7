"""The printable recovery kit: one calm page with the recovery code (PDF via reportlab).

What it is, where to keep it, the code, the journal's fingerprint, the date it was made, how to
use it and what to do if it is lost. English or another language (`language`); the code, the
fingerprint and the date (ISO, 2026-12-04) read the same in every language.
The PDF holds a secret: the code is never put in the document's metadata, and the file is
written with mode 0600 (`write_recovery_kit`).
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
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from peerdesk import APP_NAME, __version__
from peerdesk.fileio import write_atomic
from peerdesk.translation import localize, msg
from peerdesk.vault.recovery_code import RecoveryCode

TITLE = msg("Recovery kit")
_INK = colors.HexColor("#1f2933")
_MUTED = colors.HexColor("#52606d")
_PANEL = colors.HexColor("#f0f4f8")
_RULE = colors.HexColor("#9fb3c8")


@dataclass(frozen=True)
class RecoveryKit:
    code: RecoveryCode
    fingerprint: str  # the key file's, see peerdesk.vault.keyslots.Keyring.fingerprint
    made_on: date

    def __repr__(self) -> str:
        return f"RecoveryKit(fingerprint={self.fingerprint!r}, made_on={self.made_on})"


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=10.5,
                          leading=15, textColor=_INK)
    return {
        "app": ParagraphStyle("app", parent=body, fontSize=10, textColor=_MUTED),
        "title": ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=24,
                                leading=30, spaceAfter=3 * mm),
        "lead": ParagraphStyle("lead", parent=body, fontSize=11.5, leading=17),
        "h2": ParagraphStyle("h2", parent=body, fontName="Helvetica-Bold", fontSize=12.5,
                             leading=17, spaceBefore=6 * mm, spaceAfter=1.5 * mm),
        "body": body,
        "label": ParagraphStyle("label", parent=body, fontSize=9.5, leading=12,
                                textColor=_MUTED),
        "code": ParagraphStyle("code", parent=body, fontName="Courier-Bold", fontSize=17,
                               leading=22, alignment=1),
        "number": ParagraphStyle("number", parent=body, fontSize=7.5, leading=9,
                                 alignment=1, textColor=_MUTED),
        "detail": ParagraphStyle("detail", parent=body, fontName="Courier", fontSize=11,
                                 leading=15),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11,
                                textColor=_MUTED),
    }


def _code_groups(code: RecoveryCode, styles: dict[str, ParagraphStyle]) -> Table:
    """One cell per group, numbered: read aloud group by group, and a typo message that names
    "group 3" points at a place on the page."""
    groups = Table(
        [[Paragraph(escape(group), styles["code"]) for group in code.groups],
         [Paragraph(str(number), styles["number"])
          for number in range(1, len(code.groups) + 1)]],
        colWidths=[22.5 * mm] * len(code.groups), hAlign="CENTER")
    groups.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return groups


def _code_panel(kit: RecoveryKit, text: Any, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [
        [Paragraph(text(msg("Recovery code")), styles["label"]), ""],
        [_code_groups(kit.code, styles), ""],
        [Paragraph(text(msg("Journal fingerprint")), styles["label"]),
         Paragraph(text(msg("Made on")), styles["label"])],
        [Paragraph(escape(kit.fingerprint), styles["detail"]),
         Paragraph(escape(kit.made_on.isoformat()), styles["detail"])],
    ]
    panel = Table(rows, colWidths=[105 * mm, 65 * mm], hAlign="LEFT")
    panel.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 0)),
        ("SPAN", (0, 1), (1, 1)),
        ("BACKGROUND", (0, 0), (-1, -1), _PANEL),
        ("BOX", (0, 0), (-1, -1), 0.8, _RULE),
        ("LINEBELOW", (0, 1), (-1, 1), 0.4, _RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
        ("LEFTPADDING", (0, 1), (-1, 1), 2 * mm),
        ("RIGHTPADDING", (0, 1), (-1, 1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, 0), 4 * mm),
        ("TOPPADDING", (0, 1), (-1, 1), 2 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 5 * mm),
        ("TOPPADDING", (0, 2), (-1, 2), 3 * mm),
        ("BOTTOMPADDING", (0, 3), (-1, 3), 4 * mm),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return panel


def _bullets(items: list[Paragraph], numbered: bool = False) -> ListFlowable:
    return ListFlowable(
        [ListItem(item, leftIndent=6 * mm) for item in items],
        bulletType="1" if numbered else "bullet", start="1" if numbered else "•",
        leftIndent=6 * mm, bulletFontSize=10.5, bulletColor=_MUTED,
        spaceBefore=0, spaceAfter=0)


def build_recovery_kit(kit: RecoveryKit, language: str = "en") -> bytes:
    """The kit as PDF bytes in `language` (pure: no files written)."""
    def text(message: str) -> str:
        return escape(localize(message, language))

    styles = _styles()

    def para(message: str, style: str = "body") -> Paragraph:
        return Paragraph(text(message), styles[style])

    story: list[Flowable] = [
        para(msg("{app} · keep this page somewhere safe", app=APP_NAME), "app"),
        para(TITLE, "title"),
        para(msg("If you forget your passphrase, this code opens your journal so you can "
                 "choose a new passphrase. Without the passphrase or this code nobody can "
                 "open the journal — not even the people who make {app}.", app=APP_NAME),
             "lead"),
        Spacer(1, 6 * mm),
        _code_panel(kit, text, styles),
        Spacer(1, 2 * mm),
        para(msg("Capital or small letters, spaces and dashes do not matter when you type "
                 "the code. The fingerprint tells which journal this page belongs to: "
                 "PeerDesk shows it on the recovery screen."), "small"),
        KeepTogether([
            para(msg("Where to keep it"), "h2"),
            _bullets([
                para(msg("Somewhere locked and away from the computer: a drawer you lock, a "
                         "safe, or with other papers you already keep safe.")),
                para(msg("Not in the laptop bag, and never as a photo, an e-mail, a chat "
                         "message or a file in cloud storage.")),
                para(msg("If you saved this page as a file to print it, delete the file now "
                         "that it is printed.")),
            ]),
        ]),
        KeepTogether([
            para(msg("If you forget your passphrase"), "h2"),
            _bullets([
                para(msg("Open {app} and choose “Forgot your passphrase?” on the unlock "
                         "screen.", app=APP_NAME)),
                para(msg("Check that the fingerprint shown there is the one on this page.")),
                para(msg("Type the recovery code, then choose a new passphrase. Your journal "
                         "opens as before; the code keeps working until you make a new one.")),
            ], numbered=True),
        ]),
        KeepTogether([
            para(msg("If this page is lost or someone else may have seen it"), "h2"),
            para(msg("Make a new recovery code in {app} (Settings, Recovery kit) and print "
                     "the new page. This code then stops opening your journal. Backups made "
                     "before still open with it: delete backups you no longer need.",
                     app=APP_NAME)),
        ]),
    ]
    title = localize(TITLE, language)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=20 * mm, title=title, author="", creator=APP_NAME, subject=title)
    footer = localize(msg("{app} {version} · {title} · this page holds a secret: do not scan, "
                          "photograph or e-mail it", app=APP_NAME, version=__version__,
                          title=TITLE), language)

    def draw_footer(canvas: Any, _document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(_MUTED)
        canvas.drawString(20 * mm, 12 * mm, footer)
        canvas.restoreState()

    document.build(story, onFirstPage=draw_footer, onLaterPages=draw_footer)
    return buffer.getvalue()


def write_recovery_kit(path: Path, kit: RecoveryKit, language: str = "en") -> None:
    """Write the PDF in `language` to `path` atomically (mode 0600); raises PeerDeskError on
    failure."""
    write_atomic(path, build_recovery_kit(kit, language))
