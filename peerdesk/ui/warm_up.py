"""First-use work done ahead of unlock, so the GUI thread does not do it while unlocking.

`warm_up` runs on the unlock worker: importing every workspace (and with them reportlab,
jsonschema and the program code) took ~1.4 s the first time, the guides' search index ~0.3 s,
and the taxonomy in every language the search index labels codes in ~25 ms; all are cached once
done. Only imports and plain-Python loading happen there: no widget, no Qt object is made off
the GUI thread. `warm_up_widgets` runs on the GUI thread while the start screen is idle.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from PySide6 import QtWidgets
from PySide6.QtCore import QObject

from peerdesk.guides import load_library
from peerdesk.guides.search import search_index
from peerdesk.journal.search_labels import indexed_label_maps
from peerdesk.taxonomy import default_taxonomy, localized_taxonomy
from peerdesk.ui.turns import in_turns

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


# Widget classes whose first use in a process costs far more than later ones (measured with
# the app's style, offscreen: a combo box's first size hint 48 ms, a check box's 8 ms; every
# other class the workspaces use under 3 ms). The journal's filter bar uses both.
_FIRST_USE_WIDGETS: tuple[type[QtWidgets.QWidget], ...] = (
    QtWidgets.QComboBox, QtWidgets.QCheckBox)


def warm_up_widgets(owner: QObject) -> None:
    """On the GUI thread, while the start screen waits for a passphrase: make and drop one
    widget of each `_FIRST_USE_WIDGETS` class, one per turn of the event loop, so building the
    workspaces after unlock does not pay their first use."""

    def steps() -> Iterator[None]:
        for widget_class in _FIRST_USE_WIDGETS:
            widget = widget_class()
            widget.ensurePolished()
            widget.sizeHint()
            widget.deleteLater()
            yield

    in_turns(owner, steps())
