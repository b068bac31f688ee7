"""What every sub-command shares: the --journal option, the passphrase, opening the vault.

A command holds the journal's instance lock while it runs (the app and other commands wait
their turn instead of writing at the same time), sweeps temp files a killed PeerDesk left, and
proves every page of the journal authentic before it does anything (issue #16).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.fileio import ensure_private_dir
from peerdesk.paths import PASSPHRASE_ENV, resolve_journal_path
from peerdesk.translation import msg
from peerdesk.vault import (
    Vault,
    VaultExistsError,
    VaultFolderMissingError,
    VaultInUseError,
    VaultNotFoundError,
)
from peerdesk.vault.instance import AlreadyOpenError, InstanceLock
from peerdesk.vault.leftovers import sweep_temp_files


def add_journal_argument(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a top-level `peerdesk --journal X cmd` from being reset to None here.
    parser.add_argument("--journal", metavar="PATH", default=argparse.SUPPRESS,
                        help="journal file (default: PEERDESK_JOURNAL or the per-user data folder)")


def journal_path(args: argparse.Namespace) -> Path:
    return resolve_journal_path(getattr(args, "journal", None))


def read_passphrase(*, confirm: bool = False) -> str:
    """`PEERDESK_PASSPHRASE` if set, else a prompt on the terminal (twice when creating)."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise PeerDeskError(msg("No passphrase: set {variable} or run the command in a terminal.",
                                variable=PASSPHRASE_ENV))
    first = getpass.getpass("Journal passphrase: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != first:
        raise PeerDeskError(msg("The two passphrases differ. Nothing was created; try again."))
    return first


@contextlib.contextmanager
def journal_lock(path: Path) -> Iterator[None]:
    """Hold `path`'s instance lock for the block (`VaultInUseError` if the app or another
    command has it), then sweep leftovers of killed runs. Creates no folder."""
    if not path.parent.is_dir():
        raise VaultFolderMissingError(path.parent)
    lock = InstanceLock(path)
    try:
        lock.acquire()
    except AlreadyOpenError as exc:
        raise VaultInUseError(path) from exc
    try:
        sweep_temp_files(path)
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def open_vault(args: argparse.Namespace, *, check_pages: bool = True,
               passphrase: str | None = None) -> Iterator[Vault]:
    """The unlocked journal for the block, locked against other writers and proven whole
    (`check_pages=False` only for `peerdesk check`, which runs the full check itself).
    `passphrase`: already read (else `read_passphrase`)."""
    path = journal_path(args)
    if path.parent.is_dir() and not path.exists():
        raise VaultNotFoundError(path)
    passphrase = passphrase if passphrase is not None else read_passphrase()
    with journal_lock(path), Vault.open(path, passphrase) as vault:
        if check_pages:
            vault.require_intact()
        yield vault


@contextlib.contextmanager
def create_vault(path: Path, passphrase: str) -> Iterator[Vault]:
    """A new journal at `path` (its folder made if missing), locked for the block."""
    if path.exists() or path.is_symlink():
        raise VaultExistsError(path)
    ensure_private_dir(path.parent)
    with journal_lock(path), Vault.create(path, passphrase) as vault:
        yield vault
