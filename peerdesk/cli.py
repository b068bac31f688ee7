"""Command-line front: the GUI by default, headless sub-commands for scripts.

Contract (DESIGN.md "Command line"): expected failures print one line on stderr and exit 1,
usage errors exit 2, and no expected failure ever shows a traceback — a closed pipe
(`peerdesk check | head -1`) included. Error lines never echo a huge input whole.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import sqlcipher3

from peerdesk import __version__
from peerdesk.errors import PeerDeskError, UsageError
from peerdesk.paths import resolve_journal_path
from peerdesk.translation import msg
from peerdesk.vault.faults import classify

# A "word" (no spaces) longer than this in an error line is shortened: a 5000-digit number or
# a pasted file is not echoed whole. Long enough for any real path.
LONGEST_WORD = 160
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")

# Each module has `register(subparsers)`, adding its sub-commands with a `run(args) -> int`.
COMMAND_MODULES: tuple[str, ...] = (
    "peerdesk.commands.core",
    "peerdesk.commands.journal",
    "peerdesk.commands.backup",
    "peerdesk.commands.keys",
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


def shorten_long_words(text: str) -> str:
    """Keep the start and end of any over-long word and say how long it was."""

    def shorten(match: re.Match[str]) -> str:
        word = match.group(0)
        return f"{word[:24]}…{word[-8:]} ({len(word)} characters)"

    return _LONG_WORD.sub(shorten, text)


def report_error(text: str) -> None:
    """One line on stderr (a closed stderr is not worth a traceback either)."""
    with contextlib.suppress(BrokenPipeError, ValueError):
        print(f"peerdesk: {shorten_long_words(text)}", file=sys.stderr)


def _silence_stdout() -> None:
    """The reader went away (`| head`): send what is still buffered nowhere, so Python's exit
    does not report the broken pipe either."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _journal_of(argv: Sequence[str] | None) -> Path:
    args = list(sys.argv[1:] if argv is None else argv)
    given = None
    for index, arg in enumerate(args):
        if arg == "--journal" and index + 1 < len(args):
            given = args[index + 1]
        elif arg.startswith("--journal="):
            given = arg.partition("=")[2]
    return resolve_journal_path(given)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except UsageError as exc:
        report_error(str(exc))
        return 2
    except PeerDeskError as exc:
        report_error(str(exc))
        return 1
    except (OSError, sqlcipher3.Error) as exc:
        # Faults of the machine (disk, permissions) that escaped a command's own handling.
        fault = classify(exc, _journal_of(argv))
        report_error(str(fault) if fault is not None else str(msg(
            "The command stopped: {problem}. Nothing more was written.", problem=str(exc))))
        return 1
    except KeyboardInterrupt:
        report_error("interrupted; nothing more was written.")
        return 130


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _run_gui(args)
    return int(args.run(args))
