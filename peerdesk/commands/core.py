"""`peerdesk init` and `peerdesk check`."""

from __future__ import annotations

import argparse
import os
from typing import Any

from peerdesk.commands.common import (
    add_journal_argument,
    create_vault,
    journal_path,
    open_vault,
    read_passphrase,
)
from peerdesk.errors import PeerDeskError
from peerdesk.paths import RECOVERY_CODE_ENV
from peerdesk.translation import msg
from peerdesk.vault import Vault, strength_hint
from peerdesk.vault.integrity import integrity_report
from peerdesk.vault.key_change import journal_keyring
from peerdesk.vault.keyslots import unlock_with_recovery_code
from peerdesk.vault.recovery_code import parse_recovery_code
from peerdesk.vault.vault import vault_secret


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
    print(f"Passphrase: {hint.message} If you forget it, only a recovery kit opens the "
          "journal: make one with 'peerdesk recovery-kit new --pdf FILE' or in the app.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    path = journal_path(args)
    with open_vault(args, check_pages=False) as vault:  # the full check below includes it
        key_lines = key_file_lines(vault)
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
    for line in key_lines:
        print(f"  {line}")
    return 0


def key_file_lines(vault: Vault) -> list[str]:
    """What `check` says about a journal folder's key file: it was read strictly and the
    passphrase slot opened (to unlock); the recovery slot is proven too when
    `PEERDESK_RECOVERY_CODE` is set."""
    if vault.key_file is None:
        return ["Key file: none (a journal from before recovery kits; it moves into a folder "
                "when the app unlocks it)."]
    keyring = journal_keyring(vault)
    params = keyring.passphrase_slot.argon2
    assert params is not None
    lines = [f"Key file: {vault.key_file.name}, fingerprint {keyring.fingerprint}.",
             f"Passphrase slot (made {keyring.passphrase_slot.created}): opens; Argon2id "
             f"{params.memory_kib // 1024} MiB, {params.iterations} passes, "
             f"{params.lanes} lanes."]
    recovery = keyring.recovery_slot
    if recovery is None:
        lines.append("Recovery slot: none (the recovery kit is off).")
        return lines
    typed = os.environ.get(RECOVERY_CODE_ENV)
    if typed is None:
        lines.append(f"Recovery slot (made {recovery.created}): present; set "
                     f"{RECOVERY_CODE_ENV} to prove the code opens it.")
        return lines
    if unlock_with_recovery_code(keyring, parse_recovery_code(typed)) != vault_secret(vault):
        raise PeerDeskError(msg("The recovery slot holds another key."))  # key check prevents
    lines.append(f"Recovery slot (made {recovery.created}): the code opens it.")
    return lines
