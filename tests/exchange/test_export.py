from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import re
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.errors import PeerDeskError
from peerdesk.exchange import export as export_module
from peerdesk.exchange.deidentify import ExportError, ExportSettings
from peerdesk.exchange.export import (
    ExportBugError,
    ExportPlan,
    LeftOut,
    build_envelope,
    check_envelope,
    clean_alias,
    default_period,
    plan_export,
    write_export,
)
from peerdesk.exchange.format import (
    HEX32_PATTERN,
    HEX64_PATTERN,
    MONTH_PATTERN,
    RESOURCE_ID_PATTERN,
    WEEK_PATTERN,
    canonical_records_bytes,
    records_checksum,
    summary_schema,
)
from peerdesk.journal.model import Session
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import localize
from tests.exchange.fakes import FakeDrafts, FakeSessions
from tests.exchange.strategies import (
    FIXED_CREATED_AT,
    FIXED_EXPORT_ID,
    NOTE_MARKER,
    ORG_UNITS,
    PEER_MARKER,
    REFLECTION_MARKER,
    UNIT_MARKER,
    session_lists,
    sessions,
)

SECRET = bytes(range(32))
SUPPORTER = "5" * 32
PACK_IDS = frozenset({"pack:eap-1", "pack:crisis"})
FAST = settings(max_examples=40, deadline=None)


def plan(sessions: list[Session], since: dt.date | None = None, until: dt.date | None = None,
         export_settings: ExportSettings | None = None, drafts: tuple[str, ...] = ()
         ) -> ExportPlan:
    return plan_export(FakeSessions(sessions), FakeDrafts(drafts),
                       export_settings or ExportSettings(org_units=ORG_UNITS), SECRET,
                       since, until, supporter_id=SUPPORTER, pack_resource_ids=PACK_IDS)


def file_bytes(export_plan: ExportPlan) -> bytes:
    """The exact bytes `write_export` writes (validated the same way), without the disk."""
    return check_envelope(build_envelope(export_plan, export_id=FIXED_EXPORT_ID,
                                         created_at=FIXED_CREATED_AT))


def allowed_string(value: str) -> bool:
    taxonomy = default_taxonomy()
    codes = {code for f in taxonomy.fields.values() for code in f.codes()}
    patterns = (HEX32_PATTERN, HEX64_PATTERN, WEEK_PATTERN, MONTH_PATTERN)
    return (value in codes or value in ORG_UNITS or value in PACK_IDS
            or any(re.fullmatch(p, value) for p in patterns))


def strings_in(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, value in node.items() for s in [key, *strings_in(value)]]
    if isinstance(node, list):
        return [s for value in node for s in strings_in(value)]
    return []


# -- property tests ---------------------------------------------------------------------------


_VALIDATOR = jsonschema.Draft202012Validator(summary_schema())


@FAST
@given(session_lists(), st.sampled_from(["week", "month"]), st.booleans(),
       st.randoms(use_true_random=False))
def test_export_properties_over_random_sessions(sessions: list[Session],
                                                period: str, peer_keys: bool,
                                                rnd: random.Random) -> None:
    export_settings = ExportSettings(period=period, include_peer_key=peer_keys,
                                     org_units=ORG_UNITS)
    data = file_bytes(plan(sessions, export_settings=export_settings))
    text = data.decode("utf-8")
    document = json.loads(data)
    records = document["records"]

    # no note, reflection, peer code or free-text org unit ever appears
    for marker in (NOTE_MARKER, REFLECTION_MARKER, PEER_MARKER, UNIT_MARKER):
        assert marker not in text
    # no exact date (session or follow-up) in any spelling, no start time in the records
    record_text = canonical_records_bytes(records).decode("utf-8")
    for session in sessions:
        for day in (session.date, session.follow_up_date):
            if day is not None:
                assert day.isoformat() not in text
                assert day.strftime("%Y%m%d") not in text
        if session.start_time is not None:
            assert session.start_time.strftime("%H:%M") not in record_text
    # every string in the records is a code, an id, a hash, a period or a listed unit/pack id
    keys = set(records[0]) if records else set()
    assert all(allowed_string(s) or s in keys for s in strings_in(records))

    # exactly the consented sessions, at their revisions, sorted by id
    consented = {s.summary_id: s.revision for s in sessions if s.consent_to_count}
    assert {r["id"]: r["revision"] for r in records} == consented
    assert [r["id"] for r in records] == sorted(consented)
    for session in sessions:
        if not session.consent_to_count:
            assert session.summary_id not in text

    # schema-valid, counted, checksum verifies
    assert list(_VALIDATOR.iter_errors(document)) == []
    assert document["record_count"] == len(consented)
    assert document["records_sha256"] == records_checksum(records)
    assert document["generalisation"] == {"period": period, "peer_key": peer_keys,
                                          "org_unit": True}

    # deterministic: the same sessions in another order give the same bytes
    shuffled = list(sessions)
    rnd.shuffle(shuffled)
    assert file_bytes(plan(shuffled, export_settings=export_settings)) \
        == data


@FAST
@given(sessions(consent=True), sessions(consent=True))
def test_reexport_after_an_edit_keeps_the_id_and_raises_the_revision(
        original: Session, edited_fields: Session) -> None:
    edited = dataclasses.replace(
        edited_fields, summary_id=original.summary_id, id=original.id,
        consent_to_count=True, revision=original.revision + 1)
    before = json.loads(file_bytes(plan([original])))["records"]
    after = json.loads(file_bytes(plan([edited])))["records"]
    assert [r["id"] for r in before] == [r["id"] for r in after] == [original.summary_id]
    assert after[0]["revision"] == before[0]["revision"] + 1


def test_export_id_and_created_at_are_the_only_differences(tmp_path: Path) -> None:
    sessions = [Session(date=dt.date(2026, 3, d), consent_to_count=True, revision=1)
                for d in (2, 9)]
    export_plan = plan(sessions)
    write_export(export_plan, tmp_path / "a.json")
    write_export(export_plan, tmp_path / "b.json")
    a = json.loads((tmp_path / "a.json").read_bytes())
    b = json.loads((tmp_path / "b.json").read_bytes())
    assert a["export_id"] != b["export_id"]
    for document in (a, b):
        del document["export_id"], document["created_at"]
    assert a == b


# -- plan -------------------------------------------------------------------------------------


def day(n: int) -> dt.date:
    return dt.date(2026, 3, 1) + dt.timedelta(days=n)


def test_plan_counts_what_is_left_out_and_why() -> None:
    sessions = [
        Session(date=day(0), consent_to_count=True, revision=1),
        Session(date=day(5), consent_to_count=True, revision=2),
        Session(date=day(6), consent_to_count=False, revision=1),
        Session(date=day(-3), consent_to_count=True, revision=1),   # before
        Session(date=day(40), consent_to_count=False, revision=1),  # after
    ]
    result = plan(sessions, since=day(0), until=day(10), drafts=("new", "session:4"))
    assert result.record_count == 2
    assert result.left_out == LeftOut(no_consent=1, outside_period=2, unsaved_drafts=2)
    assert result.left_out.total == 5
    assert (result.period_from, result.period_to) == ("2026-W09", "2026-W11")


def test_plan_without_bounds_uses_the_sessions_own_range() -> None:
    sessions = [Session(date=day(0), consent_to_count=True, revision=1),
                Session(date=day(33), consent_to_count=True, revision=1)]
    result = plan(sessions, export_settings=ExportSettings(period="month"))
    assert (result.period_from, result.period_to) == ("2026-03", "2026-04")


def test_plan_refuses_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ExportError, match="starts") as caught:
        plan([], since=day(5), until=day(1))
    assert localize(caught.value, "es") == (
        f"El periodo empieza ({day(5).isoformat()}) después de terminar ({day(1).isoformat()}). "
        "Elige un inicio igual o anterior al final.")


def test_plan_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    sessions = [Session(date=day(i % 20), revision=1, consent_to_count=i % 6 != 0)
                for i in range(120)]
    plan_export(FakeSessions(sessions), None, ExportSettings(), SECRET, None, None,
                supporter_id=SUPPORTER, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (120, 120)
    assert len(seen) >= 3


def test_without_a_referral_directory_no_resource_ids_are_exported() -> None:
    session = Session(date=day(1), consent_to_count=True, revision=1,
                      referral_resource_ids=("pack:eap-1",))
    result = plan_export(FakeSessions([session]), None, ExportSettings(), SECRET, None, None,
                         supporter_id=SUPPORTER, pack_resource_ids=None)
    assert result.resource_ids_available is False
    assert result.records[0]["referral_resources"] == []


def test_resource_id_pattern_accepts_referral_ids() -> None:
    from peerdesk.referrals.model import ID_PATTERN, new_resource_id

    assert re.fullmatch(RESOURCE_ID_PATTERN, new_resource_id())
    assert ID_PATTERN.pattern.endswith("{0,63}")  # ours allows up to 100: a superset


# -- write ------------------------------------------------------------------------------------


def test_write_is_private_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "summary.json"
    result = write_export(plan([Session(date=day(1), consent_to_count=True, revision=1)]),
                          path, alias="  Supporter   North ")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.json"]
    document = json.loads(path.read_bytes())
    assert document["supporter"] == {"id": SUPPORTER, "alias": "Supporter North"}
    assert result.record_count == 1
    assert result.records_sha256 == document["records_sha256"]


def test_a_schema_violation_is_a_bug_and_writes_nothing(tmp_path: Path) -> None:
    good = plan([Session(date=day(1), consent_to_count=True, revision=1)])
    broken_record = {**good.records[0], "notes": "this must never be written"}
    broken = dataclasses.replace(good, records=(broken_record,))
    path = tmp_path / "summary.json"
    path.write_bytes(b"previous file")
    with pytest.raises(ExportBugError, match="schema"):
        write_export(broken, path)
    assert path.read_bytes() == b"previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.json"]


def test_writing_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PeerDeskError, match="does not exist"):
        write_export(plan([]), tmp_path / "nope" / "summary.json")


def test_an_empty_export_is_still_a_valid_file(tmp_path: Path) -> None:
    document = json.loads(file_bytes(plan([], since=day(0), until=day(6))))
    assert document["records"] == []
    assert document["record_count"] == 0


def test_created_at_is_utc_whole_seconds() -> None:
    moment = dt.datetime(2026, 11, 21, 11, 0, 0, 123, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert build_envelope(plan([]), created_at=moment)["created_at"] == "2026-11-21T10:00:00Z"


def test_alias_rules() -> None:
    assert clean_alias(None) is None
    assert clean_alias("   ") is None
    assert clean_alias("North\nsite") == "North site"
    with pytest.raises(ExportError, match="alias"):
        clean_alias("x" * 81)


def test_default_period() -> None:
    today = dt.date(2026, 11, 21)
    assert default_period(None, today) == (dt.date(2026, 10, 23), today)
    assert default_period(dt.date(2026, 10, 31), today) == (dt.date(2026, 11, 1), today)
    assert default_period(today, today) == (today, today)


def test_worked_example_in_the_docs_matches() -> None:
    """docs/summary-format.md shows a checksum computed by hand; keep it true."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "summary-format.md").read_text()
    block = docs.split("<!-- checksum-example -->")[1]
    records = json.loads(re.search(r"```json\n(.*?)```", block, re.S).group(1))  # type: ignore[union-attr]
    canonical = re.search(r"```text\n(.*?)\n```", block, re.S).group(1)  # type: ignore[union-attr]
    digest = re.search(r"`([0-9a-f]{64})`", block).group(1)  # type: ignore[union-attr]
    assert canonical_records_bytes(records).decode("utf-8") == canonical
    assert records_checksum(records) == digest


def test_module_has_no_qt() -> None:
    assert "PySide6" not in Path(export_module.__file__).read_text()
