"""Render the everyday screens at one screen size, scale and language and report what does not
fit: a horizontal scroll bar, a label or button cut short, a control past its window's edge.

Run by tests/ui/test_layout_fit.py in a subprocess, because the screen size and the scale
(`QT_SCALE_FACTOR`) are fixed when Qt starts:

    python -m tests.ui.layout_probe OUT_DIR

with QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json, QT_SCALE_FACTOR and PEERDESK_LANGUAGE
set. Prints one JSON object: {"problems": [...], "window": [w, h], "screen": [w, h]}.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

from peerdesk.journal.repository import SessionFilter, SessionRepository
from peerdesk.ui.app import create_application, demo_window
from peerdesk.ui.i18n import message_text
from peerdesk.ui.journal.editor import SessionEditor
from peerdesk.ui.main_window import MainWindow
from peerdesk.vault import Vault
from peerdesk.vault.vault import VaultOpenError

EDGE = 2  # a control closer than this to the edge of what shows it "touches the edge"


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def _showing_right_edge(widget: QWidget) -> tuple[QWidget, int]:
    """The widget whose right edge bounds what `widget` can show, and that edge's x."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent.viewport(), parent.viewport().width()
        if parent.isWindow():
            return parent, parent.width()
        parent = parent.parentWidget()
    return widget, widget.width()


def problems_in(screen: str, root: QWidget) -> list[str]:
    found: list[str] = []
    for area in root.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append(f"{screen}: horizontal scroll bar in {area.objectName() or area}")
    for widget in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not widget.isVisible() or not widget.text().strip() or widget.width() <= 0:
            continue
        name = f"{screen}: “{widget.text()[:40]}”"
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() + 1 < widget.heightForWidth(widget.width()):
                found.append(f"{name} is cut off at the bottom")
        elif widget.width() + 1 < widget.minimumSizeHint().width():
            found.append(f"{name} is cut short ({widget.width()} < "
                         f"{widget.minimumSizeHint().width()})")
        bound, right = _showing_right_edge(widget)
        if bound is not widget and isinstance(widget, QAbstractButton):
            x = widget.mapTo(bound, widget.rect().topRight()).x()
            if x > right - EDGE:
                found.append(f"{name} touches or passes the edge ({x} of {right})")
    return found


def main(out: Path) -> int:
    app = create_application()
    problems: list[str] = []

    def look(screen: str, window: QWidget) -> None:
        settle(app)
        window.grab().save(str(out / f"{screen}.png"))
        problems.extend(problems_in(screen, window))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.peerdesk"
        Vault.create(path, "a passphrase long enough").close()
        locked = MainWindow(path)
        locked.show()
        locked.start.unlock_page.show_error(message_text(VaultOpenError()))
        look("lock-screen", locked)
        size = [locked.width(), locked.height()]
        locked.close()

    with demo_window(60) as window:
        window.show()
        context = window.context
        assert context is not None
        window.shell.show_workspace("journal")
        context.services["new_session"]()
        look("editor-new", window)
        first = SessionRepository(context.vault).page(SessionFilter(), limit=1)[0]
        context.services["open_session"](first.id)
        editor = window.findChild(SessionEditor)
        assert editor is not None
        editor.kind.set_code("group")
        editor.peer_code.setText("Maria Lopez")
        editor.risk_flags.set_codes({"self_harm"})
        look("editor-risk", window)
        editor.scroll.ensureWidgetVisible(editor.consent_box)
        look("editor-consent", window)
        editor.discard_draft()
        window.shell.show_workspace("guides")
        context.services["show_guide"]("active-listening-oars")
        look("guides", window)
        window.shell.show_workspace("program")
        program = next(w for w in window.shell.workspaces if w.workspace_id == "program")
        deadline = time.monotonic() + 60
        while getattr(program, "refreshing", False) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)  # a probe, not a test: the figures are counted off-thread
        look("dashboard", window)
    available = app.primaryScreen().availableGeometry()
    print(json.dumps({"problems": problems, "window": size,
                      "screen": [available.width(), available.height()]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
