"""Which workspaces and Journal-menu actions an unlocked journal gets, in order.

Imported when a journal is unlocked (on the unlock worker first, by `warm_up`), not at start:
importing every workspace pulls in reportlab, jsonschema and the program code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from peerdesk.ui.exchange.export_dialog import export_summary_action
from peerdesk.ui.guides.workspace import GuidesWorkspace
from peerdesk.ui.journal.follow_ups import FollowUpsWorkspace
from peerdesk.ui.journal.workspace import JournalWorkspace
from peerdesk.ui.program.workspace import ProgramWorkspace
from peerdesk.ui.referrals.workspace import ResourcesWorkspace
from peerdesk.ui.security import journal_menu_actions
from peerdesk.ui.settings_dialog import settings_action
from peerdesk.ui.workspaces import AppContext, Workspace

if TYPE_CHECKING:
    from peerdesk.ui.main_window import MainWindow

# In navigation order.
WORKSPACE_CLASSES: tuple[type[Workspace], ...] = (
    JournalWorkspace,
    FollowUpsWorkspace,
    ResourcesWorkspace,
    GuidesWorkspace,
    ProgramWorkspace,
)

JournalMenuProvider = Callable[["MainWindow", AppContext], list[QAction]]

# Each returns actions for the Journal menu (settings, change passphrase, backups, export…),
# built on unlock and removed on lock.
JOURNAL_MENU_PROVIDERS: tuple[JournalMenuProvider, ...] = (
    settings_action,
    journal_menu_actions,
    export_summary_action,
)
