"""A thread with its own journal connection that runs the list's searches and counts.

The GUI hands over jobs tagged with a generation number (one per search the user started) and
never waits for them: each result comes back through `deliver(generation, outcome)` on the
worker thread, in the order the jobs were given. A newer generation makes older jobs stale:
those not started are skipped, a running statement is interrupted, and their results are
never delivered. Plain Python: the GUI side decides how results reach its own thread.
"""

from __future__ import annotations

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


class ListWorker:
    """Runs jobs on one worker thread over `vault.connect_another()`.

    The connection is made (keyed) on the worker thread when it starts, so the key derivation
    never runs on the caller's thread. `stop()` ends the thread and closes the connection; call
    it before the vault locks."""

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

    def start(self) -> None:
        self._thread.start()

    def submit(self, generation: int, job: Job) -> None:
        """Queue `job` for `generation`; a newer generation than any before makes the older
        ones stale (dropped, or interrupted when running)."""
        with self._wake:
            if generation > self._latest:
                self._latest = generation
                self._jobs = deque(item for item in self._jobs if item[0] >= generation)
                running = self._running
                if running is not None and running < generation and self._connection:
                    self._connection.interrupt()
            self._jobs.append((generation, job))
            self._wake.notify()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread (interrupting a running statement) and close its connection."""
        with self._wake:
            self._stopping = True
            self._jobs.clear()
            if self._running is not None and self._connection is not None:
                self._connection.interrupt()
            self._wake.notify()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- the worker thread ------------------------------------------------------------------

    def _next(self) -> tuple[int, Job] | None:
        with self._wake:
            while not self._jobs and not self._stopping:
                self._wake.wait()
            if self._stopping:
                return None
            generation, job = self._jobs.popleft()
            self._running = generation
            return generation, job

    def _run(self) -> None:
        try:
            connection = self._vault.connect_another()
        except BaseException as exc:  # the vault locked meanwhile, or a damaged file
            failure = JobFailed(exc)
            while (item := self._next()) is not None:
                self._finish(item[0], failure)
            return
        with self._wake:
            self._connection = connection
        repository = SessionRepository(self._vault, connection=connection,
                                       taxonomy=self._taxonomy, today=self._today)
        try:
            while (item := self._next()) is not None:
                generation, job = item
                self._finish(generation, self._attempt(generation, job, repository))
        finally:
            with self._wake:
                self._connection = None
            connection.close()

    def _attempt(self, generation: int, job: Job, repository: SessionRepository) -> object:
        for _ in range(2):
            try:
                return job(repository)
            except Exception as exc:
                # An interrupt meant for the job before can land on this one: run it again.
                with self._wake:
                    retry = "interrupted" in str(exc) and generation == self._latest
                if not retry or self._stopping:
                    return JobFailed(exc)
        return JobFailed(RuntimeError("interrupted twice"))

    def _finish(self, generation: int, outcome: object) -> None:
        with self._wake:
            self._running = None
            stale = generation < self._latest or self._stopping
        if not stale:
            self._deliver(generation, outcome)
