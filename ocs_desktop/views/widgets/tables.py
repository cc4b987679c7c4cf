"""Table view settings several pages share."""

from __future__ import annotations

from ocs_desktop.views.qt import QtCore, QtWidgets


def compact_rows(view: QtWidgets.QTableView) -> None:
    """One text line per row, fixed: denser tables, and Qt need not measure each row."""
    header = view.verticalHeader()
    header.hide()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)


def single_row_table(model: QtCore.QAbstractItemModel, name: str) -> QtWidgets.QTableView:
    """A compact table on ``model`` where one whole row is picked at a time (the lists
    of the Administration tabs)."""
    view = QtWidgets.QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    compact_rows(view)
    return view


def fit_columns(view: QtWidgets.QTableView) -> None:
    """Columns as wide as their contents, the last one taking the rest."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
