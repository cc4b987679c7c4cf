"""The machines list model: pages of rows from the database, never the whole table.

Qt asks ``canFetchMore``/``fetchMore`` as the view scrolls; each call starts one
background read of ``page_size`` rows and the rows are inserted when they arrive, so a
100,000-machine fleet opens as fast as a ten-machine one. Sorting re-queries the
database (``MachineQuery.sort_key``) instead of sorting what happens to be loaded, and a
new query (filter, quick filter, sort) drops any read still running for the old one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.machine_columns import column_spec, is_known_key
from ocs_desktop.fleet.machines import (
    ADMIN_PREFIX,
    DEFAULT_COLUMNS,
    MACHINE_COLUMNS,
    MachineQuery,
    MachineRow,
    count_machines,
    fetch_machines,
    is_admin_key,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.field_format import format_field
from ocs_desktop.views.qt import Qt, QtCore, Signal
from ocs_desktop.views.settings import PAGE_SIZE
from ocs_desktop.views.widgets.mime import MACHINE_IDS_MIME, encode_ids
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.worker import Task

#: The machine's ``hardware.ID`` (int) of any cell.
MachineIdRole = Qt.ItemDataRole.UserRole + 1
#: The whole :class:`MachineRow` of any cell.
MachineRowRole = Qt.ItemDataRole.UserRole + 2

_INDEX = QtCore.QModelIndex


def to_qdatetime(value: dt.datetime) -> QtCore.QDateTime:
    """A naive database datetime as a local QDateTime (what the server wrote)."""
    return QtCore.QDateTime(
        QtCore.QDate(value.year, value.month, value.day),
        QtCore.QTime(value.hour, value.minute, value.second),
    )


def format_value(value: Any) -> str:
    """A cell value as the user reads it: dates and numbers in the user's locale."""
    if value is None:
        return ""
    locale = QtCore.QLocale()
    if isinstance(value, dt.datetime):
        return locale.toString(to_qdatetime(value), QtCore.QLocale.FormatType.ShortFormat)
    if isinstance(value, dt.date):
        return locale.toString(
            QtCore.QDate(value.year, value.month, value.day),
            QtCore.QLocale.FormatType.ShortFormat,
        )
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return locale.toString(value)
    return str(value)


class MachinesModel(RowTableModel[MachineRow]):
    """Rows of a :class:`MachineQuery`, loaded a page at a time through the context."""

    CELL_FLAGS = Qt.ItemFlag.ItemIsDragEnabled

    #: The number of machines the query lists (known after the first read).
    countChanged = Signal(int)
    #: True while a read is running.
    loadingChanged = Signal(bool)
    #: A read delivered its rows (tests and status labels wait on this).
    loaded = Signal()

    def __init__(
        self,
        context: ConsoleContext,
        columns: Sequence[str] | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._columns: tuple[str, ...] = _valid_columns(columns or DEFAULT_COLUMNS)
        self._query = MachineQuery()
        self._total: int | None = None
        self._generation = 0
        self._pending: Task | None = None
        self._key = f"machines-model-{id(self):x}"
        self.page_size = max(1, int(context.settings.get(PAGE_SIZE)))
        #: Headers of the admin field columns (``admin:fields_3`` → its label).
        self.admin_labels: dict[str, str] = {}

    # --- what the model shows ------------------------------------------------------------
    def query(self) -> MachineQuery:
        return self._query

    def columns(self) -> tuple[str, ...]:
        return self._columns

    def total(self) -> int | None:
        """How many machines the query lists; None until the first read arrives."""
        return self._total

    def is_loading(self) -> bool:
        return self._pending is not None

    def column_label(self, key: str) -> str:
        """The translated header of column ``key``."""
        return self._labels_of((key,))[0]

    def labels(self) -> tuple[str, ...]:
        return self._labels_of(self._columns)

    def _labels_of(self, keys: Iterable[str]) -> tuple[str, ...]:
        """Labels from the field catalogue (``Fields`` context), admin fields by their own."""
        return tuple(
            self.admin_labels.get(key, key.removeprefix(ADMIN_PREFIX))
            if is_admin_key(key)
            else QtCore.QCoreApplication.translate("Fields", column_spec(key).label)
            for key in keys
        )

    def set_columns(self, columns: Sequence[str]) -> None:
        """Show these columns (catalogue keys, ``admin:fields_3``), in this order."""
        wanted = _valid_columns(columns)
        if wanted == self._columns:
            return
        fetched = set(self._extra_columns())
        self.beginResetModel()
        self._columns = wanted
        self.endResetModel()
        if set(self._extra_columns()) - fetched:
            self.refresh()  # bring the values of the columns now shown

    def set_query(self, query: MachineQuery) -> None:
        """Show ``query``: clear, then load its count and first page in the background."""
        self.beginResetModel()
        self._query = query
        self._rows = []
        self._total = None
        self.endResetModel()
        self._load(offset=0, limit=self.page_size, replace=False)

    def refresh(self) -> None:
        """Reload the current query, as many rows as are loaded, after the data changed.

        The old rows stay on screen until the new ones arrive, so a refresh does not flash.
        """
        self._load(offset=0, limit=max(len(self._rows), self.page_size), replace=True)

    def row(self, row: int) -> MachineRow:
        return self._rows[row]

    def loaded_rows(self) -> list[MachineRow]:
        return list(self._rows)

    def ids_for(self, indexes: Iterable[QtCore.QModelIndex]) -> list[int]:
        """The machine ids of the rows these indexes touch, in row order, each once."""
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)})
        return [self._rows[r].id for r in rows]

    # --- loading -------------------------------------------------------------------------
    def _extra_columns(self) -> tuple[str, ...]:
        """The columns shown beyond the classic ones every row carries."""
        return tuple(sorted(k for k in self._columns if k not in MACHINE_COLUMNS))

    def _load(self, offset: int, limit: int, replace: bool) -> None:
        if self._pending is not None:
            self._pending.cancel()
        self._generation += 1
        generation = self._generation
        query = dataclasses.replace(self._query, columns=self._extra_columns())
        with_count = offset == 0

        def read(conn: Connection, progress: Progress) -> tuple[int | None, list[MachineRow]]:
            total = count_machines(conn, query) if with_count else None
            return total, fetch_machines(conn, query, offset, limit)

        self._pending = self._context.read(
            read,
            lambda result: self._arrived(generation, result, limit, replace),
            key=self._key,
            on_failed=lambda message: self._failed(generation, message),
        )
        self.loadingChanged.emit(True)

    def _arrived(
        self,
        generation: int,
        result: tuple[int | None, list[MachineRow]],
        limit: int,
        replace: bool,
    ) -> None:
        if generation != self._generation:
            return
        total, rows = result
        # ``_pending`` stays set until the rows are in: whatever reacts to the insertion
        # signals (a view, the model tester) must not start a read at a stale offset.
        if replace:
            self.replace_rows(rows)
        elif rows:
            first = len(self._rows)
            self.beginInsertRows(_INDEX(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._pending = None
        before = self._total
        if total is not None:
            self._total = total
        # Fewer rows than asked means the end of the list, whatever the count said (the
        # table may have changed between the count and this page).
        if len(rows) < limit or self._total is None or len(self._rows) > self._total:
            self._total = len(self._rows)
        self.loadingChanged.emit(False)
        if self._total != before or total is not None:
            self.countChanged.emit(self._total)
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._pending = None
        self.loadingChanged.emit(False)
        self._context.error.emit(message)

    # --- QAbstractItemModel ----------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex) -> bool:
        if parent.isValid() or self._pending is not None or self._total is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._load(offset=len(self._rows), limit=self.page_size, replace=False)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        machine = self.row_at(index)
        if machine is None:
            return None
        key = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown, exact = format_field(machine.value(key), column_spec(key).kind)
            if role == Qt.ItemDataRole.DisplayRole:
                return shown
            return exact if exact and exact != shown else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column_spec(key).kind not in (
            "text",
            "date",
            "datetime",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MachineIdRole:
            return machine.id
        if role == MachineRowRole:
            return machine
        return None

    def roleNames(self) -> dict[int, QtCore.QByteArray]:
        names = dict(super().roleNames())
        names[MachineIdRole] = QtCore.QByteArray(b"machineId")
        names[MachineRowRole] = QtCore.QByteArray(b"machine")
        return names

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query sorted by the column's key; the database sorts, not the view."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort_key, self._query.descending):
            return
        self.set_query(dataclasses.replace(self._query, sort_key=key, descending=descending))

    def mimeTypes(self) -> list[str]:
        return [MACHINE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QtCore.QModelIndex]) -> QtCore.QMimeData:
        return encode_ids(self.ids_for(indexes))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _valid_columns(columns: Iterable[str]) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(key for key in columns if is_known_key(key)))
    return wanted or DEFAULT_COLUMNS
