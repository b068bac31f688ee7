"""A QTextBrowser for reading: a centred column, heading anchors, find in page."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from peerdesk.ui.style import is_dark, tone

COLUMN_WIDTH = 760

def reader_style(widget: QWidget) -> str:
    """The page style sheet, sized from the user's font and coloured for their palette."""
    base = widget.font().pointSizeF()
    base = base if base > 0 else 10.0
    palette = widget.palette()
    heading = "#a8c7fa" if is_dark(palette) else "#1f3a5f"
    text = palette.color(QPalette.ColorRole.Text).name()
    muted = tone("muted", palette).name()
    link = palette.color(QPalette.ColorRole.Link).name()
    return f"""
body {{ font-size: {base * 1.1:.1f}pt; }}
h1 {{ font-size: {base * 2:.1f}pt; margin-top: 6px; margin-bottom: 2px; }}
h2 {{ font-size: {base * 1.5:.1f}pt; margin-top: 22px; margin-bottom: 6px; color: {heading}; }}
h3 {{ font-size: {base * 1.25:.1f}pt; margin-top: 16px; margin-bottom: 4px; color: {heading}; }}
p {{ margin-top: 4px; margin-bottom: 9px; line-height: 135%; }}
li {{ margin-bottom: 5px; line-height: 130%; }}
ul, ol {{ margin-top: 2px; margin-bottom: 8px; }}
table.quote {{ margin-top: 6px; margin-bottom: 12px; }}
p.quote {{ margin-top: 3px; margin-bottom: 5px; color: {text}; }}
p.task {{ margin-left: 6px; margin-bottom: 6px; }}
p.meta {{ color: {muted}; margin-top: 0px; }}
p.summary {{ font-style: italic; margin-bottom: 14px; }}
p.note {{ color: {muted}; font-style: italic; }}
p.footer {{ color: {muted}; font-size: {base * 0.95:.1f}pt; margin-top: 18px; }}
a {{ color: {link}; }}
"""


FOUND = QColor("#fff0a0")
CURRENT = QColor("#ffb347")


class ReaderView(QTextBrowser):
    """Shows one rendered page; links are handled by the owner (`anchorClicked`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(reader_style(self))
        self.document().setDocumentMargin(18)
        self._matches: list[QTextCursor] = []
        self._current = -1

    def show_html(self, html: str) -> None:
        self.clear_find()
        self.setHtml(html)
        self._apply_column()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_column()

    def _apply_column(self) -> None:
        margin = max(0, (self.viewport().width() - COLUMN_WIDTH) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != margin:
            fmt.setLeftMargin(margin)
            fmt.setRightMargin(margin)
            frame.setFrameFormat(fmt)

    def anchor_position(self, anchor: str) -> int:
        """Vertical position of a named anchor in the document, or -1."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if anchor in fragment.charFormat().anchorNames():
                    layout = self.document().documentLayout()
                    return int(layout.blockBoundingRect(block).top())
                it += 1
            block = block.next()
        return -1

    # -- find in page ---------------------------------------------------------------------------

    def find_all(self, text: str) -> int:
        """Highlight every match of `text`; select the first one after the top of the view."""
        self._matches = []
        self._current = -1
        if text:
            cursor = QTextCursor(self.document())
            while True:
                cursor = self.document().find(text, cursor)
                if cursor.isNull():
                    break
                self._matches.append(QTextCursor(cursor))
        if self._matches:
            top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
            self._current = next((i for i, c in enumerate(self._matches)
                                  if c.selectionStart() >= top), 0)
        self._paint_matches()
        return len(self._matches)

    def find_step(self, backward: bool = False) -> int:
        """Move to the next (or previous) match, wrapping around; returns its index or -1."""
        if not self._matches:
            return -1
        step = -1 if backward else 1
        self._current = (self._current + step) % len(self._matches)
        self._paint_matches()
        return self._current

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_match(self) -> int:
        return self._current

    def clear_find(self) -> None:
        self._matches = []
        self._current = -1
        self.setExtraSelections([])

    def _paint_matches(self) -> None:
        selections = []
        for index, cursor in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT if index == self._current else FOUND)
            fmt.setForeground(QColor("#000000"))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        if 0 <= self._current < len(self._matches):
            cursor = QTextCursor(self._matches[self._current])
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

