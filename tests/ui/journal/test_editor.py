"""The session editor: keyboard-only entry, consent, risk checklist, peer code, drafts, closing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import SessionRepository
from peerdesk.journal.session_form import FORM_KEYS, form_of
from peerdesk.settings import Settings
from peerdesk.ui.events import AppEvents
from peerdesk.ui.journal.editor import NEW_DRAFT_KEY, SessionEditor, draft_key, parse_time
from peerdesk.ui.wheel_guard import install_wheel_guard
from peerdesk.vault import Vault
from tests.ui.journal.helpers import make_session


@pytest.fixture
def editor(qtbot: QtBot, repo: SessionRepository, drafts: DraftStore) -> SessionEditor:
    widget = SessionEditor(repo, drafts)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    widget.focus_first_field()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.date_edit)
    return widget


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        widget = focused()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_defaults_make_a_first_contact_quick(editor: SessionEditor) -> None:
    state = editor.state()
    assert state["date"] == dt.date.today().isoformat()
    assert state["channel"] == "in_person"
    assert state["contact"] == "first"
    assert state["kind"] == "one_to_one"
    assert state["duration_minutes"] == 30
    assert state["consent"] is None  # asked explicitly: no default answer
    assert not editor.consent_yes.isChecked()
    assert not editor.consent_no.isChecked()
    assert not editor.group_size.isVisible()


def test_tab_order_follows_the_form(qtbot: QtBot, editor: SessionEditor) -> None:
    order: list[str] = []
    for _ in range(24):
        widget = focused()
        assert widget is not None
        order.append(widget.objectName())
        tab(qtbot)
    assert order == [
        "dateEdit", "timeEdit", "durationSpin", "kindCombo", "contactCombo", "channelCombo",
        "originCombo", "peerCodeEdit", "generatePeerCode", "behaviourList",
        "persistenceCombo", "source_relationCombo", "impactList", "risk_flagList",
        "support_givenList", "referral_typeList", "next_stepCombo", "followUpCheck",
        "consentYes", "conflictCheck", "notesEdit", "reflectionEdit", "saveButton",
        "closeButton",
    ]


def test_keyboard_only_first_contact_saves_a_correct_session(
        qtbot: QtBot, editor: SessionEditor, repo: SessionRepository) -> None:
    tab(qtbot)                                             # date: today
    qtbot.keyClicks(focused(), "14:30")                    # time
    tab(qtbot)
    qtbot.keyClicks(focused(), "45")                       # length (tab selects the 30)
    tab(qtbot, 3)                                          # kind, contact: defaults
    qtbot.keyClicks(focused(), "P")                        # channel: Phone
    tab(qtbot)
    qtbot.keyClicks(focused(), "T")                        # origin: They reached out
    tab(qtbot)
    qtbot.keyClicks(focused(), "misty-otter-12")           # peer code
    tab(qtbot, 2)                                          # past "Generate"
    assert focused() is editor.behaviours
    qtbot.keyClick(focused(), Qt.Key.Key_Space)            # Work-related
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)            # Person-related
    tab(qtbot, 3)                                          # how long, who: not recorded
    assert focused() is editor.impacts
    qtbot.keyClick(focused(), Qt.Key.Key_Space)            # Wellbeing
    tab(qtbot, 2)                                          # risk flags: none
    assert focused() is editor.support_given
    qtbot.keyClick(focused(), Qt.Key.Key_Space)            # Listened and validated
    tab(qtbot, 3)                                          # referrals, next step
    assert focused() is editor.follow_up
    qtbot.keyClick(focused(), Qt.Key.Key_Space)            # plan a follow-up (in 7 days)
    tab(qtbot, 3)                                          # date, done
    assert focused() is editor.consent_yes
    qtbot.keyClick(focused(), Qt.Key.Key_Space)            # consent: yes
    tab(qtbot, 2)                                          # conflict of interest: no
    assert focused() is editor.notes
    qtbot.keyClicks(focused(), "Rota changes singled her out.")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = repo.get(editor.session_id or 0)
    today = dt.date.today()
    assert stored.date == today
    assert stored.start_time == dt.time(14, 30)
    assert stored.duration_minutes == 45
    assert (stored.kind, stored.contact, stored.channel) == ("one_to_one", "first", "phone")
    assert stored.origin == "self_referred"
    assert stored.peer_code == "misty-otter-12"
    assert stored.behaviours == {"work_related", "person_related"}
    assert stored.impacts == {"wellbeing"}
    assert stored.risk_flags == frozenset()
    assert stored.support_given == {"listened"}
    assert stored.follow_up_date == today + dt.timedelta(days=7)
    assert stored.follow_up_done is False
    assert stored.consent_to_count is True
    assert stored.conflict_of_interest is False
    assert stored.notes == "Rota changes singled her out."
    assert stored.revision == 1
    assert not editor.is_dirty()


def test_consent_must_be_answered(qtbot: QtBot, editor: SessionEditor,
                                  repo: SessionRepository) -> None:
    editor.notes.setPlainText("Something to keep")
    assert editor.save() is None
    assert editor.message.isVisible()
    assert "consent" in editor.message.text()
    assert repo.count() == 0
    assert focused() is editor.consent_yes
    qtbot.mouseClick(editor.consent_no, Qt.MouseButton.LeftButton)
    assert not editor.message.isVisible()
    stored = editor.save()
    assert stored is not None
    assert stored.consent_to_count is False


def test_ticking_a_risk_flag_shows_the_escalation_checklist(
        qtbot: QtBot, repo: SessionRepository, drafts: DraftStore) -> None:
    events = AppEvents()
    opened: list[str] = []
    events.navigate_to_guide.connect(opened.append)  # as the guides workspace does
    editor = SessionEditor(repo, drafts, events=events)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.escalation.isVisible()
    editor.risk_flags.setFocus()
    editor.risk_flags.setCurrentRow(1)
    qtbot.keyClick(editor.risk_flags, Qt.Key.Key_Space)
    assert editor.escalation.isVisible()
    text = editor.escalation.steps_label.text()
    for words in ("safety", "Stay with the person", "secret", "crisis line",
                  "designated contact", "Record what was done"):
        assert words in text
    assert editor.escalation.guide_button.isVisible()
    qtbot.mouseClick(editor.escalation.guide_button, Qt.MouseButton.LeftButton)
    assert opened == ["responding-to-risk"]
    qtbot.keyClick(editor.risk_flags, Qt.Key.Key_Space)
    assert not editor.escalation.isVisible()


def test_guide_link_appears_once_guides_listen(qtbot: QtBot, repo: SessionRepository) -> None:
    events = AppEvents()
    editor = SessionEditor(repo, None, events=events)
    qtbot.addWidget(editor)
    editor.show()
    editor.risk_flags.set_codes({"health_crisis"})
    assert not editor.escalation.guide_button.isVisible()  # nothing would open the guide
    editor.risk_flags.set_codes(set())
    events.navigate_to_guide.connect(lambda guide_id: None)  # the guides workspace, built later
    editor.risk_flags.set_codes({"health_crisis"})
    assert editor.escalation.isVisible()
    assert editor.escalation.guide_button.isVisible()


def test_changed_crisis_numbers_show_in_the_open_checklist(
        qtbot: QtBot, repo: SessionRepository, vault: Vault) -> None:
    settings = Settings(vault)
    events = AppEvents()
    editor = SessionEditor(repo, None, events=events, settings=settings)
    qtbot.addWidget(editor)
    editor.show()
    editor.risk_flags.set_codes({"self_harm"})
    assert "0800 111 222" not in editor.escalation.steps_label.text()
    settings.set("crisis_line", "0800 111 222")
    events.settings_changed.emit(["crisis_line"])  # the settings dialog, saved meanwhile
    assert "0800 111 222" in editor.escalation.steps_label.text()


def test_identifying_peer_code_warns_and_generate_offers_a_code(
        qtbot: QtBot, editor: SessionEditor) -> None:
    qtbot.keyClicks(editor.peer_code, "jo.bloggs@example.org")
    assert editor.peer_warning.isVisible()
    assert "e-mail" in editor.peer_warning.text()
    qtbot.mouseClick(editor.generate_button, Qt.MouseButton.LeftButton)
    assert editor.peer_code.text().count("-") == 2
    assert not editor.peer_warning.isVisible()


def test_group_shows_number_present(qtbot: QtBot, editor: SessionEditor) -> None:
    editor.kind.set_code("group")
    assert editor.group_size.isVisible()
    editor.group_size.setValue(6)
    editor.consent_yes.setChecked(True)
    stored = editor.save()
    assert stored is not None
    assert (stored.kind, stored.group_size) == ("group", 6)


def test_bad_start_time_is_explained(editor: SessionEditor, repo: SessionRepository) -> None:
    editor.consent_yes.setChecked(True)
    editor.time_edit.setText("99")
    assert editor.save() is None
    assert "not a time" in editor.message.text()
    assert repo.count() == 0
    assert parse_time("9.05") == dt.time(9, 5)
    assert parse_time("1430") == dt.time(14, 30)
    assert parse_time(" ") is None


def test_editing_keeps_identity_and_raises_revision(
        editor: SessionEditor, repo: SessionRepository) -> None:
    stored = repo.add(make_session(notes="first", org_unit="Ops"))
    editor.open_session(stored)
    assert not editor.is_dirty()
    editor.notes.setPlainText("second")
    again = editor.save()
    assert again is not None
    assert again.id == stored.id
    assert again.summary_id == stored.summary_id
    assert again.revision == 2
    assert again.org_unit == "Ops"  # kept although no org units are configured


def test_org_unit_combo_only_when_units_are_configured(
        qtbot: QtBot, repo: SessionRepository, editor: SessionEditor) -> None:
    assert editor.org_unit is None
    with_units = SessionEditor(repo, None, org_units=["Finance", "Operations"])
    qtbot.addWidget(with_units)
    assert with_units.org_unit is not None
    with_units.org_unit.setCurrentIndex(with_units.org_unit.findData("Operations"))
    with_units.consent_yes.setChecked(True)
    stored = with_units.save()
    assert stored is not None
    assert stored.org_unit == "Operations"


def test_draft_is_kept_when_changed_and_removed_on_save(
        editor: SessionEditor, drafts: DraftStore) -> None:
    assert not editor.save_draft()  # nothing changed: nothing written
    assert drafts.load(NEW_DRAFT_KEY) is None
    editor.notes.setPlainText("half-written note")
    editor.stop()  # what the workspace does before a lock
    payload = drafts.load(NEW_DRAFT_KEY)
    assert payload is not None
    assert payload["state"]["notes"] == "half-written note"  # type: ignore[index]
    assert not editor.save_draft()  # unchanged since: not rewritten
    editor.consent_yes.setChecked(True)
    stored = editor.save()
    assert stored is not None
    assert drafts.load(NEW_DRAFT_KEY) is None
    assert drafts.load(draft_key(stored.id)) is None


def test_draft_timer_saves_every_few_seconds(qtbot: QtBot, editor: SessionEditor,
                                             drafts: DraftStore) -> None:
    editor._draft_timer.setInterval(20)
    editor.notes.setPlainText("typed before a crash")
    qtbot.waitUntil(lambda: drafts.load(NEW_DRAFT_KEY) is not None, timeout=2000)


def test_restoring_a_draft_over_a_saved_session(
        editor: SessionEditor, repo: SessionRepository) -> None:
    stored = repo.add(make_session(notes="saved text"))
    state = form_of(stored) | {"notes": "draft text", "consent": None}
    editor.restore_draft({"state": state}, stored)
    assert editor.notes.toPlainText() == "draft text"
    assert editor.is_dirty()
    assert not editor.consent_yes.isChecked()
    assert editor.session_id == stored.id


def test_unsaved_changes_prompt(qtbot: QtBot, editor: SessionEditor,
                                drafts: DraftStore) -> None:
    editor.notes.setPlainText("unsaved")
    editor.save_draft()
    closed: list[bool] = []
    editor.close_requested.connect(lambda: closed.append(True))

    qtbot.keyClick(editor.notes, Qt.Key.Key_Escape)
    prompt = editor.close_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    qtbot.mouseClick(prompt.button(QMessageBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert closed == []
    assert editor.notes.toPlainText() == "unsaved"

    assert not editor.request_close()
    prompt = editor.close_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    qtbot.mouseClick(prompt.button(QMessageBox.StandardButton.Discard),
                     Qt.MouseButton.LeftButton)
    assert closed == [True]
    assert drafts.load(NEW_DRAFT_KEY) is None


def test_save_from_the_prompt_needs_consent_first(qtbot: QtBot, editor: SessionEditor,
                                                  repo: SessionRepository) -> None:
    editor.notes.setPlainText("unsaved")
    left: list[bool] = []
    editor.request_close(lambda: left.append(True))
    prompt = editor.close_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    qtbot.mouseClick(prompt.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert left == []  # consent not answered: stays, says why
    assert editor.message.isVisible()
    editor.consent_yes.setChecked(True)
    editor.resolve_close(QMessageBox.StandardButton.Save, lambda: left.append(True))
    assert left == [True]
    assert repo.count() == 1


def test_no_prompt_without_changes(editor: SessionEditor) -> None:
    assert editor.request_close()
    assert editor.close_prompt is None


def test_the_form_table_holds_every_field_once(editor: SessionEditor) -> None:
    assert editor.fields.keys() == list(FORM_KEYS)
    assert set(editor.state()) == {"id", *FORM_KEYS}


def test_a_name_as_peer_code_is_refused_until_confirmed(
        qtbot: QtBot, editor: SessionEditor, repo: SessionRepository) -> None:
    editor.consent_yes.setChecked(True)
    qtbot.keyClicks(editor.peer_code, "Maria Lopez")
    assert editor.peer_confirm.isVisible()
    assert editor.save() is None
    assert "looks like a name" in editor.message.text()
    assert focused() is editor.peer_code
    assert repo.count() == 0
    editor.peer_confirm.setChecked(True)
    stored = editor.save()
    assert stored is not None
    assert stored.peer_code == "Maria Lopez"
    editor.peer_code.setText("calm-otter-11")
    assert not editor.peer_confirm.isVisible()
    assert not editor.peer_confirm.isChecked()  # a later flagged code is confirmed afresh


def wheel_over(qtbot: QtBot, widget: QWidget, steps: int = -3) -> None:
    """Turn the wheel with the pointer over `widget` (negative: scroll down)."""
    position = QPointF(widget.rect().center())
    event = QWheelEvent(position, QPointF(widget.mapToGlobal(position.toPoint())), QPoint(),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_and_never_changes_a_drop_down(
        qtbot: QtBot, repo: SessionRepository, drafts: DraftStore) -> None:
    install_wheel_guard(QApplication.instance())
    editor = SessionEditor(repo, drafts, org_units=["Site A", "Site B"])
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    editor.open_session(repo.add(make_session(source_relation="manager", channel="in_person")))
    editor.notes.setFocus()
    before = editor.state()
    scroll = editor.scroll_area.verticalScrollBar()
    guarded = editor.findChildren(QComboBox) + editor.findChildren(QAbstractSpinBox)
    assert len(guarded) >= 12
    for widget in guarded:
        if widget.isVisible():
            editor.scroll_area.ensureWidgetVisible(widget)
            start = scroll.value()
            wheel_over(qtbot, widget, -1 if start < scroll.maximum() else 1)
            assert scroll.value() != start, widget.objectName()  # the form scrolled instead
    assert editor.state() == before
    assert not editor.is_dirty()
    editor.activateWindow()
    editor.channel.setFocus()
    qtbot.waitUntil(editor.channel.hasFocus)
    wheel_over(qtbot, editor.channel, -1)  # with focus, the wheel is the control's again
    assert editor.state()["channel"] != "in_person"


def test_the_form_reflows_to_one_column_when_narrow(
        qtbot: QtBot, repo: SessionRepository, drafts: DraftStore) -> None:
    editor = SessionEditor(repo, drafts)
    qtbot.addWidget(editor)
    editor.resize(1100, 700)
    editor.show()
    qtbot.waitUntil(editor.is_two_columns)
    editor.resize(640, 700)
    qtbot.waitUntil(lambda: not editor.is_two_columns())
    qtbot.waitUntil(lambda: not editor.scroll_area.horizontalScrollBar().isVisible())
    assert editor.consent_box.x() == editor.risk_flags.parentWidget().x()  # stacked
    editor.consent_yes.setFocus()
    qtbot.waitUntil(lambda: editor.consent_yes.visibleRegion().boundingRect().height()
                    == editor.consent_yes.height())
