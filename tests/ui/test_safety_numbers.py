"""The crisis line and emergency number: asked once, skippable, editable, shown in the steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.settings import SAFETY_NUMBERS_ASKED, Settings
from peerdesk.ui.journal.escalation import EscalationChecklist
from peerdesk.ui.safety_numbers import SafetyNumbersDialog, ask_once
from peerdesk.vault import Vault


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_asked_once_and_the_answer_is_kept(qtbot: QtBot, vault: Vault, window: QWidget) -> None:
    settings = Settings(vault)
    dialog = ask_once(settings, window)
    assert dialog is not None
    assert dialog.skip_button.text() == "Skip for now"
    qtbot.keyClicks(dialog.crisis_line, " 0800 123 456 ")
    qtbot.keyClicks(dialog.emergency, "112")
    dialog.save()
    assert (settings.get("crisis_line"), settings.get("emergency_number")) == (
        "0800 123 456", "112")
    assert ask_once(settings, window) is None


def test_skipping_is_remembered_and_stores_nothing(
        qtbot: QtBot, vault: Vault, window: QWidget) -> None:
    settings = Settings(vault)
    dialog = ask_once(settings, window)
    assert dialog is not None
    qtbot.keyClicks(dialog.crisis_line, "999")
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert settings.get("crisis_line") == ""
    assert settings.marked(SAFETY_NUMBERS_ASKED)
    assert ask_once(settings, window) is None


def test_closing_for_a_lock_asks_again_next_time(
        qtbot: QtBot, vault: Vault, window: QWidget) -> None:
    settings = Settings(vault)
    dialog = ask_once(settings, window)
    assert dialog is not None
    dialog.abandon()
    assert not settings.marked(SAFETY_NUMBERS_ASKED)


def test_escalation_steps_show_the_numbers_or_how_to_add_them(
        qtbot: QtBot, vault: Vault) -> None:
    settings = Settings(vault)
    checklist = EscalationChecklist(None, settings)
    qtbot.addWidget(checklist)
    checklist.show()
    text = checklist.steps_label.text()
    assert text.count("not set — <a href='#add'>add it</a>") == 2
    assert checklist.add_numbers_button.isVisible()
    checklist.edit_numbers()
    dialog = checklist.numbers_dialog
    assert isinstance(dialog, SafetyNumbersDialog)
    assert dialog.skip_button.text() == "Cancel"
    dialog.emergency.setText("112")
    dialog.crisis_line.setText("<b>0800 11 11</b>")
    dialog.save()
    text = checklist.steps_label.text()
    assert "emergency number (<b>112</b>)" in text
    assert "&lt;b&gt;0800 11 11&lt;/b&gt;" in text  # shown as typed, never as markup
    assert "add it" not in text
    assert not checklist.add_numbers_button.isVisible()


def test_numbers_are_editable_in_settings(vault: Vault) -> None:
    settings = Settings(vault)
    settings.set("emergency_number", "  911 ")
    assert settings.get("emergency_number") == "911"
