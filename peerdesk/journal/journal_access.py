"""What every part of the session repository shares: the connection, the columns a list row
and a full session are read from, and the conversions between rows and domain objects.

The repository is split along its seams (`session_store` writes and reads whole sessions,
`listing` lists and searches, and `follow_ups` answers its own questions); each
part is a `JournalAccess`, and `SessionRepository` combines them.

Never run ANALYZE on the journal: with STAT4, `sqlite_stat4` would keep copies of indexed
values (peer codes) that survive their session's deletion.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from peerdesk.journal.model import Session
from peerdesk.journal.search_labels import LabelMaps, indexed_label_maps, search_labels
from peerdesk.taxonomy import Taxonomy, default_taxonomy
from peerdesk.vault import Vault
from peerdesk.vault.vault import Connection

BATCH = 500

SESSION_COLUMNS = (
    "id", "summary_id", "revision", "date", "start_time", "duration_minutes", "kind",
    "group_size", "contact", "channel", "origin", "behaviours", "persistence",
    "source_relation", "impacts", "risk_flags", "support_given", "referral_types", "next_step",
    "follow_up_date", "follow_up_done", "consent_to_count", "conflict_of_interest", "peer_code",
    "org_unit", "created_at", "updated_at",
)
TEXT_COLUMNS = ("notes", "reflection")
SELECT_SESSION = (
    "SELECT " + ", ".join(f"s.{c}" for c in SESSION_COLUMNS) + ", t.notes, t.reflection "
    "FROM session s JOIN session_text t ON t.id = s.id"
)

ROW_COLUMNS = (
    "s.id, s.date, s.start_time, s.duration_minutes, s.kind, s.contact, s.channel, s.peer_code, "
    "s.behaviours, s.risk_flags, s.consent_to_count, s.follow_up_date, s.follow_up_done"
)
_ROW_NAMES = ", ".join(column.removeprefix("s.") for column in ROW_COLUMNS.split(", "))


class SessionRow(NamedTuple):
    """A light row for lists; `snippet` is set only for text searches.

    A named tuple rather than a frozen dataclass: the list makes 200 at a time on its worker
    thread, and a tuple is made about three times faster (Python on that thread holds up the
    GUI thread's own Python)."""

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




def codes_text(codes: frozenset[str]) -> str:
    return " ".join(sorted(codes))


def codes(text: str | None) -> frozenset[str]:
    return frozenset(text.split()) if text else frozenset()


def date_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def time_or_none(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def datetime_or_none(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def write_values(session: Session, labels: Sequence[LabelMaps]) -> dict[str, object]:
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
        "behaviours": codes_text(session.behaviours),
        "persistence": session.persistence,
        "source_relation": session.source_relation,
        "impacts": codes_text(session.impacts),
        "risk_flags": codes_text(session.risk_flags),
        "support_given": codes_text(session.support_given),
        "referral_types": codes_text(session.referral_types),
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


def session_from_row(row: Sequence[Any], referrals: tuple[str, ...]) -> Session:
    v = dict(zip((*SESSION_COLUMNS, *TEXT_COLUMNS), row, strict=True))
    return Session(
        id=int(v["id"]),
        summary_id=str(v["summary_id"]),
        revision=int(v["revision"]),
        date=dt.date.fromisoformat(v["date"]),
        start_time=time_or_none(v["start_time"]),
        duration_minutes=int(v["duration_minutes"]),
        kind=str(v["kind"]),
        group_size=None if v["group_size"] is None else int(v["group_size"]),
        contact=str(v["contact"]),
        channel=str(v["channel"]),
        origin=v["origin"],
        behaviours=codes(v["behaviours"]),
        persistence=v["persistence"],
        source_relation=v["source_relation"],
        impacts=codes(v["impacts"]),
        risk_flags=codes(v["risk_flags"]),
        support_given=codes(v["support_given"]),
        referral_types=codes(v["referral_types"]),
        referral_resource_ids=referrals,
        next_step=v["next_step"],
        follow_up_date=date_or_none(v["follow_up_date"]),
        follow_up_done=bool(v["follow_up_done"]),
        consent_to_count=bool(v["consent_to_count"]),
        conflict_of_interest=bool(v["conflict_of_interest"]),
        peer_code=str(v["peer_code"]),
        org_unit=v["org_unit"],
        notes=str(v["notes"]),
        reflection=str(v["reflection"]),
        created_at=datetime_or_none(v["created_at"]),
        updated_at=datetime_or_none(v["updated_at"]),
    )


def row_from_sql(row: Sequence[Any], snippet: str | None = None) -> SessionRow:
    """A list row from the `ROW_COLUMNS` of one session (no function calls it can do without:
    pages of 200 are made while the user scrolls or types)."""
    (session_id, date, start_time, duration, kind, contact, channel, peer_code, behaviours,
     risk_flags, consent, follow_up_date, follow_up_done) = row
    return SessionRow(
        int(session_id),
        _date_from_iso(date),
        _time_from_iso(start_time) if start_time else None,
        int(duration),
        str(kind),
        str(contact),
        str(channel),
        str(peer_code),
        frozenset(behaviours.split()) if behaviours else _NO_CODES,
        frozenset(risk_flags.split()) if risk_flags else _NO_CODES,
        bool(consent),
        _date_from_iso(follow_up_date) if follow_up_date else None,
        bool(follow_up_done),
        snippet,
    )


_date_from_iso = dt.date.fromisoformat
_time_from_iso = dt.time.fromisoformat
_NO_CODES: frozenset[str] = frozenset()


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)



class JournalAccess:
    """The sessions of one open journal, on the vault's connection or a worker's own.

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

    @property
    def vault(self) -> Vault:
        """The journal these sessions are in."""
        return self._vault

    @property
    def _db(self) -> Connection:
        if self._own_connection is not None:
            return self._own_connection
        return self._vault.connection

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        return self._vault.transaction(self._own_connection)

    def _checkpoint(self) -> None:
        """Move changes out of the write-ahead log so old text does not linger there."""
        with contextlib.suppress(Exception):
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _rows(self, sql: str, params: Sequence[object]) -> list[SessionRow]:
        """The list rows `sql` (a SELECT of `ROW_COLUMNS`) selects, in its order."""
        return [row_from_sql(row) for row in self._rows_at_once(sql, params)]

    def _rows_at_once(self, sql: str, params: Sequence[object]) -> list[list[Any]]:
        """The `ROW_COLUMNS` rows of `sql`, in its order, read as one row of JSON.

        Read row by row, each row takes the interpreter lock back after SQLite steps; with a
        worker running Python meanwhile, each of those waits can last the switch interval, and
        a page of the list took 90 ms instead of 1.5 ms on the GUI thread. One row, one wait."""
        (rows,) = self._db.execute(
            f"SELECT json_group_array(json_array({_ROW_NAMES}) ORDER BY peerdesk_row) FROM "
            f"(SELECT *, row_number() OVER () AS peerdesk_row FROM ({sql}))", params,
        ).fetchone()
        found: list[list[Any]] = json.loads(rows)
        return found

    def _referrals_for(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = {}
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
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
        for start in range(0, len(ids), BATCH):
            chunk = list(ids[start:start + BATCH])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"{SELECT_SESSION} WHERE s.id IN ({marks})", chunk)
            by_id = {int(row[0]): row for row in rows}
            referrals = self._referrals_for(chunk)
            out.extend(
                session_from_row(by_id[i], referrals.get(i, ())) for i in chunk if i in by_id
            )
        return out
