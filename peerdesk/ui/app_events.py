"""The application's one event filter.

Every event of every object passes through an application-wide filter, and each pass crosses
from Qt into Python: with two such filters, building widgets took about three times as long as
with none (180 labelled fields: 37 ms against 12 ms). So PeerDesk installs one, which sorts the
events by their class (a cheap check) before asking anything else, and hands the few that
matter to the wheel guard (`wheel_guard.py`), the shortcut keys (`shortcuts.py`) and the
idle timer of auto-lock (`security/autolock.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QInputEvent, QKeyEvent, QWheelEvent

if TYPE_CHECKING:
    from peerdesk.ui.shortcuts import ShortcutsFirst
    from peerdesk.ui.wheel_guard import WheelGuard

_NAME = "peerdeskAppEvents"


class AppEvents(QObject):
    """Installed once on the application; each part is switched on by its `install_…`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wheel_guard: WheelGuard | None = None
        self.shortcuts_first: ShortcutsFirst | None = None
        self._input_watchers: list[Callable[[QEvent], None]] = []

    def watch_input(self, watcher: Callable[[QEvent], None]) -> None:
        """Call `watcher` with every input event (key, mouse, wheel, touch, tablet, hover)."""
        if watcher not in self._input_watchers:
            self._input_watchers.append(watcher)

    def unwatch_input(self, watcher: Callable[[QEvent], None]) -> None:
        if watcher in self._input_watchers:
            self._input_watchers.remove(watcher)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QInputEvent):
            for watcher in self._input_watchers:
                watcher(event)
            if isinstance(event, QKeyEvent):
                return self.shortcuts_first is not None and self.shortcuts_first.key_event(event)
            if isinstance(event, QWheelEvent):
                return (self.wheel_guard is not None
                        and self.wheel_guard.wheel_event(watched, event))
            return False
        if self.wheel_guard is not None and isinstance(watched, self.wheel_guard.guarded):
            self.wheel_guard.other_event(watched, event)
        return False


def app_events(app: QObject) -> AppEvents:
    """The filter installed on `app` (the application; installed now if it is not yet)."""
    existing = app.findChild(AppEvents, _NAME)
    if existing is not None:
        return existing
    events = AppEvents(app)
    events.setObjectName(_NAME)
    app.installEventFilter(events)
    return events
