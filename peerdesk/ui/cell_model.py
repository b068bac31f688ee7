"""A table model whose cells are asked for in one call from Qt into Python.

Qt 6's item delegates paint and size a cell from seven roles, asked through `multiData`; the
default asks `data()` seven times, each a call from C++ into Python that must take the
interpreter lock, and waits for it while a worker runs Python. `CellTableModel` answers them
in one call. Subclasses implement `data()` as usual.
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


class CellTableModel(QAbstractTableModel):
    def multiData(self, index: QModelIndex | QPersistentModelIndex,
                  roles: QModelRoleDataSpan | QModelRoleData) -> None:
        # PySide6 iterates a span (its stubs do not say so)
        asked = (roles,) if isinstance(roles, QModelRoleData) else cast(
            "Iterable[QModelRoleData]", roles)
        for role_data in asked:
            role_data.setData(self.data(index, role_data.role()))
