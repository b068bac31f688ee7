"""GUI rows, each in a fresh subprocess (offscreen Qt): peak memory and UI-thread stalls.

`python -m benchmarks.gui_probe MODE ARGS…` prints one JSON object on its last line:
- `memory JOURNAL`: the real MainWindow, unlocked through the start screen's unlock signal
  (Vault.open on a worker via run_in_background, then every workspace built), the journal
  list shown and scrolled to the end many times (the model fetches page after page); peak
  RSS (VmHWM). `memory-baseline` shows the locked window only.
- `stall JOURNAL FILE…`: the program workspace imports the files (`import_paths`, through
  run_in_background, then its refresh and results dialog, until the new figures are shown)
  once the unlocked window has settled, then builds the PDF
  (`export_pdf`); a QTimer ticking every 5 ms records the longest gap between ticks.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.fixtures import PASSPHRASE, WORK, journal_path, scratch_dir, summary_files
from benchmarks.harness import Results, Row, ms

TICK_MS = 5
SCROLLS = 60  # 60 scrolls to the end × a 200-row page: 12,000 rows loaded


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mb() -> float:
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across execve, so a probe started by a
    # large parent would report the parent's peak.
    hwm = _status_mb("VmHWM")
    return hwm or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_now_mb() -> float:
    return _status_mb("VmRSS")


def _wait(app: Any, done: Callable[[], bool], timeout_s: float = 120) -> None:
    """Run Qt's own event loop (as the app does) until `done()`, checking every 10 ms. A
    Python loop of processEvents() and sleep() would take and give back the interpreter lock
    several times a turn, adding waits for it that the real event loop does not have."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timed_out: list[bool] = []

    def check() -> None:
        if done():
            loop.quit()
        elif time.monotonic() > deadline:
            timed_out.append(True)
            loop.quit()

    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(check)
    poll.start()
    if not done():
        loop.exec()
    poll.stop()
    if timed_out:
        raise TimeoutError("the GUI did not finish in time")


def _window(journal: Path) -> tuple[Any, Any]:
    from peerdesk.ui.app import create_application
    from peerdesk.ui.main_window import MainWindow

    app = create_application(["peerdesk-bench"])
    window = MainWindow(journal)
    window.show()
    for _ in range(5):
        app.processEvents()
    return app, window


def _unlock(app: Any, window: Any) -> float:
    start = time.perf_counter()
    window.start.unlock_page.unlock_requested.emit(PASSPHRASE)
    _wait(app, lambda: window.is_unlocked)
    return time.perf_counter() - start


def probe_memory(journal: Path, baseline: bool) -> dict[str, Any]:
    app, window = _window(journal)
    if baseline:
        return {"peak_rss_mb": _peak_rss_mb(), "rss_now_mb": _rss_now_mb()}
    unlock_s = _unlock(app, window)
    window.shell.show_workspace("journal")
    workspace = next(w for w in window.shell.workspaces if w.workspace_id == "journal")
    for _ in range(5):
        app.processEvents()
    table = workspace.table
    for _ in range(SCROLLS):
        table.scrollToBottom()
        app.processEvents()
    rows = workspace.model.rowCount()
    result = {"peak_rss_mb": _peak_rss_mb(), "rss_now_mb": _rss_now_mb(), "rows_loaded": rows,
              "total": workspace.model.total, "unlock_to_list_s": unlock_s}
    window.lock()
    return result


def probe_stall(journal: Path, files: list[Path], report: Path) -> dict[str, Any]:
    from PySide6.QtCore import QTimer

    app, window = _window(journal)
    _unlock(app, window)
    window.shell.show_workspace("program")
    workspace = next(w for w in window.shell.workspaces if w.workspace_id == "program")
    for _ in range(5):
        app.processEvents()
    _wait(app, lambda: not workspace.refreshing)  # the window has settled after unlock

    phase = ["idle"]
    gaps: dict[str, float] = {}
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gap = now - last[0]
        last[0] = now
        gaps[phase[0]] = max(gaps.get(phase[0], 0.0), gap)

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    finished: list[str] = []
    workspace.import_finished.connect(lambda _o: finished.append("import"))
    workspace.report_written.connect(lambda _k, _p: finished.append("report"))
    workspace.report_failed.connect(lambda text: finished.append(f"failed: {text}"))

    start = time.perf_counter()
    last[0] = start
    phase[0] = "import"
    workspace.import_paths(files)
    # then the dashboard's refresh (counted off the GUI thread, shown on it) belongs to it too
    _wait(app, lambda: "import" in finished and not workspace.refreshing, 300)
    import_s = time.perf_counter() - start
    if workspace.results_dialog is not None:
        workspace.results_dialog.close()
    app.processEvents()
    phase[0] = "report"
    start_report = time.perf_counter()
    last[0] = start_report
    workspace.export_pdf(report)
    _wait(app, lambda: len(finished) > 1, 300)
    report_s = time.perf_counter() - start_report
    timer.stop()
    result = {"max_gap_ms": {k: v * 1000 for k, v in gaps.items()}, "import_s": import_s,
              "report_s": report_s, "finished": finished}
    window.lock()
    return result


# -- the rows (parent process) ------------------------------------------------------------------

def _run(*args: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    home = WORK / "scratch" / "home"
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                             ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[variable] = str(home / folder)
    done = subprocess.run([sys.executable, "-m", "benchmarks.gui_probe", *args], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"gui probe {args[0]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def memory_row(results: Results, repeat: int) -> None:
    folder = scratch_dir("gui-memory")
    journal = folder / "journal.peerdesk"
    shutil.copyfile(journal_path(100_000), journal)  # the app may write settings, backups
    peaks: list[float] = []
    details: dict[str, Any] = {}
    for _ in range(repeat):
        details = _run("memory", str(journal))
        peaks.append(float(details["peak_rss_mb"]))
    base = _run("memory-baseline", str(journal))
    peak = max(peaks)
    results.add(Row(
        "peak memory, 100k sessions open in the GUI",
        "≤ 300 MB RSS",
        f"{peak:.0f} MB",
        f"{base['peak_rss_mb']:.0f} MB (locked window)",
        peak / float(base["peak_rss_mb"]), peak <= 300,
        {"peak_rss_mb_runs": peaks, "baseline_rss_mb": base["peak_rss_mb"],
         "rss_after_scrolling_mb": details["rss_now_mb"],
         "baseline_rss_now_mb": base["rss_now_mb"], "rows_loaded": details["rows_loaded"],
         "unlock_to_list_s": details["unlock_to_list_s"],
         "app_path": f"MainWindow offscreen, unlock through the start screen, journal list "
                     f"shown, scrolled to the end {SCROLLS} times; peak RSS (VmHWM)",
         "raw_path": "the same MainWindow, locked (Python + Qt + PeerDesk start screen)"},
    ))


def stall_row(results: Results, repeat: int) -> None:
    runs: list[dict[str, Any]] = []
    for run in range(repeat):
        folder = scratch_dir(f"gui-stall-{run}")
        from peerdesk.vault import Vault

        Vault.create(folder / "program.peerdesk", PASSPHRASE).close()
        runs.append(_run("stall", str(folder / "program.peerdesk"), str(folder / "report.pdf"),
                         *(str(p) for p in summary_files())))
    worst = max(max(r["max_gap_ms"]["import"], r["max_gap_ms"]["report"]) for r in runs)
    by_phase = {phase: max(r["max_gap_ms"][phase] for r in runs) for phase in ("import", "report")}
    results.add(Row(
        "longest UI-thread stall during import and report",
        "≤ 100 ms",
        f"{ms(worst)} (import {ms(by_phase['import'])}, report {ms(by_phase['report'])})",
        f"{TICK_MS} ms timer",
        None, worst <= 100,
        {"runs": runs,
         "app_path": "ProgramWorkspace.import_paths (run_in_background, then its refresh and "
                     "results dialog on the GUI thread) then export_pdf, 100k records; a 5 ms "
                     "QTimer records the longest gap between ticks"},
    ))


GUI_ROWS: tuple[tuple[str, Callable[[Results, int], None], int], ...] = (
    ("memory", memory_row, 1),
    ("stall", stall_row, 1),
)


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode in ("memory", "memory-baseline"):
        result = probe_memory(Path(argv[1]), baseline=mode == "memory-baseline")
    elif mode == "stall":
        result = probe_stall(Path(argv[1]), [Path(p) for p in argv[3:]], Path(argv[2]))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    print(json.dumps(result), flush=True)
    sys.stderr.flush()
    # PySide6 can crash while tearing down at interpreter exit; the result is out already.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
