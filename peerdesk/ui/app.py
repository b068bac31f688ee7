"""Start the GUI."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from peerdesk import APP_NAME, __version__
from peerdesk.paths import resolve_journal_path, resources_dir


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("org.peerdesk.PeerDesk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "peerdesk.svg")))
    return app


def run_app(journal: str | None = None, *, smoke_test: bool = False) -> int:
    from peerdesk.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(resolve_journal_path(journal))
    window.show()
    if smoke_test:
        QTimer.singleShot(0, app.quit)
    return app.exec()
