"""Window geometry, kept outside the vault because it reveals nothing."""

from __future__ import annotations

import base64
import contextlib
import json

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import ensure_private_dir, write_text_atomic
from peerdesk.paths import ui_state_file


def restore_geometry(window: QMainWindow) -> bool:
    try:
        data = json.loads(ui_state_file().read_text("utf-8"))
        geometry = base64.b64decode(data["geometry"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return bool(window.restoreGeometry(QByteArray(geometry)))


def save_geometry(window: QMainWindow) -> None:
    path = ui_state_file()
    payload = {"geometry": base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")}
    with contextlib.suppress(PeerDeskError):  # losing the window size is not worth an error
        ensure_private_dir(path.parent)
        write_text_atomic(path, json.dumps(payload))
