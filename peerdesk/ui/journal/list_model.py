"""The session list: a thin table model over `SessionRepository.count/page`, loaded lazily.

Rows arrive one page at a time through `canFetchMore/fetchMore`, so a journal with 300,000
sessions opens as fast as one with ten. Sorting and filtering go back to the repository.

Given a `ListLoader`, the model never waits on a search or a count: text searches (pages and
snippets) and every count run on the loader's worker connection, and arrive later
(`rows_loaded`, `total_changed`); a search typed over an unfinished one replaces it. The
plain list's pages (an index walk of a few milliseconds) still load at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from peerdesk.journal.list_worker import JobFailed
from peerdesk.journal.repository import SessionFilter, SessionRepository, SessionRow
from peerdesk.journal.search import SNIPPET_CLOSE, SNIPPET_OPEN
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.cell_model import CellTableModel
from peerdesk.ui.i18n import display_taxonomy
from peerdesk.ui.journal.list_loader import ListLoader
from peerdesk.ui.style import notice_colours, tone

PAGE_SIZE = 200
# Snippets are made for the rows a view asks for, this many at a time (a page holds 200 rows,
# a window shows about 30).
SNIPPET_CHUNK = 40

(COL_DATE, COL_TIME, COL_DURATION, COL_PEER, COL_CONTACT, COL_CHANNEL, COL_BEHAVIOURS,
 COL_CONSENT, COL_FOLLOW_UP, COL_RISK, COL_MATCH) = range(11)
COLUMN_COUNT = 11

# Column → repository sort key; columns missing here are not sortable.
SORT_KEY_FOR_COLUMN: dict[int, str] = {
    COL_DATE: "date",
    COL_TIME: "date",
    COL_DURATION: "duration",
    COL_PEER: "peer_code",
    COL_CONTACT: "contact",
    COL_CHANNEL: "channel",
    COL_CONSENT: "consent",
    COL_FOLLOW_UP: "follow_up_date",
}

ROW_ID_ROLE = Qt.ItemDataRole.UserRole
SESSION_ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_ALIGNMENT: dict[int, int] = {
    COL_CONSENT: int(Qt.AlignmentFlag.AlignCenter),
    COL_RISK: int(Qt.AlignmentFlag.AlignCenter),
    COL_TIME: int(Qt.AlignmentFlag.AlignCenter),
    COL_DURATION: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
}
# The roles answered from a row, and those only some columns answer.
_ROW_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
    ROW_ID_ROLE, SESSION_ROW_ROLE, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
})
_ONLY_IN: dict[int, frozenset[int]] = {
    Qt.ItemDataRole.ForegroundRole: frozenset({COL_CONSENT, COL_FOLLOW_UP, COL_RISK}),
    Qt.ItemDataRole.BackgroundRole: frozenset({COL_RISK}),
    Qt.ItemDataRole.FontRole: frozenset({COL_CONSENT}),
}

_Index = QModelIndex | QPersistentModelIndex


@dataclasses.dataclass(frozen=True)
class _Page:
    offset: int
    rows: list[SessionRow]  # a search's first page: its first chunk with snippets


@dataclasses.dataclass(frozen=True)
class _Count:
    total: int


@dataclasses.dataclass(frozen=True)
class _Snippets:
    chunk: int
    found: dict[int, str]


def plain_snippet(snippet: str | None) -> str:
    """A snippet without its match markers (for screen readers and tooltips)."""
    return (snippet or "").replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


class SessionListModel(CellTableModel):
    rows_loaded = Signal()    # the first page of the current filter and sort is in
    total_changed = Signal()  # `total` is known (it was counted on the worker)

    def __init__(
        self,
        repository: SessionRepository,
        *,
        loader: ListLoader | None = None,
        taxonomy: Taxonomy | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__()
        self.repository = repository
        self._loader = loader
        self._generation = 0
        self._loading = False   # a search's first page is on its way
        self._fetching = False  # a search's next page is on its way
        if loader is not None:
            loader.arrived.connect(self._arrived)
        self.taxonomy = taxonomy or display_taxonomy()
        self._today = today
        self.page_size = page_size
        self._filter = SessionFilter()
        self._sort = "date"
        self._descending = True
        self._sort_column = COL_DATE
        self._rows: list[SessionRow] = []
        self._snippet_chunks: set[int] = set()  # chunks of rows whose snippets are loaded
        self._total: int | None = 0  # None: not counted yet (see `total`)
        self._more = False  # the last page was full: there may be more rows
        self._headers = (
            self.tr("Date"), self.tr("Time"), self.tr("Length"), self.tr("Peer code"),
            self.tr("Contact"), self.tr("How"), self.tr("What is happening"),
            self.tr("Counted"), self.tr("Follow-up"), self.tr("Risk"), self.tr("Match"),
        )
        self._reload()

    # -- state --------------------------------------------------------------------------------

    @property
    def filter(self) -> SessionFilter:
        return self._filter

    @property
    def total(self) -> int | None:
        """Sessions matching the filter (all of them, loaded or not); None while a loader
        counts them (`total_changed` follows).

        Counted after the first rows show: on a large journal the count reads a whole index
        (~50 ms at 300,000 sessions). Without a loader it is counted when first asked for."""
        if self._total is None and self._loader is None:
            self._total = self.repository.count(self._filter)
        return self._total

    @property
    def loading(self) -> bool:
        """Whether the rows shown are still those of an earlier search (the new ones are on
        their way)."""
        return self._loading

    def _async_search(self) -> bool:
        return self._loader is not None and bool(self._filter.text.strip())

    @property
    def total_known(self) -> bool:
        """Whether `total` is already known (asking for it then costs nothing)."""
        return self._total is not None

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, flt: SessionFilter) -> None:
        self._filter = flt
        self._reload()

    def refresh(self) -> None:
        """Re-query with the same filter and sort (after a save or delete)."""
        self._reload()

    def _reload(self) -> None:
        if self._loader is not None:
            self._generation = self._loader.new_generation()
        self._fetching = False
        if self._async_search():
            # The rows of the previous filter stay until the new ones arrive.
            self._loading = True
            self._submit_first_page()
            return
        self._loading = False
        self._show_first_page(self._fetch(0))

    def _show_first_page(self, rows: list[SessionRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._more = len(self._rows) >= self.page_size
        self._total = None if self._more else len(self._rows)  # a short page is all there is
        self._snippet_chunks = ({0} if any(r.snippet is not None for r in rows[:SNIPPET_CHUNK])
                                else set())
        self.endResetModel()
        self.rows_loaded.emit()
        if self._total is not None:
            self.total_changed.emit()
        elif self._loader is not None:
            flt = self._filter
            self._loader.submit(self._generation, lambda repo: _Count(repo.count(flt)))

    def _submit_first_page(self) -> None:
        assert self._loader is not None
        flt, sort, descending, size = self._filter, self._sort, self._descending, self.page_size

        def first_page(repo: SessionRepository) -> _Page:
            rows = repo.page(flt, sort=sort, descending=descending, offset=0, limit=size,
                             snippets=False, first_snippets=SNIPPET_CHUNK)
            return _Page(0, rows)

        self._loader.submit(self._generation, first_page)

    def _arrived(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return  # an older search's answer
        if isinstance(outcome, JobFailed):
            self._loading = self._fetching = False
            raise outcome.error  # a bug (or the journal closed): Qt's excepthook reports it
        if isinstance(outcome, _Page) and outcome.offset == 0:
            self._loading = False
            self._show_first_page(outcome.rows)
        elif isinstance(outcome, _Page):
            self._fetching = False
            if outcome.offset == len(self._rows):
                self._append(outcome.rows)
        elif isinstance(outcome, _Count):
            self._total = outcome.total
            self.total_changed.emit()
        elif isinstance(outcome, _Snippets):
            self._apply_snippets(outcome.chunk, outcome.found)

    def _fetch(self, offset: int) -> list[SessionRow]:
        return self.repository.page(self._filter, sort=self._sort, descending=self._descending,
                                    offset=offset, limit=self.page_size, snippets=False)

    def _load_snippets(self, row: int) -> None:
        """Fill in the snippets of the chunk of rows around `row` (text searches only)."""
        chunk = row // SNIPPET_CHUNK
        if chunk in self._snippet_chunks or not self._filter.text.strip() or self._loading:
            return
        self._snippet_chunks.add(chunk)
        start = chunk * SNIPPET_CHUNK
        ids = [item.id for item in self._rows[start:start + SNIPPET_CHUNK]]
        text = self._filter.text
        if self._loader is not None:
            self._loader.submit(self._generation,
                                lambda repo: _Snippets(chunk, repo.snippets(text, ids)))
            return
        self._apply_snippets(chunk, self.repository.snippets(text, ids), notify=False)

    def _apply_snippets(self, chunk: int, found: dict[int, str], notify: bool = True) -> None:
        start = chunk * SNIPPET_CHUNK
        rows = self._rows[start:start + SNIPPET_CHUNK]
        for offset, item in enumerate(rows, start=start):
            if item.id in found:
                self._rows[offset] = item._replace(snippet=found[item.id])
        if notify and rows:
            self.dataChanged.emit(self.index(start, 0),
                                  self.index(start + len(rows) - 1, COLUMN_COUNT - 1))

    def row_at(self, row: int) -> SessionRow | None:
        if not 0 <= row < len(self._rows):
            return None
        self._load_snippets(row)
        return self._rows[row]

    def row_of_id(self, session_id: int) -> int | None:
        """The row of a loaded session, or None (not loaded or not matching)."""
        for row, item in enumerate(self._rows):
            if item.id == session_id:
                return row
        return None

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: _Index) -> bool:
        if parent.isValid() or not self._more:
            return False
        return self._total is None or len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or not self._more or self._loading or self._fetching:
            return
        if self._async_search():
            assert self._loader is not None
            self._fetching = True
            flt, sort, descending = self._filter, self._sort, self._descending
            offset, size = len(self._rows), self.page_size
            self._loader.submit(self._generation, lambda repo: _Page(offset, repo.page(
                flt, sort=sort, descending=descending, offset=offset, limit=size,
                snippets=False)))
            return
        self._append(self._fetch(len(self._rows)))

    def _append(self, more: list[SessionRow]) -> None:
        self._more = len(more) >= self.page_size
        if not self._more:
            # All rows are loaded (if the journal changed underneath, the rows win).
            self._total = len(self._rows) + len(more)
            self.total_changed.emit()
        if not more:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_CONSENT:
                return self.tr("Whether the peer agreed to be counted in program statistics")
            if section not in SORT_KEY_FOR_COLUMN:
                return self.tr("Not sortable")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEY_FOR_COLUMN.get(column)
        if key is None:
            return
        self._sort = key
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._reload()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks about seven roles of every visible cell on every paint (about 900 calls
        # a scroll): roles and columns that need no row are answered first.
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENT.get(index.column())
        if role not in _ROW_ROLES or not index.isValid():
            return None
        column = index.column()
        if role in _ONLY_IN and column not in _ONLY_IN[role]:
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COL_MATCH:
                return plain_snippet(item.snippet)
            return self._display(item, column)
        if role == ROW_ID_ROLE:
            return item.id
        if role == SESSION_ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(item, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(notice_colours("danger")[0]) if item.risk_flags else None
        font = QFont()  # FontRole, the consent column
        font.setBold(True)
        return font

    # -- presentation -------------------------------------------------------------------------

    def _labels(self, key: str, codes: frozenset[str]) -> list[str]:
        field = self.taxonomy.field(key)
        return [field.label_for(code) for code in field.codes() if code in codes]

    def _display(self, item: SessionRow, column: int) -> str | None:
        if column == COL_DATE:
            return item.date.isoformat()
        if column == COL_TIME:
            return item.start_time.isoformat("minutes") if item.start_time else ""
        if column == COL_DURATION:
            return self.tr("{0} min").format(item.duration_minutes)
        if column == COL_PEER:
            return item.peer_code
        if column == COL_CONTACT:
            label = self.taxonomy.field("contact").label_for(item.contact)
            if item.kind == "group":
                label = self.tr("{0} (group)").format(label)
            return label
        if column == COL_CHANNEL:
            return self.taxonomy.field("channel").label_for(item.channel)
        if column == COL_BEHAVIOURS:
            return ", ".join(self._labels("behaviour", item.behaviours))
        if column == COL_CONSENT:
            return self.tr("Yes") if item.consent_to_count else self.tr("No")
        if column == COL_FOLLOW_UP:
            if item.follow_up_date is None:
                return ""
            text = item.follow_up_date.isoformat()
            return f"{text}  ✓" if item.follow_up_done else text
        if column == COL_RISK:
            return "⚠" if item.risk_flags else ""
        if column == COL_MATCH:
            return item.snippet or ""
        return None

    def _tooltip(self, item: SessionRow, column: int) -> str | None:
        if item.snippet and column in (COL_MATCH, COL_PEER, COL_DATE):
            return plain_snippet(item.snippet)
        if column == COL_RISK and item.risk_flags:
            return ", ".join(self._labels("risk_flag", item.risk_flags))
        if column == COL_BEHAVIOURS and item.behaviours:
            return "\n".join(self._labels("behaviour", item.behaviours))
        if column == COL_CONSENT:
            return (self.tr("Agreed to be counted in de-identified statistics")
                    if item.consent_to_count else
                    self.tr("Not counted: no consent to de-identified statistics"))
        if column == COL_FOLLOW_UP and item.follow_up_date is not None:
            if item.follow_up_done:
                return self.tr("Follow-up done")
            if item.follow_up_date < self._today():
                return self.tr("Follow-up overdue")
            return self.tr("Follow-up planned")
        return None

    def _foreground(self, item: SessionRow, column: int) -> QBrush | None:
        if column == COL_CONSENT:
            return QBrush(tone("success" if item.consent_to_count else "warning"))
        if (column == COL_FOLLOW_UP and item.follow_up_date is not None
                and not item.follow_up_done and item.follow_up_date < self._today()):
            return QBrush(tone("error"))
        if column == COL_FOLLOW_UP and item.follow_up_done:
            return QBrush(tone("muted"))
        if column == COL_RISK and item.risk_flags:
            return QBrush(tone("error"))
        return None
