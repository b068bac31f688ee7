"""Export over a real encrypted journal: journal-core's repository, drafts and referrals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from peerdesk.exchange.deidentify import peer_key
from peerdesk.exchange.export import (
    LeftOut,
    plan_from_vault,
    read_export_inputs,
    remember_export,
    remembered_alias,
    remembered_last_until,
    write_export,
)
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.referrals.model import Resource
from peerdesk.referrals.packs import read_starter_pack
from peerdesk.referrals.repository import Resolution, ResourceRepository
from peerdesk.settings import Settings
from peerdesk.vault import Vault

DAY = dt.date(2026, 11, 2)


def fill(vault: Vault) -> list[Session]:
    resources = ResourceRepository(vault)
    resources.import_pack(read_starter_pack(), default=Resolution.TAKE)
    own = resources.add(Resource(id="", name="My contact at HR", type="hr"))
    repo = SessionRepository(vault)
    saved = [
        repo.add(Session(date=DAY, consent_to_count=True, peer_code="Blue Fox",
                         notes="private", referral_types=frozenset({"eap", "hr"}),
                         referral_resource_ids=("starter-eap", own.id))),
        repo.add(Session(date=DAY + dt.timedelta(days=3), consent_to_count=False)),
        repo.add(Session(date=DAY - dt.timedelta(days=60), consent_to_count=True)),
    ]
    DraftStore(vault).save("new", {"notes": "half-written"})
    return saved


def test_plan_and_write_from_a_real_journal(vault: Vault, tmp_path: Path) -> None:
    saved = fill(vault)
    plan = plan_from_vault(vault, DAY - dt.timedelta(days=7), DAY + dt.timedelta(days=7))
    assert plan.left_out == LeftOut(no_consent=1, outside_period=1, unsaved_drafts=1)
    assert [r["id"] for r in plan.records] == [saved[0].summary_id]
    record = plan.records[0]
    assert record["referral_resources"] == ["starter-eap"]   # the own entry is left out
    secret = vault.meta("peer_key_secret")
    assert record["peer_key"] == peer_key("blue fox", secret)
    result = write_export(plan, tmp_path / "s.json", alias="North")
    document = json.loads((tmp_path / "s.json").read_bytes())
    assert document["supporter"] == {"id": vault.journal_id, "alias": "North"}
    assert result.record_count == 1


def test_edit_then_reexport_keeps_id_and_raises_revision(vault: Vault) -> None:
    saved = fill(vault)
    repo = SessionRepository(vault)
    first = plan_from_vault(vault, DAY, DAY).records[0]
    repo.update(dataclasses.replace(saved[0], behaviours=frozenset({"online"})))
    second = plan_from_vault(vault, DAY, DAY).records[0]
    assert second["id"] == first["id"]
    assert second["revision"] == first["revision"] + 1
    assert second["behaviours"] == ["online"]


def test_worker_connection_and_inputs(vault: Vault) -> None:
    fill(vault)
    Settings(vault).set("export_period", "month")
    inputs = read_export_inputs(vault)
    conn = vault.connect_another()
    try:
        plan = plan_from_vault(vault, DAY, DAY, inputs=inputs, connection=conn)
    finally:
        conn.close()
    assert plan.records[0]["period"] == "2026-11"
    assert plan.left_out.unsaved_drafts == 1


def test_remembered_export_state(vault: Vault) -> None:
    fill(vault)
    assert remembered_last_until(vault) is None
    plan = plan_from_vault(vault, DAY, DAY + dt.timedelta(days=7))
    remember_export(vault, plan, "  North  ")
    assert remembered_last_until(vault) == DAY + dt.timedelta(days=7)
    assert remembered_alias(vault) == "North"
    older = plan_from_vault(vault, DAY - dt.timedelta(days=90), DAY - dt.timedelta(days=30))
    remember_export(vault, older, None)
    assert remembered_last_until(vault) == DAY + dt.timedelta(days=7)  # never moves back
    assert remembered_alias(vault) == ""


def test_export_never_reads_notes_or_reflections(vault: Vault) -> None:
    fill(vault)
    statements: list[str] = []
    vault.connection.set_trace_callback(statements.append)
    try:
        plan = plan_from_vault(vault, None, None)
    finally:
        vault.connection.set_trace_callback(None)
    assert plan.record_count == 2
    reads = [s for s in statements if "FROM session" in s]
    assert reads
    assert not [s for s in statements if "session_text" in s or "notes" in s]
