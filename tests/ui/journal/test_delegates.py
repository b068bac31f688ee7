"""Search snippets: the matching words in bold, each snippet laid out once."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from peerdesk.journal.search import SNIPPET_CLOSE, SNIPPET_OPEN
from peerdesk.ui.journal import delegates
from peerdesk.ui.journal.delegates import SnippetDelegate, snippet_html


def _marked(word: str) -> str:
    return f"{SNIPPET_OPEN}{word}{SNIPPET_CLOSE}"


def test_matches_are_bold_and_the_rest_is_plain_text() -> None:
    html = snippet_html(f"told <b>them</b> at {_marked('work')} & left")
    assert "<b>work</b>" in html
    assert "&lt;b&gt;them&lt;/b&gt;" in html  # a note's own markup is shown, never rendered
    assert "&amp;" in html


def _view(qtbot: QtBot, texts: list[str]) -> tuple[QTableView, SnippetDelegate]:
    model = QStandardItemModel(len(texts), 1)
    for row, text in enumerate(texts):
        model.setItem(row, 0, QStandardItem(text))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = SnippetDelegate(view)
    view.setItemDelegateForColumn(0, delegate)
    view.resize(400, 300)
    with qtbot.waitExposed(view):
        view.show()
    return view, delegate


def test_each_snippet_is_laid_out_once_across_paints(qtbot: QtBot) -> None:
    texts = [f"row {n} about {_marked('work')}" for n in range(5)]
    view, delegate = _view(qtbot, texts)
    view.viewport().repaint()
    laid_out = dict(delegate._documents)
    assert {key[0] for key in laid_out} == set(texts)
    view.viewport().repaint()
    assert all(delegate._documents[key] is document for key, document in laid_out.items())


def test_only_the_latest_snippets_are_kept(qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delegates, "DOCUMENTS_KEPT", 3)
    view, delegate = _view(qtbot, [f"snippet {n}" for n in range(8)])
    view.viewport().repaint()
    assert len(delegate._documents) == 3
