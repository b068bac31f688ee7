"""The CLI contract, run as a real subprocess: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk import __version__
from tests.cli_process import assert_one_line_error, peerdesk
from tests.conftest import PASSPHRASE


def test_version() -> None:
    result = peerdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"PeerDesk {__version__}"


@pytest.mark.parametrize("args", [["no-such-command"], ["init", "--bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert_one_line_error(peerdesk(*args), 2)


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`peerdesk check | head -1`: the reader leaves early; no BrokenPipeError traceback."""
    journal = tmp_path / "j"
    assert peerdesk("init", "--journal", str(journal)).returncode == 0
    env = dict(os.environ, PEERDESK_PASSPHRASE=PASSPHRASE)
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: the first write breaks the pipe
    try:
        result = subprocess.run([sys.executable, "-m", "peerdesk", "check", "--journal",
                                 str(journal)], stdout=writer, stderr=subprocess.PIPE,
                                text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
                                check=False)
    finally:
        os.close(writer)
    assert result.returncode == 1
    assert result.stderr == ""


def test_a_huge_value_is_not_echoed_whole() -> None:
    result = peerdesk("demo", "--journal", "x.peerdesk", "--sessions", "9" * 5000)
    assert_one_line_error(result, 2)
    assert len(result.stderr) < 300
    assert "(5002 characters)" in result.stderr  # the quoted value
