"""The list loader: jobs run off the GUI thread, answers arrive on it, older ones never."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from peerdesk.journal.repository import SessionRepository
from peerdesk.ui.journal.list_loader import ListLoader
from peerdesk.vault import Vault


def test_answers_arrive_on_the_gui_thread_for_the_newest_generation_only(
        qtbot: QtBot, vault: Vault) -> None:
    loader = ListLoader(vault)
    try:
        arrived: list[tuple[int, object, int]] = []
        loader.arrived.connect(lambda generation, outcome: arrived.append(
            (generation, outcome, threading.get_ident())))
        old = loader.new_generation()
        ran_on: list[int] = []

        def job(repo: SessionRepository) -> str:
            ran_on.append(threading.get_ident())
            return "old"

        loader.submit(old, job)
        new = loader.new_generation()  # the user typed on before the answer was shown
        with qtbot.waitSignal(loader.arrived):
            loader.submit(new, lambda repo: repo.count())
        assert arrived == [(new, 0, threading.get_ident())]
        assert all(ident == loader.worker_thread_id for ident in ran_on)
    finally:
        loader.stop()
