"""Workspaces are built when first shown: unlock builds the journal, the follow-ups and the
workspace the window opens at; the others wait behind their navigation entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.settings import Settings
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.workspace_list import WORKSPACE_CLASSES
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE

LATER = {"resources", "guides", "program"}


@pytest.fixture
def window(qtbot: QtBot, journal_path: Path) -> MainWindow:
    Vault.create(journal_path, PASSPHRASE).close()
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.show()
    return main


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    """The real unlock: the key derivation on a worker, the workspaces built in steps."""
    with qtbot.waitSignal(window.unlocked, timeout=20000):
        window.start.unlock_page.unlock_requested.emit(PASSPHRASE)


def _built(window: MainWindow) -> set[str]:
    return {workspace.workspace_id for workspace in window.shell.workspaces}


def test_unlock_builds_only_what_is_needed_and_lists_everything(
        qtbot: QtBot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    assert _built(window) == {"journal", "follow_ups"}
    assert window.shell.workspace_ids == [cls.workspace_id for cls in WORKSPACE_CLASSES]
    titles = [window.shell.navigation.item(row).text()
              for row in range(window.shell.navigation.count())]
    assert [title.split("  (")[0] for title in titles] == [cls.title() for cls in WORKSPACE_CLASSES]
    window.lock()  # never-built workspaces go with the rest
    assert window.shell.workspace_ids == []


def test_showing_a_workspace_builds_it_in_its_place(qtbot: QtBot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    row = window.shell.workspace_ids.index("guides")
    window.shell.navigation.setCurrentRow(row)
    assert "guides" in _built(window)
    shown = window.shell.stack.currentWidget()
    assert shown is window.shell.workspace("guides")
    assert window.shell.stack.indexOf(shown) == row
    assert _built(window) == {"journal", "follow_ups", "guides"}  # only what was shown
    window.shell.show_workspace("journal")
    assert window.shell.workspace("guides") is shown  # built once
    window.lock()


def test_a_workspace_menu_is_filled_when_the_workspace_is_built(
        qtbot: QtBot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    menus = {action.text().replace("&", ""): action.menu()
             for action in window.menuBar().actions() if action.menu() is not None}
    program_menu = menus["Program"]
    assert program_menu.isEmpty()
    program_menu.aboutToShow.emit()  # opening the menu builds the workspace
    assert "program" in _built(window)
    program = window.shell.workspace("program")
    assert program is not None
    assert program_menu.actions() == program.menu_actions()
    resources_menu = menus["Referral directory"]
    window.shell.show_workspace("resources")  # shown: its menu (and shortcuts) are ready
    assert not resources_menu.isEmpty()
    window.lock()


def test_the_go_shortcuts_reach_workspaces_not_built_yet(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    _unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    row = window.shell.workspace_ids.index("program")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
    assert window.shell.stack.currentWidget() is window.shell.workspace("program")
    window.lock()


def test_the_start_workspace_is_built_at_unlock(qtbot: QtBot, window: MainWindow,
                                               journal_path: Path) -> None:
    with Vault.open(journal_path, PASSPHRASE) as vault:
        Settings(vault).set("default_workspace", "guides")
    _unlock(qtbot, window)
    assert _built(window) == {"journal", "follow_ups", "guides"}
    assert window.shell.stack.currentWidget() is window.shell.workspace("guides")
    window.lock()


def test_a_guide_link_opens_the_guides_before_they_were_built(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    _unlock(qtbot, window)
    assert window.context is not None
    assert window.context.events.guides_available()
    window.context.events.navigate_to_guide.emit("power-dynamics")
    guides = window.shell.workspace("guides")
    assert window.shell.stack.currentWidget() is guides
    assert guides.browser.current is not None  # type: ignore[attr-defined]
    assert guides.browser.current.id == "power-dynamics"  # type: ignore[attr-defined]
    window.lock()
