"""The directory in the journal: CRUD, search and filters, usage, pack imports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.referrals import (
    PackError,
    Resolution,
    Resource,
    ResourceError,
    ResourceNotFound,
    ResourcePack,
    ResourceRepository,
    read_pack,
    read_starter_pack,
    write_pack,
)
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.referrals.helpers import DEMO_PACK, demo_document, own, pack_file


@pytest.fixture
def repo(vault: Vault) -> ResourceRepository:
    return ResourceRepository(vault)


@pytest.fixture
def demo(repo: ResourceRepository) -> ResourcePack:
    pack = read_pack(DEMO_PACK)
    repo.import_pack(pack)
    return pack


def snapshot(repo: ResourceRepository) -> list[Resource]:
    return repo.all()


# -- CRUD -------------------------------------------------------------------------------------

def test_add_get_update_delete(repo: ResourceRepository) -> None:
    saved = repo.add(own(phone=" 555-0123 ", languages=("English",),
                         last_verified=dt.date(2026, 1, 5)))
    assert saved.id.startswith("own-")
    assert saved.origin == "own"
    assert saved.phone == "555-0123"
    assert repo.get(saved.id) == saved
    changed = repo.update(replace(saved, hours="Nights", confidential=True))
    assert repo.get(saved.id) == changed
    assert changed.hours == "Nights"
    assert not changed.edited_locally  # own entries are local by definition
    repo.delete(saved.id)
    with pytest.raises(ResourceNotFound):
        repo.get(saved.id)
    with pytest.raises(ResourceNotFound):
        repo.delete(saved.id)
    assert repo.count() == 0


def test_add_refuses_invalid_and_duplicate(repo: ResourceRepository) -> None:
    with pytest.raises(ResourceError, match="needs a name"):
        repo.add(own(name=" "))
    saved = repo.add(own(id="mine-1"))
    with pytest.raises(ResourceError, match="already has an entry"):
        repo.add(own(id=saved.id))
    assert repo.count() == 1


def test_update_of_pack_entry_marks_it_edited(repo: ResourceRepository,
                                               demo: ResourcePack) -> None:
    entry = repo.get("nw-eap")
    assert entry.origin == demo.name
    assert not entry.edited_locally
    assert not repo.update(entry).edited_locally  # saving without a change is not an edit
    edited = repo.update(replace(entry, phone="+1 555-0199"))
    assert edited.edited_locally
    assert edited.origin == demo.name
    assert repo.get("nw-eap").edited_locally


def test_get_many_skips_missing(repo: ResourceRepository, demo: ResourcePack) -> None:
    found = repo.get_many(["nw-eap", "gone", "nw-gp"])
    assert set(found) == {"nw-eap", "nw-gp"}


# -- search and filters -----------------------------------------------------------------------

def test_search_text_matches_every_word_case_insensitively(repo: ResourceRepository,
                                                           demo: ResourcePack) -> None:
    assert [r.id for r in repo.search("counselling")] == ["nw-eap"]
    assert {r.id for r in repo.search("HARBOUR road")} >= {"nw-hr-harbour", "nw-legal"}
    assert [r.id for r in repo.search("settlement banana")] == []
    assert [r.id for r in repo.search("settlement claim")] == ["nw-legal"]
    assert len(repo.search("")) == 11
    repo.add(own(name="Équipe d'écoute", offers="Écoute"))
    assert [r.name for r in repo.search("ÉCOUTE")] == ["Équipe d'écoute"]


def test_filters_type_region_language(repo: ResourceRepository, demo: ResourcePack) -> None:
    assert {r.id for r in repo.search(type="hr")} == {"nw-hr-head-office", "nw-hr-harbour"}
    assert {r.id for r in repo.search(region="head office")} == {
        "nw-hr-head-office", "nw-ombuds", "nw-pride-network"}
    assert {r.id for r in repo.search(language="polish")} == {
        "nw-eap", "nw-hr-harbour", "nw-gp", "nw-crisis"}
    assert [r.id for r in repo.search("drop-in", type="hr", region="Harbour Road depot",
                                      language="Polish")] == ["nw-hr-harbour"]
    assert repo.search(type="crisis_line", region="Head office") == []


def test_regions_and_languages_for_filters(repo: ResourceRepository, demo: ResourcePack) -> None:
    assert repo.regions() == ["All sites", "Harbour Road depot", "Head office"]
    assert repo.languages() == ["English", "French", "Polish", "Spanish"]


def test_results_sorted_by_name(repo: ResourceRepository, demo: ResourcePack) -> None:
    names = [r.name for r in repo.all()]
    assert names == sorted(names, key=str.casefold)


# -- usage --------------------------------------------------------------------------------------

def test_usage_counts_from_sessions(vault: Vault, repo: ResourceRepository,
                                    demo: ResourcePack) -> None:
    assert repo.usage_counts() == {}
    sessions = SessionRepository(vault)
    for ids in (("nw-eap",), ("nw-eap", "nw-gp"), ("nw-crisis",), ()):
        sessions.add(Session(date=dt.date(2026, 11, 2), support_given=frozenset({"referral"}),
                             referral_resource_ids=ids, consent_to_count=True))
    assert repo.usage_counts() == {"nw-eap": 2, "nw-gp": 1, "nw-crisis": 1}
    first = sessions.page(sessions_filter())[-1]
    sessions.delete(first.id)
    assert repo.usage_counts()["nw-eap"] == 1


def sessions_filter() -> object:
    from peerdesk.journal.repository import SessionFilter

    return SessionFilter()


# -- imports ------------------------------------------------------------------------------------

def test_import_new_then_unchanged(repo: ResourceRepository) -> None:
    pack = read_pack(DEMO_PACK)
    first = repo.import_pack(pack)
    assert len(first.new) == 11
    assert first.updated == ()
    assert first.unchanged == ()
    assert all(r.origin == pack.name for r in repo.all())
    again = repo.import_pack(pack)
    assert again.new == ()
    assert again.updated == ()
    assert len(again.unchanged) == 11
    assert again.conflicts == ()


def test_import_updates_entries_not_edited_here(tmp_path: Path, repo: ResourceRepository,
                                                demo: ResourcePack) -> None:
    document = demo_document()
    document["name"] = "Northwind directory, December"
    document["resources"][0]["hours"] = "Mon–Sun 07:00–23:00"
    document["resources"].append({"id": "nw-new", "name": "Night shift chaplain",
                                  "type": "other"})
    result = repo.import_pack(read_pack(pack_file(tmp_path, document)))
    assert result.updated == ("nw-eap",)
    assert result.new == ("nw-new",)
    assert len(result.unchanged) == 10
    assert repo.get("nw-eap").hours == "Mon–Sun 07:00–23:00"
    assert repo.get("nw-eap").origin == "Northwind directory, December"


def _edited_and_changed(tmp_path: Path, repo: ResourceRepository) -> ResourcePack:
    repo.update(replace(repo.get("nw-eap"), phone="+1 555-0111 (my direct line)"))
    document = demo_document()
    document["resources"][0]["hours"] = "Mon–Fri 08:00–20:00"
    return read_pack(pack_file(tmp_path, document))


def test_conflict_keeps_local_by_default_and_asks_again(tmp_path: Path,
                                                        repo: ResourceRepository,
                                                        demo: ResourcePack) -> None:
    newer = _edited_and_changed(tmp_path, repo)
    planned = repo.plan_import(newer)
    assert not planned.applied
    assert [c.local.id for c in planned.conflicts] == ["nw-eap"]
    conflict = planned.conflicts[0]
    assert conflict.local.phone == "+1 555-0111 (my direct line)"
    assert conflict.incoming.hours == "Mon–Fri 08:00–20:00"
    result = repo.import_pack(newer)
    assert [c.local.id for c in result.unresolved] == ["nw-eap"]
    assert "nw-eap" not in result.updated
    kept = repo.get("nw-eap")
    assert kept.phone == "+1 555-0111 (my direct line)"
    assert kept.edited_locally
    assert kept.hours != "Mon–Fri 08:00–20:00"
    # Not decided: the next import asks again.
    assert [c.local.id for c in repo.plan_import(newer).conflicts] == ["nw-eap"]


def test_conflict_resolved_keep_mine_is_remembered(tmp_path: Path, repo: ResourceRepository,
                                                   demo: ResourcePack) -> None:
    newer = _edited_and_changed(tmp_path, repo)
    result = repo.import_pack(newer, {"nw-eap": Resolution.KEEP})
    assert result.kept == ("nw-eap",)
    assert result.unresolved == ()
    assert repo.get("nw-eap").phone == "+1 555-0111 (my direct line)"
    assert repo.get("nw-eap").edited_locally
    again = repo.plan_import(newer)
    assert again.conflicts == ()
    assert "nw-eap" in again.unchanged
    # …but a later change in the pack raises the conflict again.
    document = demo_document()
    document["resources"][0]["hours"] = "Weekdays only"
    assert [c.local.id for c in repo.plan_import(
        read_pack(pack_file(tmp_path, document, "v3.json"))).conflicts] == ["nw-eap"]


def test_conflict_resolved_take_pack(tmp_path: Path, repo: ResourceRepository,
                                     demo: ResourcePack) -> None:
    newer = _edited_and_changed(tmp_path, repo)
    result = repo.import_pack(newer, {"nw-eap": Resolution.TAKE})
    assert result.taken == ("nw-eap",)
    assert "nw-eap" in result.updated
    taken = repo.get("nw-eap")
    assert taken.phone == "+1 555-0142"
    assert taken.hours == "Mon–Fri 08:00–20:00"
    assert not taken.edited_locally
    assert repo.import_pack(newer).conflicts == ()


def test_default_resolution_applies_to_all_conflicts(tmp_path: Path, repo: ResourceRepository,
                                                     demo: ResourcePack) -> None:
    newer = _edited_and_changed(tmp_path, repo)
    result = repo.import_pack(newer, default=Resolution.TAKE)
    assert result.taken == ("nw-eap",)


def test_edited_entry_equal_to_pack_is_unchanged(tmp_path: Path, repo: ResourceRepository,
                                                 demo: ResourcePack) -> None:
    repo.update(replace(repo.get("nw-gp"), hours="Mon–Fri 08:00–19:00"))
    document = demo_document()
    document["resources"][7]["hours"] = "Mon–Fri 08:00–19:00"
    result = repo.import_pack(read_pack(pack_file(tmp_path, document)))
    assert "nw-gp" in result.unchanged
    assert result.conflicts == ()
    assert not repo.get("nw-gp").edited_locally


def test_own_entry_with_same_id_is_never_overwritten_silently(tmp_path: Path,
                                                              repo: ResourceRepository) -> None:
    repo.add(own(id="nw-eap", name="My EAP notes"))
    result = repo.import_pack(read_pack(DEMO_PACK))
    assert [c.local.id for c in result.conflicts] == ["nw-eap"]
    assert repo.get("nw-eap").name == "My EAP notes"


def test_failed_import_changes_nothing(repo: ResourceRepository, demo: ResourcePack,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(repo)
    document = demo_document()
    document["resources"][0]["hours"] = "changed"
    document["resources"].append({"id": "late", "name": "Late", "type": "hr"})
    import json

    from peerdesk.referrals.packs import parse_pack

    pack = parse_pack(json.dumps(document).encode())

    def broken_insert(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ResourceRepository, "_insert", staticmethod(broken_insert))
    with pytest.raises(RuntimeError):
        repo.import_pack(pack)  # the update of nw-eap ran before the insert failed
    assert snapshot(repo) == before


def test_malformed_pack_changes_nothing(tmp_path: Path, repo: ResourceRepository,
                                        demo: ResourcePack) -> None:
    before = snapshot(repo)
    bad = tmp_path / "bad.json"
    bad.write_text(DEMO_PACK.read_text("utf-8").replace('"type": "hr"', '"type": "boss"', 1))
    with pytest.raises(PackError, match=r"\$\.resources\[1\]\.type"):
        repo.import_pack(read_pack(bad))
    assert snapshot(repo) == before


def test_export_import_round_trip_between_journals(tmp_path: Path, repo: ResourceRepository,
                                                   demo: ResourcePack) -> None:
    repo.add(own(id="own-chaplain", languages=("Welsh",), last_verified=dt.date(2026, 5, 1)))
    out = tmp_path / "shared.json"
    write_pack(out, "Coordinator pack", repo.all())
    other_path = tmp_path / "other" / "journal.peerdesk"
    with Vault.create(other_path, PASSPHRASE) as other:
        theirs = ResourceRepository(other)
        result = theirs.import_pack(read_pack(out))
        assert len(result.new) == 12
        mine = {r.id: r for r in repo.all()}
        for resource in theirs.all():
            assert resource.origin == "Coordinator pack"
            assert replace(resource, origin=mine[resource.id].origin) == mine[resource.id]


def test_starter_pack_import(repo: ResourceRepository) -> None:
    result = repo.import_pack(read_starter_pack())
    assert len(result.new) == 10
    assert all(r.needs_local_details for r in repo.all())
    assert repo.import_pack(read_starter_pack()).unchanged == result.new


def test_spanish_starter_pack_after_the_english_one(repo: ResourceRepository) -> None:
    """Same ids: untouched entries switch to Spanish; an entry the supporter completed is a
    conflict that keeps their version unless they take the pack's."""
    repo.import_pack(read_starter_pack("en"))
    completed = repo.update(replace(repo.get("starter-eap"), phone="0800 555 0100"))
    spanish = read_starter_pack("es")
    result = repo.import_pack(spanish)
    assert result.new == ()
    assert set(result.updated) == {r.id for r in spanish.resources} - {"starter-eap"}
    assert [c.local.id for c in result.unresolved] == ["starter-eap"]
    assert repo.count() == 10
    hr = repo.get("starter-hr")
    assert (hr.name, hr.origin) == ("Equipo de RR. HH.", "Paquete inicial de PeerDesk")
    assert not hr.edited_locally
    assert repo.get("starter-eap") == completed  # English text and their phone, untouched
    taken = repo.import_pack(spanish, {"starter-eap": Resolution.TAKE})
    assert taken.taken == ("starter-eap",)
    assert repo.get("starter-eap").name == "Programa de ayuda al empleado (PAE)"
    assert repo.import_pack(spanish).unchanged == tuple(r.id for r in spanish.resources)


def test_worker_connection(vault: Vault) -> None:
    conn = vault.connect_another()
    try:
        worker = ResourceRepository(vault, connection=conn)
        assert len(worker.import_pack(read_pack(DEMO_PACK)).new) == 11
    finally:
        conn.close()
    assert ResourceRepository(vault).count() == 11
