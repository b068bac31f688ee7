"""The session editor picks referrals from the directory (ReferralPicker inside SessionEditor)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.journal.model import Session
from peerdesk.journal.repository import SessionRepository
from peerdesk.referrals import ResourceRepository
from peerdesk.ui.events import AppEvents
from peerdesk.ui.journal.editor import SessionEditor
from peerdesk.vault import Vault


def make_editor(qtbot: QtBot, vault: Vault, referrals: ResourceRepository) -> SessionEditor:
    editor = SessionEditor(SessionRepository(vault), None, referrals=referrals)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_picked_entries_are_saved_with_derived_types(qtbot: QtBot, vault: Vault,
                                                     demo: ResourceRepository) -> None:
    editor = make_editor(qtbot, vault, demo)
    picker = editor.referral_picker
    assert picker is not None
    picker.toggle("nw-eap")
    picker.toggle("nw-legal")
    editor.referral_types.set_codes({"crisis_line"})  # a referral not in the directory
    editor.consent_yes.setChecked(True)
    session = editor.build_session()
    assert session.referral_resource_ids == ("nw-eap", "nw-legal")
    assert session.referral_types == frozenset({"eap", "legal_advice", "crisis_line"})
    stored = editor.save()
    assert stored is not None
    assert SessionRepository(vault).get(stored.id).referral_resource_ids == ("nw-eap", "nw-legal")
    assert demo.usage_counts() == {"nw-eap": 1, "nw-legal": 1}


def test_a_directory_change_refreshes_the_open_picker(qtbot: QtBot, vault: Vault,
                                                      demo: ResourceRepository) -> None:
    events = AppEvents()
    editor = SessionEditor(SessionRepository(vault), None, referrals=demo, events=events)
    qtbot.addWidget(editor)
    picker = editor.referral_picker
    assert picker is not None
    assert "nw-legal" in picker.visible_ids()
    demo.delete("nw-legal")  # in the Resources workspace, while the editor stays open
    with qtbot.waitSignal(events.directory_changed):
        events.directory_changed.emit()
    assert "nw-legal" not in picker.visible_ids()


def test_opening_a_session_shows_its_picks(qtbot: QtBot, vault: Vault,
                                           demo: ResourceRepository) -> None:
    stored = SessionRepository(vault).add(Session(
        date=dt.date(2026, 11, 4), support_given=frozenset({"referral"}),
        referral_types=frozenset({"eap", "hr"}), referral_resource_ids=("nw-eap",)))
    editor = make_editor(qtbot, vault, demo)
    editor.open_session(stored)
    assert editor.referral_picker is not None
    assert editor.referral_picker.selected_ids() == ("nw-eap",)
    assert editor.referral_types.codes() == frozenset({"hr"})  # eap comes from the pick
    assert not editor.is_dirty()
    editor.referral_picker.toggle("nw-eap")
    assert editor.is_dirty()
    assert editor.build_session().referral_types == frozenset({"hr"})
    assert editor.build_session().referral_resource_ids == ()


def test_picker_in_tab_order(qtbot: QtBot, vault: Vault, demo: ResourceRepository) -> None:
    editor = make_editor(qtbot, vault, demo)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.support_given.setFocus()
    qtbot.keyClick(editor.support_given, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.referral_picker.search
    qtbot.keyClicks(editor.referral_picker.search, "lifeline")
    qtbot.keyClick(editor.referral_picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(editor.referral_picker.tree, Qt.Key.Key_Space)
    assert editor.referral_picker.selected_ids() == ("nw-crisis",)
    qtbot.keyClick(editor.referral_picker.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.referral_types


def test_without_directory_the_editor_keeps_type_ticks(qtbot: QtBot, vault: Vault) -> None:
    editor = SessionEditor(SessionRepository(vault), None)
    qtbot.addWidget(editor)
    assert editor.referral_picker is None
    editor.referral_types.set_codes({"hr"})
    editor.consent_no.setChecked(True)
    assert editor.build_session().referral_types == frozenset({"hr"})
