"""Table view settings several pages share."""

from __future__ import annotations

from ocs_desktop.views.qt import QtWidgets


def compact_rows(view: QtWidgets.QTableView) -> None:
    """One text line per row, fixed: denser tables, and Qt need not measure each row."""
    header = view.verticalHeader()
    header.hide()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)
