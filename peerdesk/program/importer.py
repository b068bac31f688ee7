"""Importing summary files: each validated in full, then applied in its own transaction.

A bad file never raises: it comes back as an `ImportOutcome` with `accepted=False` and a
problem naming the file (and the JSON field path where one applies), and the program data is
left exactly as it was. The other files of the same batch still import.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.validate import (
    MAX_SUMMARY_BYTES,
    SummaryRejected,
    rejection,
    validate_summary_file,
)
from peerdesk.gc_pause import collector_paused
from peerdesk.program.store import ProgramStore
from peerdesk.translation import msg
from peerdesk.vault import JOURNAL_FAULTS, Vault

Progress = Callable[[int, int, str], None]   # (files done, files in all, file name)


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    sha256: str | None
    supporter_alias: str | None
    accepted: bool
    problem: str | None      # "<file> was not imported: <why>." (a Message: it can be translated)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    previously_imported_at: str | None = None   # set when this exact file was imported before

    @property
    def summary_line(self) -> str:
        """One line for people: what happened to this file."""
        if not self.accepted:
            return self.problem or f"{self.file_name} was not imported."
        text = (f"{self.file_name}: {self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged")
        if self.previously_imported_at is not None:
            text += f" (this file was already imported on {self.previously_imported_at[:10]})"
        return text


# Page cache for the import's connection (KiB, as `PRAGMA cache_size` takes it when negative):
# records arrive in random id order, so with SQLite's default 2 MB nearly every insert evicts
# a page that a later one reads back and decrypts again. 64 MB holds a 100,000-record program.
IMPORT_CACHE_KIB = 64 * 1024


def import_files(vault: Vault, paths: Sequence[Path], progress: Progress | None = None, *,
                 conn: Any = None, max_bytes: int = MAX_SUMMARY_BYTES) -> list[ImportOutcome]:
    """Validate and import each file; return one outcome per path, in order."""
    store = ProgramStore(conn if conn is not None else vault)
    outcomes: list[ImportOutcome] = []
    total = len(paths)
    with _larger_cache(store.connection):
        for index, raw_path in enumerate(paths):
            path = Path(raw_path)
            if progress is not None:
                progress(index, total, path.name)
            with collector_paused():  # its records die young: no full collections
                outcomes.append(_import_one(store, path, max_bytes))
    if progress is not None:
        progress(total, total, "")
    return outcomes


@contextlib.contextmanager
def _larger_cache(conn: Any) -> Iterator[None]:
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def _import_one(store: ProgramStore, path: Path, max_bytes: int) -> ImportOutcome:
    try:
        summary = validate_summary_file(path, max_bytes=max_bytes)
    except SummaryRejected as exc:
        return ImportOutcome(path.name, None, None, False, exc.message)
    try:
        counts = store.apply_summary(summary)
    except JOURNAL_FAULTS:
        raise  # the journal cannot be written (full, read-only, damaged…): not this file's fault
    except (PeerDeskError, sqlcipher3.Error) as exc:
        # a PeerDeskError's message is translatable; the database's own words are not
        reason = exc.message if isinstance(exc, PeerDeskError) else str(exc)
        problem = msg("it could not be saved ({reason}). Nothing from it was written; try "
                      "again", reason=reason)
        return ImportOutcome(path.name, summary.sha256, summary.supporter_alias, False,
                             rejection(path.name, problem))
    return ImportOutcome(path.name, summary.sha256, summary.supporter_alias, True, None,
                         counts.new, counts.updated, counts.unchanged,
                         counts.previously_imported_at)
