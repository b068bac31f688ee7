"""The Program workspace's layout at narrow widths, large fonts and in longer languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.program.workspace import ProgramWorkspace
from tests.ui.program.test_workspace import import_and_wait, program_files


def test_filters_wrap_onto_a_second_row_rather_than_squeeze(
        qtbot: QtBot, workspace: ProgramWorkspace, tmp_path: Path) -> None:
    """No filter box is cut short: when the row is full, filters move to a second row."""
    import_and_wait(qtbot, workspace, program_files(tmp_path))

    def top(widget: QWidget) -> int:
        return widget.mapTo(workspace, widget.rect().topLeft()).y()

    workspace.resize(1600, 800)
    qtbot.waitUntil(lambda: top(workspace.reset_button) == top(workspace.from_combo))
    font = workspace.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)  # a large system font
    workspace.setFont(font)
    workspace.resize(560, 800)
    qtbot.wait(50)
    right = workspace.width()
    for widget in (*workspace.filter_widgets, *workspace._filter_labels):
        # nothing runs off the right edge: what does not fit moves to another row
        assert widget.mapTo(workspace, widget.rect().topRight()).x() <= right, widget
    for combo in (workspace.from_combo, workspace.to_combo, workspace.unit_combo):
        assert combo.width() >= combo.sizeHint().width()
    label = workspace._filter_labels[0]
    assert top(label) == top(workspace.from_combo)  # a label stays beside its box
