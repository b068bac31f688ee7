"""Passphrase rules: normalisation, refusal of unusable input, and a strength hint."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from peerdesk.errors import PeerDeskError
from peerdesk.translation import Message, msg


class PassphraseError(PeerDeskError):
    """The passphrase cannot be used (empty, or contains a character SQLCipher cannot take)."""


def normalize_passphrase(passphrase: str) -> str:
    """NFC-normalise so the same words typed on any keyboard or OS give the same key."""
    if not passphrase:
        raise PassphraseError(msg("The passphrase is empty. Type your passphrase and try again."))
    normalized = unicodedata.normalize("NFC", passphrase)
    if "\x00" in normalized:
        raise PassphraseError(msg("The passphrase contains a NUL character, which cannot be "
                                  "used."))
    return normalized


def key_pragma_literal(passphrase: str) -> str:
    """The passphrase as an SQL string literal for `PRAGMA key` (single quotes doubled)."""
    return "'" + normalize_passphrase(passphrase).replace("'", "''") + "'"


class Strength(Enum):
    TOO_SHORT = "too_short"
    WEAK = "weak"
    FAIR = "fair"
    STRONG = "strong"


@dataclass(frozen=True)
class StrengthHint:
    strength: Strength
    message: Message


_COMMON = {
    "password", "passphrase", "peerdesk", "123456", "12345678", "qwerty", "letmein",
    "welcome", "iloveyou", "admin", "abc123", "support", "journal",
}
MIN_LENGTH = 10


def strength_hint(passphrase: str) -> StrengthHint:
    """A rough, honest hint: length matters most; several words beat symbols."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MIN_LENGTH:
        return StrengthHint(
            Strength.TOO_SHORT,
            msg("Too short: use at least {minimum} characters — a few unrelated words work "
                "well.", minimum=MIN_LENGTH),
        )
    lowered = text.lower()
    if lowered in _COMMON or len(set(lowered)) <= 3:
        return StrengthHint(Strength.WEAK, msg("Easy to guess: avoid common words and repeats."))
    classes = sum(
        [
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        ]
    )
    words = len([w for w in text.replace("-", " ").split() if w])
    if len(text) >= 20 or (len(text) >= 14 and (classes >= 3 or words >= 3)):
        return StrengthHint(Strength.STRONG,
                            msg("Strong: hard to guess, still possible to remember."))
    if len(text) >= 14 or classes >= 3:
        return StrengthHint(Strength.FAIR, msg("Fair: another word would make it much stronger."))
    return StrengthHint(Strength.WEAK,
                        msg("Weak: make it longer — four unrelated words work well."))
