"""The protected-table model shows exactly the protected strings, with totals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.program.aggregate import CountTable
from peerdesk.program.disclosure import protect_table
from peerdesk.ui.program.tables import ShownTableModel, grouped, hidden_explanation, shown_number

TABLE = CountTable("sources", "Who the behaviour comes from", "Comes from",
                   ("Manager", "Peer", "Direct report"), ("Jan", "Feb"),
                   ((1500, 30), (20, 25), (2, 9)))


def test_grouped_and_shown_number() -> None:
    assert grouped("3057") == "3,057"
    assert grouped("1665 / 1392") == "1,665 / 1,392"
    assert grouped("<5") == "<5"
    assert grouped("42%") == "42%"
    assert shown_number("1,234") == 1234
    assert shown_number("<5") is None
    assert shown_number("x") is None
    assert "1 and 4" in hidden_explanation("<5", 5)
    assert "Withheld" in hidden_explanation("x", 5)


def test_model_shows_protected_cells_and_totals(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    shown = protect_table(TABLE, 5)
    model = ShownTableModel()
    model.set_table(shown, 5)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.columnCount() == 3
    assert model.index(0, 0).data() == "1,500"
    assert model.index(2, 0).data() == "<5"
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(3, 2).data() == grouped(shown.grand_total)
    assert model.headerData(3, Qt.Orientation.Vertical) == "Total"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Total"
    cells = [model.index(r, c).data() for r in range(4) for c in range(3)]
    assert not any(text in {"1", "2", "3", "4"} for text in cells)
    model.set_table(None, 5)
    assert model.rowCount() == 0
