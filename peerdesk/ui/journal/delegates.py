"""Paints a search snippet with the matching words in bold (the model marks them «like this»)."""

from __future__ import annotations

from collections import OrderedDict
from html import escape

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from peerdesk.journal.search import SNIPPET_CLOSE, SNIPPET_OPEN


def snippet_html(snippet: str) -> str:
    return escape(snippet).replace(SNIPPET_OPEN, "<b>").replace(SNIPPET_CLOSE, "</b>")


# Laid-out snippets kept for the next paint (a page of search results holds 200)
DOCUMENTS_KEPT = 400


class SnippetDelegate(QStyledItemDelegate):
    """Each snippet is laid out once (parsing and laying out its HTML on every paint took
    about a quarter of a search result page's paint) and kept while it may be painted again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple[str, str], QTextDocument] = OrderedDict()

    def _document(self, text: str, font: QFont) -> QTextDocument:
        key = (text, font.key())
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)
            return document
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        document.setHtml(snippet_html(text))
        self._documents[key] = document
        if len(self._documents) > DOCUMENTS_KEPT:
            self._documents.popitem(last=False)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        document = self._document(text, opt.font)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        top = rect.top() + max(0.0, (rect.height() - document.size().height()) / 2)
        painter.translate(QPointF(rect.left() + 2, top))
        context.clip = QRectF(0, 0, rect.width() - 4, rect.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
