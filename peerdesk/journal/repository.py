"""The session repository: every question the app asks of the journal's sessions.

All SQL about sessions lives in the parts this class combines, one module per seam:
`session_store` (writing and reading whole sessions), `listing` (the list's pages, counts,
search and snippets) and `follow_ups`. A part can be used on its own; the names below are
re-exported so callers need one import. (What an export counts is asked by
`monthly_figures`, in SQL, not through this class.)
"""

from __future__ import annotations

from peerdesk.journal.follow_ups import FollowUpQueries, FollowUps
from peerdesk.journal.journal_access import SessionRow
from peerdesk.journal.listing import SORT_KEYS, SessionFilter, SessionListing
from peerdesk.journal.session_store import SessionAlreadySaved, SessionNotFound, SessionStore

__all__ = [
    "SORT_KEYS",
    "FollowUps",
    "SessionAlreadySaved",
    "SessionFilter",
    "SessionNotFound",
    "SessionRepository",
    "SessionRow",
]


class SessionRepository(SessionStore, SessionListing, FollowUpQueries):
    """Sessions of one open journal (see the module docstring for its parts).

    `connection` lets a worker thread use its own `vault.connect_another()` connection;
    `today` is injectable for tests (it decides what "follow-up due" means).
    """
