"""Listing and searching sessions: pages sorted and filtered in SQL, counts, snippets.

Indexes for every sort key and filter keep 300,000 sessions quick. Searches page from the
match set itself (see `SessionListing.page`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from peerdesk.journal.journal_access import ROW_COLUMNS, JournalAccess, SessionRow, row_from_sql
from peerdesk.journal.search import (
    SNIPPET_OPEN,
    SNIPPET_SQL_ARGUMENTS,
    fts_query,
)
from peerdesk.vault.vault import Connection

SORT_KEYS = ("date", "peer_code", "contact", "channel", "duration", "follow_up_date", "consent")

# Sort key -> ORDER BY columns; each matches an index of migration 0002, id breaks ties.
_SORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("s.date", "s.start_time"),
    "peer_code": ("s.peer_code", "s.date", "s.start_time"),
    "contact": ("s.contact", "s.date", "s.start_time"),
    "channel": ("s.channel", "s.date", "s.start_time"),
    "duration": ("s.duration_minutes", "s.date", "s.start_time"),
    "follow_up_date": ("s.follow_up_date", "s.date", "s.start_time"),
    "consent": ("s.consent_to_count", "s.date", "s.start_time"),
}

# The ids matching the current search, computed once per search and reused by the count, every
# page and the snippets. A TEMP table of integers only; the vault runs with temp_store=MEMORY,
# so it never reaches the disk, and it goes with the connection when the journal locks.
_MATCH_TABLE = "temp.peerdesk_search_match"

# A text search's first pages in the default order (up to `_NEWEST_MATCHES_UP_TO` rows) come
# from the match set itself, highest id first; below the ids read, up to
# `_NEWEST_MATCHES_READ_UP_TO` more ids are read (`_CHUNK` at a time) to find sessions logged
# out of date order.
_CHUNK = 256
_NEWEST_MATCHES_UP_TO = 2000
_NEWEST_MATCHES_READ_UP_TO = 20_000


_NEWEST_FIRST = "s.date DESC, s.start_time DESC, s.id DESC"


@dataclass(frozen=True)
class SessionFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    behaviour: str | None = None
    channel: str | None = None
    consent: bool | None = None
    follow_up_due: bool = False  # due = follow-up date set, not done, <= today
    text: str = ""  # full-text query (FTS5) over notes, peer code, labels
    peer_code: str | None = None


class _NoMatches(Exception):
    """The filter can match nothing (a search of punctuation only)."""


@dataclass(frozen=True)
class _Matches:
    """What `_MATCH_TABLE` holds: the ids matching `query`, as of `stamp` on `connection`."""

    connection: Connection
    query: str
    stamp: tuple[int, int]
    count: int



class SessionListing(JournalAccess):
    """Pages, counts and snippets for the session list."""

    _matches: _Matches | None = None

    @staticmethod
    def _stamp(db: Connection) -> tuple[int, int]:
        """Changes on this connection and commits by others: any write moves it."""
        return int(db.total_changes), int(db.execute("PRAGMA data_version").fetchone()[0])

    def _match_count(self, query: str) -> int:
        """Fill `_MATCH_TABLE` with the ids matching `query` unless it already holds them
        (same connection, nothing written since); returns how many match."""
        db = self._db
        cached = self._matches
        if (cached is not None and cached.connection is db and cached.query == query
                and cached.stamp == self._stamp(db)):
            return cached.count
        db.execute(f"CREATE TABLE IF NOT EXISTS {_MATCH_TABLE} (id INTEGER PRIMARY KEY)")
        db.execute(f"DELETE FROM {_MATCH_TABLE}")
        count = int(db.execute(
            f"INSERT INTO {_MATCH_TABLE} (id) "
            "SELECT rowid FROM session_fts WHERE session_fts MATCH ?", (query,)
        ).rowcount)
        self._matches = _Matches(db, query, self._stamp(db), count)
        return count

    def _where(self, flt: SessionFilter, paging: bool = False) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if flt.date_from is not None:
            clauses.append("s.date >= ?")
            params.append(flt.date_from.isoformat())
        if flt.date_to is not None:
            clauses.append("s.date <= ?")
            params.append(flt.date_to.isoformat())
        if flt.behaviour is not None:
            # `+s.id`: probe a set built once while walking the sort index, rather than
            # fetching every matching row and sorting them all.
            clauses.append("+s.id IN (SELECT session_id FROM session_behaviour WHERE code = ?)")
            params.append(flt.behaviour)
        if flt.channel is not None:
            clauses.append("s.channel = ?")
            params.append(flt.channel)
        if flt.consent is not None:
            # Two values only: when paging, walking the sort index beats the consent index.
            clauses.append(("+" if paging else "") + "s.consent_to_count = ?")
            params.append(int(flt.consent))
        if flt.follow_up_due:
            clauses.append(
                "s.follow_up_done = 0 AND s.follow_up_date IS NOT NULL AND s.follow_up_date <= ?"
            )
            params.append(self._today().isoformat())
        if flt.peer_code is not None:
            clauses.append("s.peer_code = ?")
            params.append(flt.peer_code.strip())
        if flt.text.strip():
            query = fts_query(flt.text)
            if query is None:
                raise _NoMatches()
            self._match_count(query)
            # `+s.id`: walk the sort index probing the matches (reading the matching rows
            # in id order and sorting them is far slower when many match).
            clauses.append(f"+s.id IN {_MATCH_TABLE}")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count(self, flt: SessionFilter = SessionFilter()) -> int:
        # Single-filter shortcuts straight from the index that answers them.
        if flt.text.strip() and flt == SessionFilter(text=flt.text):
            query = fts_query(flt.text)
            return 0 if query is None else self._text_count(query)
        try:
            where, params = self._where(flt)
        except _NoMatches:
            return 0
        if flt.behaviour is not None and flt == SessionFilter(behaviour=flt.behaviour):
            return int(self._db.execute(
                "SELECT count(*) FROM session_behaviour WHERE code = ?", params
            ).fetchone()[0])
        return int(self._db.execute(f"SELECT count(*) FROM session s{where}", params).fetchone()[0])

    def _text_count(self, query: str) -> int:
        """How many sessions match `query`: the match table's count when it holds this query,
        else a count over the full-text index alone (no table of ids is filled)."""
        db = self._db
        cached = self._matches
        if (cached is not None and cached.connection is db and cached.query == query
                and cached.stamp == self._stamp(db)):
            return cached.count
        return int(db.execute(
            "SELECT count(*) FROM session_fts WHERE session_fts MATCH ?", (query,)
        ).fetchone()[0])

    def page(
        self,
        flt: SessionFilter,
        sort: str = "date",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
        *,
        snippets: bool = True,
        first_snippets: int = 0,
    ) -> list[SessionRow]:
        """One page of rows, sorted by one of `SORT_KEYS` (ties: newest first / oldest first).

        A text search's rows carry their snippet unless `snippets` is False (a list that
        shows only some rows asks `snippets()` for those); then the first `first_snippets`
        rows still carry theirs, made in the same pass over the index where it can be (the
        index's work for a search like "shouted at work" is most of its cost)."""
        if sort not in _SORT_COLUMNS:
            raise ValueError(f"unknown sort key {sort!r}; use one of {SORT_KEYS}")
        limit, offset = max(0, limit), max(0, offset)
        query = fts_query(flt.text) if flt.text.strip() else None
        if (query is not None and flt == SessionFilter(text=flt.text) and sort == "date"
                and descending and offset + limit <= _NEWEST_MATCHES_UP_TO):
            newest = self._newest_matches(query, offset, limit,
                                          0 if snippets else first_snippets)
            if newest is not None:
                wanted = len(newest) if snippets else first_snippets
                return self._with_snippets(flt.text, newest, wanted)
        try:
            where, params = self._where(flt, paging=True)
        except _NoMatches:
            return []
        direction = " DESC" if descending else ""
        order = ", ".join(f"{c}{direction}" for c in (*_SORT_COLUMNS[sort], "s.id"))
        rows = self._rows_at_once(
            f"SELECT {ROW_COLUMNS} FROM session s{where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        listed = [row_from_sql(row) for row in rows]
        if not flt.text.strip():
            return listed
        return self._with_snippets(flt.text, listed, len(listed) if snippets else first_snippets)

    def _with_snippets(self, text: str, rows: list[SessionRow], wanted: int) -> list[SessionRow]:
        """`rows` with the snippets of the first `wanted` filled in where still missing."""
        missing = [row.id for row in rows[:wanted] if row.snippet is None]
        if not missing:
            return rows
        found = self.snippets(text, missing)
        return [row._replace(snippet=found[row.id]) if row.id in found else row
                for row in rows]

    def _newest_matches(self, query: str, offset: int, limit: int,
                        first_snippets: int = 0) -> list[SessionRow] | None:
        """Rows `offset`..`offset + limit` of the sessions matching `query`, newest first
        (date, time, id), read from the match set itself, highest id first, with no table of
        every match.

        Sessions are mostly logged in date order, so the newest matches are among the highest
        ids: the first `offset + limit` of them give a last row. A session that sorts above it
        but was not read has a lower id and is dated that day or later, so the date index names
        every such candidate, and reading the matches on down to the lowest candidate finds
        those that match. When a journal's ids and dates disagree too much for that (a session
        moved to a recent date among many old ones), None sends the caller to the plan over
        every match.

        With `first_snippets`, the same pass makes the snippets of the first matches read (half
        as many again, as rows logged out of time order may move up); `page` makes any the
        first rows still lack."""
        wanted = offset + limit
        if wanted == 0:
            return []
        found: dict[int, str] = {}
        cursor = self._db.execute(self._match_cursor_sql(first_snippets), (query,))
        try:
            read = cursor.fetchmany(wanted)
            ids = [int(row[0]) for row in read]
            _keep_snippets(read, found)
            rows = self._newest_of(ids, wanted)
            if len(ids) == wanted:  # more may match: look below the lowest id read
                candidates = self._may_sort_above(rows[-1], ids[-1])
                if candidates is None:
                    return None
                if candidates:
                    below = self._matching_down_to(cursor, candidates, found)
                    if below is None:
                        return None
                    if below:
                        rows = self._newest_of(ids + below, wanted)
            return [row_from_sql(row, found.get(int(row[0]))) for row in rows[offset:]]
        finally:
            cursor.close()

    def _match_cursor_sql(self, first_snippets: int) -> str:
        """The matches, highest id first; with `first_snippets`, the snippets of the first
        `first_snippets * 3 // 2` of them as well (a function counts the rows it lets through)."""
        if first_snippets <= 0:
            return "SELECT rowid FROM session_fts WHERE session_fts MATCH ? ORDER BY rowid DESC"
        budget = first_snippets * 3 // 2
        chosen: set[int] = set()

        def snippet_wanted(rowid: int) -> bool:
            if rowid in chosen:
                return True
            if len(chosen) < budget:
                chosen.add(rowid)
                return True
            return False

        self._db.create_function("peerdesk_snippet_wanted", 1, snippet_wanted)
        args = SNIPPET_SQL_ARGUMENTS
        return ("SELECT rowid, "
                f"CASE WHEN peerdesk_snippet_wanted(rowid) THEN snippet(session_fts, 0, {args}) "
                "END, "
                f"CASE WHEN peerdesk_snippet_wanted(rowid) THEN snippet(session_fts, -1, {args}) "
                "END FROM session_fts WHERE session_fts MATCH ? ORDER BY rowid DESC")

    def _newest_of(self, ids: Sequence[int], wanted: int) -> list[Any]:
        """The list columns of the newest `wanted` sessions among `ids`."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return list(self._db.execute(
            f"SELECT {ROW_COLUMNS} FROM session s WHERE s.id IN ({marks}) "
            f"ORDER BY {_NEWEST_FIRST} LIMIT ?", (*ids, wanted)).fetchall())

    def _may_sort_above(self, row: Sequence[Any], below_id: int) -> set[int] | None:
        """The sessions with an id under `below_id` that sort above `row` newest first (None
        when there are more than `_NEWEST_MATCHES_UP_TO`). Reads the date index from `row`'s
        day on: about as many entries as sessions that recent."""
        found = {int(found_id) for (found_id,) in self._db.execute(
            "SELECT s.id FROM session s INDEXED BY session_by_date WHERE s.date >= ? "
            "AND s.id < ? AND (s.date > ? OR coalesce(s.start_time, '') > ?) LIMIT ?",
            (row[1], below_id, row[1], row[2] or "", _NEWEST_MATCHES_UP_TO + 1),
        )}
        return None if len(found) > _NEWEST_MATCHES_UP_TO else found

    @staticmethod
    def _matching_down_to(cursor: Any, candidates: set[int],
                          snippets: dict[int, str]) -> list[int] | None:
        """Read the match cursor (ids descending) down to the lowest of `candidates`; the
        candidates that match (and any snippets the cursor made, into `snippets`). None when
        that means reading more than `_NEWEST_MATCHES_READ_UP_TO` ids."""
        lowest = min(candidates)
        found: list[int] = []
        read = 0
        while read <= _NEWEST_MATCHES_READ_UP_TO:
            chunk = cursor.fetchmany(_CHUNK)
            read += len(chunk)
            found += [int(row[0]) for row in chunk if row[0] in candidates]
            _keep_snippets(chunk, snippets)
            if len(chunk) < _CHUNK or int(chunk[-1][0]) <= lowest:
                return found
        return None

    def snippets(self, text: str, ids: Sequence[int]) -> dict[int, str]:
        """The matching part of each session: from the notes when they match, else any column.

        Sessions that do not match `text` are left out."""
        query = fts_query(text)
        if query is None or not ids:
            return {}
        marks = ",".join("?" * len(ids))
        args = SNIPPET_SQL_ARGUMENTS
        # One pass over the matches in the page's id range: per-row lookups (`rowid IN`)
        # re-run the whole query each time, which is slow for prefix queries.
        rows = self._db.execute(
            f"SELECT rowid, snippet(session_fts, 0, {args}), snippet(session_fts, -1, {args}) "
            f"FROM session_fts WHERE session_fts MATCH ? AND rowid BETWEEN ? AND ? "
            f"AND +rowid IN ({marks})",
            (query, min(ids), max(ids), *ids),
        )
        found: dict[int, str] = {}
        _keep_snippets(rows, found)
        return found


def _keep_snippets(rows: Iterable[Sequence[Any]], into: dict[int, str]) -> None:
    """From (rowid, snippet of the notes, snippet of the best column) rows: the notes' when
    they match, else the best column's. Rows without snippets (or without those columns) are
    skipped."""
    for row in rows:
        if len(row) < 3 or (row[1] is None and row[2] is None):
            continue
        from_notes, best = row[1], row[2]
        into[int(row[0])] = (str(from_notes) if SNIPPET_OPEN in (from_notes or "")
                             else str(best or ""))

