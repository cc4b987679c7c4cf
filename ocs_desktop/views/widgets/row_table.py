"""The plumbing shared by the console's table models: a list of rows, a list of headers.

Most lists of the console (packages, machines, TAGs, groups, software, a machine's
categories…) are a ``QAbstractTableModel`` over a Python list of plain rows. Each of them
used to write out the same row and column counts, the bounds check at the top of
``data()``, the header labels, the item flags and the "replace every row" reset.
:class:`RowTableModel` holds these once; a model only says what its cells show.

Headers stay translated by each model itself (``self.tr`` in its :meth:`labels`), so
every string keeps the translation context it has in the ``.ts`` files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from ocs_desktop.views.qt import Qt, QtCore

RowT = TypeVar("RowT")

_INDEX = QtCore.QModelIndex
#: What Qt passes to model methods: a model index or a persistent one.
AnyIndex = QtCore.QModelIndex | QtCore.QPersistentModelIndex


class RowTableModel(QtCore.QAbstractTableModel, Generic[RowT]):
    """A flat table: one row object per line in ``_rows``, one column per key.

    Subclasses set ``COLUMNS`` (or override :meth:`columns` when they change), return their
    translated headers from :meth:`labels` and implement ``data()``, starting with
    :meth:`row_at`.
    """

    #: The column keys, in order.
    COLUMNS: tuple[str, ...] = ()
    #: Flags every cell has besides enabled, selectable and childless (drag, drop…).
    CELL_FLAGS: Qt.ItemFlag = Qt.ItemFlag.NoItemFlags
    #: Headers other than the column labels as Qt makes them (rows numbered 1, 2…);
    #: False leaves them empty.
    ROW_NUMBERS: bool = True

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def columns(self) -> Sequence[str]:
        return self.COLUMNS

    def labels(self) -> Sequence[str]:
        """The horizontal headers, translated, one per column."""
        return ()

    def replace_rows(self, rows: Iterable[RowT]) -> None:
        """Show ``rows`` instead of the current ones (one model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, index: AnyIndex) -> RowT | None:
        """The row of ``index``; None unless it is a valid index inside the table."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns()):
            return None
        return self._rows[index.row()]

    # --- QAbstractItemModel -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _INDEX()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _INDEX()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            labels = self.labels()
            if 0 <= section < len(labels):
                return labels[section]
        if self.ROW_NUMBERS:
            return super().headerData(section, orientation, role)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
            | self.CELL_FLAGS
        )
