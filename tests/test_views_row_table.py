"""The shared table-model base: counts, the data() guard, headers, flags, the row reset."""

from __future__ import annotations

from typing import Any

from ocs_desktop.views.qt import Qt, QtCore
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


class Pairs(RowTableModel[tuple[str, int]]):
    COLUMNS = ("word", "number")

    def labels(self) -> tuple[str, ...]:
        return ("Word", "Number")

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        row = self.row_at(index)
        if row is None or role != DISPLAY:
            return None
        return row[index.column()]


class DropPairs(Pairs):
    CELL_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
    ROW_NUMBERS = False


def test_counts_data_and_reset(qtbot, qtmodeltester) -> None:
    model = Pairs()
    assert (model.rowCount(), model.columnCount()) == (0, 2)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.replace_rows(iter([("a", 1), ("b", 2)]))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.rowCount(model.index(0, 0)) == model.columnCount(model.index(0, 0)) == 0
    assert model.data(model.index(1, 1)) == 2
    assert model.row_at(model.index(1, 0)) == ("b", 2)
    assert model.row_at(QtCore.QModelIndex()) is None
    assert model.row_at(model.index(2, 0)) is None  # not a row: an invalid index
    assert model.data(QtCore.QModelIndex()) is None


def test_headers(qtbot) -> None:
    numbered, plain = Pairs(), DropPairs()
    for model in (numbered, plain):
        model.replace_rows([("a", 1)])
        assert model.headerData(1, Qt.Orientation.Horizontal) == "Number"
        assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    # Outside the labels: Qt's own headers (rows numbered from 1), or none at all.
    assert numbered.headerData(0, Qt.Orientation.Vertical) == 1
    assert plain.headerData(0, Qt.Orientation.Vertical) is None


def test_flags(qtbot) -> None:
    numbered, droppable = Pairs(), DropPairs()
    basic = (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )
    for model in (numbered, droppable):
        model.replace_rows([("a", 1)])
        assert model.flags(QtCore.QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert numbered.flags(numbered.index(0, 1)) == basic
    assert droppable.flags(droppable.index(0, 1)) == basic | Qt.ItemFlag.ItemIsDropEnabled
