"""Every shipped guide and scenario parses and passes the content checks."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from peerdesk.guides import TRACKS, GuideError, load_library
from peerdesk.guides.loader import (
    GUIDE_SECTIONS,
    SCENARIO_SECTIONS,
    internal_links,
    load_library_from,
    sections,
)
from peerdesk.paths import resources_dir

LIBRARY = load_library()
GUIDES = {g.id: g for g in LIBRARY.guides}
SCENARIOS = {s.id: s for s in LIBRARY.scenarios}


def test_every_file_is_loaded() -> None:
    assert len(LIBRARY.guides) == len(list((resources_dir() / "guides").glob("*.md"))) >= 16
    assert len(LIBRARY.scenarios) == len(list((resources_dir() / "scenarios").glob("*.md"))) >= 10


def test_loaded_once_and_fast() -> None:
    start = time.perf_counter()
    again = load_library()
    assert again is LIBRARY
    assert time.perf_counter() - start < 0.01


@pytest.mark.parametrize("track", TRACKS)
def test_each_track_has_guides_in_order(track: str) -> None:
    guides = LIBRARY.track(track)
    assert guides
    assert [g.order for g in guides] == sorted(g.order for g in guides)


def test_trainee_path_covers_the_basics_first() -> None:
    path = [g.id for g in LIBRARY.trainee_path]
    assert path[0] == "what-is-workplace-bullying"
    assert path.index("active-listening-oars") < path.index("responding-to-risk")


@pytest.mark.parametrize("guide_id", sorted(GUIDES))
def test_guide_is_complete(guide_id: str) -> None:
    guide = GUIDES[guide_id]
    assert guide.title
    assert guide.summary
    assert guide.tags
    assert guide.minutes > 0
    assert 600 <= guide.word_count <= 1500, f"{guide_id}: {guide.word_count} words"
    found = sections(guide.body)
    for name in GUIDE_SECTIONS:
        assert found[name].strip(), name
    assert re.search(r"^- \[ \] ", found["Checklist"], re.M), "checklist items are task boxes"


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_scenario_is_complete(scenario_id: str) -> None:
    scenario = SCENARIOS[scenario_id]
    found = sections(scenario.body)
    for name in SCENARIO_SECTIONS:
        assert found[name].strip(), name
    assert scenario.situation
    assert scenario.colleague_says.startswith(">")
    assert len(scenario.reflection_questions) >= 3
    assert len(scenario.responses) >= 2
    for example in (*scenario.responses, scenario.response_to_avoid):
        assert example.response.startswith(">")
        assert example.reasoning.startswith("**Why it")
    assert scenario.related
    assert all(g in GUIDES for g in scenario.related)


def test_every_internal_link_resolves_and_most_guides_are_linked() -> None:
    targets = set()
    for item in LIBRARY.items:
        for _, target in internal_links(item.body):
            scheme, _, item_id = target.partition(":")
            assert LIBRARY.get(item_id).kind == scheme
            targets.add(item_id)
    assert len(targets) >= 12


def test_no_empty_section_anywhere() -> None:
    for item in LIBRARY.items:
        lines = item.body.splitlines()
        for number, line in enumerate(lines):
            if line.startswith("#"):
                level = len(line) - len(line.lstrip("#"))
                rest = [x for x in lines[number + 1:] if x.strip()]
                assert rest, f"{item.id}: '{line}' ends the file"
                nxt = rest[0]
                if nxt.startswith("#"):
                    assert len(nxt) - len(nxt.lstrip("#")) > level, f"{item.id}: '{line}' empty"


# -- the checks themselves -------------------------------------------------------------------

GOOD_GUIDE = """+++
id = "{id}"
title = "A guide"
track = "{track}"
order = {order}
minutes = 5
tags = ["x"]
summary = "Summary."
+++

Intro linking to [another](guide:{link}).

## Phrases to use

- "Hello."

## Phrases to avoid

- "Go away."

## Worked example

> **Colleague:** Hi.

## Checklist

- [ ] Listen.
"""


def _write_library(root: Path, *, link: str = "b", extra: str = "",
                   track_b: str = "supporter") -> Path:
    (root / "guides").mkdir(parents=True)
    (root / "scenarios").mkdir()
    (root / "guides" / "a.md").write_text(
        GOOD_GUIDE.format(id="a", track="trainee", order=1, link=link) + extra)
    (root / "guides" / "b.md").write_text(
        GOOD_GUIDE.format(id="b", track=track_b, order=1, link="a"))
    (root / "guides" / "c.md").write_text(
        GOOD_GUIDE.format(id="c", track="coordinator", order=1, link="a"))
    scenario = (resources_dir() / "scenarios" / "one-bad-meeting.md").read_text()
    scenario = scenario.replace('related = ["what-is-workplace-bullying", "empathic-responses", '
                                '"documenting-incidents"]', 'related = ["a"]')
    (root / "scenarios" / "one-bad-meeting.md").write_text(scenario)
    return root


def test_small_valid_library_loads(tmp_path: Path) -> None:
    library = load_library_from(_write_library(tmp_path))
    assert [g.id for g in library.guides] == ["a", "b", "c"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"link": "nowhere"}, "leads nowhere"),
    ({"extra": "\n## Empty\n"}, "'Empty' is empty"),
    ({"track_b": "trainee"}, "share an order"),
    ({"track_b": "manager"}, "must be one of"),
])
def test_problems_name_the_file(tmp_path: Path, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(GuideError, match=message) as caught:
        load_library_from(_write_library(tmp_path, **kwargs))
    assert str(caught.value).split(":")[0].endswith(".md") or "track" in str(caught.value)


def test_missing_front_matter_field(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    path = root / "guides" / "a.md"
    path.write_text(path.read_text().replace("minutes = 5\n", ""))
    with pytest.raises(GuideError, match=r"^a\.md: .*'minutes'"):
        load_library_from(root)


def test_missing_section(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    path = root / "guides" / "b.md"
    path.write_text(path.read_text().replace("## Checklist", "## Things"))
    with pytest.raises(GuideError, match=r"^b\.md: .*Checklist"):
        load_library_from(root)


def test_duplicate_id_and_empty_track(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    (root / "guides" / "c.md").unlink()
    with pytest.raises(GuideError, match="coordinator track"):
        load_library_from(root)


def test_scenario_without_response_to_avoid(tmp_path: Path) -> None:
    root = _write_library(tmp_path)
    path = root / "scenarios" / "one-bad-meeting.md"
    path.write_text(path.read_text().replace("### A response to avoid", "### Response 9"))
    with pytest.raises(GuideError, match="A response to avoid"):
        load_library_from(root)
