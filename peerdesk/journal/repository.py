"""Storing, finding and following up support sessions in the encrypted journal.

All SQL about sessions lives here. Lists use light `SessionRow`s, paged and sorted in SQL
(indexes for every sort key and filter keep 100,000 sessions quick); full sessions come
from `get`, `peer_timeline` and `sessions_between`. Deleted text leaves the file: the vault
runs with `secure_delete` and the full-text index with FTS5 'secure-delete'.

Never run ANALYZE on the journal: with STAT4, `sqlite_stat4` would keep copies of indexed
values (peer codes) that survive their session's deletion.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.journal.search import (
    SNIPPET_CLOSE,
    SNIPPET_ELLIPSIS,
    SNIPPET_OPEN,
    SNIPPET_TOKENS,
    fts_query,
)
from peerdesk.journal.search_labels import (
    SIGNATURE_KEY,
    LabelMaps,
    indexed_label_maps,
    labels_signature,
    search_labels,
)
from peerdesk.journal.validation import validate_session
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.translation import msg
from peerdesk.vault import Vault
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

_BATCH = 500

# The ids matching the current search, computed once per search and reused by the count, every
# page and the snippets. A TEMP table of integers only; the vault runs with temp_store=MEMORY,
# so it never reaches the disk, and it goes with the connection when the journal locks.
_MATCH_TABLE = "temp.peerdesk_search_match"

_SESSION_COLUMNS = (
    "id", "summary_id", "revision", "date", "start_time", "duration_minutes", "kind",
    "group_size", "contact", "channel", "origin", "behaviours", "persistence",
    "source_relation", "impacts", "risk_flags", "support_given", "referral_types", "next_step",
    "follow_up_date", "follow_up_done", "consent_to_count", "conflict_of_interest", "peer_code",
    "org_unit", "created_at", "updated_at",
)
_TEXT_COLUMNS = ("notes", "reflection")
_SELECT_SESSION = (
    "SELECT " + ", ".join(f"s.{c}" for c in _SESSION_COLUMNS) + ", t.notes, t.reflection "
    "FROM session s JOIN session_text t ON t.id = s.id"
)

_ROW_COLUMNS = (
    "s.id, s.date, s.start_time, s.duration_minutes, s.kind, s.contact, s.channel, s.peer_code, "
    "s.behaviours, s.risk_flags, s.consent_to_count, s.follow_up_date, s.follow_up_done"
)

_WRITE_COLUMNS = _SESSION_COLUMNS[1:]
_UPDATE_COLUMNS = tuple(c for c in _WRITE_COLUMNS if c not in ("summary_id", "created_at"))
_INSERT_SQL = (
    f"INSERT INTO session ({', '.join(_WRITE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _WRITE_COLUMNS)})"
)
_UPDATE_SQL = (
    "UPDATE session SET " + ", ".join(f"{c} = ?" for c in _UPDATE_COLUMNS) + " WHERE id = ?"
)
_TEXT_WRITE_COLUMNS = ("notes", "reflection", "peer_code", "search_labels")
_INSERT_TEXT_SQL = (
    "INSERT INTO session_text (id, notes, reflection, peer_code, search_labels) "
    "VALUES (?, ?, ?, ?, ?)"
)
_UPDATE_TEXT_SQL = (
    "UPDATE session_text SET notes = ?, reflection = ?, peer_code = ?, search_labels = ? "
    "WHERE id = ?"
)


class SessionNotFound(PeerDeskError):
    def __init__(self, session_id: int) -> None:
        super().__init__(msg(
            "Session {id} is not in the journal (it may have been deleted). Refresh the list "
            "and try again.", id=session_id,
        ))
        self.session_id = session_id


class SessionAlreadySaved(PeerDeskError):
    """`add` was given a session that is already stored (same summary id)."""


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


@dataclass(frozen=True)
class SessionRow:
    """A light row for lists; `snippet` is set only for text searches."""

    id: int
    date: dt.date
    start_time: dt.time | None
    duration_minutes: int
    kind: str
    contact: str
    channel: str
    peer_code: str
    behaviours: frozenset[str]
    risk_flags: frozenset[str]
    consent_to_count: bool
    follow_up_date: dt.date | None
    follow_up_done: bool
    snippet: str | None


@dataclass(frozen=True)
class CodedSession:
    """What export reads of a saved session: its codes, date, ids and the two values export
    generalises (peer code, org unit). Never its notes or reflection."""

    id: int
    summary_id: str
    revision: int
    date: dt.date
    duration_minutes: int
    kind: str
    group_size: int | None
    contact: str
    channel: str
    origin: str | None
    behaviours: frozenset[str]
    persistence: str | None
    source_relation: str | None
    impacts: frozenset[str]
    risk_flags: frozenset[str]
    support_given: frozenset[str]
    referral_types: frozenset[str]
    referral_resource_ids: tuple[str, ...]
    next_step: str | None
    follow_up_date: dt.date | None
    consent_to_count: bool
    peer_code: str
    org_unit: str | None


_CODED_COLUMNS = (
    "s.id, s.summary_id, s.revision, s.date, s.duration_minutes, s.kind, s.group_size, "
    "s.contact, s.channel, s.origin, s.behaviours, s.persistence, s.source_relation, "
    "s.impacts, s.risk_flags, s.support_given, s.referral_types, s.next_step, "
    "s.follow_up_date, s.consent_to_count, s.peer_code, s.org_unit"
)


@dataclass(frozen=True)
class PeriodCounts:
    """Sessions dated in a period: how many, how many without consent, first and last day."""

    sessions: int
    without_consent: int
    first_day: dt.date | None
    last_day: dt.date | None


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


# -- conversions ------------------------------------------------------------------------------

def _codes_text(codes: frozenset[str]) -> str:
    return " ".join(sorted(codes))


def _codes(text: str | None) -> frozenset[str]:
    return frozenset(text.split()) if text else frozenset()


def _date_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time_or_none(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _datetime_or_none(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _write_values(session: Session, labels: Sequence[LabelMaps]) -> dict[str, object]:
    return {
        "summary_id": session.summary_id,
        "revision": session.revision,
        "date": session.date.isoformat(),
        "start_time": session.start_time.isoformat() if session.start_time else None,
        "duration_minutes": session.duration_minutes,
        "kind": session.kind,
        "group_size": session.group_size,
        "contact": session.contact,
        "channel": session.channel,
        "origin": session.origin,
        "behaviours": _codes_text(session.behaviours),
        "persistence": session.persistence,
        "source_relation": session.source_relation,
        "impacts": _codes_text(session.impacts),
        "risk_flags": _codes_text(session.risk_flags),
        "support_given": _codes_text(session.support_given),
        "referral_types": _codes_text(session.referral_types),
        "next_step": session.next_step,
        "follow_up_date": session.follow_up_date.isoformat() if session.follow_up_date else None,
        "follow_up_done": int(session.follow_up_done),
        "consent_to_count": int(session.consent_to_count),
        "conflict_of_interest": int(session.conflict_of_interest),
        "peer_code": session.peer_code,
        "org_unit": session.org_unit,
        "notes": session.notes,
        "reflection": session.reflection,
        "search_labels": search_labels(session, labels),
        "created_at": session.created_at.isoformat() if session.created_at else None,
        "updated_at": session.updated_at.isoformat() if session.updated_at else None,
    }


def _session_from_row(row: Sequence[Any], referrals: tuple[str, ...]) -> Session:
    v = dict(zip((*_SESSION_COLUMNS, *_TEXT_COLUMNS), row, strict=True))
    return Session(
        id=int(v["id"]),
        summary_id=str(v["summary_id"]),
        revision=int(v["revision"]),
        date=dt.date.fromisoformat(v["date"]),
        start_time=_time_or_none(v["start_time"]),
        duration_minutes=int(v["duration_minutes"]),
        kind=str(v["kind"]),
        group_size=None if v["group_size"] is None else int(v["group_size"]),
        contact=str(v["contact"]),
        channel=str(v["channel"]),
        origin=v["origin"],
        behaviours=_codes(v["behaviours"]),
        persistence=v["persistence"],
        source_relation=v["source_relation"],
        impacts=_codes(v["impacts"]),
        risk_flags=_codes(v["risk_flags"]),
        support_given=_codes(v["support_given"]),
        referral_types=_codes(v["referral_types"]),
        referral_resource_ids=referrals,
        next_step=v["next_step"],
        follow_up_date=_date_or_none(v["follow_up_date"]),
        follow_up_done=bool(v["follow_up_done"]),
        consent_to_count=bool(v["consent_to_count"]),
        conflict_of_interest=bool(v["conflict_of_interest"]),
        peer_code=str(v["peer_code"]),
        org_unit=v["org_unit"],
        notes=str(v["notes"]),
        reflection=str(v["reflection"]),
        created_at=_datetime_or_none(v["created_at"]),
        updated_at=_datetime_or_none(v["updated_at"]),
    )


def _row_from_sql(row: Sequence[Any], snippet: str | None = None) -> SessionRow:
    return SessionRow(
        id=int(row[0]),
        date=dt.date.fromisoformat(row[1]),
        start_time=_time_or_none(row[2]),
        duration_minutes=int(row[3]),
        kind=str(row[4]),
        contact=str(row[5]),
        channel=str(row[6]),
        peer_code=str(row[7]),
        behaviours=_codes(row[8]),
        risk_flags=_codes(row[9]),
        consent_to_count=bool(row[10]),
        follow_up_date=_date_or_none(row[11]),
        follow_up_done=bool(row[12]),
        snippet=snippet,
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _NoMatches(Exception):
    """The filter can match nothing (a search of punctuation only)."""


@dataclass(frozen=True)
class _Matches:
    """What `_MATCH_TABLE` holds: the ids matching `query`, as of `stamp` on `connection`."""

    connection: Connection
    query: str
    stamp: tuple[int, int]
    count: int


class SessionRepository:
    """Sessions of one open journal.

    `connection` lets a worker thread use its own `vault.connect_another()` connection;
    `today` is injectable for tests (it decides what "follow-up due" means).
    """

    def __init__(
        self,
        vault: Vault,
        *,
        connection: Connection | None = None,
        taxonomy: Taxonomy | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._vault = vault
        self._own_connection = connection
        self._taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
        self._labels = indexed_label_maps(self._taxonomy)
        self._today = today
        self._matches: _Matches | None = None

    # -- plumbing ----------------------------------------------------------------------------

    @property
    def _db(self) -> Connection:
        if self._own_connection is not None:
            return self._own_connection
        return self._vault.connection

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        return self._vault.transaction(self._own_connection)

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

    def _referrals_for(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = {}
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start:start + _BATCH]
            marks = ",".join("?" * len(chunk))
            for session_id, resource_id in self._db.execute(
                f"SELECT session_id, resource_id FROM session_referral "
                f"WHERE session_id IN ({marks}) ORDER BY rowid",
                tuple(chunk),
            ):
                found.setdefault(int(session_id), []).append(str(resource_id))
        return {key: tuple(value) for key, value in found.items()}

    def _sessions_by_ids(self, ids: Sequence[int]) -> list[Session]:
        """Full sessions for `ids`, in the order given."""
        out: list[Session] = []
        for start in range(0, len(ids), _BATCH):
            chunk = list(ids[start:start + _BATCH])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"{_SELECT_SESSION} WHERE s.id IN ({marks})", chunk)
            by_id = {int(row[0]): row for row in rows}
            referrals = self._referrals_for(chunk)
            out.extend(
                _session_from_row(by_id[i], referrals.get(i, ())) for i in chunk if i in by_id
            )
        return out

    def _write_children(self, conn: Connection, session_id: int, session: Session) -> None:
        conn.executemany(
            "INSERT INTO session_behaviour (session_id, code) VALUES (?, ?)",
            [(session_id, code) for code in sorted(session.behaviours)],
        )
        conn.executemany(
            "INSERT INTO session_referral (session_id, resource_id) VALUES (?, ?)",
            [(session_id, resource_id) for resource_id in session.referral_resource_ids],
        )

    def _insert(self, conn: Connection, session: Session, now: dt.datetime) -> Session:
        saved = replace(session, id=None, revision=1, created_at=now, updated_at=now)
        values = _write_values(saved, self._labels)
        try:
            cursor = conn.execute(_INSERT_SQL, tuple(values[c] for c in _WRITE_COLUMNS))
            session_id = int(cursor.lastrowid)
            conn.execute(_INSERT_TEXT_SQL,
                         (session_id, *(values[c] for c in _TEXT_WRITE_COLUMNS)))
        except Exception as exc:
            if "UNIQUE constraint failed: session.summary_id" in str(exc):
                raise SessionAlreadySaved(msg(
                    "This session is already in the journal; save changes to it instead of "
                    "adding it again."
                )) from exc
            raise
        self._write_children(conn, session_id, saved)
        self._claim_labels_signature(conn)
        return replace(saved, id=session_id)

    def _claim_labels_signature(self, conn: Connection) -> None:
        """A journal that never had sessions gets the signature of the labels now written;
        an existing one keeps its own until `refresh_search_labels` brings it up to date."""
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                     (SIGNATURE_KEY, labels_signature(self._labels)))

    # -- writing -----------------------------------------------------------------------------

    def add(self, session: Session) -> Session:
        """Store a new session; returns the saved copy (id set, revision 1, timestamps)."""
        validate_session(session, self._taxonomy)
        with self._transaction() as conn:
            return self._insert(conn, session, _now())

    def add_many(self, sessions: Iterable[Session]) -> int:
        """Store many new sessions in one transaction (all or nothing); returns how many."""
        stamp = _now().isoformat()
        count = 0
        with self._transaction() as conn:
            row = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM session").fetchone()
            next_id = int(row[0])
            batch: list[Session] = []
            for session in sessions:
                validate_session(session, self._taxonomy)
                batch.append(session)
                if len(batch) == _BATCH:
                    self._insert_batch(conn, batch, next_id + count, stamp)
                    count += len(batch)
                    batch = []
            if batch:
                self._insert_batch(conn, batch, next_id + count, stamp)
                count += len(batch)
            self._claim_labels_signature(conn)
        return count

    def _insert_batch(self, conn: Connection, batch: Sequence[Session], first_id: int,
                      stamp: str) -> None:
        """Insert validated new sessions with ids from `first_id`, a statement per table."""
        sessions: list[tuple[object, ...]] = []
        texts: list[tuple[object, ...]] = []
        behaviours: list[tuple[int, str]] = []
        referrals: list[tuple[int, str]] = []
        for session_id, session in enumerate(batch, start=first_id):
            values = _write_values(session, self._labels)
            values.update(revision=1, created_at=stamp, updated_at=stamp)
            sessions.append((session_id, *(values[c] for c in _WRITE_COLUMNS)))
            texts.append((session_id, *(values[c] for c in _TEXT_WRITE_COLUMNS)))
            behaviours.extend((session_id, code) for code in sorted(session.behaviours))
            referrals.extend((session_id, r) for r in session.referral_resource_ids)
        try:
            conn.executemany(
                f"INSERT INTO session (id, {', '.join(_WRITE_COLUMNS)}) "
                f"VALUES (?, {', '.join('?' for _ in _WRITE_COLUMNS)})",
                sessions,
            )
        except Exception as exc:
            if "UNIQUE constraint failed: session.summary_id" in str(exc):
                raise SessionAlreadySaved(msg(
                    "One of these sessions is already in the journal (same summary id); "
                    "nothing was added."
                )) from exc
            raise
        conn.executemany(_INSERT_TEXT_SQL, texts)
        conn.executemany(
            "INSERT INTO session_behaviour (session_id, code) VALUES (?, ?)", behaviours
        )
        conn.executemany(
            "INSERT INTO session_referral (session_id, resource_id) VALUES (?, ?)", referrals
        )

    def update(self, session: Session) -> Session:
        """Save changes: revision + 1; the summary id and creation time never change."""
        if session.id is None:
            raise SessionNotFound(0)
        validate_session(session, self._taxonomy)
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT summary_id, revision, created_at FROM session WHERE id = ?", (session.id,)
            ).fetchone()
            if row is None:
                raise SessionNotFound(session.id)
            saved = replace(
                session,
                summary_id=str(row[0]),
                revision=int(row[1]) + 1,
                created_at=_datetime_or_none(row[2]),
                updated_at=_now(),
            )
            values = _write_values(saved, self._labels)
            conn.execute(_UPDATE_SQL, (*(values[c] for c in _UPDATE_COLUMNS), session.id))
            conn.execute(_UPDATE_TEXT_SQL,
                         (*(values[c] for c in _TEXT_WRITE_COLUMNS), session.id))
            conn.execute("DELETE FROM session_behaviour WHERE session_id = ?", (session.id,))
            conn.execute("DELETE FROM session_referral WHERE session_id = ?", (session.id,))
            self._write_children(conn, session.id, saved)
            self._claim_labels_signature(conn)
        self._checkpoint()
        return saved

    def delete(self, session_id: int) -> None:
        """Delete a session; its text leaves the file and the full-text index."""
        with self._transaction() as conn:
            cursor = conn.execute("DELETE FROM session WHERE id = ?", (session_id,))
            if cursor.rowcount == 0:
                raise SessionNotFound(session_id)
        self._checkpoint()

    def set_follow_up_done(self, session_id: int, done: bool = True) -> None:
        """Mark a follow-up done (or not); counts as an edit (revision + 1)."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE session SET follow_up_done = ?, revision = revision + 1, updated_at = ? "
                "WHERE id = ?",
                (int(done), _now().isoformat(), session_id),
            )
            if cursor.rowcount == 0:
                raise SessionNotFound(session_id)

    def delete_older_than(self, cutoff: dt.date) -> int:
        """Retention: delete every session dated before `cutoff`; returns how many."""
        with self._transaction() as conn:
            cursor = conn.execute("DELETE FROM session WHERE date < ?", (cutoff.isoformat(),))
            deleted = int(cursor.rowcount)
        if deleted:
            self._checkpoint()
        return deleted

    def search_labels_current(self) -> bool:
        """Whether the full-text index holds today's labels (taxonomy and translations)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (SIGNATURE_KEY,)).fetchone()
        return row is None or row[0] == labels_signature(self._labels)

    def refresh_search_labels(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rewrite the indexed labels of every session whose labels changed; returns how many.
        One transaction: the index is never half old, half new."""
        changed = 0
        with self._transaction() as conn:
            ids = [int(row[0]) for row in conn.execute("SELECT id FROM session ORDER BY id")]
            for start in range(0, len(ids), _BATCH):
                for session in self._sessions_by_ids(ids[start:start + _BATCH]):
                    labels = search_labels(session, self._labels)
                    cursor = conn.execute(
                        "UPDATE session_text SET search_labels = ? "
                        "WHERE id = ? AND search_labels IS NOT ?", (labels, session.id, labels))
                    changed += int(cursor.rowcount)
                if progress is not None:
                    progress(min(start + _BATCH, len(ids)), len(ids))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         (SIGNATURE_KEY, labels_signature(self._labels)))
        if changed:
            self._checkpoint()
        return changed

    def _checkpoint(self) -> None:
        """Move changes out of the write-ahead log so old text does not linger there."""
        with contextlib.suppress(Exception):
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- reading -----------------------------------------------------------------------------

    def get(self, session_id: int) -> Session:
        found = self._sessions_by_ids([session_id])
        if not found:
            raise SessionNotFound(session_id)
        return found[0]

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
        try:
            where, params = self._where(flt)
        except _NoMatches:
            return 0
        # Single-filter shortcuts straight from the index that answers them.
        if flt.text.strip() and flt == SessionFilter(text=flt.text):
            return self._match_count(fts_query(flt.text) or "")
        if flt.behaviour is not None and flt == SessionFilter(behaviour=flt.behaviour):
            return int(self._db.execute(
                "SELECT count(*) FROM session_behaviour WHERE code = ?", params
            ).fetchone()[0])
        return int(self._db.execute(f"SELECT count(*) FROM session s{where}", params).fetchone()[0])

    def page(
        self,
        flt: SessionFilter,
        sort: str = "date",
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
        *,
        snippets: bool = True,
    ) -> list[SessionRow]:
        """One page of rows, sorted by one of `SORT_KEYS` (ties: newest first / oldest first).

        A text search's rows carry their snippet unless `snippets` is False (a list that
        shows only some rows asks `snippets()` for those)."""
        if sort not in _SORT_COLUMNS:
            raise ValueError(f"unknown sort key {sort!r}; use one of {SORT_KEYS}")
        try:
            where, params = self._where(flt, paging=True)
        except _NoMatches:
            return []
        direction = " DESC" if descending else ""
        order = ", ".join(f"{c}{direction}" for c in (*_SORT_COLUMNS[sort], "s.id"))
        rows = self._db.execute(
            f"SELECT {_ROW_COLUMNS} FROM session s{where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, max(0, limit), max(0, offset)),
        ).fetchall()
        found = (self.snippets(flt.text, [int(r[0]) for r in rows])
                 if snippets and flt.text.strip() else {})
        return [_row_from_sql(row, found.get(int(row[0]))) for row in rows]

    def snippets(self, text: str, ids: Sequence[int]) -> dict[int, str]:
        """The matching part of each session: from the notes when they match, else any column.

        Sessions that do not match `text` are left out."""
        query = fts_query(text)
        if query is None or not ids:
            return {}
        marks = ",".join("?" * len(ids))
        args = f"'{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '{SNIPPET_ELLIPSIS}', {SNIPPET_TOKENS}"
        # One pass over the matches in the page's id range: per-row lookups (`rowid IN`)
        # re-run the whole query each time, which is slow for prefix queries.
        rows = self._db.execute(
            f"SELECT rowid, snippet(session_fts, 0, {args}), snippet(session_fts, -1, {args}) "
            f"FROM session_fts WHERE session_fts MATCH ? AND rowid BETWEEN ? AND ? "
            f"AND +rowid IN ({marks})",
            (query, min(ids), max(ids), *ids),
        )
        return {
            int(rowid): str(from_notes) if SNIPPET_OPEN in (from_notes or "") else str(best or "")
            for rowid, from_notes, best in rows
        }

    def _rows(self, sql: str, params: Sequence[object]) -> list[SessionRow]:
        return [_row_from_sql(row) for row in self._db.execute(sql, params)]

    def follow_ups(self, today: dt.date, limit: int | None = None) -> FollowUps:
        """Open follow-ups around `today`: overdue (oldest first), due today, upcoming.

        `limit` caps the overdue and upcoming lists (their totals are then counted from the
        open-follow-up index alone); due today is always complete."""
        base = (
            f"SELECT {_ROW_COLUMNS} FROM session s INDEXED BY session_open_follow_up "
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

    def peer_timeline(self, peer_code: str) -> list[Session]:
        """Every session with this peer code (case-insensitive), oldest first."""
        code = peer_code.strip()
        if not code:
            return []
        ids = [
            int(row[0])
            for row in self._db.execute(
                "SELECT id FROM session WHERE peer_code = ? ORDER BY date, start_time, id", (code,)
            )
        ]
        return self._sessions_by_ids(ids)

    def peer_codes(self) -> list[str]:
        """Distinct peer codes in use, sorted ignoring case."""
        return [
            str(row[0])
            for row in self._db.execute(
                "SELECT DISTINCT peer_code FROM session WHERE peer_code != '' ORDER BY peer_code"
            )
        ]

    def sessions_between(self, since: dt.date | None, until: dt.date | None) -> Iterator[Session]:
        """Sessions dated `since`..`until` (inclusive, either open), by date ascending."""
        where, params = self._period_where(since, until)
        cursor = self._db.execute(
            f"{_SELECT_SESSION}{where} ORDER BY s.date, s.start_time, s.id", params
        )
        try:
            while rows := cursor.fetchmany(_BATCH):
                referrals = self._referrals_for([int(row[0]) for row in rows])
                for row in rows:
                    yield _session_from_row(row, referrals.get(int(row[0]), ()))
        finally:
            cursor.close()

    @staticmethod
    def _period_where(since: dt.date | None, until: dt.date | None,
                      *extra: str) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if since is not None:
            clauses.append("s.date >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("s.date <= ?")
            params.append(until.isoformat())
        clauses.extend(extra)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def period_counts(self, since: dt.date | None, until: dt.date | None) -> PeriodCounts:
        """How many sessions are dated `since`..`until` (inclusive, either open), how many of
        them lack consent, and their first and last day."""
        where, params = self._period_where(since, until)
        row = self._db.execute(
            "SELECT count(*), coalesce(sum(s.consent_to_count = 0), 0), min(s.date), "
            f"max(s.date) FROM session s{where}", params
        ).fetchone()
        return PeriodCounts(int(row[0]), int(row[1]), _date_or_none(row[2]),
                            _date_or_none(row[3]))

    def consented_sessions_between(self, since: dt.date | None, until: dt.date | None
                                   ) -> Iterator[CodedSession]:
        """The coded part of the sessions dated `since`..`until` whose peer agreed to be
        counted, by date ascending: export's read path (sessions without consent are
        skipped in SQL; notes and reflections are not read at all)."""
        where, params = self._period_where(since, until, "s.consent_to_count = 1")
        cursor = self._db.execute(
            f"SELECT {_CODED_COLUMNS} FROM session s{where} ORDER BY s.date, s.start_time, s.id",
            params,
        )
        date_of = dt.date.fromisoformat
        try:
            while rows := cursor.fetchmany(_BATCH):
                referrals = self._referrals_for([int(row[0]) for row in rows])
                for (session_id, summary_id, revision, date, duration, kind, group_size,
                     contact, channel, origin, behaviours, persistence, source_relation,
                     impacts, risk_flags, support_given, referral_types, next_step,
                     follow_up_date, consent, peer_code, org_unit) in rows:
                    yield CodedSession(
                        id=int(session_id),
                        summary_id=str(summary_id),
                        revision=int(revision),
                        date=date_of(date),
                        duration_minutes=int(duration),
                        kind=str(kind),
                        group_size=None if group_size is None else int(group_size),
                        contact=str(contact),
                        channel=str(channel),
                        origin=origin,
                        behaviours=_codes(behaviours),
                        persistence=persistence,
                        source_relation=source_relation,
                        impacts=_codes(impacts),
                        risk_flags=_codes(risk_flags),
                        support_given=_codes(support_given),
                        referral_types=_codes(referral_types),
                        referral_resource_ids=referrals.get(int(session_id), ()),
                        next_step=next_step,
                        follow_up_date=date_of(follow_up_date) if follow_up_date else None,
                        consent_to_count=bool(consent),
                        peer_code=str(peer_code),
                        org_unit=org_unit,
                    )
        finally:
            cursor.close()

    def count_without_summary_id_prefix(self, prefix: str) -> int:
        return int(
            self._db.execute(
                "SELECT count(*) FROM session WHERE substr(summary_id, 1, ?) != ?",
                (len(prefix), prefix),
            ).fetchone()[0]
        )

    def count_older_than(self, cutoff: dt.date) -> int:
        return int(
            self._db.execute(
                "SELECT count(*) FROM session WHERE date < ?", (cutoff.isoformat(),)
            ).fetchone()[0]
        )
