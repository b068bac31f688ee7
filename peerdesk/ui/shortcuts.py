"""Every keyboard shortcut PeerDesk documents, in one table.

Widgets take their keys from here (`add_shortcut`, `apply_shortcut`), Help → Keyboard
shortcuts (F1) lists this table, and tests check each entry works from any focus in its
workspace. Keys are written in Qt's portable form ("Ctrl+E").

Text fields claim some Ctrl keys for editing (on Linux, Ctrl+E moves to the end of the line,
Ctrl+K deletes to it); `ShortcutsFirst` gives the table's keys to the shortcut instead, so
Ctrl+E exports even while the search box has focus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from peerdesk.ui.app_events import app_events
from peerdesk.ui.marked_strings import QT_TRANSLATE_NOOP

CONTEXT = "Shortcuts"  # translation context of the descriptions below


@dataclass(frozen=True)
class ShortcutDef:
    id: str
    keys: tuple[str, ...]  # the first is the one shown
    scope: str             # a key of SCOPES
    text: str              # English; shown through QCoreApplication.translate(CONTEXT, text)


SCOPES: dict[str, str] = {
    "app": QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
    "journal": QT_TRANSLATE_NOOP("Shortcuts", "Journal"),
    "editor": QT_TRANSLATE_NOOP("Shortcuts", "Session editor"),
    "follow_ups": QT_TRANSLATE_NOOP("Shortcuts", "Follow-ups"),
    "resources": QT_TRANSLATE_NOOP("Shortcuts", "Referral directory"),
    "guides": QT_TRANSLATE_NOOP("Shortcuts", "Guides"),
    "program": QT_TRANSLATE_NOOP("Shortcuts", "Program"),
}

SHORTCUTS: tuple[ShortcutDef, ...] = (
    ShortcutDef("app.shortcuts", ("F1",), "app",
                QT_TRANSLATE_NOOP("Shortcuts", "List keyboard shortcuts")),
    ShortcutDef("app.lock", ("Ctrl+L",), "app", QT_TRANSLATE_NOOP("Shortcuts", "Lock the journal")),
    ShortcutDef("app.quit", ("Ctrl+Q",), "app", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
    ShortcutDef("app.settings", ("Ctrl+,",), "app", QT_TRANSLATE_NOOP("Shortcuts", "Settings")),
    ShortcutDef("app.export_summary", ("Ctrl+E",), "app",
                QT_TRANSLATE_NOOP("Shortcuts", "Export a summary")),
    ShortcutDef("app.quick_reference", ("Ctrl+Shift+R",), "app",
                QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the quick reference")),
    ShortcutDef("app.new_session", ("Ctrl+N",), "app",
                QT_TRANSLATE_NOOP("Shortcuts", "New session")),
    ShortcutDef("app.workspace", ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"), "app",
                QT_TRANSLATE_NOOP("Shortcuts", "Go to workspace 1 to 5")),
    ShortcutDef("journal.find", ("Ctrl+F",), "journal",
                QT_TRANSLATE_NOOP("Shortcuts", "Search sessions")),
    ShortcutDef("journal.timeline", ("Ctrl+T",), "journal",
                QT_TRANSLATE_NOOP("Shortcuts", "Sessions with the selected peer code")),
    ShortcutDef("journal.open", ("Return",), "journal",
                QT_TRANSLATE_NOOP("Shortcuts", "Open the selected session")),
    ShortcutDef("journal.delete", ("Del",), "journal",
                QT_TRANSLATE_NOOP("Shortcuts", "Delete the selected session")),
    ShortcutDef("editor.save", ("Ctrl+S",), "editor",
                QT_TRANSLATE_NOOP("Shortcuts", "Save the session")),
    ShortcutDef("editor.close", ("Esc",), "editor",
                QT_TRANSLATE_NOOP("Shortcuts", "Back to the list")),
    ShortcutDef("editor.timeline", ("Ctrl+T",), "editor",
                QT_TRANSLATE_NOOP("Shortcuts", "Sessions with this peer code")),
    ShortcutDef("follow_ups.done", ("Ctrl+D",), "follow_ups",
                QT_TRANSLATE_NOOP("Shortcuts", "Mark the selected follow-up done")),
    ShortcutDef("resources.find", ("Ctrl+F",), "resources",
                QT_TRANSLATE_NOOP("Shortcuts", "Search the directory")),
    ShortcutDef("resources.edit", ("F2",), "resources",
                QT_TRANSLATE_NOOP("Shortcuts", "Edit the selected entry")),
    ShortcutDef("guides.back", ("Alt+Left",), "guides", QT_TRANSLATE_NOOP("Shortcuts", "Back")),
    ShortcutDef("guides.forward", ("Alt+Right",), "guides",
                QT_TRANSLATE_NOOP("Shortcuts", "Forward")),
    ShortcutDef("guides.find", ("Ctrl+F",), "guides",
                QT_TRANSLATE_NOOP("Shortcuts", "Find in page")),
    ShortcutDef("guides.search", ("Ctrl+K",), "guides",
                QT_TRANSLATE_NOOP("Shortcuts", "Search guides")),
    ShortcutDef("guides.complete", ("Ctrl+D",), "guides",
                QT_TRANSLATE_NOOP("Shortcuts", "Mark as completed")),
    ShortcutDef("program.import", ("Ctrl+I",), "program",
                QT_TRANSLATE_NOOP("Shortcuts", "Import summaries")),
    ShortcutDef("program.pdf", ("Ctrl+Shift+P",), "program",
                QT_TRANSLATE_NOOP("Shortcuts", "Export the PDF report")),
    ShortcutDef("program.csv", ("Ctrl+Shift+E",), "program",
                QT_TRANSLATE_NOOP("Shortcuts", "Export the CSV tables")),
)

_BY_ID = {definition.id: definition for definition in SHORTCUTS}


def shortcut_def(shortcut_id: str) -> ShortcutDef:
    return _BY_ID[shortcut_id]


def key_sequences(shortcut_id: str) -> list[QKeySequence]:
    return [QKeySequence(keys) for keys in _BY_ID[shortcut_id].keys]


def translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def add_shortcut(widget: QWidget, shortcut_id: str, slot: Callable[[], object]) -> QShortcut:
    """A shortcut active while focus is anywhere inside `widget`."""
    definition = _BY_ID[shortcut_id]
    shortcut = QShortcut(QKeySequence(definition.keys[0]), widget)
    shortcut.setObjectName(shortcut_id)
    shortcut.setWhatsThis(translated(definition.text))
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def apply_shortcut(action: QAction, shortcut_id: str,
                   context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """Give `action` its keys from the table."""
    action.setShortcuts(key_sequences(shortcut_id))
    action.setShortcutContext(context)
    return action


def table_rows() -> list[tuple[str, str, str]]:
    """(where, what it does, keys) for Help → Keyboard shortcuts, in the interface language."""
    rows: list[tuple[str, str, str]] = []
    for definition in SHORTCUTS:
        keys = " · ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                          for k in definition.keys)
        if definition.id == "app.workspace":
            first, last = definition.keys[0], definition.keys[-1]
            keys = " … ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                              for k in (first, last))
        rows.append((translated(SCOPES[definition.scope]), translated(definition.text), keys))
    return rows


def _table_keys() -> frozenset[int]:
    combined: set[int] = set()
    for definition in SHORTCUTS:
        for keys in definition.keys:
            sequence = QKeySequence(keys)
            combination = sequence[0]  # type: ignore[index]  # operator[]; missing in the stub
            modifiers = combination.keyboardModifiers()
            is_function_key = Qt.Key.Key_F1.value <= combination.key().value <= Qt.Key.Key_F35.value
            if modifiers & Qt.KeyboardModifier.ControlModifier or is_function_key:
                combined.add(combination.toCombined())
    return frozenset(combined)


class ShortcutsFirst:
    """Lets the table's Ctrl and function keys reach their shortcut from any text field (the
    key part of the application's event filter, `app_events.AppEvents`)."""

    def __init__(self) -> None:
        self._keys = _table_keys()

    def key_event(self, event: QKeyEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            combined = event.keyCombination().toCombined()
            if combined in self._keys:
                event.ignore()  # not the text field's: the shortcut map gets the key
                return True
        return False


def install_shortcuts_first(app: QApplication) -> ShortcutsFirst:
    """Switch the shortcut keys on in the application's event filter (once)."""
    events = app_events(app)
    if events.shortcuts_first is None:
        events.shortcuts_first = ShortcutsFirst()
    return events.shortcuts_first
