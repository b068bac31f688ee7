"""Importing summary files: each validated in full, its signer checked, then applied in its
own savepoint (files share a transaction for at most `store.BATCH_SECONDS`, so a large import
does not pay one commit per file). Files are validated a group at a time before any of the
group is written, so the journal's write lock is never held while files are read and checked
(`FILES_CHECKED_AHEAD`).

A bad file never raises: it comes back as an `ImportOutcome` with `accepted=False` and one
line naming the file and its problem, and the program data is left exactly as it was. The
other files of the same batch still import.

Who may sign: a supporter's first file enrols its key only when the coordinator compared the
key's fingerprint with the one the supporter reads from their own app (`Enrolment.compared`)
or accepted new keys explicitly (`Enrolment.accept_new`). After that, a file must be signed
with the enrolled key; a new key for a known supporter needs `Enrolment.re_enrol`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import sqlcipher3

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.format import MAX_SUMMARY_BYTES
from peerdesk.exchange.keys import normalise_fingerprint
from peerdesk.exchange.validate import (
    SummaryRejected,
    ValidatedSummary,
    rejection,
    validate_summary_file,
)
from peerdesk.program.store import OlderThanHeld, ProgramStore
from peerdesk.translation import Message, msg
from peerdesk.vault import JOURNAL_FAULTS, Vault

Progress = Callable[[int, int, str], None]   # (files done, files in all, file name)


@dataclass(frozen=True)
class Enrolment:
    """What the coordinator allowed for this import."""

    compared: frozenset[str] = frozenset()    # fingerprints read out by new supporters
    accept_new: bool = False                  # enrol any new supporter's key, uncompared
    re_enrol: frozenset[str] = frozenset()    # new keys of known supporters, confirmed

    @classmethod
    def of(cls, compared: Collection[str] = (), *, accept_new: bool = False,
           re_enrol: Collection[str] = ()) -> Enrolment:
        return cls(frozenset(normalise_fingerprint(f) for f in compared),
                   accept_new, frozenset(normalise_fingerprint(f) for f in re_enrol))


@dataclass(frozen=True)
class PendingKey:
    """A key the coordinator has not enrolled: shown to them to compare and confirm."""

    supporter_id: str
    alias: str | None
    fingerprint: str
    re_enrol: bool          # the supporter is known, with another key


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    sha256: str | None
    supporter_alias: str | None
    accepted: bool
    problem: str | None      # "<file> was not imported: <why>." (a Message: it can be translated)
    months_replaced: tuple[str, ...] = ()
    months_kept: tuple[str, ...] = ()        # newer figures were already held
    previously_imported_at: str | None = None
    enrolled: str | None = None              # the fingerprint enrolled by this import
    pending_key: PendingKey | None = None    # refused until this key is enrolled
    path: str = ""                           # the file as given, to import it again

    @property
    def summary_line(self) -> str:
        """One line for people: what happened to this file."""
        if not self.accepted:
            return self.problem or f"{self.file_name} was not imported."
        if self.previously_imported_at is not None:
            return msg("{file}: already imported on {day}; nothing changed",
                       file=self.file_name, day=self.previously_imported_at[:10])
        text = msg("{file}: {count} months replaced ({months})", file=self.file_name,
                   count=len(self.months_replaced),
                   months=_month_list(self.months_replaced) or "-")
        if self.months_kept:
            text = msg("{text}; {count} kept, newer figures were already held", text=text,
                       count=len(self.months_kept))
        if self.enrolled:
            text = msg("{text}; enrolled the supporter's key {fingerprint}", text=text,
                       fingerprint=self.enrolled)
        return text


def _month_list(months: Sequence[str]) -> str:
    return ", ".join(months) if len(months) <= 6 else (
        f"{', '.join(months[:3])} … {', '.join(months[-2:])}")


# Files are read and checked in groups of this many, outside any transaction, then written.
# The journal's write lock is held only while a group is written (~10 ms; never more than
# `BATCH_SECONDS` and one file), never while files are checked (~20 ms a group). Another
# writer, such as the GUI thread saving a session, waits in SQLite's busy handler, which
# looks again after 1, 3, 8, 18, 33… ms: it finds the lock free at its next look. (Held
# while files were checked too, the lock was free only between two files, and such a
# writer waited up to 0.8 s.)
FILES_CHECKED_AHEAD: Final = 16


def import_files(vault: Vault, paths: Sequence[Path], progress: Progress | None = None, *,
                 conn: Any = None, max_bytes: int = MAX_SUMMARY_BYTES,
                 enrolment: Enrolment = Enrolment(),
                 today: dt.date | None = None) -> list[ImportOutcome]:
    """Validate and import each file; return one outcome per path, in order."""
    store = ProgramStore(conn if conn is not None else vault)
    outcomes: list[ImportOutcome] = []
    files = [Path(p) for p in paths]
    total = len(files)
    with store.batch() as batch:  # a few files per commit: each in its own savepoint
        for start in range(0, total, FILES_CHECKED_AHEAD):
            group = files[start:start + FILES_CHECKED_AHEAD]
            checked: list[ValidatedSummary | ImportOutcome] = []
            for index, path in enumerate(group, start):
                if progress is not None:
                    progress(index, total, path.name)
                checked.append(_checked(path, max_bytes, today))
            for path, summary in zip(group, checked, strict=True):
                outcome = (summary if isinstance(summary, ImportOutcome)
                           else _applied(store, summary, enrolment))
                outcomes.append(dataclasses.replace(outcome, path=str(path)))
                batch.commit_if_due()
            batch.commit()
    if progress is not None:
        progress(total, total, "")
    return outcomes


def _refused(summary: ValidatedSummary, problem: str,
             pending: PendingKey | None = None) -> ImportOutcome:
    return ImportOutcome(summary.file_name, summary.sha256, summary.alias, False,
                         rejection(summary.file_name, problem), pending_key=pending)


def _key_decision(store: ProgramStore, summary: ValidatedSummary,
                  enrolment: Enrolment) -> tuple[bool, ImportOutcome | None]:
    """(whether to enrol the file's key, a refusal or None)."""
    sid, key, shown = summary.supporter_id, summary.public_key, summary.fingerprint
    owner = store.supporter_with_key(key)
    if owner is not None and owner != sid:
        label = store.supporter_labels().get(owner, owner)
        return False, _refused(summary, msg(
            "it claims to be from supporter {supporter} but is signed with the key enrolled "
            "for {owner}; it was not counted under either", supporter=sid[:8], owner=label))
    enrolled = store.enrolled_key(sid)
    if enrolled == key:
        return False, None
    if enrolled is None:
        if enrolment.accept_new or shown in enrolment.compared:
            return True, None
        problem: Message = msg(
            "its signing key is not enrolled yet (fingerprint {fingerprint}). Ask the "
            "supporter to read the fingerprint shown in their export window; if it matches, "
            "import again and confirm it (peerdesk import FILE --enrol \"{fingerprint}\")",
            fingerprint=shown)
        return False, _refused(summary, problem, PendingKey(sid, summary.alias, shown, False))
    if shown in enrolment.re_enrol:
        return True, None
    label = store.supporter_labels().get(sid, sid)
    problem = msg(
        "it is signed with a key that is not the one enrolled for {supporter} (fingerprint "
        "{fingerprint}). If the supporter moved to a new journal, compare the fingerprint with "
        "them and re-enrol (peerdesk import FILE --re-enrol \"{fingerprint}\"); otherwise the "
        "file is not theirs", supporter=label, fingerprint=shown)
    return False, _refused(summary, problem, PendingKey(sid, summary.alias, shown, True))


def _checked(path: Path, max_bytes: int,
             today: dt.date | None) -> ValidatedSummary | ImportOutcome:
    """The file validated, or its refusal."""
    try:
        return validate_summary_file(path, max_bytes=max_bytes, today=today)
    except SummaryRejected as exc:
        return ImportOutcome(path.name, None, None, False, exc.message)


def _applied(store: ProgramStore, summary: ValidatedSummary,
             enrolment: Enrolment) -> ImportOutcome:
    """A validated file written, if its signer may send it and it holds newer figures."""
    enrol, refusal = _key_decision(store, summary, enrolment)
    if refusal is not None:
        return refusal
    before = store.imported_at(summary.sha256)
    if before is not None:
        return ImportOutcome(summary.file_name, summary.sha256, summary.alias, True, None,
                             previously_imported_at=before)
    try:
        counts = store.apply_summary(summary, enrol=enrol)
    except JOURNAL_FAULTS:
        raise  # the journal cannot be written (full, read-only, damaged…): not this file's fault
    except OlderThanHeld as exc:
        return _refused(summary, exc.message)
    except (PeerDeskError, sqlcipher3.Error) as exc:
        # a PeerDeskError's message is translatable; the database's own words are not
        reason = exc.message if isinstance(exc, PeerDeskError) else str(exc)
        return _refused(summary, msg("it could not be saved ({reason}). Nothing from it was "
                                     "written; try again", reason=reason))
    return ImportOutcome(summary.file_name, summary.sha256, summary.alias, True, None,
                         counts.months_replaced, counts.months_kept,
                         enrolled=summary.fingerprint if enrol else None)
