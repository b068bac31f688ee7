"""Render README screenshots of the main screens from `--demo` data into docs/screenshots/.

Run: `make screenshots` (offscreen; no display needed). Everything shown is synthetic.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from peerdesk.journal.repository import SessionFilter, SessionRepository
from peerdesk.ui.app import create_application, demo_window
from peerdesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1280, 800)
SMALL_SIZE = (1024, 700)  # a small laptop: the session form in one column


def settle(app: QApplication, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


def main() -> int:
    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as folder:
        start = MainWindow(Path(folder) / "journal.peerdesk")
        start.resize(*SIZE)
        start.show()
        save(app, start, "create-journal")
        start.close()

    with demo_window() as window:
        window.resize(*SIZE)
        window.show()
        context = window.context
        assert context is not None
        shell = window.shell

        shell.show_workspace("journal")
        save(app, window, "journal")

        repo = SessionRepository(context.vault)
        risky = next(r for r in repo.page(SessionFilter(), limit=400) if r.risk_flags)
        context.events.navigate_to_session.emit(risky.id)
        save(app, window, "session-editor")

        shell.show_workspace("follow_ups")
        save(app, window, "follow-ups")
        shell.show_workspace("resources")
        save(app, window, "referral-directory")
        shell.show_workspace("guides")
        context.events.navigate_to_guide.emit("active-listening-oars")
        save(app, window, "guides")
        shell.show_workspace("program")
        program = next(w for w in shell.workspaces if w.workspace_id == "program")
        deadline = time.monotonic() + 30
        while program.refreshing and time.monotonic() < deadline:  # figures count off-thread
            app.processEvents()
            time.sleep(0.02)  # a script, not a test: wait for the worker
        save(app, window, "program-dashboard")

        window.resize(*SMALL_SIZE)
        shell.show_workspace("journal")
        context.events.navigate_to_session.emit(risky.id)
        save(app, window, "session-editor-1024x700")
    return 0


if __name__ == "__main__":
    sys.exit(main())
