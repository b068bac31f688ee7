"""A curious coordinator: what can they learn from a supporter's files, alone or together?

Each test states one thing the files must never let them learn, and tries to learn it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.exchange.export import plan_export, plan_from_vault
from peerdesk.exchange.format import MONTH_KEYS, PEOPLE_KEYS
from peerdesk.exchange.sent_periods import SentPeriodStore
from peerdesk.journal.model import Session
from peerdesk.journal.monthly_figures import MonthlyFiguresRepository
from peerdesk.journal.repository import SessionRepository
from peerdesk.program.figures import COUNTED_FIELDS
from peerdesk.taxonomy import default_taxonomy
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.exchange.journals import sessions

TODAY = dt.date(2026, 3, 20)
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$")


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Vault]:
    vault = Vault.create(tmp_path / "j.peerdesk", PASSPHRASE)
    yield vault
    vault.close()


def _figures_sent(vault: Vault) -> tuple[Any, Any]:
    """What a file would carry about the sessions: months and people, without metadata."""
    plan = plan_export(MonthlyFiguresRepository(vault), SentPeriodStore(vault),
                       supporter_id="0" * 32, today=TODAY)
    return ([(m.month, m.figures.contacts, m.figures.follow_up_planned,
              m.figures.with_referral, m.figures.with_risk,
              {f: dict(c) for f, c in m.figures.counts.items() if c}) for m in plan.months],
            [(p.period, p.figures) for p in plan.people])


def _reset(vault: Vault, drawn: list[Session]) -> None:
    vault.connection.execute("DELETE FROM session")
    vault.connection.execute("DELETE FROM exchange_sent_period")
    SessionRepository(vault).add_many(drawn)


def _blur(session: Session, day: int, code_map: dict[str, str]) -> Session:
    """The same contact as the file sees it: another day of its month, another time, other
    notes, another (consistently renamed) peer code, another conflict flag and summary id."""
    return dataclasses.replace(
        session, date=session.date.replace(day=day), start_time=dt.time(day % 24, 0),
        notes="other private words", reflection="reflection",
        peer_code=code_map.get(session.peer_code.casefold(), ""),
        conflict_of_interest=not session.conflict_of_interest,
        summary_id=secrets.token_hex(16), follow_up_date=(session.follow_up_date
                                                  and session.follow_up_date
                                                  + dt.timedelta(days=day)))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(sessions(), max_size=20), st.data())
def test_the_file_is_a_function_of_monthly_counts_only(journal: Vault, drawn: list[Session],
                                                       data: st.DataObject) -> None:
    """No per-session value: blurring everything a record would hold beyond its month's
    counts leaves the figures sent identical (so they cannot carry it)."""
    _reset(journal, drawn)
    original = _figures_sent(journal)
    codes = sorted({s.peer_code.casefold() for s in drawn if s.peer_code})
    renamed = {c: f"renamed-{i}" for i, c in enumerate(codes)}
    blurred = [_blur(s, data.draw(st.integers(1, 28)), renamed) for s in drawn]
    data.draw(st.randoms()).shuffle(blurred)
    _reset(journal, blurred)
    assert _figures_sent(journal) == original


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(sessions(), max_size=20), st.lists(sessions(), min_size=1, max_size=5))
def test_sessions_without_consent_leave_no_trace(journal: Vault, drawn: list[Session],
                                                 withheld: list[Session]) -> None:
    """Adding, editing or deleting sessions without consent changes nothing that is sent,
    not even which months are sent (which would tell that something happened)."""
    _reset(journal, drawn)
    original = _figures_sent(journal)
    repo = SessionRepository(journal)
    for session in withheld:
        saved = repo.add(dataclasses.replace(session, consent_to_count=False))
        repo.update(dataclasses.replace(saved, channel="email", notes="edited"))
    assert _figures_sent(journal) == original


def test_edits_that_do_not_change_counts_send_nothing(journal: Vault, tmp_path: Path) -> None:
    """A coordinator comparing consecutive files learns of an edit only when a month's counts
    change: notes, times, another day in the month and peer codes of a one-contact person."""
    from peerdesk.exchange.export import export_from_vault
    repo = SessionRepository(journal)
    saved = repo.add(Session(date=dt.date(2026, 1, 10), consent_to_count=True,
                             peer_code="teal-fox-1"))
    export_from_vault(journal, tmp_path / "1.json")
    repo.update(dataclasses.replace(saved, date=dt.date(2026, 1, 28), notes="more",
                                    start_time=dt.time(9, 30), peer_code="grey-owl-2"))
    plan = plan_from_vault(journal, today=TODAY, unsaved_drafts=0)
    assert plan.is_empty


def _walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, f"{path}[]")
    else:
        yield path, value


def test_every_value_in_a_file_is_a_count_a_code_a_period_or_file_metadata(
        journal: Vault, tmp_path: Path) -> None:
    from peerdesk.exchange.export import export_from_vault
    repo = SessionRepository(journal)
    for day in range(1, 25):
        repo.add(Session(date=dt.date(2026, 1 + day % 3, day), consent_to_count=True,
                         peer_code=f"code-{day % 4}", notes="Dana said ...",
                         start_time=dt.time(10, 15), duration_minutes=day * 3,
                         kind="group" if day % 5 == 0 else "one_to_one",
                         group_size=day if day % 5 == 0 else None,
                         behaviours=frozenset({"online"}), next_step="other",
                         referral_resource_ids=("own-resource-1",)))
    document = json.loads(export_from_vault(journal, tmp_path / "s.json", alias="north-3")
                          .path.read_bytes())
    taxonomy = default_taxonomy()
    codes = {c for field in COUNTED_FIELDS for c in taxonomy.field(field).codes()} | {""}
    metadata = {".format", ".version", ".created_at", ".app_version", ".taxonomy_version",
                ".supporter.id", ".supporter.alias", ".supporter.org_unit",
                ".supporter.public_key", ".sequence", ".signature"}
    for path, value in _walk(document):
        if path in metadata:
            continue
        key = path.rsplit(".", 1)[-1]
        if path == ".months[].month":
            assert _MONTH.match(value)
        elif path == ".people[].period":
            assert _PERIOD.match(value)
        elif key == "reason":
            assert value in ("new", "changed", "now_empty", "resent")
        else:
            assert path.startswith(".months[].") or path.startswith(".people[].")
            assert type(value) is int, path
            assert key in MONTH_KEYS or key in PEOPLE_KEYS or key in codes, path
    text = json.dumps(document)
    for secret in ("Dana", "code-", "10:15", "own-resource", "2026-01-0", "W0"):
        assert secret not in text


def test_the_same_peer_codes_in_two_journals_cannot_be_linked(tmp_path: Path) -> None:
    """People are counted inside each journal; nothing in a file names or keys a person, so
    two supporters who happen to use the same codes send exactly what others would."""
    sent = []
    for name, codes in (("a", ("teal-fox-1", "grey-owl-2")), ("b", ("x-1", "y-2"))):
        with Vault.create(tmp_path / f"{name}.peerdesk", PASSPHRASE) as vault:
            repo = SessionRepository(vault)
            for month, code in ((1, codes[0]), (1, codes[1]), (2, codes[0])):
                repo.add(Session(date=dt.date(2026, month, 3), consent_to_count=True,
                                 peer_code=code))
            sent.append(_figures_sent(vault))
    assert sent[0] == sent[1]
