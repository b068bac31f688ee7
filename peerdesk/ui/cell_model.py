"""A table model that a view's paint calls into Python as few times as it can.

Each call from Qt's C++ into Python must take the interpreter lock, and waits for it while a
worker runs Python. Painting a cell asks its seven roles through `multiData` (the default asks
`data()` seven times) and makes its index with `index()` (the default asks `rowCount()` and
`columnCount()`): `CellTableModel` answers each in one call. Subclasses implement `data()`,
`rowCount()` and `columnCount()` as usual, and leave `flags()` to Qt unless a cell differs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
)

_NO_PARENT = QModelIndex()


class CellTableModel(QAbstractTableModel):
    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> QModelIndex:
        if (parent.isValid() or not 0 <= row < self.rowCount(parent)
                or not 0 <= column < self.columnCount(parent)):
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(self, index: QModelIndex | QPersistentModelIndex,
                  roles: QModelRoleDataSpan | QModelRoleData) -> None:
        # PySide6 iterates a span (its stubs do not say so)
        asked = (roles,) if isinstance(roles, QModelRoleData) else cast(
            "Iterable[QModelRoleData]", roles)
        for role_data in asked:
            role_data.setData(self.data(index, role_data.role()))
