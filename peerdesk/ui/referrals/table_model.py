"""The directory list: a thin table model over `Resource` rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from peerdesk.referrals import Resource
from peerdesk.ui.cell_model import CellTableModel
from peerdesk.ui.i18n import display_taxonomy
from peerdesk.ui.style import tone

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_TYPE, COL_REGION, COL_USED = range(4)
RESOURCE_ROLE = Qt.ItemDataRole.UserRole + 1


class ResourceTableModel(CellTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Resource] = []
        self._usage: dict[str, int] = {}
        self._today = dt.date.today()
        self._stale_months = 12
        self._type_field = display_taxonomy().field("referral_type")
        self._headers = (self.tr("Name"), self.tr("Type"), self.tr("Region / site"),
                         self.tr("Used"))

    def set_rows(self, rows: Sequence[Resource], usage: dict[str, int], today: dt.date,
                 stale_months: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._usage = dict(usage)
        self._today = today
        self._stale_months = stale_months
        self.endResetModel()

    def resource(self, row: int) -> Resource:
        return self._rows[row]

    def row_of(self, resource_id: str) -> int:
        for row, resource in enumerate(self._rows):
            if resource.id == resource_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def attention_count(self) -> int:
        return sum(self._needs_attention(r) for r in self._rows)

    def _needs_attention(self, resource: Resource) -> bool:
        return resource.needs_local_details or resource.is_stale(self._today,
                                                                 self._stale_months)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        resource = self._rows[index.row()]
        column = index.column()
        if role == RESOURCE_ROLE:
            return resource
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return f"⚠ {resource.name}" if self._needs_attention(resource) else resource.name
            if column == COL_TYPE:
                return self._type_field.label_for(resource.type)
            if column == COL_REGION:
                return resource.region
            if column == COL_USED:
                return str(self._usage.get(resource.id, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_USED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_NAME \
                and self._needs_attention(resource):
            return tone("warning")  # readable on light and dark bases
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            notes = []
            if resource.needs_local_details:
                notes.append(self.tr("Needs local details"))
            if resource.is_stale(self._today, self._stale_months):
                notes.append(self.tr("Not verified recently"))
            return " · ".join([resource.name, *notes])
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TYPE:
            return self._type_field.label_for(resource.type)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_USED:
            used = self._usage.get(resource.id, 0)
            return (self.tr("Used in 1 session") if used == 1
                    else self.tr("Used in {0} sessions").format(used))
        return None
