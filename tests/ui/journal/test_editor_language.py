"""The session editor in Spanish: dates in the heading follow the interface language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import SessionRepository
from peerdesk.ui import i18n
from peerdesk.ui.journal.editor import SessionEditor
from tests.ui.journal.helpers import make_session


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.install_language("es")
    yield
    i18n.install_language("en")


def _heading(qtbot: QtBot, repo: SessionRepository, drafts: DraftStore) -> str:
    saved = repo.add(make_session(date=dt.date(2026, 11, 19), peer_code="calm-otter-11"))
    editor = SessionEditor(repo, drafts)
    qtbot.addWidget(editor)
    editor.open_session(saved)
    return editor.heading.text()


def test_heading_date_is_in_english(qtbot: QtBot, repo: SessionRepository,
                                    drafts: DraftStore) -> None:
    assert _heading(qtbot, repo, drafts) == "Session on Thu 19 Nov 2026 · calm-otter-11"


def test_heading_date_is_in_spanish(qtbot: QtBot, repo: SessionRepository, drafts: DraftStore,
                                    spanish: None) -> None:
    heading = _heading(qtbot, repo, drafts)
    assert "jue 19 nov 2026" in heading
    assert "Thu" not in heading
    assert heading.endswith("calm-otter-11")
