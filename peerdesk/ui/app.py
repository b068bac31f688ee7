"""Start the GUI."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from peerdesk import APP_NAME, __version__
from peerdesk.paths import resolve_journal_path


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
    return app


def run_app(journal: str | None = None) -> int:
    from peerdesk.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow(resolve_journal_path(journal))
    window.show()
    return app.exec()
