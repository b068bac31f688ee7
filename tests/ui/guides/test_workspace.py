"""The Guides workspace in the main window, the reader on the start screen, quick reference."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from peerdesk.guides import TrainingProgressRepository
from peerdesk.paths import training_progress_file
from peerdesk.ui.guides.browser import GuideBrowser
from peerdesk.ui.guides.quick_reference import QuickReferenceDock
from peerdesk.ui.guides.standalone import GuideReaderWindow
from peerdesk.ui.guides.workspace import GuidesWorkspace
from peerdesk.ui.main_window import MainWindow
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture
def window(qtbot: QtBot, journal_path: Path) -> MainWindow:
    Vault.create(journal_path, PASSPHRASE).close()
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    return main


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    page = window.start.unlock_page
    page.passphrase.setText(PASSPHRASE)
    # Writable once the background integrity check has passed (issue #16).
    with qtbot.waitSignal(window.security.integrity.verdict, timeout=15000), \
            qtbot.waitSignal(window.unlocked, timeout=15000):
        page.unlock_button.click()


def _guides(window: MainWindow) -> GuidesWorkspace:
    found = window.shell.workspace("guides")
    assert isinstance(found, GuidesWorkspace)
    return found


def test_read_the_guides_from_the_unlock_screen(qtbot: QtBot, window: MainWindow) -> None:
    page = window.start.unlock_page
    assert page.guides_button.isVisible()
    page.guides_button.click()
    reader = window.start.guides_window
    assert isinstance(reader, GuideReaderWindow)
    assert QTest.qWaitForWindowExposed(reader)
    assert not window.is_unlocked
    assert reader.browser.storage_note.isVisible()
    assert "your answers are not" in reader.browser.storage_note.text()
    reader.browser.open_item("responding-to-risk")
    reader.browser.set_completed(True)
    assert reader.browser.trainee_bar.value() > 0
    page.guides_button.click()
    assert window.start.guides_window is reader  # one reader window, raised again
    with qtbot.waitSignal(reader.destroyed):
        reader.close()
    assert window.start.guides_window is None
    page.guides_button.click()  # the trainee comes back: the progress is still there
    again = window.start.guides_window
    assert isinstance(again, GuideReaderWindow)
    assert "responding-to-risk" in again.store.completed()
    again.close()


def test_progress_made_without_a_journal_moves_into_a_new_one(
        qtbot: QtBot, tmp_path: Path) -> None:
    main = MainWindow(tmp_path / "new" / "journal.peerdesk")
    qtbot.addWidget(main)
    main.show()
    reader = main.start.open_guides()
    assert isinstance(reader, GuideReaderWindow)
    reader.browser.open_item("responding-to-risk")
    reader.browser.set_completed(True)
    reader.store.save_answer("a-bad-meeting", "Ask how they are, then listen.")
    page = main.start.create_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    with qtbot.waitSignal(main.unlocked, timeout=10000):
        page.create_button.click()
    assert main.context is not None
    journal = TrainingProgressRepository(main.context.vault)
    assert "responding-to-risk" in journal.completed()
    assert journal.answer("a-bad-meeting") == "Ask how they are, then listen."
    assert not training_progress_file().exists()  # nothing left outside the journal
    reader.close()
    main.lock()


def test_read_the_guides_from_the_create_screen(qtbot: QtBot, tmp_path: Path) -> None:
    main = MainWindow(tmp_path / "new" / "journal.peerdesk")
    qtbot.addWidget(main)
    main.show()
    assert main.start.currentWidget() is main.start.create_page
    main.start.create_page.guides_button.click()
    assert isinstance(main.start.guides_window, GuideReaderWindow)
    assert not (tmp_path / "new").exists()
    main.start.guides_window.close()


def test_progress_survives_lock_and_unlock(qtbot: QtBot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    workspace = _guides(window)
    browser = workspace.browser
    assert not browser.storage_note.isVisibleTo(browser)
    browser.open_item("active-listening-oars")
    browser.set_completed(True)
    browser.open_item("cant-go-on")
    browser.scenario_panel.answer.setPlainText("ask directly")
    percent = browser.trainee_bar.value()
    assert percent > 0
    with qtbot.waitSignal(window.locked):
        window.lock()
    _unlock(qtbot, window)
    browser = _guides(window).browser
    assert browser is not workspace.browser
    assert "active-listening-oars" in browser.store.completed()
    assert browser.trainee_bar.value() == percent
    browser.open_item("cant-go-on")
    assert browser.scenario_panel.answer.toPlainText() == "ask directly"


def test_navigate_to_guide_switches_workspace(qtbot: QtBot, window: MainWindow) -> None:
    _unlock(qtbot, window)
    context = window.context
    assert context is not None
    context.events.navigate_to_guide.emit("power-dynamics")
    assert window.shell.stack.currentWidget() is _guides(window)
    browser: GuideBrowser = _guides(window).browser
    assert browser.current is not None
    assert browser.current.id == "power-dynamics"


def test_quick_reference_toggles_with_its_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    action = window.quick_reference_action
    dock = window.findChild(QuickReferenceDock)
    assert dock is not None
    assert not action.isEnabled()  # only while unlocked
    _unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dock.isVisible()
    text = dock.panel.view.toPlainText()
    for expected in ("Open questions", "Reflections", "Ask directly", "emergency number",
                     "That sounds really hard", "escalation steps"):
        assert expected in text
    dock.panel.view.anchorClicked.emit(QUrl("guide:responding-to-risk"))
    browser = _guides(window).browser
    assert browser.current is not None
    assert browser.current.id == "responding-to-risk"
    qtbot.keyClick(window, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not dock.isVisible()
    action.setChecked(True)
    assert dock.isVisible()
    dock.close()
    assert not action.isChecked()
    action.setChecked(True)
    with qtbot.waitSignal(window.locked):
        window.lock()
    assert not dock.isVisible()
    assert not action.isEnabled()
