"""Coordinator rows: import 100,000 summary records, the PDF report over them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.fixtures import PASSPHRASE, scratch_dir, summary_files
from benchmarks.harness import Results, Row, measure, ms, summary
from benchmarks.journal_rows import raw_connect
from peerdesk.exchange.validate import period_month
from peerdesk.program.importer import IMPORT_CACHE_KIB
from peerdesk.vault import Vault

_COLUMNS = (
    "id", "revision", "supporter_id", "export_id", "period", "month", "duration_band", "kind",
    "group_size_band", "contact", "channel", "origin", "behaviours", "persistence",
    "source_relation", "impacts", "risk_flags", "support_given", "referral_types",
    "referral_resources", "next_step", "follow_up_planned", "org_unit", "peer_key",
)
# The same table as migration 0005 (program_record), so the raw insert does equal work.
_RAW_TABLE = (
    "CREATE TABLE program_record (id TEXT PRIMARY KEY, revision INTEGER NOT NULL, "
    "supporter_id TEXT NOT NULL, export_id TEXT NOT NULL, period TEXT NOT NULL, "
    "month TEXT NOT NULL, duration_band TEXT NOT NULL, kind TEXT NOT NULL, group_size_band TEXT, "
    "contact TEXT NOT NULL, channel TEXT NOT NULL, origin TEXT, behaviours TEXT NOT NULL, "
    "persistence TEXT, source_relation TEXT, impacts TEXT NOT NULL, risk_flags TEXT NOT NULL, "
    "support_given TEXT NOT NULL, referral_types TEXT NOT NULL, "
    "referral_resources TEXT NOT NULL, next_step TEXT, follow_up_planned INTEGER NOT NULL, "
    "org_unit TEXT, peer_key TEXT) WITHOUT ROWID;"
    "CREATE INDEX program_record_month ON program_record (month);"
    "CREATE INDEX program_record_supporter ON program_record (supporter_id);"
)
_RAW_INSERT = (f"INSERT INTO program_record ({', '.join(_COLUMNS)}) "
               f"VALUES ({', '.join('?' for _ in _COLUMNS)})")


def _raw_rows(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    supporter, export_id = document["supporter"]["id"], document["export_id"]
    rows = []
    for r in document["records"]:
        rows.append((
            r["id"], r["revision"], supporter, export_id, r["period"], period_month(r["period"]),
            r["duration_band"], r["kind"], r["group_size_band"], r["contact"], r["channel"],
            r["origin"], " ".join(r["behaviours"]), r["persistence"], r["source_relation"],
            " ".join(r["impacts"]), " ".join(r["risk_flags"]), " ".join(r["support_given"]),
            " ".join(r["referral_types"]), " ".join(r["referral_resources"]), r["next_step"],
            int(r["follow_up_planned"]), r["org_unit"], r["peer_key"],
        ))
    return rows


class _Program:
    """A fresh coordinator journal per run (created outside the timing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runs = 0
        self.vault: Vault | None = None
        self.raw: Any = None

    def new_vault(self) -> None:
        self.close()
        self.runs += 1
        self.vault = Vault.create(self.folder / f"program-{self.runs}.peerdesk", PASSPHRASE)

    def new_raw(self) -> None:
        self.close()
        self.runs += 1
        self.raw = raw_connect(self.folder / f"raw-{self.runs}.db")
        # the vault's durability settings, so both sides pay for the same fsyncs, and the page
        # cache the importer gives its connection, so neither re-reads evicted pages
        self.raw.execute("PRAGMA journal_mode = WAL")
        self.raw.execute("PRAGMA synchronous = FULL")
        self.raw.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
        self.raw.executescript(_RAW_TABLE)

    def close(self) -> None:
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        if self.raw is not None:
            self.raw.close()
            self.raw = None
        for leftover in self.folder.glob("*"):
            leftover.unlink()


def import_row(results: Results, repeat: int) -> None:
    from peerdesk.program.importer import import_files

    files = summary_files()
    program = _Program(scratch_dir("import"))
    outcomes: list[int] = []

    def app_import() -> None:
        assert program.vault is not None
        done = import_files(program.vault, files)
        outcomes.append(sum(o.new for o in done if o.accepted))

    def raw_import() -> None:
        conn = program.raw
        conn.execute("BEGIN")
        for path in files:
            conn.executemany(_RAW_INSERT, _raw_rows(json.loads(path.read_bytes())))
        conn.execute("COMMIT")

    try:
        app = measure(app_import, repeat, setup=program.new_vault, warm_up=False)
        raw = measure(raw_import, repeat, setup=program.new_raw, warm_up=False)
    finally:
        program.close()
    ratio = app.median_ms / raw.median_ms
    records = outcomes[-1]
    results.add(Row(
        f"import {records // 1000}k summary records (format v1: pending the v2 importer)",
        "≤ 5 s and ≤ 4 × raw insert",
        summary(app),
        f"median {ms(raw.median_ms)}",
        ratio, app.p95_ms <= 5000 and ratio <= 4 and records == 100_000,
        {"app": app.__dict__, "raw": raw.__dict__, "files": len(files), "records": records,
         "app_path": "peerdesk.program.importer.import_files (what `peerdesk import` and the "
                     "program workspace run): size cap, strict JSON, schema, checksum, taxonomy, "
                     "upsert keeping the highest revision, import log",
         "raw_path": "read + json.loads each file, executemany INSERT into the same "
                     "program_record table (same indexes, WAL, synchronous=FULL, the "
                     "importer's page cache), one commit"},
    ))


def report_row(results: Results, repeat: int) -> None:
    from peerdesk.program.aggregate import ProgramFilter
    from peerdesk.program.importer import import_files
    from peerdesk.program.store import ProgramStore
    from peerdesk.reports import prepare_report
    from peerdesk.reports.pdf_report import write_pdf_report

    folder = scratch_dir("report")
    vault = Vault.create(folder / "program.peerdesk", PASSPHRASE)
    try:
        import_files(vault, summary_files())
        records = ProgramStore(vault).record_count()
        out = folder / "report.pdf"

        def app_report() -> None:
            report = prepare_report(ProgramStore(vault), ProgramFilter(), k=5)
            write_pdf_report(report, out)

        raw_sql = ("SELECT supporter_id, month, kind, contact, channel, behaviours, "
                   "source_relation, risk_flags, support_given, referral_types, next_step, "
                   "follow_up_planned, org_unit, peer_key FROM program_record")

        app = measure(app_report, repeat)
        raw = measure(lambda: vault.connection.execute(raw_sql).fetchall(), repeat)
    finally:
        vault.close()
    results.add(Row(
        f"PDF report over {records // 1000}k records",
        "≤ 3 s",
        summary(app),
        f"median {ms(raw.median_ms)}",
        app.median_ms / raw.median_ms, app.p95_ms <= 3000,
        {"app": app.__dict__, "raw": raw.__dict__, "records": records,
         "app_path": "prepare_report (aggregate + disclosure control) + write_pdf_report "
                     "(what `peerdesk report` and the program workspace run)",
         "raw_path": "SELECT of every column the report counts (no counting, no PDF)"},
    ))


PROGRAM_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    ("import", import_row, 3),
    ("report", report_row, 3),
)
