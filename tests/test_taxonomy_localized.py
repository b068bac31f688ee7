"""Translated taxonomy labels: same codes, every code labelled, English when none exists."""

from __future__ import annotations

from peerdesk.taxonomy import default_taxonomy, localized_taxonomy


def test_spanish_labels_every_code_and_keeps_codes() -> None:
    english, spanish = default_taxonomy(), localized_taxonomy("es")
    assert spanish.version == english.version
    for key, field in english.fields.items():
        translated = spanish.field(key)
        assert translated.codes() == field.codes()
        assert translated.label != field.label, key
        for option in field.options:
            assert translated.option(option.code).label != option.label, (key, option.code)
            assert translated.option(option.code).help != option.help, (key, option.code)
    assert spanish.field("behaviour").label_for("online") == "En línea"
    assert spanish.field("behaviour").code_for_text("en línea") == "online"


def test_english_and_unknown_languages_are_the_shipped_taxonomy() -> None:
    assert localized_taxonomy("en") is default_taxonomy()
    assert localized_taxonomy("xx") is default_taxonomy()
