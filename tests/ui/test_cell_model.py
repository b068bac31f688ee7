"""A view paints a CellTableModel's cells with one call into Python per cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.ui.cell_model import CellTableModel


class _Counting(CellTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.together = 0   # multiData calls
        self.one_by_one = 0  # data() calls from outside multiData
        self._inside = False

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def multiData(self, index: Any, roles: Any) -> None:
        self.together += 1
        self._inside = True
        try:
            super().multiData(index, roles)
        finally:
            self._inside = False

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._inside:
            self.one_by_one += 1
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}·{index.column()}"
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None


def test_painting_asks_each_cell_in_one_call(qtbot: QtBot) -> None:
    model = _Counting()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    with qtbot.waitExposed(view):
        view.show()
    model.together = model.one_by_one = 0
    view.viewport().repaint()
    assert model.together >= 6 * 3  # every visible cell
    assert model.one_by_one == 0


def test_indexes_exist_only_inside_the_table(qtmodeltester: ModelTester) -> None:
    model = _Counting()
    qtmodeltester.check(model, force_py=True)
    assert model.index(5, 2).isValid()
    for row, column in ((6, 0), (0, 3), (-1, 0), (0, -1)):
        assert not model.index(row, column).isValid()
    assert not model.index(0, 0, model.index(1, 1)).isValid()  # a table: no children


def test_roles_asked_together_are_the_roles_asked_alone() -> None:
    model = _Counting()
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole,
                 Qt.ItemDataRole.ToolTipRole):
        asked = QModelRoleData(int(role))
        model.multiData(model.index(2, 0), QModelRoleDataSpan(asked))
        assert asked.data() == model.data(model.index(2, 0), role)
