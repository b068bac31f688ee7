"""`peerdesk demo` (synthetic sessions) and `peerdesk journal import-csv` (a contact log)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from peerdesk.commands.common import (
    add_journal_argument,
    create_vault,
    journal_path,
    open_vault,
    read_passphrase,
)
from peerdesk.errors import PeerDeskError, UsageError
from peerdesk.journal.csv_import import import_sessions, parse_csv
from peerdesk.journal.demo import count_sessions_not_from_demo, fill_journal, mark_demo_journal
from peerdesk.journal.repository import SessionRepository
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import msg

MAX_DEMO_SESSIONS = 1_000_000


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_DEMO_SESSIONS:
        raise argparse.ArgumentTypeError(f"choose from 1 to {MAX_DEMO_SESSIONS}")
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo", help="add synthetic sessions to a journal file, for demos and benchmarks (to "
        "try PeerDesk instead, run 'peerdesk --demo')")
    add_journal_argument(demo)
    demo.add_argument("--sessions", type=_count, required=True, metavar="N",
                      help="how many sessions to add")
    demo.add_argument("--seed", type=_seed, default=1, metavar="S",
                      help="the same seed gives the same sessions (default 1)")
    demo.add_argument("--force", action="store_true",
                      help="add them even to a journal holding sessions the demo did not write")
    demo.set_defaults(run=run_demo)

    journal = subparsers.add_parser("journal", help="work with the session journal")
    journal_commands = journal.add_subparsers(dest="journal_command", metavar="COMMAND",
                                              parser_class=type(journal))
    journal_commands.required = True
    import_csv = journal_commands.add_parser(
        "import-csv", help="bring in an existing contact log (all rows or none)")
    import_csv.add_argument("file", metavar="FILE", type=Path, help="the CSV file")
    add_journal_argument(import_csv)
    import_csv.add_argument(
        "--allow-identifying-codes", action="store_true",
        help="accept peer codes that look like a name, e-mail address or phone number (only "
             "if you are sure they identify no one)")
    import_csv.add_argument("--dry-run", action="store_true",
                            help="check the file and say what would be added; write nothing")
    import_csv.set_defaults(run=run_import_csv)


def run_demo(args: argparse.Namespace) -> int:
    if not getattr(args, "journal", None):
        raise UsageError(msg("demo needs --journal PATH, so synthetic data never lands in your "
                             "real journal"))
    path = journal_path(args)
    if path.exists():
        with open_vault(args) as vault:
            written_by_someone = count_sessions_not_from_demo(vault)
            if written_by_someone and not args.force:
                raise PeerDeskError(msg(
                    "{path} holds {count} session(s) that the demo did not write; nothing was "
                    "added. Choose another --journal path for demo data (or add --force if you "
                    "really mean to mix synthetic sessions into this journal).",
                    path=path, count=written_by_someone,
                ))
            added = fill_journal(vault, args.sessions, args.seed)
            mark_demo_journal(vault)
    else:
        with create_vault(path, read_passphrase(confirm=True)) as vault:
            mark_demo_journal(vault)
            added = fill_journal(vault, args.sessions, args.seed)
    print(f"Added {added} synthetic sessions to {path} (seed {args.seed}).")
    return 0


def run_import_csv(args: argparse.Namespace) -> int:
    result = parse_csv(args.file, default_taxonomy(),
                       allow_identifying_codes=args.allow_identifying_codes)
    if result.errors:
        for error in result.errors:
            print(f"peerdesk: {args.file.name}: {error}", file=sys.stderr)
        rows = len({error.row for error in result.errors})
        raise PeerDeskError(msg(
            "{problems} problem(s) in {rows} row(s) of {file}; nothing was added. Fix the rows "
            "listed above and run the import again.",
            file=args.file.name, problems=len(result.errors), rows=rows,
        ))
    if not result.sessions:
        raise PeerDeskError(msg("{file} has no sessions below its header; nothing to add.",
                                file=args.file.name))
    count = len(result.sessions)
    first = min(s.date for s in result.sessions)
    last = max(s.date for s in result.sessions)
    span = f"dated {first.isoformat()} to {last.isoformat()}"
    if args.dry_run:
        print(f"Would add {count} sessions ({span}). Nothing was written (dry run).")
        return 0
    with open_vault(args) as vault:
        added = import_sessions(SessionRepository(vault), result.sessions)
    print(f"Added {added} sessions ({span}) to {journal_path(args)}.")
    return 0
