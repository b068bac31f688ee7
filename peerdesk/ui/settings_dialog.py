"""The settings dialog, built from the declared list in `peerdesk.settings.SETTINGS`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerDeskError
from peerdesk.settings import (
    MAX_TEXT_SETTING,
    SETTINGS,
    SettingDef,
    Settings,
    setting_def,
    validate_setting,
)
from peerdesk.ui.i18n import current_language, message_text, resolve_language
from peerdesk.ui.messages import show_info
from peerdesk.ui.shortcuts import apply_shortcut
from peerdesk.ui.style import tone_css
from peerdesk.ui.window_state import read_language, write_language

SECURITY_GROUP = "Security"  # the settings group the recovery kit joins


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


class SettingsDialog(QDialog):
    """One tab per group; one editor per setting; nothing is saved until OK."""

    settings_saved = Signal(list)  # keys whose value changed

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 recovery_kit: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(720)
        self._settings = settings
        self._editors: dict[str, QWidget] = {}
        self.language_notice: QMessageBox | None = None  # "applies at next start"
        tabs = QTabWidget()
        forms: dict[str, QFormLayout] = {}
        for definition in SETTINGS:
            if definition.group not in forms:
                page = QWidget()
                forms[definition.group] = QFormLayout(page)
                tabs.addTab(page, _tr(definition.group))
            editor = self._editor_for(definition, self._initial_value(definition.key))
            editor.setObjectName(f"setting_{definition.key}")
            editor.setAccessibleName(_tr(definition.label))
            if definition.help:
                editor.setToolTip(_tr(definition.help))
                editor.setAccessibleDescription(_tr(definition.help))
            label = QLabel(_tr(definition.label) + ":")
            label.setBuddy(editor)
            forms[definition.group].addRow(label, editor)
            if definition.help:
                hint = QLabel(_tr(definition.help))
                hint.setWordWrap(True)
                hint.setStyleSheet(tone_css("muted"))
                forms[definition.group].addRow("", hint)
            self._editors[definition.key] = editor
        if recovery_kit is not None:
            self._add_recovery_kit_row(forms, tabs, recovery_kit)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet(tone_css("error"))
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _add_recovery_kit_row(self, forms: dict[str, QFormLayout], tabs: QTabWidget,
                              recovery_kit: Callable[[], object]) -> None:
        """The recovery kit, reachable from Settings ▸ Security too: the same dialog as
        Journal ▸ Recovery kit… (it asks before replacing or turning off the code)."""
        form = forms.get(SECURITY_GROUP)
        if form is None:
            page = QWidget()
            form = forms[SECURITY_GROUP] = QFormLayout(page)
            tabs.addTab(page, _tr(SECURITY_GROUP))
        button = QPushButton(self.tr("Recovery &kit…"))
        button.setObjectName("settingsRecoveryKitButton")
        button.setAutoDefault(False)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda: recovery_kit())
        about = QLabel(self.tr(
            "The recovery kit is a printed page with a recovery code: it opens this journal "
            "if you forget the passphrase. Make a new code (the old one then stops working), "
            "print the kit again, or turn the kit off if you prefer no way back."))
        about.setWordWrap(True)
        about.setStyleSheet(tone_css("muted"))
        button.setToolTip(about.text())
        label = QLabel(self.tr("Recovery kit:"))
        label.setBuddy(button)
        form.addRow(label, button)
        form.addRow("", about)

    def _initial_value(self, key: str) -> Any:
        if key == "language":  # the copy outside the journal is the one in effect at start
            saved = read_language()
            if saved is not None and saved in setting_def("language").choices:
                return saved
        return self._settings.get(key)

    def _editor_for(self, definition: SettingDef, value: Any) -> QWidget:
        if definition.type is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if definition.type is int:
            spin = QSpinBox()
            spin.setRange(definition.minimum if definition.minimum is not None else 0,
                          definition.maximum if definition.maximum is not None else 1_000_000)
            spin.setValue(int(value))
            if definition.minimum == 0:
                spin.setSpecialValueText(self.tr("Off"))
            return spin
        if definition.choices:
            combo = QComboBox()
            labels = definition.choice_labels or definition.choices
            for code, label in zip(definition.choices, labels, strict=True):
                combo.addItem(_tr(label), code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if definition.type is str:
            line = QLineEdit(str(value))
            line.setMaxLength(MAX_TEXT_SETTING)
            return line
        if definition.type is list:
            text = QPlainTextEdit("\n".join(value))
            text.setPlaceholderText(self.tr("One per line"))
            text.setTabChangesFocus(True)
            text.setFixedHeight(90)
            return text
        raise TypeError(f"no editor for setting {definition.key}")

    def value_of(self, key: str) -> Any:
        editor = self._editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
        raise TypeError(key)

    def save(self) -> None:
        """Validate every value first; write only if all are valid."""
        try:
            values = {d.key: validate_setting(d.key, self.value_of(d.key)) for d in SETTINGS}
        except PeerDeskError as exc:
            self.error.setText(message_text(exc))
            return
        changed = [key for key, value in values.items() if value != self._settings.get(key)]
        for key in changed:
            self._settings.set(key, values[key])
        language_changed = values["language"] != (read_language() or "system")
        if language_changed:
            write_language(values["language"])  # read before unlock, so kept outside too
            if "language" not in changed:
                changed.append("language")
        self.settings_saved.emit(changed)
        self.accept()
        if language_changed and resolve_language(values["language"]) != current_language():
            self.language_notice = show_info(self.parentWidget(), self.tr("Language"), self.tr(
                "PeerDesk will use the new language the next time you start it."))


def settings_action(window: Any, context: Any) -> list[QAction]:
    """Journal menu entry "Settings…" (Ctrl+,)."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Settings…"), window)
    action.setObjectName("settingsAction")
    apply_shortcut(action, "app.settings", Qt.ShortcutContext.ApplicationShortcut)

    def open_dialog() -> None:
        # The Journal menu's own action, so Settings opens the very same recovery kit flow;
        # absent for an old single-file journal, which has no key slots yet.
        kit_action = window.findChild(QAction, "recoveryKitAction")
        dialog = SettingsDialog(context.settings, window,
                                recovery_kit=kit_action.trigger if kit_action else None)
        dialog.settings_saved.connect(window.settings_changed.emit)
        dialog.settings_saved.connect(context.events.settings_changed.emit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(open_dialog)
    return [action]
