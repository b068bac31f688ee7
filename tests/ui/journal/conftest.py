"""Fixtures for the journal UI tests: an unlocked context over a fresh journal."""

from __future__ import annotations

import pytest

from peerdesk.journal.drafts import DraftStore
from peerdesk.journal.repository import SessionRepository
from peerdesk.settings import Settings
from peerdesk.ui.workspaces import AppContext
from peerdesk.vault import Vault


@pytest.fixture
def context(vault: Vault) -> AppContext:
    return AppContext(vault=vault, journal_path=vault.path, settings=Settings(vault))


@pytest.fixture
def repo(vault: Vault) -> SessionRepository:
    return SessionRepository(vault)


@pytest.fixture
def drafts(vault: Vault) -> DraftStore:
    return DraftStore(vault)
