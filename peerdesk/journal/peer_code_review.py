"""The one-time review of peer codes saved before PeerDesk refused identifying ones.

Older journals (and older CSV imports) may hold codes such as "Maria Lopez" that show in window
titles, follow-ups and dialogs. After unlock the supporter is shown them once, with the choice to
replace each with a generated code or to keep them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from peerdesk.journal.peer_code import generate_peer_code, identifying_warnings
from peerdesk.journal.repository import SessionRepository


@dataclass(frozen=True)
class FlaggedCode:
    code: str
    why: str  # the warning: looks like an e-mail address, a phone number or a name


def flag_identifying(codes: Iterable[str]) -> list[FlaggedCode]:
    """The codes that look like they identify someone (pure: safe on a worker thread)."""
    flagged: list[FlaggedCode] = []
    for code in codes:
        warnings = identifying_warnings(code)
        if warnings:
            flagged.append(FlaggedCode(code, warnings[0]))
    return flagged


def replace_peer_code(repo: SessionRepository, old: str, new: str | None = None) -> str:
    """Give every session with peer code `old` the code `new` (a generated one by default),
    so the sessions stay linked to each other; returns the new code."""
    in_use = set(repo.peer_codes())
    code = new
    while code is None or code in in_use:
        code = generate_peer_code()
    for session in repo.peer_timeline(old):
        repo.update(dataclasses.replace(session, peer_code=code))
    return code
