"""Coordinator rows: import signed summaries (ten supporters' long histories; a year from 500
supporters, issue #17), the PDF report over them."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.fixtures import PASSPHRASE, scratch_dir, summary_files, year_summary_files
from benchmarks.harness import Results, Row, interleaved, ms, summary
from benchmarks.journal_rows import raw_connect
from peerdesk.vault import Vault

# The same tables as migration 0007 (program_month, program_people), so the raw insert does
# equal work.
_RAW_TABLE = (
    "CREATE TABLE program_month (supporter_id TEXT NOT NULL, month TEXT NOT NULL, "
    "sequence INTEGER NOT NULL, contacts INTEGER NOT NULL, follow_up_planned INTEGER NOT NULL, "
    "with_referral INTEGER NOT NULL, with_risk INTEGER NOT NULL, counts TEXT NOT NULL, "
    "PRIMARY KEY (supporter_id, month)) WITHOUT ROWID;"
    "CREATE INDEX program_month_by_month ON program_month (month);"
    "CREATE TABLE program_people (supporter_id TEXT NOT NULL, period TEXT NOT NULL, "
    "sequence INTEGER NOT NULL, people INTEGER NOT NULL, people_repeat INTEGER NOT NULL, "
    "people_formal INTEGER NOT NULL, PRIMARY KEY (supporter_id, period)) WITHOUT ROWID;"
)
_RAW_INSERT = "INSERT INTO program_month VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_RAW_INSERT_PEOPLE = "INSERT INTO program_people VALUES (?, ?, ?, ?, ?, ?)"


def _raw_rows(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    supporter, sequence = document["supporter"]["id"], document["sequence"]
    return [(supporter, m["month"], sequence, m["contacts"], m["follow_up_planned"],
             m["with_referral"], m["with_risk"], json.dumps(m["counts"], sort_keys=True))
            for m in document["months"]]


def _raw_people_rows(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    supporter, sequence = document["supporter"]["id"], document["sequence"]
    return [(supporter, p["period"], sequence, p["people"], p["people_repeat"],
             p["people_formal"]) for p in document["people"]]


def _raw_import(conn: Any, files: list[Path]) -> None:
    # the least work: one transaction for every file (the importer commits after every group
    # of 16 files and at least every 20 ms, so it pays for more commits than this)
    conn.execute("BEGIN")
    for path in files:
        document = json.loads(path.read_bytes())
        conn.executemany(_RAW_INSERT, _raw_rows(document))
        conn.executemany(_RAW_INSERT_PEOPLE, _raw_people_rows(document))
    conn.execute("COMMIT")


class _Program:
    """A fresh coordinator journal per run (created outside the timing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runs = 0
        self.vault: Vault | None = None
        self.raw: Any = None

    def new_vault(self) -> None:
        self.close()
        self._open_vault()

    def new_raw(self) -> None:
        self.close()
        self._open_raw()

    def new_both(self) -> None:
        """A fresh coordinator journal and a fresh raw database, side by side."""
        self.close()
        self._open_vault()
        self._open_raw()

    def _open_vault(self) -> None:
        self.runs += 1
        self.vault = Vault.create(self.folder / f"program-{self.runs}.peerdesk", PASSPHRASE)

    def _open_raw(self) -> None:
        self.runs += 1
        self.raw = raw_connect(self.folder / f"raw-{self.runs}.db")
        # the vault's durability settings, so both sides pay for the same fsyncs
        self.raw.execute("PRAGMA journal_mode = WAL")
        self.raw.execute("PRAGMA synchronous = FULL")
        self.raw.executescript(_RAW_TABLE)

    def close(self) -> None:
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        if self.raw is not None:
            self.raw.close()
            self.raw = None
        for leftover in self.folder.glob("*"):
            if leftover.is_dir():  # a journal folder (Vault.create's default)
                shutil.rmtree(leftover)
            else:
                leftover.unlink()


def _import_row(files: Callable[[], list[Path]], folder: str, budget_ms: int,
                operation: Callable[[int, int], str], *, p95: bool = False,
                ) -> Callable[[Results, int], None]:
    """A row importing `files()` as `peerdesk import FILES --accept-new-keys` does, each round
    on a fresh coordinator journal (and a fresh raw database), app and raw interleaved; within
    budget when the median (or the p95) is at most `budget_ms`."""

    def run(results: Results, repeat: int) -> None:
        from peerdesk.program.importer import Enrolment, import_files

        paths = files()
        program = _Program(scratch_dir(folder))
        months: list[int] = []

        def app_import() -> None:
            assert program.vault is not None
            done = import_files(program.vault, paths, enrolment=Enrolment(accept_new=True))
            if not all(o.accepted for o in done):
                raise AssertionError(next(o.summary_line for o in done if not o.accepted))
            months.append(sum(len(o.months_replaced) for o in done))

        try:
            program.new_both()
            # made outside the timing, after every round
            app, raw = interleaved(app_import, lambda: _raw_import(program.raw, paths), repeat,
                                   teardown=program.new_both)
        finally:
            program.close()
        ratio = app.median_ms / raw.median_ms
        measured = app.p95_ms if p95 else app.median_ms
        results.add(Row(
            operation(len(paths), months[-1]),
            f"≤ {budget_ms / 1000:g} s",
            summary(app),
            f"median {ms(raw.median_ms)}",
            ratio, measured <= budget_ms,
            {"app": app.__dict__, "raw": raw.__dict__, "files": len(paths),
             "months": months[-1],
             "app_path": "peerdesk.program.importer.import_files with new keys accepted (what "
                         "`peerdesk import --accept-new-keys` and the program workspace run): "
                         "size cap, strict JSON, schema, signature, enrolment, figures that add "
                         "up, replace by sequence, import log; files checked 16 at a time with "
                         "the write lock free, then written (a commit per group, and at "
                         "least every 20 ms)",
             "raw_path": "read + json.loads each file, executemany INSERT into the same "
                         "program_month and program_people tables (WAL, synchronous=FULL), "
                         "one transaction for all files"},
        ))

    return run


def report_row(results: Results, repeat: int) -> None:
    from peerdesk.program.cell_secret import cell_key_secret
    from peerdesk.program.importer import Enrolment, import_files
    from peerdesk.program.report import ProgramFilter, prepare_report
    from peerdesk.program.store import ProgramStore
    from peerdesk.reports.pdf_report import write_pdf_report

    folder = scratch_dir("report")
    vault = Vault.create(folder / "program.peerdesk", PASSPHRASE)
    try:
        import_files(vault, summary_files(), enrolment=Enrolment(accept_new=True))
        contacts = sum(f.contacts for f in ProgramStore(vault).month_figures())
        out = folder / "report.pdf"

        def app_report() -> None:
            report = prepare_report(ProgramStore(vault), ProgramFilter(), k=5,
                                    secret=cell_key_secret(vault))
            write_pdf_report(report, out)

        raw_sql = "SELECT * FROM program_month"

        app, raw = interleaved(app_report,
                               lambda: vault.connection.execute(raw_sql).fetchall(), repeat)
    finally:
        vault.close()
    results.add(Row(
        f"PDF report over {contacts // 1000}k contacts",
        "≤ 3 s",
        summary(app),
        f"median {ms(raw.median_ms)}",
        app.median_ms / raw.median_ms, app.p95_ms <= 3000,
        {"app": app.__dict__, "raw": raw.__dict__, "contacts": contacts,
         "app_path": "prepare_report (aggregate + disclosure control) + write_pdf_report "
                     "(what `peerdesk report` and the program workspace run)",
         "raw_path": "SELECT of every stored month (no counting, no PDF)"},
    ))


PROGRAM_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    ("import", _import_row(summary_files, "import", 1000, lambda files, months:
                           f"import {files} supporters' summaries ({months} months)",
                           p95=True), 3),
    ("import_year", _import_row(year_summary_files, "import-year", 2000, lambda files, months:
                                f"import a year from {files} supporters ({months} months, "
                                "summary v2)"), 5),
    ("report", report_row, 3),
)
