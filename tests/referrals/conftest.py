"""One journal per test module (keying a journal costs ~0.4 s), emptied before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE


def empty_journal(vault: Vault) -> None:
    """Remove every directory entry and session, so each test starts from a fresh journal."""
    tables = {row[0] for row in vault.connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    with vault.transaction() as conn:
        for table in ("session_referral", "session", "referral_resource", "settings"):
            if table in tables:
                conn.execute(f"DELETE FROM {table}")


@pytest.fixture(scope="module")
def module_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    opened = Vault.create(tmp_path_factory.mktemp("referrals") / "journal.peerdesk", PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def vault(module_vault: Vault) -> Vault:
    empty_journal(module_vault)
    return module_vault
