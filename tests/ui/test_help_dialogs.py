"""Help: the shortcut list shows the shortcut table; About says where data lives, with no links."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.ui.help_dialogs import AboutBox, ShortcutsDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.shortcuts import SHORTCUTS


def test_shortcut_list_shows_the_table(qtbot: QtBot, journal_path: Path) -> None:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    shown = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
             for r in range(dialog.table.rowCount())}
    assert ("Lock the journal", "Ctrl+L") in shown
    assert ("Settings", "Ctrl+,") in shown
    assert ("Export a summary", "Ctrl+E") in shown
    assert ("Save the session", "Ctrl+S") in shown
    assert dialog.table.rowCount() == len(SHORTCUTS)


def test_f1_opens_the_shortcut_list(qtbot: QtBot, journal_path: Path) -> None:
    window = MainWindow(journal_path)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
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
