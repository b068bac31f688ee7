"""`peerdesk import FILE...` and `peerdesk report --out FILE.pdf` (the coordinator's commands)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from peerdesk.commands.common import add_journal_argument, open_vault
from peerdesk.errors import UsageError
from peerdesk.exchange.keys import FINGERPRINT_DIGITS, normalise_fingerprint
from peerdesk.program.cell_secret import cell_key_secret
from peerdesk.program.disclosure import DEFAULT_K, MIN_K
from peerdesk.program.importer import Enrolment, import_files
from peerdesk.program.labels import Labeller
from peerdesk.program.report import DEFAULT_PROGRAM_NAME, ProgramFilter, prepare_report
from peerdesk.program.store import ProgramStore
from peerdesk.reports.csv_report import write_csv_report
from peerdesk.reports.pdf_report import write_pdf_report
from peerdesk.translation import LANGUAGES, msg

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$")


def register(subparsers: Any) -> None:
    imp = subparsers.add_parser(
        "import", help="coordinator: import summary files exported by supporters",
        description="Import signed summary files. A supporter's first file is imported only "
        "once you have enrolled their key: ask them to read the fingerprint from their export "
        "window and pass it with --enrol. Files signed with another key are refused.")
    imp.add_argument("files", nargs="+", metavar="FILE", help="summary files (.json)")
    imp.add_argument("--enrol", metavar="FINGERPRINT", action="append", default=[],
                     help="enrol a new supporter whose key has this fingerprint (as they read "
                          "it to you; repeat for several)")
    imp.add_argument("--accept-new-keys", action="store_true",
                     help="enrol every new supporter's key without comparing fingerprints "
                          "(only for files you know came from them)")
    imp.add_argument("--re-enrol", metavar="FINGERPRINT", action="append", default=[],
                     help="replace a known supporter's key with this one (a new journal); "
                          "compare the fingerprint with them first")
    add_journal_argument(imp)
    imp.set_defaults(run=run_import)

    report = subparsers.add_parser(
        "report", help="coordinator: write the program report (PDF, optionally CSV)")
    report.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF file to write")
    report.add_argument("--csv", metavar="FILE", help="also write the tables as CSV")
    report.add_argument("--since", metavar="YYYY-MM", type=_month,
                        help="first month (YYYY-MM, or a date: its month is used)")
    report.add_argument("--until", metavar="YYYY-MM", type=_month,
                        help="last month (YYYY-MM, or a date: its month is used)")
    report.add_argument("--min-cell", metavar="K", type=_min_cell, default=None,
                        help=f"smallest count shown (default: the journal's setting, or "
                             f"{DEFAULT_K}; at least {MIN_K})")
    report.add_argument("--org-unit", metavar="NAME", help="only this organisation unit")
    report.add_argument("--name", metavar="TEXT", default=DEFAULT_PROGRAM_NAME,
                        help=f"program name on the title page (default: {DEFAULT_PROGRAM_NAME!r})")
    report.add_argument("--language", choices=LANGUAGES, default="en",
                        help="language of the PDF and CSV: en (English) or es (Spanish); the "
                             "figures are the same in both (default: en)")
    add_journal_argument(report)
    report.set_defaults(run=run_report)


def _month(text: str) -> str:
    match = _MONTH.match(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month like 2026-10 or a date "
                                         "like 2026-10-15")
    if match.group(3) is not None and not 1 <= int(match.group(3)) <= 31:
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date")
    return f"{match.group(1)}-{match.group(2)}"


def _min_cell(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < MIN_K:
        raise argparse.ArgumentTypeError(
            f"must be at least {MIN_K}; smaller counts could single people out")
    return value


def run_import(args: argparse.Namespace) -> int:
    for fingerprint in (*args.enrol, *args.re_enrol):
        if not normalise_fingerprint(fingerprint):
            raise UsageError(msg("{fingerprint} is not a fingerprint: it has {digits} digits "
                                 "in groups of four", fingerprint=repr(fingerprint),
                                 digits=FINGERPRINT_DIGITS))
    paths = [Path(name) for name in args.files]
    with open_vault(args) as vault:
        cell_key_secret(vault)  # before anything is counted: reports round the same way from now on
        outcomes = import_files(vault, paths, enrolment=Enrolment.of(
            args.enrol, accept_new=args.accept_new_keys, re_enrol=args.re_enrol))
    rejected = 0
    for outcome in outcomes:
        if outcome.accepted:
            print(outcome.summary_line)
        else:
            rejected += 1
            print(outcome.summary_line, file=sys.stderr)
    if rejected:
        if rejected == len(outcomes):
            summary = "No file was imported; the program data is unchanged."
        else:
            summary = (f"{rejected} of {len(outcomes)} files "
                       f"{'was' if rejected == 1 else 'were'} not imported; the others were.")
        print(summary, file=sys.stderr)
        return 1
    return 0


def run_report(args: argparse.Namespace) -> int:
    if args.since and args.until and args.since > args.until:
        raise UsageError(msg("--since {since} is after --until {until}", since=args.since,
                             until=args.until))
    out = Path(args.out)
    with open_vault(args) as vault:
        k = args.min_cell
        if k is None:
            stored = vault.read_setting("disclosure_threshold")
            k = stored if isinstance(stored, int) and stored >= MIN_K else DEFAULT_K
        flt = ProgramFilter(since=args.since, until=args.until, org_unit=args.org_unit)
        report = prepare_report(ProgramStore(vault), flt, k=k, program_name=args.name,
                                secret=cell_key_secret(vault, figures_held=bool(
                                    ProgramStore(vault).months_with_data())))
    write_pdf_report(report, out, language=args.language)
    period = Labeller().period(report.since, report.until)
    print(f"Wrote {out} ({period}; counts rounded to multiples of {k}, small ones shown as "
          f"<{k}).")
    if args.csv:
        write_csv_report(report, Path(args.csv), language=args.language)
        print(f"Wrote {args.csv}.")
    return 0
