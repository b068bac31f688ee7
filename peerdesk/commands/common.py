"""What every sub-command shares: the --journal option, the passphrase, opening the vault."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from peerdesk.errors import PeerDeskError
from peerdesk.paths import PASSPHRASE_ENV, resolve_journal_path
from peerdesk.translation import msg
from peerdesk.vault import Vault


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


def open_vault(args: argparse.Namespace) -> Vault:
    return Vault.open(journal_path(args), read_passphrase())
