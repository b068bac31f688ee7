"""The supporter alias: a short label in the file that must never identify anyone.

Checked when exporting and again when importing (a file is untrusted): no control or
direction-changing characters, at most `MAX_ALIAS_LENGTH` characters, and nothing that the
journal's peer-code checks take for a name, an e-mail address or a phone number.
"""

from __future__ import annotations

import unicodedata

from peerdesk.errors import PeerDeskError
from peerdesk.exchange.format import MAX_ALIAS_LENGTH
from peerdesk.journal.peer_code import identifying_warnings
from peerdesk.translation import Message, msg

# Cc: control characters; Cf: format characters (bidi overrides, zero-width joiners);
# Co, Cs, Cn: private, surrogate and unassigned code points; Zl, Zp: line breaks.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})


class AliasRefused(PeerDeskError):
    """`reason` is a clause; the message a sentence that says what to do."""

    def __init__(self, reason: Message, advice: Message) -> None:
        super().__init__(msg("The alias cannot be used: {reason}. {advice}", reason=reason,
                             advice=advice))
        self.reason = reason


def clean_alias(alias: str | None) -> str | None:
    """The alias as written (NFC, single spaces), None when empty; `AliasRefused` when it
    has characters or a shape that must not leave the journal."""
    if alias is None:
        return None
    if any(unicodedata.category(ch) in _REFUSED_CATEGORIES for ch in alias):
        raise AliasRefused(msg("it contains control or direction-changing characters"),
                           msg("Type it again with letters, digits, spaces and dashes only."))
    cleaned = " ".join(unicodedata.normalize("NFC", alias).split())
    if not cleaned:
        return None
    if len(cleaned) > MAX_ALIAS_LENGTH:
        raise AliasRefused(msg("it is longer than {limit} characters", limit=MAX_ALIAS_LENGTH),
                           msg("Shorten it."))
    if identifying_warnings(cleaned):
        raise AliasRefused(msg("{alias} looks like a name, an e-mail address or a phone number",
                               alias=repr(cleaned)),
                           msg("Use a label that identifies no one, such as 'finance-2'."))
    return cleaned
