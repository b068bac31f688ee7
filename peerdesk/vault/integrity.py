"""Integrity checks: a cheap one on every open, and the full one behind `peerdesk check`.

The quick check on open must cost the same for a 10-session and a 100,000-session journal, so
it only looks at what is O(1) to read: the page count against the file size (a truncated
file), the schema page and the `meta` row every journal has. SQLCipher verifies the HMAC of
every page it reads, so those reads also prove the pages they touch are authentic.

The full check reads every page: SQLCipher's `cipher_integrity_check` (page HMACs) and
SQLite's `integrity_check` (b-tree structure, indexes).

Before anything writes to a journal, its pages are proven authentic (`IntegrityGate`, issue
#16): the command line runs the page check before the first write of a command; the app runs it
on a worker connection right after unlock and refuses writes until it has passed. A journal
that fails it is never written to again by this process.
"""

from __future__ import annotations

import enum
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from peerdesk.translation import msg
from peerdesk.vault.errors import VaultCheckPendingError, VaultDamagedError, VaultLockedError

if TYPE_CHECKING:
    from peerdesk.vault.vault import Vault

PAGE_CHECK_WORDS = "page authentication (SQLCipher cipher_integrity_check)"

REQUIRED_TABLES = ("meta", "settings")

FULL_CHECKS = (
    ("cipher_integrity_check", PAGE_CHECK_WORDS),
    ("integrity_check", "database structure (SQLite integrity_check)"),
)


def quick_open_problems(conn: Any, path: Path) -> list[str]:
    """O(1) checks on a freshly keyed connection; an empty list means nothing looked wrong."""
    problems: list[str] = []
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    page_count = int(conn.execute("PRAGMA page_count").fetchone()[0])
    file_size = path.stat().st_size
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if file_size % page_size:
        problems.append(msg("the file ends in the middle of a page; it was cut short"))
    elif wal_size == 0 and file_size < page_count * page_size:
        problems.append(msg("the file holds {held} of its {pages} pages; it was cut short",
                            held=file_size // page_size, pages=page_count))
    names = {str(row[0]) for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [name for name in REQUIRED_TABLES if name not in names]
    if missing:
        problems.append(msg("the table {table} is missing", table=missing[0]))
    elif conn.execute("SELECT count(*) FROM meta WHERE key = 'journal_id'").fetchone()[0] != 1:
        problems.append(msg("the journal's identity record is missing"))
    return problems


@dataclass(frozen=True)
class IntegrityReport:
    path: Path
    page_size: int
    page_count: int
    file_size: int
    schema_version: int
    checks: tuple[str, ...]       # what was checked, in words
    problems: tuple[str, ...]     # empty when the file is intact

    @property
    def ok(self) -> bool:
        return not self.problems


def _run_full_checks(conn: Any) -> list[str]:
    problems: list[str] = []
    for pragma, _ in FULL_CHECKS:
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlcipher3.DatabaseError as exc:  # damage bad enough that the check itself fails
            problems.append(str(exc))
            continue
        problems += [str(row[0]) for row in rows if str(row[0]) != "ok"]
    return problems


def check_integrity(vault: Vault) -> list[str]:
    """Return a list of problems; empty means the file is intact."""
    return _run_full_checks(vault.connection)


def integrity_report(vault: Vault) -> IntegrityReport:
    """The full check, with what it looked at (for `peerdesk check`)."""
    return connection_report(vault.connection, vault.db_path)


def connection_report(conn: Any, path: Path) -> IntegrityReport:
    """The full check on any keyed connection (the journal, or a backup before a restore)."""
    problems = _run_full_checks(conn)
    try:
        problems += quick_open_problems(conn, path)
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        page_count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlcipher3.DatabaseError as exc:
        problems.append(str(exc))
        page_size = page_count = version = 0
    checks = (
        *(words for _, words in FULL_CHECKS),
        "file size against page count",
        "required tables and the journal identity",
    )
    return IntegrityReport(path=path, page_size=page_size, page_count=page_count,
                           file_size=os.stat(path).st_size, schema_version=version,
                           checks=checks, problems=tuple(problems))


def page_problems(conn: Any) -> list[str]:
    """SQLCipher's page-HMAC check over the whole file; an empty list means every page is
    authentic. Reads every page once (see README "Performance" for what that costs)."""
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        return [str(exc)]
    return [str(row[0]) for row in rows if str(row[0]) != "ok"]


class Integrity(enum.Enum):
    UNCHECKED = "unchecked"
    INTACT = "intact"
    DAMAGED = "damaged"


class IntegrityGate:
    """Whether the journal may be written, shared by every connection of one open vault.

    Unchecked, a write first runs the page check on the writing connection (the command line).
    Once `defer()` was called (the app, whose check runs on a worker connection), a write
    waits for `record()` instead: on a worker thread it blocks until the verdict (up to
    `wait_seconds`); on the main (GUI) thread, which must never block, it is refused at once
    with `VaultCheckPendingError`. Damaged, every write is refused with `VaultDamagedError`."""

    def __init__(self, *, intact: bool = False, wait_seconds: float = 600.0) -> None:
        self._state = Integrity.INTACT if intact else Integrity.UNCHECKED
        self._problems: tuple[str, ...] = ()
        self._deferred = False
        self._closed = False
        self._wait_seconds = wait_seconds
        self._changed = threading.Condition()

    @property
    def state(self) -> Integrity:
        return self._state

    @property
    def problems(self) -> tuple[str, ...]:
        return self._problems

    @property
    def writable(self) -> bool:
        return self._state is Integrity.INTACT

    @property
    def deferred(self) -> bool:
        return self._deferred

    def defer(self) -> None:
        """Writes wait for `record()` instead of running the check themselves."""
        self._deferred = True

    def record(self, problems: Sequence[str]) -> None:
        with self._changed:
            self._problems = tuple(problems)
            self._state = Integrity.DAMAGED if problems else Integrity.INTACT
            self._changed.notify_all()

    def close(self) -> None:
        """The vault closed: wake writers still waiting for a verdict (they give up)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def check_now(self, conn: Any) -> None:
        """Run the page check on `conn` unless it already ran; raise if the file is damaged."""
        with self._changed:
            if self._state is Integrity.UNCHECKED:
                problems = page_problems(conn)
                self._problems = tuple(problems)
                self._state = Integrity.DAMAGED if problems else Integrity.INTACT
                self._changed.notify_all()
        self._raise_if_damaged()

    def before_write(self, conn: Any) -> None:
        if self._state is Integrity.UNCHECKED and self._deferred:
            if threading.current_thread() is threading.main_thread():
                raise VaultCheckPendingError()
            with self._changed:
                verdict = self._changed.wait_for(
                    lambda: self._state is not Integrity.UNCHECKED or self._closed,
                    timeout=self._wait_seconds)
            if self._closed:
                raise VaultLockedError()
            if not verdict or self._state is Integrity.UNCHECKED:
                raise VaultCheckPendingError()
        self.check_now(conn)

    def _raise_if_damaged(self) -> None:
        if self._state is Integrity.DAMAGED:
            raise VaultDamagedError(self._problems[0] if self._problems else "")
