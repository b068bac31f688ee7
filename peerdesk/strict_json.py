"""The one reader for JSON that comes from outside: summary files and resource packs.

Checks, in order: size (from `stat`, before a byte is read) → strict UTF-8 → nesting depth (a
scan without recursion, so a hostile file cannot exhaust the stack) → strict JSON: duplicate
keys, NaN/Infinity and over-long numbers are refused. Every problem raises `JsonRejected`
with a clause (a `Message`) that callers put after the file's name.
"""

from __future__ import annotations

import errno
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from peerdesk.errors import PeerDeskError
from peerdesk.json_reasons import json_reason
from peerdesk.translation import Message, msg

_NOT_DEPTH_MARKS: Final = bytes(range(256)).translate(None, b'[]{}"')


@dataclass(frozen=True)
class JsonLimits:
    max_bytes: int
    max_depth: int = 16
    max_number_chars: int = 24


class JsonRejected(PeerDeskError):
    """Untrusted JSON that is refused; `problem` is a clause without a final stop."""

    def __init__(self, problem: Message) -> None:
        super().__init__(problem)
        self.problem = problem


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f}"


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            raise JsonRejected(msg("the key {key} appears twice in one object", key=repr(key)))
        seen.add(key)
    return result  # pragma: no cover - a shorter dict always has a repeated key


def _no_constants(name: str) -> Any:
    raise JsonRejected(msg("it contains the non-standard number {name}", name=name))


def _too_deep(data: bytes, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than `limit`; strings are skipped by
    walking only the bytes that matter (brackets and quotes), once the escaped backslashes
    and quotes are gone (an escape such as \\n once left its backslash to swallow the
    string's closing quote)."""
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = unescaped.translate(None, _NOT_DEPTH_MARKS)
    depth = 0
    in_string = False
    for byte in marks:
        if byte == 0x22:  # quote
            in_string = not in_string
        elif in_string:
            continue
        elif byte in b"[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


@cache
def _long_run_of_number_chars(limit: int) -> re.Pattern[bytes]:
    """More than `limit` bytes in a row that can make up a number literal. Where the text has
    none, no number in it can be too long, and the per-number check is skipped."""
    return re.compile(rb"[-+0-9.eE]{%d,}" % (limit + 1))


def parse_json_bytes(data: bytes, limits: JsonLimits) -> Any:
    """The JSON value in `data`, read strictly; raises `JsonRejected`."""
    if len(data) > limits.max_bytes:
        raise JsonRejected(msg("it is {size} MB; files larger than {limit} MB are refused",
                               size=_megabytes(len(data)), limit=_megabytes(limits.max_bytes)))
    if not data.strip():
        raise JsonRejected(msg("the file is empty"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonRejected(msg("it is not UTF-8 text (invalid byte at position {position})",
                               position=exc.start)) from None
    # An escape in the text could still be a lone surrogate: refused below by re-encoding.
    if _too_deep(data, limits.max_depth):
        raise JsonRejected(msg("it is nested more than {depth} levels deep",
                               depth=limits.max_depth))

    def checked_int(digits: str) -> int:
        if len(digits) > limits.max_number_chars:
            raise JsonRejected(msg("it contains a number with {digits} digits, far too long",
                                   digits=len(digits)))
        return int(digits)

    def checked_float(digits: str) -> float:
        if len(digits) > limits.max_number_chars:
            raise JsonRejected(msg("it contains a number with {digits} digits, far too long",
                                   digits=len(digits)))
        value = float(digits)
        if value in (float("inf"), float("-inf")):
            raise JsonRejected(msg("it contains a number too large to represent"))
        return value

    long_numbers_possible = _long_run_of_number_chars(limits.max_number_chars).search(data)
    try:
        document = json.loads(
            text.removeprefix("\ufeff"),  # an editor's byte-order mark is harmless
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constants,
            parse_int=checked_int if long_numbers_possible else None,
            parse_float=checked_float,
        )
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise JsonRejected(msg("the file ends too early (it looks truncated or "
                                   "incompletely copied)")) from None
        raise JsonRejected(msg("it is not valid JSON ({reason} at line {line}, column {column})",
                               reason=json_reason(exc.msg), line=exc.lineno,
                               column=exc.colno)) from None
    except RecursionError:  # pragma: no cover - the depth scan refuses this first
        raise JsonRejected(msg("it is nested too deeply")) from None
    # only a \u escape can make a lone surrogate: valid UTF-8 text cannot hold one
    if b"\\u" in data and _has_lone_surrogate(document):
        raise JsonRejected(msg("it contains an invalid \\u escape (a lone surrogate)"))
    return document


def _has_lone_surrogate(value: Any) -> bool:
    """Whether any string (key or value) holds a lone surrogate such as "\\ud800"."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def unreadable(error: OSError) -> Message:
    """Why a file could not be read, as a clause."""
    reason: str
    if error.errno == errno.ENOENT:
        reason = msg("the file does not exist")
    elif error.errno in (errno.EACCES, errno.EPERM):
        reason = msg("you are not allowed to read it")
    elif error.errno == errno.EISDIR:
        reason = msg("it is a folder, not a file")
    else:  # the operating system's own words, as it gives them
        reason = str(error.strerror or error)
    return msg("it could not be read ({reason})", reason=reason)


def read_capped(path: Path, limits: JsonLimits) -> bytes:
    """The file's bytes after checking its size with `stat` (reading at most one byte past
    the cap, in case it grew meanwhile); raises `JsonRejected`."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise JsonRejected(msg("it is not a file"))
        if size > limits.max_bytes:
            raise JsonRejected(msg("it is {size} MB; files larger than {limit} MB are refused",
                                   size=_megabytes(size), limit=_megabytes(limits.max_bytes)))
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise JsonRejected(unreadable(exc)) from None
    return data


def read_json_file(path: Path, limits: JsonLimits) -> tuple[Any, bytes]:
    """(the document, the file's bytes) of an untrusted JSON file; raises `JsonRejected`."""
    data = read_capped(Path(path), limits)
    return parse_json_bytes(data, limits), data
