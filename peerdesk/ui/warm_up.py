"""First-use work done on the unlock worker, so the GUI thread does not do it at unlock.

Importing every workspace (and with them reportlab, jsonschema and the program code) took
~1.4 s the first time, the guides' search index ~0.3 s, and the taxonomy in every language the
search index labels codes in ~25 ms; all are cached once done. Only
imports and plain-Python loading happen here: no widget, no Qt object is made off the GUI
thread.
"""

from __future__ import annotations

import importlib

from peerdesk.guides import load_library
from peerdesk.guides.search import search_index
from peerdesk.journal.search_labels import indexed_label_maps
from peerdesk.taxonomy import default_taxonomy, localized_taxonomy

# Imported only when first used, inside functions: worth loading before that use too.
_LATER_IMPORTS = (
    "peerdesk.ui.workspace_list",  # every workspace and Journal-menu action
    "peerdesk.ui.journal.csv_wizard",
)


def warm_up(language: str) -> None:
    """Import the workspaces and load the guides and their index in `language` (the caller
    reads it on the GUI thread: `peerdesk.ui.i18n.current_language()`)."""
    for module in _LATER_IMPORTS:
        importlib.import_module(module)
    search_index(load_library(None, language=language))
    localized_taxonomy(language)
    indexed_label_maps(default_taxonomy())
