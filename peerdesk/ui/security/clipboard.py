"""Copying private text: marked secret for clipboard managers, cleared after a while.

`copy_sensitive(text, seconds)` puts `text` on the clipboard with the hints clipboard
managers honour — KDE/Klipper `x-kde-passwordManagerHint: secret`, Windows
`ExcludeClipboardContentFromMonitorProcessing`, `CanIncludeInClipboardHistory = 0` and
`CanUploadToCloudClipboard = 0` — and clears it after `seconds` (the setting
`clipboard_clear_seconds`), but only if the clipboard still holds that text, so something the
user copied since is never wiped. Locking the journal clears it too (`clear_sensitive`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

_DWORD_ZERO = b"\x00\x00\x00\x00"
_WINDOWS = 'application/x-qt-windows-mime;value="{0}"'
SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": _DWORD_ZERO,
    "CanUploadToCloudClipboard": _DWORD_ZERO,
    _WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing"): b"1",
    _WINDOWS.format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _WINDOWS.format("CanUploadToCloudClipboard"): _DWORD_ZERO,
}
GUARD_NAME = "peerdeskClipboardGuard"
# Set to True on a widget whose descendants show session text (the journal, follow-ups, the
# peer timeline): anything copied while focus is inside it is treated as sensitive.
SENSITIVE_PROPERTY = "peerdeskSessionText"


class ClipboardGuard(QObject):
    """Remembers the sensitive text last copied, and clears it when its time is up."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(GUARD_NAME)
        self._text: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear_if_unchanged)

    @property
    def holding(self) -> bool:
        return self._text is not None

    def track(self, text: str, clear_after_ms: int) -> None:
        self._text = text
        self.timer.stop()
        if clear_after_ms > 0:
            self.timer.start(clear_after_ms)

    def clear_if_unchanged(self) -> None:
        text, self._text = self._text, None
        self.timer.stop()
        if text is None:
            return
        clipboard = QGuiApplication.clipboard()
        for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
            if (mode is QClipboard.Mode.Selection and not clipboard.supportsSelection()):
                continue
            if clipboard.text(mode) == text:
                clipboard.clear(mode)


def clipboard_guard() -> ClipboardGuard:
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("copy_sensitive needs a running QGuiApplication")
    guard = app.findChild(ClipboardGuard, GUARD_NAME)
    return guard if isinstance(guard, ClipboardGuard) else ClipboardGuard(app)


def sensitive_mime_data(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    for name, value in SECRET_HINTS.items():
        mime.setData(name, QByteArray(value))
    return mime


def copy_sensitive(text: str, clear_after_seconds: int = 30, *,
                   clear_after_ms: int | None = None) -> None:
    """Copy `text`, hinted as secret; clear it after the delay if it is still there.

    `clear_after_seconds` comes from the setting `clipboard_clear_seconds` (0 keeps it until
    the journal locks); `clear_after_ms` overrides it (tests)."""
    guard = clipboard_guard()
    QGuiApplication.clipboard().setMimeData(sensitive_mime_data(text))
    delay = clear_after_ms if clear_after_ms is not None else clear_after_seconds * 1000
    guard.track(text, delay)


def clear_sensitive() -> None:
    """On lock: clear what `copy_sensitive` put there, if the clipboard still holds it."""
    app = QGuiApplication.instance()
    if app is None:
        return
    guard = app.findChild(ClipboardGuard, GUARD_NAME)
    if isinstance(guard, ClipboardGuard):
        guard.clear_if_unchanged()


def holds_session_text(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.property(SENSITIVE_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


class SessionCopyWatcher(QObject):
    """Re-marks text copied out of session widgets — by Ctrl+C, Ctrl+X or a context menu, all
    of which bypass `copy_sensitive` — as secret, with the same timed clearing."""

    def __init__(self, parent: QObject, clear_after_seconds: Callable[[], int]) -> None:
        super().__init__(parent)
        self._seconds = clear_after_seconds
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)

    def _clipboard_changed(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is None or mime.hasFormat("x-kde-passwordManagerHint"):
            return  # already ours (or another app's secret)
        if not holds_session_text(QApplication.focusWidget()):
            return
        text = clipboard.text()
        if text:
            copy_sensitive(text, self._seconds())
