"""The unlocked window's body: navigation on the left, the current workspace on the right.

Workspaces are built when first shown, not at unlock: a supporter who never opens the program
dashboard or the guides never pays for their widgets. Until then a light placeholder holds the
workspace's place in the navigation and the stack (`add_later`); showing it, or asking for it
(`workspace`), builds it and puts it in its place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.ui.style import notice_css
from peerdesk.ui.workspaces import Workspace

NAVIGATION_WIDTH = 190  # at the usual font size; grows to fit its entries

WorkspaceClass = type[Workspace]


class _NotBuiltYet(QWidget):
    """Holds a workspace's place in the stack until it is first shown."""

    def __init__(self, cls: WorkspaceClass, build: Callable[[WorkspaceClass], Workspace]) -> None:
        super().__init__()
        self.cls = cls
        self.build = build
        self.workspace_id = cls.workspace_id


class WorkspaceShell(QWidget):
    """Navigation on the left, the current workspace on the right."""

    workspace_built = Signal(object)  # a Workspace built when first shown (for its menu)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Workspaces"))
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        # Roomy entries; colours stay the palette's so light, dark and high contrast all work.
        self.navigation.setStyleSheet(
            "QListWidget#navigation { background: palette(base); padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 7px 12px; border-radius: 4px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }")
        nav_font = self.navigation.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.navigation.setFont(nav_font)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setVisible(False)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(notice_css("warning") + " padding: 6px; font-weight: bold;")
        self.stack = QStackedWidget()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addLayout(right, 1)
        self.navigation.currentRowChanged.connect(self._show_row)
        self._entries: list[Workspace | _NotBuiltYet] = []

    @property
    def workspaces(self) -> list[Workspace]:
        """The workspaces built so far, in navigation order."""
        return [entry for entry in self._entries if isinstance(entry, Workspace)]

    @property
    def workspace_ids(self) -> list[str]:
        """Every workspace's id, built or not, in navigation order."""
        return [entry.workspace_id for entry in self._entries]

    def add_workspace(self, workspace: Workspace) -> None:
        self._add_entry(workspace, workspace.title())
        self._wire_badge(len(self._entries) - 1, workspace)

    def add_later(self, cls: WorkspaceClass, build: Callable[[WorkspaceClass], Workspace]) -> None:
        """A navigation entry for `cls`, built by `build(cls)` when first shown."""
        self._add_entry(_NotBuiltYet(cls, build), cls.title())

    def _add_entry(self, entry: Workspace | _NotBuiltYet, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, entry.workspace_id)
        self.navigation.addItem(item)
        self.stack.addWidget(entry)
        self._entries.append(entry)

    def _wire_badge(self, row: int, workspace: Workspace) -> None:
        workspace.badge_changed.connect(
            lambda text, row=row, ws=workspace: self._set_badge(row, ws, text)
        )
        self._set_badge(row, workspace, workspace.badge)

    def workspace(self, workspace_id: str) -> Workspace | None:
        """The workspace with this id (built now if it was not yet), or None."""
        for row, entry in enumerate(self._entries):
            if entry.workspace_id == workspace_id:
                return self._built(row)
        return None

    def _built(self, row: int) -> Workspace:
        entry = self._entries[row]
        if isinstance(entry, Workspace):
            return entry
        workspace = entry.build(entry.cls)
        current = self.stack.currentIndex() == row
        self.stack.insertWidget(row, workspace)
        self.stack.removeWidget(entry)
        entry.deleteLater()
        self._entries[row] = workspace
        if current:
            self.stack.setCurrentIndex(row)
        self._wire_badge(row, workspace)
        self.workspace_built.emit(workspace)
        return workspace

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self._built(row)  # before it is shown: the placeholder never paints
        self.stack.setCurrentIndex(row)

    def _set_badge(self, row: int, workspace: Workspace, text: str) -> None:
        item = self.navigation.item(row)
        if item is not None:
            item.setText(f"{workspace.title()}  ({text})" if text else workspace.title())
            self._fit_navigation()

    def _fit_navigation(self) -> None:
        """Wide enough for the longest entry: badges, large system fonts, longer languages."""
        wanted = self.navigation.sizeHintForColumn(0) + 4 * self.navigation.spacing() + 8
        self.navigation.setFixedWidth(max(NAVIGATION_WIDTH, wanted))

    def show_workspace(self, workspace_id: str) -> bool:
        for row, entry in enumerate(self._entries):
            if entry.workspace_id == workspace_id:
                self.navigation.setCurrentRow(row)
                return True
        return False

    def remove_all(self) -> None:
        for entry in self._entries:
            self.stack.removeWidget(entry)
            entry.setParent(None)
            entry.deleteLater()
        self._entries.clear()
        self.navigation.clear()
        self.banner.clear()
        self.banner.setVisible(False)
