"""The follow-ups workspace: buckets, the navigation badge, mark done, open the session."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import peerdesk.ui.journal.follow_ups as follow_ups_module
from peerdesk.journal.repository import SessionRepository
from peerdesk.ui.journal.follow_ups import DUE_TODAY, OVERDUE, UPCOMING, FollowUpsWorkspace
from peerdesk.ui.workspaces import AppContext
from tests.ui.journal.helpers import TODAY, make_session


def _workspace(qtbot: QtBot, context: AppContext) -> FollowUpsWorkspace:
    ws = FollowUpsWorkspace(context)
    qtbot.addWidget(ws)
    ws.today = lambda: TODAY
    ws.show()
    ws.activateWindow()
    return ws


def test_buckets_badge_and_mark_done(qtbot: QtBot, context: AppContext,
                                     repo: SessionRepository) -> None:
    day = dt.timedelta(days=1)
    overdue = repo.add(make_session(peer_code="late-one-10", follow_up_date=TODAY - 3 * day))
    repo.add(make_session(peer_code="late-two-12", follow_up_date=TODAY - day))
    today = repo.add(make_session(peer_code="today-13", follow_up_date=TODAY))
    repo.add(make_session(peer_code="soon-14", follow_up_date=TODAY + 4 * day))
    repo.add(make_session(peer_code="done-15", follow_up_date=TODAY - day, follow_up_done=True))
    repo.add(make_session(peer_code="none-16"))
    ws = _workspace(qtbot, context)
    with qtbot.waitSignal(ws.badge_changed) as badge:
        ws.activated()
    assert badge.args == ["3"]
    qtbot.waitUntil(ws.tree.hasFocus)
    assert [i.text(1) for i in ws.items(OVERDUE)] == ["late-one-10", "late-two-12"]
    assert ws.items(OVERDUE)[0].text(4) == "3 days overdue"
    assert [i.text(1) for i in ws.items(DUE_TODAY)] == ["today-13"]
    assert [i.text(1) for i in ws.items(UPCOMING)] == ["soon-14"]
    assert ws.items(UPCOMING)[0].text(4) == "in 4 days"

    assert ws.selected_id() == overdue.id
    with (qtbot.waitSignal(ws.badge_changed) as badge,
          qtbot.waitSignal(context.events.follow_up_done) as done):  # the journal listens
        qtbot.keyClick(ws.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert badge.args == ["2"]
    assert done.args == [overdue.id]
    assert repo.get(overdue.id or 0).follow_up_done
    assert [i.text(1) for i in ws.items(OVERDUE)] == ["late-two-12"]

    ws.select(today.id or 0)
    qtbot.mouseClick(ws.done_button, Qt.MouseButton.LeftButton)
    assert ws.items(DUE_TODAY) == []
    assert ws.summary.text() == "1 due now · 1 coming up"


def test_empty_state_and_blank_badge(qtbot: QtBot, context: AppContext) -> None:
    ws = _workspace(qtbot, context)
    with qtbot.waitSignal(ws.badge_changed) as badge:
        ws.refresh()
    assert badge.args == [""]
    assert ws.stack.currentWidget() is ws.empty
    assert not ws.done_button.isEnabled()


def test_enter_opens_the_session_in_the_journal(qtbot: QtBot, context: AppContext,
                                                repo: SessionRepository) -> None:
    stored = repo.add(make_session(follow_up_date=TODAY))
    ws = _workspace(qtbot, context)
    ws.refresh()
    ws.tree.setFocus()
    with qtbot.waitSignal(context.events.navigate_to_session) as navigate:
        qtbot.keyClick(ws.tree, Qt.Key.Key_Return)
    assert navigate.args == [stored.id]


def test_built_when_shown_badge_at_once(qtbot: QtBot, context: AppContext,
                                       repo: SessionRepository) -> None:
    today = dt.date.today()  # the badge at construction uses the real date
    repo.add(make_session(peer_code="late-one-10", follow_up_date=today - dt.timedelta(days=2)))
    repo.add(make_session(peer_code="soon-14", follow_up_date=today + dt.timedelta(days=2)))
    ws = FollowUpsWorkspace(context)
    qtbot.addWidget(ws)
    assert ws.badge == "1"
    assert ws.items(OVERDUE) == []  # nothing listed until the workspace is shown
    repo.add(make_session(peer_code="late-two-12", follow_up_date=today))
    with qtbot.waitSignal(ws.badge_changed) as badge:
        context.events.session_saved.emit(1)  # a save elsewhere, list not on screen
    assert badge.args == ["2"]
    assert ws.items(OVERDUE) == []
    ws.show()
    ws.activated()
    assert [i.text(1) for i in ws.items(OVERDUE)] == ["late-one-10"]
    assert [i.text(1) for i in ws.items(DUE_TODAY)] == ["late-two-12"]
    repo.add(make_session(peer_code="late-three", follow_up_date=today - dt.timedelta(days=1)))
    context.events.session_deleted.emit(1)  # on screen: the list follows at once
    assert [i.text(1) for i in ws.items(OVERDUE)] == ["late-one-10", "late-three"]


def test_long_sections_are_capped_with_a_pointer_to_the_journal(
        qtbot: QtBot, context: AppContext, repo: SessionRepository,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(follow_ups_module, "SECTION_LIMIT", 2)
    day = dt.timedelta(days=1)
    repo.add_many(make_session(peer_code=f"late-{n}", follow_up_date=TODAY - (5 - n) * day)
                  for n in range(5))
    ws = _workspace(qtbot, context)
    with qtbot.waitSignal(ws.badge_changed) as badge:
        ws.refresh()
    assert badge.args == ["5"]
    assert [i.text(1) for i in ws.items(OVERDUE)] == ["late-0", "late-1"]
    section = ws.sections[OVERDUE]
    assert section.text(0).endswith("5")
    note = section.child(section.childCount() - 1)
    assert note.text(0).startswith("3 more")
    assert not note.flags() & Qt.ItemFlag.ItemIsSelectable
    assert ws.summary.text() == "5 due now · 0 coming up"
