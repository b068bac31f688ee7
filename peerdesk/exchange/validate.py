"""Import validation: a summary file is checked completely before anything is written.

Order of checks (each failure raises `SummaryRejected` naming the file and its problem): the
strict reader (size before reading, UTF-8, depth, numbers, duplicate keys) → format and
version (version 1 is refused with a request to export again) → JSON Schema → taxonomy
version → signature → months within [2000-01, next month] → figures that add up. A file
byte for byte as the export writes it takes a shorter road to the same answer (`_as_exported`):
one plain parse, the schema's fast check and one encoding that gives both the canonical
bytes to compare and the signed content.
Who signed it (enrolment) and whether it is older than what is held is the importer's job.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from jsonschema.exceptions import ValidationError, best_match

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.alias import AliasRefused, clean_alias
from peerdesk.exchange.format import (
    FORMAT,
    MAX_DEPTH,
    MAX_SUMMARY_BYTES,
    REASON_NOW_EMPTY,
    SCHEMA_FILE,
    VERSION,
    month_range,
    period_months,
    signed_content,
    signed_content_and_file,
)
from peerdesk.exchange.keys import fingerprint, signature_valid
from peerdesk.exchange.schema_check import Check, UnsupportedSchema, compile_schema
from peerdesk.json_schema import Validator
from peerdesk.paths import resources_dir
from peerdesk.program.figures import (
    MULTI_VALUED_FIELDS,
    SINGLE_VALUED_FIELDS,
    MonthFigures,
    PeopleFigures,
)
from peerdesk.strict_json import JsonLimits, JsonRejected, parse_json_bytes, read_capped
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import Message, msg


def rejection(file_name: str, problem: str) -> Message:
    """"<file> was not imported: <problem>." — `problem` is a clause without a final stop."""
    return msg("{file} was not imported: {problem}.", file=file_name, problem=problem)


class SummaryRejected(PeerDeskError):
    """A summary file that cannot be imported; nothing was written."""

    def __init__(self, file_name: str, problem: str) -> None:
        super().__init__(rejection(file_name, problem))
        self.file_name = file_name
        self.problem = problem


@dataclass(frozen=True)
class ValidatedSummary:
    file_name: str
    sha256: str                      # of the file's bytes, for the import history
    created_at: str
    supporter_id: str
    alias: str | None
    org_unit: str | None
    public_key: str                  # hex; the signature was checked against it
    sequence: int
    months: tuple[MonthFigures, ...]
    people: tuple[PeopleFigures, ...]
    reasons: Mapping[str, str]       # month or people period -> why it was sent

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


class _Reject(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


LIMITS: Final = JsonLimits(max_bytes=MAX_SUMMARY_BYTES, max_depth=MAX_DEPTH,
                           max_number_chars=16)


@cache
def summary_schema() -> dict[str, Any]:
    """The shipped JSON Schema (draft 2020-12)."""
    text = resources_dir().joinpath("schema", SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> Any:
    return Validator(summary_schema())


@cache
def _certainly_valid() -> Check:
    """The schema as a fast check (see `schema_check`); jsonschema decides when it says no."""
    try:
        return compile_schema(summary_schema())
    except UnsupportedSchema:  # pragma: no cover - the shipped schema compiles (tested)
        return lambda _document: False


def schema_problem(document: Any) -> str | None:
    """Why `document` does not match the summary schema, or None when it does."""
    if _certainly_valid()(document):
        return None
    first = next(iter(_validator().iter_errors(document)), None)
    return None if first is None else _describe(best_match([first]))


def json_path(parts: Iterable[str | int]) -> str:
    """`("months", 3, "contacts")` → `months[3].contacts`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or msg("the top level")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _describe(error: ValidationError) -> str:
    where = json_path(error.absolute_path)
    keyword, limit = error.validator, error.validator_value
    if keyword == "required":
        missing = [k for k in limit if k not in error.instance]
        return msg("{where} is missing the field {name}", where=where,
                   name=repr(missing[0] if missing else "?"))
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        return msg("{where} has a field that summaries do not have: {name}", where=where,
                   name=repr(extra[0]) if extra else "?")
    if keyword in ("enum", "propertyNames"):
        return msg("{where} has the unknown code {value}", where=where,
                   value=_short(error.instance))
    if keyword in ("minimum", "maximum", "minLength", "maxLength", "maxItems"):
        return msg("{where} is out of range ({value})", where=where,
                   value=_short(error.instance))
    if keyword == "type":
        return msg("{where} has a value of the wrong type ({value})", where=where,
                   value=_short(error.instance))
    if keyword == "pattern" or keyword == "anyOf":
        return msg("{where} has the value {value}, which is not in the expected form",
                   where=where, value=_short(error.instance))
    return msg("{where}: {detail}", where=where, detail=error.message[:200].rstrip(". "))


def _check_shape(document: Any) -> None:
    """Format, version, then the schema: what the strict reader's document must be."""
    if not isinstance(document, dict):
        raise _Reject(msg("it is not a PeerDesk summary (no JSON object at the top level)"))
    if document.get("format") != FORMAT:
        raise _Reject(msg("it is not a PeerDesk summary (format is {found}; expected "
                          "{expected})", found=_short(document.get("format")),
                          expected=repr(FORMAT)))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Reject(msg("its version is missing or not a whole number"))
    if version < VERSION:
        raise _Reject(msg("it is summary version {version}, which holds one record per "
                          "session and is no longer imported. Ask the supporter to export "
                          "again with the current PeerDesk", version=version))
    if version > VERSION:
        raise _Reject(msg("it was made by a newer PeerDesk (summary version {version}; this "
                          "version reads version {supported}). Update PeerDesk to import it",
                          version=version, supported=VERSION))
    problem = schema_problem(document)
    if problem is not None:
        raise _Reject(problem)


def _as_exported(data: bytes) -> tuple[dict[str, Any], bytes] | None:
    """(the document, the bytes its signature covers) when `data` is byte for byte what
    PeerDesk's export writes, of a document the schema certainly accepts; otherwise None,
    and the strict reader and `_check_shape` decide, one check at a time.

    Such a file passes the strict reader: the encoder never writes a key twice, so bytes equal
    to its output have no repeated key; NaN, floats, numbers longer than 16 digits and
    nesting deeper than `MAX_DEPTH` are outside the schema; a lone surrogate cannot be encoded.
    So the reader's slower checks (a hook per object, the depth scan) are left out."""
    if len(data) > LIMITS.max_bytes:
        return None
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, a huge integer, too deep
        return None
    if not _certainly_valid()(document):
        return None
    try:
        signed, whole = signed_content_and_file(document)
    except UnicodeEncodeError:  # a lone surrogate
        return None
    return (document, signed) if whole == data else None


def _strictly_read(data: bytes) -> tuple[dict[str, Any], bytes | None]:
    try:
        document = parse_json_bytes(data, LIMITS)
    except JsonRejected as exc:
        raise _Reject(exc.problem) from None
    _check_shape(document)
    return document, None


def _check_signed(document: Mapping[str, Any], signed: bytes | None) -> None:
    """The taxonomy version, then the signature over `signed` (the document's
    `signed_content`, computed here when None)."""
    if document["taxonomy_version"] != default_taxonomy().version:
        raise _Reject(msg("it uses taxonomy version {version}, which this PeerDesk does not "
                          "know (it knows version {known}). Update PeerDesk to import it",
                          version=document["taxonomy_version"],
                          known=default_taxonomy().version))
    if not signature_valid(document["supporter"]["public_key"], document["signature"],
                           signed if signed is not None else signed_content(document)):
        raise _Reject(msg("its signature does not match its content: the file was changed "
                          "after it was signed, or it is not from a PeerDesk journal. Ask the "
                          "supporter to export it again"))


def _check_alias(alias: str | None) -> None:
    try:
        clean_alias(alias)
    except AliasRefused as exc:
        raise _Reject(msg("its supporter alias is refused ({reason})",
                          reason=exc.reason)) from None


def _check_months(months: Sequence[Mapping[str, Any]], today: dt.date) -> None:
    # where a problem is (json_path) is only worked out for the month that has one
    lowest, highest = month_range(today)
    seen: set[str] = set()
    for index, entry in enumerate(months):
        month = entry["month"]
        if not lowest <= month <= highest:
            raise _Reject(msg("{where} is the month {month}, outside the months summaries "
                              "hold ({lowest} to {highest})", where=json_path(("months", index)),
                              month=month, lowest=lowest, highest=highest))
        if month in seen:
            raise _Reject(msg("{where} repeats the month {month}",
                              where=json_path(("months", index)), month=month))
        seen.add(month)
        contacts = entry["contacts"]
        if (entry["reason"] == REASON_NOW_EMPTY) != (contacts == 0):
            raise _Reject(msg("{where} says {reason} but counts {contacts} contacts",
                              where=json_path(("months", index)), reason=entry["reason"],
                              contacts=contacts))
        for key in ("follow_up_planned", "with_referral", "with_risk"):
            if entry[key] > contacts:
                raise _Reject(msg("{where}.{key} is more than the month's contacts",
                                  where=json_path(("months", index)), key=key))
        counts = entry["counts"]
        for field in SINGLE_VALUED_FIELDS:
            if sum(counts[field].values()) != contacts:
                raise _Reject(msg("{where}.counts.{field} does not add up to the month's "
                                  "contacts", where=json_path(("months", index)), field=field))
        for field in MULTI_VALUED_FIELDS:
            if max(counts[field].values(), default=0) > contacts:
                raise _Reject(msg("{where}.counts.{field} counts more than the month's "
                                  "contacts", where=json_path(("months", index)), field=field))


def _check_people(people: Sequence[Mapping[str, Any]], today: dt.date) -> None:
    lowest, highest = month_range(today)
    seen: set[str] = set()
    for index, entry in enumerate(people):
        period = entry["period"]
        start, _end = period_months(period)
        if not lowest <= start <= highest:  # a quarter or year may end after next month
            raise _Reject(msg("{where} is the period {period}, outside the months summaries "
                              "hold ({lowest} to {highest})", where=json_path(("people", index)),
                              period=period, lowest=lowest, highest=highest))
        if period in seen:
            raise _Reject(msg("{where} repeats the period {period}",
                              where=json_path(("people", index)), period=period))
        seen.add(period)
        if entry["people_repeat"] > entry["people"] or entry["people_formal"] > entry["people"]:
            raise _Reject(msg("{where} counts more people with repeat contacts or a formal "
                              "report than people", where=json_path(("people", index))))


def _figures(document: Mapping[str, Any]) -> tuple[tuple[MonthFigures, ...],
                                                    tuple[PeopleFigures, ...]]:
    supporter = document["supporter"]["id"]
    months = tuple(
        MonthFigures(supporter_id=supporter, month=m["month"], contacts=m["contacts"],
                     counts=m["counts"],
                     follow_up_planned=m["follow_up_planned"],
                     with_referral=m["with_referral"], with_risk=m["with_risk"])
        for m in document["months"])
    people = tuple(
        PeopleFigures(supporter_id=supporter, period=p["period"], people=p["people"],
                      people_repeat=p["people_repeat"], people_formal=p["people_formal"])
        for p in document["people"])
    return months, people


def validate_summary_bytes(data: bytes, file_name: str,
                           today: dt.date | None = None) -> ValidatedSummary:
    """Validate a summary already in memory; raise `SummaryRejected` on any problem."""
    today = today or dt.date.today()
    try:
        document, signed = _as_exported(data) or _strictly_read(data)
        _check_signed(document, signed)
        _check_alias(document["supporter"]["alias"])
        _check_months(document["months"], today)
        _check_people(document["people"], today)
    except _Reject as exc:
        raise SummaryRejected(file_name, exc.problem) from None
    months, people = _figures(document)
    supporter = document["supporter"]
    reasons = {m["month"]: m["reason"] for m in document["months"]}
    reasons.update({f"people:{p['period']}": p["reason"] for p in document["people"]})
    return ValidatedSummary(
        file_name=file_name, sha256=hashlib.sha256(data).hexdigest(),
        created_at=document["created_at"], supporter_id=supporter["id"],
        alias=supporter["alias"], org_unit=supporter["org_unit"],
        public_key=supporter["public_key"], sequence=document["sequence"],
        months=months, people=people, reasons=reasons,
    )


def validate_summary_file(path: Path, *, max_bytes: int = MAX_SUMMARY_BYTES,
                          today: dt.date | None = None) -> ValidatedSummary:
    """Check the size with `stat` first, then read and validate the file."""
    path = Path(path)
    try:
        data = read_capped(path, JsonLimits(max_bytes=max_bytes))
    except JsonRejected as exc:
        raise SummaryRejected(path.name, exc.problem) from None
    if len(data) > max_bytes:
        raise SummaryRejected(path.name, msg("it is larger than {limit} MB",
                                             limit=f"{max_bytes / 1_048_576:.0f}"))
    return validate_summary_bytes(data, path.name, today)
