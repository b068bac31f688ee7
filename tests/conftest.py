"""Shared test set-up: offscreen Qt and per-test user folders, so no test touches real ones."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from peerdesk.vault import Vault
from peerdesk.vault.vault import MINIMUM_ARGON2_ENV

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                             ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / folder).mkdir()
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("PEERDESK_JOURNAL", raising=False)
    monkeypatch.delenv("PEERDESK_PASSPHRASE", raising=False)
    # New journals take Argon2id's floor (64 MiB, 3 passes) instead of calibrating for ~3 s;
    # set in the environment so that subprocesses the tests start inherit it.
    monkeypatch.setenv(MINIMUM_ARGON2_ENV, "1")
    return home


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.peerdesk"


@pytest.fixture
def vault(journal_path: Path) -> Iterator[Vault]:
    opened = Vault.create(journal_path, PASSPHRASE)
    yield opened
    opened.close()


def journal_files(path: Path) -> list[Path]:
    """The journal and every file SQLite keeps beside it (and inside a journal folder)."""
    beside = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
    inside = list(path.iterdir()) if path.is_dir() else []
    return beside + inside
