"""Help menu dialogs: keyboard shortcuts (collected live) and About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk import __version__
from peerdesk.paths import backups_dir, ui_state_file


def collect_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, key sequence) for every action and shortcut the window holds now."""
    found: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&", "").rstrip("…").strip()
        if keys and text:
            found[(text, keys)] = None
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        text = shortcut.whatsThis() or shortcut.objectName()
        if keys and text:
            found[(text, keys)] = None
    return sorted(found, key=lambda item: item[0].lower())


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        rows = collect_shortcuts(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        note = QLabel(self.tr("Tab and Shift+Tab move between fields; Space ticks a box; "
                              "Enter activates the default button."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)


class AboutBox(QMessageBox):
    """Version and, without any links, what data stays where."""

    def __init__(self, window: QMainWindow, journal_path: Path) -> None:
        super().__init__(window)
        self.setObjectName("aboutBox")
        self.setWindowTitle(self.tr("About PeerDesk"))
        self.setIconPixmap(window.windowIcon().pixmap(64, 64))
        self.setText(self.tr("<b>PeerDesk {0}</b><br>A private journal and program reports for "
                             "workplace peer-support programs.").format(__version__))
        self.setInformativeText(self.tr(
            "<p><b>Your journal</b> is one encrypted file on this computer:<br>{0}<br>"
            "Sessions, drafts, the referral directory, training progress, imported summaries "
            "and settings are all inside it, encrypted with your passphrase.</p>"
            "<p><b>Automatic backups</b> are encrypted copies in:<br>{1}</p>"
            "<p><b>Window size and position and the interface language</b> (nothing else) "
            "are kept in:<br>{2}</p>"
            "<p><b>Nothing leaves this computer</b> unless you export it yourself: summaries "
            "contain no names, notes, peer codes or exact dates, and only sessions the person "
            "agreed to count. PeerDesk never connects to a network.</p>"
        ).format(journal_path, backups_dir(journal_path), ui_state_file()))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
