"""Writing sessions and reading whole ones: add, update, delete, retention, the peer timeline,
and keeping the indexed labels of the full-text search current.

Deleted text leaves the file: the vault runs with `secure_delete` and the full-text index with
FTS5 'secure-delete'.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from peerdesk.errors import PeerDeskError
from peerdesk.journal.journal_access import (
    BATCH,
    SELECT_SESSION,
    SESSION_COLUMNS,
    JournalAccess,
    datetime_or_none,
    now,
    session_from_row,
    write_values,
)
from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import MIN_PHONE_DIGITS
from peerdesk.journal.search_labels import SIGNATURE_KEY, labels_signature, search_labels
from peerdesk.journal.validation import validate_session
from peerdesk.translation import msg
from peerdesk.vault.vault import Connection

_WRITE_COLUMNS = SESSION_COLUMNS[1:]
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


def period_where(since: dt.date | None, until: dt.date | None,
                 *extra: str) -> tuple[str, list[object]]:
    """A WHERE clause for sessions dated `since`..`until` (inclusive, either open)."""
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


class SessionStore(JournalAccess):
    """Whole sessions: writing them and reading them back."""

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
        values = write_values(saved, self._labels)
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
            return self._insert(conn, session, now())

    def add_many(self, sessions: Iterable[Session]) -> int:
        """Store many new sessions in one transaction (all or nothing); returns how many."""
        stamp = now().isoformat()
        count = 0
        with self._transaction() as conn:
            row = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM session").fetchone()
            next_id = int(row[0])
            batch: list[Session] = []
            for session in sessions:
                validate_session(session, self._taxonomy)
                batch.append(session)
                if len(batch) == BATCH:
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
            values = write_values(session, self._labels)
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
                created_at=datetime_or_none(row[2]),
                updated_at=now(),
            )
            values = write_values(saved, self._labels)
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
                (int(done), now().isoformat(), session_id),
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
            for start in range(0, len(ids), BATCH):
                for session in self._sessions_by_ids(ids[start:start + BATCH]):
                    labels = search_labels(session, self._labels)
                    cursor = conn.execute(
                        "UPDATE session_text SET search_labels = ? "
                        "WHERE id = ? AND search_labels IS NOT ?", (labels, session.id, labels))
                    changed += int(cursor.rowcount)
                if progress is not None:
                    progress(min(start + BATCH, len(ids)), len(ids))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         (SIGNATURE_KEY, labels_signature(self._labels)))
        if changed:
            self._checkpoint()
        return changed

    def get(self, session_id: int) -> Session:
        found = self._sessions_by_ids([session_id])
        if not found:
            raise SessionNotFound(session_id)
        return found[0]

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

    def peer_codes(self, *, only_unusual: bool = False) -> list[str]:
        """Distinct peer codes in use, sorted ignoring case.

        `only_unusual`: only codes with a character other than a lowercase ASCII letter, a
        digit or a hyphen, or with seven digits or more. The others (generated codes like
        "amber-heron-27" among them) can look like no name, e-mail address or phone number
        (`peer_code.identifying_warnings`), so a review of identifying codes need not read
        them."""
        unusual = (" AND (peer_code GLOB '*[^a-z0-9-]*' OR peer_code GLOB "
                   f"'{'*[0-9]' * MIN_PHONE_DIGITS}*')") if only_unusual else ""
        # One row holding them all: row by row, a large journal's 55,000 codes took 55,000
        # hand-overs of the interpreter lock, which held up the GUI thread's own queries.
        (codes,) = self._db.execute(
            "SELECT json_group_array(peer_code ORDER BY peer_code) FROM "
            f"(SELECT DISTINCT peer_code FROM session WHERE peer_code != ''{unusual})"
        ).fetchone()
        return [str(code) for code in json.loads(codes)]

    def sessions_between(self, since: dt.date | None, until: dt.date | None) -> Iterator[Session]:
        """Sessions dated `since`..`until` (inclusive, either open), by date ascending."""
        where, params = period_where(since, until)
        cursor = self._db.execute(
            f"{SELECT_SESSION}{where} ORDER BY s.date, s.start_time, s.id", params
        )
        try:
            while rows := cursor.fetchmany(BATCH):
                referrals = self._referrals_for([int(row[0]) for row in rows])
                for row in rows:
                    yield session_from_row(row, referrals.get(int(row[0]), ()))
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
