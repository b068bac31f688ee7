"""The protected-table model shows exactly the protected strings, with totals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.program.labels import LabelledTable
from peerdesk.ui.program.tables import ShownTableModel, grouped, hidden_explanation, shown_number

TABLE = LabelledTable(
    key="sources", title="Who the behaviour comes from", row_header="Comes from",
    rows=("Manager", "Peer", "Direct report"), columns=("Jan", "Feb"),
    row_codes=("manager", "peer", "direct_report"),
    cells=(("1500", "30"), ("20", "25"), ("<5", "10")), row_totals=("1530", "45", "10"),
    column_totals=("1520", "65"), grand_total="1585", multi_valued=False, k=5)


def test_grouped_and_shown_number() -> None:
    assert grouped("3057") == "3,057"
    assert grouped("1665 / 1392") == "1,665 / 1,392"
    assert grouped("<5") == "<5"
    assert grouped("42%") == "42%"
    assert shown_number("1,234") == 1234
    assert shown_number("<5") is None
    assert shown_number("—") is None
    assert "1 to 4 in a month" in hidden_explanation("<5", 5)


def test_model_shows_protected_cells_and_totals(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    shown = TABLE
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
    assert cells[:3] == ["1,500", "30", "1,530"]
    assert cells[-1] == "1,585"
    model.set_table(None, 5)
    assert model.rowCount() == 0


def test_totals_are_bold_and_a_single_column_has_no_total_column() -> None:
    import dataclasses

    model = ShownTableModel()
    model.set_table(TABLE, 5)

    def bold(row: int, column: int) -> bool:
        font = model.index(row, column).data(Qt.ItemDataRole.FontRole)
        return font is not None and font.bold()

    assert [bold(0, c) for c in range(3)] == [False, False, True]  # the row's total
    assert all(bold(3, c) for c in range(3))                       # the Total row
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None  # a shown number
    single = dataclasses.replace(TABLE, columns=("All",), cells=(("1500",), ("20",), ("<5",)),
                                 row_totals=("1500", "20", "<5"), column_totals=("1525",),
                                 grand_total="1525")
    model.set_table(single, 5)
    assert (model.rowCount(), model.columnCount()) == (4, 1)
    assert [model.index(r, 0).data() for r in range(4)] == ["1,500", "20", "<5", "1,525"]
    assert not bold(0, 0)
    assert bold(3, 0)
