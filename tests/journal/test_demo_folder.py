"""The demo's throwaway folder: held while it runs, swept when its demo was killed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk.journal.demo_folder import DEMO_PREFIX, DemoFolder, sweep_stale_demo_folders


def test_a_running_demo_is_kept_and_a_dead_one_is_swept(tmp_path: Path) -> None:
    running = DemoFolder(tmp_path)
    (running.path / "demo.peerdesk").write_bytes(b"x")
    # A demo killed with -9: its folder is there, nobody holds its lock.
    killed = subprocess.run(
        [sys.executable, "-c", "import sys, os; from pathlib import Path; "
         "from peerdesk.journal.demo_folder import DemoFolder; "
         f"d = DemoFolder(Path({str(tmp_path)!r})); (d.path / 'demo.peerdesk').write_bytes(b'y'); "
         "print(d.path); sys.stdout.flush(); os._exit(9)"],
        capture_output=True, text=True, check=False)
    dead = Path(killed.stdout.strip())
    assert dead.is_dir()
    assert dead.name.startswith(DEMO_PREFIX)
    other = tmp_path / "unrelated"
    other.mkdir()
    assert sweep_stale_demo_folders(tmp_path) == [dead]
    assert not dead.exists()
    assert (running.path / "demo.peerdesk").exists()
    assert other.exists()
    running.remove()
    assert not running.path.exists()
    running.remove()  # twice is fine


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM on Windows")
@pytest.mark.parametrize("how", ["SIGTERM"])  # SIGINT: same handler, tests/ui/test_app.py
def test_the_demo_app_removes_its_journal_when_terminated(tmp_path: Path, how: str) -> None:
    import signal
    import time

    env = dict(os.environ, TMPDIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen([sys.executable, "-m", "peerdesk", "--demo"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        # The window shows once the journal is filled; until then wait for the folder.
        while time.monotonic() < deadline:
            folders = [p for p in tmp_path.iterdir() if p.name.startswith(DEMO_PREFIX)]
            if folders and (folders[0] / "demo.peerdesk").exists():
                break
            assert app.poll() is None, app.communicate()
            time.sleep(0.1)  # polling another process's files, not waiting for Qt
        else:
            pytest.fail("the demo did not start")
        app.send_signal(getattr(signal, how))
        _, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(DEMO_PREFIX)]
