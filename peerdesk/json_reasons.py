"""What Python's json module says went wrong, in words that can be translated.

Summary files and resource packs both report JSON errors; this is their one table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from peerdesk.translation import Message, msg

_JSON_REASONS: Final[Mapping[str, Message]] = {
    "Expecting value": msg("Expecting value"),
    "Expecting property name enclosed in double quotes":
        msg("Expecting property name enclosed in double quotes"),
    "Expecting ':' delimiter": msg("Expecting ':' delimiter"),
    "Expecting ',' delimiter": msg("Expecting ',' delimiter"),
    "Extra data": msg("Extra data"),
    "Invalid control character": msg("Invalid control character"),
    "Invalid \\escape": msg("Invalid \\escape"),
    "Invalid \\uXXXX escape": msg("Invalid \\uXXXX escape"),
    "Illegal trailing comma before end of object":
        msg("Illegal trailing comma before end of object"),
    "Illegal trailing comma before end of array":
        msg("Illegal trailing comma before end of array"),
}


def json_reason(text: str) -> str:
    """`JSONDecodeError.msg` as a translatable reason; unknown wordings are kept as they are."""
    reason = text.removesuffix(" at").removesuffix(" starting at")  # "Invalid … at"
    return _JSON_REASONS.get(reason, reason)
