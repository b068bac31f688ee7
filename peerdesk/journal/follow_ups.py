"""Open follow-ups: overdue, due today and upcoming, from the open-follow-up index."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.journal.journal_access import ROW_COLUMNS, JournalAccess, SessionRow


@dataclass(frozen=True)
class FollowUps:
    """Open follow-ups: overdue (oldest first), due today, upcoming (soonest first).

    With a `limit`, `overdue` and `upcoming` hold at most that many rows and the totals say
    how many there are in all."""

    overdue: list[SessionRow]
    due_today: list[SessionRow]
    upcoming: list[SessionRow]
    overdue_total: int | None = None   # None: `overdue` is complete
    upcoming_total: int | None = None  # None: `upcoming` is complete

    @property
    def overdue_count(self) -> int:
        return len(self.overdue) if self.overdue_total is None else self.overdue_total

    @property
    def upcoming_count(self) -> int:
        return len(self.upcoming) if self.upcoming_total is None else self.upcoming_total

    @property
    def due_count(self) -> int:
        """Overdue plus due today: the number shown on the navigation entry."""
        return self.overdue_count + len(self.due_today)


class FollowUpQueries(JournalAccess):
    """The follow-ups workspace's questions and the badge count."""

    def follow_ups(self, today: dt.date, limit: int | None = None) -> FollowUps:
        """Open follow-ups around `today`: overdue (oldest first), due today, upcoming.

        `limit` caps the overdue and upcoming lists (their totals are then counted from the
        open-follow-up index alone); due today is always complete."""
        base = (
            f"SELECT {ROW_COLUMNS} FROM session s INDEXED BY session_open_follow_up "
            "WHERE s.follow_up_done = 0 AND s.follow_up_date IS NOT NULL AND s.follow_up_date "
        )
        order = " ORDER BY s.follow_up_date, s.date, s.start_time, s.id"
        capped = order + ("" if limit is None else f" LIMIT {max(0, int(limit))}")
        day = today.isoformat()
        overdue = self._rows(base + "< ?" + capped, (day,))
        upcoming = self._rows(base + "> ?" + capped, (day,))

        def total(rows: list[SessionRow], comparison: str) -> int | None:
            if limit is None or len(rows) < limit:
                return None
            return int(self._db.execute(
                "SELECT count(*) FROM session s INDEXED BY session_open_follow_up "
                "WHERE s.follow_up_done = 0 AND s.follow_up_date IS NOT NULL "
                f"AND s.follow_up_date {comparison} ?", (day,)
            ).fetchone()[0])

        return FollowUps(
            overdue=overdue,
            due_today=self._rows(base + "= ?" + order, (day,)),
            upcoming=upcoming,
            overdue_total=total(overdue, "<"),
            upcoming_total=total(upcoming, ">"),
        )

    def follow_ups_due(self, today: dt.date) -> int:
        """How many open follow-ups are overdue or due `today` (`FollowUps.due_count`), from
        the open-follow-up index alone: cheap enough for a badge at unlock."""
        return int(self._db.execute(
            "SELECT count(*) FROM session s INDEXED BY session_open_follow_up "
            "WHERE s.follow_up_done = 0 AND s.follow_up_date IS NOT NULL "
            "AND s.follow_up_date <= ?", (today.isoformat(),)
        ).fetchone()[0])

