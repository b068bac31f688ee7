"""A thread with its own journal connection that runs the list's searches and counts.

The GUI hands over jobs tagged with a generation number (one per search the user started) and
never waits for them: each result comes back through `deliver(generation, outcome)` on the
worker thread, in the order the jobs were given. A newer generation makes older jobs stale:
those not started are skipped, a running statement is interrupted (SQLite's progress
handler), and their results are never delivered. Plain Python: the GUI side decides how
results reach its own thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peerdesk.journal.repository import SessionRepository
from peerdesk.taxonomy import Taxonomy
from peerdesk.vault import Vault
from peerdesk.vault.vault import Connection

Job = Callable[[SessionRepository], Any]


@dataclass(frozen=True)
class JobFailed:
    """What `deliver` receives when a job raised: the error, for the GUI to show or re-raise."""

    error: BaseException


# How often an idle worker checks that the vault is still open: when it is not (a passphrase
# change or a restore detached it, or it locked), the worker lets go of its connection well
# within the 2 s those operations wait for the file to be theirs alone.
IDLE_CHECK_S = 0.25
_CHECK_EVERY = 2000  # virtual-machine steps between two looks at `_stale` (~tens of µs)


class ListWorker:
    """Runs jobs on one worker thread over `vault.connect_another()`.

    The connection is made (keyed) on the worker thread when it starts, so the key derivation
    never runs on the caller's thread; it is closed while the vault is detached and made again
    for the next job. `stop()` ends the thread and closes the connection."""

    def __init__(self, vault: Vault, deliver: Callable[[int, object], None], *,
                 taxonomy: Taxonomy | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self._vault = vault
        self._deliver = deliver
        self._taxonomy = taxonomy
        self._today = today
        self._jobs: deque[tuple[int, Job]] = deque()
        self._wake = threading.Condition()
        self._latest = 0           # the newest generation submitted
        self._running: int | None = None  # generation of the job in progress
        self._stopping = False
        self._connection: Connection | None = None
        self._thread = threading.Thread(target=self._run, name="peerdesk: journal list",
                                        daemon=True)

    @property
    def thread_id(self) -> int | None:
        """The worker thread's identifier (tests check the SQL runs there)."""
        return self._thread.ident

    def idle(self) -> bool:
        """No job queued or running (every result due has been delivered)."""
        with self._wake:
            return not self._jobs and self._running is None

    def start(self) -> None:
        self._thread.start()

    def submit(self, generation: int, job: Job) -> None:
        """Queue `job` for `generation`; a newer generation than any before makes the older
        ones stale (dropped, or interrupted when running)."""
        with self._wake:
            if generation > self._latest:
                self._latest = generation
                self._jobs = deque(item for item in self._jobs if item[0] >= generation)
            self._jobs.append((generation, job))
            self._wake.notify()

    def stop(self, wait: bool = True, timeout: float = 10.0) -> None:
        """Stop the thread (interrupting a running statement); it closes its connection as it
        ends. `wait=False` returns at once, leaving the thread to finish on its own."""
        with self._wake:
            self._stopping = True
            self._jobs.clear()
            self._wake.notify()
        if wait and self._thread.is_alive():
            self._thread.join(timeout)

    # -- the worker thread ------------------------------------------------------------------

    def _next(self) -> tuple[int, Job] | None:
        with self._wake:
            while not self._jobs and not self._stopping:
                self._wake.wait(IDLE_CHECK_S)
                if not self._jobs and not self._vault.is_open:
                    self._disconnect()
            if self._stopping:
                return None
            generation, job = self._jobs.popleft()
            self._running = generation
            return generation, job

    def _disconnect(self) -> None:
        """Close the connection (caller holds `_wake`)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    def _repository(self) -> SessionRepository:
        connection = self._vault.connect_another()  # key derivation: ~0.1-0.2 s
        # SQLite asks this every _CHECK_EVERY steps of a statement; a true answer interrupts it.
        connection.set_progress_handler(self._stale, _CHECK_EVERY)
        with self._wake:
            self._connection = connection
        return SessionRepository(self._vault, connection=connection,
                                 taxonomy=self._taxonomy, today=self._today)

    def _run(self) -> None:
        repository: SessionRepository | None = None
        try:
            with contextlib.suppress(Exception):  # locked meanwhile: connect for the first job
                repository = self._repository()
            while (item := self._next()) is not None:
                generation, job = item
                if self._connection is None:
                    repository = None
                try:
                    repository = repository or self._repository()
                except Exception as exc:  # the vault locked, or the file is damaged
                    self._finish(generation, JobFailed(exc))
                    continue
                self._finish(generation, self._attempt(job, repository))
        finally:
            with self._wake:
                self._disconnect()

    def _stale(self) -> bool:
        """Whether the running job belongs to an older search (or the worker is stopping).
        Reads two ints without the lock: a late answer only costs one more check."""
        running = self._running
        return self._stopping or (running is not None and running < self._latest)

    @staticmethod
    def _attempt(job: Job, repository: SessionRepository) -> object:
        try:
            return job(repository)
        except Exception as exc:  # the GUI side re-raises it: a bug, or the file went away
            return JobFailed(exc)

    def _finish(self, generation: int, outcome: object) -> None:
        with self._wake:
            stale = generation < self._latest or self._stopping
        if not stale:
            self._deliver(generation, outcome)
        with self._wake:  # idle only once the result is handed over
            self._running = None
