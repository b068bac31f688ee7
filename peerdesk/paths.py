"""The only module that knows where PeerDesk's files live.

Nothing here touches the disk at import time; folders are created by the code that writes
into them (with mode 0700, see `peerdesk.fileio.ensure_private_dir`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "PeerDesk"
JOURNAL_FILE_NAME = "journal.peerdesk"
JOURNAL_ENV = "PEERDESK_JOURNAL"
PASSPHRASE_ENV = "PEERDESK_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "PEERDESK_NEW_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
RECOVERY_CODE_ENV = "PEERDESK_RECOVERY_CODE"


def data_dir() -> Path:
    """Per-user data folder (journal, automatic backups)."""
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def config_dir() -> Path:
    """Per-user configuration folder: only what reveals nothing (window geometry, language,
    training progress made without a journal)."""
    return platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)


def default_journal_path() -> Path:
    return data_dir() / JOURNAL_FILE_NAME


def resolve_journal_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--journal PATH` wins, then `PEERDESK_JOURNAL`, then the platform default. Each names a
    journal folder (or an old single-file journal, which moves into a folder at the same path
    on its next unlock); `…/journal.peerdesk/journal.db` is read as its folder."""
    if cli_value:
        return _journal_folder_of(Path(cli_value).expanduser().absolute())
    env_value = os.environ.get(JOURNAL_ENV)
    if env_value:
        return _journal_folder_of(Path(env_value).expanduser().absolute())
    return default_journal_path()


def _journal_folder_of(path: Path) -> Path:
    if path.name == JOURNAL_DB_NAME and (path.parent / KEY_FILE_NAME).is_file():
        return path.parent
    return path


def ui_state_file() -> Path:
    return config_dir() / "window-state.json"


def training_progress_file() -> Path:
    """Guides and scenarios a trainee completed while reading without a journal (which ones,
    and when; never their answers). Moved into the journal when one is created."""
    return config_dir() / "training-progress.json"


def backups_dir(journal_path: Path) -> Path:
    """Automatic encrypted backups live beside the journal they belong to."""
    return journal_path.parent / "backups"


def resources_dir() -> Path:
    """Shipped read-only resources: taxonomy, guides, scenarios, schemas, referral packs."""
    override = os.environ.get("PEERDESK_RESOURCES")
    if override:
        return Path(override)
    bundle_root = getattr(sys, "_MEIPASS", None)  # set inside a PyInstaller build
    if bundle_root:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


# -- the journal folder (docs/key-hierarchy.md §2): database and key file moved as one ---------

JOURNAL_DB_NAME = "journal.db"
KEY_FILE_NAME = "keys.json"
LEGACY_COPY_NAME = "legacy-journal.peerdesk"


def journal_db_path(journal: Path) -> Path:
    """The SQLCipher database inside a journal folder."""
    return journal / JOURNAL_DB_NAME


def key_file_path(journal: Path) -> Path:
    """The key slots inside a journal folder."""
    return journal / KEY_FILE_NAME


def legacy_copy_path(journal: Path) -> Path:
    """A single-file journal from before key slots, kept inside its folder after moving over."""
    return journal / LEGACY_COPY_NAME


def keyslots_staging_path(journal: Path) -> Path:
    """Where a single-file journal's folder is built before it takes the journal's place."""
    return journal.with_name(f".{journal.name}.keyslots-new")
