"""Command-line front: the GUI by default, headless sub-commands for scripts.

Contract (DESIGN.md "Command line"): expected failures print one line on stderr and exit 1,
usage errors exit 2, and no expected failure ever shows a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from peerdesk import __version__
from peerdesk.errors import PeerDeskError, UsageError
from peerdesk.translation import msg

# Each module has `register(subparsers)`, adding its sub-commands with a `run(args) -> int`.
COMMAND_MODULES: tuple[str, ...] = (
    "peerdesk.commands.core",
    "peerdesk.commands.journal",
    "peerdesk.commands.backup",
    "peerdesk.commands.resources",
    "peerdesk.commands.exchange",
    "peerdesk.commands.program",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse words `message` itself, in English: only the hint around it is ours.
        raise UsageError(msg("{problem} (see '{program} --help')", problem=message,
                             program=self.prog))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="peerdesk",
        description="PeerDesk: private journal and program reports for peer-support programs. "
        "Without a command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"PeerDesk {__version__}")
    parser.add_argument("--journal", metavar="PATH", help="journal file (default: PEERDESK_JOURNAL "
                        "or the per-user data folder)")
    parser.add_argument("--demo", action="store_true", help="open a throwaway journal filled with "
                        "synthetic sessions (deleted when you quit)")
    # For packaging checks: open the window, let the event loop run once, quit.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from peerdesk.ui.app import run_app  # Qt is imported only when the GUI is wanted

    return run_app(journal=args.journal, demo=args.demo, smoke_test=args.smoke_test)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            return _run_gui(args)
        return int(args.run(args))
    except UsageError as exc:
        print(f"peerdesk: {exc}", file=sys.stderr)
        return 2
    except PeerDeskError as exc:
        print(f"peerdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("peerdesk: interrupted; nothing more was written.", file=sys.stderr)
        return 130
