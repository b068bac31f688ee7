"""Guides and practice scenarios: loading and checking, search, training progress."""

from peerdesk.guides.loader import GuideError, load_library
from peerdesk.guides.model import (
    DISCLAIMER,
    GUIDE,
    SCENARIO,
    TRACK_LABELS,
    TRACKS,
    ExampleResponse,
    Guide,
    Heading,
    Item,
    Library,
    Scenario,
)
from peerdesk.guides.progress import (
    FileProgressStore,
    MemoryProgressStore,
    ProgressStore,
    ProgressSummary,
    TrainingProgressRepository,
    move_progress,
    summarise,
)
from peerdesk.guides.search import SearchIndex, SearchResult, Snippet, search_index

__all__ = [
    "DISCLAIMER",
    "GUIDE",
    "SCENARIO",
    "TRACKS",
    "TRACK_LABELS",
    "ExampleResponse",
    "FileProgressStore",
    "Guide",
    "GuideError",
    "Heading",
    "Item",
    "Library",
    "MemoryProgressStore",
    "ProgressStore",
    "ProgressSummary",
    "Scenario",
    "SearchIndex",
    "SearchResult",
    "Snippet",
    "TrainingProgressRepository",
    "load_library",
    "move_progress",
    "search_index",
    "summarise",
]
