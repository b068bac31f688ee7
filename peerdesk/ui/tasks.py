"""Run an operation off the GUI thread with progress; call back on the GUI thread.

The operation receives a `Progress` and never touches a widget. Import, export, report,
rekey, backup and unlock all go through `run_in_background`.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from peerdesk.errors import PeerDeskError
from peerdesk.ui.i18n import message_text
from peerdesk.ui.messages import show_error


class Cancelled(PeerDeskError):
    def __init__(self) -> None:
        super().__init__("Cancelled. Nothing was changed.")


class Progress:
    """Handed to the background operation: report progress, notice a cancel request.

    Plain Python and thread-safe: the worker writes, the GUI thread reads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: tuple[int, int, str] | None = None
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        with self._lock:
            self._state = (done, total, text)

    def take(self) -> tuple[int, int, str] | None:
        """The latest update since the last call, if any (GUI thread)."""
        with self._lock:
            state, self._state = self._state, None
        return state

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


def _work(fn: Callable[[Progress], Any], progress: Progress,
          outcome: queue.SimpleQueue[tuple[bool, Any]]) -> None:
    # The worker thread touches no Qt object, not even a reference to one: a QObject whose
    # last reference dies on the wrong thread is destroyed there, which crashes Qt.
    try:
        outcome.put((True, fn(progress)))
    except BaseException as exc:  # handed to the GUI thread as-is
        outcome.put((False, exc))


POLL_MS = 15
SHOW_PROGRESS_AFTER_MS = 300


class BackgroundTask(QObject):
    """One operation in flight. Emits `finished` after its success or failure callback.

    A GUI-thread timer watches the worker; the task completes only once the worker thread
    has ended, so everything the worker held is released before the callbacks run."""

    finished = Signal()
    _running: ClassVar[set[BackgroundTask]] = set()  # keeps Python wrappers alive until done

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        fn: Callable[[Progress], Any],
        on_success: Callable[[Any], object],
        on_failure: Callable[[BaseException], None] | None,
        show_progress: bool,
        cancellable: bool,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._fn = fn  # held here too, so the worker never drops its last reference
        self._on_success = on_success
        self._on_failure = on_failure
        self.progress = Progress()
        self._outcome: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
        # The progress dialog is made only once the work has run for SHOW_PROGRESS_AFTER_MS:
        # most tasks end sooner, and making one (10 ms the first time) would hold up the
        # window for a dialog never seen.
        self._dialog: QProgressDialog | None = None
        self._label = label
        self._show_progress_dialog = show_progress
        self._cancellable = cancellable
        self._latest: tuple[int, int, str] | None = None
        self._started_at = time.monotonic()
        self._thread = threading.Thread(target=_work, args=(fn, self.progress, self._outcome),
                                        name=f"peerdesk: {label}", daemon=True)
        self._checking = False
        self._completed = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        BackgroundTask._running.add(self)
        self._thread.start()
        self._poll.start()

    def wait(self, seconds: float) -> bool:
        """Block until the work has ended or `seconds` passed; True when it has ended. For
        locking, which must not leave a worker holding the journal open."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _parent_gone(self) -> bool:
        """True when the widget that started the task was destroyed while it ran."""
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def _check(self) -> None:
        if self._checking or self._completed:
            return  # re-entered from the progress dialog's own event processing
        self._checking = True
        try:
            state = self.progress.take()
            if state is not None:
                self._latest = state
                self._show_progress(*state)
            if self._thread.is_alive():
                self._make_dialog_when_due()
                return
            self._poll.stop()
            self._completed = True
        finally:
            self._checking = False
        succeeded, value = self._outcome.get_nowait()
        if succeeded:
            self._handle_success(value)
        else:
            self._handle_failure(value)

    def _make_dialog_when_due(self) -> None:
        if (not self._show_progress_dialog or self._dialog is not None or self._parent_gone()
                or time.monotonic() - self._started_at < SHOW_PROGRESS_AFTER_MS / 1000):
            return
        dialog = QProgressDialog(self._label, self.tr("Cancel") if self._cancellable else "",
                                 0, 0, self._parent)
        dialog.setWindowTitle(self._label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.canceled.connect(self.progress.cancel)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        dialog.show()
        if self._latest is not None:
            self._show_progress(*self._latest)

    def _show_progress(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        if text:
            dialog.setLabelText(text)
        dialog.setMaximum(max(total, 0))
        # setValue() on a modal dialog processes events; it is the last call here for that reason.
        dialog.setValue(min(done, total) if total > 0 else 0)

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def _handle_success(self, result: object) -> None:
        self._close_dialog()
        try:
            if not self._parent_gone():  # its window is gone: nobody to show the result to
                self._on_success(result)
        finally:
            self._done()

    def _handle_failure(self, exc: BaseException) -> None:
        self._close_dialog()
        try:
            if self._parent_gone() and isinstance(exc, PeerDeskError):
                pass  # an expected failure for a window that no longer exists
            elif self._on_failure is not None:
                self._on_failure(exc)
            elif isinstance(exc, PeerDeskError):
                show_error(self._parent, self.tr("PeerDesk"), message_text(exc))
            else:
                parent = None if self._parent_gone() else self._parent
                show_error(parent, self.tr("Unexpected error"),
                           self.tr("Something went wrong that PeerDesk did not expect. "
                                   "Nothing further was written. Details: {0}").format(exc))
                sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: report it loudly
        finally:
            self._done()

    def _done(self) -> None:
        BackgroundTask._running.discard(self)
        self.finished.emit()


def run_in_background(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], object],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    show_progress: bool = True,
    cancellable: bool = False,
) -> BackgroundTask:
    """Start `fn(progress)` on a worker thread; `on_success(result)` / `on_failure(exc)` run on
    the GUI thread. Without `on_failure`, expected errors are shown in a message box."""
    return BackgroundTask(parent, label, fn, on_success, on_failure, show_progress, cancellable)
