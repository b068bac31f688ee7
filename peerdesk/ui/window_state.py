"""Window geometry and the interface language, kept outside the vault because they reveal
nothing (and the language is needed before unlock)."""

from __future__ import annotations

import base64
import contextlib
import json
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import ensure_private_dir, write_text_atomic
from peerdesk.paths import ui_state_file


def _read_state() -> dict[str, Any]:
    try:
        data = json.loads(ui_state_file().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _update_state(**values: Any) -> None:
    """Merge `values` into the state file, keeping what else is there."""
    path = ui_state_file()
    payload = {**_read_state(), **values}
    with contextlib.suppress(PeerDeskError):  # losing the window size is not worth an error
        ensure_private_dir(path.parent)
        write_text_atomic(path, json.dumps(payload))


def restore_geometry(window: QMainWindow) -> bool:
    try:
        geometry = base64.b64decode(_read_state()["geometry"])
    except (ValueError, KeyError, TypeError):
        return False
    return bool(window.restoreGeometry(QByteArray(geometry)))


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move `window` so it lies within the available area of its screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    minimum = window.minimumSize()
    window.setMinimumSize(min(minimum.width(), room.width()),
                          min(minimum.height(), room.height()))
    frame = window.frameGeometry().size() - window.geometry().size()
    width = min(window.width(), room.width() - frame.width())
    height = min(window.height(), room.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), room.left()), room.right() - window.frameGeometry().width() + 1)
    y = min(max(window.y(), room.top()), room.bottom() - window.frameGeometry().height() + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


def save_geometry(window: QMainWindow) -> None:
    _update_state(geometry=base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii"))


def read_language() -> str | None:
    """The saved interface language ("system", "en", "es"…), or None if none was chosen."""
    value = _read_state().get("language")
    return value if isinstance(value, str) and value else None


def write_language(language: str) -> None:
    _update_state(language=language)
