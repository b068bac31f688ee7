"""The Qt binding itself must be sound: a release that leaks or drops references would crash
a long session, whatever our code does."""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 lost one reference to None per call like these; after some
    # tens of thousands the interpreter aborts ("none_dealloc"). Python 3.12+ makes None
    # immortal, where this holds trivially.
    label = QLabel()
    qtbot.addWidget(label)
    item = QStandardItem("a")
    label.setText("warm up")
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        label.setVisible(False)
        item.setText("y")
    assert sys.getrefcount(None) - before > -100
