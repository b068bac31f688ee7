"""The one-time review of identifying peer codes: which are flagged, and replacing them."""

from __future__ import annotations

import datetime as dt

from peerdesk.journal.model import Session
from peerdesk.journal.peer_code_review import flag_identifying, replace_peer_code
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault


def test_names_emails_and_phone_numbers_are_flagged() -> None:
    flagged = flag_identifying(["amber-heron-27", "Maria Lopez", "jo@example.org",
                                "+44 7700 900123", "group-b"])
    assert [f.code for f in flagged] == ["Maria Lopez", "jo@example.org", "+44 7700 900123"]
    assert "e-mail" in flagged[1].why


def test_replacing_a_code_keeps_its_sessions_linked(vault: Vault) -> None:
    repo = SessionRepository(vault)
    for day in (1, 2):
        repo.add(Session(date=dt.date(2026, 3, day), peer_code="Maria Lopez",
                         consent_to_count=True))
    other = repo.add(Session(date=dt.date(2026, 3, 3), peer_code="calm-otter-11"))
    new = replace_peer_code(repo, "Maria Lopez")
    assert not flag_identifying([new])
    assert repo.peer_timeline("Maria Lopez") == []
    moved = repo.peer_timeline(new)
    assert [s.date.day for s in moved] == [1, 2]
    assert all(s.revision == 2 for s in moved)
    assert repo.get(other.id or 0).peer_code == "calm-otter-11"
    assert replace_peer_code(repo, "calm-otter-11", "slate-quail-83") == "slate-quail-83"
