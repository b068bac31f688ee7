"""What the repository's parts share: whole sessions read back in the order asked for."""

from __future__ import annotations

import datetime as dt

from peerdesk.journal.journal_access import JournalAccess, codes, codes_text
from peerdesk.journal.model import new_summary_id
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault
from tests.journal.factories import full_session


def test_sessions_come_back_in_the_order_asked_for_with_their_referrals(
        plain_vault: Vault) -> None:
    repo = SessionRepository(plain_vault)
    saved = [repo.add(full_session(date=dt.date(2026, 1, day), summary_id=new_summary_id(),
                                   referral_resource_ids=(f"own:{day}", "pack:eap-line")))
             for day in (1, 2, 3)]
    access = JournalAccess(plain_vault)
    ids = [s.id or 0 for s in reversed(saved)]
    found = access._sessions_by_ids([*ids, 999])  # an id that is not there is left out
    assert [s.id for s in found] == ids
    assert found[0].referral_resource_ids == ("own:3", "pack:eap-line")  # order kept
    assert found == list(reversed(saved))


def test_coded_fields_are_stored_sorted_and_read_back_as_sets() -> None:
    assert codes_text(frozenset({"online", "work_related"})) == "online work_related"
    assert codes("online work_related") == frozenset({"online", "work_related"})
    assert codes("") == frozenset()
    assert codes(None) == frozenset()
