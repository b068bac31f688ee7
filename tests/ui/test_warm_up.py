"""The unlock worker's head start: workspaces imported, guides and their index loaded."""

from __future__ import annotations

import threading

from peerdesk.guides import loader
from peerdesk.guides import search as guide_search
from peerdesk.ui.warm_up import warm_up


def _warm_up_on_a_worker(language: str) -> None:
    """As the unlock worker does it: on a thread of its own, to the end."""
    worker = threading.Thread(target=warm_up, args=(language,))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()


def test_warm_up_builds_the_guides_index_off_the_gui_thread() -> None:
    loader._cached.cache_clear()
    guide_search._index_for.cache_clear()
    _warm_up_on_a_worker("es")
    library = loader.load_library(None, language="es")
    assert loader._cached.cache_info().hits >= 1  # loaded by the worker, reused here
    assert guide_search._index_for.cache_info().currsize == 1
    before = guide_search._index_for.cache_info().hits
    guide_search.search_index(library)
    assert guide_search._index_for.cache_info().hits == before + 1  # not built again


def test_warm_up_loads_the_taxonomy_labels_a_journal_list_needs() -> None:
    """Opening the journal reads the taxonomy in every indexed language: the worker did it."""
    from peerdesk import taxonomy
    from peerdesk.journal import search_labels

    taxonomy.localized_taxonomy.cache_clear()
    search_labels._translated_maps.cache_clear()
    _warm_up_on_a_worker("es")
    loaded = taxonomy.localized_taxonomy.cache_info().misses
    search_labels.indexed_label_maps(taxonomy.default_taxonomy())
    taxonomy.localized_taxonomy("es")
    assert taxonomy.localized_taxonomy.cache_info().misses == loaded  # nothing parsed again
