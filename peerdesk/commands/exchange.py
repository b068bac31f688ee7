"""`peerdesk export`: write a de-identified summary file of the journal's sessions."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from peerdesk.commands.common import add_journal_argument, open_vault
from peerdesk.exchange.export import (
    ExportPlan,
    LeftOut,
    default_period,
    plan_from_vault,
    remember_export,
    remembered_alias,
    remembered_last_until,
    write_export,
)


def parse_date(text: str) -> dt.date:
    """An argparse `type`: a calendar date written YYYY-MM-DD."""
    try:
        if len(text) != len("YYYY-MM-DD"):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01"
        ) from None


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help="write a de-identified summary of your sessions for the program coordinator",
        description="Write a de-identified summary file (peerdesk.summary v1) of the sessions "
        "in a period whose peer agreed to be counted. Notes, reflections, peer codes and exact "
        "dates are never included. Default period: since the last export, else the last 30 "
        "days, up to today.",
    )
    export.add_argument("--out", metavar="FILE", required=True, type=Path,
                        help="summary file to write (replaced atomically if it exists)")
    export.add_argument("--since", metavar="DATE", type=parse_date,
                        help="first session date to include, YYYY-MM-DD")
    export.add_argument("--until", metavar="DATE", type=parse_date,
                        help="last session date to include, YYYY-MM-DD (default: today)")
    export.add_argument("--alias", metavar="TEXT",
                        help="optional label for you in the file (default: the one used last)")
    add_journal_argument(export)
    export.set_defaults(run=run_export)


def left_out_text(left_out: LeftOut) -> str:
    parts = [
        f"{left_out.no_consent} without consent to be counted",
        f"{left_out.outside_period} outside the period",
        f"{left_out.unsaved_drafts} unsaved draft{'s' if left_out.unsaved_drafts != 1 else ''}",
    ]
    return f"Left out: {', '.join(parts)}."


def summary_text(plan: ExportPlan, out: Path) -> str:
    noun = "record" if plan.record_count == 1 else "records"
    unit = "weeks" if plan.settings.period == "week" else "months"
    return (f"Wrote {plan.record_count} {noun} to {out} "
            f"({unit} {plan.period_from} to {plan.period_to}).")


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser().absolute()
    with open_vault(args) as vault:
        today = dt.date.today()
        until: dt.date = args.until or today
        since: dt.date = args.since or default_period(remembered_last_until(vault), until)[0]
        alias = args.alias if args.alias is not None else remembered_alias(vault)
        plan = plan_from_vault(vault, since, until)
        write_export(plan, out, alias=alias)
        remember_export(vault, plan, alias)
    print(summary_text(plan, out))
    print(left_out_text(plan.left_out))
    return 0
