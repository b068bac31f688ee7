"""`peerdesk passphrase change`, `peerdesk recover` and `peerdesk recovery-kit new|off`.

Secrets come from the environment or a terminal prompt, never from the command line (where
other users could read them in the process list): the current passphrase from
`PEERDESK_PASSPHRASE`, the new one from `PEERDESK_NEW_PASSPHRASE`, the recovery code from
`PEERDESK_RECOVERY_CODE`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from peerdesk.commands.common import (
    add_journal_argument,
    journal_lock,
    journal_path,
    open_vault,
    read_passphrase,
)
from peerdesk.errors import PeerDeskError
from peerdesk.paths import NEW_PASSPHRASE_ENV, RECOVERY_CODE_ENV
from peerdesk.reports.recovery_kit import RecoveryKit, write_recovery_kit
from peerdesk.translation import msg
from peerdesk.vault import VaultNotFoundError
from peerdesk.vault.key_change import (
    journal_keyring,
    recover,
    store_recovery_code,
    turn_off_recovery_kit,
)
from peerdesk.vault.recovery_code import (
    RecoveryCode,
    generate_recovery_code,
    groups_to_confirm,
    mistyped_groups,
    parse_recovery_code,
)
from peerdesk.vault.rekey import change_passphrase


def register(subparsers: Any) -> None:
    passphrase = subparsers.add_parser("passphrase", help="change the journal's passphrase")
    passphrase_commands = passphrase.add_subparsers(dest="passphrase_command", metavar="ACTION",
                                                    required=True)
    change = passphrase_commands.add_parser(
        "change", help="set a new passphrase (current from PEERDESK_PASSPHRASE, new from "
        "PEERDESK_NEW_PASSPHRASE, or prompts)")
    add_journal_argument(change)
    change.set_defaults(run=run_change)

    recover_parser = subparsers.add_parser(
        "recover", help="forgot the passphrase: set a new one with the recovery code "
        "(PEERDESK_RECOVERY_CODE or a prompt)")
    add_journal_argument(recover_parser)
    recover_parser.set_defaults(run=run_recover)

    kit = subparsers.add_parser("recovery-kit", help="make a new recovery code, or turn the "
                                "recovery kit off")
    kit_commands = kit.add_subparsers(dest="kit_command", metavar="ACTION", required=True)
    new = kit_commands.add_parser("new", help="make a new recovery code (the old one stops "
                                  "working) and write the one-page PDF kit")
    new.add_argument("--pdf", metavar="FILE", type=Path, required=True,
                     help="where to write the kit (print it, then delete the file)")
    new.add_argument("--language", choices=("en", "es"), default="en")
    new.add_argument("--i-have-written-it-down", dest="written_down", action="store_true",
                     help="for scripts: store the new code without typing two of its groups "
                     "back (only once the kit is printed or kept safe)")
    add_journal_argument(new)
    new.set_defaults(run=run_new_code)
    off = kit_commands.add_parser("off", help="remove the recovery code: a forgotten "
                                  "passphrase then loses the journal for good")
    add_journal_argument(off)
    off.set_defaults(run=run_kit_off)


def _secret(variable: str, prompt: str, *, confirm: bool = False) -> str:
    from_env = os.environ.get(variable)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise PeerDeskError(msg("Nothing to read: set {variable} or run the command in a "
                                "terminal.", variable=variable))
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise PeerDeskError(msg("The two passphrases differ. Nothing was changed; try again."))
    return first


def read_new_passphrase() -> str:
    return _secret(NEW_PASSPHRASE_ENV, "New passphrase: ", confirm=True)


def run_change(args: argparse.Namespace) -> int:
    current = read_passphrase()
    new = read_new_passphrase()
    with open_vault(args, passphrase=current) as vault:
        change_passphrase(vault, current, new)
    print("Passphrase changed. PeerDesk's automatic backups follow it; backups you saved "
          "elsewhere still open with the passphrase they were made with.")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    path = journal_path(args)
    if path.parent.is_dir() and not path.exists():
        raise VaultNotFoundError(path)
    code = parse_recovery_code(_secret(RECOVERY_CODE_ENV, "Recovery code: "))
    new = read_new_passphrase()
    with journal_lock(path):
        recover(path, code, new).close()
    print(f"The journal at {path} now opens with the new passphrase. The recovery code "
          "still works; make a new one if someone else may have seen it.")
    return 0


def confirm_written_down(code: RecoveryCode) -> None:
    """As in the app: two groups chosen at random, typed back, before the code is stored."""
    numbers = groups_to_confirm()
    print("To show the code is written down or printed, type two of its groups back.")
    try:
        typed = {number: input(f"Group {number}: ") for number in numbers}
    except EOFError as exc:
        raise PeerDeskError(msg("No groups were typed back. Nothing was changed: the "
                                "previous code still works.")) from exc
    wrong = mistyped_groups(code, typed)
    if wrong:
        raise PeerDeskError(msg(
            "Group {groups} does not match the new code. Nothing was changed: the previous "
            "code still works. Run the command again.",
            groups=", ".join(str(number) for number in wrong)))


def run_new_code(args: argparse.Namespace) -> int:
    pdf = Path(args.pdf).expanduser()
    if not args.written_down and not sys.stdin.isatty():
        raise PeerDeskError(msg(
            "A new recovery code is stored only once two of its groups are typed back: run "
            "the command in a terminal, or add --i-have-written-it-down in a script once the "
            "kit is kept safe. Nothing was changed."))
    with open_vault(args) as vault:
        fingerprint = journal_keyring(vault).fingerprint
        code = generate_recovery_code()
        kit = RecoveryKit(code, fingerprint, dt.date.today())
        write_recovery_kit(pdf, kit, args.language)
        print(f"Recovery code: {code}")
        print(f"Journal fingerprint: {fingerprint}. The kit is in {args.pdf}: print it, keep "
              "it locked away from the computer, then delete the file.")
        if not args.written_down:
            try:
                confirm_written_down(code)
            except (PeerDeskError, KeyboardInterrupt):
                pdf.unlink(missing_ok=True)  # a kit for a code that was never stored
                raise
        store_recovery_code(vault, code)
    print("The new code is stored. The previous code no longer opens the journal or its "
          "automatic backups.")
    return 0


def run_kit_off(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        turn_off_recovery_kit(vault)
    print("The recovery kit is off: only the passphrase opens the journal now. If you forget "
          "it, the journal is lost.")
    return 0
