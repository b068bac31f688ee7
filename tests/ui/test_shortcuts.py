"""The shortcut table: every documented shortcut works from any focus in its workspace, text
fields never swallow one, and no two mnemonics clash on one screen (English and Spanish)."""

from __future__ import annotations

import collections
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import SessionRepository
from peerdesk.program.demo import demo_files
from peerdesk.program.importer import Enrolment
from peerdesk.referrals import ResourceRepository
from peerdesk.referrals.packs import read_starter_pack
from peerdesk.ui import i18n
from peerdesk.ui.journal.csv_wizard import CsvImportWizard
from peerdesk.ui.journal.editor import SessionEditor
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.shortcuts import SHORTCUTS, install_shortcuts_first, shortcut_def
from peerdesk.ui.workspaces import Workspace
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def no_file_choosers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shortcut that asks for a file (Ctrl+I: import summaries) opens a modal file chooser
    that would wait for a person: here it answers "cancelled" at once. What the shortcut
    reached is still counted by its action's signal."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))


@pytest.fixture
def window(qtbot: QtBot, journal_path: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_shortcuts_first(app)
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    assert QTest.qWaitForWindowExposed(main)
    vault = Vault.create(journal_path, PASSPHRASE)
    ResourceRepository(vault).import_pack(read_starter_pack("en"))
    main.open_session(vault)
    yield main
    close_dialogs()
    main.lock()


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def press(qtbot: QtBot, widget: QWidget, keys: str) -> None:
    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def focusable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]


def bound_to(root: QObject, keys: str) -> QAction | QShortcut:
    wanted = QKeySequence(keys)
    for action in root.findChildren(QAction):
        if wanted in action.shortcuts():
            return action
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.key() == wanted and isinstance(parent, QWidget) and parent.isVisible():
            return shortcut
    raise AssertionError(f"nothing is bound to {keys}")


def fired_from_everywhere(qtbot: QtBot, owner: QObject, keys: str, where: list[QWidget]) -> None:
    target = bound_to(owner, keys)
    signal = target.triggered if isinstance(target, QAction) else target.activated
    hits: list[str] = []
    signal.connect(lambda *_: hits.append(keys))
    for widget in where:
        if not widget.isVisible():
            continue
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(widget.hasFocus, timeout=1000)
        before = len(hits)
        press(qtbot, widget, keys)
        assert len(hits) == before + 1, f"{keys} from {widget.objectName() or widget}"
        close_dialogs()


def import_program_figures(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    program = workspace(window, "program")
    files = demo_files(folder, supporters=6, records=40)
    with qtbot.waitSignal(program.import_finished, timeout=30000):  # type: ignore[attr-defined]
        program.import_paths(files, Enrolment(accept_new=True))  # type: ignore[attr-defined]
    # the results window opens on the next turn of the event loop: wait for it, then close it
    qtbot.waitUntil(lambda: program.results_dialog is not None)  # type: ignore[attr-defined]
    program.results_dialog.close()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not program.refreshing, timeout=30000)  # type: ignore[attr-defined]
    window.activateWindow()  # offscreen has no window manager to hand activation back
    qtbot.waitUntil(window.isActiveWindow)


def workspace(window: MainWindow, workspace_id: str) -> Workspace:
    window.shell.show_workspace(workspace_id)
    return next(w for w in window.shell.workspaces if w.workspace_id == workspace_id)


def test_app_shortcuts_work_from_any_field_of_the_journal(
        qtbot: QtBot, window: MainWindow) -> None:
    journal = workspace(window, "journal")
    list_fields = focusable(journal)
    assert any(isinstance(w, QLineEdit) for w in list_fields)  # the search box among them
    for definition_id in ("app.export_summary", "app.settings", "app.shortcuts"):
        fired_from_everywhere(qtbot, window, shortcut_def(definition_id).keys[0], list_fields)
    journal.new_session()  # type: ignore[attr-defined]
    editor = journal.findChild(SessionEditor)  # built when first needed
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    fired_from_everywhere(qtbot, window, "Ctrl+E", focusable(editor))


@pytest.mark.parametrize("scope", ["journal", "follow_ups", "resources", "guides", "program"])
def test_workspace_shortcuts_work_from_any_focus_in_it(
        qtbot: QtBot, window: MainWindow, scope: str, tmp_path: Path) -> None:
    if scope == "program":  # its export shortcuts act once there are figures to export
        import_program_figures(qtbot, window, tmp_path)
    page = workspace(window, scope)
    qtbot.waitUntil(page.isVisible)
    for definition in SHORTCUTS:
        if definition.scope != scope or definition.keys[0] in ("Return", "Del", "F2"):
            continue  # Enter, Delete and F2 act on the list they belong to, by design
        fired_from_everywhere(qtbot, page, definition.keys[0], focusable(page))


def test_editor_shortcuts_work_from_every_field(qtbot: QtBot, window: MainWindow) -> None:
    journal = workspace(window, "journal")
    journal.new_session()  # type: ignore[attr-defined]
    editor = journal.findChild(SessionEditor)
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    fields = focusable(editor)
    for keys in ("Ctrl+S", "Ctrl+T"):
        fired_from_everywhere(qtbot, editor, keys, fields)


class GreedyField(QLineEdit):
    """Claims every key, like a Linux line edit claims Ctrl+E (end of line) and Ctrl+K."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.accept()
            return True
        return super().event(event)


def test_a_text_field_never_swallows_a_table_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    journal = workspace(window, "journal")
    greedy = GreedyField(journal)
    greedy.show()
    fired_from_everywhere(qtbot, window, "Ctrl+E", [greedy])
    fired_from_everywhere(qtbot, window, "Ctrl+,", [greedy])
    greedy.setText("abc")
    greedy.setFocus()
    qtbot.keyClick(greedy, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert greedy.selectedText() == "abc"  # editing keys outside the table stay the field's


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = collections.defaultdict(list)
    widgets: list[QWidget] = [*root.findChildren(QLabel), *root.findChildren(QAbstractButton),
                              *root.findChildren(QGroupBox)]
    for widget in widgets:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label without a buddy has no mnemonic
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        mnemonic = QKeySequence.mnemonic(text)
        if not mnemonic.isEmpty():
            seen[mnemonic.toString()].append(text)
    return {keys: texts for keys, texts in seen.items() if len(texts) > 1}


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.install_language(request.param)
    yield request.param
    i18n.install_language("en")


def test_no_two_mnemonics_clash_in_the_editor(qtbot: QtBot, vault: Vault, language: str) -> None:
    ResourceRepository(vault).import_pack(read_starter_pack(language))
    editor = SessionEditor(SessionRepository(vault), DraftStore(vault),
                           org_units=["Site A"], referrals=ResourceRepository(vault))
    qtbot.addWidget(editor)
    editor.show()
    editor.kind.set_code("group")
    editor.peer_code.setText("Maria Lopez")  # shows the confirmation box too
    editor.risk_flags.set_codes({"self_harm"})
    assert mnemonic_clashes(editor) == {}


def test_no_two_mnemonics_clash_in_the_dialogs(
        qtbot: QtBot, window: MainWindow, language: str) -> None:
    wizard = CsvImportWizard(window.context.vault, parent=window)  # type: ignore[union-attr]
    qtbot.addWidget(wizard)
    wizard.show()
    assert mnemonic_clashes(wizard) == {}
    for workspace_id in ("journal", "follow_ups", "resources", "guides", "program"):
        assert mnemonic_clashes(workspace(window, workspace_id)) == {}, workspace_id
    for name in ("settingsAction", "exportSummaryAction"):
        action = window.findChild(QAction, name)
        assert action is not None
        action.trigger()
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QDialog) and w.isVisible())
        assert mnemonic_clashes(dialog) == {}, name
        dialog.reject()
