"""Copying private text: hinted as secret, cleared later only if still ours, cleared on lock."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.security.clipboard import clipboard_guard, copy_sensitive


def test_copy_is_marked_secret_and_cleared(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    copy_sensitive("peer said: my manager shouts", clear_after_ms=100)
    mime = clipboard.mimeData()
    assert mime.text() == "peer said: my manager shouts"
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert mime.hasFormat("ExcludeClipboardContentFromMonitorProcessing")
    assert bytes(mime.data("CanIncludeInClipboardHistory").data()) == b"\x00\x00\x00\x00"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)


def test_something_copied_since_is_left_alone(qtbot: QtBot) -> None:
    clipboard = QGuiApplication.clipboard()
    copy_sensitive("private note", clear_after_ms=100)
    clipboard.setText("the user's own text")
    guard = clipboard_guard()
    qtbot.waitUntil(lambda: not guard.holding, timeout=3000)
    assert clipboard.text() == "the user's own text"


def test_default_delay_is_thirty_seconds() -> None:
    copy_sensitive("note")
    guard = clipboard_guard()
    assert guard.timer.interval() == 30_000
    guard.clear_if_unchanged()
    assert QGuiApplication.clipboard().text() == ""


def test_lock_clears_copied_text(window: MainWindow) -> None:
    copy_sensitive("from a session", clear_after_seconds=0)  # 0 keeps it until the lock
    assert QGuiApplication.clipboard().text() == "from a session"
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_ctrl_c_in_the_session_editor_is_marked_secret_and_timed(
        qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window.shell.show_workspace("journal")
    journal = next(w for w in window.shell.workspaces if w.workspace_id == "journal")
    journal.new_session()
    field = journal.editor.peer_code
    field.setText("amber-heron-27")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: clipboard.mimeData().hasFormat("x-kde-passwordManagerHint"),
                    timeout=3000)
    assert QGuiApplication.clipboard().text() == "amber-heron-27"
    guard = clipboard_guard()
    assert guard.holding
    assert guard.timer.interval() == 30_000  # the clipboard_clear_seconds default
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_copies_outside_session_text_stay_plain(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    window.shell.show_workspace("guides")
    elsewhere = QLineEdit("a phrase from a guide", window)
    elsewhere.show()
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    elsewhere.selectAll()
    elsewhere.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert QGuiApplication.clipboard().text() == "a phrase from a guide"
    assert not mime.hasFormat("x-kde-passwordManagerHint")
