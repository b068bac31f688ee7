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


def _with_totals(table: LabelledTable) -> list[list[str]]:
    """The table's cells with a Total column (when it has more than one column) and a Total
    row, as stored."""
    totals = len(table.columns) > 1
    rows = [[*cells, table.row_totals[index]] if totals else list(cells)
            for index, cells in enumerate(table.cells)]
    last = [*table.column_totals, table.grand_total] if totals else [table.grand_total]
    return [*rows, last]


def hidden_explanation(cell: str, k: int) -> str:
    if cell.strip().startswith("<"):
        return QCoreApplication.translate(
            "ShownTableModel", "A small count (1 to {0} in a month): hidden to protect "
            "privacy.").format(k - 1)
    return QCoreApplication.translate("ShownTableModel", "Hidden to protect privacy.")


class ShownTableModel(CellTableModel):
    """One protected table with its totals: rows × columns, a Total column and a Total row.

    What each cell shows is worked out once per table (`set_table`): a table sized to its
    contents asks every cell's roles several times over."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: LabelledTable | None = None
        self._k = 5
        self._texts: list[list[str]] = []       # each cell as stored (protected)
        self._shown: list[list[str]] = []       # … as shown (thousands grouped)
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def table(self) -> LabelledTable | None:
        return self._table

    def set_table(self, table: LabelledTable | None, k: int) -> None:
        self.beginResetModel()
        self._table = table
        self._k = k
        self._texts = _with_totals(table) if table is not None else []
        self._shown = [[grouped(text) for text in row] for row in self._texts]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._texts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.columns) + (1 if self._has_total_column() else 0)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._texts) and 0 <= column < len(self._texts[row])):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._texts[row][column]
            return hidden_explanation(text, self._k) if is_hidden(text) else None
        if role == Qt.ItemDataRole.FontRole and (
                row == len(self._texts) - 1
                or (self._has_total_column() and column == len(self._texts[row]) - 1)):
            return QFont(self._bold)
        return None

    def _has_total_column(self) -> bool:
        return self._table is not None and len(self._table.columns) > 1

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
