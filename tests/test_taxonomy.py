"""Tests for peerdesk/taxonomy.py and the shipped resources/taxonomy.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from peerdesk.errors import PeerDeskError
from peerdesk.paths import resources_dir
from peerdesk.taxonomy import (
    REQUIRED_FIELDS,
    Field,
    Option,
    TaxonomyError,
    default_taxonomy,
    load_taxonomy,
    parse_taxonomy,
)

# The stable contract: summary files and reports depend on these codes. Never edit this
# table to make a test pass; a renamed or removed code is a breaking change.
EXPECTED_CODES: dict[str, tuple[str, ...]] = {
    "kind": ("one_to_one", "group"),
    "contact": ("first", "follow_up"),
    "channel": ("in_person", "phone", "video", "chat", "email"),
    "origin": (
        "self_referred",
        "colleague_suggested",
        "manager_hr_referred",
        "supporter_outreach",
    ),
    "behaviour": (
        "work_related",
        "person_related",
        "physical_intimidation",
        "online",
        "protected_characteristic",
        "retaliation",
    ),
    "persistence": ("under_one_month", "one_to_six_months", "over_six_months"),
    "source_relation": (
        "manager",
        "peer",
        "direct_report",
        "third_party",
        "several",
        "not_said",
    ),
    "impact": (
        "wellbeing",
        "sleep_health",
        "work_performance",
        "considering_leaving",
        "time_off",
    ),
    "risk_flag": ("immediate_safety", "self_harm", "health_crisis"),
    "support_given": (
        "listened",
        "explored_options",
        "coping_strategies",
        "reporting_options",
        "documenting",
        "safety_planning",
        "referral",
    ),
    "referral_type": (
        "eap",
        "hr",
        "union_rep",
        "ombudsperson",
        "occupational_health",
        "legal_advice",
        "medical",
        "crisis_line",
        "external_helpline",
        "other",
    ),
    "next_step": (
        "considering_formal_report",
        "will_report_formally",
        "informal_resolution",
        "no_action",
        "other",
    ),
    "duration_band": ("under_15", "15_to_29", "30_to_44", "45_to_59", "60_plus"),
    "group_size_band": ("2_to_4", "5_to_9", "10_plus"),
}

EXPECTED_MULTIPLE = {"behaviour", "impact", "risk_flag", "support_given"}
EXPECTED_REQUIRED = {"kind", "contact", "channel"}


@pytest.fixture
def shipped_data() -> dict[str, Any]:
    """A fresh, mutable copy of the shipped TOML for tests that break it on purpose."""
    with (resources_dir() / "taxonomy.toml").open("rb") as stream:
        return tomllib.load(stream)


# --- the shipped file ---------------------------------------------------------------------


def test_shipped_taxonomy_has_exactly_the_contract_codes() -> None:
    taxonomy = default_taxonomy()
    assert taxonomy.version == "1"
    assert tuple(taxonomy.fields) == REQUIRED_FIELDS
    assert tuple(EXPECTED_CODES) == REQUIRED_FIELDS
    for key, codes in EXPECTED_CODES.items():
        assert taxonomy.field(key).codes() == codes, key


def test_shipped_taxonomy_multiple_and_required_flags() -> None:
    taxonomy = default_taxonomy()
    for key, field in taxonomy.fields.items():
        assert field.key == key
        assert field.multiple is (key in EXPECTED_MULTIPLE), key
        assert field.required is (key in EXPECTED_REQUIRED), key


def test_shipped_taxonomy_has_text_for_every_field_and_option() -> None:
    for field in default_taxonomy().fields.values():
        assert field.label.strip()
        assert field.help.strip()
        for option in field.options:
            assert option.label.strip(), (field.key, option.code)
            assert option.help.strip(), (field.key, option.code)
            assert "\n" not in option.help, (field.key, option.code)


def test_shipped_taxonomy_uses_plain_labels() -> None:
    taxonomy = default_taxonomy()
    assert taxonomy.field("referral_type").label_for("eap") == "Employee assistance programme"
    assert (
        taxonomy.field("source_relation").label_for("third_party")
        == "Client, customer or third party"
    )
    assert taxonomy.field("next_step").label_for("no_action") == "No action for now"


def test_default_taxonomy_is_cached() -> None:
    assert default_taxonomy() is default_taxonomy()


def test_fields_mapping_is_read_only() -> None:
    taxonomy = default_taxonomy()
    with pytest.raises(TypeError):
        taxonomy.fields["kind"] = taxonomy.fields["contact"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del taxonomy.fields["kind"]  # type: ignore[attr-defined]
    assert isinstance(taxonomy.field("kind").options, tuple)


def test_dataclasses_are_frozen() -> None:
    field = default_taxonomy().field("kind")
    with pytest.raises(AttributeError):
        field.label = "Changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        field.options[0].code = "changed"  # type: ignore[misc]


# --- lookups ------------------------------------------------------------------------------


def test_validate_accepts_known_code() -> None:
    default_taxonomy().validate("channel", "phone")


def test_validate_unknown_code_message_names_field_code_and_known_codes() -> None:
    with pytest.raises(TaxonomyError) as caught:
        default_taxonomy().validate("channel", "carrier_pigeon")
    message = str(caught.value)
    assert message.startswith("Unknown code 'carrier_pigeon' for field 'channel'.")
    assert "Known codes: in_person, phone, video, chat, email" in message
    assert isinstance(caught.value, PeerDeskError)


def test_unknown_field_raises_taxonomy_error() -> None:
    with pytest.raises(TaxonomyError, match="'colour'"):
        default_taxonomy().field("colour")
    with pytest.raises(TaxonomyError, match="'colour'"):
        default_taxonomy().validate("colour", "red")


def test_label_for_and_has() -> None:
    channel = default_taxonomy().field("channel")
    assert channel.label_for("in_person") == "In person"
    assert channel.has("video")
    assert not channel.has("Video")
    assert not channel.has("fax")
    with pytest.raises(TaxonomyError, match="Unknown code 'fax' for field 'channel'"):
        channel.label_for("fax")


def test_code_labels_maps_every_code_to_its_label_and_is_built_once() -> None:
    taxonomy = default_taxonomy()
    labels = taxonomy.code_labels
    assert {key: tuple(codes) for key, codes in labels.items()} == EXPECTED_CODES
    assert labels["channel"]["in_person"] == "In person"
    assert taxonomy.code_labels is labels
    with pytest.raises(TypeError):
        labels["channel"]["fax"] = "Fax"  # type: ignore[index]


def test_code_labels_belong_to_their_own_taxonomy(shipped_data: dict[str, Any]) -> None:
    shipped_data["channel"]["options"][0]["label"] = "Face to face"
    relabelled = parse_taxonomy(shipped_data)
    assert relabelled.code_labels["channel"]["in_person"] == "Face to face"
    assert default_taxonomy().code_labels["channel"]["in_person"] == "In person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in_person", "in_person"),
        ("IN_PERSON", "in_person"),
        ("  in_person \n", "in_person"),
        ("In person", "in_person"),
        ("in   PERSON", "in_person"),
        ("\tIn Person ", "in_person"),
        ("Video call", "video"),
        ("chat or message", "chat"),
        ("fax", None),
        ("", None),
        ("   ", None),
        ("in-person", None),
    ],
)
def test_code_for_text(text: str, expected: str | None) -> None:
    assert default_taxonomy().field("channel").code_for_text(text) == expected


def test_code_for_text_with_unicode_case() -> None:
    field = Field(
        key="k",
        label="K",
        help="h",
        multiple=False,
        required=False,
        options=(Option(code="strasse", label="Große Straße", help="h"),),
    )
    assert field.code_for_text("GROSSE STRASSE") == "strasse"


# --- parse_taxonomy: what it refuses --------------------------------------------------------


def test_parse_copy_of_shipped_data_round_trips(shipped_data: dict[str, Any]) -> None:
    assert parse_taxonomy(shipped_data) == default_taxonomy()


def test_duplicate_code_is_named(shipped_data: dict[str, Any]) -> None:
    shipped_data["channel"]["options"].append(
        {"code": "phone", "label": "Telephone", "help": "Another phone."}
    )
    with pytest.raises(TaxonomyError, match=r"'channel'.*'phone' twice"):
        parse_taxonomy(shipped_data)


def test_duplicate_label_is_named(shipped_data: dict[str, Any]) -> None:
    shipped_data["channel"]["options"].append(
        {"code": "telephone", "label": "  PHONE ", "help": "Another phone."}
    )
    with pytest.raises(TaxonomyError, match=r"'channel'.*'phone'.*'telephone'"):
        parse_taxonomy(shipped_data)


def test_label_that_reads_as_another_code_is_refused(shipped_data: dict[str, Any]) -> None:
    shipped_data["channel"]["options"][0]["label"] = "Phone"
    shipped_data["channel"]["options"][1]["label"] = "Telephone"
    with pytest.raises(TaxonomyError, match=r"'channel'.*'in_person'.*'phone'"):
        parse_taxonomy(shipped_data)


@pytest.mark.parametrize("key", REQUIRED_FIELDS)
def test_missing_field_is_named(shipped_data: dict[str, Any], key: str) -> None:
    del shipped_data[key]
    with pytest.raises(TaxonomyError, match=f"missing the field.*{key}"):
        parse_taxonomy(shipped_data)


def test_unknown_top_level_field_is_refused(shipped_data: dict[str, Any]) -> None:
    shipped_data["behavior"] = shipped_data["behaviour"]
    with pytest.raises(TaxonomyError, match=r"unknown field.*behavior"):
        parse_taxonomy(shipped_data)


@pytest.mark.parametrize("version", [None, "", "   ", 1])
def test_version_must_be_non_empty_text(shipped_data: dict[str, Any], version: object) -> None:
    if version is None:
        del shipped_data["version"]
    else:
        shipped_data["version"] = version
    with pytest.raises(TaxonomyError, match="version"):
        parse_taxonomy(shipped_data)


@pytest.mark.parametrize("key", ["label", "help", "multiple", "required", "options"])
def test_field_missing_key_is_named(shipped_data: dict[str, Any], key: str) -> None:
    del shipped_data["impact"][key]
    with pytest.raises(TaxonomyError, match=f"'impact'.*{key}"):
        parse_taxonomy(shipped_data)


def test_field_flags_must_be_booleans(shipped_data: dict[str, Any]) -> None:
    shipped_data["kind"]["required"] = "yes"
    with pytest.raises(TaxonomyError, match=r"'kind'.*'required'.*true or false"):
        parse_taxonomy(shipped_data)


def test_field_with_no_options_is_refused(shipped_data: dict[str, Any]) -> None:
    shipped_data["impact"]["options"] = []
    with pytest.raises(TaxonomyError, match=r"'impact' has no options.*\[\[impact\.options\]\]"):
        parse_taxonomy(shipped_data)


def test_field_with_unknown_key_is_refused(shipped_data: dict[str, Any]) -> None:
    shipped_data["kind"]["requried"] = True
    with pytest.raises(TaxonomyError, match="'kind' has unknown keys: requried"):
        parse_taxonomy(shipped_data)


@pytest.mark.parametrize("key", ["label", "help"])
@pytest.mark.parametrize("value", [None, "", "  ", 3])
def test_option_without_label_or_help_is_named(
    shipped_data: dict[str, Any], key: str, value: object
) -> None:
    option = shipped_data["risk_flag"]["options"][1]
    if value is None:
        del option[key]
    else:
        option[key] = value
    with pytest.raises(TaxonomyError, match=f"'risk_flag', code 'self_harm'.*'{key}'"):
        parse_taxonomy(shipped_data)


def test_option_without_code_is_refused(shipped_data: dict[str, Any]) -> None:
    del shipped_data["kind"]["options"][1]["code"]
    with pytest.raises(TaxonomyError, match="'kind', option 2 has no code"):
        parse_taxonomy(shipped_data)


@pytest.mark.parametrize("code", ["In_Person", "in-person", "in person", "café", "x\n"])
def test_bad_code_characters_are_named(shipped_data: dict[str, Any], code: str) -> None:
    shipped_data["channel"]["options"][0]["code"] = code
    with pytest.raises(TaxonomyError, match=r"'channel' has an invalid code") as caught:
        parse_taxonomy(shipped_data)
    assert repr(code) in str(caught.value)


def test_option_with_unknown_key_is_refused(shipped_data: dict[str, Any]) -> None:
    shipped_data["kind"]["options"][0]["lable"] = "Typo"
    with pytest.raises(TaxonomyError, match=r"'kind', code 'one_to_one'.*lable"):
        parse_taxonomy(shipped_data)


# --- load_taxonomy ------------------------------------------------------------------------


def test_load_taxonomy_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_bytes((resources_dir() / "taxonomy.toml").read_bytes())
    assert load_taxonomy(path) == default_taxonomy()


def test_load_missing_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(TaxonomyError, match="Could not read") as caught:
        load_taxonomy(path)
    assert str(path) in str(caught.value)


def test_load_invalid_toml_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('version = "1"\n[kind\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid TOML") as caught:
        load_taxonomy(path)
    assert str(path) in str(caught.value)


def test_load_inconsistent_file_names_the_path_and_problem(tmp_path: Path) -> None:
    path = tmp_path / "short.toml"
    path.write_text('version = "1"\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match="missing the field") as caught:
        load_taxonomy(path)
    assert str(path) in str(caught.value)
