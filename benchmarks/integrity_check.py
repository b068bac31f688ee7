"""What proving a journal whole costs (issue #16): unlock vs. the full page-HMAC check.

    .venv/bin/python -m benchmarks.integrity_check JOURNAL [JOURNAL ...]

Each journal (made with `peerdesk demo --journal J --sessions N`, passphrase from
PEERDESK_PASSPHRASE) is unlocked and checked `--runs` times; medians are printed. The check is
what the command line runs before a command and the app runs on a worker after unlock.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from peerdesk.vault import Vault
from peerdesk.vault.integrity import page_problems


def measure(journal: Path, passphrase: str, runs: int) -> dict[str, float]:
    unlock: list[float] = []
    check: list[float] = []
    check_cpu: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        vault = Vault.open(journal, passphrase)
        unlock.append(time.perf_counter() - started)
        try:
            connection = vault.connect_another()  # as the app's worker does
            try:
                wall, cpu = time.perf_counter(), time.process_time()
                problems = page_problems(connection)
                check.append(time.perf_counter() - wall)
                check_cpu.append(time.process_time() - cpu)
            finally:
                connection.close()
        finally:
            vault.close()
        if problems:
            raise SystemExit(f"{journal}: {problems[0]}")
    return {"unlock": statistics.median(unlock), "check": statistics.median(check),
            "check_cpu": statistics.median(check_cpu)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journals", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    passphrase = os.environ["PEERDESK_PASSPHRASE"]
    print("| journal | size | unlock (median) | page check (median wall / cpu) |")
    print("|---|---|---|---|")
    for journal in args.journals:
        result = measure(journal, passphrase, args.runs)
        size = (journal / "journal.db" if journal.is_dir() else journal).stat().st_size / 1_000_000
        print(f"| {journal.name} | {size:.0f} MB | {result['unlock'] * 1000:.0f} ms | "
              f"{result['check'] * 1000:.0f} ms / {result['check_cpu'] * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
