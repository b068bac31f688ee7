"""`peerdesk init` and `peerdesk check`."""

from __future__ import annotations

import argparse
from typing import Any

from peerdesk.commands.common import (
    add_journal_argument,
    create_vault,
    journal_path,
    open_vault,
    read_passphrase,
)
from peerdesk.errors import PeerDeskError
from peerdesk.translation import msg
from peerdesk.vault import strength_hint
from peerdesk.vault.integrity import integrity_report


def register(subparsers: Any) -> None:
    init = subparsers.add_parser("init", help="create a new encrypted journal")
    add_journal_argument(init)
    init.set_defaults(run=run_init)

    check = subparsers.add_parser("check", help="verify the journal's encryption and structure")
    add_journal_argument(check)
    check.set_defaults(run=run_check)


def run_init(args: argparse.Namespace) -> int:
    path = journal_path(args)
    passphrase = read_passphrase(confirm=True)
    hint = strength_hint(passphrase)
    with create_vault(path, passphrase):
        pass
    print(f"Created an encrypted journal at {path}.")
    print(f"Passphrase: {hint.message} It cannot be recovered if forgotten.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = journal_path(args)
    with open_vault(args, check_pages=False) as vault:  # the full check below includes it
        report = integrity_report(vault)
    if report.problems:
        raise PeerDeskError(msg(
            "The journal at {path} is damaged ({problem}). Do not write to it; restore your "
            "newest backup (the app offers the newest automatic one).",
            path=path, problem=report.problems[0],
        ))
    print(f"The journal at {path} is intact.")
    print(f"  {report.page_count} pages of {report.page_size} bytes "
          f"({report.file_size / 1_000_000:.1f} MB), schema version {report.schema_version}.")
    print("  Checked: " + "; ".join(report.checks) + ".")
    return 0
