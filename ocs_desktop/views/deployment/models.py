"""Item models of the Deployment page: the package list, and one package's machines.

Both hold plain rows handed over by the packager core (``PackageSummary``,
``MachineState``), read in the worker; neither queries the database itself. The package
list accepts machines dropped from the machines list (:mod:`ocs_desktop.views.widgets.drops`) and
announces them, so the page can assign the package to them; the status list lets its
machines be dragged out again (to a group, for instance).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ocs_desktop.packager.status import (
    NOTIFIED,
    WAITING,
    Category,
    MachineState,
    PackageStatus,
    PackageSummary,
    category,
)
from ocs_desktop.views.deployment.files import format_size
from ocs_desktop.views.qt import Qt, QtCore, QtGui, Signal
from ocs_desktop.views.widgets.drops import MachineDropMixin
from ocs_desktop.views.widgets.mime import MACHINE_IDS_MIME, encode_ids
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel

#: The package's FILEID (str) of any cell of the package list.
FileIdRole = Qt.ItemDataRole.UserRole + 1
#: The whole row object (``PackageSummary``, ``MachineState``…) of any cell.
RowRole = Qt.ItemDataRole.UserRole + 2
#: The value a column sorts by (numbers stay numbers).
SortRole = Qt.ItemDataRole.UserRole + 3
#: A machine's ``hardware.ID`` in the status and target lists.
HardwareIdRole = Qt.ItemDataRole.UserRole + 4

#: Bar and text colours of the four status buckets.
CATEGORY_COLORS = {
    Category.WAITING: "#9e9e9e",
    Category.NOTIFIED: "#1e88e5",
    Category.SUCCESS: "#43a047",
    Category.ERROR: "#e53935",
}

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def status_label(status: str) -> str:
    """A status as shown: the OCS words translated, agent codes (ERR_*, EXIT_CODE_*) as is."""
    words = {
        WAITING: QtCore.QCoreApplication.translate("Deployment", "Waiting"),
        NOTIFIED: QtCore.QCoreApplication.translate("Deployment", "Notified"),
        "SUCCESS": QtCore.QCoreApplication.translate("Deployment", "Success"),
    }
    return words.get(status, status)


def category_label(cat: Category) -> str:
    return {
        Category.WAITING: QtCore.QCoreApplication.translate("Deployment", "Waiting"),
        Category.NOTIFIED: QtCore.QCoreApplication.translate("Deployment", "Notified"),
        Category.SUCCESS: QtCore.QCoreApplication.translate("Deployment", "Success"),
        Category.ERROR: QtCore.QCoreApplication.translate("Deployment", "Errors"),
    }[cat]


def category_color(status: str) -> QtGui.QColor:
    return QtGui.QColor(CATEGORY_COLORS[category(status)])


class PackagesModel(MachineDropMixin[str], RowTableModel[PackageSummary]):
    """Every package with its size, fragments, priority, activation and status counts."""

    #: Machines were dropped on a package: (FILEID, machine ids).
    machinesDropped = Signal(str, list)

    COLUMNS = (
        "name",
        "fileid",
        "os",
        "size",
        "fragments",
        "priority",
        "activated",
        "waiting",
        "notified",
        "success",
        "errors",
    )
    _COUNT_COLUMNS = {
        "waiting": Category.WAITING,
        "notified": Category.NOTIFIED,
        "success": Category.SUCCESS,
        "errors": Category.ERROR,
    }
    CELL_FLAGS = Qt.ItemFlag.ItemIsDropEnabled

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._sort: tuple[int, bool] = (1, True)  # newest FILEID first, as the core lists

    def labels(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("FILEID"),
            self.tr("OS"),
            self.tr("Size"),
            self.tr("Fragments"),
            self.tr("Priority"),
            self.tr("Activated"),
            self.tr("Waiting"),
            self.tr("Notified"),
            self.tr("Success"),
            self.tr("Errors"),
        )

    def set_packages(self, packages: Iterable[PackageSummary]) -> None:
        self.replace_rows(self._sorted(packages))

    def packages(self) -> list[PackageSummary]:
        return list(self._rows)

    def package(self, row: int) -> PackageSummary:
        return self._rows[row]

    def row_of(self, fileid: str) -> int:
        """The row of package ``fileid``, or -1."""
        return next((r for r, p in enumerate(self._rows) if p.fileid == fileid), -1)

    def _value(self, package: PackageSummary, column: str) -> Any:
        if column in self._COUNT_COLUMNS:
            return package.by_category[self._COUNT_COLUMNS[column]]
        return {
            "name": package.name,
            "fileid": package.fileid,
            "os": package.osname,
            "size": package.size,
            "fragments": package.fragments,
            "priority": package.priority,
            "activated": package.activated,
        }[column]

    def _sorted(self, packages: Iterable[PackageSummary]) -> list[PackageSummary]:
        column, descending = self._sort
        key = self.COLUMNS[column]

        def sort_key(p: PackageSummary) -> Any:
            value = self._value(p, key)
            return (value.lower() if isinstance(value, str) else value, p.fileid)

        return sorted(packages, key=sort_key, reverse=descending)

    # --- QAbstractItemModel -------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        package = self.row_at(index)
        if package is None:
            return None
        column = self.COLUMNS[index.column()]
        value = self._value(package, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "size":
                return format_size(value)
            if column == "activated":
                return self.tr("Yes") if value else self.tr("No")
            if isinstance(value, int):
                return QtCore.QLocale().toString(value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and package.comment:
            return package.comment
        if role == Qt.ItemDataRole.ForegroundRole and column in self._COUNT_COLUMNS and value:
            return QtGui.QBrush(QtGui.QColor(CATEGORY_COLORS[self._COUNT_COLUMNS[column]]))
        numeric = isinstance(value, int) and not isinstance(value, bool)
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return ALIGN_RIGHT
        if role == FileIdRole:
            return package.fileid
        if role == RowRole:
            return package
        if role == SortRole:
            return value
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = [p.fileid for p in self._rows]
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = self._sorted(self._rows)
        after = {p.fileid: row for row, p in enumerate(self._rows)}
        for index in self.persistentIndexList():
            if index.isValid():
                new_row = after[before[index.row()]]
                self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()

    # --- drops (MachineDropMixin) ------------------------------------------------------
    def _drop_target(self, row: int, parent: AnyIndex) -> str | None:
        # Dropped on an item: parent is that item. Dropped between rows: the row given.
        wanted = parent.row() if parent.isValid() else row
        if 0 <= wanted < len(self._rows):
            return self._rows[wanted].fileid
        return None

    def _machines_dropped(self, target: str, ids: list[int]) -> None:
        """Machines dropped on a package: announce them (``machinesDropped``) for assignment."""
        self.machinesDropped.emit(target, ids)


class StatusModel(RowTableModel[MachineState]):
    """The machines a package concerns with their status, optionally one status only."""

    COLUMNS = ("machine", "status", "comments", "group")
    CELL_FLAGS = Qt.ItemFlag.ItemIsDragEnabled

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._status: PackageStatus | None = None
        self._filter: str | None = None

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Machine"), self.tr("Status"), self.tr("Comment"), self.tr("Through group"))

    def package_status(self) -> PackageStatus | None:
        return self._status

    def status_filter(self) -> str | None:
        return self._filter

    def set_status(self, status: PackageStatus | None) -> None:
        """Show ``status`` (a filter on a status that no longer exists is dropped)."""
        self._status = status
        if status is None or self._filter not in status.machines:
            self._filter = None
        self.replace_rows(self._visible())

    def set_filter(self, status: str | None) -> None:
        """Only machines in ``status`` (``WAITING`` for NULL), or all with None."""
        self._filter = status
        self.replace_rows(self._visible())

    def _visible(self) -> list[MachineState]:
        if self._status is None:
            return []
        if self._filter is not None:
            return list(self._status.machines.get(self._filter, []))
        return [state for states in self._status.machines.values() for state in states]

    def states(self) -> list[MachineState]:
        """The rows shown, in order."""
        return list(self._rows)

    def ids_for(self, indexes: Iterable[QtCore.QModelIndex]) -> list[int]:
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)})
        return [self._rows[r].hardware_id for r in rows]

    # --- QAbstractItemModel -------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        state = self.row_at(index)
        if state is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "machine":
                return state.name
            if column == "status":
                return status_label(state.status)
            if column == "comments":
                return state.comments or ""
            return self.tr("Yes") if state.via_group else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QtGui.QBrush(category_color(state.status))
        if role == Qt.ItemDataRole.ToolTipRole and column == "status":
            return state.status
        if role == Qt.ItemDataRole.ToolTipRole and column == "group" and state.via_group:
            return self.tr("Assigned through a group; the machine has not contacted the server yet")
        if role == HardwareIdRole:
            return state.hardware_id
        if role == RowRole:
            return state
        return None

    def mimeTypes(self) -> list[str]:
        return [MACHINE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QtCore.QModelIndex]) -> QtCore.QMimeData:
        return encode_ids(self.ids_for(indexes))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
