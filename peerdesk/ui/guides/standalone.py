"""The guide browser in its own window, for reading before (or without) unlocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from peerdesk.guides import MemoryProgressStore
from peerdesk.ui.guides.browser import GuideBrowser


class GuideReaderWindow(QMainWindow):
    """No journal: progress and answers live in memory and go when the window closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideReaderWindow")
        self.setWindowTitle(self.tr("PeerDesk guides"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = MemoryProgressStore()
        self.browser = GuideBrowser(self.store)
        self.setCentralWidget(self.browser)
        self.resize(1200, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.browser.forget_private_text()
        self.store.clear()
        super().closeEvent(event)
