"""The workspaces shown after unlock, and what each one is given.

A workspace is built when the journal is unlocked and destroyed when it is locked, so no
decrypted value outlives the lock. Feature issues add their workspace to `WORKSPACE_CLASSES` in
`peerdesk.ui.workspace_list`. Workspaces reach each other only through `AppContext.events`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from peerdesk.settings import Settings
from peerdesk.ui.events import AppEvents
from peerdesk.vault import Vault


@dataclass
class AppContext:
    """What an unlocked session of the app shares with its workspaces."""

    vault: Vault
    journal_path: Path
    settings: Settings
    demo: bool = False
    # What happens in this journal (saves, navigation requests…), shared by its workspaces.
    events: AppEvents = field(default_factory=AppEvents)


class Workspace(QWidget):
    """Base of every workspace. Subclasses set `workspace_id` and `title()`."""

    workspace_id = ""
    badge_changed = Signal(str)  # short text next to the navigation entry, e.g. a count

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.badge = ""

    def set_badge(self, text: str) -> None:
        """Show `text` beside the navigation entry (kept, so a badge set while the workspace is
        being built still appears once it is added)."""
        self.badge = text
        self.badge_changed.emit(text)

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError

    @classmethod
    def build_in_turns(cls, context: AppContext) -> Iterator[Workspace | None]:
        """Build the workspace one piece per `next()`, the workspace itself last: unlock runs
        one step per turn of the event loop (`peerdesk.ui.turns`). A workspace that takes
        long to build yields None after each part it makes ahead."""
        yield cls(context)

    def activated(self) -> None:
        """Called each time the workspace is shown."""

    def prepare_lock(self) -> None:
        """Called before the journal closes: save drafts, stop timers. Must not ask the user."""

    def confirm_close(self) -> bool:
        """Called before quitting; return False to keep the app open."""
        return True

    def menu_actions(self) -> list[QAction]:
        """Actions put in a menu named after this workspace while it exists."""
        return []
