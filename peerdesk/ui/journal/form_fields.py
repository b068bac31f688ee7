"""One table from form-state key to the widget that shows it: reading, writing, change signals
and the keyboard order all come from it, so the field list is written once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from peerdesk.ui.journal.widgets import CheckList, CodeCombo


@dataclass
class FieldBinding:
    read: Callable[[], Any]
    write: Callable[[Any], None]
    focus: tuple[QWidget, ...]  # the widgets Tab visits for this field, in order


class FormFields:
    """Form-state key → binding, in the order the form is filled."""

    def __init__(self, on_change: Callable[..., None]) -> None:
        self._bindings: dict[str, FieldBinding] = {}
        self._on_change = on_change

    def bind(self, key: str, read: Callable[[], Any], write: Callable[[Any], None],
             focus: Iterable[QWidget] = (), signals: Iterable[SignalInstance] = ()) -> None:
        if key in self._bindings:
            raise KeyError(f"form field {key!r} bound twice")
        self._bindings[key] = FieldBinding(read, write, tuple(focus))
        for signal in signals:
            signal.connect(self._on_change)

    def date(self, key: str, edit: QDateEdit) -> None:
        self.bind(key, lambda: edit.date().toString(Qt.DateFormat.ISODate),
                  lambda value: edit.setDate(QDate.fromString(str(value),
                                                              Qt.DateFormat.ISODate)),
                  [edit], [edit.dateChanged])

    def line(self, key: str, edit: QLineEdit, *, strip: bool = False) -> None:
        self.bind(key, (lambda: edit.text().strip()) if strip else edit.text,
                  lambda value: edit.setText(str(value or "")), [edit], [edit.textChanged])

    def spin(self, key: str, spin: QSpinBox, default: int) -> None:
        self.bind(key, spin.value, lambda value: spin.setValue(int(value or default)),
                  [spin], [spin.valueChanged])

    def combo(self, key: str, combo: CodeCombo) -> None:
        self.bind(key, combo.code, combo.set_code, [combo], [combo.currentIndexChanged])

    def check_list(self, key: str, check_list: CheckList) -> None:
        self.bind(key, lambda: sorted(check_list.codes()),
                  lambda value: check_list.set_codes(value or ()),
                  [check_list], [check_list.changed])

    def check(self, key: str, box: QCheckBox | QAbstractButton) -> None:
        self.bind(key, box.isChecked, lambda value: box.setChecked(bool(value)),
                  [box], [box.toggled])

    def text(self, key: str, edit: QPlainTextEdit) -> None:
        self.bind(key, edit.toPlainText, lambda value: edit.setPlainText(str(value or "")),
                  [edit], [edit.textChanged])

    def read(self) -> dict[str, Any]:
        return {key: binding.read() for key, binding in self._bindings.items()}

    def write(self, state: Mapping[str, Any]) -> None:
        for key, binding in self._bindings.items():
            binding.write(state.get(key))

    def keys(self) -> list[str]:
        return list(self._bindings)

    def focus_chain(self) -> Iterator[QWidget]:
        for binding in self._bindings.values():
            yield from binding.focus
