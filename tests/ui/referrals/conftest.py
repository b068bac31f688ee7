"""One journal per test module (keying costs ~0.4 s), emptied before each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.referrals import ResourceRepository, read_pack
from peerdesk.settings import Settings
from peerdesk.ui.referrals.workspace import ResourcesWorkspace
from peerdesk.ui.workspaces import AppContext
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.referrals.conftest import empty_journal
from tests.referrals.helpers import DEMO_PACK


@pytest.fixture(scope="module")
def module_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    opened = Vault.create(tmp_path_factory.mktemp("ui-referrals") / "journal.peerdesk",
                          PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def vault(module_vault: Vault) -> Vault:
    empty_journal(module_vault)
    return module_vault


@pytest.fixture
def repo(vault: Vault) -> ResourceRepository:
    return ResourceRepository(vault)


@pytest.fixture
def demo(repo: ResourceRepository) -> ResourceRepository:
    repo.import_pack(read_pack(DEMO_PACK))
    return repo


@pytest.fixture
def context(vault: Vault) -> AppContext:
    return AppContext(vault=vault, journal_path=Path(vault.path), settings=Settings(vault))


@pytest.fixture
def make_workspace(qtbot: QtBot, context: AppContext):  # type: ignore[no-untyped-def]
    def make() -> ResourcesWorkspace:
        workspace = ResourcesWorkspace(context)
        qtbot.addWidget(workspace)
        workspace.resize(1010, 700)
        workspace.show()
        return workspace

    return make
