"""Scrolling a form never changes a value: a drop-down or spin box takes the mouse wheel only
when it has keyboard focus; otherwise the wheel scrolls whatever holds it.

One event filter on the application covers every combo box and spin box (date edits too),
including those built later.
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

_GUARDED = (QComboBox, QAbstractSpinBox)
_GUARD_NAME = "peerdeskWheelGuard"


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # WheelFocus would hand focus to the control under the pointer mid-scroll.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif (kind == QEvent.Type.Wheel and isinstance(watched, _GUARDED)
              and not watched.hasFocus() and isinstance(event, QWheelEvent)):
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
    """Install the guard once on `app` (a second call returns the one installed)."""
    existing = app.findChild(WheelGuard, _GUARD_NAME)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName(_GUARD_NAME)
    app.installEventFilter(guard)
    return guard
