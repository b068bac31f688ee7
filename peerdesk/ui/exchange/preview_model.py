"""Thin table models over what an export will send: one row per month (with why it is sent),
and the counts of one month by field and code, shown with taxonomy labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from peerdesk.exchange.export import SentMonth
from peerdesk.exchange.format import REASON_CHANGED, REASON_NEW, REASON_NOW_EMPTY
from peerdesk.journal.monthly_figures import MonthCounts
from peerdesk.program.figures import COUNTED_FIELDS, NOT_RECORDED
from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.cell_model import CellTableModel
from peerdesk.ui.i18n import display_taxonomy

_Index = QModelIndex | QPersistentModelIndex

MONTH_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# Month, why, then the month's figures in these columns.
MONTH_COLUMNS = ("month", "reason", "contacts", "first", "follow_up_planned",
                 "with_referral", "with_risk")


class MonthPreviewModel(CellTableModel):
    """The months an `ExportPlan` sends, one row each, in file order."""

    def __init__(self) -> None:
        super().__init__()
        self._months: list[SentMonth] = []
        self._headers = (self.tr("Month"), self.tr("Why it is sent"), self.tr("Contacts"),
                         self.tr("First"), self.tr("Follow-up"),
                         self.tr("Referred"), self.tr("Safety"))
        self._reasons = {REASON_NEW: self.tr("New month"),
                         REASON_CHANGED: self.tr("Changed"),
                         REASON_NOW_EMPTY: self.tr("Now empty")}
        self._explanations = {
            REASON_NEW: self.tr("Not sent before."),
            REASON_CHANGED: self.tr("Sessions were added, edited or deleted since the last "
                                    "export, or consent changed."),
            REASON_NOW_EMPTY: self.tr("Every session was deleted or its consent withdrawn: "
                                      "zeros replace what was sent before.")}

    def set_months(self, months: Sequence[SentMonth]) -> None:
        self.beginResetModel()
        self._months = list(months)
        self.endResetModel()

    def months(self) -> list[SentMonth]:
        return list(self._months)

    def column_texts(self) -> list[set[str]]:
        """Every text each column shows (to size the columns without asking every cell)."""
        return [{self._headers[column]}
                | {str(self._value(sent, key)) for sent in self._months}
                for column, key in enumerate(MONTH_COLUMNS)]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._months)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MONTH_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(MONTH_COLUMNS):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._months):
            return str(section + 1)
        return None

    def _value(self, sent: SentMonth, key: str) -> Any:
        figures = sent.figures
        if key == "month":
            return sent.month
        if key == "reason":
            return self._reasons.get(sent.reason, sent.reason)
        if key == "first":
            return figures.counts.get("contact", {}).get("first", 0)
        value: int = getattr(figures, key)
        return value

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._months):
            return None
        sent = self._months[index.row()]
        key = MONTH_COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(self._value(sent, key))
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "reason":
                return self._explanations.get(sent.reason, sent.reason)
            return f"{self._headers[index.column()]}: {self._value(sent, key)}"
        if role == SORT_ROLE:
            return self._value(sent, key)
        if role == MONTH_ROLE:
            return sent
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MonthCountsModel(CellTableModel):
    """Every count one month sends: (what is counted, answer, contacts); zeros left out."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        super().__init__()
        self.taxonomy = taxonomy or display_taxonomy()
        self._rows: list[tuple[str, str, int]] = []
        self._headers = (self.tr("Counted"), self.tr("Answer"), self.tr("Contacts"))

    def set_month(self, figures: MonthCounts | None) -> None:
        self.beginResetModel()
        self._rows = []
        if figures is not None:
            for field_key in COUNTED_FIELDS:
                field = self.taxonomy.field(field_key)
                for code, count in sorted(figures.counts.get(field_key, {}).items()):
                    answer = (self.tr("not recorded") if code == NOT_RECORDED
                              else field.label_for(code) if field.has(code) else code)
                    self._rows.append((field.label, answer, count))
        self.endResetModel()

    def column_texts(self) -> list[set[str]]:
        """Every text each column shows (to size the columns without asking every cell)."""
        return [{self._headers[column]} | {str(row[column]) for row in self._rows}
                for column in range(3)]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < 3:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(self._rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
