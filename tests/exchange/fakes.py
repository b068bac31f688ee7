"""In-memory stand-ins for the journal's repositories, for testing export without a vault."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from peerdesk.journal.model import Session


class FakeSessions:
    def __init__(self, sessions: Iterable[Session] = ()) -> None:
        self.sessions = list(sessions)

    def sessions_between(self, since: dt.date | None, until: dt.date | None
                         ) -> Iterator[Session]:
        chosen = [s for s in self.sessions
                  if (since is None or s.date >= since) and (until is None or s.date <= until)]
        yield from sorted(chosen, key=lambda s: s.date)

    def count(self) -> int:
        return len(self.sessions)


class FakeDrafts:
    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._keys = list(keys)

    def keys(self) -> list[str]:
        return list(self._keys)
