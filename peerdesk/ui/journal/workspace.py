"""The journal workspace: search and filters on top, the session list, the editor as a page.

Keyboard: Ctrl+N new session, Ctrl+F search, Enter opens, Delete deletes (after asking),
Ctrl+T the peer's timeline, Ctrl+S saves in the editor, Esc goes back to the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import SessionNotFound, SessionRepository
from peerdesk.referrals import ResourceRepository
from peerdesk.ui.i18n import message_text
from peerdesk.ui.journal.delegates import SnippetDelegate
from peerdesk.ui.journal.editor import DRAFT_PREFIX, NEW_DRAFT_KEY, SessionEditor, draft_key
from peerdesk.ui.journal.filters import FilterBar
from peerdesk.ui.journal.list_loader import ListLoader
from peerdesk.ui.journal.list_model import (
    COL_BEHAVIOURS,
    COL_CHANNEL,
    COL_CONSENT,
    COL_CONTACT,
    COL_DATE,
    COL_DURATION,
    COL_FOLLOW_UP,
    COL_MATCH,
    COL_PEER,
    COL_RISK,
    COL_TIME,
    SORT_KEY_FOR_COLUMN,
    SessionListModel,
)
from peerdesk.ui.journal.timeline import PeerTimelineDialog
from peerdesk.ui.messages import show_error
from peerdesk.ui.shortcuts import add_shortcut, apply_shortcut
from peerdesk.ui.style import scaled_font_css, tone_css
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.ui.workspaces import AppContext, Workspace


class JournalWorkspace(Workspace):
    workspace_id = "journal"

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 filters: FilterBar | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("journalWorkspace")
        self.filters = filters if filters is not None else FilterBar()
        self.repository = SessionRepository(context.vault)
        self.drafts = DraftStore(context.vault)
        # Searches and counts run on the loader's own connection, never on the GUI thread.
        self.loader = ListLoader(context.vault, self)
        self.model = SessionListModel(self.repository, loader=self.loader)
        self._select_when_loaded: int | None = None
        self.draft_prompt: QMessageBox | None = None
        self.delete_prompt: QMessageBox | None = None
        self.timeline: PeerTimelineDialog | None = None
        self.csv_wizard: QWidget | None = None
        self._offered_drafts = False

        # The session editor (a large form) is built when first needed, not at unlock.
        self._editor: SessionEditor | None = None

        self.pages = QStackedWidget()
        self.list_page = self._build_list_page()
        self.model.rows_loaded.connect(self._rows_loaded)
        self.model.total_changed.connect(self._count_now)
        self.pages.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        context.events.navigate_to_session.connect(self._navigate_to_session)
        context.events.follow_up_done.connect(self._follow_up_done)
        context.events.sessions_replaced.connect(self._sessions_replaced)
        # The model has loaded its first page already: load again only if the filters differ.
        if self.filters.current_filter() != self.model.filter:
            self._apply_filter()
        else:
            self._filter_applied()
        self.label_update: BackgroundTask | None = None
        if not self.repository.search_labels_current():
            self._update_search_labels()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("JournalWorkspace", "Journal")

    @classmethod
    def build_in_turns(cls, context: AppContext) -> Iterator[Workspace | None]:
        filters = FilterBar()  # about half of the building: a turn of its own
        yield None
        yield cls(context, filters=filters)

    @property
    def editor(self) -> SessionEditor:
        """The session editor, built on first use."""
        if self._editor is None:
            context = self.context
            editor = SessionEditor(self.repository, self.drafts,
                                   org_units=context.settings.get("org_units") or [],
                                   events=context.events,
                                   referrals=ResourceRepository(context.vault),
                                   settings=context.settings)
            editor.saved.connect(self._session_saved)
            editor.close_requested.connect(self.show_list)
            editor.timeline_requested.connect(self.show_timeline)
            editor.delete_requested.connect(self.request_delete)
            self.pages.addWidget(editor)
            self._editor = editor
        return self._editor

    def _editing(self) -> bool:
        """Whether the editor is built and shown (asking does not build it)."""
        return self._editor is not None and self.pages.currentWidget() is self._editor

    # -- building -------------------------------------------------------------------------

    def _build_list_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("journalListPage")
        self.filters.changed.connect(self._apply_filter)
        self.new_button = QPushButton(self.tr("&New session"))
        self.new_button.setObjectName("newSessionButton")
        self.new_button.setAccessibleName(self.tr("New session"))
        self.new_button.setToolTip(self.tr("Log a new session (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_session)
        self.filters.top_row.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setObjectName("sessionTable")
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((COL_DATE, 92), (COL_TIME, 52), (COL_DURATION, 64),
                              (COL_PEER, 124), (COL_CONTACT, 140), (COL_CHANNEL, 120),
                              (COL_BEHAVIOURS, 240), (COL_CONSENT, 70),
                              (COL_FOLLOW_UP, 104), (COL_RISK, 40), (COL_MATCH, 300)):
            # Widths grow with the system font (a date must fit its column) and never clip
            # the heading, whatever the language.
            scale = max(1.0, self.table.fontMetrics().horizontalAdvance("2026-12-31") / 80)
            header.resizeSection(column, max(round(width * scale),
                                             header.sectionSizeHint(column)))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_BEHAVIOURS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_MATCH, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSectionsClickable(True)
        self.table.activated.connect(self._open_index)
        self.snippet_delegate = SnippetDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_MATCH, self.snippet_delegate)

        self.count_label = QLabel()
        self.count_label.setObjectName("sessionCount")
        self.count_label.setStyleSheet(tone_css("muted"))
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyJournal")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(
            tone_css("muted") + scaled_font_css(1.3) + " padding: 40px;")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addWidget(self.filters)
        layout.addWidget(self.list_stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        hint = QLabel(self.tr("Enter opens · Delete deletes · Ctrl+T peer timeline"))
        hint.setStyleSheet(tone_css("muted"))
        bottom.addWidget(hint)
        layout.addLayout(bottom)

        def shortcut(keys: QKeySequence | QKeySequence.StandardKey | str,
                     slot: Callable[[], object], widget: QWidget,
                     context: Qt.ShortcutContext) -> None:
            sc = QShortcut(QKeySequence(keys), widget)
            sc.setContext(context)
            sc.activated.connect(slot)

        add_shortcut(page, "journal.find", self.filters.focus_search)
        add_shortcut(page, "journal.timeline", self._timeline_for_selection)
        shortcut(QKeySequence.StandardKey.Delete, self._delete_selection, self.table,
                 Qt.ShortcutContext.WidgetShortcut)
        return page

    def menu_actions(self) -> list[QAction]:
        new = QAction(self.tr("&New session"), self)
        apply_shortcut(new, "app.new_session")
        new.triggered.connect(self._new_from_menu)
        find = QAction(self.tr("&Find sessions"), self)
        find.triggered.connect(self._find_from_menu)
        import_csv = QAction(self.tr("&Import contact log (CSV)…"), self)
        import_csv.setObjectName("importCsvAction")
        import_csv.triggered.connect(self.show_csv_wizard)
        return [new, find, import_csv]

    def _show_self(self) -> None:
        self.context.events.navigate_to_workspace.emit(self.workspace_id)

    def _new_from_menu(self) -> None:
        self._show_self()
        self.new_session()

    def _find_from_menu(self) -> None:
        self._show_self()
        self.show_list()
        self.filters.focus_search()

    # -- list ---------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self.model.set_filter(self.filters.current_filter())
        self._filter_applied()

    def _filter_applied(self) -> None:
        # While searching, the matching text takes the place of the behaviour labels.
        searching = bool(self.model.filter.text)
        self.table.setColumnHidden(COL_MATCH, not searching)
        self.table.setColumnHidden(COL_BEHAVIOURS, searching)
        self.table.setColumnHidden(COL_DURATION, searching)
        self._update_count()

    def _update_count(self) -> None:
        """Show the count when known; it is counted on the worker after the first rows show
        (`total_changed` calls back)."""
        self._count_now()

    def _count_now(self) -> None:
        total = self.model.total
        filtered = self.filters.is_filtered()
        if total is None:
            self.count_label.setText(self.tr("Searching…") if self.model.loading else
                                     self.tr("Counting…"))
        elif filtered:
            self.count_label.setText(self.tr("1 session matches") if total == 1 else
                                     self.tr("{0} sessions match").format(f"{total:,}"))
        else:
            self.count_label.setText(self.tr("1 session in your journal") if total == 1 else
                                     self.tr("{0} sessions in your journal")
                                     .format(f"{total:,}"))
        if total == 0 and not self.model.loading:
            self.empty_label.setText(
                self.tr("No sessions match the search and filters.") if filtered else
                self.tr("No sessions yet.\nPress Ctrl+N to log your first one."))
            self.list_stack.setCurrentWidget(self.empty_label)
        else:
            self.list_stack.setCurrentWidget(self.table)

    def _rows_loaded(self) -> None:
        self._count_now()
        select_id, self._select_when_loaded = self._select_when_loaded, None
        if select_id is not None:
            self.select_session(select_id)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if column not in SORT_KEY_FOR_COLUMN:
            # Not sortable: put the indicator back where the list really is sorted.
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, Qt.SortOrder.DescendingOrder
                                    if self.model.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self.model.sort(column, order)

    def _update_search_labels(self) -> None:
        """Bring the labels in the search index up to date after a taxonomy or translation
        change (once, in the background; searching works meanwhile, by the old labels)."""
        vault = self.context.vault

        def update(progress: Progress) -> int:
            connection = vault.connect_another()  # a worker never uses the GUI's connection
            try:
                return SessionRepository(vault, connection=connection).refresh_search_labels(
                    lambda done, total: progress.update(done, total))
            finally:
                connection.close()

        self.label_update = run_in_background(
            self, self.tr("Updating the search index…"), update, lambda _: self.refresh())

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None:
            select_id = self.selected_id()
        self._select_when_loaded = select_id
        self.model.refresh()  # selects once the rows are in (`_rows_loaded`)
        self._update_count()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item = self.model.row_at(index.row())
        return item.id if item else None

    def select_session(self, session_id: int) -> bool:
        row = self.model.row_of_id(session_id)
        if row is None:
            return False
        index = self.model.index(row, COL_DATE)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        item = self.model.row_at(index.row())
        if item is not None:
            self.open_session(item.id)

    def show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_page)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- opening the editor ---------------------------------------------------------------

    def _leave_editor_then(self, then: Callable[[], None]) -> None:
        if self._editing():
            self.editor.request_close(then)
        else:
            then()

    def new_session(self) -> None:
        self._leave_editor_then(lambda: self._open_editor(None))

    def open_session(self, session_id: int) -> None:
        self._leave_editor_then(lambda: self._open_editor(session_id))

    def _navigate_to_session(self, session_id: int) -> None:
        self._show_self()
        self.open_session(session_id)

    def _open_editor(self, session_id: int | None) -> None:
        key = draft_key(session_id)
        payload = self.drafts.load(key)
        if payload is not None:
            self.offer_draft(key, payload)
            return
        self._show_editor(session_id)

    def _show_editor(self, session_id: int | None) -> bool:
        if session_id is None:
            self.editor.new_session()
        else:
            try:
                session = self.repository.get(session_id)
            except SessionNotFound as error:
                show_error(self, self.tr("Session not found"), message_text(error))
                self.refresh()
                return False
            self.editor.open_session(session)
        self.pages.setCurrentWidget(self.editor)
        self.editor.focus_first_field()
        return True

    # -- drafts ---------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self._offered_drafts:
            self._offered_drafts = True
            self.offer_pending_draft()

    def offer_pending_draft(self) -> bool:
        """Offer the newest draft left by a crash or a lock, if any."""
        for key in list(self.drafts.keys()):
            if not key.startswith(DRAFT_PREFIX):
                continue
            payload = self.drafts.load(key)
            if payload is None:
                continue
            self.offer_draft(key, payload)
            return True
        return False

    def offer_draft(self, key: str, payload: dict[str, object]) -> None:
        saved_at = str(payload.get("saved_at", ""))
        when = saved_at.replace("T", " ")[:16] if saved_at else self.tr("earlier")
        what = (self.tr("a new session") if key == NEW_DRAFT_KEY
                else str(payload.get("title") or self.tr("a session")))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved draft"),
                          self.tr("PeerDesk kept an unsaved draft of {0} ({1}).")
                          .format(what, when),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("draftPrompt")
        box.setInformativeText(self.tr("Restore it to carry on where you left off?"))
        restore = box.addButton(self.tr("&Restore draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard draft"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(discard)

        def answered(_result: int) -> None:
            self.draft_prompt = None
            box.deleteLater()
            self.resolve_draft(key, box.clickedButton() is restore)

        box.finished.connect(answered)
        self.draft_prompt = box
        box.open()

    def resolve_draft(self, key: str, restore: bool) -> None:
        """Restore the draft under `key` into the editor, or throw it away."""
        payload = self.drafts.load(key)
        session_id: int | None = None
        if key != NEW_DRAFT_KEY:
            try:
                session_id = int(key.removeprefix(DRAFT_PREFIX))
            except ValueError:
                self.drafts.discard(key)
                return
        if not restore or payload is None:
            self.drafts.discard(key)
            if session_id is not None and not self._editing():
                self._show_editor(session_id)
            return
        original = None
        if session_id is not None:
            try:
                original = self.repository.get(session_id)
            except SessionNotFound:
                original = None  # deleted meanwhile: the draft becomes a new session
                self.drafts.discard(key)
        self.editor.restore_draft(payload, original)
        if original is None and session_id is not None:
            self.editor.save_draft()
        self.pages.setCurrentWidget(self.editor)
        self.editor.focus_first_field()

    def prepare_lock(self) -> None:
        self.loader.stop()
        if self._editor is not None:
            self._editor.stop()
        for dialog in (self.timeline, self.csv_wizard):
            if dialog is not None:
                dialog.close()

    def confirm_close(self) -> bool:
        if not self._editing() or not self.editor.is_dirty():
            return True
        window = self.window()
        self.editor.request_close(lambda: window.close())
        return False

    # -- after changes ----------------------------------------------------------------------------

    def _session_saved(self, session: object) -> None:
        session_id = getattr(session, "id", None)
        self.refresh(select_id=session_id)
        if isinstance(session_id, int):
            self.context.events.session_saved.emit(session_id)

    def _follow_up_done(self, _session_id: int) -> None:
        self.refresh()

    def _sessions_replaced(self) -> None:
        self.refresh()

    # -- delete -----------------------------------------------------------------------------------

    def _delete_selection(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.request_delete(session_id)

    def request_delete(self, session_id: int) -> None:
        """Ask, naming the session by date and peer code; delete only on a clear yes."""
        try:
            session = self.repository.get(session_id)
        except SessionNotFound as error:
            show_error(self, self.tr("Session not found"), message_text(error))
            return
        who = session.peer_code or self.tr("no peer code")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete session"),
                          self.tr("Delete the session of {0} with {1}?").format(
                              session.date.isoformat(), who),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("deletePrompt")
        box.setInformativeText(self.tr("Its notes are removed from the journal file for good. "
                                       "This cannot be undone."))
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(_result: int) -> None:
            self.delete_prompt = None
            box.deleteLater()
            if box.clickedButton() is delete:
                self.delete_session(session_id)

        box.finished.connect(answered)
        self.delete_prompt = box
        box.open()

    def delete_session(self, session_id: int) -> None:
        try:
            self.repository.delete(session_id)
        except PeerDeskError as error:
            show_error(self, self.tr("Not deleted"), message_text(error))
            return
        self.drafts.discard(draft_key(session_id))
        if self._editor is not None and self._editor.session_id == session_id:
            self._editor.new_session()  # forget the deleted text on screen
            self.show_list()
        self.refresh()
        self.context.events.session_deleted.emit(session_id)

    # -- timeline -----------------------------------------------------------------------------

    def _timeline_for_selection(self) -> None:
        index = self.table.currentIndex()
        item = self.model.row_at(index.row()) if index.isValid() else None
        if item is not None and item.peer_code:
            self.show_timeline(item.peer_code)

    def show_timeline(self, peer_code: str) -> PeerTimelineDialog:
        if self.timeline is not None:
            self.timeline.close()
        dialog = PeerTimelineDialog(self.repository, peer_code, parent=self)
        dialog.open_requested.connect(self.open_session)
        dialog.finished.connect(lambda _r: self._forget_timeline(dialog))
        self.timeline = dialog
        dialog.open()
        return dialog

    def _forget_timeline(self, dialog: PeerTimelineDialog) -> None:
        if self.timeline is dialog:
            self.timeline = None
        dialog.deleteLater()

    # -- CSV import -----------------------------------------------------------------------------

    def show_csv_wizard(self) -> None:
        from peerdesk.ui.journal.csv_wizard import CsvImportWizard

        self._show_self()
        wizard = CsvImportWizard(self.context.vault, parent=self)
        wizard.imported.connect(lambda _n: self.context.events.sessions_replaced.emit())
        wizard.finished.connect(lambda _r: self._forget_wizard(wizard))
        self.csv_wizard = wizard
        wizard.open()

    def _forget_wizard(self, wizard: QWidget) -> None:
        if self.csv_wizard is wizard:
            self.csv_wizard = None
        wizard.deleteLater()
