"""Drafts live in the vault: save, load, replace, discard, list."""

from __future__ import annotations

from pathlib import Path

from peerdesk.journal.drafts import DraftStore
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


def test_round_trip_replace_discard(vault: Vault) -> None:
    drafts = DraftStore(vault)
    assert drafts.load("new") is None
    assert drafts.keys() == []
    payload: dict[str, object] = {"notes": "Left off the rota — «again»", "behaviours": ["online"],
                                  "duration_minutes": 30, "follow_up_date": None}
    drafts.save("new", payload)
    assert drafts.load("new") == payload
    drafts.save("new", {"notes": "changed"})
    assert drafts.load("new") == {"notes": "changed"}
    drafts.save("session:7", {"notes": "x"})
    assert sorted(drafts.keys()) == ["new", "session:7"]
    drafts.discard("new")
    drafts.discard("never-saved")
    assert drafts.keys() == ["session:7"]


def test_drafts_survive_closing_the_journal(journal_path: Path) -> None:
    with Vault.create(journal_path, PASSPHRASE) as vault:
        DraftStore(vault).save("new", {"notes": "half-written"})
    with Vault.open(journal_path, PASSPHRASE) as vault:
        assert DraftStore(vault).load("new") == {"notes": "half-written"}
