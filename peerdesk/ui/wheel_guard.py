"""Scrolling a form never changes a value: a drop-down or spin box takes the mouse wheel only
when it has keyboard focus; otherwise the wheel scrolls whatever holds it.

The application's event filter (`app_events.py`) covers every combo box and spin box (date
edits too), including those built later.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

from peerdesk.ui.app_events import app_events

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard:
    """The wheel part of the application's event filter (`app_events.AppEvents`)."""

    guarded = _GUARDED

    @staticmethod
    def other_event(watched: QWidget, event: QEvent) -> None:
        """Any event but a key or wheel event, of a guarded widget."""
        # WheelFocus would hand focus to the control under the pointer mid-scroll.
        if (event.type() == QEvent.Type.Polish
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheel_event(self, watched: QObject, event: QWheelEvent) -> bool:
        """True when the wheel went to the nearest scroll area instead of `watched`."""
        if isinstance(watched, _GUARDED) and not watched.hasFocus():
            self._pass_to_parent(watched, event)
            return True
        return False

    @staticmethod
    def _pass_to_parent(widget: QWidget, event: QWheelEvent) -> None:
        """Give the wheel to the nearest scroll area that can scroll (sent, not propagated:
        Qt does not pass synthesized wheel events on to parents)."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QAbstractScrollArea) and (
                    parent.verticalScrollBar().maximum() > 0
                    or parent.horizontalScrollBar().maximum() > 0):
                viewport = parent.viewport()
                position = widget.mapTo(viewport, event.position().toPoint())
                forwarded = QWheelEvent(
                    position.toPointF(), event.globalPosition(), event.pixelDelta(),
                    event.angleDelta(), event.buttons(), event.modifiers(), event.phase(),
                    event.inverted(), event.source())
                QApplication.sendEvent(viewport, forwarded)
                return
            parent = parent.parentWidget()


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Switch the guard on in the application's event filter (a second call returns the one
    switched on)."""
    events = app_events(app)
    if events.wheel_guard is None:
        events.wheel_guard = WheelGuard()
    return events.wheel_guard
