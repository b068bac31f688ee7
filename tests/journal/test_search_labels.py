"""Searching by coded values in every shipped language, and labels kept up to date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionFilter, SessionRepository
from peerdesk.journal.search_labels import SIGNATURE_KEY
from peerdesk.taxonomy import localized_taxonomy
from peerdesk.vault import Vault
from peerdesk.vault.migrations import MIGRATIONS_DIR


def spanish_label(field: str, code: str) -> str:
    return localized_taxonomy("es").fields[field].option(code).label


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault)


def _session(**changes: object) -> Session:
    base = Session(date=dt.date(2026, 2, 1), channel="in_person", peer_code="cedar-owl-3",
                   notes="We met.", source_relation="peer")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _ids(repo: SessionRepository, text: str) -> list[int | None]:
    return [row.id for row in repo.page(SessionFilter(text=text))]


def test_coded_values_are_found_by_english_and_spanish_labels(repo: SessionRepository) -> None:
    phone = repo.add(_session(channel="phone", source_relation="manager"))
    repo.add(_session())
    assert spanish_label("channel", "phone") == "Teléfono"
    assert _ids(repo, "phone") == [phone.id]
    assert _ids(repo, "teléfono") == [phone.id]
    assert _ids(repo, "telefono") == [phone.id]  # accents are optional, as for notes
    assert _ids(repo, "supervisor") == [phone.id]  # "Responsable o supervisor"
    assert repo.count(SessionFilter(text="Telé")) == 1  # while typing


def test_labels_follow_an_edit_in_both_languages(repo: SessionRepository) -> None:
    saved = repo.add(_session(channel="phone"))
    repo.update(dataclasses.replace(saved, channel="video"))
    assert _ids(repo, "teléfono") == []
    assert _ids(repo, spanish_label("channel", "video")) == [saved.id]


def _make_stale(vault: Vault) -> None:
    """What a journal indexed before Spanish labels existed looks like."""
    with vault.transaction() as conn:
        conn.execute("UPDATE session_text SET search_labels = 'Phone'")
        conn.execute("UPDATE meta SET value = 'old' WHERE key = ?", (SIGNATURE_KEY,))


def test_out_of_date_labels_are_noticed_and_rewritten(plain_vault: Vault,
                                                      repo: SessionRepository) -> None:
    first = repo.add(_session(channel="phone"))
    second = repo.add(_session(channel="phone", notes="Again."))
    assert repo.search_labels_current()
    _make_stale(plain_vault)
    assert not repo.search_labels_current()
    assert _ids(repo, "teléfono") == []

    steps: list[tuple[int, int]] = []
    assert repo.refresh_search_labels(lambda done, total: steps.append((done, total))) == 2
    assert steps[-1] == (2, 2)
    assert repo.search_labels_current()
    assert sorted(_ids(repo, "teléfono")) == sorted([first.id, second.id])
    assert repo.refresh_search_labels() == 0  # nothing left to rewrite


def test_a_new_journal_is_current_before_and_after_its_first_session(
        repo: SessionRepository) -> None:
    assert repo.search_labels_current()
    repo.add(_session())
    assert repo.search_labels_current()


def test_journals_with_sessions_before_the_change_are_marked_out_of_date(
        plain_vault: Vault, repo: SessionRepository) -> None:
    """Migration 0006 marks journals indexed with English labels only; empty ones stay clean."""
    migration = next(MIGRATIONS_DIR.glob("0006_*.sql")).read_text("utf-8")
    with plain_vault.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (SIGNATURE_KEY,))
        conn.execute(migration)
    assert repo.search_labels_current()  # no sessions: nothing to rewrite
    repo.add(_session())
    with plain_vault.transaction() as conn:
        conn.execute("DELETE FROM meta WHERE key = ?", (SIGNATURE_KEY,))
        conn.execute(migration)
    assert not repo.search_labels_current()
