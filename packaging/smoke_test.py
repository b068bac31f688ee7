"""Smoke-test a packaged PeerDesk: `python packaging/smoke_test.py dist/peerdesk/peerdesk`.

1. `--version` answers.
2. The window opens offscreen on a new journal and quits.
3. Where `xvfb-run` is installed, the window opens through Qt's X11 (xcb) plugin — the one a
   Linux user gets — on a demo journal, and quits.

Every run works in its own temporary folder (HOME, XDG folders, TMPDIR, the journal), removed
afterwards, so nothing of the user's is read or written and nothing is left behind. A Qt
warning that a plugin or library could not be loaded fails the test. Then the bundle's size is
printed. Exit status 0 when every check passed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

TIMEOUT_SECONDS = 180
# Lines Qt or the dynamic loader print when part of the bundle is broken.
BROKEN_MARKERS = (
    "cannot open shared object file",
    "Could not load the Qt platform plugin",
    "Could not find the Qt platform plugin",
    "Cannot load library",
    "Failed to load",
    "undefined symbol",
)


def isolated_environment(home: Path, platform: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PEERDESK_", "XDG_", "QT_"))}
    env.update(
        HOME=str(home), TMPDIR=str(home), XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home), QT_QPA_PLATFORM=platform,
        PEERDESK_JOURNAL=str(home / "smoke.peerdesk"),
    )
    return env


def run_step(title: str, command: Sequence[str], env: dict[str, str]) -> str | None:
    """Run one check; return None when it passed, else what went wrong."""
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True,  # noqa: S603
                                timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return f"{title}: did not finish within {TIMEOUT_SECONDS} s"
    output = result.stdout + result.stderr
    if result.returncode != 0:
        return f"{title}: exit status {result.returncode}\n{output.strip()}"
    broken = [line for line in output.splitlines() if any(m in line for m in BROKEN_MARKERS)]
    if broken:
        return f"{title}: the bundle is incomplete\n" + "\n".join(broken)
    print(f"ok  {title}")
    return None


def bundle_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("usage: smoke_test.py PATH/TO/peerdesk", file=sys.stderr)
        return 2
    executable = Path(argv[1]).resolve()
    if not executable.is_file():
        print(f"smoke_test: {executable} does not exist; build it first (make package)",
              file=sys.stderr)
        return 1
    steps: list[tuple[str, list[str], str]] = [
        ("--version", [str(executable), "--version"], "offscreen"),
        ("opens offscreen on a new journal", [str(executable), "--smoke-test"], "offscreen"),
    ]
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run:
        steps.append(("opens through X11 (xcb) under Xvfb on a demo journal",
                      [xvfb_run, "-a", str(executable), "--demo", "--smoke-test"], "xcb"))
    else:
        print("--  skipped the X11 check: xvfb-run is not installed (apt-get install xvfb)")
    failures = []
    for title, command, platform in steps:
        with tempfile.TemporaryDirectory(prefix="peerdesk-smoke-") as home:
            problem = run_step(title, command, isolated_environment(Path(home), platform))
        if problem:
            failures.append(problem)
    if executable.parent.name == executable.name:  # a one-folder build: report the folder
        size, count = bundle_size(executable.parent)
        print(f"size: {size / 1_000_000:.0f} MB in {count} files ({executable.parent})")
    else:
        print(f"size: {executable.stat().st_size / 1_000_000:.0f} MB, one file ({executable})")
    for problem in failures:
        print(f"FAILED {problem}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
