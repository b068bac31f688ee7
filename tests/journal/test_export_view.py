"""What export reads: coded fields of consented sessions, period counts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from peerdesk.journal.repository import (
    PeriodCounts,
    SessionRepository,
)
from peerdesk.vault import Vault
from tests.journal.factories import TODAY, full_session


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault, today=lambda: TODAY)


def test_export_reads_only_consented_coded_sessions(repo: SessionRepository) -> None:
    first = dt.date(2026, 1, 1)
    made = [repo.add(full_session(date=first + dt.timedelta(days=d), consent_to_count=consent))
            for d, consent in ((5, True), (1, False), (3, True), (9, True))]
    coded = list(repo.consented_sessions_between(first + dt.timedelta(days=2), None))
    assert [c.id for c in coded] == [made[2].id, made[0].id, made[3].id]  # by date
    full = {s.id: s for s in repo.sessions_between(None, None)}
    for item in coded:
        assert not hasattr(item, "notes")
        assert not hasattr(item, "reflection")
        whole = full[item.id]
        for field in dataclasses.fields(item):
            assert getattr(item, field.name) == getattr(whole, field.name), field.name
    counts = repo.period_counts(first, first + dt.timedelta(days=5))
    assert counts == PeriodCounts(3, 1, first + dt.timedelta(days=1), first + dt.timedelta(days=5))
    assert repo.period_counts(None, None).sessions == 4
    assert repo.period_counts(first + dt.timedelta(days=20), None) == PeriodCounts(0, 0, None, None)
