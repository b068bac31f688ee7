"""Thin table models for the Program workspace: protected count tables and import history.

The count model only ever holds a `LabelledTable` — values that already passed disclosure
control — so no raw count can reach a view through it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from peerdesk.ui.cell_model import CellTableModel

if TYPE_CHECKING:
    from peerdesk.program.labels import LabelledTable

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


_LONG_NUMBER = re.compile(r"\d{4,}")


def grouped(text: str) -> str:
    """Shown figures with thousands separators: '3057' → '3,057', '1665 / 1392' likewise.

    Only for values (cells, headline figures), never for labels, which may hold years.
    """
    return _LONG_NUMBER.sub(lambda match: f"{int(match.group()):,}", text)


def is_hidden(cell: str) -> bool:
    """True for a cell disclosure control hid ("<5", "—", …): anything that is not a number."""
    return shown_number(cell) is None


def shown_number(cell: str) -> int | None:
    """The number a protected cell shows, or None when it is hidden."""
    text = cell.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    return int(text) if text.isdigit() else None


def hidden_explanation(cell: str, k: int) -> str:
    if cell.strip().startswith("<"):
        return QCoreApplication.translate(
            "ShownTableModel", "A small count (1 to {0} in a month): hidden to protect "
            "privacy.").format(k - 1)
    return QCoreApplication.translate("ShownTableModel", "Hidden to protect privacy.")


class ShownTableModel(CellTableModel):
    """One protected table with its totals: rows × columns, a Total column and a Total row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: LabelledTable | None = None
        self._k = 5

    @property
    def table(self) -> LabelledTable | None:
        return self._table

    def set_table(self, table: LabelledTable | None, k: int) -> None:
        self.beginResetModel()
        self._table = table
        self._k = k
        self.endResetModel()

    def _has_total_column(self) -> bool:
        return self._table is not None and len(self._table.columns) > 1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.rows) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.columns) + (1 if self._has_total_column() else 0)

    def _cell(self, row: int, column: int) -> str:
        table = self._table
        assert table is not None
        last_row = row == len(table.rows)
        last_column = column == len(table.columns)
        if last_row and (last_column or not self._has_total_column()):
            return table.grand_total
        if last_row:
            return table.column_totals[column]
        if last_column:
            return table.row_totals[row]
        return table.cells[row][column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        if not (0 <= index.row() < self.rowCount()
                and 0 <= index.column() < self.columnCount()):
            return None
        text = self._cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return grouped(text)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and is_hidden(text):
            return hidden_explanation(text, self._k)
        if role == Qt.ItemDataRole.FontRole and (
            index.row() == len(self._table.rows)
            or (self._has_total_column() and index.column() == len(self._table.columns))
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self._table
        if table is None or role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Vertical:
                return int(_LEFT)
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(table.columns):
                return table.columns[section]
            return self.tr("Total") if section == len(table.columns) else None
        if 0 <= section < len(table.rows):
            return table.rows[section]
        if section == len(table.rows):
            # In a multi-valued table one contact can count in several rows.
            return self.tr("Total mentions") if table.multi_valued else self.tr("Total")
        return None


class ImportHistoryModel(CellTableModel):
    """One row per imported file (re-imports included), newest first."""

    COLUMNS = ("When", "File", "Months", "SHA-256", "Supporter", "Months replaced",
               "Months kept")
    SHA_COLUMN = 3
    _NUMERIC = frozenset({5, 6})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self._full_hashes: list[str] = []

    def set_rows(self, rows: Sequence[tuple[str, str, str, str, str, int, int]]) -> None:
        """Rows of (when, file name, months, full sha256, supporter, months replaced, months
        kept because newer figures were already held)."""
        self.beginResetModel()
        self._rows = [
            (when, name, months, sha[:12], supporter, str(replaced), str(kept))
            for when, name, months, sha, supporter, replaced, kept in rows
        ]
        self._full_hashes = [row[3] for row in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.SHA_COLUMN:
            return self._full_hashes[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if index.column() in self._NUMERIC else _LEFT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return self._titles()[section]
        return None

    def _titles(self) -> tuple[str, ...]:
        """COLUMNS in the interface language (literal tr() calls, so lupdate finds them)."""
        return (self.tr("When"), self.tr("File"), self.tr("Months"), self.tr("SHA-256"),
                self.tr("Supporter"), self.tr("Months replaced"), self.tr("Months kept"))
