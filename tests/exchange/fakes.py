"""In-memory stand-ins for the journal's repositories, for testing export without a vault."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from peerdesk.journal.model import Session
from peerdesk.journal.repository import PeriodCounts


class FakeSessions:
    def __init__(self, sessions: Iterable[Session] = ()) -> None:
        self.sessions = list(sessions)

    def sessions_between(self, since: dt.date | None, until: dt.date | None
                         ) -> Iterator[Session]:
        chosen = [s for s in self.sessions
                  if (since is None or s.date >= since) and (until is None or s.date <= until)]
        yield from sorted(chosen, key=lambda s: s.date)

    def period_counts(self, since: dt.date | None, until: dt.date | None) -> PeriodCounts:
        chosen = list(self.sessions_between(since, until))
        return PeriodCounts(len(chosen), sum(not s.consent_to_count for s in chosen),
                            chosen[0].date if chosen else None,
                            chosen[-1].date if chosen else None)

    def consented_sessions_between(self, since: dt.date | None, until: dt.date | None
                                   ) -> Iterator[Session]:
        yield from (s for s in self.sessions_between(since, until) if s.consent_to_count)

    def count(self) -> int:
        return len(self.sessions)


class FakeDrafts:
    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._keys = list(keys)

    def keys(self) -> list[str]:
        return list(self._keys)
