"""The follow-ups workspace: overdue, due today and upcoming follow-ups; mark them done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.journal.repository import FollowUps, SessionRepository, SessionRow
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.i18n import display_taxonomy, message_text
from peerdesk.ui.messages import show_error
from peerdesk.ui.shortcuts import add_shortcut
from peerdesk.ui.style import scaled_font_css, tone, tone_css
from peerdesk.ui.workspaces import AppContext, Workspace

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole

OVERDUE, DUE_TODAY, UPCOMING = "overdue", "due_today", "upcoming"
# Overdue and upcoming show at most this many follow-ups each (the oldest overdue, the soonest
# upcoming); the section says how many there are, the journal's "Follow-up due" filter lists
# every one. Thousands of rows would take a good part of a second to build.
SECTION_LIMIT = 200
_SECTION_TONES = {OVERDUE: "error", DUE_TODAY: "warning", UPCOMING: "muted"}


class FollowUpsWorkspace(Workspace):
    workspace_id = "follow_ups"

    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 *, taxonomy: Taxonomy | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("followUpsWorkspace")
        self.repository = SessionRepository(context.vault)
        self.taxonomy = taxonomy or display_taxonomy()
        self.today: Callable[[], dt.date] = dt.date.today
        self.follow_ups = FollowUps([], [], [])
        self.sections: dict[str, QTreeWidgetItem] = {}

        heading = QLabel(self.title())
        heading.setObjectName("followUpsHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("followUpsSummary")
        self.summary.setStyleSheet(tone_css("muted"))

        self.tree = QTreeWidget()
        self.tree.setObjectName("followUpsList")
        self.tree.setAccessibleName(self.tr("Follow-ups"))
        self.tree.setHeaderLabels([self.tr("Follow up on"), self.tr("Peer code"),
                                   self.tr("Session"), self.tr("What is happening"),
                                   self.tr("When")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setIndentation(14)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, width in ((0, 130), (1, 150), (2, 230), (4, 140)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(lambda item, _c: self._open_item(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.empty = QLabel(self.tr("Nothing to follow up.\nWhen you plan a follow-up in a "
                                    "session, it shows up here."))
        self.empty.setObjectName("followUpsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(
            tone_css("muted") + scaled_font_css(1.3) + " padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)

        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.setObjectName("markDoneButton")
        self.done_button.setAccessibleName(self.tr("Mark the selected follow-up done"))
        self.done_button.setToolTip(self.tr("Mark done (Ctrl+D)"))
        self.done_button.clicked.connect(self.mark_selected_done)
        self.open_button = QPushButton(self.tr("&Open session"))
        self.open_button.setObjectName("openSessionButton")
        self.open_button.setAccessibleName(self.tr("Open the selected session"))
        self.open_button.setToolTip(self.tr("Open the session (Enter)"))
        self.open_button.clicked.connect(lambda: self._open_item(self.tree.currentItem()))
        add_shortcut(self, "follow_ups.done", self.mark_selected_done)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(heading)
        titles.addWidget(self.summary)
        top.addLayout(titles, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        hint = QLabel(self.tr("Enter opens the session · Ctrl+D marks the follow-up done"))
        hint.setStyleSheet(tone_css("muted"))
        hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(hint)

        context.events.session_saved.connect(self._session_changed)
        context.events.session_deleted.connect(self._session_changed)
        context.events.sessions_replaced.connect(self.journal_changed)
        # The list is built when the workspace is shown (`activated`); at unlock only the
        # badge is needed, and it comes from the index alone (a large journal can have
        # thousands of open follow-ups, ~0.2 s to list on the GUI thread).
        self._update_badge()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("FollowUpsWorkspace", "Follow-ups")

    def activated(self) -> None:
        self.refresh()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _session_changed(self, _session_id: int) -> None:
        self.journal_changed()

    def journal_changed(self) -> None:
        """After a session is saved or deleted elsewhere: rebuild the list if it is on screen,
        else just the badge (the list is rebuilt when the workspace is shown)."""
        if self.isVisible():
            self.refresh()
        else:
            self._update_badge()

    def _update_badge(self) -> None:
        due = self.repository.follow_ups_due(self.today())
        self.set_badge(str(due) if due else "")

    # -- data ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_id()
        today = self.today()
        self.follow_ups = follow_ups = self.repository.follow_ups(today, limit=SECTION_LIMIT)
        self.tree.clear()
        self.sections.clear()
        groups = ((OVERDUE, self.tr("Overdue"), follow_ups.overdue, follow_ups.overdue_count),
                  (DUE_TODAY, self.tr("Due today"), follow_ups.due_today,
                   len(follow_ups.due_today)),
                  (UPCOMING, self.tr("Upcoming"), follow_ups.upcoming,
                   follow_ups.upcoming_count))
        for key, label, rows, count in groups:
            if not rows:
                continue
            section = QTreeWidgetItem([f"{label}  ·  {count}"])
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            section.setFirstColumnSpanned(True)
            font = QFont(self.tree.font())
            font.setBold(True)
            section.setFont(0, font)
            section.setForeground(0, QBrush(tone(_SECTION_TONES[key])))
            section.setData(0, Qt.ItemDataRole.AccessibleTextRole, label)
            self.tree.addTopLevelItem(section)
            section.setFirstColumnSpanned(True)
            for row in rows:
                section.addChild(self._item(row, key, today))
            if count > len(rows):
                more = QTreeWidgetItem([self.tr(
                    "{0} more not listed here: the journal list with “Follow-up due” ticked "
                    "shows every one").format(count - len(rows))])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                more.setFirstColumnSpanned(True)
                more.setForeground(0, QBrush(tone("muted")))
                section.addChild(more)
                more.setFirstColumnSpanned(True)
            section.setExpanded(True)
            self.sections[key] = section
        self.stack.setCurrentWidget(self.tree if self.sections else self.empty)
        due = follow_ups.due_count
        upcoming = follow_ups.upcoming_count
        self.summary.setText(self.tr("{0} due now · {1} coming up").format(due, upcoming))
        if selected is None or not self.select(selected):
            self._select_first()
        self._update_buttons()
        self.set_badge(str(due) if due else "")

    def _item(self, row: SessionRow, key: str, today: dt.date) -> QTreeWidgetItem:
        tax = self.taxonomy
        due = row.follow_up_date or today
        days = (due - today).days
        if days == -1:
            when = self.tr("1 day overdue")
        elif days < 0:
            when = self.tr("{0} days overdue").format(-days)
        elif days == 0:
            when = self.tr("today")
        elif days == 1:
            when = self.tr("tomorrow")
        else:
            when = self.tr("in {0} days").format(days)
        session = f"{row.date.isoformat()} · {tax.field('channel').label_for(row.channel)}"
        field = tax.field("behaviour")
        behaviours = ", ".join(field.label_for(c) for c in field.codes() if c in row.behaviours)
        if row.risk_flags:
            behaviours = "⚠ " + behaviours if behaviours else "⚠"
        item = QTreeWidgetItem([due.isoformat(), row.peer_code or self.tr("(no peer code)"),
                                session, behaviours, when])
        item.setData(0, SESSION_ID_ROLE, row.id)
        if key == OVERDUE:
            item.setForeground(4, QBrush(tone("error")))
        return item

    def items(self, key: str) -> list[QTreeWidgetItem]:
        section = self.sections.get(key)
        if section is None:
            return []
        children = (section.child(i) for i in range(section.childCount()))
        return [child for child in children
                if child is not None and child.data(0, SESSION_ID_ROLE) is not None]

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, SESSION_ID_ROLE) if item is not None else None
        return None if value is None else int(value)

    def select(self, session_id: int) -> bool:
        for section in self.sections.values():
            for index in range(section.childCount()):
                child = section.child(index)
                if child is not None and child.data(0, SESSION_ID_ROLE) == session_id:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def _select_first(self) -> None:
        for section in self.sections.values():
            first = section.child(0)
            if first is not None:
                self.tree.setCurrentItem(first)
                return

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.done_button.setEnabled(has)
        self.open_button.setEnabled(has)

    # -- actions ------------------------------------------------------------------------------

    def mark_selected_done(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.mark_done(session_id)

    def mark_done(self, session_id: int) -> None:
        # Keep the cursor near where it was: on the next follow-up in the list.
        current = self.tree.currentItem()
        below = self.tree.itemBelow(current) if current is not None else None
        next_id = below.data(0, SESSION_ID_ROLE) if below is not None else None
        try:
            self.repository.set_follow_up_done(session_id, True)
        except PeerDeskError as error:
            show_error(self, self.tr("Not changed"), message_text(error))
            return
        self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # Qt takes nullptr: clear
        self.refresh()
        if next_id is not None:
            self.select(int(next_id))
        self.context.events.follow_up_done.emit(session_id)

    def _open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, SESSION_ID_ROLE) is None:
            return
        session_id = int(item.data(0, SESSION_ID_ROLE))
        self.context.events.navigate_to_session.emit(session_id)
