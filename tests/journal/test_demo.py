"""Synthetic sessions: deterministic, plausible, valid, no real names."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from peerdesk.journal.demo import (
    count_sessions_not_from_demo,
    create_demo_journal,
    generate_sessions,
    is_demo_journal,
    is_demo_summary_id,
)
from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import identifying_warnings
from peerdesk.journal.repository import SessionRepository
from peerdesk.journal.validation import validate_session
from peerdesk.taxonomy import default_taxonomy
from peerdesk.vault import Vault, VaultExistsError
from tests.conftest import PASSPHRASE

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def sample() -> list[Session]:
    return list(generate_sessions(3000, 11, TODAY))


def test_same_seed_same_sessions_other_seed_differs() -> None:
    first = list(generate_sessions(200, 5, TODAY))
    assert first == list(generate_sessions(200, 5, TODAY))
    assert first != list(generate_sessions(200, 6, TODAY))
    assert len({s.summary_id for s in first}) == 200


def test_demo_sessions_are_recognised_and_real_ones_are_not(vault: Vault) -> None:
    demo = list(generate_sessions(30, 4, TODAY))
    assert all(is_demo_summary_id(s.summary_id) for s in demo)
    assert all(len(s.summary_id) == 32 and int(s.summary_id, 16) >= 0 for s in demo)
    repo = SessionRepository(vault)
    repo.add_many(demo)
    assert count_sessions_not_from_demo(vault) == 0
    real = Session(date=TODAY, consent_to_count=True)
    assert not is_demo_summary_id(real.summary_id)
    repo.add(real)
    assert count_sessions_not_from_demo(vault) == 1


def test_every_session_is_valid_and_dated_in_the_past_18_months(sample: list[Session]) -> None:
    taxonomy = default_taxonomy()
    for session in sample:
        validate_session(session, taxonomy)
        assert TODAY - dt.timedelta(days=560) <= session.date <= TODAY
    assert [s.date for s in sample] == sorted(s.date for s in sample)
    months = {(s.date.year, s.date.month) for s in sample}
    assert len(months) >= 18


def test_distributions_are_plausible(sample: list[Session]) -> None:
    n = len(sample)

    def share(predicate: object) -> float:
        return sum(1 for s in sample if predicate(s)) / n  # type: ignore[operator]

    assert share(lambda s: s.kind == "one_to_one") > 0.85
    channels = Counter(s.channel for s in sample)
    assert channels.most_common(2)[0][0] == "in_person"
    assert {"in_person", "video"} == {c for c, _ in channels.most_common(2)}
    assert 0.70 <= share(lambda s: s.consent_to_count) <= 0.85
    assert 0.05 <= share(lambda s: s.risk_flags) <= 0.11
    assert 0.35 <= share(lambda s: s.follow_up_date is not None) <= 0.50
    overdue = [s for s in sample if s.follow_up_date and s.follow_up_date < TODAY
               and not s.follow_up_done]
    assert 0 < len(overdue) < 0.1 * n
    assert share(lambda s: s.contact == "follow_up") > 0.2
    behaviours = Counter(b for s in sample for b in s.behaviours)
    assert behaviours["work_related"] > behaviours["physical_intimidation"] * 4
    weekend = share(lambda s: s.date.weekday() >= 5)
    assert weekend < 0.15
    assert share(lambda s: s.risk_flags and "safety_planning" in s.support_given) == \
        share(lambda s: s.risk_flags)


def test_repeat_peers_share_a_code_and_codes_are_safe(sample: list[Session]) -> None:
    codes = Counter(s.peer_code for s in sample if s.peer_code)
    assert max(codes.values()) >= 3
    for code in codes:
        assert identifying_warnings(code) == []
    for session in sample:
        if session.kind == "group":
            assert session.peer_code == ""
            assert session.group_size is not None


def test_notes_are_varied_and_never_name_anyone(sample: list[Session]) -> None:
    notes = [s.notes for s in sample]
    assert all(notes)
    assert len(set(notes)) > 500
    for text in notes:
        for sentence in text.split(". "):
            # only a sentence's first word is capitalised, so nothing in a note reads as a name
            later_words = sentence.split()[1:]
            assert not [w for w in later_words if w[:1].isupper()], text


def test_create_demo_journal(tmp_path: Path) -> None:
    path = tmp_path / "demo.peerdesk"
    assert create_demo_journal(path, PASSPHRASE, count=120, seed=2, today=TODAY) == 120
    with Vault.open(path, PASSPHRASE) as vault:
        repo = SessionRepository(vault, today=lambda: TODAY)
        assert repo.count() == 120
        assert is_demo_journal(vault)
        assert repo.follow_ups(TODAY).overdue
    with pytest.raises(VaultExistsError):
        create_demo_journal(path, PASSPHRASE, count=1, seed=2)
