"""Auto-lock: idle time (reset by input), minimise, session lock and suspend."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.security.autolock import LogindWatcher


def test_default_is_five_minutes_and_zero_turns_it_off(window: MainWindow) -> None:
    guard = window.security
    assert guard.idle.running
    assert guard.idle.interval_ms == 5 * 60_000
    assert window.context is not None
    window.context.settings.set("auto_lock_minutes", 0)
    window.settings_changed.emit(["auto_lock_minutes"])
    assert not guard.idle.running


def test_locks_after_idle_time(qtbot: QtBot, window: MainWindow) -> None:
    vault = window.context.vault if window.context else None
    window.security.interval_override_ms = 150
    window.security.start_idle_timer()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert not window.is_unlocked
    assert vault is not None
    assert not vault.is_open
    assert not window.security.idle.running


def test_input_resets_the_idle_timer(qtbot: QtBot, window: MainWindow) -> None:
    window.security.interval_override_ms = 600
    window.security.start_idle_timer()
    for step in range(8):  # 8 × 150 ms of activity: longer than the 600 ms limit
        qtbot.mouseMove(window.shell, QPoint(20 + step, 20 + step))
        qtbot.keyClick(window.shell.navigation, Qt.Key.Key_Down)
        qtbot.wait(150)
    assert window.is_unlocked
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass


def test_lock_on_minimise(qtbot: QtBot, window: MainWindow) -> None:
    assert window.context is not None
    window.showMinimized()
    qtbot.wait(50)
    assert window.is_unlocked  # off by default
    window.showNormal()
    window.context.settings.set("lock_on_minimise", True)
    window.settings_changed.emit(["lock_on_minimise"])
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.showMinimized()


def test_logind_sleep_and_session_lock(qtbot: QtBot, window: MainWindow) -> None:
    watcher = window.security.logind
    assert isinstance(watcher, LogindWatcher)
    watcher.on_prepare_for_sleep(False)  # waking up: nothing to do
    assert window.is_unlocked
    with qtbot.waitSignal(window.locked, timeout=2000):
        watcher.on_prepare_for_sleep(True)


def test_session_lock_signal_locks(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.locked, timeout=2000):
        window.security.logind.on_session_lock()


def test_no_lock_while_a_file_operation_runs(qtbot: QtBot, window: MainWindow) -> None:
    window.security.hold(True)
    window.security.lock_now()
    assert window.is_unlocked
    window.security.hold(False)
    window.security.lock_now()
    assert not window.is_unlocked
