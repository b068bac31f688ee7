"""No network: the main flows run with every way of opening a socket forbidden."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import NoReturn

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.test_no_plaintext import run_main_flows

attempts: list[str] = []


def _forbidden(name: str) -> object:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        attempts.append(name)
        raise OSError(f"network access attempted: {name}{args!r}")

    return refuse


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts.clear()

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            attempts.append("socket.socket")
            raise OSError("network access attempted: socket.socket")

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "socketpair", "create_server", "fromfd"):
        monkeypatch.setattr(socket, name, _forbidden(name))
    return attempts


def test_the_guard_really_blocks(no_sockets: list[str]) -> None:
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.org", 443))
    with pytest.raises(OSError, match="network access attempted"):
        socket.socket()
    assert no_sockets == ["create_connection", "socket.socket"]


@pytest.mark.slow
def test_main_flows_never_open_a_socket(qtbot: QtBot, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        no_sockets: list[str]) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    files = run_main_flows(tmp_path, qtbot, file_safety=False)
    assert (files["out"] / "report.pdf").stat().st_size > 0
    assert no_sockets == []
