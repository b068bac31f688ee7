"""Timing helpers: repeat an operation, report median and p95, compare with a baseline."""

from __future__ import annotations

import contextlib
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Timing:
    runs: int
    median_ms: float
    p95_ms: float
    # CPU time of this process (all its threads) per run: on a busy machine the wall-clock
    # figures grow with other people's load, this one much less.
    cpu_median_ms: float | None = None
    samples_ms: tuple[float, ...] = ()

    @classmethod
    def of(cls, samples_s: list[float], cpu_s: list[float] | None = None) -> Timing:
        ordered = sorted(s * 1000 for s in samples_s)
        p95_index = min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))
        cpu = statistics.median(c * 1000 for c in cpu_s) if cpu_s else None
        return cls(len(ordered), statistics.median(ordered), ordered[p95_index], cpu,
                   tuple(round(v, 3) for v in ordered))


def measure(operation: Callable[[], object], repeat: int,
            setup: Callable[[], object] | None = None,
            teardown: Callable[[], object] | None = None, warm_up: bool = True) -> Timing:
    """Run `operation` `repeat` times (after one warm-up), timing only the operation;
    `setup` runs before and `teardown` after each run, outside the timing."""
    samples = []
    cpu = []
    for run in range(repeat + (1 if warm_up else 0)):
        if setup is not None:
            setup()
        cpu_start = time.process_time()
        start = time.perf_counter()
        operation()
        elapsed = time.perf_counter() - start
        cpu_elapsed = time.process_time() - cpu_start
        if teardown is not None:
            teardown()
        if run or not warm_up:
            samples.append(elapsed)
            cpu.append(cpu_elapsed)
    return Timing.of(samples, cpu)


def interleaved(app: Callable[[], object], raw: Callable[[], object], repeat: int,
                teardown: Callable[[], object] | None = None) -> tuple[Timing, Timing]:
    """Time `app` and `raw` in alternating rounds (after one warm-up round each), swapping
    which goes first every round, so a drift of the machine's load lands on both sides."""
    samples: dict[str, list[float]] = {"app": [], "raw": []}
    cpu: dict[str, list[float]] = {"app": [], "raw": []}
    sides = {"app": app, "raw": raw}
    for run in range(repeat + 1):
        order = ("app", "raw") if run % 2 == 0 else ("raw", "app")
        for side in order:
            cpu_start = time.process_time()
            start = time.perf_counter()
            sides[side]()
            elapsed = time.perf_counter() - start
            cpu_elapsed = time.process_time() - cpu_start
            if teardown is not None:
                teardown()
            if run:
                samples[side].append(elapsed)
                cpu[side].append(cpu_elapsed)
    return (Timing.of(samples["app"], cpu["app"]), Timing.of(samples["raw"], cpu["raw"]))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def summary(t: Timing, lead: str = "median") -> str:
    """"median 12.0 ms (p95 15.1 ms, cpu 11.2 ms)", or led by p95."""
    first, second = (("median", t.median_ms), ("p95", t.p95_ms))[:: 1 if lead == "median" else -1]
    cpu = f", cpu {ms(t.cpu_median_ms)}" if t.cpu_median_ms is not None else ""
    return f"{first[0]} {ms(first[1])} ({second[0]} {ms(second[1])}{cpu})"


@dataclass
class Row:
    operation: str
    budget: str
    measured: str
    baseline: str
    ratio: float | None
    passed: bool
    details: dict[str, object] = field(default_factory=dict)


def reset_peak_rss() -> None:
    """Start this process's peak-RSS count (VmHWM) afresh (Linux: clear_refs 5)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_rss_mb() -> float:
    """This process's peak RSS since the last `reset_peak_rss` (0 when unknown)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        # rows measured in this process: its peak since the row started (GUI rows bring
        # their subprocess's own)
        row.details.setdefault("peak_rss_mb", round(peak_rss_mb(), 1))
        self.rows.append(row)
        mark = "ok  " if row.passed else "MISS"
        ratio = f"  ×{row.ratio:.2f}" if row.ratio is not None else ""
        print(f"[{mark}] {row.operation}: {row.measured} (baseline {row.baseline}{ratio}; "
              f"budget {row.budget}; peak RSS {row.details['peak_rss_mb']:.0f} MB)", flush=True)

    def table(self) -> str:
        headers = ("operation", "measured", "baseline", "ratio", "budget", "peak RSS",
                   "result")
        lines = [
            (r.operation, r.measured.splitlines()[0][:100], r.baseline,
             f"{r.ratio:.2f}" if r.ratio is not None else "–", r.budget,
             f"{r.details['peak_rss_mb']:.0f} MB" if "peak_rss_mb" in r.details else "–",
             "ok" if r.passed else "MISS")
            for r in self.rows
        ]
        widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
        out = [" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
        out.append("-+-".join("-" * w for w in widths))
        out += [" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True))
                for line in lines]
        return "\n".join(out)

    def write(self, path: Path, machine: dict[str, object]) -> None:
        payload = {"machine": machine, "rows": [asdict(r) for r in self.rows]}
        path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
