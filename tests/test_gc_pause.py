"""collector_paused: the cyclic collector is off inside the block and as it was after."""

from __future__ import annotations

import gc

import pytest

from peerdesk.gc_pause import collector_paused


def test_paused_inside_and_restored_after_even_on_error() -> None:
    def fail() -> None:
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        fail()
    assert gc.isenabled()


def test_nested_and_already_disabled_are_left_alone() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block did not switch it back on
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
