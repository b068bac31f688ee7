"""The coordinator's program data: the latest figures per (supporter, month), enrolled keys
and the import history.

All SQL of the program package lives here. A `ProgramStore` works on the vault's own
connection or on a second one (`vault.connect_another()`) that a worker thread owns. It is
the `FigureSource` the reporting side reads (`peerdesk.program.figures`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.keys import fingerprint
from peerdesk.exchange.validate import ValidatedSummary
from peerdesk.program.figures import FigureSource, MonthFigures, PeopleFigures, SupporterInfo
from peerdesk.translation import msg
from peerdesk.vault import Vault, VaultWriteError
from peerdesk.vault.faults import classify_sqlite_error
from peerdesk.vault.vault import write_transaction

Connection = Any  # sqlcipher3 connection (untyped extension module)

# How long a batch keeps one transaction open before it commits and starts the next: the
# journal's write lock is never held longer than this (and one more file). A write on another
# connection meanwhile (the GUI thread saving a setting or a draft) waits in SQLite's busy
# handler, which looks again only after 1, 3, 8, 18, 33… ms: it needs the lock to stay free
# for a while, which is why the importer writes files in groups, checked with the lock free.
BATCH_SECONDS: Final = 0.02

# A month's counts as stored (the text `json.dumps(counts, sort_keys=True)` gives): one encoder
# made once, not one per month (6,000 months in a coordinator's year). It keeps no state.
_COUNTS_JSON: Final = json.JSONEncoder(sort_keys=True)


class OlderThanHeld(PeerDeskError):
    """Every figure in a file is already held from a newer file: a replay; nothing written."""

    def __init__(self, sequence: int, latest: int) -> None:
        super().__init__(msg("it is older than the figures already imported from this "
                             "supporter (file sequence {sequence}, latest imported "
                             "{latest}), so it was replayed or re-sent; nothing was changed",
                             sequence=sequence, latest=latest))
        self.sequence = sequence
        self.latest = latest


@dataclass(frozen=True)
class ImportLogEntry:
    id: int
    file_name: str
    sha256: str
    supporter_id: str
    supporter_alias: str | None
    sequence: int
    imported_at: str              # UTC, "YYYY-MM-DDTHH:MM:SSZ"
    months_replaced: tuple[str, ...]
    months_kept: tuple[str, ...]  # held already from a newer file


@dataclass(frozen=True)
class ImportCounts:
    months_replaced: tuple[str, ...]
    months_kept: tuple[str, ...]
    people_replaced: int


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _in(column: str, values: Collection[str] | None) -> tuple[str, list[Any]]:
    if values is None:
        return "", []
    return f" AND {column} IN ({', '.join('?' for _ in values)})", list(values)


class WriteBatch:
    """One transaction at a time, opened on the first write, each file in its own savepoint
    (see `ProgramStore.batch`)."""

    def __init__(self, begin: Any, path: Path, max_seconds: float) -> None:
        self._begin = begin          # () -> the write transaction's context manager
        self._path = path
        self._max_seconds = max_seconds
        self._open: contextlib.AbstractContextManager[Connection] | None = None
        self._conn: Connection = None
        self._opened_at = 0.0

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[Connection]:
        if self._open is None:
            context = self._begin()
            self._conn = context.__enter__()
            self._open, self._opened_at = context, time.monotonic()
        conn = self._conn
        conn.execute("SAVEPOINT summary_file")
        try:
            yield conn
        except BaseException as exc:
            if not conn.in_transaction:  # SQLite rolled back the whole transaction itself
                self._open = None
                fault = (classify_sqlite_error(exc, self._path)
                         or VaultWriteError(self._path, str(exc)))
                raise fault from exc
            conn.execute("ROLLBACK TO summary_file")
            conn.execute("RELEASE summary_file")
            journal_fault = (classify_sqlite_error(exc, self._path)
                             if isinstance(exc, sqlcipher3.Error) else None)
            if journal_fault is not None:
                raise journal_fault from exc
            raise
        conn.execute("RELEASE summary_file")

    def commit_if_due(self) -> None:
        if self._open is not None and time.monotonic() - self._opened_at >= self._max_seconds:
            self.commit()

    def commit(self) -> None:
        context, self._open = self._open, None
        if context is not None:
            context.__exit__(None, None, None)

    def abandon(self, exc: BaseException) -> None:
        context, self._open = self._open, None
        if context is not None:
            with contextlib.suppress(Exception):  # the original error is the one to report
                context.__exit__(type(exc), exc, exc.__traceback__)


class ProgramStore:
    """Imported program figures. Pass the open `Vault`, or a worker's own connection."""

    def __init__(self, source: Vault | Connection) -> None:
        if isinstance(source, Vault):
            self._vault: Vault | None = source
            self._conn: Connection | None = None
        else:
            self._vault = None
            self._conn = source
        self._batch: WriteBatch | None = None

    @property
    def connection(self) -> Connection:
        return self._vault.connection if self._vault is not None else self._conn

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        if self._batch is not None:
            return self._batch.savepoint()
        if self._vault is not None:
            return self._vault.transaction()
        return write_transaction(self._conn)

    @contextlib.contextmanager
    def batch(self, max_seconds: float = BATCH_SECONDS) -> Iterator[WriteBatch]:
        """Apply several files in few transactions: each file's writes in a savepoint of a
        transaction that commits once it has been open `max_seconds` (call `commit_if_due`
        between files) and at the end. A refused file leaves no trace, and the program data
        is never half-written; a crash or a journal fault loses at most the files of the
        transaction still open, which were not reported as imported."""
        path = Path(self.connection.execute("PRAGMA database_list").fetchone()[2])
        begin = (self._vault.transaction if self._vault is not None
                 else lambda: write_transaction(self._conn))
        batch = WriteBatch(begin, path, max_seconds)
        self._batch = batch
        try:
            yield batch
        except BaseException as exc:
            self._batch = None
            batch.abandon(exc)
            raise
        self._batch = None
        batch.commit()

    # -- keys ---------------------------------------------------------------------------------

    def enrolled_key(self, supporter_id: str) -> str | None:
        row = self.connection.execute(
            "SELECT public_key FROM program_supporter WHERE id = ?", (supporter_id,)).fetchone()
        return None if row is None else row[0]

    def supporter_with_key(self, public_key: str) -> str | None:
        row = self.connection.execute(
            "SELECT id FROM program_supporter WHERE public_key = ?", (public_key,)).fetchone()
        return None if row is None else str(row[0])

    def imported_at(self, sha256: str) -> str | None:
        """When this exact file was imported before (None: never)."""
        row = self.connection.execute(
            "SELECT min(imported_at) FROM import_log WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else row[0]

    # -- writing ------------------------------------------------------------------------------

    def apply_summary(self, summary: ValidatedSummary, *, enrol: bool = False) -> ImportCounts:
        """Replace, in one transaction, every (supporter, period) the file holds newer figures
        for, and log it. `enrol`: (re-)enrol the file's key for its supporter; the caller has
        checked that it may. Raises `OlderThanHeld` (nothing written) when nothing is newer."""
        sid, sequence = summary.supporter_id, summary.sequence
        with self._transaction() as conn:
            held = dict(conn.execute(
                "SELECT month, sequence FROM program_month WHERE supporter_id = ?", (sid,)))
            held_people = dict(conn.execute(
                "SELECT period, sequence FROM program_people WHERE supporter_id = ?", (sid,)))
            replaced = [m for m in summary.months if held.get(m.month, 0) < sequence]
            kept = tuple(m.month for m in summary.months if held.get(m.month, 0) >= sequence)
            people = [p for p in summary.people if held_people.get(p.period, 0) < sequence]
            if not replaced and not people:
                latest = max([*held.values(), *held_people.values(), sequence])
                raise OlderThanHeld(sequence, latest)
            now = _utc_now()
            self._remember_supporter(conn, summary, now, enrol)
            conn.executemany(
                "INSERT INTO program_month (supporter_id, month, sequence, contacts, "
                "follow_up_planned, with_referral, with_risk, counts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (supporter_id, month) DO UPDATE SET "
                "sequence = excluded.sequence, contacts = excluded.contacts, "
                "follow_up_planned = excluded.follow_up_planned, "
                "with_referral = excluded.with_referral, with_risk = excluded.with_risk, "
                "counts = excluded.counts",
                [(sid, m.month, sequence, m.contacts, m.follow_up_planned, m.with_referral,
                  m.with_risk, _COUNTS_JSON.encode(m.counts)) for m in replaced])
            conn.executemany(
                "INSERT INTO program_people (supporter_id, period, sequence, people, "
                "people_repeat, people_formal) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (supporter_id, period) DO UPDATE SET sequence = excluded.sequence, "
                "people = excluded.people, people_repeat = excluded.people_repeat, "
                "people_formal = excluded.people_formal",
                [(sid, p.period, sequence, p.people, p.people_repeat, p.people_formal)
                 for p in people])
            months_replaced = tuple(m.month for m in replaced)
            conn.execute(
                "INSERT INTO import_log (file_name, sha256, supporter_id, supporter_alias, "
                "sequence, imported_at, months_replaced, months_kept) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (summary.file_name, summary.sha256, sid, summary.alias, sequence, now,
                 " ".join(months_replaced), " ".join(kept)))
        return ImportCounts(months_replaced, kept, len(people))

    @staticmethod
    def _remember_supporter(conn: Connection, summary: ValidatedSummary, now: str,
                            enrol: bool) -> None:
        row = conn.execute("SELECT public_key FROM program_supporter WHERE id = ?",
                           (summary.supporter_id,)).fetchone()
        if row is None:
            if not enrol:  # pragma: no cover - the importer enrols every new supporter
                raise ValueError("a supporter's first file must enrol its key")
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM program_supporter").fetchone()[0]
            conn.execute(
                "INSERT INTO program_supporter (id, alias, first_seen, position, public_key, "
                "org_unit, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (summary.supporter_id, summary.alias, now, position, summary.public_key,
                 summary.org_unit, now))
            return
        if enrol:
            conn.execute("UPDATE program_supporter SET public_key = ?, enrolled_at = ? "
                         "WHERE id = ?", (summary.public_key, now, summary.supporter_id))
        elif row[0] != summary.public_key:  # pragma: no cover - the importer checks first
            raise ValueError("a file signed with another key than the enrolled one")
        conn.execute("UPDATE program_supporter SET alias = ?, org_unit = ? WHERE id = ?",
                     (summary.alias, summary.org_unit, summary.supporter_id))

    # -- FigureSource -------------------------------------------------------------------------

    def month_figures(self, *, since: str | None = None, until: str | None = None,
                      supporter_ids: Collection[str] | None = None) -> list[MonthFigures]:
        """The latest figures of every (supporter, month) with contacts, months in
        [since, until] ("YYYY-MM", inclusive), ordered by month then supporter."""
        where, params = _in("supporter_id", supporter_ids)
        rows = self.connection.execute(
            "SELECT supporter_id, month, contacts, counts, follow_up_planned, with_referral, "
            "with_risk FROM program_month WHERE contacts > 0 AND month >= ? AND month <= ?"
            f"{where} ORDER BY month, supporter_id",
            [since or "0000-00", until or "9999-99", *params])
        return [MonthFigures(supporter_id=r[0], month=r[1], contacts=int(r[2]),
                             counts=json.loads(r[3]), follow_up_planned=int(r[4]),
                             with_referral=int(r[5]), with_risk=int(r[6])) for r in rows]

    def people_figures(self, periods: Collection[str], *,
                       supporter_ids: Collection[str] | None = None) -> list[PeopleFigures]:
        """Distinct people each supporter saw in each of `periods` (those held)."""
        if not periods:
            return []
        where, params = _in("supporter_id", supporter_ids)
        marks = ", ".join("?" for _ in periods)
        rows = self.connection.execute(
            "SELECT supporter_id, period, people, people_repeat, people_formal "
            f"FROM program_people WHERE period IN ({marks}){where} "
            "ORDER BY period, supporter_id", [*periods, *params])
        return [PeopleFigures(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in rows]

    def supporters(self) -> list[SupporterInfo]:
        """Every enrolled supporter, in the order they first arrived."""
        rows = self.connection.execute(
            "SELECT s.id, s.alias, s.org_unit, s.public_key, "
            "(SELECT count(*) FROM program_month m WHERE m.supporter_id = s.id "
            " AND m.contacts > 0), "
            "(SELECT max(imported_at) FROM import_log l WHERE l.supporter_id = s.id) "
            "FROM program_supporter s ORDER BY s.position").fetchall()
        return [SupporterInfo(r[0], r[1], r[2], fingerprint(r[3]) if r[3] else "", int(r[4]),
                              r[5]) for r in rows]

    def months_with_data(self) -> list[str]:
        rows = self.connection.execute(
            "SELECT DISTINCT month FROM program_month WHERE contacts > 0 ORDER BY month")
        return [r[0] for r in rows]

    # -- history and labels -------------------------------------------------------------------

    def history(self) -> list[ImportLogEntry]:
        """Every import, newest first."""
        rows = self.connection.execute(
            "SELECT id, file_name, sha256, supporter_id, supporter_alias, sequence, "
            "imported_at, months_replaced, months_kept FROM import_log ORDER BY id DESC"
        ).fetchall()
        return [ImportLogEntry(int(r[0]), r[1], r[2], r[3], r[4], int(r[5]), r[6],
                               tuple(r[7].split()), tuple(r[8].split())) for r in rows]

    def supporter_labels(self) -> dict[str, str]:
        """Supporter id → alias, or "Supporter n" (n = order of first import) without one;
        that label is a `Message`, so it can be shown in the interface language."""
        rows = self.connection.execute(
            "SELECT id, alias FROM program_supporter ORDER BY position").fetchall()
        return {sid: alias or msg("Supporter {number}", number=n)
                for n, (sid, alias) in enumerate(rows, start=1)}

    def org_units(self) -> list[str]:
        rows = self.connection.execute(
            "SELECT DISTINCT org_unit FROM program_supporter WHERE org_unit IS NOT NULL "
            "ORDER BY org_unit").fetchall()
        return [r[0] for r in rows]

    def supporters_in_unit(self, org_unit: str) -> list[str]:
        rows = self.connection.execute(
            "SELECT id FROM program_supporter WHERE org_unit = ? ORDER BY position",
            (org_unit,)).fetchall()
        return [r[0] for r in rows]

    def period_range(self) -> tuple[str, str] | None:
        """First and last month ("YYYY-MM") with any contacts, or None when empty."""
        first, last = self.connection.execute(
            "SELECT min(month), max(month) FROM program_month WHERE contacts > 0").fetchone()
        return None if first is None else (first, last)

    def dump(self) -> Sequence[tuple[Any, ...]]:
        """Every stored row of the program tables, in a fixed order (tests compare these to
        prove a refused file changed nothing)."""
        out: list[tuple[Any, ...]] = []
        for table in ("program_supporter", "program_month", "program_people", "import_log"):
            out += [(table, *row) for row in self.connection.execute(
                f"SELECT * FROM {table} ORDER BY 1, 2")]
        return out


def as_figure_source(store: ProgramStore) -> FigureSource:
    """`store` as the reporting side's `FigureSource` (mypy checks it provides the contract)."""
    return store
