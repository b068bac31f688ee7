"""Progress for the security operations' few coarse steps."""

from __future__ import annotations

from collections.abc import Callable

from peerdesk.ui.tasks import Progress


def steps(progress: Progress) -> Callable[[int, int, str], None]:
    """Report step counts without label text.

    `BackgroundTask._handle_progress` sets the label after `setValue`, and a window-modal
    QProgressDialog's `setValue` processes events — the success callback may run and drop the
    dialog in between. Without text the label is never touched, so that cannot bite.
    """
    return lambda done, total, _text: progress.update(done, total)
