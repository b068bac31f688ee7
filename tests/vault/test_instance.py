"""One instance per journal; a crashed instance never blocks the next."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk.vault.instance import AlreadyOpenError, InstanceLock, instance_key, lock_path


def test_second_lock_is_refused_until_released(journal_path: Path) -> None:
    first = InstanceLock(journal_path)
    first.acquire()
    path = lock_path(journal_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == b""  # reveals nothing
    with pytest.raises(AlreadyOpenError, match="already open in another PeerDesk window"):
        InstanceLock(journal_path).acquire()
    first.release()
    with InstanceLock(journal_path) as again:
        assert again.held


def test_other_journals_are_independent(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "a.peerdesk"), InstanceLock(tmp_path / "b.peerdesk"):
        pass


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_lock_of_a_killed_process_is_released(journal_path: Path) -> None:
    code = (
        "import sys, time\nfrom pathlib import Path\n"
        "from peerdesk.vault.instance import InstanceLock\n"
        "InstanceLock(Path(sys.argv[1])).acquire()\nprint('held', flush=True)\ntime.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(journal_path)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyOpenError):
            InstanceLock(journal_path).acquire()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    with InstanceLock(journal_path):
        pass


def test_instance_key_hides_the_path(tmp_path: Path) -> None:
    key = instance_key(tmp_path / "secret-name.peerdesk")
    assert "secret" not in key
    assert key.startswith("peerdesk-")
    assert key == instance_key(tmp_path / "secret-name.peerdesk")
