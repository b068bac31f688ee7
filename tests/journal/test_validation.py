"""Session checks before saving: dates within 1970-01-01 and a year from today."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.journal.model import Session
from peerdesk.journal.validation import SessionInvalid, latest_session_date, validate_session
from peerdesk.taxonomy import default_taxonomy


def test_session_dates_are_bounded_from_1970_to_a_year_ahead() -> None:
    today = dt.date(2026, 12, 4)
    taxonomy = default_taxonomy()
    for day in (dt.date(1970, 1, 1), dt.date(2027, 12, 4), today):
        validate_session(Session(date=day), taxonomy, today)
    for day in (dt.date(1969, 12, 31), dt.date(2027, 12, 5), dt.date(9999, 12, 31),
                dt.date(1, 1, 1)):
        with pytest.raises(SessionInvalid, match="outside the dates a session can have"):
            validate_session(Session(date=day), taxonomy, today)
    assert latest_session_date(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
