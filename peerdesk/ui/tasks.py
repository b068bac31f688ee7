"""Run an operation off the GUI thread with progress; call back on the GUI thread.

The operation receives a `Progress` and never touches a widget. Import, export, report,
rekey, backup and unlock all go through `run_in_background`.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from peerdesk.errors import PeerDeskError
from peerdesk.ui.messages import show_error


class Cancelled(PeerDeskError):
    def __init__(self) -> None:
        super().__init__("Cancelled. Nothing was changed.")


class Progress:
    """Handed to the background operation: report progress, notice a cancel request."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def update(self, done: int, total: int, text: str = "") -> None:
        self._emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Bridge(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], bridge: _Bridge, progress: Progress) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._bridge, self._progress = fn, bridge, progress

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # handed to the GUI thread as-is
            _emit_if_alive(self._bridge, self._bridge.failed, exc)
        else:
            _emit_if_alive(self._bridge, self._bridge.succeeded, result)


def _emit_if_alive(owner: QObject, signal: Any, *args: object) -> None:
    # At application shutdown the receiving side may already be gone; nobody is listening then.
    if shiboken6.isValid(owner):
        signal.emit(*args)


class BackgroundTask(QObject):
    """One operation in flight. Emits `finished` after its success or failure callback."""

    finished = Signal()
    _running: ClassVar[set[BackgroundTask]] = set()  # keeps Python wrappers alive until done

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        fn: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None] | None,
        show_progress: bool,
        cancellable: bool,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._handle_progress, Qt.ConnectionType.QueuedConnection)
        self._bridge.succeeded.connect(self._handle_success, Qt.ConnectionType.QueuedConnection)
        self._bridge.failed.connect(self._handle_failure, Qt.ConnectionType.QueuedConnection)
        bridge = self._bridge
        self.progress = Progress(
            lambda done, total, text: _emit_if_alive(bridge, bridge.progressed, done, total, text))
        self._dialog: QProgressDialog | None = None
        if show_progress:
            dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            dialog.setWindowTitle(label)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if cancellable:
                dialog.canceled.connect(self.progress.cancel)
            else:
                dialog.setCancelButton(None)
            self._dialog = dialog
        BackgroundTask._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(fn, self._bridge, self.progress))

    def _parent_gone(self) -> bool:
        """True when the widget that started the task was destroyed while it ran."""
        return self._parent is not None and not shiboken6.isValid(self._parent)

    @Slot(int, int, str)
    def _handle_progress(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        if text:
            dialog.setLabelText(text)
        dialog.setMaximum(max(total, 0))
        # setValue() on a modal dialog processes events, which may finish the task and close
        # the dialog under our feet: it is the last call here for that reason.
        dialog.setValue(min(done, total) if total > 0 else 0)

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    @Slot(object)
    def _handle_success(self, result: object) -> None:
        self._close_dialog()
        try:
            if not self._parent_gone():  # its window is gone: nobody to show the result to
                self._on_success(result)
        finally:
            self._done()

    @Slot(object)
    def _handle_failure(self, exc: BaseException) -> None:
        self._close_dialog()
        try:
            if self._parent_gone() and isinstance(exc, PeerDeskError):
                pass  # an expected failure for a window that no longer exists
            elif self._on_failure is not None:
                self._on_failure(exc)
            elif isinstance(exc, PeerDeskError):
                show_error(self._parent, self.tr("PeerDesk"), str(exc))
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
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    show_progress: bool = True,
    cancellable: bool = False,
) -> BackgroundTask:
    """Start `fn(progress)` on the thread pool; `on_success(result)` / `on_failure(exc)` run on
    the GUI thread. Without `on_failure`, expected errors are shown in a message box."""
    return BackgroundTask(parent, label, fn, on_success, on_failure, show_progress, cancellable)
