"""Pausing Python's cyclic garbage collector around bulk work that makes no reference cycles.

Parsing a 10,000-record summary, storing it, or counting 100,000 program records allocates
hundreds of thousands of short-lived containers. With the collector running, they trigger
collections that walk the growing heap again and again, and the survivors get promoted and
walked later by full collections of the whole process, which hold up every thread (the GUI
thread too: 50–170 ms each in the stall benchmark). Reference counting frees all of it anyway.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block (if it was on). The switch is process-wide:
    a thread that turns it back on early only costs speed, never correctness."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
