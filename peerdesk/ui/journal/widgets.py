"""Small input widgets built from taxonomy fields: a quick-to-tick check list and a code combo."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from peerdesk.taxonomy import Field

CODE_ROLE = Qt.ItemDataRole.UserRole


class CheckList(QListWidget):
    """The options of a multi-valued field as one tab stop: arrows move, Space ticks,
    typing a letter jumps to the option, a click anywhere on a row ticks it."""

    changed = Signal()

    def __init__(self, field: Field, *, columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.columns = max(1, columns)
        self.setObjectName(f"{field.key}List")
        self.setAccessibleName(field.label)
        self.setAccessibleDescription(field.help)  # read out by screen readers
        self.setToolTip(field.help)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setUniformItemSizes(True)
        for option in field.options:
            item = QListWidgetItem(option.label)
            item.setData(CODE_ROLE, option.code)
            item.setToolTip(option.help)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.setStyleSheet("QListWidget::item { padding: 2px 4px; }")
        if self.columns > 1:
            # Fill column by column; the grid keeps the columns equally wide.
            self.setFlow(QListView.Flow.TopToBottom)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _row_height(self) -> int:
        return max(self.sizeHintForRow(0), 18) if self.count() else 18

    def _fitted_height(self) -> int:
        rows = -(-self.count() // self.columns)
        return rows * self._row_height() + 2 * self.frameWidth() + 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.columns > 1:
            width = (self.viewport().width() - 2) // self.columns
            self.setGridSize(QSize(max(width, 40), self._row_height()))

    def sizeHint(self) -> QSize:
        return QSize(200 * self.columns, self._fitted_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(140 * self.columns, self._fitted_height())

    def codes(self) -> frozenset[str]:
        return frozenset(
            str(self.item(row).data(CODE_ROLE))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        try:
            for row in range(self.count()):
                item = self.item(row)
                checked = item.data(CODE_ROLE) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def item_for(self, code: str) -> QListWidgetItem:
        for row in range(self.count()):
            if self.item(row).data(CODE_ROLE) == code:
                return self.item(row)
        raise KeyError(code)

    def toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self.count():
            self.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space toggles the current row even without selection (NoSelection mode).
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            item = self.currentItem()
            if item is not None:
                self.toggle(item)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setCurrentItem(item)
            self.toggle(item)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Handled on release as a whole-row toggle; the default would toggle the box twice.
        if self.itemAt(event.position().toPoint()) is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)


class CodeCombo(QComboBox):
    """The options of a single-valued field; optional fields start with a "not recorded" entry."""

    def __init__(self, field: Field, *, optional: bool, none_text: str = "—",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"{field.key}Combo")
        self.setAccessibleName(field.label)
        self.setAccessibleDescription(field.help)  # read out by screen readers
        self.setToolTip(field.help)
        if optional:
            self.addItem(none_text, None)
        for option in field.options:
            self.addItem(option.label, option.code)
            self.setItemData(self.count() - 1, option.help, Qt.ItemDataRole.ToolTipRole)

    def code(self) -> str | None:
        value = self.currentData()
        return None if value is None else str(value)

    def set_code(self, code: str | None) -> None:
        index = 0 if code is None else self.findData(code)
        self.setCurrentIndex(max(index, 0))
