"""Translatable messages from non-UI code: English by default, localized on request, and every
template reaches the translators."""

from __future__ import annotations

import pickle
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk import translation
from peerdesk.errors import PeerDeskError
from peerdesk.translation import Message, localize, msg, translatable_templates

SAMPLE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context><name>Messages</name>
<message><source>{file} was not imported: {problem}.</source>
<translation>{file} no se importó: {problem}.</translation></message>
<message><source>the checksum does not match</source>
<translation>la suma de comprobación no coincide</translation></message>
<message><source>row {row}: {field} is missing</source>
<translation>fila {row}: falta {field}</translation></message>
<message><source>Not yet translated</source>
<translation type="unfinished">Aún no</translation></message>
<message><source>Broken {count}</source>
<translation>Roto {cuenta}</translation></message>
</context>
<context><name>Elsewhere</name>
<message><source>Plain</source><translation>Llano</translation></message>
</context>
</TS>
"""


@pytest.fixture
def sample_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "peerdesk_es.ts").write_text(SAMPLE_TS, "utf-8")
    monkeypatch.setenv("PEERDESK_RESOURCES", str(tmp_path))
    translation.catalogue.cache_clear()
    yield "es"
    translation.catalogue.cache_clear()


def test_a_message_reads_as_its_english_sentence() -> None:
    message = msg("row {row}: {field} is missing", row=4, field="channel")
    assert message == "row 4: channel is missing"
    assert isinstance(message, str)
    assert f"Error: {message}" == "Error: row 4: channel is missing"
    assert str(PeerDeskError(message)) == "row 4: channel is missing"


def test_a_message_survives_pickling_with_its_parts() -> None:
    message = pickle.loads(pickle.dumps(msg("row {row}: {field} is missing", row=2, field="x")))
    assert isinstance(message, Message)
    assert (message.template, dict(message.params)) == ("row {row}: {field} is missing",
                                                        {"row": 2, "field": "x"})


def test_localize_translates_template_and_nested_messages(sample_language: str) -> None:
    problem = msg("the checksum does not match")
    message = msg("{file} was not imported: {problem}.", file="ana.json", problem=problem)
    assert localize(message, sample_language) == (
        "ana.json no se importó: la suma de comprobación no coincide.")
    assert localize(PeerDeskError(message), sample_language).startswith("ana.json no se importó")
    assert localize(message, "en") == "ana.json was not imported: the checksum does not match."


def test_plain_parts_are_never_translated(sample_language: str) -> None:
    """A file or field name that happens to equal a translated sentence stays as written."""
    message = msg("row {row}: {field} is missing", row=1, field="the checksum does not match")
    assert localize(message, sample_language) == "fila 1: falta the checksum does not match"


def test_untranslated_unknown_and_broken_fall_back_to_english(sample_language: str) -> None:
    assert localize(msg("Not yet translated"), sample_language) == "Not yet translated"
    assert localize("never marked", sample_language) == "never marked"
    assert localize(msg("Broken {count}", count=3), sample_language) == "Broken 3"
    assert localize(msg("Plain"), sample_language) == "Plain"  # other contexts are not messages
    assert localize(msg("the checksum does not match"), "fr") == "the checksum does not match"


def test_fixed_sentences_without_msg_are_still_looked_up(sample_language: str) -> None:
    assert localize("the checksum does not match", sample_language) == (
        "la suma de comprobación no coincide")


def test_templates_are_found_in_the_source() -> None:
    templates = translatable_templates()
    assert templates, "non-UI code marks its messages with msg()"
    assert len(templates) == len(set(templates))


def test_a_template_that_is_not_a_literal_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "peerdesk"
    (package / "ui").mkdir(parents=True)
    (package / "ui" / "view.py").write_text('msg(f"{x} in ui is not scanned")\n', "utf-8")
    (package / "core.py").write_text(textwrap.dedent('''
        ok = msg("Fine {x}", x=1)
        bad = msg(f"Built {ok}")
    '''), "utf-8")
    monkeypatch.setattr(translation, "_package_dir", lambda: package)
    with pytest.raises(ValueError, match=r"core\.py:3: msg\(\) needs a string literal"):
        translatable_templates()
    (package / "core.py").write_text('ok = msg("Fine {x}", x=1)\n', "utf-8")
    assert translatable_templates() == ["Fine {x}"]
