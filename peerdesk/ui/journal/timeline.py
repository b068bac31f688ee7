"""A peer's timeline: every session with one peer code, oldest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.i18n import display_taxonomy
from peerdesk.ui.style import tone_css

EXCERPT_CHARS = 140
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole


def notes_excerpt(notes: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(notes.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class PeerTimelineDialog(QDialog):
    """Lists the sessions; Enter or double-click asks to open one (`open_requested`)."""

    open_requested = Signal(int)

    def __init__(self, repository: SessionRepository, peer_code: str, *,
                 taxonomy: Taxonomy | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peerTimeline")
        self.taxonomy = taxonomy or display_taxonomy()
        self.peer_code = peer_code.strip()
        self.sessions: list[Session] = repository.peer_timeline(self.peer_code)
        self.setWindowTitle(self.tr("Timeline · {0}").format(self.peer_code))
        self.resize(1000, 500)

        heading = QLabel(self.tr("Sessions with {0}").format(self.peer_code))
        heading.setObjectName("timelineHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        count = len(self.sessions)
        if count == 0:
            text = self.tr("No sessions with this peer code yet.")
        elif count == 1:
            text = self.tr("1 session")
        else:
            text = self.tr("{0} sessions, oldest first").format(count)
        summary = QLabel(text)
        summary.setObjectName("timelineSummary")
        summary.setStyleSheet(tone_css("muted"))

        self.tree = QTreeWidget()
        self.tree.setObjectName("timelineList")
        self.tree.setAccessibleName(self.tr("Sessions with this peer code"))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 5px 4px; }")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Contact"),
                                   self.tr("What is happening · support"), self.tr("Notes")])
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 340)
        for session in self.sessions:
            self.tree.addTopLevelItem(self._item(session))
        last = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
        if last is not None:
            self.tree.setCurrentItem(last)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))

        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("&Open session"))
        self.open_button.setObjectName("timelineOpen")
        self.open_button.setAccessibleName(self.tr("Open the selected session"))
        self.open_button.setEnabled(bool(self.sessions))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.tree.setFocus()

    def _item(self, session: Session) -> QTreeWidgetItem:
        tax = self.taxonomy
        when = session.date.strftime("%Y-%m-%d")
        if session.start_time is not None:
            when += session.start_time.strftime("  %H:%M")
        contact = tax.field("contact").label_for(session.contact)
        channel = tax.field("channel").label_for(session.channel)
        codes: list[str] = []
        for key, attribute in (("behaviour", "behaviours"), ("risk_flag", "risk_flags"),
                               ("support_given", "support_given")):
            field = tax.field(key)
            values = getattr(session, attribute)
            codes.extend(field.label_for(code) for code in field.codes() if code in values)
        if session.next_step:
            codes.append(tax.field("next_step").label_for(session.next_step))
        item = QTreeWidgetItem([when, f"{contact}\n{channel}", ", ".join(codes),
                                notes_excerpt(session.notes)])
        item.setData(0, SESSION_ID_ROLE, session.id)
        item.setToolTip(2, ", ".join(codes))
        item.setToolTip(3, session.notes)
        for column in range(4):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return item

    def session_ids(self) -> list[int]:
        items = (self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount()))
        return [int(item.data(0, SESSION_ID_ROLE)) for item in items if item is not None]

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        session_id = int(item.data(0, SESSION_ID_ROLE))
        self.accept()
        self.open_requested.emit(session_id)
