"""Turns of the event loop: a timer runs between two steps, as input and paints do."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import QObject, QTimer

from peerdesk.ui.turns import in_turns, next_turn


def _ticker(qtbot) -> tuple[QTimer, list[int]]:
    ticks = [0]
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    return timer, ticks


def _work(seconds: float = 0.003) -> None:
    """A step's work: long enough for the 1 ms ticker to fall due meanwhile."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        pass


def test_a_timer_runs_between_two_turns(qtbot) -> None:
    owner = QObject()
    timer, ticks = _ticker(qtbot)
    seen: list[int] = []

    def first() -> None:
        _work()
        seen.append(ticks[0])
        next_turn(owner, lambda: seen.append(ticks[0]))

    next_turn(owner, first)
    qtbot.waitUntil(lambda: len(seen) == 2)
    timer.stop()
    assert seen[1] > seen[0]  # a zero-delay single shot would run both before any tick


def test_in_turns_runs_each_step_on_its_own_turn_to_the_end(qtbot) -> None:
    owner = QObject()
    timer, ticks = _ticker(qtbot)
    seen: list[int] = []
    ended: list[bool] = []

    def steps() -> Iterator[None]:
        for _ in range(4):
            _work()
            seen.append(ticks[0])
            yield
        ended.append(True)  # what follows the last step runs too

    in_turns(owner, steps())
    qtbot.waitUntil(lambda: bool(ended))
    timer.stop()
    assert len(seen) == 4
    assert all(later > earlier for earlier, later in pairwise(seen))


def test_steps_stop_with_their_owner(qtbot) -> None:
    owner = QObject()
    seen: list[int] = []
    witness = QObject()
    witness_done: list[bool] = []

    def steps() -> Iterator[None]:
        while True:
            seen.append(1)
            yield

    in_turns(owner, steps())
    qtbot.waitUntil(lambda: len(seen) >= 2)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    count = len(seen)
    next_turn(witness, lambda: next_turn(witness, lambda: witness_done.append(True)))
    qtbot.waitUntil(lambda: bool(witness_done))
    assert len(seen) == count


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
