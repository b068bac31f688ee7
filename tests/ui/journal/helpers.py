"""Shared helpers for the journal UI tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peerdesk.journal.model import Session

TODAY = dt.date(2026, 3, 18)


def make_session(**changes: Any) -> Session:
    values: dict[str, Any] = {"date": TODAY, "consent_to_count": True,
                              "peer_code": "calm-otter-11"}
    values.update(changes)
    return Session(**values)
