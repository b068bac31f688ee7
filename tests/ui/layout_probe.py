"""Render the everyday screens at one screen size, scale and language and report what does not
fit: a horizontal scroll bar, a label or button cut short, a control past its window's edge.

Run by tests/ui/test_layout_fit.py in a subprocess, because the screen size and the scale
(`QT_SCALE_FACTOR`) are fixed when Qt starts:

    python -m tests.ui.layout_probe OUT_DIR en,es

with QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json and QT_SCALE_FACTOR set. Prints one JSON
object: {"problems": {language: [...]}, "window": [w, h], "screen": [w, h]}.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
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
from peerdesk.ui.i18n import install_language, message_text
from peerdesk.ui.journal.editor import SessionEditor
from peerdesk.ui.journal.workspace import JournalWorkspace
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


def main(out: Path, languages: list[str]) -> int:
    app = create_application()
    problems: dict[str, list[str]] = {language: [] for language in languages}
    size: list[int] = []

    def look(language: str, screen: str, window: QWidget) -> None:
        # A loaded machine can leave a relayout pending after one round of events (a scroll
        # bar shown for a moment while a text view reflows): judge once it has settled.
        found = None
        for _ in range(20):
            settle(app)
            again = problems_in(screen, window)
            if again == found:
                break
            found = again
        window.grab().save(str(out / f"{language}-{screen}.png"))
        problems[language].extend(found or [])

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.peerdesk"
        Vault.create(path, "a passphrase long enough").close()
        for language in languages:
            install_language(language)
            locked = MainWindow(path)
            locked.show()
            locked.start.unlock_page.show_error(message_text(VaultOpenError()))
            look(language, "lock-screen", locked)
            size = [locked.width(), locked.height()]
            locked.hide()

    # One demo journal for every language: a window per language over the same vault.
    install_language(languages[0])
    with demo_window(60) as first:
        context = first.context
        assert context is not None
        for language in languages:
            install_language(language)
            if language == languages[0]:
                window = first
            else:
                first.hide()
                window = MainWindow(first.journal_path, demo=True)
                window.open_session(context.vault)
            look_at_workspaces(app, window, lambda screen, w, lang=language: look(lang, screen, w))
            window.hide()
    available = app.primaryScreen().availableGeometry()
    print(json.dumps({"problems": problems, "window": size,
                      "screen": [available.width(), available.height()]}))
    return 0


def look_at_workspaces(app: QApplication, window: MainWindow,
                       look: Callable[[str, QWidget], None]) -> None:
    window.show()
    context = window.context
    assert context is not None
    window.shell.show_workspace("journal")
    journal = next(w for w in window.shell.workspaces if isinstance(w, JournalWorkspace))
    journal.new_session()
    look("editor-new", window)
    repository = SessionRepository(context.vault)
    first = repository.page(SessionFilter(), limit=1)[0]
    context.events.navigate_to_session.emit(first.id)
    editor = window.findChild(SessionEditor)
    assert editor is not None
    editor.kind.set_code("group")
    editor.peer_code.setText("Maria Lopez")
    editor.risk_flags.set_codes({"self_harm"})
    look("editor-risk", window)
    editor.scroll_area.ensureWidgetVisible(editor.consent_box)
    look("editor-consent", window)
    editor.discard_draft()
    editor.open_session(repository.get(first.id))  # leaves nothing unsaved behind
    window.shell.show_workspace("guides")
    context.events.navigate_to_guide.emit("active-listening-oars")
    look("guides", window)
    window.shell.show_workspace("program")
    program = next(w for w in window.shell.workspaces if w.workspace_id == "program")
    deadline = time.monotonic() + 60
    while getattr(program, "refreshing", False) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)  # a probe, not a test: the figures are counted off-thread
    look("dashboard", window)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2].split(",")))
