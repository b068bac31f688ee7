"""The journal workspace: list, search, open and new, delete, drafts across a lock, timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import SessionRepository
from peerdesk.ui.journal.editor import NEW_DRAFT_KEY, draft_key
from peerdesk.ui.journal.list_model import COL_BEHAVIOURS, COL_MATCH, COL_PEER
from peerdesk.ui.journal.workspace import JournalWorkspace
from peerdesk.ui.workspaces import AppContext
from tests.ui.journal.helpers import TODAY, make_session


@pytest.fixture
def workspace(qtbot: QtBot, context: AppContext, repo: SessionRepository) -> JournalWorkspace:
    repo.add(make_session(date=TODAY - dt.timedelta(days=10), peer_code="amber-heron-21",
                          notes="First talk about the rota."))
    repo.add(make_session(date=TODAY - dt.timedelta(days=2), peer_code="amber-heron-21",
                          contact="follow_up", notes="Rota better; still tense."))
    repo.add(make_session(date=TODAY, peer_code="calm-otter-11", notes="Left out of lunch."))
    ws = JournalWorkspace(context)
    qtbot.addWidget(ws)
    ws.resize(1100, 700)
    ws.show()
    ws.activateWindow()
    return ws


def test_lists_sessions(workspace: JournalWorkspace) -> None:
    assert workspace.model.rowCount() == 3
    assert workspace.count_label.text() == "3 sessions in your journal"
    assert workspace.table.isColumnHidden(COL_MATCH)


def test_ctrl_n_opens_a_new_session_and_escape_returns(qtbot: QtBot,
                                                       workspace: JournalWorkspace) -> None:
    workspace.table.setFocus()
    workspace.new_session()
    assert workspace.pages.currentWidget() is workspace.editor
    assert workspace.editor.session_id is None
    qtbot.waitUntil(lambda: workspace.editor.date_edit.hasFocus())
    qtbot.keyClick(workspace.editor.date_edit, Qt.Key.Key_Escape)
    assert workspace.pages.currentWidget() is workspace.list_page


def test_menu_action_new_session_has_ctrl_n(workspace: JournalWorkspace) -> None:
    actions = {a.text(): a for a in workspace.menu_actions()}
    assert actions["&New session"].shortcut().toString() == "Ctrl+N"
    assert "&Import contact log (CSV)…" in actions


def test_enter_opens_the_selected_session(qtbot: QtBot, workspace: JournalWorkspace) -> None:
    workspace.table.setFocus()
    workspace.table.selectRow(1)
    qtbot.keyClick(workspace.table, Qt.Key.Key_Return)
    assert workspace.pages.currentWidget() is workspace.editor
    assert workspace.editor.notes.toPlainText() == "Rota better; still tense."


def test_saving_refreshes_selects_and_tells_the_app(qtbot: QtBot,
                                                    workspace: JournalWorkspace) -> None:
    workspace.new_session()
    editor = workspace.editor
    editor.peer_code.setText("new-code-55")
    editor.consent_no.setChecked(True)
    with qtbot.waitSignal(workspace.context.events.session_saved) as saved:
        stored = editor.save()
    assert stored is not None
    assert saved.args == [stored.id]  # the follow-ups workspace listens
    assert workspace.model.total == 4
    assert workspace.selected_id() == stored.id


def test_navigate_to_session_shows_the_journal_and_opens_it(
        qtbot: QtBot, workspace: JournalWorkspace) -> None:
    events = workspace.context.events
    session_id = workspace.model.row_at(1).id  # type: ignore[union-attr]  # row 1 exists
    with qtbot.waitSignal(events.navigate_to_workspace) as shown:
        events.navigate_to_session.emit(session_id)  # e.g. from the follow-ups list
    assert shown.args == ["journal"]
    assert workspace.pages.currentWidget() is workspace.editor
    assert workspace.editor.session_id == session_id


def test_follow_up_done_elsewhere_refreshes_the_list(
        qtbot: QtBot, workspace: JournalWorkspace, repo: SessionRepository) -> None:
    repo.add(make_session(peer_code="added-elsewhere-9"))
    workspace.context.events.follow_up_done.emit(1)
    qtbot.waitUntil(lambda: workspace.model.total == 4)


def test_search_shows_the_snippet_column(qtbot: QtBot, workspace: JournalWorkspace) -> None:
    qtbot.keyClick(workspace.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert workspace.filters.search.hasFocus()
    gui_statements: list[str] = []
    workspace.repository._db.set_trace_callback(gui_statements.append)
    try:
        qtbot.keyClicks(workspace.filters.search, "rota")
        qtbot.keyClick(workspace.filters.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: workspace.count_label.text() == "2 sessions match")
    finally:
        workspace.repository._db.set_trace_callback(None)
    assert not any("MATCH" in s for s in gui_statements)  # searched on the worker
    assert workspace.model.total == 2
    assert not workspace.table.isColumnHidden(COL_MATCH)
    assert workspace.table.isColumnHidden(COL_BEHAVIOURS)
    assert "«" in str(workspace.model.data(workspace.model.index(0, COL_MATCH)))
    assert workspace.count_label.text() == "2 sessions match"
    workspace.filters.clear()
    assert workspace.model.total == 3
    assert workspace.table.isColumnHidden(COL_MATCH)


def test_filters_narrow_the_list(workspace: JournalWorkspace) -> None:
    filters = workspace.filters
    filters.consent.setCurrentIndex(filters.consent.findData(False))
    assert workspace.model.total == 0
    assert workspace.list_stack.currentWidget() is workspace.empty_label
    filters.consent.setCurrentIndex(filters.consent.findData(True))
    assert workspace.model.total == 3
    filters.period.setCurrentIndex(filters.period.findData("custom"))
    filters.date_from.setDate(TODAY - dt.timedelta(days=3))
    filters.date_to.setDate(TODAY - dt.timedelta(days=1))
    assert workspace.model.total == 1


def test_clicking_a_header_sorts(qtbot: QtBot, workspace: JournalWorkspace) -> None:
    header = workspace.table.horizontalHeader()
    header.setSortIndicator(COL_PEER, Qt.SortOrder.AscendingOrder)
    peers = [workspace.model.data(workspace.model.index(r, COL_PEER)) for r in range(3)]
    assert peers == ["amber-heron-21", "amber-heron-21", "calm-otter-11"]
    header.setSortIndicator(COL_BEHAVIOURS, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == COL_PEER  # not sortable: indicator stays


def test_delete_asks_and_removes_the_row(qtbot: QtBot, workspace: JournalWorkspace,
                                        repo: SessionRepository) -> None:
    workspace.table.setFocus()
    workspace.table.selectRow(0)
    doomed = workspace.selected_id()
    qtbot.keyClick(workspace.table, Qt.Key.Key_Delete)
    prompt = workspace.delete_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    assert TODAY.isoformat() in prompt.text()
    assert "calm-otter-11" in prompt.text()
    cancel = prompt.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert repo.count() == 3

    workspace.request_delete(doomed or 0)
    prompt = workspace.delete_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    delete = next(b for b in prompt.buttons() if b.text() == "&Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert repo.count() == 2
    assert workspace.model.rowCount() == 2
    assert workspace.model.row_of_id(doomed or 0) is None


def test_delete_from_the_editor_returns_to_the_list(qtbot: QtBot,
                                                    workspace: JournalWorkspace) -> None:
    session_id = workspace.model.row_at(0).id  # type: ignore[union-attr]
    workspace.open_session(session_id)
    with qtbot.waitSignal(workspace.context.events.session_deleted) as deleted:
        workspace.delete_session(session_id)
    assert deleted.args == [session_id]
    assert workspace.pages.currentWidget() is workspace.list_page
    assert workspace.editor.notes.toPlainText() == ""


def test_draft_saved_on_lock_and_offered_on_reopen(
        qtbot: QtBot, workspace: JournalWorkspace, context: AppContext,
        drafts: DraftStore) -> None:
    session_id = workspace.model.row_at(0).id  # type: ignore[union-attr]
    workspace.open_session(session_id)
    workspace.editor.notes.setPlainText("typed just before the auto-lock")
    workspace.prepare_lock()
    assert drafts.load(draft_key(session_id)) is not None

    reopened = JournalWorkspace(context)
    qtbot.addWidget(reopened)
    reopened.show()
    reopened.activated()
    prompt = reopened.draft_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    restore = next(b for b in prompt.buttons() if b.text() == "&Restore draft")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert reopened.pages.currentWidget() is reopened.editor
    assert reopened.editor.session_id == session_id
    assert reopened.editor.notes.toPlainText() == "typed just before the auto-lock"
    assert reopened.editor.is_dirty()


def test_discarding_an_offered_draft_removes_it(qtbot: QtBot, workspace: JournalWorkspace,
                                                drafts: DraftStore) -> None:
    drafts.save(NEW_DRAFT_KEY, {"state": {"notes": "old draft"}})
    workspace.new_session()
    prompt = workspace.draft_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    discard = next(b for b in prompt.buttons() if b.text() == "&Discard draft")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert drafts.load(NEW_DRAFT_KEY) is None
    assert workspace.pages.currentWidget() is workspace.list_page


def test_confirm_close_asks_when_the_editor_has_changes(
        qtbot: QtBot, workspace: JournalWorkspace) -> None:
    assert workspace.confirm_close()
    workspace.new_session()
    workspace.editor.notes.setPlainText("unsaved")
    assert not workspace.confirm_close()
    assert workspace.editor.close_prompt is not None
    workspace.editor.close_prompt.reject()


def test_timeline_oldest_first_and_opens_a_session(qtbot: QtBot,
                                                   workspace: JournalWorkspace,
                                                   repo: SessionRepository) -> None:
    workspace.table.setFocus()
    row = next(r for r in range(3)
               if workspace.model.row_at(r).peer_code == "amber-heron-21")  # type: ignore[union-attr]
    workspace.table.selectRow(row)
    qtbot.keyClick(workspace.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = workspace.timeline
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    sessions = repo.peer_timeline("amber-heron-21")
    assert dialog.session_ids() == [s.id for s in sessions]
    assert [s.date for s in sessions] == sorted(s.date for s in sessions)
    first = dialog.tree.topLevelItem(0)
    assert "First talk about the rota." in first.text(3)
    dialog.tree.setCurrentItem(first)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert workspace.pages.currentWidget() is workspace.editor
    assert workspace.editor.session_id == sessions[0].id


def test_import_action_opens_the_wizard_and_refreshes_after(
        qtbot: QtBot, workspace: JournalWorkspace, tmp_path: object) -> None:
    action = next(a for a in workspace.menu_actions() if a.objectName() == "importCsvAction")
    action.trigger()
    wizard = workspace.csv_wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    with qtbot.waitSignal(workspace.context.events.sessions_replaced):
        wizard.imported.emit(2)  # what the wizard says after adding sessions
    assert workspace.model.total == 3  # re-queried (nothing new was really added)
    wizard.reject()
    qtbot.waitUntil(lambda: workspace.csv_wizard is None)


def test_the_list_loads_once_and_counts_after_the_rows(qtbot: QtBot, context: AppContext,
                                                       repo: SessionRepository) -> None:
    repo.add_many(make_session(date=TODAY - dt.timedelta(days=i), peer_code=f"code-{i}")
                  for i in range(250))
    statements: list[str] = []
    repo._db.set_trace_callback(statements.append)
    try:
        ws = JournalWorkspace(context)
        qtbot.addWidget(ws)
        pages = [s for s in statements if "ORDER BY" in s and "FROM session s" in s]
        assert len(pages) == 1
        assert not [s for s in statements if "count(" in s]  # not before the rows show
        qtbot.waitUntil(lambda: ws.count_label.text() == "250 sessions in your journal")
    finally:
        repo._db.set_trace_callback(None)


def test_out_of_date_search_labels_are_rewritten_in_the_background(
        qtbot: QtBot, context: AppContext, repo: SessionRepository) -> None:
    """After an update that changes labels (here: Spanish labels added), opening the journal
    rewrites them once, and the list then finds sessions by the new labels."""
    from peerdesk.journal.repository import SessionFilter
    from peerdesk.journal.search_labels import SIGNATURE_KEY

    phone = repo.add(make_session(date=TODAY, channel="phone", notes="Called in."))
    with context.vault.transaction() as conn:
        conn.execute("UPDATE session_text SET search_labels = 'Phone'")
        conn.execute("UPDATE meta SET value = 'old' WHERE key = ?", (SIGNATURE_KEY,))
    assert repo.count(SessionFilter(text="teléfono")) == 0

    ws = JournalWorkspace(context)
    qtbot.addWidget(ws)
    assert ws.label_update is not None
    with qtbot.waitSignal(ws.label_update.finished, timeout=10_000):
        pass
    assert repo.search_labels_current()
    assert [r.id for r in repo.page(SessionFilter(text="teléfono"))] == [phone.id]


def test_current_search_labels_start_no_background_work(workspace: JournalWorkspace) -> None:
    assert workspace.label_update is None


def test_the_editor_is_built_when_first_needed(qtbot: QtBot, context: AppContext) -> None:
    ws = JournalWorkspace(context)
    qtbot.addWidget(ws)
    assert ws._editor is None  # not at unlock: it is the largest form of the app
    assert ws.confirm_close()  # asking about unsaved work does not build it
    ws.prepare_lock()
    assert ws._editor is None
    ws.new_session()
    assert ws.pages.currentWidget() is ws.editor
