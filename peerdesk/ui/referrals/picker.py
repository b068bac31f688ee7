"""Pick referral-directory entries for a session: search as you type, tick, grouped by type.

Keyboard: type to filter; Down (or Enter) moves into the list; Space ticks; Up from the first
entry goes back to the search. Ticked entries stay ticked while hidden by the search. Ids
that are no longer in the directory (deleted entries) stay selected, shown under their own
heading, until unticked — so saving a session never drops a referral silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.referrals import Resource, ResourceRepository
from peerdesk.ui.i18n import display_taxonomy

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_MISSING_GROUP = "__missing__"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class ReferralPicker(QWidget):
    changed = Signal()

    def __init__(self, repository: ResourceRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralPicker")
        self._repository = repository
        self._type_field = display_taxonomy().field("referral_type")
        self._resources: dict[str, Resource] = {}
        self._selected: list[str] = []   # in the order ticked
        self._items: dict[str, QTreeWidgetItem] = {}
        self._groups: dict[str, QTreeWidgetItem] = {}

        self.search = QLineEdit()
        self.search.setObjectName("referralSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the referral directory…"))
        self.search.setAccessibleName(self.tr("Search referral directory entries"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("referralList")
        self.tree.setAccessibleName(self.tr("Referral directory entries"))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumHeight(140)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.summary = QLabel()
        self.summary.setObjectName("referralSummary")
        self.summary.setWordWrap(True)
        self.empty_hint = QLabel(self.tr(
            "The referral directory is empty. Add entries in the Referral directory workspace."))
        self.empty_hint.setObjectName("referralEmptyHint")
        self.empty_hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.summary)

        self.search.textChanged.connect(self._apply_filter)
        self.search.installEventFilter(self)
        self.tree.installEventFilter(self)
        self.tree.itemChanged.connect(self._item_changed)
        self.reload()

    # -- public API (contract) --------------------------------------------------------------

    def set_selected(self, ids: Sequence[str]) -> None:
        self._selected = list(dict.fromkeys(i for i in ids if i))
        self._rebuild()

    def selected_ids(self) -> tuple[str, ...]:
        return tuple(self._selected)

    def selected_types(self) -> frozenset[str]:
        return frozenset(self._resources[i].type for i in self._selected if i in self._resources)

    def reload(self) -> None:
        """Re-read the directory (keeps the selection)."""
        self._resources = {r.id: r for r in self._repository.all()}
        self._rebuild()

    # -- building ---------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self._items.clear()
        self._groups.clear()
        by_type: dict[str, list[Resource]] = {}
        for resource in self._resources.values():
            by_type.setdefault(resource.type, []).append(resource)
        for option in self._type_field.options:
            members = by_type.get(option.code)
            if not members:
                continue
            group = self._group(option.code, option.label)
            for resource in sorted(members, key=lambda r: (_fold(r.name), r.id)):
                self._add_item(group, resource.id, self._label(resource), self._tooltip(resource))
        missing = [i for i in self._selected if i not in self._resources]
        if missing:
            group = self._group(_MISSING_GROUP, self.tr("No longer in the directory"))
            for resource_id in missing:
                self._add_item(group, resource_id,
                               self.tr("Deleted entry ({0})").format(resource_id),
                               self.tr("This entry was deleted from the directory. Untick it "
                                       "to remove it from the session."))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.empty_hint.setVisible(not self._resources and not missing)
        self.tree.setVisible(bool(self._resources) or bool(missing))
        self._apply_filter()
        self._update_summary()

    def _group(self, key: str, label: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [label])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setData(0, ID_ROLE, None)
        self._groups[key] = group
        return group

    def _add_item(self, group: QTreeWidgetItem, resource_id: str, text: str,
                  tooltip: str) -> None:
        item = QTreeWidgetItem(group, [text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable)
        item.setData(0, ID_ROLE, resource_id)
        item.setToolTip(0, tooltip)
        item.setCheckState(0, Qt.CheckState.Checked if resource_id in self._selected
                           else Qt.CheckState.Unchecked)
        self._items[resource_id] = item

    def _label(self, resource: Resource) -> str:
        parts = [resource.name]
        if resource.region:
            parts.append(resource.region)
        parts.append(self.tr("confidential") if resource.confidential
                     else self.tr("may act"))
        return " · ".join(parts)

    def _tooltip(self, resource: Resource) -> str:
        return "\n".join(p for p in (resource.offers, resource.when_to_refer) if p)

    # -- behaviour --------------------------------------------------------------------------

    def _matches(self, resource_id: str, words: list[str]) -> bool:
        resource = self._resources.get(resource_id)
        if resource is None:
            return True  # a deleted but still selected entry is always shown
        haystack = _fold(" ".join((resource.name, resource.offers, resource.when_to_refer,
                                   resource.region,
                                   self._type_field.label_for(resource.type))))
        return all(word in haystack for word in words)

    def _apply_filter(self) -> None:
        words = _fold(self.search.text()).split()
        for group in self._groups.values():
            visible = 0
            for row in range(group.childCount()):
                item = group.child(row)
                if item is None:
                    continue
                shown = self._matches(str(item.data(0, ID_ROLE)), words)
                item.setHidden(not shown)
                visible += shown
            group.setHidden(visible == 0)
        current = self.tree.currentItem()
        if current is None or current.isHidden() or current.data(0, ID_ROLE) is None:
            first = self._first_visible()
            if first is not None:
                self.tree.setCurrentItem(first)

    def visible_ids(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self._visible_items()]

    def _visible_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for group in self._groups.values():
            if group.isHidden():
                continue
            for row in range(group.childCount()):
                child = group.child(row)
                if child is not None and not child.isHidden():
                    items.append(child)
        return items

    def _first_visible(self) -> QTreeWidgetItem | None:
        items = self._visible_items()
        return items[0] if items else None

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        resource_id = item.data(0, ID_ROLE)
        if resource_id is None:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        if checked and resource_id not in self._selected:
            self._selected.append(resource_id)
        elif not checked and resource_id in self._selected:
            self._selected.remove(resource_id)
        else:
            return
        self._update_summary()
        self.changed.emit()

    def toggle(self, resource_id: str) -> None:
        item = self._items.get(resource_id)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Unchecked
                               if item.checkState(0) == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)

    def _update_summary(self) -> None:
        if not self._selected:
            self.summary.setText(self.tr("No directory entry picked."))
            return
        names = [self._resources[i].name if i in self._resources
                 else self.tr("deleted entry {0}").format(i) for i in self._selected]
        self.summary.setText(self.tr("Picked: {0}").format("; ".join(names)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Return,
                                                  Qt.Key.Key_Enter):
                first = self._first_visible()
                if first is not None:
                    if self.tree.currentItem() not in self._visible_items():
                        self.tree.setCurrentItem(first)
                    self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
            if watched is self.tree:
                current = self.tree.currentItem()
                if key == Qt.Key.Key_Up and current is self._first_visible():
                    self.search.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
                if (key == Qt.Key.Key_Space and current is not None
                        and current.data(0, ID_ROLE) is not None):
                    self.toggle(str(current.data(0, ID_ROLE)))
                    return True
        return super().eventFilter(watched, event)
