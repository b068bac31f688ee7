"""Auto-lock: after idle time, and when the desktop session locks or the system suspends.

Idle time is measured application-wide: the application's event filter (`ui/app_events.py`)
hands every input event to the idle timer, which restarts on a key, mouse, wheel or touch.
Session lock and suspend come from systemd-logind over the system D-Bus (Linux); where there is
no system bus, this part simply stays off.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

from peerdesk.ui.app_events import AppEvents, app_events

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
    QEvent.Type.ShortcutOverride,
})


class IdleTimer(QObject):
    """Emits `idle` once after `interval_ms` without user input anywhere in the app."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._interval_ms = 0
        self._watched: AppEvents | None = None

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, interval_ms: int, app: QObject) -> None:
        """Start counting (0 turns auto-lock off). `app` is the QApplication to watch."""
        self.stop()
        self._interval_ms = max(0, int(interval_ms))
        if self._interval_ms == 0:
            return
        events = app_events(app)
        events.watch_input(self._input)
        self._watched = events
        self._timer.start(self._interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._watched is not None:
            self._watched.unwatch_input(self._input)
            self._watched = None

    def _input(self, event: QEvent) -> None:
        timer = getattr(self, "_timer", None)  # may be gone during teardown
        if timer is not None and event.type() in _INPUT_EVENTS and timer.isActive():
            timer.start(self._interval_ms)


class LogindWatcher(QObject):
    """Emits `lock_requested` when logind says the session locks or the system will sleep."""

    lock_requested = Signal()

    SERVICE = "org.freedesktop.login1"
    MANAGER_PATH = "/org/freedesktop/login1"
    MANAGER = "org.freedesktop.login1.Manager"
    SESSION = "org.freedesktop.login1.Session"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.connected = False
        try:
            self._connect()
        except Exception:  # no QtDBus module or no system bus: idle lock only, say nothing
            self.connected = False

    def _connect(self) -> None:
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return
        # The stub lacks the (service, path, interface, name, receiver, slot) overload Qt has.
        self.connected = bus.connect(  # type: ignore[call-overload]  # see the line above
            self.SERVICE, self.MANAGER_PATH, self.MANAGER, "PrepareForSleep", self,
            SLOT("on_prepare_for_sleep(bool)"))
        session_id = os.environ.get("XDG_SESSION_ID")
        manager = QDBusInterface(self.SERVICE, self.MANAGER_PATH, self.MANAGER, bus)
        reply = (manager.call("GetSession", session_id) if session_id
                 else manager.call("GetSessionByPID", os.getpid()))
        arguments = reply.arguments()
        if arguments:
            path = arguments[0]
            path_text = path.path() if hasattr(path, "path") else str(path)
            bus.connect(self.SERVICE, path_text, self.SESSION, "Lock", self,  # type: ignore[call-overload]  # as above
                        SLOT("on_session_lock()"))

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_requested.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.lock_requested.emit()
