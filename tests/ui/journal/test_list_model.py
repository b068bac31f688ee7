"""The session list model: Qt model contract, lazy paging, sorting, filters and snippets."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.journal.repository import SessionFilter, SessionRepository
from peerdesk.ui.journal.list_loader import ListLoader
from peerdesk.ui.journal.list_model import (
    COL_BEHAVIOURS,
    COL_CONSENT,
    COL_DATE,
    COL_FOLLOW_UP,
    COL_MATCH,
    COL_PEER,
    COL_RISK,
    ROW_ID_ROLE,
    SessionListModel,
)
from peerdesk.vault import Vault
from tests.ui.journal.helpers import TODAY, make_session


def _fill(repo: SessionRepository) -> None:
    repo.add(make_session(date=TODAY - dt.timedelta(days=3), peer_code="amber-heron-21",
                          behaviours=frozenset({"work_related", "online"}),
                          notes="Rota changed again without warning."))
    repo.add(make_session(date=TODAY - dt.timedelta(days=1), peer_code="calm-otter-11",
                          consent_to_count=False, channel="phone",
                          risk_flags=frozenset({"self_harm"}),
                          follow_up_date=TODAY - dt.timedelta(days=1),
                          notes="Felt left out of the team lunch."))
    repo.add(make_session(date=TODAY, peer_code="brisk-wren-40",
                          follow_up_date=TODAY + dt.timedelta(days=5), follow_up_done=True,
                          notes="Talked about the rota and sleep."))


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester,
                                    repo: SessionRepository) -> None:
    _fill(repo)
    model = SessionListModel(repo, today=lambda: TODAY)
    qtmodeltester.check(model, force_py=True)
    model.set_filter(SessionFilter(text="rota"))
    qtmodeltester.check(model, force_py=True)


def test_cells_are_coloured_aligned_and_bold_where_they_say_something(
        repo: SessionRepository) -> None:
    """Risk, consent and an overdue follow-up stand out; other cells keep the view's look."""
    from PySide6.QtGui import QBrush, QFont

    from peerdesk.ui.journal.list_model import COL_DURATION, COL_TIME, COLUMN_COUNT

    _fill(repo)
    model = SessionListModel(repo, today=lambda: TODAY)

    def role(row: int, column: int, which: Qt.ItemDataRole) -> object:
        return model.data(model.index(row, column), which)

    overdue = 1  # risk flagged, not counted, follow-up overdue
    assert isinstance(role(overdue, COL_RISK, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert role(0, COL_RISK, Qt.ItemDataRole.BackgroundRole) is None  # no risk flagged
    for column in (COL_CONSENT, COL_FOLLOW_UP, COL_RISK):
        assert isinstance(role(overdue, column, Qt.ItemDataRole.ForegroundRole), QBrush)
    font = role(overdue, COL_CONSENT, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.bold()
    centred = int(Qt.AlignmentFlag.AlignCenter)
    assert [role(0, c, Qt.ItemDataRole.TextAlignmentRole)
            for c in (COL_TIME, COL_CONSENT, COL_RISK)] == [centred] * 3
    assert role(0, COL_DURATION, Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    plain = [c for c in range(COLUMN_COUNT)
             if c not in (COL_CONSENT, COL_FOLLOW_UP, COL_RISK, COL_TIME, COL_DURATION)]
    for column in plain:
        for which in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                      Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                      Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole):
            assert role(overdue, column, which) is None
    assert role(overdue, COL_PEER, ROW_ID_ROLE) == model.row_at(overdue).id


def test_a_cell_s_roles_asked_together_are_those_asked_one_by_one(
        repo: SessionRepository) -> None:
    """A view's delegate asks every role of a cell in one `multiData` call."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    from peerdesk.ui.journal.list_model import COLUMN_COUNT

    _fill(repo)
    model = SessionListModel(repo, today=lambda: TODAY)
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole,
             Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.CheckStateRole,
             Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, ROW_ID_ROLE)
    answered = 0
    for row in range(model.rowCount()):
        for column in range(COLUMN_COUNT):
            index = model.index(row, column)
            for role in roles:
                asked = QModelRoleData(int(role))
                model.multiData(index, QModelRoleDataSpan(asked))
                one_by_one = model.data(index, role)
                together = asked.data()
                assert together == one_by_one, (row, column, role)
                answered += one_by_one is not None
    assert answered > model.rowCount() * COLUMN_COUNT  # more than the display texts


def test_columns_show_what_a_supporter_needs(repo: SessionRepository) -> None:
    _fill(repo)
    model = SessionListModel(repo, today=lambda: TODAY)
    assert model.rowCount() == 3
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    def text(row: int, column: int) -> str:
        return str(model.data(model.index(row, column)))
    assert text(0, COL_DATE) == TODAY.isoformat()  # newest first
    assert text(0, COL_FOLLOW_UP).endswith("✓")
    assert text(1, COL_CONSENT) == "No"
    assert text(1, COL_RISK) == "⚠"
    assert "Thoughts of self-harm" in str(model.data(model.index(1, COL_RISK),
                                                     Qt.ItemDataRole.ToolTipRole))
    assert model.data(model.index(1, COL_FOLLOW_UP), Qt.ItemDataRole.ToolTipRole) == \
        "Follow-up overdue"
    assert text(2, COL_CONSENT) == "Yes"
    assert text(2, COL_BEHAVIOURS) == "Work-related, Online"
    assert isinstance(model.data(model.index(2, COL_DATE), ROW_ID_ROLE), int)


def test_filters_and_search_snippet(repo: SessionRepository) -> None:
    _fill(repo)
    model = SessionListModel(repo, today=lambda: TODAY)
    model.set_filter(SessionFilter(consent=False))
    assert [model.data(model.index(r, COL_PEER)) for r in range(model.rowCount())] == \
        ["calm-otter-11"]
    model.set_filter(SessionFilter(channel="phone"))
    assert model.total == 1
    model.set_filter(SessionFilter(behaviour="online"))
    assert model.data(model.index(0, COL_PEER)) == "amber-heron-21"
    model.set_filter(SessionFilter(follow_up_due=True))
    assert model.total == 1
    model.set_filter(SessionFilter(date_from=TODAY - dt.timedelta(days=2), date_to=TODAY))
    assert model.total == 2
    model.set_filter(SessionFilter(text="rota"))
    assert model.total == 2
    snippets = [str(model.data(model.index(r, COL_MATCH))) for r in range(model.rowCount())]
    assert all("«" in s and "»" in s for s in snippets)
    assert "rota" in str(model.data(model.index(0, COL_PEER), Qt.ItemDataRole.ToolTipRole))
    model.set_filter(SessionFilter())
    assert model.data(model.index(0, COL_MATCH)) == ""


def test_sorting_goes_back_to_the_repository(repo: SessionRepository) -> None:
    _fill(repo)
    model = SessionListModel(repo, today=lambda: TODAY)
    model.sort(COL_PEER, Qt.SortOrder.AscendingOrder)
    peers = [model.data(model.index(r, COL_PEER)) for r in range(3)]
    assert peers == ["amber-heron-21", "brisk-wren-40", "calm-otter-11"]
    model.sort(COL_PEER, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, COL_PEER)) for r in range(3)] == peers[::-1]
    model.sort(COL_CONSENT, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, COL_CONSENT)) == "No"
    model.sort(COL_BEHAVIOURS, Qt.SortOrder.AscendingOrder)  # not sortable: unchanged
    assert model.sort_column == COL_CONSENT


def test_lazy_loading_in_pages(repo: SessionRepository) -> None:
    start = dt.date(2020, 1, 1)
    repo.add_many(make_session(date=start + dt.timedelta(days=i % 2000),
                               peer_code=f"code-{i}") for i in range(2500))
    model = SessionListModel(repo, page_size=200)
    assert model.total == 2500
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 2500
    ids = {model.data(model.index(r, 0), ROW_ID_ROLE) for r in range(model.rowCount())}
    assert len(ids) == 2500  # pages neither overlap nor skip
    dates = [model.row_at(r).date for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)


def test_search_pages_and_snippets_come_with_the_rows_shown(repo: SessionRepository) -> None:
    start = dt.date(2024, 1, 1)
    repo.add_many(make_session(date=start + dt.timedelta(days=i), peer_code=f"code-{i}",
                               notes=f"Talked about the rota, week {i}.") for i in range(120))
    model = SessionListModel(repo, page_size=50)
    statements: list[str] = []
    repo._db.set_trace_callback(statements.append)
    try:
        model.set_filter(SessionFilter(text="rota"))
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.total == model.rowCount() == 120
        matching = [s for s in statements if "MATCH" in s and not s.startswith("--")]
        # one read of the match set per page; no count (the short last page gives it)
        assert len(matching) == 3
        assert not any("INSERT INTO temp." in s for s in statements)
        last = model.index(119, COL_MATCH)
        assert str(model.data(last)) == "Talked about the «rota», week 0."
        snippet_queries = [s for s in statements if "MATCH" in s and not s.startswith("--")][3:]
        assert len(snippet_queries) == 1  # only the chunk of rows that was asked for
    finally:
        repo._db.set_trace_callback(None)
    assert all("«rota»" in str(model.data(model.index(r, COL_MATCH))) for r in range(120))


def test_the_first_page_shows_before_anything_is_counted(repo: SessionRepository) -> None:
    repo.add_many(make_session(date=TODAY - dt.timedelta(days=i), peer_code=f"code-{i}")
                  for i in range(30))
    statements: list[str] = []
    repo._db.set_trace_callback(statements.append)
    try:
        model = SessionListModel(repo, page_size=20)
        assert model.rowCount() == 20
        assert not [s for s in statements if "count(" in s]
        assert not model.total_known
        assert model.canFetchMore(QModelIndex())
        assert model.total == 30  # counted when asked for
        assert len([s for s in statements if "count(" in s]) == 1
        model.set_filter(SessionFilter(peer_code="code-3"))
        assert model.total_known  # a short first page is the whole list
        assert model.total == 1
        assert len([s for s in statements if "count(" in s]) == 1
    finally:
        repo._db.set_trace_callback(None)


# -- with a loader: searches and counts on the worker ------------------------------------------

@pytest.fixture
def loader(qtbot: QtBot, vault: Vault) -> Iterator[ListLoader]:
    running = ListLoader(vault)
    yield running
    running.stop()


def _rota_journal(repo: SessionRepository, count: int = 120) -> None:
    start = dt.date(2024, 1, 1)
    repo.add_many(make_session(date=start + dt.timedelta(days=i), peer_code=f"code-{i}",
                               notes=f"Talked about the rota, week {i}." if i % 2 else
                               "Parking again.") for i in range(count))


def test_search_runs_on_the_worker_never_on_the_gui_connection(
        qtbot: QtBot, repo: SessionRepository, loader: ListLoader) -> None:
    _rota_journal(repo)
    gui_statements: list[str] = []
    repo._db.set_trace_callback(gui_statements.append)
    try:
        model = SessionListModel(repo, loader=loader, page_size=50)
        with qtbot.waitSignal(model.rows_loaded), qtbot.waitSignal(model.total_changed):
            model.set_filter(SessionFilter(text="rota"))
            assert model.loading
            assert model.total is None  # nothing counted on the GUI thread
    finally:
        repo._db.set_trace_callback(None)
    assert model.total == 60
    assert [model.row_at(r).id for r in range(model.rowCount())] == list(  # type: ignore[union-attr]
        range(120, 20, -2))
    assert "«rota»" in str(model.data(model.index(0, COL_MATCH)))
    assert not any("MATCH" in s or "count(" in s for s in gui_statements)
    assert loader.worker_thread_id not in (None, threading.get_ident())


def test_while_typing_only_the_last_search_lands(
        qtbot: QtBot, repo: SessionRepository, loader: ListLoader) -> None:
    _rota_journal(repo)
    model = SessionListModel(repo, loader=loader)
    landed: list[str] = []
    model.rows_loaded.connect(lambda: landed.append(model.filter.text))
    with qtbot.waitSignal(model.total_changed):
        for typed in ("p", "pa", "par", "r", "ro", "rot", "rota"):
            model.set_filter(SessionFilter(text=typed))
    assert landed == ["rota"]
    assert model.total == model.rowCount() == 60


def test_pages_arrive_in_order_while_scrolling(
        qtbot: QtBot, repo: SessionRepository, loader: ListLoader) -> None:
    _rota_journal(repo)
    model = SessionListModel(repo, loader=loader, page_size=25)
    with qtbot.waitSignal(model.rows_loaded):
        model.set_filter(SessionFilter(text="rota"))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        model.fetchMore(QModelIndex())  # a second ask while one page is out changes nothing
        qtbot.waitUntil(lambda: not model._fetching)
    expected = [row.id for row in repo.page(SessionFilter(text="rota"), limit=1000)]
    assert [model.row_at(r).id for r in range(model.rowCount())] == expected  # type: ignore[union-attr]


def test_a_search_without_matches_is_empty_at_once(
        qtbot: QtBot, repo: SessionRepository, loader: ListLoader) -> None:
    _rota_journal(repo)
    model = SessionListModel(repo, loader=loader)
    with qtbot.waitSignal(model.rows_loaded):
        model.set_filter(SessionFilter(text="zzqx"))
    assert model.rowCount() == 0
    assert model.total == 0  # known with the (empty) page: no count is run


def test_the_plain_list_is_counted_on_the_worker(
        qtbot: QtBot, repo: SessionRepository, loader: ListLoader) -> None:
    _rota_journal(repo)
    model = SessionListModel(repo, loader=loader, page_size=50)
    assert model.rowCount() == 50  # the plain list's first page shows at once
    qtbot.waitUntil(lambda: model.total == 120)
