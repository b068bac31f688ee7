"""Bringing in an existing contact log from a CSV file.

Columns are found by header name, in any order (see README "Bringing in an existing contact
log (CSV)"); coded columns accept the taxonomy code or its label. Every problem is collected
with its row number (the header is row 1, as in a spreadsheet) so the whole file can be fixed
in one go. Nothing is written unless every row is good: `parse_csv` only reads, and
`import_sessions` adds all sessions in one transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.journal.model import Session
from peerdesk.journal.peer_code import identifying_warnings
from peerdesk.journal.repository import SessionRepository
from peerdesk.journal.validation import SessionInvalid, validate_session
from peerdesk.taxonomy import Taxonomy
from peerdesk.translation import Message, msg

MAX_CSV_BYTES = 20 * 1024 * 1024

REQUIRED_COLUMNS = ("date", "consent")
COLUMNS = (
    "date", "start_time", "duration_minutes", "kind", "group_size", "contact", "channel",
    "origin", "behaviours", "persistence", "source_relation", "impacts", "risk_flags",
    "support_given", "referral_types", "next_step", "follow_up_date", "follow_up_done",
    "consent", "conflict_of_interest", "peer_code", "notes", "reflection",
)
# Other spellings people are likely to use for a column.
_ALIASES = {
    "behaviour": "behaviours", "behavior": "behaviours", "behaviors": "behaviours",
    "impact": "impacts", "risk_flag": "risk_flags", "risk": "risk_flags",
    "referral_type": "referral_types", "duration": "duration_minutes",
    "minutes": "duration_minutes",
    "consent_to_count": "consent", "time": "start_time", "follow_up": "follow_up_date",
}
# Column -> (Session attribute, taxonomy field key) for coded columns.
_SINGLE = {
    "kind": "kind", "contact": "contact", "channel": "channel", "origin": "origin",
    "persistence": "persistence", "source_relation": "source_relation", "next_step": "next_step",
}
_MULTI = {
    "behaviours": "behaviour", "impacts": "impact", "risk_flags": "risk_flag",
    "support_given": "support_given", "referral_types": "referral_type",
}
_YES = frozenset({"yes", "y", "true", "1", "ja", "oui", "sí", "si"})
_NO = frozenset({"no", "n", "false", "0", "nein", "non"})
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


class CsvImportError(PeerDeskError):
    """The file as a whole cannot be read (missing, too large, not UTF-8 text, no header)."""


@dataclass(frozen=True)
class CsvRowError:
    row: int  # 1 is the header row, as a spreadsheet numbers it
    column: str | None  # None when the problem is the whole row
    message: Message  # the problem alone; `text` says where it is too

    @property
    def text(self) -> Message:
        """The problem with its place, e.g. "row 3, column 'date': …" (translatable)."""
        if self.column:
            return msg("row {row}, column '{column}': {problem}",
                       row=self.row, column=self.column, problem=self.message)
        return msg("row {row}: {problem}", row=self.row, problem=self.message)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CsvParseResult:
    """What a file would add. `sessions` is empty whenever there are `errors` (all or
    nothing); `valid_rows` still says how many rows were fine."""

    sessions: list[Session] = field(default_factory=list)
    errors: list[CsvRowError] = field(default_factory=list)
    valid_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.sessions)


def _normalise_header(name: str) -> str:
    key = re.sub(r"[\s\-]+", "_", name.strip().casefold())
    return _ALIASES.get(key, key)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CsvImportError(msg("There is no file at {path}. Check the name and try again.",
                                 path=path)) from None
    except OSError as exc:
        raise CsvImportError(msg("Could not read {path}: {reason}.", path=path,
                                 reason=exc.strerror or str(exc))) from exc
    if size > MAX_CSV_BYTES:
        raise CsvImportError(msg(
            "{file} is {size} MB; the limit is {limit} MB. Split the file and import the parts.",
            file=path.name, size=size // (1024 * 1024), limit=MAX_CSV_BYTES // (1024 * 1024),
        ))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvImportError(msg("Could not read {path}: {reason}.", path=path,
                                 reason=exc.strerror or str(exc))) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvImportError(msg(
            "{file} is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8' and try "
            "again.", file=path.name,
        )) from None
    if "\x00" in text:
        raise CsvImportError(msg("{file} is not a CSV text file. Choose a .csv file.",
                                 file=path.name))
    return text


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _yes_no(value: str) -> bool | None:
    folded = value.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


class _Row:
    """Turns one row's cells into Session fields, collecting every problem."""

    def __init__(self, number: int, cells: dict[str, str], taxonomy: Taxonomy, *,
                 allow_identifying_codes: bool = False) -> None:
        self.number = number
        self.cells = cells
        self.taxonomy = taxonomy
        self.allow_identifying_codes = allow_identifying_codes
        self.errors: list[CsvRowError] = []

    def problem(self, column: str | None, message: Message) -> None:
        self.errors.append(CsvRowError(self.number, column, message))

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def parsed(self, column: str, parse: Callable[[str], object],
               hint: Message) -> object | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError:
            self.problem(column, msg("{value} is not {hint}.", value=repr(value), hint=hint))
            return None

    def date(self, column: str) -> dt.date | None:
        value = self.parsed(column, dt.date.fromisoformat, msg("a date like 2024-03-31"))
        return value if isinstance(value, dt.date) else None

    def time(self, column: str) -> dt.time | None:
        def parse(text: str) -> dt.time:
            match = _TIME.fullmatch(text)
            if not match:
                raise ValueError(text)
            return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))

        value = self.parsed(column, parse, msg("a time like 14:30"))
        return value if isinstance(value, dt.time) else None

    def number_in(self, column: str, low: int, high: int) -> int | None:
        value = self.parsed(column, int, msg("a whole number"))
        if isinstance(value, int) and not low <= value <= high:
            self.problem(column, msg("{value} is outside {low} to {high}.",
                                     value=value, low=low, high=high))
            return None
        return value if isinstance(value, int) else None

    def flag(self, column: str, default: bool | None) -> bool | None:
        value = self.text(column)
        if not value:
            if default is None:
                self.problem(column, msg("is required: write yes or no."))
            return default
        answer = _yes_no(value)
        if answer is None:
            self.problem(column, msg("{value} is not yes or no.", value=repr(value)))
        return answer

    def code(self, column: str, key: str) -> str | None:
        value = self.text(column)
        if not value:
            return None
        taxonomy_field = self.taxonomy.field(key)
        code = taxonomy_field.code_for_text(value)
        if code is None:
            self.problem(column, msg("{value} is not one of: {codes} (codes or their labels).",
                                     value=repr(value), codes=", ".join(taxonomy_field.codes())))
        return code

    def codes(self, column: str, key: str) -> frozenset[str]:
        found: set[str] = set()
        taxonomy_field = self.taxonomy.field(key)
        for part in self.text(column).split(";"):
            if not part.strip():
                continue
            code = taxonomy_field.code_for_text(part)
            if code is None:
                self.problem(column, msg(
                    "{value} is not one of: {codes} (codes or their labels, separated by ';').",
                    value=repr(part.strip()), codes=", ".join(taxonomy_field.codes())))
            else:
                found.add(code)
        return frozenset(found)

    def session(self) -> Session | None:
        day = self.date("date")
        if not self.text("date"):
            self.problem("date", msg("is required: write the date like 2024-03-31."))
        single = {attribute: self.code(attribute, key) for attribute, key in _SINGLE.items()}
        multi = {attribute: self.codes(attribute, key) for attribute, key in _MULTI.items()}
        start_time = self.time("start_time")
        duration = self.number_in("duration_minutes", 0, 24 * 60)
        group_size = self.number_in("group_size", 2, 1000)
        follow_up_date = self.date("follow_up_date")
        follow_up_done = self.flag("follow_up_done", False)
        consent = self.flag("consent", None)
        conflict = self.flag("conflict_of_interest", False)
        peer_code = self.text("peer_code")
        if peer_code and not self.allow_identifying_codes and identifying_warnings(peer_code):
            self.problem("peer_code", msg(
                "“{code}” looks like a name, an e-mail address or a phone number, and a peer "
                "code must never identify anyone. Replace it with a made-up code, or, if you are "
                "sure it identifies no one, import with “Keep peer codes that look like names” "
                "(--allow-identifying-codes).", code=peer_code))
        if self.errors or day is None:
            return None
        kind = single["kind"] or ("group" if group_size is not None else "one_to_one")
        session = Session(
            date=day,
            start_time=start_time,
            duration_minutes=30 if duration is None else duration,
            kind=kind,
            group_size=group_size,
            contact=single["contact"] or "first",
            channel=single["channel"] or "in_person",
            origin=single["origin"],
            behaviours=multi["behaviours"],
            persistence=single["persistence"],
            source_relation=single["source_relation"],
            impacts=multi["impacts"],
            risk_flags=multi["risk_flags"],
            support_given=multi["support_given"],
            referral_types=multi["referral_types"],
            next_step=single["next_step"],
            follow_up_date=follow_up_date,
            follow_up_done=bool(follow_up_done),
            consent_to_count=bool(consent),
            conflict_of_interest=bool(conflict),
            peer_code=peer_code,
            notes=self.cells.get("notes", "").strip(),
            reflection=self.cells.get("reflection", "").strip(),
        )
        try:
            validate_session(session, self.taxonomy)
        except SessionInvalid as exc:
            self.problem(None, exc.problem)
            return None
        return session


def _header(names: Sequence[str]) -> tuple[list[str | None], list[CsvRowError]]:
    """Map each header cell to a known column (None = ignored) and report header problems."""
    errors: list[CsvRowError] = []
    mapped: list[str | None] = []
    seen: set[str] = set()
    for name in names:
        key = _normalise_header(name)
        if not name.strip():
            mapped.append(None)
            continue
        if key not in COLUMNS:
            errors.append(CsvRowError(1, name.strip(), msg(
                "is not a known column. Rename it to one of: {columns}, or remove it.",
                columns=", ".join(COLUMNS))))
            mapped.append(None)
            continue
        if key in seen:
            errors.append(CsvRowError(1, name.strip(), msg("appears twice; keep one.")))
            mapped.append(None)
            continue
        seen.add(key)
        mapped.append(key)
    for required in REQUIRED_COLUMNS:
        if required not in seen:
            errors.append(CsvRowError(1, required, msg("is missing; it is required.")))
    return mapped, errors


def parse_csv(path: Path, taxonomy: Taxonomy, *,
              allow_identifying_codes: bool = False) -> CsvParseResult:
    """Read and check every row of `path`; writes nothing. File-level problems raise
    `CsvImportError`; row and header problems are listed in the result. A peer code that looks
    like a name, e-mail address or phone number is a problem unless `allow_identifying_codes`
    (the supporter said, for this file, that such codes identify no one)."""
    text = _read_text(Path(path))
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        records = list(reader)
    except csv.Error as exc:
        raise CsvImportError(msg("{file} is not a readable CSV file ({reason}).",
                                 file=Path(path).name, reason=str(exc))) from exc
    if not records or not any(cell.strip() for cell in records[0]):
        raise CsvImportError(msg(
            "{file} has no header row. The first row must name the columns, for example: "
            "date,consent,channel,notes.", file=Path(path).name,
        ))
    columns, errors = _header(records[0])
    sessions: list[Session] = []
    if not set(REQUIRED_COLUMNS) <= set(columns):
        return CsvParseResult([], errors, 0)  # without them no row can be read
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines are not sessions
        if len(record) > len(columns):
            errors.append(CsvRowError(index, None, msg(
                "has more values ({values}) than the header has columns ({columns}).",
                values=len(record), columns=len(columns))))
            continue
        cells = {name: value for name, value in zip(columns, record, strict=False) if name}
        row = _Row(index, cells, taxonomy, allow_identifying_codes=allow_identifying_codes)
        session = row.session()
        errors.extend(row.errors)
        if session is not None:
            sessions.append(session)
    return CsvParseResult(sessions if not errors else [], errors, len(sessions))


def import_sessions(repo: SessionRepository, sessions: Sequence[Session]) -> int:
    """Add every session in one transaction (all or nothing); returns how many were added."""
    return repo.add_many(sessions)
