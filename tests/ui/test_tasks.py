"""run_in_background: work off the GUI thread, callbacks on it, safe when its window goes."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.errors import PeerDeskError
from peerdesk.ui.tasks import Progress, run_in_background


def test_runs_off_the_gui_thread_and_calls_back_on_it(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        for step in range(3):
            progress.update(step + 1, 3, f"step {step}")
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    task = run_in_background(parent, "Working", work, done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread


def test_expected_failure_goes_to_the_failure_callback(qtbot: QtBot) -> None:
    failures: list[BaseException] = []

    def work(_: Progress) -> None:
        raise PeerDeskError("The disk is full. Nothing was written.")

    task = run_in_background(None, "Working", work, lambda _: None, failures.append,
                             show_progress=False)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert [str(f) for f in failures] == ["The disk is full. Nothing was written."]


def test_expected_failure_without_callback_is_shown_to_the_user(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(_: Progress) -> None:
        raise PeerDeskError("That file is not a summary.")

    task = run_in_background(parent, "Working", work, lambda _: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    box = parent.findChild(QMessageBox, "errorMessage")
    assert box is not None
    assert box.text() == "That file is not a summary."


def test_cancel_request_reaches_the_operation(qtbot: QtBot) -> None:
    started = threading.Event()
    failures: list[BaseException] = []

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress.check_cancelled()

    task = run_in_background(None, "Working", work, lambda _: None, failures.append,
                             show_progress=False, cancellable=True)
    assert started.wait(5)
    task.progress.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert "Cancelled" in str(failures[0])


@pytest.mark.parametrize("fails", [False, True])
def test_no_callback_after_the_starting_widget_is_destroyed(qtbot: QtBot, fails: bool) -> None:
    parent = QWidget()
    release = threading.Event()
    called: list[object] = []

    def work(_: Progress) -> str:
        release.wait(5)
        if fails:
            raise PeerDeskError("gone")
        return "result"

    task = run_in_background(parent, "Working", work, called.append, called.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert called == []


def test_progress_text_and_value_reach_the_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    proceed = threading.Event()

    def work(progress: Progress) -> None:
        progress.update(2, 4, "Reading file 2 of 4")
        proceed.wait(5)

    task = run_in_background(parent, "Importing", work, lambda _: None)
    qtbot.waitUntil(lambda: task._dialog is not None)  # once the work has run a while
    dialog = task._dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.value() == 2)
    assert dialog.labelText() == "Reading file 2 of 4"
    assert dialog.maximum() == 4
    proceed.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass


def test_a_short_task_makes_no_progress_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    task = run_in_background(parent, "Checking", lambda progress: progress.update(1, 1),
                             lambda _: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task._dialog is None
    assert parent.findChild(QProgressDialog) is None


def test_worker_thread_has_ended_before_the_callback_runs(qtbot: QtBot) -> None:
    # Everything the worker held must be released before the GUI side goes on, so no QObject
    # ever loses its last reference on the worker thread.
    seen: dict[str, object] = {}

    def work(_: Progress) -> str:
        seen["worker"] = threading.current_thread()
        return "done"

    def done(_: str) -> None:
        worker = seen["worker"]
        assert isinstance(worker, threading.Thread)
        seen["alive_at_callback"] = worker.is_alive()

    task = run_in_background(None, "Working", work, done, show_progress=False)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["alive_at_callback"] is False
