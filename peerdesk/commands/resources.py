"""`peerdesk resources export|import`: share the referral directory as a resource pack."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from peerdesk.commands.common import add_journal_argument, open_vault
from peerdesk.errors import PeerDeskError, UsageError
from peerdesk.referrals import (
    ImportResult,
    Resolution,
    ResourceRepository,
    read_pack,
    write_pack,
)
from peerdesk.taxonomy import default_taxonomy
from peerdesk.translation import msg


def register(subparsers: Any) -> None:
    resources = subparsers.add_parser(
        "resources", help="export or import the referral directory as a resource pack")
    actions = resources.add_subparsers(dest="resources_command", metavar="ACTION")
    resources.set_defaults(run=_missing_action)

    export = actions.add_parser("export", help="write the directory (or part of it) to a pack")
    export.add_argument("--out", metavar="FILE", required=True, help="pack file to write")
    export.add_argument("--name", metavar="NAME",
                        help="pack name, shown as the origin of each entry after import "
                             "(default: 'Resource pack YYYY-MM-DD')")
    export.add_argument("--id", metavar="ID", action="append", dest="ids",
                        help="export only this entry (repeat for several)")
    export.add_argument("--type", metavar="CODE", action="append", dest="types",
                        help="export only entries of this type (repeat for several)")
    add_journal_argument(export)
    export.set_defaults(run=run_export)

    imp = actions.add_parser("import", help="bring a pack into the directory")
    imp.add_argument("file", metavar="FILE", help="pack file to read")
    imp.add_argument("--take-pack", action="store_true",
                     help="where you edited an entry and the pack changed it too, use the "
                          "pack's version (default: keep yours and report the conflict)")
    imp.add_argument("--dry-run", action="store_true",
                     help="only report what would change; write nothing")
    add_journal_argument(imp)
    imp.set_defaults(run=run_import)


def _missing_action(args: argparse.Namespace) -> int:
    raise UsageError(msg("choose an action: 'resources export --out FILE' or 'resources import "
                         "FILE'"))


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    taxonomy_field = default_taxonomy().field("referral_type")
    for code in args.types or ():
        if not taxonomy_field.has(code):
            raise UsageError(msg("unknown type {type}; use one of: {types}", type=repr(code),
                                 types=", ".join(taxonomy_field.codes())))
    name = args.name or f"Resource pack {dt.date.today().isoformat()}"
    with open_vault(args) as vault:
        repository = ResourceRepository(vault)
        if args.ids:
            found = repository.get_many(args.ids)
            missing = [i for i in args.ids if i not in found]
            if missing:
                raise PeerDeskError(msg(
                    "The directory has no entry with id {id}. Nothing was written; check the "
                    "ids (they are shown in the directory's detail pane).", id=repr(missing[0]),
                ))
            chosen = list(found.values())
        else:
            chosen = repository.all()
        if args.types:
            chosen = [r for r in chosen if r.type in args.types]
    if not chosen:
        raise PeerDeskError(msg("There are no directory entries to export, so no pack was "
                                "written. Add entries or change the selection."))
    count = write_pack(out, name, chosen)
    print(f"Wrote {count} {'entry' if count == 1 else 'entries'} to {out} as pack '{name}'.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    pack = read_pack(Path(args.file).expanduser())  # validated before the journal is opened
    with open_vault(args) as vault:
        repository = ResourceRepository(vault)
        if args.dry_run:
            result = repository.plan_import(pack)
        else:
            result = repository.import_pack(
                pack, default=Resolution.TAKE if args.take_pack else None)
    print(describe_result(result, dry_run=args.dry_run))
    return 0


def describe_result(result: ImportResult, *, dry_run: bool = False) -> str:
    verb = "Would import" if dry_run else "Imported"
    lines = [
        f"{verb} pack '{result.pack_name}': {len(result.new)} new, {len(result.updated)} "
        f"updated, {len(result.unchanged)} unchanged, {len(result.conflicts)} "
        f"{'conflict' if len(result.conflicts) == 1 else 'conflicts'}."
    ]
    taken = set(result.taken)
    for conflict in result.conflicts:
        local = conflict.local
        if local.id in taken:
            lines.append(f"  conflict {local.id} '{local.name}': took the pack's version "
                         "(your edits were replaced)")
        else:
            lines.append(f"  conflict {local.id} '{local.name}': kept your edited version")
    if result.unresolved and not dry_run:
        lines.append("Run again with --take-pack to replace your edited entries with the pack's "
                     "versions, or choose per entry in the app (Directory ▸ Import pack).")
    return "\n".join(lines)
