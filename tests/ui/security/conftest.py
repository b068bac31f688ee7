"""An unlocked main window over the test vault, without typing a passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.main_window import MainWindow
from peerdesk.vault import Vault


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, journal_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(journal_path)
    qtbot.addWidget(main)
    main.security.backup_timer.setInterval(60_000)  # tests start backups themselves
    main.show()
    main.open_session(vault)
    yield main
    main.lock()
