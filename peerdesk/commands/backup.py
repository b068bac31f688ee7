"""`peerdesk backup --out FILE`: an encrypted copy of the journal (same passphrase)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peerdesk.commands.common import add_journal_argument, open_vault
from peerdesk.vault.backup import back_up_to


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup", help="write an encrypted copy of the journal (it opens with the same passphrase)")
    backup.add_argument("--out", metavar="FILE", required=True,
                        help="where to write the backup (replaced atomically if it exists)")
    add_journal_argument(backup)
    backup.set_defaults(run=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        target = back_up_to(vault, Path(args.out))
    print(f"Wrote an encrypted backup to {target}. It opens with the journal's passphrase.")
    return 0
