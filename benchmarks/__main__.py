"""`make bench`: build (or reuse) the data, run every row, print the table, write results.json.

`python -m benchmarks [ROW …]` runs only the named rows (see `--list`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from benchmarks.export_rows import EXPORT_ROWS
from benchmarks.fixtures import ROOT, ensure_data
from benchmarks.gui_probe import GUI_ROWS
from benchmarks.harness import Results, Row, reset_peak_rss
from benchmarks.journal_rows import JOURNAL_ROWS
from benchmarks.kdf_rows import KDF_ROWS
from benchmarks.program_rows import PROGRAM_ROWS

ROWS = (*JOURNAL_ROWS, *EXPORT_ROWS, *KDF_ROWS, *PROGRAM_ROWS, *GUI_ROWS)


def machine() -> dict[str, object]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlcipher3
    from PySide6 import __version__ as pyside_version

    return {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "pyside6": pyside_version,
        "sqlite": sqlcipher3.sqlite_version,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("rows", nargs="*", help="run only these rows")
    parser.add_argument("--list", action="store_true", help="list the rows and exit")
    parser.add_argument("--out", type=Path, default=ROOT / "results.json")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(name for name, _, _ in ROWS))
        return 0
    unknown = set(args.rows) - {name for name, _, _ in ROWS}
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    about = machine()
    ensure_data()
    results = Results()
    for name, run, repeat in ROWS:
        if args.rows and name not in args.rows:
            continue
        reset_peak_rss()
        try:
            run(results, repeat)
        except Exception as exc:  # one broken row must not hide the others
            traceback.print_exc()
            results.add(Row(name, "", f"ERROR: {exc}", "", None, False))
    about["run_seconds"] = round(time.perf_counter() - started, 1)
    about["load_average_at_end"] = os.getloadavg()
    print()
    print(results.table())
    print(f"\n{sum(r.passed for r in results.rows)} of {len(results.rows)} rows within budget; "
          f"run took {about['run_seconds']} s; wrote {args.out}")
    results.write(args.out, about)
    # misses are reported, not failures of the run; a row that crashed is
    return 1 if any(r.measured.startswith("ERROR") for r in results.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
