"""The one main window: the start screen while locked, the workspaces while unlocked."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QStackedWidget,
)
from shiboken6 import isValid as shiboken_alive

from peerdesk import APP_NAME
from peerdesk.guides import FileProgressStore, TrainingProgressRepository, move_progress
from peerdesk.journal.demo_folder import DemoFolder
from peerdesk.journal.repository import SessionRepository
from peerdesk.paths import training_progress_file
from peerdesk.settings import Settings
from peerdesk.ui.guides.quick_reference import install_quick_reference
from peerdesk.ui.help_dialogs import AboutBox, ShortcutsDialog
from peerdesk.ui.i18n import current_language, message_text
from peerdesk.ui.journal.peer_code_review import PeerCodeReviewDialog, start_peer_code_review
from peerdesk.ui.safety_numbers import SafetyNumbersDialog, ask_once
from peerdesk.ui.security import install_security
from peerdesk.ui.shortcuts import apply_shortcut, key_sequences
from peerdesk.ui.start_screen import StartScreen
from peerdesk.ui.tasks import BackgroundTask, Progress, run_in_background
from peerdesk.ui.turns import in_turns
from peerdesk.ui.warm_up import warm_up, warm_up_widgets
from peerdesk.ui.window_state import fit_to_screen, restore_geometry, save_geometry
from peerdesk.ui.workspace_shell import WorkspaceShell
from peerdesk.ui.workspaces import AppContext, Workspace
from peerdesk.vault import Vault

DEFAULT_SIZE = QSize(1200, 800)
MINIMUM_SIZE = QSize(640, 480)


# Built at unlock whatever the start page: the journal and the follow-ups hold session text (the
# security guard marks them sensitive) and the follow-ups' badge counts what is due.
_ALWAYS_BUILT = frozenset({"journal", "follow_ups"})


def _build_workspace(cls: type[Workspace], *, context: AppContext) -> Workspace:
    return cls(context)


def _built_at_unlock(classes: tuple[type[Workspace], ...],
                     context: AppContext) -> list[type[Workspace]]:
    """The workspaces built at unlock: `_ALWAYS_BUILT` and the one shown first."""
    start_at = str(context.settings.get("default_workspace"))
    return [cls for cls in classes
            if cls.workspace_id in _ALWAYS_BUILT or cls.workspace_id == start_at]


def _warm_up_quietly(language: str) -> None:
    """First-use imports and the guides index, on the unlock worker. Only a head start: if it
    fails, `open_session` does the same work on the GUI thread and reports the error there."""
    with contextlib.suppress(Exception):
        warm_up(language)


class MainWindow(QMainWindow):
    unlocked = Signal()
    locked = Signal()
    settings_changed = Signal(list)  # keys of settings the user just changed

    def __init__(self, journal_path: Path, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.journal_path = journal_path
        self.demo = demo
        self.demo_folder: DemoFolder | None = None  # a demo's folder, held while the window lives
        self.context: AppContext | None = None
        self.safety_numbers_prompt: SafetyNumbersDialog | None = None
        self.peer_code_review: PeerCodeReviewDialog | None = None
        self.peer_code_task: BackgroundTask | None = None
        self._opening: Vault | None = None  # unlocked, workspaces still being built
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(MINIMUM_SIZE)

        self.pages = QStackedWidget()
        self.start = StartScreen()
        self.shell = WorkspaceShell()
        self.pages.addWidget(self.start)
        self.pages.addWidget(self.shell)
        self.setCentralWidget(self.pages)

        self.start.create_page.create_requested.connect(self._create_journal)
        self.start.unlock_page.unlock_requested.connect(self._unlock_journal)
        self.shell.stack.currentChanged.connect(self._workspace_shown)
        self.shell.workspace_built.connect(self._fill_workspace_menu)

        # workspace id -> its menu while unlocked (filled when the workspace is built)
        self._workspace_menus: dict[str, QMenu] = {}
        self._session_actions: list[QAction] = []
        self._build_menus()
        self.security = install_security(self)  # auto-lock, backups, damaged-file offer
        if not restore_geometry(self):
            self.resize(DEFAULT_SIZE)
        fit_to_screen(self)  # a saved or default size never opens larger than this screen
        self.show_start()
        warm_up_widgets(self)

    # -- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.journal_menu = self.menuBar().addMenu(self.tr("&Journal"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        apply_shortcut(self.lock_action, "app.lock", Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.lock_action.setEnabled(False)
        self.journal_menu.addAction(self.lock_action)
        self._journal_menu_separator = self.journal_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        apply_shortcut(quit_action, "app.quit")
        quit_action.triggered.connect(self.close)
        self.journal_menu.addAction(quit_action)

        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setObjectName("shortcutsAction")
        apply_shortcut(shortcuts, "app.shortcuts", Qt.ShortcutContext.ApplicationShortcut)
        shortcuts.triggered.connect(self._show_shortcuts)
        self.help_menu.addAction(shortcuts)
        about = QAction(self.tr("&About PeerDesk"), self)
        about.triggered.connect(self._about)
        self.help_menu.addAction(about)
        self.quick_reference_action = install_quick_reference(self, self.help_menu)

    def _show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _about(self) -> None:
        box = AboutBox(self, self.journal_path)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- start, create, unlock ---------------------------------------------------------------

    def show_start(self) -> None:
        self.start.show_for(self.journal_path)
        self.pages.setCurrentWidget(self.start)
        self.setWindowTitle(APP_NAME)

    def _create_journal(self, passphrase: str) -> None:
        path = self.journal_path
        language = current_language()

        def create(_: Progress) -> Vault:
            vault = Vault.create(path, passphrase)
            vault.offer_recovery_kit = True
            _warm_up_quietly(language)
            return vault

        def created(vault: Vault) -> None:
            self._adopt_training_progress(vault)
            self._open_in_steps(vault, then=lambda: self._ask_safety_numbers())

        run_in_background(self, self.tr("Creating your journal…"), create, created,
                          lambda exc: self.start.create_page.show_error(message_text(exc)),
                          show_progress=False)

    def _ask_safety_numbers(self) -> None:
        """The first-run question about crisis numbers; after the recovery kit's offer, if one
        is open, so two dialogs never ask at once."""
        if self.context is None or self.demo:
            return
        offer = self.security.recovery_offer
        if offer is not None:
            offer.finished.connect(lambda _result: self._ask_safety_numbers())
            return
        self.safety_numbers_prompt = ask_once(self.context.settings, self)

    def _adopt_training_progress(self, vault: Vault) -> None:
        """What a trainee completed (and answered, if the reader is still open) before having
        a journal moves into the new journal."""
        reader = self.start.guides_window
        store = getattr(reader, "store", None)
        if not isinstance(store, FileProgressStore):
            store = FileProgressStore(training_progress_file())
        move_progress(store, TrainingProgressRepository(vault))

    def _unlock_journal(self, passphrase: str) -> None:
        path = self.journal_path
        language = current_language()

        def unlock(_: Progress) -> Vault:
            vault = Vault.open(path, passphrase, move_into_folder=True)  # KDF, migrations
            _warm_up_quietly(language)
            return vault

        def failed(exc: BaseException) -> None:
            self.start.unlock_page.show_error(message_text(exc))
            self.security.unlock_failed(exc, passphrase)  # offers a good backup if damaged

        run_in_background(self, self.tr("Unlocking…"), unlock, self._open_in_steps, failed,
                          show_progress=False)

    def _new_context(self, vault: Vault) -> AppContext:
        context = AppContext(vault=vault, journal_path=self.journal_path,
                             settings=Settings(vault), demo=self.demo)
        context.events.navigate_to_workspace.connect(self.shell.show_workspace)
        context.events.navigate_to_guide.connect(self._open_guide)
        return context

    def _open_in_steps(self, vault: Vault, then: Callable[[], object] | None = None) -> None:
        """After unlock: build the workspaces needed at once (`_built_at_unlock`) one step per
        turn of the event loop (`Workspace.build_in_turns`), so the window keeps responding
        (the start screen stays busy meanwhile), then show them and call `then` (what must
        follow `open_session` goes there: `context` is set only then). The others are built
        when first shown."""
        from peerdesk.ui.workspace_list import WORKSPACE_CLASSES  # heavy: see there

        context = self._new_context(vault)
        built: list[Workspace] = []
        self._opening = vault

        def closed() -> bool:
            """Whether the window was closed meanwhile (what was built is dropped then)."""
            if self._opening is vault:
                return False
            for workspace in built:
                workspace.deleteLater()
            return True

        def steps() -> Iterator[None]:
            if closed():
                return
            wanted = _built_at_unlock(WORKSPACE_CLASSES, context)
            for made in chain.from_iterable(cls.build_in_turns(context) for cls in wanted):
                if made is not None:
                    built.append(made)
                yield
                if closed():
                    return
            self._opening = None
            self._attach_session(vault, prepared=(context, built))
            # showing the window's new content (layout, first paint) is a turn of its own, and
            # the workers that `unlocked` starts (the page check…) start after that paint
            for step in (self._show_session, self._announce_session):
                yield
                if self.context is not context:  # locked meanwhile
                    return
                step(context)
            if then is not None:
                then()

        in_turns(self, steps())

    def open_session(self, vault: Vault, *,
                     prepared: tuple[AppContext, list[Workspace]] | None = None) -> None:
        """Show the workspaces for an unlocked vault: those of `_built_at_unlock` (built here
        unless `prepared`), the others built when first shown."""
        context = self._attach_session(vault, prepared=prepared)
        self._show_session(context)
        self._announce_session(context)

    def _attach_session(self, vault: Vault, *,
                        prepared: tuple[AppContext, list[Workspace]] | None = None,
                        ) -> AppContext:
        """The first part of `open_session`: the workspaces, their menus and actions, and the
        start workspace chosen, while the start screen is still the page shown."""
        self.start.create_page.clear()
        self.start.unlock_page.clear()
        from peerdesk.ui.workspace_list import JOURNAL_MENU_PROVIDERS, WORKSPACE_CLASSES

        context = prepared[0] if prepared is not None else self._new_context(vault)
        self.context = context
        ready = {type(workspace): workspace for workspace in (
            prepared[1] if prepared is not None
            else (cls(context) for cls in _built_at_unlock(WORKSPACE_CLASSES, context)))}
        for cls in WORKSPACE_CLASSES:
            workspace = ready.get(cls)
            if workspace is not None:
                self.shell.add_workspace(workspace)
            else:
                self.shell.add_later(cls, partial(_build_workspace, context=context))
        for cls in WORKSPACE_CLASSES:
            self._add_workspace_menu(cls, ready.get(cls))
        for provider in JOURNAL_MENU_PROVIDERS:
            for action in provider(self, context):
                self.journal_menu.insertAction(self._journal_menu_separator, action)
                self._session_actions.append(action)
        go_keys = key_sequences("app.workspace")
        for cls, keys in zip(WORKSPACE_CLASSES, go_keys, strict=False):
            action = QAction(cls.title(), self)
            action.setShortcut(keys)
            action.triggered.connect(
                lambda _=False, ws=cls.workspace_id: self.shell.show_workspace(ws))
            self.go_menu.addAction(action)
            self._session_actions.append(action)
        if self.demo:
            self.shell.banner.setText(self.tr(
                "Demo data — a throwaway journal with synthetic sessions, deleted when you quit."))
            self.shell.banner.setVisible(True)
        self.lock_action.setEnabled(True)
        self.quick_reference_action.setEnabled(True)
        start_at = str(context.settings.get("default_workspace"))
        if not self.shell.show_workspace(start_at) and self.shell.workspace_ids:
            self.shell.navigation.setCurrentRow(0)
        return context

    def _show_session(self, context: AppContext) -> None:
        """The unlocked journal takes the start screen's place."""
        self.pages.setCurrentWidget(self.shell)
        # the start screen had the focus: give it to the navigation, so the keyboard works at once
        self.shell.navigation.setFocus(Qt.FocusReason.OtherFocusReason)
        # Qt adds " — PeerDesk" (the application display name) itself.
        self.setWindowTitle(self.journal_path.name)

    def _announce_session(self, context: AppContext) -> None:
        """What follows the unlocked journal being shown: `unlocked` (auto-lock, the page
        check…) and the peer-code review."""
        self.unlocked.emit()
        self.peer_code_task = None
        if not self.demo:
            # the review may write (a one-time marker), so it waits for the journal's page check
            self._when_writable(context, lambda: self._start_peer_code_review(context))

    def _open_guide(self, guide_id: str) -> None:
        """A guide asked for before the guides workspace was built: build it and open the
        guide (once built, the workspace opens guides itself)."""
        if any(built.workspace_id == "guides" for built in self.shell.workspaces):
            return
        from peerdesk.ui.guides.workspace import GuidesWorkspace

        guides = self.shell.workspace("guides")
        if isinstance(guides, GuidesWorkspace):
            guides.show_guide(guide_id)

    def _add_workspace_menu(self, cls: type[Workspace], workspace: Workspace | None) -> None:
        """The workspace's actions: the journal's head the Journal menu, the others get a menu
        of their own, filled when the workspace is built (shown, or the menu opened)."""
        if cls.menu_actions is Workspace.menu_actions:
            return  # it has none
        if cls.workspace_id == "journal":
            # The journal's own actions (new session, find, CSV import) head the Journal menu
            # rather than a second menu of the same name.
            assert workspace is not None  # built at unlock
            actions = workspace.menu_actions()
            first = self.journal_menu.actions()[0]
            self.journal_menu.insertActions(first, actions)
            self._session_actions.extend([*actions, self.journal_menu.insertSeparator(first)])
            return
        menu = QMenu(cls.title(), self)
        self.menuBar().insertMenu(self.go_menu.menuAction(), menu)
        self._workspace_menus[cls.workspace_id] = menu
        # opening the menu builds the workspace (its `workspace_built` fills the menu)
        menu.aboutToShow.connect(lambda: self.shell.workspace(cls.workspace_id))
        if workspace is not None:
            self._fill_workspace_menu(workspace)

    def _fill_workspace_menu(self, workspace: Workspace) -> None:
        menu = self._workspace_menus.get(workspace.workspace_id)
        if menu is not None and menu.isEmpty():
            menu.addActions(workspace.menu_actions())

    def _start_peer_code_review(self, context: AppContext) -> None:
        self.peer_code_task = start_peer_code_review(
            self, SessionRepository(context.vault), context.settings,
            lambda: self.context is context, self._show_peer_code_review)

    def _when_writable(self, context: AppContext, action: Callable[[], object]) -> None:
        """Run `action` once the journal is proven whole (at once if it already is); never for
        a damaged journal or after the journal was locked."""
        if context.vault.writable:
            action()
            return
        watch = self.security.integrity

        def verdict(intact: bool) -> None:
            watch.verdict.disconnect(verdict)
            if intact and self.context is context:
                action()

        watch.verdict.connect(verdict)

    def _show_peer_code_review(self, dialog: PeerCodeReviewDialog) -> None:
        dialog.replaced.connect(self._peer_codes_replaced)
        self.peer_code_review = dialog
        dialog.open()

    def _peer_codes_replaced(self, _count: int) -> None:
        if self.context is not None:
            self.context.events.sessions_replaced.emit()

    def _workspace_shown(self, index: int) -> None:
        widget = self.shell.stack.widget(index)
        if isinstance(widget, Workspace):
            widget.activated()

    # -- lock ---------------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self.context is not None

    def lock(self) -> None:
        """Save drafts, close the file, destroy every widget that held decrypted data."""
        context = self.context
        if context is None:
            return
        prompt, self.safety_numbers_prompt = self.safety_numbers_prompt, None
        if prompt is not None and shiboken_alive(prompt) and prompt.isVisible():
            prompt.abandon()
        review, self.peer_code_review = self.peer_code_review, None
        if review is not None and shiboken_alive(review) and review.isVisible():
            review.reject()  # decided later: asked again at the next unlock
        for workspace in self.shell.workspaces:
            workspace.prepare_lock()
        self.shell.remove_all()
        for menu in self._workspace_menus.values():
            self.menuBar().removeAction(menu.menuAction())
            menu.deleteLater()
        self._workspace_menus.clear()
        for action in self._session_actions:
            for menu in (self.journal_menu, self.go_menu):
                menu.removeAction(action)
            action.deleteLater()
        self._session_actions.clear()
        self.context = None
        self.security.stop_backup()
        context.vault.close()
        self.lock_action.setEnabled(False)
        self.quick_reference_action.setChecked(False)  # static text, but hide it with the rest
        self.quick_reference_action.setEnabled(False)
        self.show_start()
        self.locked.emit()

    # -- quit -----------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        opening, self._opening = self._opening, None
        if opening is not None:  # closed while the workspaces were being built
            opening.close()
        if self.context is not None and not all(
            ws.confirm_close() for ws in self.shell.workspaces
        ):
            event.ignore()
            return
        save_geometry(self)
        self.lock()
        event.accept()
