"""The workspaces shown after unlock, and what each one is given.

A workspace is built when the journal is unlocked and destroyed when it is locked, so no
decrypted value outlives the lock. Feature issues add their workspace to `WORKSPACES`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from peerdesk.settings import Settings
from peerdesk.vault import Vault

# "module:Class" of each workspace, in navigation order.
WORKSPACES: tuple[str, ...] = (
    "peerdesk.ui.journal.workspace:JournalWorkspace",
    "peerdesk.ui.journal.follow_ups:FollowUpsWorkspace",
    "peerdesk.ui.referrals.workspace:ResourcesWorkspace",
    "peerdesk.ui.guides.workspace:GuidesWorkspace",
    "peerdesk.ui.program.workspace:ProgramWorkspace",
)

# "module:function" taking (MainWindow, AppContext) and returning actions for the Journal menu
# (change passphrase, backups, …). Built on unlock, removed on lock.
JOURNAL_MENU_PROVIDERS: tuple[str, ...] = (
    "peerdesk.ui.settings_dialog:settings_action",
    "peerdesk.ui.security:journal_menu_actions",
    "peerdesk.ui.exchange.export_dialog:export_summary_action",
)


@dataclass
class AppContext:
    """What an unlocked session of the app shares with its workspaces."""

    vault: Vault
    journal_path: Path
    settings: Settings
    demo: bool = False
    # Callbacks workspaces may use to reach each other (e.g. "open session 12 in the journal").
    services: dict[str, Callable[..., object]] = field(default_factory=dict)


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


def _resolve(spec: str) -> object:
    module_name, _, attribute = spec.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def workspace_classes() -> list[type[Workspace]]:
    classes: list[type[Workspace]] = []
    for spec in WORKSPACES:
        cls = _resolve(spec)
        if not (isinstance(cls, type) and issubclass(cls, Workspace)):
            raise TypeError(f"{spec} is not a Workspace")
        classes.append(cls)
    return classes


def journal_menu_providers() -> list[Callable[..., list[QAction]]]:
    providers: list[Callable[..., list[QAction]]] = []
    for spec in JOURNAL_MENU_PROVIDERS:
        provider = _resolve(spec)
        if not callable(provider):
            raise TypeError(f"{spec} is not callable")
        providers.append(provider)
    return providers
