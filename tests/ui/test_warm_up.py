"""The unlock worker's head start: workspaces imported, guides and their index loaded."""

from __future__ import annotations

import threading

from peerdesk.guides import loader
from peerdesk.guides import search as guide_search
from peerdesk.ui.warm_up import warm_up


def test_warm_up_builds_the_guides_index_off_the_gui_thread() -> None:
    loader._cached.cache_clear()
    guide_search._index_for.cache_clear()
    worker = threading.Thread(target=warm_up, args=("es",))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    library = loader.load_library(None, language="es")
    assert loader._cached.cache_info().hits >= 1  # loaded by the worker, reused here
    assert guide_search._index_for.cache_info().currsize == 1
    before = guide_search._index_for.cache_info().hits
    guide_search.search_index(library)
    assert guide_search._index_for.cache_info().hits == before + 1  # not built again
