"""The GUI end of the journal list's worker: jobs go out, results come back as a signal.

`ListWorker` (plain Python) runs the searches and counts on its own thread and connection;
its results wait in a queue that a GUI-thread timer empties, ticking only while jobs are out.
As in `peerdesk/ui/tasks.py`, the worker never holds a Qt object.
"""

from __future__ import annotations

import datetime as dt
import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from peerdesk.journal.list_worker import Job, ListWorker
from peerdesk.vault import Vault

POLL_MS = 4


class ListLoader(QObject):
    """Runs `submit`ted jobs off the GUI thread; `arrived(generation, outcome)` on it."""

    arrived = Signal(int, object)

    def __init__(self, vault: Vault, parent: QObject | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._results: queue.SimpleQueue[tuple[int, object]] = queue.SimpleQueue()
        self._worker = ListWorker(vault, _Inbox(self._results), today=today)
        self._generation = 0
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        # A loader dropped without `stop()` (its workspace destroyed) still ends its thread.
        worker = self._worker
        self.destroyed.connect(lambda *_: worker.stop(wait=False))
        self._worker.start()

    @property
    def worker_thread_id(self) -> int | None:
        return self._worker.thread_id

    def new_generation(self) -> int:
        """A number for a new search; results of every older one are dropped from now on."""
        self._generation += 1
        return self._generation

    @property
    def generation(self) -> int:
        return self._generation

    def submit(self, generation: int, job: Job) -> None:
        self._worker.submit(generation, job)
        if not self._poll.isActive():
            self._poll.start()

    def stop(self) -> None:
        """End the worker and close its connection, before the journal locks: locking drops
        every connection. Instant when idle; a running statement is interrupted, but a key
        derivation in progress (right after unlock) is waited for (~0.1-0.2 s)."""
        self._poll.stop()
        self._worker.stop(wait=True)

    def _collect(self) -> None:
        while True:
            try:
                generation, outcome = self._results.get_nowait()
            except queue.Empty:
                break
            if generation == self._generation:
                self.arrived.emit(generation, outcome)
        # Jobs dropped as stale never report back: stop ticking once the newest is answered.
        if self._worker.idle():
            self._poll.stop()


class _Inbox:
    """The worker's `deliver`: a plain callable holding only the queue, never a Qt object."""

    def __init__(self, results: queue.SimpleQueue[tuple[int, object]]) -> None:
        self._results = results

    def __call__(self, generation: int, outcome: object) -> None:
        self._results.put((generation, outcome))
