"""Guides in another language: whole translated files or a titles overlay; ids never change."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.guides import GuideError, Scenario, load_library
from peerdesk.guides.loader import internal_links, load_library_from, localize_library
from peerdesk.paths import resources_dir
from tests.guides.test_loader import GOOD_GUIDE, _write_library


def test_shipped_spanish_titles_cover_every_item() -> None:
    english, spanish = load_library(), load_library(language="es")
    assert [i.id for i in spanish.items] == [i.id for i in english.items]
    assert all(s.title != e.title for s, e in zip(spanish.items, english.items, strict=True))
    # Untranslated scenarios get Spanish titles and summaries; their bodies stay as written.
    for ours, theirs in zip(spanish.scenarios, english.scenarios, strict=True):
        assert ours.title != theirs.title
        if not (resources_dir() / "scenarios" / "es" / f"{ours.id}.md").exists():
            assert ours.body == theirs.body
    # The safety guide is translated whole, with the same links to other guides.
    risk_en, risk_es = english.get("responding-to-risk"), spanish.get("responding-to-risk")
    assert "Pregunta directamente" in risk_es.body
    assert ({target for _, target in internal_links(risk_es.body)}
            == {target for _, target in internal_links(risk_en.body)})
    assert load_library(language="es") is spanish  # cached per language


def test_whole_file_wins_over_titles(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    folder = root / "guides" / "es"
    folder.mkdir()
    (folder / "titles.toml").write_text(
        '[a]\ntitle = "Título A"\nsummary = "Resumen A."\n'
        '[b]\ntitle = "Título B"\nsummary = "Resumen B."\n'
        '[one-bad-meeting]\ntitle = "¿Cuenta una mala reunión?"\nsummary = "Resumen."\n',
        "utf-8")
    (folder / "a.md").write_text(
        GOOD_GUIDE.format(id="a", track="trainee", order=1, link="b")
        .replace('title = "A guide"', 'title = "Guía A completa"')
        .replace("Intro linking", "Introducción con enlace"), "utf-8")
    library = localize_library(load_library_from(root), root, "es")
    by_id = {item.id: item for item in library.items}
    assert by_id["a"].title == "Guía A completa"
    assert "Introducción" in by_id["a"].body
    assert by_id["b"].title == "Título B"
    assert by_id["b"].summary == "Resumen B."
    assert by_id["c"].title == "A guide"  # untranslated: stays English
    assert by_id["one-bad-meeting"].title == "¿Cuenta una mala reunión?"


def test_translation_must_keep_track_and_known_ids(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    folder = root / "guides" / "es"
    folder.mkdir()
    (folder / "titles.toml").write_text('[zzz]\ntitle = "X"\nsummary = "Y"\n', "utf-8")
    with pytest.raises(GuideError, match="unknown ids: zzz"):
        localize_library(load_library_from(root), root, "es")
    (folder / "titles.toml").unlink()
    (folder / "a.md").write_text(
        GOOD_GUIDE.format(id="a", track="supporter", order=1, link="b"), "utf-8")
    with pytest.raises(GuideError, match="keep the original's track"):
        localize_library(load_library_from(root), root, "es")


def test_every_translated_guide_keeps_the_originals_links_and_checklist() -> None:
    english, spanish = load_library(), load_library(language="es")
    translated = sorted((resources_dir() / "guides" / "es").glob("*.md"))
    assert translated  # at least the safety guide
    for path in translated:
        ours, theirs = spanish.get(path.stem), english.get(path.stem)
        assert ours.path == path
        assert ({target for _, target in internal_links(ours.body)}
                == {target for _, target in internal_links(theirs.body)}), path.name
        assert ours.body.count("- [ ]") == theirs.body.count("- [ ]"), path.name


def test_every_translated_scenario_keeps_its_structure() -> None:
    english, spanish = load_library(), load_library(language="es")
    translated = sorted((resources_dir() / "scenarios" / "es").glob("*.md"))
    assert translated  # at least the suicide-risk scenario
    for path in translated:
        ours, theirs = spanish.get(path.stem), english.get(path.stem)
        assert isinstance(ours, Scenario)
        assert isinstance(theirs, Scenario)
        assert ours.path == path
        assert len(ours.reflection_questions) == len(theirs.reflection_questions), path.name
        assert len(ours.responses) == len(theirs.responses), path.name
        assert (ours.order, ours.related, ours.difficulty) == (
            theirs.order, theirs.related, theirs.difficulty), path.name
        assert ours.situation != theirs.situation, path.name


def test_scenario_translation_headings_map_to_the_format(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    folder = root / "scenarios" / "es"
    folder.mkdir()
    original = (root / "scenarios" / "one-bad-meeting.md").read_text("utf-8")
    spanish = (original.replace("## Situation", "## Situación")
               .replace("## What your colleague says", "## Lo que dice tu compañero")
               .replace("## Reflection questions", "## Preguntas para reflexionar")
               .replace("## Example responses", "## Respuestas de ejemplo")
               .replace("### Response ", "### Respuesta ")
               .replace("### A response to avoid", "### Una respuesta que evitar"))
    (folder / "one-bad-meeting.md").write_text(spanish, "utf-8")
    library = localize_library(load_library_from(root), root, "es")
    scenario = library.get("one-bad-meeting")
    assert isinstance(scenario, Scenario)
    assert scenario.path.parent == folder
    assert scenario.responses
