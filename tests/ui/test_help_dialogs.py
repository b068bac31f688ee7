"""Help: the shortcut list reflects the live actions; About says where data lives, with no links."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.ui.help_dialogs import AboutBox, ShortcutsDialog, collect_shortcuts
from peerdesk.ui.main_window import MainWindow
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


def test_shortcut_list_includes_lock_and_session_actions(qtbot: QtBot, journal_path: Path) -> None:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    locked = dict(collect_shortcuts(window))
    assert locked["Lock"] == "Ctrl+L"
    assert locked["Keyboard shortcuts"] == "F1"
    assert "Settings" not in locked  # only exists while a journal is open
    window.open_session(Vault.create(journal_path, PASSPHRASE))
    unlocked = dict(collect_shortcuts(window))
    assert unlocked["Settings"]
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert {"Lock", "Settings", "Keyboard shortcuts"} <= shown
    window.lock()


def test_f1_opens_the_shortcut_list(qtbot: QtBot, journal_path: Path) -> None:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.findChild(type(window.lock_action), "shortcutsAction").trigger()
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog.isVisible()
    dialog.close()


def test_about_says_where_everything_lives_without_links(qtbot: QtBot, journal_path: Path) -> None:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    box = AboutBox(window, journal_path)
    qtbot.addWidget(box)
    text = box.informativeText()
    assert str(journal_path) in text
    assert "backups" in text
    assert "never connects to a network" in text
    assert "http" not in text.lower()
    assert "<a " not in text.lower()
