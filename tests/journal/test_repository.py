"""SessionRepository combines the parts and works on a worker's own connection."""

from __future__ import annotations

import pytest

from peerdesk.journal.repository import (
    SessionRepository,
)
from peerdesk.vault import Vault
from tests.journal.factories import TODAY, full_session


@pytest.fixture
def repo(plain_vault: Vault) -> SessionRepository:
    return SessionRepository(plain_vault, today=lambda: TODAY)


def test_worker_connection(vault: Vault) -> None:
    conn = vault.connect_another()
    try:
        worker = SessionRepository(vault, connection=conn)
        saved = worker.add(full_session())
        assert SessionRepository(vault).get(saved.id or 0) == saved
    finally:
        conn.close()
