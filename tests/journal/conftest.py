"""Journal test helpers: a plaintext twin of the journal for fast repository tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from peerdesk.vault import Vault
from peerdesk.vault.migrations import shipped_migrations
from peerdesk.vault.vault import _configure
from tests.conftest import PASSPHRASE


def open_plaintext_vault(path: Path) -> Vault:
    """The journal's schema and settings (WAL, secure_delete…) without encryption.

    Same SQL engine and migrations, but no key derivation (about 0.2 s per journal), and the
    file's bytes are readable, which the deletion tests need. Encryption has its own tests.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    _configure(conn)
    vault = Vault(path, conn, PASSPHRASE)
    vault._migrate(shipped_migrations())
    return vault


@pytest.fixture
def plain_vault(tmp_path: Path) -> Iterator[Vault]:
    vault = open_plaintext_vault(tmp_path / "plain" / "journal.peerdesk")
    yield vault
    vault.close()
