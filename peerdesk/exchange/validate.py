"""Import validation: a summary file is checked completely before anything is written.

Order of checks (each failure raises `SummaryRejected` naming the file and its problem):
size cap (from `stat`, before reading) → strict UTF-8 → nesting depth (a bracket pre-scan, so
a hostile file cannot exhaust the stack) → strict JSON (duplicate keys, NaN/Infinity and huge
numbers refused) → format name and version → JSON Schema (first error's path, such as
`records[3].channel`) → taxonomy version → record count → checksum → distinct record ids.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.format import (
    FORMAT,
    MULTI_CODE_KEYS,
    RECORD_KEYS,
    SINGLE_CODE_KEYS,
    VERSION,
    canonical_records_bytes,
    records_checksum,
    summary_schema,
)
from peerdesk.gc_pause import collector_paused
from peerdesk.json_reasons import json_reason
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import Message, msg

MAX_SUMMARY_BYTES: Final = 20 * 1024 * 1024
MAX_DEPTH: Final = 16             # a summary needs 4 levels; anything deep is hostile
MAX_NUMBER_CHARS: Final = 24      # revisions fit in 10 digits; longer numbers are refused

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def rejection(file_name: str, problem: str) -> Message:
    """"<file> was not imported: <problem>." — `problem` is a clause without a final stop."""
    return msg("{file} was not imported: {problem}.", file=file_name, problem=problem)


class SummaryRejected(PeerDeskError):
    """A summary file that cannot be imported; nothing was written.

    `problem` is what was wrong, a clause without a final stop (a `Message`, so it can be
    shown in the interface language); the message names the file too."""

    def __init__(self, file_name: str, problem: str) -> None:
        super().__init__(rejection(file_name, problem))
        self.file_name = file_name
        self.problem = problem


@dataclass(frozen=True)
class SummaryRecord:
    """One de-identified session as read from a summary file (codes, never text)."""

    id: str
    revision: int
    period: str
    duration_band: str
    kind: str
    group_size_band: str | None
    contact: str
    channel: str
    origin: str | None
    behaviours: tuple[str, ...]
    persistence: str | None
    source_relation: str | None
    impacts: tuple[str, ...]
    risk_flags: tuple[str, ...]
    support_given: tuple[str, ...]
    referral_types: tuple[str, ...]
    referral_resources: tuple[str, ...]
    next_step: str | None
    follow_up_planned: bool
    org_unit: str | None
    peer_key: str | None


@dataclass(frozen=True)
class ValidatedSummary:
    file_name: str
    sha256: str                      # of the file's bytes, for the import history
    export_id: str
    created_at: str
    app_version: str
    taxonomy_version: str
    supporter_id: str
    supporter_alias: str | None
    granularity: str
    period_from: str
    period_to: str
    records: tuple[SummaryRecord, ...]


class _Reject(Exception):
    """Raised inside JSON parsing hooks; turned into `SummaryRejected` by the caller."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem  # the Message itself: str(exc) would be plain English


# -- strict JSON ------------------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)              # C speed; a repeated key leaves the dict shorter
    if len(result) == len(pairs):
        return result
    result = {}
    for key, value in pairs:
        if key in result:
            raise _Reject(msg("the key {key} appears twice in one object; the file is not a "
                              "valid summary", key=repr(key)))
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise _Reject(msg("it contains the non-standard number {name}, which summaries never hold",
                      name=name))


def _checked_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Reject(msg("it contains a number with {digits} digits, far too large for a summary",
                          digits=len(text)))
    return int(text)


def _checked_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Reject(msg("it contains a number written with {length} characters, far too large "
                          "for a summary", length=len(text)))
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Reject(msg("it contains a number too large to represent"))
    return value


# Bytes that matter to the depth scan: brackets, and what delimits strings.
_NOT_DEPTH_MARKS: Final = bytes(range(256)).translate(None, b'[]{}"\\')
_BRACKET_STEP: Final = tuple(1 if c in b"[{" else -1 if c in b"]}" else 0 for c in range(256))


def _too_deep_fast(text: str) -> bool | None:
    """`_too_deep` without a regex pass over the text, or None when it cannot tell.
    Without backslashes every string runs from one quote to the next, so with an even number
    of quotes the brackets outside strings are those in the even-numbered pieces between
    quotes (brackets and quotes are ASCII, so the UTF-8 bytes will do)."""
    marks = text.encode("utf-8", "surrogatepass").translate(None, _NOT_DEPTH_MARKS)
    if b"\\" in marks:
        return None
    pieces = marks.split(b'"')
    if not len(pieces) % 2:  # an odd number of quotes
        return None
    outside = b"".join(pieces[::2])
    return max(accumulate(map(_BRACKET_STEP.__getitem__, outside)), default=0) > MAX_DEPTH


def _too_deep(text: str) -> bool:
    """Whether brackets outside strings nest deeper than MAX_DEPTH (no recursion)."""
    depth = 0
    for char in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        else:
            depth -= 1
    return False


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH without recursing (strings are skipped)."""
    too_deep = _too_deep_fast(text)
    if too_deep is None:
        too_deep = _too_deep(text)
    if too_deep:
        raise _Reject(msg("it is nested more than {depth} levels deep, which no summary is",
                          depth=MAX_DEPTH))


def _parse_json(text: str) -> Any:
    _check_depth(text)
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constants,
            parse_int=_checked_int,
            parse_float=_checked_float,
        )
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise _Reject(msg("the file ends too early (it looks truncated or incompletely "
                              "copied)")) from exc
        raise _Reject(msg("it is not valid JSON ({reason} at line {line}, column {column})",
                          reason=json_reason(exc.msg), line=exc.lineno,
                          column=exc.colno)) from exc
    except RecursionError as exc:  # belt and braces: the pre-scan should catch this first
        raise _Reject(msg("it is nested too deeply")) from exc


def period_month(period: str) -> str:
    """`2026-W45` → the month of that ISO week's Thursday (`2026-11`); `2026-10` stays."""
    if "-W" in period:
        year, week = period.split("-W")
        thursday = dt.date.fromisocalendar(int(year), int(week), 4)  # ValueError if no such week
        return f"{thursday.year:04d}-{thursday.month:02d}"
    return period


_CHECKSUM_STEP: Final = 500


def _records_checksum_in_steps(records: Sequence[Mapping[str, Any]]) -> str:
    """`records_checksum(records)`, encoding 500 records at a time. The same bytes (a JSON
    list is its items' encodings between brackets, joined by commas), but json's C encoder
    never holds the interpreter lock for long: a whole file's records took ~100 ms, during
    which the GUI thread could not run."""
    if len(records) <= _CHECKSUM_STEP:
        return records_checksum(records)
    digest = hashlib.sha256(b"[")
    for start in range(0, len(records), _CHECKSUM_STEP):
        chunk = canonical_records_bytes(records[start:start + _CHECKSUM_STEP])
        digest.update(chunk[1:-1] if start == 0 else b"," + chunk[1:-1])
    digest.update(b"]")
    return digest.hexdigest()


def _week_exists(period: str) -> bool:
    try:
        period_month(period)
    except ValueError:
        return False
    return True


# -- schema and semantic checks ---------------------------------------------------------------


@cache
def _validator() -> Draft202012Validator:
    schema = summary_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def json_path(parts: Iterable[str | int]) -> str:
    """`("records", 3, "channel")` → `records[3].channel`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or msg("the top level")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


# JSON Schema's type names, and what a value of each is called in messages.
_TYPE_NAMES: Final[Mapping[str, Message]] = {
    "null": msg("null"),
    "boolean": msg("true/false"),
    "integer": msg("a whole number"),
    "number": msg("a number"),
    "string": msg("text"),
    "array": msg("a list"),
    "object": msg("an object"),
}


def _json_type(value: Any) -> Message:
    if value is None:
        return _TYPE_NAMES["null"]
    if isinstance(value, bool):
        return _TYPE_NAMES["boolean"]
    if isinstance(value, int | float):
        return _TYPE_NAMES["number"]
    if isinstance(value, str):
        return _TYPE_NAMES["string"]
    if isinstance(value, list):
        return _TYPE_NAMES["array"]
    return _TYPE_NAMES["object"]


def _wanted_types(wanted: str | Sequence[str]) -> str:
    """`["string", "null"]` → "text or null", each name as messages call it."""
    names = [_TYPE_NAMES.get(name, name) for name in ([wanted] if isinstance(wanted, str)
                                                      else wanted)]
    text: str = names[0] if names else "?"
    for name in names[1:]:
        text = msg("{choices} or {choice}", choices=text, choice=name)
    return text


def _describe(error: ValidationError, path: Sequence[str | int] | None = None) -> str:
    where = json_path(error.absolute_path if path is None else path)
    keyword = error.validator
    limit = error.validator_value
    if keyword == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        if missing:
            return msg("{where} is missing the field {name}", where=where, name=repr(missing[0]))
    if keyword == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        return msg("{where} has a field that summaries do not have: {name}", where=where,
                   name=repr(extra[0]) if extra else "?")
    if keyword == "type":
        return msg("{where} should be {wanted} but is {found}", where=where,
                   wanted=_wanted_types(error.validator_value), found=_json_type(error.instance))
    if keyword == "enum":
        return msg("{where} has the unknown code {value}", where=where,
                   value=_short(error.instance))
    if keyword == "const":
        return msg("{where} should be {expected}, not {value}", where=where,
                   expected=_short(error.validator_value), value=_short(error.instance))
    if keyword == "pattern":
        return msg("{where} has the value {value}, which is not in the expected form",
                   where=where, value=_short(error.instance))
    if keyword == "minimum":
        return msg("{where} is out of range ({value} is less than the minimum of {limit})",
                   where=where, value=_short(error.instance), limit=limit)
    if keyword == "maximum":
        return msg("{where} is out of range ({value} is more than the maximum of {limit})",
                   where=where, value=_short(error.instance), limit=limit)
    if keyword == "minLength":
        return msg("{where} is out of range (it is shorter than the minimum length, {limit})",
                   where=where, limit=limit)
    if keyword == "maxLength":
        return msg("{where} is out of range (it is longer than the maximum length, {limit})",
                   where=where, limit=limit)
    if keyword == "maxItems":
        return msg("{where} is out of range (it holds more items than the maximum, {limit})",
                   where=where, limit=limit)
    if keyword == "uniqueItems":
        return msg("{where} holds the same value more than once", where=where)
    if keyword == "anyOf":
        return msg("{where} has the value {value}, which is not allowed here", where=where,
                   value=_short(error.instance))
    # a rule summaries do not use today: jsonschema's own (English) words
    return msg("{where}: {detail}", where=where, detail=error.message[:200].rstrip(". "))


def _schema_problem(document: Any) -> str | None:
    """The first schema error, described for people; None when the document is valid."""
    first = next(iter(_validator().iter_errors(document)), None)
    if first is None:
        return None
    return _describe(best_match([first]))


# Full jsonschema validation costs ~0.7 ms a record, too slow for 100,000 records. The fast
# path below reaches the same verdict from the same schema: the envelope is validated with no
# records; each record field is checked column by column against its own property subschema,
# once per distinct value; and the schema's conditional rules (its if/then and allOf), which
# see a record's fields only through the subschemas they name for them, are checked on one
# representative record per combination of those subschemas' verdicts. Any record the fast
# path doubts is re-validated in full, so messages always come from jsonschema.
# tests/exchange/test_validate.py checks that the two paths agree.

Check = Callable[[Any], bool]

# Keywords a conditional rule may apply to the envelope, the records list or a record itself
# for the projection by verdicts to be exact; anything else falls back to projecting by value.
_STRUCTURAL_KEYWORDS: Final = frozenset({
    "if", "then", "else", "allOf", "anyOf", "oneOf", "not", "properties", "required", "items",
    "type", "title", "description", "$comment"})


@dataclass(frozen=True)
class _RecordRules:
    required: frozenset[str]
    allowed: frozenset[str]
    properties: Mapping[str, Check]
    # record key → the checks the conditional rules make of its value (None: its value itself)
    conditional: Mapping[str, tuple[Check, ...] | None]


def _compile_simple(sub: Mapping[str, Any]) -> Check:
    """A fast check for the plain subschemas ids use (typed string with pattern, bounded
    integer, either of those or null); anything else goes through jsonschema."""
    if set(sub) == {"type", "pattern"} and sub["type"] == "string":
        pattern = re.compile(sub["pattern"])
        return lambda v: isinstance(v, str) and pattern.search(v) is not None
    if sub.get("type") == "integer" and set(sub) <= {"type", "minimum", "maximum"}:
        low, high = sub.get("minimum"), sub.get("maximum")
        return lambda v: (isinstance(v, int) and not isinstance(v, bool)
                          and (low is None or v >= low) and (high is None or v <= high))
    if set(sub) == {"anyOf"} and len(sub["anyOf"]) == 2 and {"type": "null"} in sub["anyOf"]:
        other = next(s for s in sub["anyOf"] if s != {"type": "null"})
        if set(other) == {"type", "pattern"} and other["type"] == "string":
            inner = _compile_simple(other)
            return lambda v: v is None or inner(v)
    validator = Draft202012Validator(sub)
    return lambda v: bool(validator.is_valid(v))


def _rule_subschemas(node: Any, keys: frozenset[str],
                     found: dict[str, list[Any]]) -> bool:
    """Collect, per record key, every subschema the rules in `node` name under `properties`
    for it (envelope properties of the same name too: a needless check is harmless). False
    when the rules use a keyword that could see a record other than through those."""
    if isinstance(node, list):
        return all([_rule_subschemas(item, keys, found) for item in node])
    if not isinstance(node, dict):
        return True
    ok = set(node) <= _STRUCTURAL_KEYWORDS
    for keyword, value in node.items():
        if keyword == "properties" and isinstance(value, dict):
            for name, sub in value.items():
                if name in keys:
                    found.setdefault(name, []).append(sub)
                else:
                    ok = _rule_subschemas(sub, keys, found) and ok
        elif keyword not in ("required", "type", "title", "description", "$comment"):
            ok = _rule_subschemas(value, keys, found) and ok
    return ok


def _as_check(sub: Any) -> Check | None:
    """A rule's subschema for one record value as a check (None: it cannot stand alone)."""
    if "$ref" in json.dumps(sub):
        return None
    if sub == {"type": "null"}:
        return lambda v: v is None
    if set(sub) == {"const"} and (sub["const"] is None or isinstance(sub["const"], str | bool)):
        const = sub["const"]  # jsonschema tells true from 1: so does `is` for bools and None
        return (lambda v: v == const) if isinstance(const, str) else (lambda v: v is const)
    if set(sub) == {"pattern"}:
        pattern = re.compile(sub["pattern"])
        return lambda v: not isinstance(v, str) or pattern.search(v) is not None
    validator = Draft202012Validator(sub)
    return lambda v: bool(validator.is_valid(v))


@cache
def _record_rules() -> _RecordRules:
    schema = summary_schema()
    record = schema["$defs"]["record"]
    properties: dict[str, Check] = {}
    for key, sub in record["properties"].items():
        if set(sub) == {"$ref"}:  # "#/$defs/name": inline it so the subschema stands alone
            sub = schema["$defs"][sub["$ref"].rsplit("/", 1)[1]]
        properties[key] = _compile_simple(sub)
    keys = frozenset(record["properties"])
    rules = {k: v for k, v in record.items() if k not in ("properties", "required", "type",
                                                           "additionalProperties")}
    found: dict[str, list[Any]] = {}
    exact = _rule_subschemas([rules, schema.get("allOf", [])], keys, found)
    conditional: dict[str, tuple[Check, ...] | None] = {}
    if exact:
        for key, subs in found.items():
            distinct = {json.dumps(sub, sort_keys=True): sub for sub in subs}.values()
            checks = [_as_check(sub) for sub in distinct]
            conditional[key] = None if None in checks else tuple(c for c in checks if c)
    else:  # pragma: no cover - the shipped schema's rules are all structural
        conditional = dict.fromkeys(keys)
    return _RecordRules(frozenset(record["required"]), keys, properties, conditional)


def _distinct(values: Sequence[Any]) -> tuple[Sequence[Any], dict[Any, Any]]:
    """(hashable stand-ins for `values`, each distinct stand-in → a value it stands for).
    Stand-ins are equal only for values no schema could tell apart: True, 1 and 1.0 are
    equal in Python, so such columns go by type (and, when mixed, by type and repr)."""
    try:
        plain: dict[Any, None] | None = dict.fromkeys(values)
    except TypeError:  # lists
        plain = None
    if plain is not None and set(map(type, plain)) <= {str, type(None)}:
        return values, {v: v for v in plain}
    kinds = set(map(type, values))
    if kinds == {bool} or kinds == {int}:
        return values, {v: v for v in dict.fromkeys(values)}
    if kinds == {list}:
        tuples = list(map(tuple, values))
        try:
            distinct: dict[Any, None] | None = dict.fromkeys(tuples)
        except TypeError:  # lists in lists
            distinct = None
        if distinct is not None and set(map(type, chain.from_iterable(distinct))) <= {str}:
            return tuples, {t: list(t) for t in distinct}
    stand_ins = [(type(v), repr(v)) for v in values]
    return stand_ins, dict(zip(reversed(stand_ins), reversed(values), strict=True))


@dataclass(frozen=True)
class _Scan:
    doubt: int | None                # the first record the fast checks doubt
    representatives: list[int]       # without a doubt: one record per conditional combination
    # record key → (a stand-in per record, each distinct stand-in → a value it stands for)
    columns: dict[str, tuple[Sequence[Any], dict[Any, Any]]]


def _scan_records(records: list[Any], rules: _RecordRules) -> _Scan:
    keys = sorted(rules.required)
    getter: Callable[[Any], tuple[Any, ...]] = (
        itemgetter(*keys) if len(keys) > 1 else lambda r: tuple(r[k] for k in keys))
    rows: list[tuple[Any, ...]] | None = None
    doubt: int | None = None
    if rules.required <= rules.allowed and set(map(type, records)) <= {dict} and all(
            map(len(keys).__eq__, map(len, records))):
        with contextlib.suppress(KeyError):  # a record without a key it needs
            rows = list(map(getter, records))
    if rows is None:
        shape = dict.fromkeys(keys).keys()
        doubt = next((i for i, r in enumerate(records)
                      if not (isinstance(r, dict) and r.keys() == shape)), None)
        if not rules.required <= rules.allowed:
            doubt = 0 if records else None
        rows = [tuple(r[k] for k in keys) for r in records[:doubt]]
    limit = len(rows)
    columns: dict[str, tuple[Sequence[Any], dict[Any, Any]]] = {}
    for key, column in zip(keys, zip(*rows, strict=True) if rows else [()] * len(keys),
                           strict=True):
        values = column if limit == len(column) else column[:limit]
        stand_ins, distinct = _distinct(values)
        check = rules.properties[key]
        bad = [stand_in for stand_in, value in distinct.items() if not check(value)]
        if bad:
            doubt = limit = min(map(stand_ins.index, bad))  # earlier records passed so far
        columns[key] = (stand_ins, distinct)
    if doubt is not None:
        return _Scan(doubt, [], columns)
    parts: list[list[Any]] = []
    for key, checks in sorted(rules.conditional.items()):
        if key not in columns:
            continue
        stand_ins, distinct = columns[key]
        if checks is None:
            parts.append(list(stand_ins))
            continue
        verdicts = {s: tuple(check(value) for check in checks) for s, value in distinct.items()}
        parts.append(list(map(verdicts.__getitem__, stand_ins)))
    combos = list(zip(*parts, strict=True)) if parts else [()] * len(rows)
    firsts = dict(zip(reversed(combos), range(len(combos) - 1, -1, -1), strict=True))
    return _Scan(None, sorted(firsts.values()), columns)


def _schema_scan(document: Any) -> tuple[str | None, _Scan | None]:
    """(the first schema problem or None, what the fast path learnt of the records)."""
    records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(records, list):
        return _schema_problem(document), None
    problem = _schema_problem({**document, "records": []})
    if problem is not None:
        return problem, None
    scan = _scan_records(records, _record_rules())
    if scan.doubt is not None:
        problem = _record_problem(document, records, scan.doubt)
        # a doubt the full check does not share would be a bug in the fast checks: be exact
        return (problem if problem is not None else _schema_problem(document)), scan
    sample = [records[i] for i in scan.representatives]
    if _validator().is_valid({**document, "records": sample}):
        # the list-level keywords (maxItems) still apply to the whole list
        limit = summary_schema()["properties"]["records"].get("maxItems")
        if limit is not None and len(records) > limit:
            return msg("records holds {count} records, more than the {limit} allowed",
                       count=len(records), limit=limit), scan
        return None, scan
    for index in scan.representatives:
        problem = _record_problem(document, records, index)
        if problem is not None:
            return problem, scan
    return _schema_problem(document), scan  # pragma: no cover - the loop above finds it


def _fast_schema_problem(document: Any) -> str | None:
    return _schema_scan(document)[0]


def schema_problem(document: Any) -> str | None:
    """The first schema problem of a whole summary document, described for people; None when
    it is valid. Same verdict as full jsonschema validation, at a fraction of the cost."""
    return _fast_schema_problem(document)


def _record_problem(document: Mapping[str, Any], records: list[Any], index: int) -> str | None:
    """Validate one record in full, in its envelope, reporting its real index."""
    first = next(iter(_validator().iter_errors({**document, "records": [records[index]]})),
                 None)
    if first is None:
        return None
    error = best_match([first])
    path = list(error.absolute_path)
    if len(path) >= 2 and path[0] == "records" and path[1] == 0:
        path[1] = index
    return _describe(error, path)


def _check_codes(records: Sequence[Mapping[str, Any]], scan: _Scan | None = None) -> None:
    """Every code must be in this PeerDesk's taxonomy (the schema says so too; this says why)."""
    taxonomy = default_taxonomy()
    single = {key: frozenset(taxonomy.field(field).codes())
              for key, (field, _nullable) in SINGLE_CODE_KEYS.items()}
    multi = {key: frozenset(taxonomy.field(field).codes())
             for key, field in MULTI_CODE_KEYS.items()}
    # The distinct values the schema scan found first; only a file with an unknown code is
    # walked record by record, to name the first one.
    columns = scan.columns if scan is not None and records else {}
    if set(single) | set(multi) <= set(columns) and all(
            value is None or value in codes
            for key, codes in single.items() for value in columns[key][1].values()) and all(
            set(value) <= codes for key, codes in multi.items()
            for value in columns[key][1].values()):
        return
    for index, record in enumerate(records):
        for key, codes in single.items():
            value = record[key]
            if value is not None and value not in codes:
                raise _Reject(msg("{where} has the unknown code {value}",
                                  where=json_path(("records", index, key)), value=_short(value)))
        for key, codes in multi.items():
            for position, value in enumerate(record[key]):
                if value not in codes:
                    raise _Reject(msg("{where} has the unknown code {value}",
                                      where=json_path(("records", index, key, position)),
                                      value=_short(value)))


_TUPLE_FIELDS: Final = (*MULTI_CODE_KEYS, "referral_resources")


def _to_records(raws: Sequence[Mapping[str, Any]]) -> tuple[SummaryRecord, ...]:
    """`_to_record` for every validated record, three times as fast: each record holds exactly
    SummaryRecord's fields (the schema says so), so the instance dict is filled in one go
    instead of through the frozen dataclass's 21 `object.__setattr__` calls."""
    if set(RECORD_KEYS) != {field.name for field in dataclasses.fields(SummaryRecord)}:
        return tuple(map(_to_record, raws))  # pragma: no cover - the two are edited together
    new, set_attribute = object.__new__, object.__setattr__
    records: list[SummaryRecord] = []
    for raw in raws:
        values = dict(raw)
        for key in _TUPLE_FIELDS:
            values[key] = tuple(values[key])
        record = new(SummaryRecord)
        set_attribute(record, "__dict__", values)
        records.append(record)
    return tuple(records)


def _to_record(raw: Mapping[str, Any]) -> SummaryRecord:
    return SummaryRecord(
        id=raw["id"], revision=raw["revision"], period=raw["period"],
        duration_band=raw["duration_band"], kind=raw["kind"],
        group_size_band=raw["group_size_band"], contact=raw["contact"], channel=raw["channel"],
        origin=raw["origin"], behaviours=tuple(raw["behaviours"]),
        persistence=raw["persistence"], source_relation=raw["source_relation"],
        impacts=tuple(raw["impacts"]), risk_flags=tuple(raw["risk_flags"]),
        support_given=tuple(raw["support_given"]), referral_types=tuple(raw["referral_types"]),
        referral_resources=tuple(raw["referral_resources"]), next_step=raw["next_step"],
        follow_up_planned=raw["follow_up_planned"], org_unit=raw["org_unit"],
        peer_key=raw["peer_key"],
    )


def _check_document(document: Any) -> None:
    if not isinstance(document, dict):
        raise _Reject(msg("it holds {found} at the top level, not a PeerDesk summary object",
                          found=_json_type(document)))
    if document.get("format") != FORMAT:
        if "format" not in document:
            raise _Reject(msg("it is not a PeerDesk summary (format is missing; expected "
                              "{expected})", expected=repr(FORMAT)))
        raise _Reject(msg("it is not a PeerDesk summary (format is {found}; expected "
                          "{expected})", found=_short(document["format"]), expected=repr(FORMAT)))
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise _Reject(msg("it was made by a newer PeerDesk (summary version {version}; this "
                          "version reads up to {supported}). Update PeerDesk to import it",
                          version=version, supported=VERSION))
    problem, scan = _schema_scan(document)
    if problem is not None:
        raise _Reject(problem)
    taxonomy_version = document["taxonomy_version"]
    if taxonomy_version != default_taxonomy().version:
        raise _Reject(msg("it uses taxonomy version {version}, which this PeerDesk does not "
                          "know (it knows version {known}). Update PeerDesk to import it",
                          version=taxonomy_version, known=default_taxonomy().version))
    records = document["records"]
    if document["record_count"] != len(records):
        raise _Reject(msg("record_count says {stated} but the file holds {count} records (the "
                          "file was cut or edited)", stated=document["record_count"],
                          count=len(records)))
    _check_codes(records, scan)
    if _records_checksum_in_steps(records) != document["records_sha256"]:
        raise _Reject(msg("the records do not match their checksum (records_sha256): the file "
                          "was changed after export or is damaged. Ask the supporter to export "
                          "it again"))
    if scan is not None and {"period", "id"} <= set(scan.columns):
        periods, ids = scan.columns["period"][1], scan.columns["id"][1]
        if len(ids) == len(records) and all(_week_exists(p) for p in periods.values()):
            return  # the loop below would find nothing
    seen: set[str] = set()
    for index, record in enumerate(records):
        try:
            period_month(record["period"])
        except ValueError:
            raise _Reject(msg("{where} is {value}, a week that does not exist",
                              where=json_path(("records", index, "period")),
                              value=_short(record["period"]))) from None
        if record["id"] in seen:
            raise _Reject(msg("{where} repeats an earlier record's id",
                              where=json_path(("records", index, "id"))))
        seen.add(record["id"])


# -- entry points -----------------------------------------------------------------------------


def validate_summary_bytes(data: bytes, file_name: str) -> ValidatedSummary:
    """Validate a summary already in memory; raise `SummaryRejected` on any problem."""
    with collector_paused():  # no cycles; a third of the time otherwise
        return _validate_bytes(data, file_name)


def _validate_bytes(data: bytes, file_name: str) -> ValidatedSummary:
    try:
        if not data.strip():
            raise _Reject(msg("the file is empty"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Reject(msg("it is not UTF-8 text (invalid byte at position {position}); it is "
                              "not a PeerDesk summary or it was damaged",
                              position=exc.start)) from exc
        text = text.removeprefix("\ufeff")  # an editor's byte-order mark is harmless
        document = _parse_json(text)
        _check_document(document)
    except _Reject as exc:
        raise SummaryRejected(file_name, exc.problem) from None
    supporter = document["supporter"]
    return ValidatedSummary(
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        export_id=document["export_id"],
        created_at=document["created_at"],
        app_version=document["app_version"],
        taxonomy_version=document["taxonomy_version"],
        supporter_id=supporter["id"],
        supporter_alias=supporter["alias"],
        granularity=document["period"]["granularity"],
        period_from=document["period"]["from"],
        period_to=document["period"]["to"],
        records=_to_records(document["records"]),
    )


def validate_summary_file(path: Path, *, max_bytes: int = MAX_SUMMARY_BYTES) -> ValidatedSummary:
    """Check the size with `stat` first, then read and validate the file."""
    path = Path(path)
    name = path.name
    try:
        info = path.stat()
    except OSError as exc:
        raise SummaryRejected(name, _unreadable(exc)) from None
    if not path.is_file():
        raise SummaryRejected(name, msg("it is not a file"))
    if info.st_size > max_bytes:
        raise SummaryRejected(name, msg(
            "it is {size} MB; summaries larger than {limit} MB are refused. Ask the supporter "
            "to export a shorter period", size=f"{info.st_size / 1_048_576:.1f}",
            limit=f"{max_bytes / 1_048_576:.0f}"))
    try:
        # read at most one byte past the cap, in case the file grew after stat
        data = _read_capped(path, max_bytes)
    except OSError as exc:
        raise SummaryRejected(name, _unreadable(exc)) from None
    if len(data) > max_bytes:
        raise SummaryRejected(name, msg("it is larger than {limit} MB",
                                        limit=f"{max_bytes / 1_048_576:.0f}"))
    return validate_summary_bytes(data, name)


def _unreadable(error: OSError) -> Message:
    reason: str
    if error.errno == errno.ENOENT:
        reason = msg("the file does not exist")
    elif error.errno in (errno.EACCES, errno.EPERM):
        reason = msg("you are not allowed to read it")
    else:  # the operating system's own words, as it gives them
        reason = str(error.strerror or error)
    return msg("it could not be read ({reason})", reason=reason)


def _read_capped(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as stream:
        return stream.read(max_bytes + 1)
