from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.exchange.deidentify import (
    ExportError,
    ExportSettings,
    deidentify,
    duration_band,
    group_size_band,
    org_unit_code,
    peer_key,
    period_code,
)
from peerdesk.exchange.format import RECORD_KEYS
from peerdesk.journal.model import Session
from peerdesk.settings import Settings
from peerdesk.translation import localize
from peerdesk.vault import Vault
from tests.exchange.strategies import ORG_UNITS, sessions

SECRET = b"s" * 32


def saved(**changes: object) -> Session:
    base = Session(date=dt.date(2026, 11, 4), consent_to_count=True, revision=1,
                   summary_id="0123456789abcdef0123456789abcdef")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "week", "month"),
    [
        (dt.date(2026, 11, 4), "2026-W45", "2026-11"),
        (dt.date(2021, 1, 1), "2020-W53", "2021-01"),   # ISO year differs from calendar year
        (dt.date(2024, 12, 30), "2025-W01", "2024-12"),
        (dt.date(2026, 1, 5), "2026-W02", "2026-01"),
    ],
)
def test_period_code(day: dt.date, week: str, month: str) -> None:
    assert period_code(day, "week") == week
    assert period_code(day, "month") == month


@pytest.mark.parametrize(
    ("minutes", "band"),
    [(0, "under_15"), (14, "under_15"), (15, "15_to_29"), (29, "15_to_29"), (30, "30_to_44"),
     (44, "30_to_44"), (45, "45_to_59"), (59, "45_to_59"), (60, "60_plus"), (600, "60_plus")],
)
def test_duration_band(minutes: int, band: str) -> None:
    assert duration_band(minutes) == band


@pytest.mark.parametrize(
    ("kind", "size", "band"),
    [("one_to_one", None, None), ("one_to_one", 7, None), ("group", None, None),
     ("group", 1, None), ("group", 2, "2_to_4"), ("group", 4, "2_to_4"), ("group", 5, "5_to_9"),
     ("group", 9, "5_to_9"), ("group", 10, "10_plus"), ("group", 300, "10_plus")],
)
def test_group_size_band(kind: str, size: int | None, band: str | None) -> None:
    assert group_size_band(kind, size) == band


def test_peer_key_is_hmac_of_the_normalised_code() -> None:
    expected = hmac.new(SECRET, b"ab-12", hashlib.sha256).hexdigest()
    assert peer_key("  AB-12 ", SECRET) == expected
    assert peer_key("ab-12", SECRET) == expected
    assert peer_key("ab-12", b"another journal" * 2) != expected
    assert peer_key("   ", SECRET) is None


def test_peer_key_normalises_unicode() -> None:
    assert peer_key("Re\u0301my", SECRET) == peer_key("RÉMY", SECRET)


def test_org_unit_only_from_the_coordinators_list() -> None:
    assert org_unit_code(" finance ", ORG_UNITS) == "Finance"
    assert org_unit_code("ward  7", ORG_UNITS) == "Ward 7"
    assert org_unit_code("Finance - Jo's team", ORG_UNITS) is None
    assert org_unit_code(None, ORG_UNITS) is None
    assert org_unit_code("Finance", ()) is None


def test_record_has_every_key_in_file_order() -> None:
    record = deidentify(saved(), ExportSettings(), SECRET)
    assert tuple(record) == RECORD_KEYS


def test_full_record() -> None:
    session = saved(
        duration_minutes=35, kind="group", group_size=6, contact="follow_up", channel="video",
        origin="self_referred", behaviours=frozenset({"work_related", "online"}),
        persistence="over_six_months", source_relation="manager",
        impacts=frozenset({"wellbeing"}), risk_flags=frozenset({"self_harm"}),
        support_given=frozenset({"referral", "listened"}), referral_types=frozenset({"eap"}),
        referral_resource_ids=("starter:eap", "own-0011223344556677"), next_step="no_action",
        follow_up_date=dt.date(2026, 11, 20), peer_code="Blue Fox", org_unit="finance",
        notes="Sam from payroll", reflection="hard one", revision=4,
    )
    record = deidentify(session, ExportSettings(org_units=ORG_UNITS), SECRET,
                        pack_resource_ids={"starter:eap"})
    assert record == {
        "id": "0123456789abcdef0123456789abcdef", "revision": 4, "period": "2026-W45",
        "duration_band": "30_to_44", "kind": "group", "group_size_band": "5_to_9",
        "contact": "follow_up", "channel": "video", "origin": "self_referred",
        "behaviours": ["online", "work_related"], "persistence": "over_six_months",
        "source_relation": "manager", "impacts": ["wellbeing"], "risk_flags": ["self_harm"],
        "support_given": ["listened", "referral"], "referral_types": ["eap"],
        "referral_resources": ["starter:eap"], "next_step": "no_action",
        "follow_up_planned": True, "org_unit": "Finance", "peer_key": peer_key("blue fox", SECRET),
    }


def test_settings_switch_off_peer_key_and_use_months() -> None:
    record = deidentify(saved(peer_code="P1"), ExportSettings(period="month",
                                                             include_peer_key=False), SECRET)
    assert record["peer_key"] is None
    assert record["period"] == "2026-11"


def test_org_unit_is_null_when_the_coordinator_supplied_no_list() -> None:
    assert deidentify(saved(org_unit="Finance"), ExportSettings(), SECRET)["org_unit"] is None


def test_own_resource_ids_are_never_exported() -> None:
    record = deidentify(saved(referral_resource_ids=("own-1", "pack:a")), ExportSettings(),
                        SECRET, pack_resource_ids=frozenset())
    assert record["referral_resources"] == []


def test_refuses_sessions_without_consent_or_never_saved() -> None:
    with pytest.raises(ValueError, match="consent"):
        deidentify(saved(consent_to_count=False), ExportSettings(), SECRET)
    with pytest.raises(ValueError, match="saved"):
        deidentify(saved(revision=0), ExportSettings(), SECRET)


def test_unknown_code_is_an_export_error_naming_the_week_not_the_date() -> None:
    with pytest.raises(ExportError, match="2026-W45") as caught:
        deidentify(saved(behaviours=frozenset({"shouting"})), ExportSettings(), SECRET)
    assert "2026-11-04" not in str(caught.value)
    # in Spanish too, with the week, the code and the field name as they are
    assert localize(caught.value, "es") == (
        "Una sesión de 2026-W45 tiene el código desconocido 'shouting' para 'behaviour'. "
        "Ábrela en el diario, corrígela y vuelve a exportar.")


def test_export_settings_from_journal_settings(vault: Vault) -> None:
    settings = Settings(vault)
    assert ExportSettings.from_settings(settings) == ExportSettings()
    settings.set("export_period", "month")
    settings.set("export_peer_key", False)
    settings.set("org_units", [" Finance ", "", "Ward 7"])
    assert ExportSettings.from_settings(settings) == ExportSettings(
        period="month", include_peer_key=False, org_units=("Finance", "Ward 7"))


@settings(max_examples=80, deadline=None)
@given(sessions(consent=True), st.sampled_from(["week", "month"]), st.booleans())
def test_record_values_are_only_codes_ids_and_bands(session: Session, period: str,
                                                    with_units: bool) -> None:
    export_settings = ExportSettings(period=period, org_units=ORG_UNITS if with_units else ())
    record = deidentify(session, export_settings, SECRET, pack_resource_ids={"pack:eap-1"})
    assert record["id"] == session.summary_id
    assert record["revision"] == session.revision
    assert record["follow_up_planned"] is (session.follow_up_date is not None)
    assert record["org_unit"] in (*ORG_UNITS, None)
    assert set(record["referral_resources"]) <= {"pack:eap-1"}
    flat = repr(record)
    for private in (session.notes, session.reflection):
        assert private not in flat
    if session.peer_code.strip():
        assert session.peer_code not in flat
    assert session.date.isoformat() not in flat
