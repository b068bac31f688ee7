"""The app shell: create → lock → wrong passphrase → right passphrase."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.paths import ui_state_file
from peerdesk.ui.journal.workspace import JournalWorkspace
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.settings_dialog import SettingsDialog
from peerdesk.ui.workspace_list import WORKSPACE_CLASSES
from peerdesk.ui.workspaces import Workspace
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def window(qtbot: QtBot, journal_path: Path) -> MainWindow:
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.show()
    return main


def unlock_with(qtbot: QtBot, window: MainWindow, passphrase: str) -> None:
    page = window.start.unlock_page
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def test_first_start_offers_create_with_warning(window: MainWindow) -> None:
    page = window.start.create_page
    assert window.start.currentWidget() is page
    warning = page.findChild(QLabel, "forgetWarning")
    assert "forget" in warning.text()
    assert not page.create_button.isEnabled()
    page.passphrase.setText("short")
    page.repeat.setText("short")
    assert "Too short" in page.strength.text()
    assert not page.create_button.isEnabled()
    page.repeat.setText("different passphrase")
    assert "differ" in page.error.text()


def test_create_lock_unlock_cycle(qtbot: QtBot, window: MainWindow, journal_path: Path) -> None:
    page = window.start.create_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert journal_path.exists()
    assert window.is_unlocked
    assert window.pages.currentWidget() is window.shell
    vault = window.context.vault if window.context else None
    assert vault is not None
    offer = window.security.recovery_offer  # first run: the recovery kit, then crisis numbers
    assert offer is not None
    assert window.safety_numbers_prompt is None  # never two questions at once
    offer.reject()
    qtbot.waitUntil(lambda: window.safety_numbers_prompt is not None)
    prompt = window.safety_numbers_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    qtbot.mouseClick(prompt.skip_button, Qt.MouseButton.LeftButton)
    window.activateWindow()  # offscreen has no window manager to hand activation back
    qtbot.waitUntil(window.isActiveWindow)

    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert not vault.is_open
    assert window.start.currentWidget() is window.start.unlock_page
    assert window.shell.navigation.count() == 0

    unlock_page = window.start.unlock_page
    unlock_with(qtbot, window, "wrong passphrase")
    qtbot.waitUntil(lambda: "passphrase is wrong" in unlock_page.error.text(), timeout=10000)
    assert unlock_page.passphrase.text() == ""
    assert unlock_page.passphrase.isEnabled()
    assert not window.is_unlocked

    with qtbot.waitSignal(window.unlocked, timeout=10000):
        unlock_with(qtbot, window, PASSPHRASE)
    assert window.is_unlocked


def test_existing_journal_shows_unlock(qtbot: QtBot, journal_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    assert main.start.currentWidget() is main.start.unlock_page


def test_geometry_is_remembered(qtbot: QtBot, journal_path: Path) -> None:
    first = MainWindow(journal_path)
    qtbot.addWidget(first)
    first.show()
    first.resize(930, 641)
    first.close()
    state = ui_state_file()
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    second = MainWindow(journal_path)
    qtbot.addWidget(second)
    # The offscreen screen is narrow, so Qt clamps the width; the height survives as saved.
    assert second.height() == 641


def test_one_journal_menu_holding_the_journal_actions(qtbot: QtBot, journal_path: Path) -> None:
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.open_session(Vault.create(journal_path, PASSPHRASE))
    titles = [a.text().replace("&", "") for a in main.menuBar().actions()]
    assert titles.count("Journal") == 1
    texts = [a.text().replace("&", "") for a in main.journal_menu.actions()]
    assert any(t.startswith("New session") for t in texts)
    assert "Lock" in texts
    main.lock()
    texts = [a.text().replace("&", "") for a in main.journal_menu.actions() if a.text()]
    assert not any(t.startswith("New session") for t in texts)


def test_badge_set_while_a_workspace_is_built_shows_in_the_navigation(
        qtbot: QtBot, journal_path: Path) -> None:
    from peerdesk.ui.workspaces import AppContext, Workspace

    class Counting(Workspace):
        workspace_id = "counting"

        @classmethod
        def title(cls) -> str:
            return "Counting"

        def __init__(self, context: AppContext) -> None:
            super().__init__(context)
            self.set_badge("3")

    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    vault = Vault.create(journal_path, PASSPHRASE)
    main.open_session(vault)
    assert main.context is not None
    main.shell.add_workspace(Counting(main.context))
    assert main.shell.navigation.item(main.shell.navigation.count() - 1).text() == "Counting  (3)"
    main.lock()


def test_navigation_widens_for_long_entries_instead_of_scrolling(
        qtbot: QtBot, journal_path: Path) -> None:
    """Large system fonts and longer languages: every entry is readable in full."""
    from peerdesk.ui.workspace_shell import NAVIGATION_WIDTH
    from peerdesk.ui.workspaces import Workspace

    class LongTitle(Workspace):
        workspace_id = "long"

        @classmethod
        def title(cls) -> str:
            return "Directorio de recursos de derivación de la organización"

    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.open_session(Vault.create(journal_path, PASSPHRASE))
    assert main.context is not None
    navigation = main.shell.navigation
    assert navigation.width() == NAVIGATION_WIDTH  # the usual entries fit the usual width
    main.shell.add_workspace(LongTitle(main.context))
    assert navigation.width() > NAVIGATION_WIDTH
    assert navigation.width() >= navigation.sizeHintForColumn(0)
    assert navigation.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    main.lock()


def test_after_unlock_the_workspaces_are_built_over_several_turns(
        qtbot: QtBot, window: MainWindow, journal_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    vault = Vault.open(journal_path, PASSPHRASE)
    afterwards: list[bool] = []
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        window._open_in_steps(vault, then=lambda: afterwards.append(window.is_unlocked))
        assert not window.is_unlocked  # not in one go: the window keeps responding
    assert afterwards == [True]  # what follows runs once the workspaces are shown
    assert window.shell.navigation.count() == len(WORKSPACE_CLASSES)
    assert window.pages.currentWidget() is window.shell
    window.lock()


def test_closing_while_the_workspaces_are_built_closes_the_journal(
        qtbot: QtBot, window: MainWindow, journal_path: Path) -> None:
    Vault.create(journal_path, PASSPHRASE).close()
    vault = Vault.open(journal_path, PASSPHRASE)
    window._open_in_steps(vault)
    QCoreApplication.processEvents()  # one workspace built
    window.close()
    assert not vault.is_open
    for _ in range(10):
        QCoreApplication.processEvents()
    assert not window.is_unlocked
    assert window.shell.navigation.count() == 0


def _unlocked_window(qtbot: QtBot, journal_path: Path) -> MainWindow:
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.show()
    main.open_session(Vault.create(journal_path, PASSPHRASE))
    return main


def _workspace(window: MainWindow, workspace_id: str) -> Workspace:
    workspace = window.shell.workspace(workspace_id)
    assert workspace is not None
    return workspace


def test_navigate_to_workspace_shows_that_workspace(qtbot: QtBot, journal_path: Path) -> None:
    main = _unlocked_window(qtbot, journal_path)
    assert main.context is not None
    main.context.events.navigate_to_workspace.emit("resources")
    assert main.shell.stack.currentWidget() is _workspace(main, "resources")
    main.context.events.navigate_to_workspace.emit("follow_ups")
    assert main.shell.stack.currentWidget() is _workspace(main, "follow_ups")
    main.lock()


def test_saving_a_session_updates_the_follow_ups_badge(qtbot: QtBot,
                                                       journal_path: Path) -> None:
    main = _unlocked_window(qtbot, journal_path)
    journal = _workspace(main, "journal")
    follow_ups = _workspace(main, "follow_ups")
    assert isinstance(journal, JournalWorkspace)
    assert follow_ups.badge == ""
    journal.new_session()
    editor = journal.editor
    editor.consent_no.setChecked(True)
    editor.follow_up.setChecked(True)
    editor.follow_up_date.setDate(dt.date.today())
    with qtbot.waitSignal(follow_ups.badge_changed) as badge:
        assert editor.save() is not None
    assert badge.args == ["1"]
    main.lock()


def test_saved_settings_reach_the_journal(qtbot: QtBot, journal_path: Path) -> None:
    main = _unlocked_window(qtbot, journal_path)
    assert main.context is not None
    settings = next(a for a in main.journal_menu.actions() if a.objectName() == "settingsAction")
    settings.trigger()
    dialog = main.findChild(SettingsDialog)
    assert dialog is not None
    with qtbot.waitSignal(main.context.events.settings_changed) as changed:
        dialog.findChild(QLineEdit, "setting_crisis_line").setText("0800 111 222")
        dialog.save()
    assert changed.args == [["crisis_line"]]
    main.lock()


def test_the_start_screen_does_not_load_what_only_later_work_needs() -> None:
    """The PDF library and the phone-number metadata (~20 MB together) load when first used:
    the locked window stays small, and unlocking (whose key derivation takes 64-128 MiB on
    top) stays within the memory budget."""
    import subprocess
    import sys

    probe = ("import sys; import peerdesk.ui.main_window; "
             "print(sorted(m for m in ('reportlab', 'phonenumbers') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "[]"
