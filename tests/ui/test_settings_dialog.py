"""The settings dialog is generated from the declared list and saves only valid values."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.settings import SETTINGS, Settings
from peerdesk.ui import i18n
from peerdesk.ui.settings_dialog import SettingsDialog
from peerdesk.vault import Vault


def make_dialog(qtbot: QtBot, vault: Vault) -> tuple[SettingsDialog, Settings]:
    settings = Settings(vault)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog, settings


def test_every_declared_setting_has_a_labelled_editor(qtbot: QtBot, vault: Vault) -> None:
    dialog, settings = make_dialog(qtbot, vault)
    for definition in SETTINGS:
        editor = dialog.findChild(QWidget, f"setting_{definition.key}")
        assert isinstance(editor, QCheckBox | QSpinBox | QComboBox | QPlainTextEdit | QLineEdit), \
            definition.key
        assert editor.accessibleName()
        assert dialog.value_of(definition.key) == settings.get(definition.key)


def test_changes_are_saved_into_the_journal(qtbot: QtBot, vault: Vault) -> None:
    dialog, settings = make_dialog(qtbot, vault)
    dialog.findChild(QSpinBox, "setting_auto_lock_minutes").setValue(12)
    combo = dialog.findChild(QComboBox, "setting_default_workspace")
    combo.setCurrentIndex(combo.findData("guides"))
    dialog.findChild(QPlainTextEdit, "setting_org_units").setPlainText("North\n\n  South \n")
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        dialog.save()
    assert sorted(saved.args[0]) == ["auto_lock_minutes", "default_workspace", "org_units"]
    assert settings.get("auto_lock_minutes") == 12
    assert vault.read_setting("default_workspace") == "guides"
    assert settings.get("org_units") == ["North", "South"]


def test_spin_boxes_enforce_declared_bounds(qtbot: QtBot, vault: Vault) -> None:
    dialog, settings = make_dialog(qtbot, vault)
    threshold = dialog.findChild(QSpinBox, "setting_disclosure_threshold")
    threshold.setValue(1)  # below the floor of 4 (rounding needs it): the editor refuses it
    assert threshold.value() == 4
    dialog.save()
    assert settings.get("disclosure_threshold") == 4


def test_cancel_saves_nothing(qtbot: QtBot, vault: Vault) -> None:
    dialog, settings = make_dialog(qtbot, vault)
    dialog.findChild(QCheckBox, "setting_lock_on_minimise").setChecked(True)
    dialog.reject()
    assert settings.get("lock_on_minimise") is False


@pytest.fixture
def language() -> Iterator[None]:
    yield
    i18n.install_language("en")  # the QApplication is shared with the other tests


@pytest.mark.parametrize(("code", "expected"), [
    ("en", "'Lock after idle minutes' must be at most 240."),
    ("es", "«Bloquear tras minutos de inactividad» debe ser como máximo 240."),
])
def test_a_refused_value_is_explained_in_the_interface_language(
        qtbot: QtBot, vault: Vault, language: None, code: str, expected: str) -> None:
    i18n.install_language(code)
    dialog, settings = make_dialog(qtbot, vault)
    spin = dialog.findChild(QSpinBox, "setting_auto_lock_minutes")
    spin.setMaximum(500)  # an editor looser than the declaration: validation still refuses
    spin.setValue(300)
    dialog.save()
    assert dialog.error.text() == expected
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert settings.get("auto_lock_minutes") == 5


def test_the_security_tab_opens_the_recovery_kit_it_is_given(qtbot: QtBot,
                                                             vault: Vault) -> None:
    from PySide6.QtWidgets import QPushButton

    opened: list[bool] = []
    dialog = SettingsDialog(Settings(vault), recovery_kit=lambda: opened.append(True))
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "settingsRecoveryKitButton").click()
    assert opened == [True]


def test_without_key_slots_there_is_no_recovery_kit_button(qtbot: QtBot, vault: Vault) -> None:
    from PySide6.QtWidgets import QPushButton

    dialog, _ = make_dialog(qtbot, vault)
    assert dialog.findChild(QPushButton, "settingsRecoveryKitButton") is None
