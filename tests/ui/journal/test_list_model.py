"""The session list model: Qt model contract, lazy paging, sorting, filters and snippets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from peerdesk.journal.repository import SessionFilter, SessionRepository
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


def test_search_runs_once_and_snippets_come_with_the_rows_shown(repo: SessionRepository) -> None:
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
        matching = [s for s in statements if "MATCH" in s]
        assert len(matching) == 1  # the match, not once per count and page
        last = model.index(119, COL_MATCH)
        assert str(model.data(last)) == "Talked about the «rota», week 0."
        snippet_queries = [s for s in statements if "MATCH" in s][1:]
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
