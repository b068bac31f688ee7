"""The session list: filters, sorting and paging."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from peerdesk.journal.repository import (
    SORT_KEYS,
    SessionFilter,
    SessionRepository,
)
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.journal.factories import TODAY, full_session


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault, today=lambda: TODAY)


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SessionRepository, dict[str, int]]]:
    """One read-only journal with four sessions, shared by the filter and sort tests."""
    with Vault.create(tmp_path_factory.mktemp("seeded") / "j.peerdesk", PASSPHRASE) as vault:
        repo = SessionRepository(vault, today=lambda: TODAY)
        yield repo, _seed(repo)


def _seed(repo: SessionRepository) -> dict[str, int]:
    ids = {}
    specs = {
        "a": full_session(date=dt.date(2026, 1, 5), channel="phone", peer_code="Blue-Fox-1",
                          behaviours=frozenset({"online"}), consent_to_count=False,
                          follow_up_date=dt.date(2026, 3, 1), duration_minutes=10,
                          contact="first"),
        "b": full_session(date=dt.date(2026, 2, 5), channel="in_person", peer_code="amber-heron-27",
                          behaviours=frozenset({"work_related"}), consent_to_count=True,
                          follow_up_date=dt.date(2026, 3, 10), duration_minutes=60,
                          contact="follow_up"),
        "c": full_session(date=dt.date(2026, 3, 5), channel="video", peer_code="cedar-owl-3",
                          behaviours=frozenset({"work_related", "online"}), consent_to_count=True,
                          follow_up_date=dt.date(2026, 4, 1), duration_minutes=30,
                          contact="first"),
        "d": full_session(date=dt.date(2026, 3, 5), start_time=None, channel="chat",
                          peer_code="", behaviours=frozenset(), consent_to_count=False,
                          follow_up_date=None, duration_minutes=20, contact="first"),
    }
    for name, session in specs.items():
        ids[name] = repo.add(session).id or 0
    return ids


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (SessionFilter(), "abcd"),
        (SessionFilter(date_from=dt.date(2026, 2, 5)), "bcd"),
        (SessionFilter(date_to=dt.date(2026, 2, 5)), "ab"),
        (SessionFilter(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 2, 28)), "b"),
        (SessionFilter(behaviour="online"), "ac"),
        (SessionFilter(behaviour="retaliation"), ""),
        (SessionFilter(channel="video"), "c"),
        (SessionFilter(consent=True), "bc"),
        (SessionFilter(consent=False), "ad"),
        (SessionFilter(follow_up_due=True), "ab"),
        (SessionFilter(peer_code="AMBER-HERON-27"), "b"),
        (SessionFilter(behaviour="online", consent=True), "c"),
    ],
)
def test_filters(seeded: tuple[SessionRepository, dict[str, int]], flt: SessionFilter,
                 expected: str) -> None:
    repo, ids = seeded
    names = {v: k for k, v in ids.items()}
    rows = repo.page(flt, sort="date", descending=False)
    assert "".join(sorted(names[row.id] for row in rows)) == expected
    assert repo.count(flt) == len(expected)


def test_follow_up_due_filter_ignores_done(repo: SessionRepository) -> None:
    ids = _seed(repo)
    repo.set_follow_up_done(ids["a"])
    assert [r.id for r in repo.page(SessionFilter(follow_up_due=True))] == [ids["b"]]
    repo.set_follow_up_done(ids["a"], done=False)
    assert repo.count(SessionFilter(follow_up_due=True)) == 2


@pytest.mark.parametrize(
    ("sort", "expected_ascending"),
    [
        ("date", "abdc"),  # same date: no start time sorts before 14:30
        ("peer_code", "dbac"),  # case-insensitive: '', amber, Blue, cedar
        ("contact", "adcb"),  # first (by date), then follow_up
        ("channel", "dbac"),  # chat, in_person, phone, video
        ("duration", "adcb"),
        ("follow_up_date", "dabc"),  # none first
        ("consent", "adbc"),
    ],
)
def test_sorting_each_key(seeded: tuple[SessionRepository, dict[str, int]], sort: str,
                          expected_ascending: str) -> None:
    repo, ids = seeded
    names = {v: k for k, v in ids.items()}
    ascending = "".join(names[r.id] for r in repo.page(SessionFilter(), sort, descending=False))
    descending = "".join(names[r.id] for r in repo.page(SessionFilter(), sort, descending=True))
    assert ascending == expected_ascending
    assert descending == expected_ascending[::-1]


def test_sort_keys_are_the_contract() -> None:
    assert SORT_KEYS == ("date", "peer_code", "contact", "channel", "duration",
                         "follow_up_date", "consent")


def test_unknown_sort_key_is_a_bug(repo: SessionRepository) -> None:
    with pytest.raises(ValueError, match="sort key"):
        repo.page(SessionFilter(), sort="notes")


def test_paging_is_stable_and_complete(repo: SessionRepository) -> None:
    repo.add_many(full_session(date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 7),
                               start_time=None) for i in range(53))
    seen: list[int] = []
    for offset in range(0, 60, 10):
        seen += [r.id for r in repo.page(SessionFilter(), offset=offset, limit=10)]
    assert len(seen) == 53
    assert len(set(seen)) == 53
    assert repo.page(SessionFilter(), offset=60) == []
    assert repo.count() == 53


def test_row_carries_list_columns(repo: SessionRepository) -> None:
    saved = repo.add(full_session())
    (row,) = repo.page(SessionFilter())
    assert row.id == saved.id
    assert row.date == saved.date
    assert row.start_time == dt.time(14, 30)
    assert row.duration_minutes == 45
    assert (row.kind, row.contact, row.channel) == ("group", "follow_up", "video")
    assert row.peer_code == "amber-heron-27"
    assert row.behaviours == frozenset({"work_related", "online"})
    assert row.risk_flags == frozenset({"health_crisis"})
    assert row.consent_to_count is True
    assert row.follow_up_date == dt.date(2026, 3, 16)
    assert row.follow_up_done is False
    assert row.snippet is None
