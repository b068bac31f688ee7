"""The referral directory workspace: search, filter, read, copy, edit; import and export packs.

"Ask" and "do" are split so tests drive the doing directly: `import_pack_file(path)` reads and
plans, `apply_import(pack, resolutions)` writes; `save_resource`, `delete_resource`,
`export_pack(path, name, resources)`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.referrals import (
    ImportResult,
    Resolution,
    Resource,
    ResourcePack,
    ResourceRepository,
    read_pack,
    read_starter_pack,
    write_pack,
)
from peerdesk.ui.i18n import current_language, display_taxonomy, message_text
from peerdesk.ui.messages import show_error, show_info
from peerdesk.ui.referrals.detail import ResourceDetail
from peerdesk.ui.referrals.dialogs import ExportDialog, ImportReviewDialog, ResourceEditDialog
from peerdesk.ui.referrals.table_model import (
    COL_NAME,
    COL_REGION,
    COL_TYPE,
    COL_USED,
    ResourceTableModel,
)
from peerdesk.ui.shortcuts import add_shortcut
from peerdesk.ui.tasks import Progress, run_in_background
from peerdesk.ui.workspaces import AppContext, Workspace


class ResourcesWorkspace(Workspace):
    workspace_id = "resources"

    import_finished = Signal(object)   # ImportResult, after an import was written
    export_finished = Signal(int)      # number of entries written
    review_opened = Signal(object)     # the ImportReviewDialog, once open (for tests)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("resourcesWorkspace")
        self.repository = ResourceRepository(context.vault)
        self._type_field = display_taxonomy().field("referral_type")
        self._usage: dict[str, int] = {}
        self._dialogs: list[QWidget] = []  # open non-modal helpers kept alive

        # -- toolbar: search and filters
        self.search = QLineEdit()
        self.search.setObjectName("resourceSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, what they offer, when to refer, "
                                               "region…  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the directory"))
        self.type_filter = self._combo("typeFilter", self.tr("Filter by type"))
        self.region_filter = self._combo("regionFilter", self.tr("Filter by region or site"))
        self.language_filter = self._combo("languageFilter", self.tr("Filter by language"))
        self.add_button = QPushButton(self.tr("&Add entry…"))
        self.add_button.setObjectName("addResource")
        self.add_button.setAccessibleName(self.tr("Add a directory entry"))
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 3)
        toolbar.addWidget(self.type_filter, 1)
        toolbar.addWidget(self.region_filter, 1)
        toolbar.addWidget(self.language_filter, 1)
        toolbar.addWidget(self.add_button)

        # -- list and detail
        self.model = ResourceTableModel()
        self.table = QTableView()
        self.table.setObjectName("resourceTable")
        self.table.setAccessibleName(self.tr("Directory entries"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move within it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_TYPE, 150)
        header.setSectionResizeMode(COL_REGION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_USED, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.no_match = QWidget()
        no_match_layout = QVBoxLayout(self.no_match)
        no_match_label = QLabel(self.tr("No entries match the search and filters."))
        no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        clear = QPushButton(self.tr("&Clear search and filters"))
        clear.clicked.connect(self.clear_filters)
        no_match_layout.addStretch(1)
        no_match_layout.addWidget(no_match_label)
        no_match_layout.addWidget(clear, 0, Qt.AlignmentFlag.AlignHCenter)
        no_match_layout.addStretch(1)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.no_match)
        self.count_label = QLabel()
        self.count_label.setObjectName("resourceCount")
        self.count_label.setWordWrap(True)  # the "to check" note is long in Spanish
        self.count_label.setMinimumWidth(120)
        count_policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        count_policy.setHeightForWidth(True)
        self.count_label.setSizePolicy(count_policy)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_stack, 1)
        list_layout.addWidget(self.count_label)

        self.detail = ResourceDetail()
        self.detail.setMinimumWidth(340)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)

        directory = QWidget()
        directory_layout = QVBoxLayout(directory)
        directory_layout.setContentsMargins(12, 12, 12, 8)
        directory_layout.addLayout(toolbar)
        directory_layout.addWidget(self.splitter, 1)

        # -- empty directory: offer the starter pack
        self.empty = self._build_empty_page()

        self.directory_page = directory
        self.pages = QStackedWidget()
        self.pages.addWidget(directory)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self._build_actions()
        self.search.textChanged.connect(self.refresh_list)
        for combo in (self.type_filter, self.region_filter, self.language_filter):
            combo.currentIndexChanged.connect(self.refresh_list)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _: self.edit_current())
        self.add_button.clicked.connect(self.add_entry)
        self.detail.edit_requested.connect(self.edit_current)
        self.detail.delete_requested.connect(self.ask_delete_current)
        self.reload()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ResourcesWorkspace", "Referral directory")

    # -- building ---------------------------------------------------------------------------

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(10)
        return combo

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyDirectory")
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(520)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Your referral directory is empty"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        text = QLabel(self.tr(
            "Keep the places you can send someone here: the employee assistance programme, HR, "
            "union representatives, helplines. Start from the starter pack — templates for the "
            "usual workplace resources that you complete with your local details — or import "
            "the pack your coordinator gave you."))
        text.setWordWrap(True)
        text.setMinimumHeight(text.heightForWidth(520 - 56))
        layout.addWidget(text)
        self.starter_button = QPushButton(self.tr("Load &starter pack"))
        self.starter_button.setObjectName("loadStarterPack")
        self.starter_button.setDefault(True)
        self.starter_button.clicked.connect(self.load_starter_pack)
        import_button = QPushButton(self.tr("&Import a pack…"))
        import_button.setObjectName("emptyImport")
        import_button.clicked.connect(self.choose_pack_to_import)
        add_button = QPushButton(self.tr("&Add an entry…"))
        add_button.clicked.connect(self.add_entry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.starter_button)
        buttons.addWidget(import_button)
        buttons.addWidget(add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        return page

    def _build_actions(self) -> None:
        # Ctrl+N and Ctrl+E already belong to the journal. F2 and Del work in the list (the
        # QShortcuts below); the actions only show them in the menu (WidgetShortcut on an
        # action that is in no widget but the menu never fires).
        def action(text: str, name: str, slot: object, hint: QKeySequence | None = None
                   ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            if hint is not None:
                act.setShortcut(hint)
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            return act

        self.add_action = action(self.tr("&Add entry…"), "addResourceAction", self.add_entry)
        self.edit_action = action(self.tr("&Edit entry…"), "editResourceAction",
                                  self.edit_current, QKeySequence(Qt.Key.Key_F2))
        self.delete_action = action(self.tr("&Delete entry…"), "deleteResourceAction",
                                    self.ask_delete_current,
                                    QKeySequence(QKeySequence.StandardKey.Delete))
        self.starter_action = action(self.tr("Load &starter pack"), "starterPackAction",
                                     self.load_starter_pack)
        self.import_action = action(self.tr("&Import pack…"), "importPackAction",
                                    self.choose_pack_to_import)
        self.export_action = action(self.tr("E&xport pack…"), "exportPackAction",
                                    self.ask_export)
        add_shortcut(self, "resources.find", self.focus_search)
        for key, slot in ((QKeySequence(Qt.Key.Key_F2), self.edit_current),
                          (QKeySequence(Qt.Key.Key_Return), self.edit_current),
                          (QKeySequence.StandardKey.Delete, self.ask_delete_current)):
            shortcut = QShortcut(key, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        # Down from the search box moves into the list, so the keyboard never has to reach
        # for the mouse between finding and reading.
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.table.setFocus)

    def menu_actions(self) -> list[QAction]:
        return [self.add_action, self.edit_action, self.delete_action, self.starter_action,
                self.import_action, self.export_action]

    # -- data ---------------------------------------------------------------------------------

    @property
    def stale_months(self) -> int:
        return int(self.context.settings.get("stale_resource_months"))

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read everything (filters' choices, usage counts, the list)."""
        self._usage = self.repository.usage_counts()
        self._fill_combo(self.type_filter, self.tr("All types"),
                         [(o.label, o.code) for o in self._type_field.options])
        self._fill_combo(self.region_filter, self.tr("All regions / sites"),
                         [(r, r) for r in self.repository.regions()])
        self._fill_combo(self.language_filter, self.tr("All languages"),
                         [(v, v) for v in self.repository.languages()])
        empty = self.repository.count() == 0
        self.pages.setCurrentWidget(self.empty if empty else self.directory_page)
        self.refresh_list()

    def _fill_combo(self, combo: QComboBox, everything: str,
                    items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, data in items:
            combo.addItem(label, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def refresh_list(self) -> None:
        keep = self.current_resource()
        rows = self.repository.search(
            self.search.text(), type=self.type_filter.currentData(),
            region=self.region_filter.currentData(),
            language=self.language_filter.currentData())
        self.model.set_rows(rows, self._usage, dt.date.today(), self.stale_months)
        total = self.repository.count()
        self.list_stack.setCurrentWidget(self.table if rows or total == 0 else self.no_match)
        text = (self._entries(total) if len(rows) == total
                else self.tr("{0} of {1} entries").format(len(rows), total))
        attention = self.model.attention_count()
        if attention and self.stale_months == 1:
            text += self.tr(" · {0} to check (marked ⚠: needs local details or not verified "
                            "in a month)").format(attention)
        elif attention:
            text += self.tr(" · {0} to check (marked ⚠: needs local details or not verified "
                            "in {1} months)").format(attention, self.stale_months)
        self.count_label.setText(text)
        row = self.model.row_of(keep.id) if keep else -1
        self.select_row(row if row >= 0 else (0 if rows else -1))
        self._update_actions()

    def _entries(self, count: int) -> str:
        return self.tr("1 entry") if count == 1 else self.tr("{0} entries").format(count)

    def select_row(self, row: int) -> None:
        if row < 0:
            self.table.clearSelection()
            self._show(None)
            return
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._show(self.model.resource(row))

    def select_id(self, resource_id: str) -> bool:
        row = self.model.row_of(resource_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def current_resource(self) -> Resource | None:
        return self.detail.resource

    def selected_resources(self) -> list[Resource]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.resource(row) for row in rows]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.resource(current.row()) if current.isValid() else None)

    def _show(self, resource: Resource | None) -> None:
        used = self._usage.get(resource.id, 0) if resource else 0
        self.detail.show_resource(resource, used, dt.date.today(), self.stale_months)
        self._update_actions()

    def _update_actions(self) -> None:
        has_current = self.detail.resource is not None
        self.edit_action.setEnabled(has_current)
        self.delete_action.setEnabled(has_current)
        self.export_action.setEnabled(self.model.rowCount() > 0
                                      or self.repository.count() > 0)

    def focus_search(self) -> None:
        if self.pages.currentIndex() == 0:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def clear_filters(self) -> None:
        for combo in (self.type_filter, self.region_filter, self.language_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()  # refreshes
        self.refresh_list()

    # -- add, edit, delete ------------------------------------------------------------------

    def add_entry(self) -> None:
        self._open_editor(None)

    def edit_current(self) -> None:
        if self.detail.resource is not None:
            self._open_editor(self.detail.resource)

    def _open_editor(self, resource: Resource | None) -> ResourceEditDialog:
        dialog = ResourceEditDialog(resource, self.repository.regions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            entered = dialog.resource()
            if entered is not None:
                self.save_resource(entered)

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def save_resource(self, resource: Resource) -> Resource | None:
        """Add (empty id) or update an entry; select it. Errors are shown, not raised."""
        try:
            saved = (self.repository.add(resource) if not resource.id
                     else self.repository.update(resource))
        except PeerDeskError as exc:
            show_error(self, self.tr("Entry not saved"), message_text(exc))
            return None
        self.reload()
        if not self.select_id(saved.id):  # hidden by the filters: show it anyway
            self.clear_filters()
            self.select_id(saved.id)
        self.context.events.directory_changed.emit()
        return saved

    def ask_delete_current(self) -> QMessageBox | None:
        resource = self.detail.resource
        if resource is None:
            return None
        used = self._usage.get(resource.id, 0)
        text = self.tr("Delete “{0}” from the directory?").format(resource.name)
        details = []
        if used:
            details.append(self.tr(
                "It is linked to {0}; those sessions keep their referral type but will no "
                "longer show this entry.").format(
                    self.tr("1 session") if used == 1 else self.tr("{0} sessions").format(used)))
        if not resource.is_own:
            details.append(self.tr("Importing the pack “{0}” again would bring it back.")
                           .format(resource.origin))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete entry"), text,
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmDelete")
        box.setInformativeText(" ".join(details))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        resource_id = resource.id
        box.buttonClicked.connect(
            lambda button: self.delete_resource(resource_id) if button is delete else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def delete_resource(self, resource_id: str) -> None:
        row = self.model.row_of(resource_id)
        try:
            self.repository.delete(resource_id)
        except PeerDeskError as exc:
            show_error(self, self.tr("Entry not deleted"), message_text(exc))
        self.reload()
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        self.context.events.directory_changed.emit()

    # -- import -------------------------------------------------------------------------------

    def load_starter_pack(self) -> None:
        self._read_then_review(None)

    def choose_pack_to_import(self) -> QFileDialog:
        chooser = QFileDialog(self, self.tr("Import resource pack"))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilter(self.tr("Resource packs (*.json);;All files (*)"))
        chooser.fileSelected.connect(lambda path: self.import_pack_file(Path(path)))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.open()
        return chooser

    def import_pack_file(self, path: Path) -> None:
        """Read and check the pack off the GUI thread, then show what importing it would do."""
        self._read_then_review(path)

    def _read_then_review(self, path: Path | None) -> None:
        language = current_language()  # asked here: the reading runs on a worker thread

        def read(_: Progress) -> ResourcePack:
            return read_starter_pack(language) if path is None else read_pack(path)

        # Without a failure callback, run_in_background shows a PeerDeskError's message.
        run_in_background(self, self.tr("Reading the resource pack…"), read, self.review_import)

    def review_import(self, pack: ResourcePack) -> ImportReviewDialog | None:
        """Ask how to import `pack` (summary and conflicts); import on confirmation.

        A pack with nothing to do gets an information message instead.
        """
        plan = self.repository.plan_import(pack)
        if not plan.new and not plan.updated and not plan.conflicts:
            show_info(self, self.tr("Nothing to import"), self.tr(
                "Every entry of “{0}” is already in your directory, unchanged.").format(
                    pack.name))
            return None
        dialog = ImportReviewDialog(plan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_import(pack, dialog.resolutions()))
        dialog.open()
        self.review_opened.emit(dialog)
        return dialog

    def apply_import(self, pack: ResourcePack, resolutions: dict[str, Resolution]) -> None:
        """Write the import off the GUI thread on the worker's own connection."""
        vault = self.context.vault

        def work(_: Progress) -> ImportResult:
            connection = vault.connect_another()
            try:
                return ResourceRepository(vault, connection).import_pack(pack, resolutions)
            finally:
                connection.close()

        run_in_background(self, self.tr("Importing “{0}”…").format(pack.name), work,
                          self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.reload()
        self.context.events.directory_changed.emit()
        parts = [self.tr("{0} new, {1} updated, {2} unchanged.").format(
            len(result.new), len(result.updated), len(result.unchanged))]
        if result.kept:
            parts.append(self.tr("Kept your version of {0}.").format(
                self._entries(len(result.kept))))
        if result.taken:
            parts.append(self.tr("Took the pack's version of {0}.").format(
                self._entries(len(result.taken))))
        if any(self.model.resource(r).needs_local_details for r in range(self.model.rowCount())):
            parts.append(self.tr("Entries marked “needs local details” are templates: add your "
                                 "local contact details to them."))
        show_info(self, self.tr("Imported “{0}”").format(result.pack_name), " ".join(parts))
        self.import_finished.emit(result)

    # -- export -------------------------------------------------------------------------------

    def ask_export(self) -> ExportDialog:
        selected = self.selected_resources()
        dialog = ExportDialog(self.repository.count(), len(selected),
                              self.tr("Resource pack {0}").format(dt.date.today().isoformat()),
                              self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def export() -> None:
            chosen = selected if dialog.only_selected() else self.repository.all()
            self.export_pack(Path(dialog.path.text().strip()).expanduser(),
                             dialog.name.text(), chosen)

        dialog.accepted.connect(export)
        dialog.open()
        return dialog

    def export_pack(self, path: Path, name: str, resources: list[Resource]) -> None:
        def work(_: Progress) -> int:
            return write_pack(path, name, resources)

        def done(count: int) -> None:
            show_info(self, self.tr("Pack exported"), self.tr("Wrote {0} to {1}.").format(
                self._entries(count), path))
            self.export_finished.emit(count)

        run_in_background(self, self.tr("Writing the resource pack…"), work, done)
