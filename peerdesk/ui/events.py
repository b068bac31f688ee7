"""What happens in an unlocked journal that other parts of the app react to.

One `AppEvents` belongs to each `AppContext` and is handed to every workspace. Workspaces do
not call each other: one emits an event, the others connect to it. Searching for a signal's
name finds every emitter (`.emit`) and every listener (`.connect`).
"""

from __future__ import annotations

from PySide6.QtCore import QMetaMethod, QObject, Signal


class AppEvents(QObject):
    """Typed signals shared by the workspaces of one unlocked journal."""

    # -- the journal's data changed ---------------------------------------------------------
    session_saved = Signal(int)        # session id, after the editor saved it
    session_deleted = Signal(int)      # session id, after it was deleted
    sessions_replaced = Signal()       # many sessions at once: CSV import, peer-code review
    follow_up_done = Signal(int)       # session id whose follow-up was marked done
    directory_changed = Signal()       # a referral entry added, edited, deleted or imported
    settings_changed = Signal(list)    # keys (list[str]) of settings the user just changed

    # -- requests to show something -----------------------------------------------------------
    navigate_to_workspace = Signal(str)  # workspace_id
    navigate_to_session = Signal(int)    # session id, opened in the journal's editor
    navigate_to_guide = Signal(str)      # guide or scenario id, opened in the guides workspace

    def guides_available(self) -> bool:
        """Whether anything opens guides (the guides workspace is built), so a link to a guide
        is worth showing."""
        return self.isSignalConnected(QMetaMethod.fromSignal(self.navigate_to_guide))
