"""Fixtures for the Program workspace tests: a workspace on a fresh vault."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.settings import Settings
from peerdesk.ui.workspaces import AppContext
from peerdesk.vault import Vault

if TYPE_CHECKING:
    from peerdesk.ui.program.workspace import ProgramWorkspace


@pytest.fixture
def context(vault: Vault) -> AppContext:
    return AppContext(vault=vault, journal_path=vault.path, settings=Settings(vault))


@pytest.fixture
def workspace(qtbot: QtBot, context: AppContext) -> Iterator[ProgramWorkspace]:
    from peerdesk.ui.program.workspace import ProgramWorkspace

    ws = ProgramWorkspace(context)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    qtbot.waitUntil(lambda: not ws.refreshing)  # the first figures are counted off the GUI thread
    yield ws
    if ws.results_dialog is not None:
        ws.results_dialog.close()
    ws.prepare_lock()


@pytest.fixture
def spanish(qapp: object) -> Iterator[None]:
    """The interface in Spanish for one test, English again afterwards."""
    from peerdesk.ui import i18n

    i18n.install_language("es")
    yield
    i18n.install_language("en")
