"""GUI work split over turns of the event loop, so input, paints and timers run in between.

`QTimer.singleShot(0, …)` is not a turn: Qt queues it as a posted event, and the event loop
(glib's on Linux) runs timers only when no posted event is waiting. A chain of zero-delay
steps therefore runs back to back and holds up every timer (debounces, auto-lock's idle
check, animations) until it ends: two 20 ms steps were one 40 ms stall. A 1 ms timer is a
timer, so it waits its turn with the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

NEXT_TURN_MS = 1


def next_turn(owner: QObject, then: Callable[[], object]) -> None:
    """Call `then` on a later turn of the event loop (never if `owner` is destroyed first)."""
    QTimer.singleShot(NEXT_TURN_MS, owner, then)


def in_turns(owner: QObject, steps: Iterator[object]) -> None:
    """Advance `steps` (e.g. a generator doing one piece of work per `yield`) once per turn
    until it ends. Stops with `owner`."""

    def advance() -> None:
        try:
            next(steps)
        except StopIteration:
            return
        next_turn(owner, advance)

    next_turn(owner, advance)
