"""The coordinator's figures equal a fresh count of the journals after any sequence of edits,
deletions, consent withdrawals and late sessions, each followed by an export and an import."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.exchange.export import ExportError, export_from_vault
from peerdesk.journal.model import Session
from peerdesk.journal.monthly_figures import MonthlyFiguresRepository
from peerdesk.journal.repository import SessionRepository
from peerdesk.program.importer import import_files
from peerdesk.program.store import ProgramStore
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.exchange.journals import sessions
from tests.program.summaries import ACCEPT

Op = tuple[str, Any]
operations = st.one_of(
    st.tuples(st.just("add"), sessions()),
    st.tuples(st.just("edit"), st.tuples(st.integers(0, 50), sessions())),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("consent"), st.tuples(st.integers(0, 50), st.booleans())),
    st.tuples(st.just("export"), st.just(None)),
)


@pytest.fixture
def journals(tmp_path: Path) -> Iterator[tuple[Vault, Vault]]:
    supporter = Vault.create(tmp_path / "supporter.peerdesk", PASSPHRASE)
    coordinator = Vault.create(tmp_path / "coordinator.peerdesk", PASSPHRASE)
    yield supporter, coordinator
    supporter.close()
    coordinator.close()


def _apply(repo: SessionRepository, op: str, arg: Any) -> None:
    ids = [row[0] for row in repo._db.execute("SELECT id FROM session ORDER BY id")]
    if op == "add":
        repo.add(arg)
    elif not ids:
        return
    elif op == "edit":
        index, new = arg
        old = repo.get(ids[index % len(ids)])
        repo.update(dataclasses.replace(new, id=old.id, summary_id=old.summary_id,
                                        revision=old.revision))
    elif op == "delete":
        repo.delete(ids[arg % len(ids)])
    elif op == "consent":
        index, consent = arg
        old = repo.get(ids[index % len(ids)])
        repo.update(dataclasses.replace(old, consent_to_count=consent))


def _export_import(supporter: Vault, coordinator: Vault, folder: Path, number: int) -> None:
    path = folder / f"export-{number}.json"
    try:
        export_from_vault(supporter, path)
    except ExportError:
        return  # nothing changed: nothing to send
    [outcome] = import_files(coordinator, [path], enrolment=ACCEPT)
    assert outcome.accepted, outcome.problem


def _fresh(supporter: Vault) -> tuple[dict[str, Any], dict[str, tuple[int, int, int]]]:
    figures = MonthlyFiguresRepository(supporter)
    months = {m: (f.contacts, f.follow_up_planned, f.with_referral, f.with_risk,
                  {k: v for k, v in f.counts.items() if v})
              for m, f in figures.months("2000-01", "2099-12").items()}
    people = {p: (c.people, c.people_repeat, c.people_formal)
              for p, c in figures.people("2000-01", "2099-12").items()}
    return months, people


def _held(coordinator: Vault) -> tuple[dict[str, Any], dict[str, tuple[int, int, int]]]:
    store = ProgramStore(coordinator)
    months = {f.month: (f.contacts, f.follow_up_planned, f.with_referral, f.with_risk,
                        {k: v for k, v in f.counts.items() if v})
              for f in store.month_figures()}
    periods = {row[0] for row in coordinator.connection.execute(
        "SELECT period FROM program_people")}
    people = {p.period: (p.people, p.people_repeat, p.people_formal)
              for p in store.people_figures(periods) if p.people}
    return months, people


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(st.lists(operations, min_size=1, max_size=14))
def test_after_any_changes_the_coordinator_holds_what_the_journal_holds(
        journals: tuple[Vault, Vault], tmp_path: Path, ops: list[Op]) -> None:
    supporter, coordinator = journals
    repo = SessionRepository(supporter)
    for number, (op, arg) in enumerate(ops):
        if op == "export":
            _export_import(supporter, coordinator, tmp_path, number)
        else:
            _apply(repo, op, arg)
    _export_import(supporter, coordinator, tmp_path, len(ops))
    assert _held(coordinator) == _fresh(supporter)


def test_a_late_session_reaches_the_coordinator(journals: tuple[Vault, Vault],
                                                tmp_path: Path) -> None:
    supporter, coordinator = journals
    repo = SessionRepository(supporter)
    repo.add(Session(date=dt.date(2026, 3, 2), consent_to_count=True))
    _export_import(supporter, coordinator, tmp_path, 1)
    repo.add(Session(date=dt.date(2026, 1, 20), consent_to_count=True))  # logged afterwards
    _export_import(supporter, coordinator, tmp_path, 2)
    assert [f.month for f in ProgramStore(coordinator).month_figures()] == ["2026-01",
                                                                            "2026-03"]


def test_a_peer_code_change_re_sends_the_people_it_changes(journals: tuple[Vault, Vault],
                                                            tmp_path: Path) -> None:
    supporter, coordinator = journals
    repo = SessionRepository(supporter)
    repo.add(Session(date=dt.date(2026, 1, 5), consent_to_count=True, peer_code="teal-fox-1"))
    feb = repo.add(Session(date=dt.date(2026, 2, 5), consent_to_count=True,
                           peer_code="grey-owl-2"))
    _export_import(supporter, coordinator, tmp_path, 1)
    # the same person after all: no month's counts change, the quarter's people do
    repo.update(dataclasses.replace(feb, peer_code="teal-fox-1"))
    _export_import(supporter, coordinator, tmp_path, 2)
    assert _held(coordinator) == _fresh(supporter)
    assert _held(coordinator)[1]["2026-Q1"] == (1, 1, 0)
