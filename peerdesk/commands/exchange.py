"""`peerdesk export`: write the signed summary of the months that changed since the last one."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import Any

from peerdesk.commands.common import add_journal_argument, open_vault
from peerdesk.exchange.export import (
    ExportPlan,
    LeftOut,
    coordinator_org_units,
    export_from_vault,
    plan_from_vault,
    remembered_alias,
    remembered_org_unit,
)
from peerdesk.exchange.format import REASON_CHANGED, REASON_NEW, REASON_NOW_EMPTY
from peerdesk.exchange.keys import SigningKeyStore

_MONTH_OR_DATE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$")
REASON_WORDS = {REASON_NEW: "new", REASON_CHANGED: "changed", REASON_NOW_EMPTY: "now empty"}


def parse_month(text: str) -> str:
    """An argparse `type`: a month YYYY-MM, or a date YYYY-MM-DD (its month is used)."""
    match = _MONTH_OR_DATE.match(text.strip())
    try:
        if match is None:
            raise ValueError(text)
        if match.group(3) is not None:
            dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a month or a date; write it as YYYY-MM or YYYY-MM-DD, "
            "e.g. 2026-11") from None
    return f"{match.group(1)}-{match.group(2)}"


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help="write a signed summary of your figures for the program coordinator",
        description="Write a signed summary file (peerdesk.summary v2): per calendar month, "
        "counts of the sessions whose peer agreed to be counted, for every month that changed "
        "since the last export (new, edited, deleted or late-logged sessions, withdrawn "
        "consent). Never a single session, a note, a peer code or a date. Prints the months "
        "sent and why, and your key's fingerprint for the coordinator to compare.",
    )
    export.add_argument("--out", metavar="FILE", required=True, type=Path,
                        help="summary file to write (replaced atomically if it exists)")
    export.add_argument("--since", metavar="MONTH", type=parse_month,
                        help="first month to consider, YYYY-MM (a date gives its month)")
    export.add_argument("--until", metavar="MONTH", type=parse_month,
                        help="last month to consider, YYYY-MM (default: every month)")
    export.add_argument("--alias", metavar="TEXT",
                        help="optional short label for you in the file, never a name "
                             "(default: the one used last)")
    export.add_argument("--org-unit", metavar="NAME",
                        help="your unit, from the coordinator's list in Settings "
                             "(default: the one used last)")
    add_journal_argument(export)
    export.set_defaults(run=run_export)


def left_out_text(left_out: LeftOut) -> str:
    parts = [
        f"{left_out.no_consent} without consent to be counted",
        f"{left_out.outside_months} outside the months considered",
        f"{left_out.unsaved_drafts} unsaved draft{'s' if left_out.unsaved_drafts != 1 else ''}",
    ]
    return f"Not counted: {', '.join(parts)}."


def plan_lines(plan: ExportPlan) -> list[str]:
    """One line per month sent, with its reason and contacts."""
    lines = [f"  {m.month}  {REASON_WORDS.get(m.reason, m.reason):<9}  "
             f"{m.figures.contacts} contact{'s' if m.figures.contacts != 1 else ''}"
             for m in plan.months]
    if plan.unchanged_months:
        lines.append(f"  ({plan.unchanged_months} unchanged month"
                     f"{'s' if plan.unchanged_months != 1 else ''} not sent again)")
    return lines


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser().absolute()
    with open_vault(args) as vault:
        alias = args.alias if args.alias is not None else remembered_alias(vault)
        unit = args.org_unit if args.org_unit is not None else remembered_org_unit(vault)
        if args.org_unit is None and unit not in coordinator_org_units(vault):
            unit = ""
        key = SigningKeyStore(vault).key()
        plan = plan_from_vault(vault, since=args.since, until=args.until)
        if plan.is_empty:
            print("Nothing changed since the last export: no month needs to be sent, so no "
                  "file was written.")
            print(f"Your key's fingerprint: {key.fingerprint}")
            return 0
        result = export_from_vault(vault, out, since=args.since, until=args.until,
                                   alias=alias, org_unit=unit or None, plan=plan)
    count = len(result.months)
    print(f"Wrote {out}: {count} month{'s' if count != 1 else ''} "
          f"(sequence {result.sequence}).")
    for line in plan_lines(plan):
        print(line)
    print(f"Your key's fingerprint: {result.fingerprint} (the coordinator compares it when "
          "they import your first file).")
    print(left_out_text(plan.left_out))
    return 0
