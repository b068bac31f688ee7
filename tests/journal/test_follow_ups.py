"""Open follow-ups: overdue, due today, upcoming."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.journal.repository import (
    SessionRepository,
)
from peerdesk.vault import Vault
from tests.journal.factories import TODAY, full_session


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault, today=lambda: TODAY)


def test_follow_up_buckets(repo: SessionRepository) -> None:
    made = {}
    for name, due, done in [("old", dt.date(2026, 2, 1), False), ("late", TODAY - dt.timedelta(1),
                            False), ("today", TODAY, False), ("soon", TODAY + dt.timedelta(1),
                            False), ("later", TODAY + dt.timedelta(30), False),
                            ("finished", TODAY - dt.timedelta(3), True), ("none", None, False)]:
        made[name] = repo.add(full_session(follow_up_date=due, follow_up_done=done)).id
    buckets = repo.follow_ups(TODAY)
    assert [r.id for r in buckets.overdue] == [made["old"], made["late"]]
    assert [r.id for r in buckets.due_today] == [made["today"]]
    assert [r.id for r in buckets.upcoming] == [made["soon"], made["later"]]
    assert buckets.due_count == 3
    assert repo.follow_ups_due(TODAY) == 3
    assert repo.follow_ups_due(TODAY - dt.timedelta(1)) == 2
    repo.set_follow_up_done(made["today"] or 0)
    assert repo.follow_ups(TODAY).due_today == []
    assert repo.follow_ups_due(TODAY) == 2
    assert repo.get(made["today"] or 0).revision == 2


def test_follow_up_lists_can_be_capped(repo: SessionRepository) -> None:
    day = dt.timedelta(days=1)
    repo.add_many(full_session(follow_up_date=TODAY - (n + 1) * day) for n in range(5))
    repo.add_many(full_session(follow_up_date=TODAY + (n + 1) * day) for n in range(4))
    repo.add(full_session(follow_up_date=TODAY))
    whole = repo.follow_ups(TODAY)
    capped = repo.follow_ups(TODAY, limit=3)
    assert capped.overdue == whole.overdue[:3]
    assert capped.upcoming == whole.upcoming[:3]
    assert (capped.overdue_count, capped.upcoming_count, capped.due_count) == (5, 4, 6)
    assert (whole.overdue_count, whole.upcoming_count, whole.due_count) == (5, 4, 6)
    roomy = repo.follow_ups(TODAY, limit=10)
    assert roomy == whole  # nothing cut: no totals needed
