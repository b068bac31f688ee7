"""Read `resources/guides/*.md` and `resources/scenarios/*.md`, check them, cache the result.

A file is TOML front matter between `+++` lines, then Markdown. Guides link to each other with
`[text](guide:<id>)`. Anything wrong raises `GuideError` naming the file, so a broken guide
fails the test suite rather than confusing a trainee.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from peerdesk.errors import PeerDeskError
from peerdesk.guides.model import (
    TRACKS,
    ExampleResponse,
    Guide,
    Heading,
    Item,
    Library,
    Scenario,
)
from peerdesk.paths import resources_dir
from peerdesk.translation import msg

GUIDE_SECTIONS = ("Phrases to use", "Phrases to avoid", "Worked example", "Checklist")
SCENARIO_SECTIONS = ("Situation", "What your colleague says", "Reflection questions",
                     "Example responses")
RESPONSE_TO_AVOID = "A response to avoid"

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INTERNAL_SCHEMES = ("guide:", "scenario:")


class GuideError(PeerDeskError):
    """A shipped guide or scenario is malformed."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(msg("{file}: {problem}. Fix the file and start PeerDesk again.",
                             file=path.name, problem=problem))
        self.path = path
        self.problem = problem


def split_front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        raise GuideError(path, "the file must start with a '+++' front-matter line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        raise GuideError(path, "the front matter has no closing '+++' line") from None
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise GuideError(path, f"the front matter is not valid TOML ({exc})") from exc
    return meta, "\n".join(lines[end + 1:]).strip() + "\n"


def _headings(body: str) -> list[tuple[int, int, str]]:
    """(line number, level, text) of every heading outside fenced code."""
    found: list[tuple[int, int, str]] = []
    fenced = False
    for number, line in enumerate(body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append((number, len(match.group(1)), match.group(2)))
    return found


def sections(body: str, level: int = 2) -> dict[str, str]:
    """Heading text → Markdown under it (down to the next heading of `level` or higher)."""
    lines = body.splitlines()
    marks = [(n, lvl, text) for n, lvl, text in _headings(body) if lvl <= level]
    result: dict[str, str] = {}
    for index, (number, lvl, text) in enumerate(marks):
        if lvl != level:
            continue
        end = marks[index + 1][0] if index + 1 < len(marks) else len(lines)
        result[text] = "\n".join(lines[number + 1:end]).strip()
    return result


def _check_no_empty_sections(path: Path, body: str) -> None:
    lines = body.splitlines()
    marks = _headings(body)
    for index, (number, level, text) in enumerate(marks):
        following = marks[index + 1] if index + 1 < len(marks) else None
        end = following[0] if following else len(lines)
        has_text = any(line.strip() for line in lines[number + 1:end])
        has_children = following is not None and following[1] > level
        if not has_text and not has_children:
            raise GuideError(path, f"the section '{text}' is empty")


def _str(path: Path, meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise GuideError(path, f"front matter needs a non-empty text '{key}'")
    return value.strip()


def _int(path: Path, meta: dict[str, Any], key: str) -> int:
    value = meta.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise GuideError(path, f"front matter needs a positive whole number '{key}'")
    return value


def _strings(path: Path, meta: dict[str, Any], key: str, *, required: bool) -> tuple[str, ...]:
    value = meta.get(key, None if required else [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GuideError(path, f"front matter needs '{key}' as a list of texts")
    if required and not value:
        raise GuideError(path, f"front matter needs at least one entry in '{key}'")
    return tuple(v.strip() for v in value)


def _common(path: Path, meta: dict[str, Any]) -> tuple[str, str, int, int, tuple[str, ...], str]:
    item_id = _str(path, meta, "id")
    if not _ID.match(item_id):
        raise GuideError(path, f"the id '{item_id}' must be lower-case words joined by '-'")
    if item_id != path.stem:
        raise GuideError(path, f"the id '{item_id}' must match the file name '{path.stem}'")
    return (item_id, _str(path, meta, "title"), _int(path, meta, "order"),
            _int(path, meta, "minutes"), _strings(path, meta, "tags", required=True),
            _str(path, meta, "summary"))


def _heading_tuple(body: str) -> tuple[Heading, ...]:
    return tuple(Heading(level, text) for _, level, text in _headings(body) if level >= 2)


def parse_guide(path: Path, text: str) -> Guide:
    meta, body = split_front_matter(path, text)
    item_id, title, order, minutes, tags, summary = _common(path, meta)
    track = _str(path, meta, "track")
    if track not in TRACKS:
        raise GuideError(path, f"the track '{track}' must be one of {', '.join(TRACKS)}")
    _check_no_empty_sections(path, body)
    found = sections(body)
    for name in GUIDE_SECTIONS:
        if not found.get(name):
            raise GuideError(path, f"the section '## {name}' is missing or empty")
    return Guide(item_id, title, track, order, minutes, tags, summary, body,
                 _heading_tuple(body), path)


def _example(path: Path, title: str, text: str) -> ExampleResponse:
    quote: list[str] = []
    reasoning: list[str] = []
    for line in text.splitlines():
        if line.startswith(">") and not reasoning:
            quote.append(line)
        elif line.strip() or reasoning:
            reasoning.append(line)
    response, why = "\n".join(quote).strip(), "\n".join(reasoning).strip()
    if not response or not why:
        raise GuideError(path, f"'{title}' needs a quoted response followed by its reasoning")
    return ExampleResponse(title, response, why)


def parse_scenario(path: Path, text: str) -> Scenario:
    meta, body = split_front_matter(path, text)
    item_id, title, order, minutes, tags, summary = _common(path, meta)
    difficulty = str(meta.get("difficulty", "")).strip()
    related = _strings(path, meta, "related", required=False)
    _check_no_empty_sections(path, body)
    found = sections(body)
    for name in SCENARIO_SECTIONS:
        if name not in found:
            raise GuideError(path, f"the section '## {name}' is missing")
    questions = tuple(m.group(1).strip() for line in found["Reflection questions"].splitlines()
                      if (m := _NUMBERED.match(line)))
    if not questions:
        raise GuideError(path, "'Reflection questions' needs a numbered list of questions")
    examples = sections(found["Example responses"], level=3)
    responses = tuple(_example(path, name, text) for name, text in examples.items()
                      if name.startswith("Response"))
    if not responses:
        raise GuideError(path, "'Example responses' needs at least one '### Response N'")
    if RESPONSE_TO_AVOID not in examples:
        raise GuideError(path, f"'Example responses' needs a '### {RESPONSE_TO_AVOID}'")
    avoid = _example(path, RESPONSE_TO_AVOID, examples[RESPONSE_TO_AVOID])
    return Scenario(item_id, title, order, minutes, difficulty, tags, related, summary,
                    found["Situation"], found["What your colleague says"], questions, responses,
                    avoid, body, _heading_tuple(body), path)


def internal_links(body: str) -> list[tuple[str, str]]:
    """(text, target) of every `[text](guide:id)` or `[text](scenario:id)` link."""
    return [(m.group(1), m.group(2)) for m in _LINK.finditer(body)
            if m.group(2).startswith(INTERNAL_SCHEMES)]


def _check_library(guides: list[Guide], scenarios: list[Scenario]) -> None:
    seen: dict[str, Path] = {}
    everything: list[Item] = [*guides, *scenarios]
    for item in everything:
        if item.id in seen:
            raise GuideError(item.path, f"the id '{item.id}' is also used by {seen[item.id].name}")
        seen[item.id] = item.path
    guide_ids = {g.id for g in guides}
    scenario_ids = {s.id for s in scenarios}
    for item in everything:
        for text, target in internal_links(item.body):
            scheme, _, target_id = target.partition(":")
            known = guide_ids if scheme == "guide" else scenario_ids
            if target_id not in known:
                raise GuideError(item.path, f"the link [{text}]({target}) leads nowhere")
    for scenario in scenarios:
        for guide_id in scenario.related:
            if guide_id not in guide_ids:
                raise GuideError(scenario.path, f"the related guide '{guide_id}' does not exist")
    for track in TRACKS:
        in_track = [g for g in guides if g.track == track]
        if not in_track:
            raise GuideError(Path(f"{track} track"), "no guide belongs to it")
        orders = [g.order for g in in_track]
        if len(set(orders)) != len(orders):
            clash = sorted(g.path.name for g in in_track if orders.count(g.order) > 1)
            raise GuideError(Path(clash[0]) if clash else Path(track),
                             f"two guides in the {track} track share an order: {clash}")
    if not scenarios:
        raise GuideError(Path("scenarios"), "there are no practice scenarios")


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GuideError(path, msg("the file cannot be read ({reason})",
                                   reason=str(exc))) from exc


def load_library_from(root: Path) -> Library:
    """Load and check every guide and scenario under `root` (no caching)."""
    guide_dir, scenario_dir = root / "guides", root / "scenarios"
    if not guide_dir.is_dir():
        raise GuideError(guide_dir, msg("the guides folder is missing"))
    guides = [parse_guide(p, _read(p)) for p in sorted(guide_dir.glob("*.md"))]
    scenarios = ([parse_scenario(p, _read(p)) for p in sorted(scenario_dir.glob("*.md"))]
                 if scenario_dir.is_dir() else [])
    _check_library(guides, scenarios)
    guides.sort(key=lambda g: (TRACKS.index(g.track), g.order, g.id))
    scenarios.sort(key=lambda s: (s.order, s.id))
    return Library(tuple(guides), tuple(scenarios))


def _titles(path: Path) -> dict[str, tuple[str, str]]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise GuideError(path, f"the file is not valid TOML ({exc})") from exc
    result: dict[str, tuple[str, str]] = {}
    for item_id, entry in data.items():
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(key), str) and entry[key].strip()
                for key in ("title", "summary")):
            raise GuideError(path, f"'{item_id}' needs a non-empty title and summary")
        result[item_id] = (entry["title"].strip(), entry["summary"].strip())
    return result


def _translated_guide(original: Guide, path: Path) -> Guide:
    """`original` with the title, summary and body of its translation at `path`."""
    meta, body = split_front_matter(path, _read(path))
    _, title, *_, summary = _common(path, meta)  # _common checks the id matches the file
    if meta.get("track") != original.track or meta.get("order") != original.order:
        raise GuideError(path, "the translation must keep the original's track and order")
    _check_no_empty_sections(path, body)
    return replace(original, title=title, summary=summary, body=body,
                   headings=_heading_tuple(body), path=path)


# A translated scenario names its sections in its own language; they map to the format's names.
SCENARIO_HEADINGS: dict[str, dict[str, str]] = {
    "es": {"Situación": "Situation", "Lo que dice tu compañero": "What your colleague says",
           "Preguntas para reflexionar": "Reflection questions",
           "Respuestas de ejemplo": "Example responses",
           "Una respuesta que evitar": RESPONSE_TO_AVOID, "Respuesta": "Response"},
}


def _translated_scenario(original: Scenario, path: Path, language: str) -> Scenario:
    """`original` with the text of its translation at `path`; order, links and id unchanged."""
    aliases = SCENARIO_HEADINGS.get(language, {})

    def english(match: re.Match[str]) -> str:
        hashes, text = match.group(1), match.group(2)
        name, _, number = text.partition(" ")
        if text in aliases:
            return f"{hashes} {aliases[text]}"
        if number.isdigit() and name in aliases:  # "Respuesta 2" -> "Response 2"
            return f"{hashes} {aliases[name]} {number}"
        return match.group(0)

    text = re.sub(r"^(#{2,3})[ \t]+(.+?)[ \t]*$", english, _read(path), flags=re.MULTILINE)
    scenario = parse_scenario(path, text)
    if scenario.order != original.order or scenario.related != original.related:
        raise GuideError(path, "the translation must keep the original's order and related guides")
    return scenario


def localize_library(library: Library, root: Path, language: str) -> Library:
    """`library` in `language` where a translation exists: whole guides from
    `guides/<language>/<id>.md` and whole scenarios from `scenarios/<language>/<id>.md`, else
    titles and summaries from `guides/<language>/titles.toml`. Ids, tracks and order never
    change; untranslated items stay as they are."""
    folder = root / "guides" / language
    titles = _titles(folder / "titles.toml")
    unknown = sorted(set(titles) - library.ids)
    if unknown:
        raise GuideError(folder / "titles.toml", f"unknown ids: {', '.join(unknown)}")
    guides: list[Guide] = []
    for guide in library.guides:
        translated = folder / f"{guide.id}.md"
        if translated.is_file():
            guide = _translated_guide(guide, translated)
        elif guide.id in titles:
            guide = replace(guide, title=titles[guide.id][0], summary=titles[guide.id][1])
        guides.append(guide)
    scenarios: list[Scenario] = []
    for scenario in library.scenarios:
        translated = root / "scenarios" / language / f"{scenario.id}.md"
        if translated.is_file():
            scenario = _translated_scenario(scenario, translated, language)
        elif scenario.id in titles:
            scenario = replace(scenario, title=titles[scenario.id][0],
                               summary=titles[scenario.id][1])
        scenarios.append(scenario)
    _check_library(guides, scenarios)
    return Library(tuple(guides), tuple(scenarios))


@cache
def _cached(root: Path, language: str = "en") -> Library:
    library = load_library_from(root)
    return library if language == "en" else localize_library(library, root, language)


def load_library(root: Path | None = None, language: str = "en") -> Library:
    """The shipped guides and scenarios (in `language` where translated), read once per
    process."""
    return _cached((root or resources_dir()).resolve(), language)
