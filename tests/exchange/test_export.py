"""Export v2: which months leave and why, the signed file, and what is remembered."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from peerdesk.exchange.export import (
    ExportError,
    export_from_vault,
    next_sequence,
    plan_from_vault,
)
from peerdesk.exchange.format import signed_content
from peerdesk.exchange.keys import SigningKeyStore, fingerprint, signature_valid
from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.vault import Vault

TODAY = dt.date(2026, 3, 15)


def _reasons(vault: Vault) -> dict[str, str]:
    plan = plan_from_vault(vault, today=TODAY, unsaved_drafts=0)
    return {m.month: m.reason for m in plan.months}


def _export(vault: Vault, path: Path) -> dict[str, object]:
    export_from_vault(vault, path)
    loaded: dict[str, object] = json.loads(path.read_bytes())
    return loaded


def test_each_export_sends_what_changed_and_says_why(vault: Vault, tmp_path: Path) -> None:
    repo = SessionRepository(vault)
    jan = repo.add(Session(date=dt.date(2026, 1, 10), consent_to_count=True))
    feb = repo.add(Session(date=dt.date(2026, 2, 10), consent_to_count=True))
    assert _reasons(vault) == {"2026-01": "new", "2026-02": "new"}
    first = _export(vault, tmp_path / "1.json")
    assert [m["month"] for m in first["months"]] == ["2026-01", "2026-02"]  # type: ignore[index]
    assert _reasons(vault) == {}

    repo.update(dataclasses.replace(jan, channel="phone"))             # an edit
    repo.delete(feb.id or 0)                                           # a deletion
    repo.add(Session(date=dt.date(2025, 12, 1), consent_to_count=True))  # logged late
    assert _reasons(vault) == {"2025-12": "new", "2026-01": "changed", "2026-02": "now_empty"}
    second = _export(vault, tmp_path / "2.json")
    empty = next(m for m in second["months"] if m["month"] == "2026-02")  # type: ignore[attr-defined]
    assert empty["contacts"] == 0
    assert second["sequence"] > first["sequence"]  # type: ignore[operator]

    # withdrawn consent empties its month; a session without consent changes nothing
    repo.update(dataclasses.replace(repo.get(jan.id or 0), consent_to_count=False))
    repo.add(Session(date=dt.date(2025, 12, 2), consent_to_count=False, notes="x"))
    assert _reasons(vault) == {"2026-01": "now_empty"}


def test_people_are_sent_per_month_quarter_and_year(vault: Vault, tmp_path: Path) -> None:
    repo = SessionRepository(vault)
    repo.add(Session(date=dt.date(2026, 1, 10), consent_to_count=True, peer_code="teal-fox-1"))
    repo.add(Session(date=dt.date(2026, 2, 10), consent_to_count=True, peer_code="TEAL-fox-1",
                     next_step="will_report_formally"))
    document = _export(vault, tmp_path / "1.json")
    people = {p["period"]: (p["people"], p["people_repeat"], p["people_formal"])
              for p in document["people"]}  # type: ignore[attr-defined]
    assert people == {"2026-01": (1, 0, 0), "2026-02": (1, 0, 1), "2026-Q1": (1, 1, 1),
                      "2026": (1, 1, 1)}
    # a month sent again takes its quarter and year along
    repo.add(Session(date=dt.date(2026, 2, 11), consent_to_count=True))
    plan = plan_from_vault(vault, today=TODAY, unsaved_drafts=0)
    assert {p.period: p.reason for p in plan.people} == {
        "2026-02": "resent", "2026-Q1": "resent", "2026": "resent"}


def test_the_file_is_signed_private_and_names_the_key(vault: Vault, tmp_path: Path) -> None:
    SessionRepository(vault).add(Session(date=dt.date(2026, 1, 10), consent_to_count=True))
    path = tmp_path / "s.json"
    result = export_from_vault(vault, path, alias="north-3")
    document = json.loads(path.read_bytes())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = SigningKeyStore(vault).key()
    assert document["supporter"]["public_key"] == key.public_hex
    assert result.fingerprint == fingerprint(key.public_hex) == key.fingerprint
    assert signature_valid(key.public_hex, document["signature"], signed_content(document))
    assert document["supporter"]["id"] == vault.journal_id


def test_the_key_is_made_once_and_stays_in_the_journal(vault: Vault) -> None:
    first = SigningKeyStore(vault).key()
    assert SigningKeyStore(vault).key().public_hex == first.public_hex
    assert vault.connection.execute("SELECT count(*) FROM exchange_signing_key").fetchone()[0] == 1


def test_nothing_to_send_writes_nothing(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Nothing changed"):
        export_from_vault(vault, tmp_path / "s.json")
    assert not (tmp_path / "s.json").exists()


def test_a_failed_write_remembers_nothing(vault: Vault, tmp_path: Path) -> None:
    SessionRepository(vault).add(Session(date=dt.date(2026, 1, 10), consent_to_count=True))
    with pytest.raises(Exception, match="does not exist"):
        export_from_vault(vault, tmp_path / "missing" / "s.json")
    assert _reasons(vault) == {"2026-01": "new"}


def test_months_outside_the_bounds_are_not_sent(vault: Vault) -> None:
    repo = SessionRepository(vault)
    repo.add(Session(date=dt.date(1999, 12, 31), consent_to_count=True))
    repo.add(Session(date=dt.date(2026, 5, 1), consent_to_count=True))   # after next month
    repo.add(Session(date=dt.date(2026, 4, 30), consent_to_count=True))  # next month
    plan = plan_from_vault(vault, today=TODAY, unsaved_drafts=0)
    assert [m.month for m in plan.months] == ["2026-04"]
    assert plan.left_out.outside_months == 2


def test_sequence_grows_with_each_export_and_with_the_clock() -> None:
    assert next_sequence(5, now=3) == 6
    assert next_sequence(5, now=1_800_000_000) == 1_800_000_000
