"""Running `python -m peerdesk` as a real subprocess, and the one-line error contract."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PASSPHRASE


def peerdesk(*args: str, passphrase: str | None = PASSPHRASE,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.pop("PEERDESK_PASSPHRASE", None)
    if passphrase is not None:
        full_env["PEERDESK_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "peerdesk", *args], capture_output=True,
                          text=True, env=full_env, stdin=subprocess.DEVNULL, timeout=60,
                          check=False)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("peerdesk: ")
