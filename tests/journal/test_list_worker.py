"""The list's worker thread: its own connection, results in order, stale work dropped."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

import pytest

from peerdesk.journal.list_worker import JobFailed, ListWorker
from peerdesk.journal.model import new_summary_id
from peerdesk.journal.repository import SessionFilter, SessionRepository
from peerdesk.vault import Vault
from tests.journal.factories import full_session

WAIT_S = 20  # generous: the machine may be busy; a passing run never waits this long


@pytest.fixture
def delivered() -> queue.SimpleQueue[tuple[int, object]]:
    return queue.SimpleQueue()


@pytest.fixture
def worker(vault: Vault, delivered: queue.SimpleQueue[tuple[int, object]]
           ) -> Iterator[ListWorker]:
    SessionRepository(vault).add_many(
        full_session(notes=f"rota note {n}", summary_id=new_summary_id()) for n in range(30))
    running = ListWorker(vault, lambda generation, outcome: delivered.put((generation, outcome)))
    running.start()
    yield running
    running.stop()


def test_jobs_run_on_the_worker_thread_in_order(
        worker: ListWorker, delivered: queue.SimpleQueue[tuple[int, object]]) -> None:
    def job(number: int) -> Callable[[SessionRepository], object]:
        return lambda repo: (number, threading.get_ident(), repo.count(SessionFilter(text="rota")))

    for number in range(3):
        worker.submit(1, job(number))
    results = [delivered.get(timeout=WAIT_S) for _ in range(3)]
    assert [outcome[0] for _, outcome in results] == [0, 1, 2]  # type: ignore[index]
    assert {outcome[1] for _, outcome in results} == {worker.thread_id}  # type: ignore[index]
    assert worker.thread_id != threading.get_ident()
    assert all(outcome[2] == 30 for _, outcome in results)  # type: ignore[index]


def test_a_newer_generation_drops_queued_and_running_older_work(
        worker: ListWorker, delivered: queue.SimpleQueue[tuple[int, object]]) -> None:
    started = threading.Event()
    release = threading.Event()

    def blocking(_: SessionRepository) -> str:
        started.set()
        release.wait(WAIT_S)
        return "stale"

    worker.submit(1, blocking)
    worker.submit(1, lambda repo: "queued, stale")
    assert started.wait(WAIT_S)
    worker.submit(2, lambda repo: "current")
    release.set()
    assert delivered.get(timeout=WAIT_S) == (2, "current")
    worker.submit(2, lambda repo: "after")
    assert delivered.get(timeout=WAIT_S) == (2, "after")  # nothing of generation 1 between


def test_a_long_statement_is_interrupted_by_a_newer_search(
        worker: ListWorker, delivered: queue.SimpleQueue[tuple[int, object]]) -> None:
    started = threading.Event()
    endless = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
               "SELECT count(*) FROM n")

    def slow(repo: SessionRepository) -> object:
        started.set()
        return repo._db.execute(endless).fetchone()

    worker.submit(1, slow)
    assert started.wait(WAIT_S)
    worker.submit(2, lambda repo: repo.count(SessionFilter(text="rota")))
    assert delivered.get(timeout=WAIT_S) == (2, 30)


def test_a_failing_job_reports_its_error(
        worker: ListWorker, delivered: queue.SimpleQueue[tuple[int, object]]) -> None:
    worker.submit(1, lambda repo: repo.page(SessionFilter(), sort="nonsense"))
    generation, outcome = delivered.get(timeout=WAIT_S)
    assert generation == 1
    assert isinstance(outcome, JobFailed)
    assert "unknown sort key" in str(outcome.error)


def test_stop_ends_the_thread(vault: Vault) -> None:
    worker = ListWorker(vault, lambda generation, outcome: None)
    worker.start()
    worker.stop()
    assert worker.thread_id is not None
    assert not any(t.ident == worker.thread_id for t in threading.enumerate())


def test_the_worker_lets_go_of_the_file_while_the_vault_is_detached(
        worker: ListWorker, delivered: queue.SimpleQueue[tuple[int, object]],
        vault: Vault) -> None:
    """A passphrase change or a restore needs the file to itself; searching resumes after."""
    worker.submit(1, lambda repo: repo.count())
    assert delivered.get(timeout=WAIT_S) == (1, 30)
    vault.detach()
    alone = vault.connect_keyed(vault.db_path)  # the journal database, with its own key
    try:
        alone.execute("PRAGMA busy_timeout = 10000")  # waits for the worker to let go
        alone.execute("PRAGMA locking_mode = EXCLUSIVE")
        alone.execute("BEGIN EXCLUSIVE")
        alone.execute("COMMIT")
    finally:
        alone.close()
    vault.reopen()
    worker.submit(2, lambda repo: repo.count())
    assert delivered.get(timeout=WAIT_S) == (2, 30)
