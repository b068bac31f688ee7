"""Reading and writing resource packs: the starter pack, round trips, malformed files."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from peerdesk.referrals import Resource
from peerdesk.referrals.packs import (
    MAX_PACK_BYTES,
    PackError,
    pack_bytes,
    pack_schema,
    parse_pack,
    read_pack,
    read_starter_pack,
    starter_pack_path,
    write_pack,
)
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import localize
from tests.referrals.helpers import DEMO_PACK, demo_document, pack_file

PHONE_LIKE = re.compile(r"\d[\d\s().-]{5,}\d")
URL_LIKE = re.compile(r"https?://|www\.|\.(com|org|net|gov|uk)\b", re.IGNORECASE)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = pack_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_starter_pack_is_valid_and_covers_every_type() -> None:
    pack = read_starter_pack()
    assert pack.name == "PeerDesk starter pack"
    types = {r.type for r in pack.resources}
    assert types == set(default_taxonomy().field("referral_type").codes())
    assert all(r.needs_local_details for r in pack.resources)
    assert all(r.last_verified is None for r in pack.resources)
    jsonschema.validate(json.loads(starter_pack_path().read_text("utf-8")), pack_schema())


def test_starter_pack_invents_no_contact_details() -> None:
    for resource in read_starter_pack().resources:
        assert (resource.phone, resource.email, resource.web, resource.place, resource.hours) == (
            "", "", "", "", ""), resource.id
        prose = " ".join((resource.name, resource.offers, resource.when_to_refer))
        assert not PHONE_LIKE.search(prose), resource.id
        assert "@" not in prose, resource.id
        assert not URL_LIKE.search(prose), resource.id


TEXT_FIELDS = ("name", "offers", "when_to_refer")


def test_spanish_starter_pack_validates_and_matches_the_english_entry_for_entry() -> None:
    """Only the wording differs, so a supporter who switches language and loads the pack again
    gets the same ten entries updated, not ten more, and summaries keep counting the same ids."""
    english_document = json.loads(starter_pack_path("en").read_text("utf-8"))
    spanish_document = json.loads(starter_pack_path("es").read_text("utf-8"))
    jsonschema.validate(spanish_document, pack_schema())
    assert spanish_document.keys() == english_document.keys()
    assert spanish_document["created_at"] == english_document["created_at"]
    assert spanish_document["description"] != english_document["description"]
    english, spanish = read_starter_pack("en"), read_starter_pack("es")
    assert spanish.name == "Paquete inicial de PeerDesk"
    assert [r.id for r in spanish.resources] == [r.id for r in english.resources]
    for es_entry, en_entry in zip(spanish_document["resources"], english_document["resources"],
                                  strict=True):
        assert es_entry.keys() == en_entry.keys(), en_entry["id"]
        codes_and_flags = {k: v for k, v in en_entry.items() if k not in TEXT_FIELDS}
        assert {k: es_entry[k] for k in codes_and_flags} == codes_and_flags
        for field in TEXT_FIELDS:  # translated, not copied
            assert es_entry[field].strip(), (en_entry["id"], field)
            assert es_entry[field] != en_entry[field], (en_entry["id"], field)


def test_spanish_starter_pack_invents_no_contact_details() -> None:
    for resource in read_starter_pack("es").resources:
        prose = " ".join((resource.name, resource.offers, resource.when_to_refer))
        assert not PHONE_LIKE.search(prose), resource.id
        assert "@" not in prose, resource.id
        assert not URL_LIKE.search(prose), resource.id


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "starter-pack.json"),
    ("es", "starter-pack.es.json"),
    ("fr", "starter-pack.json"),      # no French pack shipped: English
    ("../es", "starter-pack.json"),   # not a language: never builds a path from it
])
def test_starter_pack_path_picks_the_shipped_translation_else_english(
        language: str, expected: str) -> None:
    path = starter_pack_path(language)
    assert path.name == expected
    assert path.is_file()
    assert starter_pack_path() == starter_pack_path("en")


def test_demo_pack_is_clearly_fictional() -> None:
    pack = read_pack(DEMO_PACK)
    assert len(pack.resources) >= 10
    for resource in pack.resources:
        if resource.email:
            assert resource.email.endswith(".example")
        if resource.web:
            assert ".example" in resource.web
        if resource.phone:
            assert "555-01" in resource.phone


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    original = read_pack(DEMO_PACK)
    out = tmp_path / "out.json"
    assert write_pack(out, "Round trip", original.resources) == len(original.resources)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    again = read_pack(out)
    assert again.name == "Round trip"
    assert {r.id: r for r in again.resources} == {
        r.id: r.__class__(**{**r.__dict__, "origin": "Round trip"}) for r in original.resources}


@pytest.mark.parametrize("name", ["", "  ", "own", " OWN "])
def test_export_refuses_reserved_or_empty_name(name: str) -> None:
    with pytest.raises(PackError, match="pack name"):
        pack_bytes(name, [Resource(id="a", name="A", type="hr")])


def _rejected(tmp_path: Path, content: bytes | str) -> str:
    path = tmp_path / "bad.json"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    with pytest.raises(PackError) as caught:
        read_pack(path)
    message = str(caught.value)
    assert "Nothing was changed" in message
    assert "\n" not in message
    return message


def _with(changes: dict[str, Any], resource_changes: dict[str, Any] | None = None) -> str:
    document = demo_document()
    document.update(changes)
    if resource_changes:
        document["resources"][2].update(resource_changes)
    return json.dumps(document)


def test_rejects_not_json(tmp_path: Path) -> None:
    assert "ends too early" in _rejected(tmp_path, '{"format": "peerdesk.resource-pack",')
    assert "not valid JSON" in _rejected(tmp_path, '{"format": "peerdesk.resource-pack",]}')
    assert "line 1" in _rejected(tmp_path, "{nope}")


def test_rejects_hostile_json_with_the_strict_reader(tmp_path: Path) -> None:
    assert "nested more than 16" in _rejected(tmp_path, "[" * 5000 + "]" * 5000)
    assert "NaN" in _rejected(tmp_path, '{"version": NaN}')
    assert "digits" in _rejected(tmp_path, '{"version": ' + "9" * 40 + "}")
    assert "appears twice" in _rejected(tmp_path, '{"format": 1, "format": 2}')


def test_rejects_not_utf8(tmp_path: Path) -> None:
    assert "UTF-8" in _rejected(tmp_path, b'{"name": "\xff"}')


def test_rejects_wrong_format(tmp_path: Path) -> None:
    assert "not a PeerDesk resource pack" in _rejected(
        tmp_path, _with({"format": "peerdesk.summary"}))
    assert "not a PeerDesk resource pack" in _rejected(tmp_path, "[1, 2]")


def test_rejects_newer_version_asking_for_update(tmp_path: Path) -> None:
    message = _rejected(tmp_path, _with({"version": 2}))
    assert "newer version of PeerDesk" in message
    assert "Update PeerDesk" in message


@pytest.mark.parametrize("version", [True, "1", 1.5, 0])
def test_rejects_odd_versions(tmp_path: Path, version: object) -> None:
    _rejected(tmp_path, _with({"version": version}))


@pytest.mark.parametrize(("resource_changes", "path"), [
    ({"colour": "red"}, "$.resources[2]"),
    ({"type": "astrologer"}, "$.resources[2].type"),
    ({"phone": 5550100}, "$.resources[2].phone"),
    ({"email": "two words@x"}, "$.resources[2].email"),
    ({"languages": "English"}, "$.resources[2].languages"),
    ({"last_verified": "last spring"}, "$.resources[2].last_verified"),
    ({"last_verified": "2026-02-31"}, "$.resources[2].last_verified"),
    ({"id": "nw-eap"}, "$.resources[2].id"),
])
def test_schema_violations_name_their_path(tmp_path: Path, resource_changes: dict[str, Any],
                                           path: str) -> None:
    assert path in _rejected(tmp_path, _with({}, resource_changes))


@pytest.mark.parametrize(("resource_changes", "spanish"), [
    ({"colour": "red"}, "clave desconocida 'colour' en $.resources[2]"),
    ({"phone": 5550100}, "$.resources[2].phone debe ser un texto"),
    ({"id": "nw-eap"}, "el id 'nw-eap' de $.resources[2].id ya se usa en $.resources[0].id"),
])
def test_a_bad_entry_is_named_in_spanish_too(tmp_path: Path, resource_changes: dict[str, Any],
                                             spanish: str) -> None:
    path = tmp_path / "paquete.json"
    path.write_text(_with({}, resource_changes), "utf-8")
    with pytest.raises(PackError) as caught:
        read_pack(path)
    assert str(caught.value).startswith("The resource pack paquete.json was not imported: ")
    assert localize(caught.value, "es") == (
        f"El paquete de recursos paquete.json no se importó: {spanish}. No se ha cambiado "
        "nada; pide a quien creó el paquete un archivo corregido.")


def test_rejects_missing_and_unknown_top_level_keys(tmp_path: Path) -> None:
    document = demo_document()
    del document["created_at"]
    assert "created_at" in _rejected(tmp_path, json.dumps(document))
    assert "'extra'" in _rejected(tmp_path, _with({"extra": 1}))
    assert "'own'" in _rejected(tmp_path, _with({"name": "Own"}))


def test_rejects_duplicate_keys(tmp_path: Path) -> None:
    text = DEMO_PACK.read_text("utf-8").replace('"name": "Brightpath EAP (fictional)",',
                                                '"name": "A", "name": "B",', 1)
    assert "'name' appears twice" in _rejected(tmp_path, text)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_rejects_nan_and_infinity(tmp_path: Path, constant: str) -> None:
    text = DEMO_PACK.read_text("utf-8").replace('"version": 1', f'"version": {constant}', 1)
    assert "non-standard number" in _rejected(tmp_path, text)


def test_rejects_oversize_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_PACK_BYTES + 1)  # sparse: costs no disk
    opened: list[object] = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(PackError, match="larger than 5 MB"):
        read_pack(path)
    assert opened == []
    with pytest.raises(PackError, match="larger than"):
        parse_pack(b" " * (MAX_PACK_BYTES + 1))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="There is no file"):
        read_pack(tmp_path / "nope.json")
    with pytest.raises(PackError, match="folder"):
        read_pack(tmp_path)


def test_pack_file_helper_writes_valid_pack(tmp_path: Path) -> None:
    assert len(read_pack(pack_file(tmp_path, demo_document())).resources) == 11
