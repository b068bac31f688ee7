"""Guides and practice scenarios as plain, frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TRACKS: tuple[str, ...] = ("trainee", "supporter", "coordinator")
TRACK_LABELS: dict[str, str] = {
    "trainee": "Trainee path",
    "supporter": "Supporter reference",
    "coordinator": "Coordinator",
}
GUIDE = "guide"
SCENARIO = "scenario"
DISCLAIMER = "This is not legal, medical or clinical advice."


@dataclass(frozen=True)
class Heading:
    """A `##` or `###` heading in a guide or scenario body."""

    level: int
    text: str


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    track: str
    order: int
    minutes: int
    tags: tuple[str, ...]
    summary: str
    body: str  # Markdown, front matter removed
    headings: tuple[Heading, ...]
    path: Path

    @property
    def kind(self) -> str:
        return GUIDE

    @property
    def word_count(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class ExampleResponse:
    title: str
    response: str  # Markdown (usually a block quote)
    reasoning: str  # Markdown ("**Why it works:** …")


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    order: int
    minutes: int
    difficulty: str
    tags: tuple[str, ...]
    related: tuple[str, ...]  # guide ids
    summary: str
    situation: str  # Markdown
    colleague_says: str  # Markdown
    reflection_questions: tuple[str, ...]
    responses: tuple[ExampleResponse, ...]
    response_to_avoid: ExampleResponse
    body: str
    headings: tuple[Heading, ...]
    path: Path

    @property
    def kind(self) -> str:
        return SCENARIO


Item = Guide | Scenario


@dataclass(frozen=True)
class Library:
    """Every guide and scenario, validated. Guides are in track order, then `order`."""

    guides: tuple[Guide, ...]
    scenarios: tuple[Scenario, ...]

    def track(self, track: str) -> tuple[Guide, ...]:
        return tuple(g for g in self.guides if g.track == track)

    @property
    def trainee_path(self) -> tuple[Guide, ...]:
        return self.track("trainee")

    @property
    def items(self) -> tuple[Item, ...]:
        everything: tuple[Item, ...] = (*self.guides, *self.scenarios)
        return everything

    def get(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def find(self, item_id: str) -> Item | None:
        try:
            return self.get(item_id)
        except KeyError:
            return None

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self.items)
