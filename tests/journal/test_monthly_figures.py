"""The journal's figures per month, counted in SQL, equal a count session by session."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.journal.model import Session
from peerdesk.journal.monthly_figures import MonthlyFiguresRepository
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault
from tests.exchange.journals import reference_months, reference_people, sessions


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(sessions(), max_size=25))
def test_sql_figures_equal_a_count_session_by_session(vault: Vault,
                                                      drawn: list[Session]) -> None:
    vault.connection.execute("DELETE FROM session")
    SessionRepository(vault).add_many(drawn)
    repo = MonthlyFiguresRepository(vault)
    months = repo.months("2000-01", "2030-12")
    expected = reference_months(drawn)
    assert set(months) == set(expected)
    for month, figures in months.items():
        want = expected[month]
        assert (figures.contacts, figures.follow_up_planned, figures.with_referral,
                figures.with_risk) == (want["contacts"], want["follow_up_planned"],
                                       want["with_referral"], want["with_risk"])
        assert {f: c for f, c in figures.counts.items() if c} == want["counts"]
        assert figures.unknown_code_fields == ()
    people = repo.people("2000-01", "2030-12")
    assert {p: (c.people, c.people_repeat, c.people_formal)
            for p, c in people.items()} == reference_people(drawn)


def test_outside_counts_and_month_bounds(vault: Vault) -> None:
    repo = SessionRepository(vault)
    repo.add(Session(date=dt.date(1999, 12, 31), consent_to_count=True))
    repo.add(Session(date=dt.date(2026, 1, 31), consent_to_count=True))
    repo.add(Session(date=dt.date(2026, 1, 1), consent_to_count=False))
    figures = MonthlyFiguresRepository(vault)
    assert list(figures.months("2000-01", "2026-01")) == ["2026-01"]
    outside = figures.outside("2000-01", "2026-01")
    assert (outside.without_consent, outside.outside_months) == (1, 1)
