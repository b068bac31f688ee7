"""Help menu dialogs: keyboard shortcuts (from the shortcut table) and About."""

from __future__ import annotations

from pathlib import Path

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
from peerdesk.paths import backups_dir, training_progress_file, ui_state_file
from peerdesk.ui.shortcuts import table_rows


class ShortcutsDialog(QDialog):
    """Every documented shortcut (`peerdesk.ui.shortcuts.SHORTCUTS`), by where it works."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = table_rows()
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"),
                                              self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, (where, text, keys) in enumerate(rows):
            for column, value in enumerate((where, text, keys)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        note = QLabel(self.tr("Tab and Shift+Tab move between fields; Space ticks a box; "
                              "Enter activates the default button; Alt with an underlined "
                              "letter goes to that field."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(buttons)
        screen = window.screen().availableGeometry()
        self.resize(min(640, screen.width() - 40), min(600, screen.height() - 60))


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
            "<p><b>Window size and position and the interface language</b> are kept in:<br>{2}"
            "<br>and, only if you read the guides without a journal, which ones you completed "
            "(never your answers) in:<br>{3}</p>"
            "<p><b>Nothing leaves this computer</b> unless you export it yourself: summaries "
            "contain no names, notes, peer codes or exact dates, and only sessions the person "
            "agreed to count. PeerDesk never connects to a network.</p>"
        ).format(journal_path, backups_dir(journal_path), ui_state_file(),
                 training_progress_file()))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
