"""The search field and filters above the session list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.journal.repository import SessionFilter
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.flow_layout import FlowLayout
from peerdesk.ui.i18n import display_taxonomy

SEARCH_DELAY_MS = 250

PERIOD_ANY, PERIOD_WEEK, PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR, PERIOD_CUSTOM = (
    "any", "7d", "30d", "90d", "year", "custom")


class FilterBar(QWidget):
    """Emits `changed` whenever the filter it describes changes (typing is debounced)."""

    changed = Signal()

    def __init__(self, taxonomy: Taxonomy | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.taxonomy = taxonomy or display_taxonomy()
        self._today = today

        self.search = QLineEdit()
        self.search.setObjectName("searchField")
        self.search.setAccessibleName(self.tr("Search sessions"))
        self.search.setPlaceholderText(self.tr("Search notes, peer codes and labels  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search_now)

        self.period = QComboBox()
        self.period.setObjectName("periodCombo")
        self.period.setAccessibleName(self.tr("Date range"))
        for text, code in ((self.tr("Any date"), PERIOD_ANY),
                           (self.tr("Last 7 days"), PERIOD_WEEK),
                           (self.tr("Last 30 days"), PERIOD_MONTH),
                           (self.tr("Last 3 months"), PERIOD_QUARTER),
                           (self.tr("This year"), PERIOD_YEAR),
                           (self.tr("Between…"), PERIOD_CUSTOM)):
            self.period.addItem(text, code)
        self.date_from = QDateEdit()
        self.date_from.setObjectName("dateFrom")
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to = QDateEdit()
        self.date_to.setObjectName("dateTo")
        self.date_to.setAccessibleName(self.tr("To date"))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self.changed)
        current = QDate.currentDate()
        self.date_from.setDate(current.addMonths(-1))
        self.date_to.setDate(current)
        self.period.currentIndexChanged.connect(self._period_changed)

        self.behaviour = QComboBox()
        self.behaviour.setObjectName("behaviourFilter")
        self.behaviour.setAccessibleName(self.tr("Behaviour"))
        self.behaviour.addItem(self.tr("Any behaviour"), None)
        for option in self.taxonomy.field("behaviour").options:
            self.behaviour.addItem(option.label, option.code)
        self.channel = QComboBox()
        self.channel.setObjectName("channelFilter")
        self.channel.setAccessibleName(self.tr("How you talked"))
        self.channel.addItem(self.tr("Any channel"), None)
        for option in self.taxonomy.field("channel").options:
            self.channel.addItem(option.label, option.code)
        self.consent = QComboBox()
        self.consent.setObjectName("consentFilter")
        self.consent.setAccessibleName(self.tr("Consent to be counted"))
        self.consent.addItem(self.tr("Counted or not"), None)
        self.consent.addItem(self.tr("Counted (consent)"), True)
        self.consent.addItem(self.tr("Not counted"), False)
        self.follow_up_due = QCheckBox(self.tr("Follow-up d&ue"))
        self.follow_up_due.setObjectName("followUpDueFilter")
        self.follow_up_due.setAccessibleName(self.tr("Only sessions with a follow-up due"))
        for combo in (self.behaviour, self.channel, self.consent):
            combo.currentIndexChanged.connect(self.changed)
        self.follow_up_due.toggled.connect(self.changed)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setAccessibleName(self.tr("Clear search and filters"))
        self.clear_button.clicked.connect(self.clear)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        self.top_row = top  # the workspace adds its "New session" button here
        layout.addLayout(top)
        # The filters wrap onto a second row rather than squeeze their text (large system
        # fonts, longer languages); the period keeps its label and custom dates beside it.
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.setSpacing(8)
        label = QLabel(self.tr("Show:"))
        label.setBuddy(self.period)
        period_row.addWidget(label)
        period_row.addWidget(self.period)
        period_row.addWidget(self.date_from)
        self.range_dash = QLabel("–")
        self.range_dash.setVisible(False)
        period_row.addWidget(self.range_dash)
        period_row.addWidget(self.date_to)
        row = FlowLayout(spacing=8)
        for widget in (period, self.behaviour, self.channel, self.consent, self.follow_up_due,
                       self.clear_button):
            row.addWidget(widget)
        self.filter_row = row
        layout.addLayout(row)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == PERIOD_CUSTOM
        for widget in (self.date_from, self.range_dash, self.date_to):
            widget.setVisible(custom)
        self.changed.emit()

    def apply_search_now(self) -> None:
        self._search_timer.stop()
        self.changed.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear(self) -> None:
        widgets = (self.search, self.period, self.behaviour, self.channel, self.consent,
                   self.follow_up_due, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.period.setCurrentIndex(0)
            self.behaviour.setCurrentIndex(0)
            self.channel.setCurrentIndex(0)
            self.consent.setCurrentIndex(0)
            self.follow_up_due.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        for part in (self.date_from, self.range_dash, self.date_to):
            part.setVisible(False)
        self._search_timer.stop()
        self.changed.emit()

    def _date_range(self) -> tuple[dt.date | None, dt.date | None]:
        today = self._today()
        period = self.period.currentData()
        if period == PERIOD_WEEK:
            return today - dt.timedelta(days=6), None
        if period == PERIOD_MONTH:
            return today - dt.timedelta(days=29), None
        if period == PERIOD_QUARTER:
            return today - dt.timedelta(days=90), None
        if period == PERIOD_YEAR:
            return dt.date(today.year, 1, 1), None
        if period == PERIOD_CUSTOM:
            start = _date_of(self.date_from)
            end = _date_of(self.date_to)
            return (min(start, end), max(start, end))
        return None, None

    def current_filter(self) -> SessionFilter:
        date_from, date_to = self._date_range()
        behaviour = self.behaviour.currentData()
        channel = self.channel.currentData()
        consent = self.consent.currentData()
        return SessionFilter(
            date_from=date_from,
            date_to=date_to,
            behaviour=None if behaviour is None else str(behaviour),
            channel=None if channel is None else str(channel),
            consent=None if consent is None else bool(consent),
            follow_up_due=self.follow_up_due.isChecked(),
            text=self.search.text().strip(),
        )

    def is_filtered(self) -> bool:
        return self.current_filter() != SessionFilter()


def _date_of(edit: QDateEdit) -> dt.date:
    date = edit.date()  # QDate.toPython() is typed `object` in PySide6's stub
    return dt.date(date.year(), date.month(), date.day())
