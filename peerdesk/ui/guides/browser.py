"""The guide browser: tracks, a rendered page with contents and find, search, progress.

Used by the Guides workspace (progress kept in the journal) and on its own from the start
screen (progress kept in memory only, and the browser says so).
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.guides import (
    GUIDE,
    TRACKS,
    Guide,
    Item,
    Library,
    ProgressStore,
    Scenario,
    SearchResult,
    search_index,
    summarise,
)
from peerdesk.guides.loader import RESPONSE_TO_AVOID
from peerdesk.guides.render import Rendered, TocEntry, markdown_to_html
from peerdesk.reports.training_record import TrainingRecord, write_training_record
from peerdesk.ui.guides.reader import ReaderView
from peerdesk.ui.i18n import current_language, display_library, message_text
from peerdesk.ui.messages import show_error
from peerdesk.ui.shortcuts import key_sequences
from peerdesk.ui.style import notice_css, tone, tone_css
from peerdesk.ui.tasks import Progress, run_in_background

ID_ROLE = Qt.ItemDataRole.UserRole
ANSWER_SAVE_DELAY_MS = 700
SEARCH_DELAY_MS = 200
NARROW_WIDTH = 1100  # below this the contents move from a side pane into a menu


def _keys(shortcut_id: str) -> QKeySequence:
    return key_sequences(shortcut_id)[0]


def _shortcut(parent: QWidget, text: str, keys: QKeySequence | str, slot: object,
              name: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


class FindBar(QWidget):
    """Find in page: a field, previous/next and a match count. Esc closes it."""

    closed = Signal()

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in page"))
        self.field.setAccessibleName(self.tr("Find in page"))
        self.field.setClearButtonEnabled(True)
        self.previous_button = QToolButton()
        self.previous_button.setText(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.previous_button.setAccessibleName(self.tr("Previous match"))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.count = QLabel()
        self.count.setObjectName("findCount")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close find"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        _shortcut(self, self.tr("Previous match"), "Shift+Return", self.find_previous,
                  "findPreviousAction")
        _shortcut(self, self.tr("Close find"), "Escape", self.close_bar, "closeFindAction")

    def open_bar(self) -> None:
        self.setVisible(True)
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        self.reader.clear_find()
        self.setVisible(False)
        self.closed.emit()

    def search(self, text: str) -> None:
        total = self.reader.find_all(text)
        self._show_count(text, total)

    def find_next(self) -> None:
        self.reader.find_step(backward=False)
        self._show_count(self.field.text(), self.reader.match_count)

    def find_previous(self) -> None:
        self.reader.find_step(backward=True)
        self._show_count(self.field.text(), self.reader.match_count)

    def _show_count(self, text: str, total: int) -> None:
        if not text:
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(self.tr("{0} of {1}").format(self.reader.current_match + 1, total))


class ScenarioPanel(QWidget):
    """The trainee's own answer (private) and the button that reveals example responses."""

    reveal_toggled = Signal(bool)

    def __init__(self, persistent: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("<b>Your answer</b> — what would you say? Try it before you "
                                 "look at the examples."))
        heading.setWordWrap(True)
        self.note = QLabel(
            self.tr("Private: kept only in your encrypted journal, never printed or exported.")
            if persistent else
            self.tr("Not saved: you are reading without a journal, so this answer is "
                    "forgotten when you close the guides."))
        self.note.setObjectName("answerNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(tone_css("muted"))
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("scenarioAnswer")
        self.answer.setAccessibleName(self.tr("Your answer"))
        self.answer.setPlaceholderText(self.tr("Write what you would say to your colleague…"))
        self.reveal_button = QPushButton(self.tr("Show example responses"))
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setAccessibleName(self.tr("Show example responses"))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(heading)
        layout.addWidget(self.answer, 1)
        layout.addLayout(row)
        self.reveal_button.toggled.connect(self._toggled)

    def _toggled(self, revealed: bool) -> None:
        self.reveal_button.setText(self.tr("Hide example responses") if revealed
                                   else self.tr("Show example responses"))
        self.reveal_toggled.emit(revealed)

    def set_revealed(self, revealed: bool) -> None:
        with QSignalBlocker(self.reveal_button):
            self.reveal_button.setChecked(revealed)
        self.reveal_button.setText(self.tr("Hide example responses") if revealed
                                   else self.tr("Show example responses"))


class GuideBrowser(QWidget):
    """Everything a reader needs; `store` decides whether progress is kept."""

    item_shown = Signal(str)
    progress_changed = Signal()
    record_written = Signal(Path)

    def __init__(self, store: ProgressStore, library: Library | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideBrowser")
        self.library = library or display_library()  # titles in the interface language
        self.index = search_index(self.library)
        self.store = store
        self.current: Item | None = None
        self.revealed = False
        self._toc: tuple[TocEntry, ...] = ()
        self._history: list[str] = []
        self._position = -1
        self._answer_for: str | None = None
        self._last_results: list[SearchResult] = []

        self._build()
        self._connect()
        self.refresh_progress()
        first = self.library.trainee_path[0]
        self.open_item(first.id)

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QToolButton()
        self.back_button.setObjectName("backButton")
        self.back_button.setText(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.forward_button = QToolButton()
        self.forward_button.setObjectName("forwardButton")
        self.forward_button.setText(self.tr("Forward →"))
        self.forward_button.setToolTip(self.tr("Forward (Alt+Right)"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        self.search_field = QLineEdit()
        self.search_field.setObjectName("guideSearch")
        self.search_field.setPlaceholderText(
            self.tr("Search all guides and scenarios, e.g. “manager is the bully” (Ctrl+K)"))
        self.search_field.setAccessibleName(self.tr("Search guides and scenarios"))
        self.search_field.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.forward_button)
        top.addWidget(self.search_field, 1)

        self.storage_note = QLabel()
        self.storage_note.setObjectName("storageNote")
        self.storage_note.setWordWrap(True)
        self.storage_note.setStyleSheet(
            notice_css("warning") + " padding: 6px; border-radius: 3px;")
        self.storage_note.setText(self.tr(
            "You are reading without a journal: your progress and answers are not stored. "
            "Unlock or create a journal to keep them.") if not getattr(
                self.store, "keeps_completions", False) else self.tr(
            "You are reading without a journal: which guides you completed is kept on this "
            "computer, but your answers are not. Create a journal to keep your answers: your "
            "progress moves into it."))
        self.storage_note.setVisible(not self.store.persistent)

        # Left: tracks and progress.
        self.tree = QTreeWidget()
        self.tree.setObjectName("guideTree")
        self.tree.setAccessibleName(self.tr("Guides and scenarios"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        # Long titles (Spanish, large fonts, a narrow window) wrap onto more lines instead of
        # being cut: each row takes the height of its wrapped title (see _fit_tree_rows).
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.viewport().installEventFilter(self)
        self._tree_rows_width = -1
        self._tree_items: dict[str, QTreeWidgetItem] = {}
        labels = {"trainee": self.tr("Trainee path"), "supporter": self.tr("Supporter reference"),
                  "coordinator": self.tr("Coordinator")}
        for track in TRACKS:
            parent = QTreeWidgetItem(self.tree, [labels[track], ""])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for number, guide in enumerate(self.library.track(track), start=1):
                title = f"{number}. {guide.title}" if track == "trainee" else guide.title
                self._add_tree_item(parent, guide, title)
            parent.setExpanded(True)
        scenarios = QTreeWidgetItem(self.tree, [self.tr("Practice scenarios"), ""])
        scenarios.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for scenario in self.library.scenarios:
            self._add_tree_item(scenarios, scenario, scenario.title)
        scenarios.setExpanded(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)

        self.trainee_bar = QProgressBar()
        self.trainee_bar.setObjectName("traineeProgress")
        self.trainee_bar.setAccessibleName(self.tr("Trainee path completed"))
        self.scenario_bar = QProgressBar()
        self.scenario_bar.setObjectName("scenarioProgress")
        self.scenario_bar.setAccessibleName(self.tr("Scenarios completed"))
        self.trainee_label = QLabel()
        self.trainee_label.setObjectName("traineeProgressLabel")
        self.scenario_label = QLabel()
        self.scenario_label.setObjectName("scenarioProgressLabel")
        for label in (self.trainee_label, self.scenario_label):
            label.setWordWrap(True)  # longer languages wrap rather than lose the count
        for bar in (self.trainee_bar, self.scenario_bar):
            bar.setTextVisible(False)
            bar.setMaximumHeight(10)
        self.print_button = QPushButton(self.tr("Print training record…"))
        self.print_button.setObjectName("printRecordButton")
        self.print_button.setAccessibleName(self.tr("Print training record"))
        self.print_button.setMinimumWidth(self.print_button.sizeHint().width())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.trainee_label)
        left_layout.addWidget(self.trainee_bar)
        left_layout.addWidget(self.scenario_label)
        left_layout.addWidget(self.scenario_bar)
        left_layout.addWidget(self.print_button)

        # Centre: the page (reader, find bar, scenario panel, actions) or search results.
        self.reader = ReaderView()
        self.reader.setObjectName("guideReader")
        self.reader.setAccessibleName(self.tr("Guide text"))
        self.find_bar = FindBar(self.reader)
        self.find_bar.setVisible(False)
        self.scenario_panel = ScenarioPanel(self.store.persistent)
        self.scenario_panel.setVisible(False)
        self.complete_button = QPushButton(self.tr("Mark as completed"))
        self.complete_button.setObjectName("completeButton")
        self.complete_button.setCheckable(True)
        self.complete_button.setToolTip(self.tr("Mark as completed (Ctrl+D)"))
        self.complete_button.setAccessibleName(self.tr("Mark as completed"))
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextButton")
        self.next_button.setAccessibleName(self.tr("Next in this track"))
        actions = QHBoxLayout()
        actions.setContentsMargins(6, 4, 6, 4)
        actions.addWidget(self.complete_button)
        self.toc_button = QToolButton()
        self.toc_button.setObjectName("tocButton")
        self.toc_button.setText(self.tr("On this page"))
        self.toc_button.setAccessibleName(self.tr("On this page"))
        self.toc_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toc_menu = QMenu(self.toc_button)
        self.toc_button.setMenu(self.toc_menu)
        self.toc_button.setVisible(False)
        actions.addWidget(self.toc_button)
        actions.addStretch(1)
        actions.addWidget(self.next_button)
        # When the page is too narrow for both, "Next: <title>" gets a row of its own.
        self.actions_row = actions
        self.next_row = QHBoxLayout()
        self.next_row.setContentsMargins(6, 0, 6, 4)
        self.next_row.addStretch(1)
        self.page_splitter = QSplitter(Qt.Orientation.Vertical)
        self.page_splitter.addWidget(self.reader)
        self.page_splitter.addWidget(self.scenario_panel)
        self.page_splitter.setStretchFactor(0, 3)
        self.page_splitter.setStretchFactor(1, 1)
        self.page_splitter.setChildrenCollapsible(False)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.page_splitter, 1)
        page_layout.addWidget(self.find_bar)
        page_layout.addLayout(actions)
        page_layout.addLayout(self.next_row)

        self.results = ReaderView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.pages = QStackedWidget()
        self.pages.addWidget(page)
        self.pages.addWidget(self.results)
        self.page = page

        # Right: contents of the page.
        self.toc = QTreeWidget()
        self.toc.setObjectName("tableOfContents")
        self.toc.setAccessibleName(self.tr("On this page"))
        self.toc.setHeaderHidden(True)
        self.toc.setRootIsDecorated(False)
        self.toc.setIndentation(14)
        self.toc_title = QLabel(self.tr("<b>On this page</b>"))
        right = QWidget()
        self.toc_pane = right
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.toc_title)
        right_layout.addWidget(self.toc, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([300, 800, 190])
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(220)
        right.setMinimumWidth(150)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.storage_note)
        layout.addWidget(self.splitter, 1)

        self.back_action = _shortcut(self, self.tr("Back"), _keys("guides.back"), self.go_back,
                                     "backAction")
        self.forward_action = _shortcut(self, self.tr("Forward"), _keys("guides.forward"),
                                        self.go_forward,
                                        "forwardAction")
        self.find_action = _shortcut(self, self.tr("Find in page"), _keys("guides.find"),
                                     self.open_find, "findAction")
        self.complete_action = _shortcut(self, self.tr("Mark as completed"),
                                         _keys("guides.complete"),
                                         self.toggle_completed, "completeAction")
        self.search_action = _shortcut(self, self.tr("Search guides"), _keys("guides.search"),
                                       self.focus_search, "searchAction")

        self._answer_timer = QTimer(self)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.setInterval(ANSWER_SAVE_DELAY_MS)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

    def _add_tree_item(self, parent: QTreeWidgetItem, item: Item, title: str) -> None:
        node = QTreeWidgetItem(parent, [title, ""])
        node.setData(0, ID_ROLE, item.id)
        node.setToolTip(0, f"<b>{html.escape(item.title)}</b><br/>{html.escape(item.summary)}")
        self._tree_items[item.id] = node

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.go_back)
        self.forward_button.clicked.connect(self.go_forward)
        self.tree.currentItemChanged.connect(self._tree_selected)
        self.reader.anchorClicked.connect(self._link_clicked)
        self.results.anchorClicked.connect(self._link_clicked)
        self.toc.itemActivated.connect(self._toc_selected)
        self.toc.itemClicked.connect(self._toc_selected)
        self.complete_button.clicked.connect(self._complete_clicked)
        self.next_button.clicked.connect(self._open_next)
        self.print_button.clicked.connect(self.ask_print_training_record)
        self.scenario_panel.reveal_toggled.connect(self.set_revealed)
        self.scenario_panel.answer.textChanged.connect(self._answer_timer.start)
        self._answer_timer.timeout.connect(self.save_answer)
        self.search_field.textChanged.connect(self._search_timer.start)
        self.search_field.returnPressed.connect(self._search_now)
        self._search_timer.timeout.connect(self._search_now)

    # -- navigation -----------------------------------------------------------------------------

    def open_item(self, item_id: str, *, section: str = "", record: bool = True) -> bool:
        """Show a guide or scenario (optionally at a heading); False if the id is unknown."""
        item = self.library.find(item_id)
        if item is None:
            return False
        self.save_answer()
        if record:
            self._push(f"item:{item_id}")
        self.current = item
        self.revealed = False
        self.find_bar.close_bar()
        self._render()
        self.pages.setCurrentWidget(self.page)
        is_scenario = isinstance(item, Scenario)
        if is_scenario and not self.scenario_panel.isVisible():
            total = max(self.page_splitter.height(), 400)
            self.page_splitter.setSizes([total - 190, 190])
        self.scenario_panel.setVisible(is_scenario)
        if is_scenario:
            with QSignalBlocker(self.scenario_panel.answer):
                self.scenario_panel.answer.setPlainText(self.store.answer(item.id))
            self._answer_for = item.id
            self.scenario_panel.set_revealed(False)
        else:
            self._answer_for = None
        self._update_actions()
        with QSignalBlocker(self.tree):
            self.tree.setCurrentItem(self._tree_items[item.id])
        if section:
            self.jump_to_heading(section)
        else:
            self.reader.verticalScrollBar().setValue(0)
        self.item_shown.emit(item.id)
        return True

    def _push(self, entry: str) -> None:
        if 0 <= self._position < len(self._history) and self._history[self._position] == entry:
            return
        del self._history[self._position + 1:]
        self._history.append(entry)
        self._position = len(self._history) - 1

    def _go(self, entry: str) -> None:
        kind, _, value = entry.partition(":")
        if kind == "item":
            self.open_item(value, record=False)
        else:
            with QSignalBlocker(self.search_field):
                self.search_field.setText(value)
            self.show_results(value, record=False)
        self._update_actions()

    def go_back(self) -> None:
        if self._position > 0:
            self._position -= 1
            self._go(self._history[self._position])

    def go_forward(self) -> None:
        if self._position + 1 < len(self._history):
            self._position += 1
            self._go(self._history[self._position])

    def _update_actions(self) -> None:
        self.back_button.setEnabled(self._position > 0)
        self.forward_button.setEnabled(self._position + 1 < len(self._history))
        item = self.current
        on_page = self.pages.currentWidget() is self.page and item is not None
        done = item is not None and item.id in self.store.completed()
        with QSignalBlocker(self.complete_button):
            self.complete_button.setChecked(done)
        self.complete_button.setText(self.tr("✓ Completed") if done
                                     else self.tr("Mark as completed"))
        self.complete_button.setMinimumWidth(self.complete_button.sizeHint().width())
        self.complete_button.setEnabled(on_page)
        following = self._next_item()
        self.next_button.setVisible(following is not None and on_page)
        if following is not None:
            self.next_button.setText(self.tr("Next: {0} →").format(following.title))
        self._fit_contents()

    def _siblings(self) -> tuple[Item, ...]:
        item = self.current
        if isinstance(item, Guide):
            return self.library.track(item.track)
        return self.library.scenarios

    def _next_item(self) -> Item | None:
        if self.current is None:
            return None
        siblings = self._siblings()
        index = [s.id for s in siblings].index(self.current.id)
        return siblings[index + 1] if index + 1 < len(siblings) else None

    def _open_next(self) -> None:
        following = self._next_item()
        if following is not None:
            self.open_item(following.id)

    def _tree_selected(self, node: QTreeWidgetItem | None, _: object = None) -> None:
        item_id = node.data(0, ID_ROLE) if node is not None else None
        if item_id:
            self.open_item(str(item_id))

    def _link_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme in ("guide", "scenario"):
            self.open_item(url.path())
        elif scheme == "open":
            item_id, _, section = unquote(url.path()).partition("/")
            self.open_item(item_id, section=section)

    def jump_to_heading(self, text: str) -> bool:
        for entry in self._toc:
            if entry.text == text:
                self.jump_to_anchor(entry.anchor)
                return True
        return False

    def jump_to_anchor(self, anchor: str) -> None:
        self.reader.scrollToAnchor(anchor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            QTimer.singleShot(0, self._fit_tree_rows)  # after the columns took the new width
        return super().eventFilter(watched, event)

    def _fit_tree_rows(self) -> None:
        width = self.tree.header().sectionSize(0)
        if width <= 0 or width == self._tree_rows_width:
            return
        self._tree_rows_width = width
        metrics = self.tree.fontMetrics()
        line = metrics.height()
        tracks = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        for node in [*(t for t in tracks if t is not None), *self._tree_items.values()]:
            depth = 2 if node.parent() is not None else 1
            room = max(40, width - depth * self.tree.indentation() - 6)
            text_height = metrics.boundingRect(
                0, 0, room, 10_000, Qt.TextFlag.TextWordWrap, node.text(0)).height()
            node.setSizeHint(0, QSize(room, max(line, text_height) + 4))
            # the reading time never wraps ("6 min" on two lines would double every row)
            node.setSizeHint(1, QSize(metrics.horizontalAdvance(node.text(1)) + 8, line + 4))
        self.tree.doItemsLayout()  # rows take their new heights now

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_contents()

    def _fit_contents(self) -> None:
        """Contents beside the page when there is room; otherwise in a menu under it."""
        has_contents = self.pages.currentWidget() is self.page and self.toc.topLevelItemCount() > 0
        wide = self.width() >= NARROW_WIDTH
        self.toc_pane.setVisible(has_contents and wide)
        self.toc_button.setVisible(has_contents and not wide)
        self._place_next_button()

    def _place_next_button(self) -> None:
        room = self.page.width() - 12
        beside = self.complete_button.sizeHint().width() + 12 + (
            self.toc_button.sizeHint().width() + 6 if self.toc_button.isVisibleTo(self) else 0)
        wanted = self.actions_row if beside + self.next_button.sizeHint().width() <= room \
            else self.next_row
        if wanted.indexOf(self.next_button) < 0:
            wanted.addWidget(self.next_button)

    def toc_entries(self) -> list[QTreeWidgetItem]:
        """Every entry of the contents tree, in page order."""
        found: list[QTreeWidgetItem] = []
        for index in range(self.toc.topLevelItemCount()):
            top = self.toc.topLevelItem(index)
            if top is None:
                continue
            found.append(top)
            found += [c for c in (top.child(i) for i in range(top.childCount())) if c is not None]
        return found

    def _toc_selected(self, node: QTreeWidgetItem, _: int = 0) -> None:
        anchor = node.data(0, ID_ROLE)
        if anchor:
            self.jump_to_anchor(str(anchor))

    # -- rendering ------------------------------------------------------------------------------

    def _meta_line(self, item: Item) -> str:
        parts = [self.tr("{0} min read").format(item.minutes)]
        if isinstance(item, Guide):
            track = self.library.track(item.track)
            labels = {"trainee": self.tr("Trainee path, step {0} of {1}"),
                      "supporter": self.tr("Supporter reference"),
                      "coordinator": self.tr("For coordinators")}
            position = [g.id for g in track].index(item.id) + 1
            parts.append(labels[item.track].format(position, len(track)))
        else:
            position = [s.id for s in self.library.scenarios].index(item.id) + 1
            parts.append(self.tr("Practice scenario {0} of {1}").format(
                position, len(self.library.scenarios)))
            if item.difficulty:
                levels = {"starter": self.tr("starter"), "intermediate": self.tr("intermediate"),
                          "advanced": self.tr("advanced")}
                parts.append(levels.get(item.difficulty, item.difficulty))
        completed = self.store.completed().get(item.id)
        if completed is not None:
            parts.append(self.tr("✓ completed on {0}").format(
                completed.astimezone().date().isoformat()))
        return " · ".join(html.escape(p) for p in parts)

    def _example_title(self, title: str) -> str:
        """"Response 2" and "A response to avoid" (fixed by the scenario format) translated."""
        if title == RESPONSE_TO_AVOID:
            return self.tr("A response to avoid")
        number = title.removeprefix("Response").strip()
        return self.tr("Response {0}").format(number) if number.isdigit() else title

    def _scenario_markdown(self, scenario: Scenario) -> str:
        # tr() outside the f-strings, where lupdate can see the texts.
        situation, says = self.tr("Situation"), self.tr("What your colleague says")
        questions, examples = self.tr("Reflection questions"), self.tr("Example responses")
        parts = [f"## {situation}", scenario.situation, f"## {says}", scenario.colleague_says,
                 f"## {questions}",
                 "\n".join(f"{n}. {q}" for n, q in enumerate(scenario.reflection_questions, 1))]
        if self.revealed:
            parts.append(f"## {examples}")
            for example in (*scenario.responses, scenario.response_to_avoid):
                parts += [f"### {self._example_title(example.title)}", example.response,
                          example.reasoning]
        if scenario.related:
            links = []
            for guide_id in scenario.related:
                guide = self.library.find(guide_id)
                if guide is not None:
                    links.append(f"- [{guide.title}](guide:{guide.id})")
            related = self.tr("Related guides")
            parts += [f"## {related}", "\n".join(links)]
        return "\n\n".join(parts)

    def _render(self) -> None:
        item = self.current
        if item is None:
            return
        rendered: Rendered
        if isinstance(item, Guide):
            rendered = markdown_to_html(item.body)
        else:
            rendered = markdown_to_html(self._scenario_markdown(item))
        note = ""
        if isinstance(item, Scenario) and not self.revealed:
            note = ("<p class='note'>" + html.escape(self.tr(
                "Write your own answer in the box below first, then choose “Show example "
                "responses” to compare.")) + "</p>")
        page = (f"<h1>{html.escape(item.title)}</h1>"
                f"<p class='meta'>{self._meta_line(item)}</p>"
                f"<p class='summary'>{html.escape(item.summary)}</p>"
                f"{rendered.html}{note}<hr/>"
                f"{self._footer()}")
        self.reader.show_html(page)
        self._toc = rendered.toc
        self.toc.clear()
        parent: QTreeWidgetItem | None = None
        for entry in rendered.toc:
            if entry.level <= 2 or parent is None:
                node = QTreeWidgetItem(self.toc, [entry.text])
                parent = node
            else:
                node = QTreeWidgetItem(parent, [entry.text])
            node.setToolTip(0, entry.text)
            node.setData(0, ID_ROLE, entry.anchor)
        self.toc.expandAll()
        self.toc_menu.clear()
        for entry in rendered.toc:
            action = self.toc_menu.addAction(("    " if entry.level > 2 else "") + entry.text)
            action.triggered.connect(lambda _=False, a=entry.anchor: self.jump_to_anchor(a))
        self._fit_contents()

    def _footer(self) -> str:
        text = self.tr("This is not legal, medical or clinical advice.")
        return f"<p class='footer'>{html.escape(text)}</p>"

    def set_revealed(self, revealed: bool) -> None:
        """Show or hide the example responses of the current scenario."""
        if not isinstance(self.current, Scenario):
            return
        self.revealed = revealed
        self.scenario_panel.set_revealed(revealed)
        position = self.reader.verticalScrollBar().value()
        self._render()
        if revealed:
            self.jump_to_heading(self.tr("Example responses"))
        else:
            self.reader.verticalScrollBar().setValue(position)

    # -- find, search ---------------------------------------------------------------------------

    def open_find(self) -> None:
        if self.pages.currentWidget() is not self.page:
            self.pages.setCurrentWidget(self.page)
        self.find_bar.open_bar()

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _search_now(self) -> None:
        self._search_timer.stop()
        query = self.search_field.text().strip()
        if query:
            self.show_results(query)
        elif self.pages.currentWidget() is self.results and self.current is not None:
            self.pages.setCurrentWidget(self.page)
            self._render()
            self._update_actions()

    def show_results(self, query: str, *, record: bool = True) -> int:
        results = self.index.search(query)
        if record:
            entry = f"search:{query}"
            if self._position >= 0 and self._history[self._position].startswith("search:"):
                self._history[self._position] = entry
                del self._history[self._position + 1:]
            else:
                self._push(entry)
        rows = []
        for result in results:
            kind = self.tr("Guide") if result.kind == GUIDE else self.tr("Practice scenario")
            where = f" · {html.escape(result.section)}" if result.section else ""
            snippet = html.escape(result.snippet.marked("\x01", "\x02"))
            snippet = snippet.replace("\x01", "<b style='background-color:#fff0a0; color:#000000'>")
            snippet = snippet.replace("\x02", "</b>")
            href = "open:" + quote(f"{result.item_id}/{result.section}")
            rows.append(f"<p style='margin-bottom:14px'><a href='{href}'><b>"
                        f"{html.escape(result.title)}</b></a><br/>"
                        f"<span style='color:{tone('muted').name()}'>{kind}{where}</span>"
                        f"<br/>{snippet}</p>")
        if results:
            header = self.tr("{0} results for “{1}”").format(len(results), html.escape(query))
        else:
            header = self.tr("Nothing found for “{0}”. Try other words, such as “manager”, "
                             "“notes” or “referral”.").format(html.escape(query))
        self.results.show_html(f"<h2>{header}</h2>" + "".join(rows) +
                               f"<hr/>{self._footer()}")
        self.pages.setCurrentWidget(self.results)
        self._update_actions()
        self.toc.clear()
        self.toc_menu.clear()
        self._fit_contents()
        self._last_results = results
        return len(results)

    def open_result(self, row: int) -> None:
        result = self._last_results[row]
        self.open_item(result.item_id, section=result.section)

    # -- progress -------------------------------------------------------------------------------

    def _complete_clicked(self, checked: bool) -> None:
        self.set_completed(checked)

    def toggle_completed(self) -> None:
        if self.current is not None and self.pages.currentWidget() is self.page:
            self.set_completed(self.current.id not in self.store.completed())

    def set_completed(self, done: bool) -> None:
        item = self.current
        if item is None:
            return
        self.store.set_completed(item.id, item.kind, done)
        position = self.reader.verticalScrollBar().value()
        self._render()
        self.reader.verticalScrollBar().setValue(position)
        self.refresh_progress()
        self._update_actions()

    def refresh_progress(self) -> None:
        completed = self.store.completed()
        for item_id, node in self._tree_items.items():
            item = self.library.get(item_id)
            done = item_id in completed
            node.setText(1, "✓" if done else self.tr("{0} min").format(item.minutes))
            node.setToolTip(1, self.tr("Completed") if done else self.tr("Reading time"))
            font = node.font(1)
            font.setBold(done)
            node.setFont(1, font)
        summary = summarise(self.library, completed)
        self.trainee_bar.setValue(summary.trainee_percent)
        self.trainee_label.setText(self.tr("Trainee path: {0}% ({1} of {2} guides)").format(
            summary.trainee_percent, summary.trainee_done, summary.trainee_total))
        self.scenario_bar.setValue(summary.scenarios_percent)
        self.scenario_label.setText(self.tr("Scenarios: {0}% ({1} of {2})").format(
            summary.scenarios_percent, summary.scenarios_done, summary.scenarios_total))
        self.progress_changed.emit()

    def save_answer(self) -> None:
        """Write the scenario answer now (also called before switching page and on lock)."""
        self._answer_timer.stop()
        if self._answer_for is not None:
            text = self.scenario_panel.answer.toPlainText()
            if text != self.store.answer(self._answer_for):
                self.store.save_answer(self._answer_for, text)

    def forget_private_text(self) -> None:
        """Clear the answer box (the journal is about to lock)."""
        self.save_answer()
        self._answer_for = None
        with QSignalBlocker(self.scenario_panel.answer):
            self.scenario_panel.answer.clear()

    # -- training record ------------------------------------------------------------------------

    def ask_print_training_record(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Save training record"))
        dialog.setObjectName("trainingRecordDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(str(Path.home() / f"training-record-{date.today().isoformat()}.pdf"))
        dialog.fileSelected.connect(lambda path: self.print_training_record(Path(path)))
        dialog.open()
        return dialog

    def print_training_record(self, path: Path) -> None:
        """Write the PDF off the GUI thread; `record_written` fires when it is on disk."""
        record = TrainingRecord(summarise(self.library, self.store.completed()), date.today())
        language = current_language()  # the record is written in the interface language

        def write(_: Progress) -> Path:
            write_training_record(path, record, language)
            return path

        self.print_button.setEnabled(False)
        run_in_background(self, self.tr("Writing the training record…"), write,
                          self._record_done, self._record_failed)

    def _record_done(self, path: Path) -> None:
        self.print_button.setEnabled(True)
        self.print_button.setToolTip(self.tr("Saved to {0}").format(path))
        self.record_written.emit(path)

    def _record_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        if not isinstance(exc, PeerDeskError):
            raise exc  # a bug: let it crash loudly
        show_error(self, self.tr("Training record"), message_text(exc))
