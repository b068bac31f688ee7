"""A thin table model over the records an export will write, shown with taxonomy labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from peerdesk.taxonomy import Taxonomy
from peerdesk.ui.i18n import display_taxonomy

_Index = QModelIndex | QPersistentModelIndex

# (record key, taxonomy field or None); one column each, in this order
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("period", None),
    ("duration_band", "duration_band"),
    ("kind", "kind"),
    ("group_size_band", "group_size_band"),
    ("contact", "contact"),
    ("channel", "channel"),
    ("origin", "origin"),
    ("behaviours", "behaviour"),
    ("persistence", "persistence"),
    ("source_relation", "source_relation"),
    ("impacts", "impact"),
    ("risk_flags", "risk_flag"),
    ("support_given", "support_given"),
    ("referral_types", "referral_type"),
    ("referral_resources", None),
    ("next_step", "next_step"),
    ("follow_up_planned", None),
    ("org_unit", None),
    ("peer_key", None),
    ("revision", None),
)
RECORD_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ExportPreviewModel(QAbstractTableModel):
    """Exactly the records of an `ExportPlan`, one row each, in file order."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        super().__init__()
        self.taxonomy = taxonomy or display_taxonomy()
        self._records: list[Mapping[str, Any]] = []
        self._headers = (
            self.tr("Period"), self.tr("Length"), self.tr("Kind"), self.tr("Group size"),
            self.tr("Contact"),
            self.tr("How"), self.tr("Came about"), self.tr("What is happening"),
            self.tr("How long"), self.tr("From whom"), self.tr("Impact"), self.tr("Safety"),
            self.tr("Support given"), self.tr("Referred to"), self.tr("Pack entries"),
            self.tr("Next step"), self.tr("Follow-up"), self.tr("Unit"), self.tr("Peer key"),
            self.tr("Revision"),
        )

    def set_records(self, records: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[Mapping[str, Any]]:
        return list(self._records)

    # -- Qt model API ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._records):
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        key, field_key = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(record.get(key), key, field_key)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{self._headers[index.column()]}: {self._spoken(text)}"
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(self._text(record.get(key), key, field_key))
        if role == SORT_ROLE:
            value = record.get(key)
            return value if isinstance(value, (int, str)) else self._text(value, key, field_key)
        if role == RECORD_ROLE:
            return dict(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "revision":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _spoken(self, text: str) -> str:
        return text if text and text != "—" else self.tr("not recorded")

    def _label(self, field_key: str, code: str) -> str:
        field = self.taxonomy.field(field_key)
        return field.label_for(code) if field.has(code) else code

    def _text(self, value: Any, key: str, field_key: str | None) -> str:
        if value is None or value == []:
            return "—" if key not in ("group_size_band", "org_unit", "peer_key") else ""
        if field_key is not None:
            if isinstance(value, list):
                return ", ".join(self._label(field_key, str(code)) for code in value)
            return self._label(field_key, str(value))
        if key == "follow_up_planned":
            return self.tr("planned") if value else ""
        if key == "peer_key":
            return str(value)[:8] + "…"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)
