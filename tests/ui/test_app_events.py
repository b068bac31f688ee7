"""The application's one event filter: the wheel guard and the shortcut keys share it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.app_events import AppEvents, app_events
from peerdesk.ui.shortcuts import install_shortcuts_first
from peerdesk.ui.wheel_guard import install_wheel_guard


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_one_filter_however_many_parts_are_switched_on(qtbot: QtBot) -> None:
    app = _app()
    guard, keys = install_wheel_guard(app), install_shortcuts_first(app)
    assert install_wheel_guard(app) is guard
    assert install_shortcuts_first(app) is keys
    filters = app.findChildren(AppEvents)
    assert len(filters) == 1
    assert filters[0] is app_events(app)
    assert (filters[0].wheel_guard, filters[0].shortcuts_first) == (guard, keys)


def test_a_table_key_reaches_its_shortcut_from_a_text_field(qtbot: QtBot) -> None:
    install_shortcuts_first(_app())
    field = QLineEdit()
    qtbot.addWidget(field)
    export = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(field, export)
    assert not export.isAccepted()  # left to the shortcut map (Ctrl+E: export)
    typing = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A,
                       Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(field, typing)
    assert typing.isAccepted()  # an ordinary key stays the field's


def test_an_unfocused_drop_down_keeps_its_value_under_the_wheel(qtbot: QtBot) -> None:
    install_wheel_guard(_app())
    area = QScrollArea()
    qtbot.addWidget(area)
    page = QWidget()
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
    combo.addItems(["one", "two", "three"])
    layout.addWidget(combo)
    page.setMinimumHeight(2000)
    area.setWidget(page)
    area.resize(300, 200)
    with qtbot.waitExposed(area):
        area.show()
    combo.clearFocus()  # the shown window may have given it the focus
    assert not combo.hasFocus()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # changed when it was polished
    position = QPointF(combo.rect().center())
    wheel = QWheelEvent(position, QPointF(combo.mapToGlobal(position.toPoint())), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead


def test_input_watchers_see_input_and_nothing_else(qtbot: QtBot) -> None:
    """Auto-lock's idle timer listens here rather than with a filter of its own."""
    events = app_events(_app())
    seen: list[QEvent.Type] = []

    def watcher(event: QEvent) -> None:
        seen.append(event.type())

    events.watch_input(watcher)
    events.watch_input(watcher)  # once only
    try:
        field = QLineEdit()
        qtbot.addWidget(field)
        with qtbot.waitExposed(field):
            field.show()
        seen.clear()
        qtbot.keyClick(field, Qt.Key.Key_A)
        field.repaint()  # a paint, sent at once: not input
        assert QEvent.Type.KeyPress in seen
        assert QEvent.Type.Paint not in seen
        assert seen.count(QEvent.Type.KeyPress) == 1
    finally:
        events.unwatch_input(watcher)
    seen.clear()
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert seen == []
