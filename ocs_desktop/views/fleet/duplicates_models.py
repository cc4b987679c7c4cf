"""The Duplicates page's two tables: the candidate sets, and the machines of one set.

The sets list says per set its criterion, the shared values and how many machines share
them. The machines table puts a set's machines side by side, newest first (the one a merge
keeps), marks the cells holding a shared value (bold, highlighted) and carries a check box
per machine: the checked machines are the ones a merge takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ocs_desktop.db.duplicate_identity import identity_key
from ocs_desktop.fleet.duplicates import DuplicateMachine, DuplicateSet
from ocs_desktop.views.fleet.duplicates_text import criterion_label, part_label
from ocs_desktop.views.fleet.machines_model import format_value
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel

#: The machine id of a row of the machines table.
MachineIdRole = Qt.ItemDataRole.UserRole + 1
#: True on a cell holding a value the set's machines share.
MatchRole = Qt.ItemDataRole.UserRole + 2


def describe_values(found: DuplicateSet) -> str:
    """The values a set's machines share, as in "hostname PC-1 · serial S1"."""
    return " · ".join(f"{part_label(part)} {value}" for part, value in found.values)


class SetsModel(RowTableModel[DuplicateSet]):
    """One row per candidate set: criterion, shared values, number of machines."""

    COLUMNS = ("criterion", "values", "machines")
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Criterion"), self.tr("Shared values"), self.tr("Machines"))

    def set_at(self, row: int) -> DuplicateSet | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def sets(self) -> list[DuplicateSet]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.row_at(index)
        if found is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "criterion":
                return criterion_label(found.criterion)
            if column == "values":
                text = describe_values(found)
                return self.tr("{0} (not duplicates)").format(text) if found.ignored else text
            return QtCore.QLocale().toString(len(found.machines))
        if role == Qt.ItemDataRole.ToolTipRole and column == "values":
            return describe_values(found)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "machines":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and found.ignored:
            font = QtWidgets.QApplication.font()
            font.setItalic(True)
            return font
        return None


class SetMachinesModel(RowTableModel[DuplicateMachine]):
    """The machines of one set, newest first, with the shared values marked. Each has a
    check box (in the ID column): the checked machines are the ones a merge takes, all
    of them at first. Check boxes rather than the row selection keep the marked values
    readable (a selected row's colours hide them)."""

    #: The checked machines changed.
    checksChanged = Signal()

    COLUMNS = (
        "id",
        "name",
        "serial",
        "macs",
        "uuid",
        "first_inventory",
        "last_inventory",
        "last_contact",
        "useragent",
        "deviceid",
    )
    ROW_NUMBERS = False

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._shared: dict[str, set[str]] = {}
        self._checked: set[int] = set()

    def labels(self) -> tuple[str, ...]:
        return (
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Serial"),
            self.tr("MAC addresses"),
            self.tr("UUID"),
            self.tr("First inventory"),
            self.tr("Last inventory"),
            self.tr("Last contact"),
            self.tr("Agent"),
            self.tr("DEVICEID"),
        )

    def show_set(self, found: DuplicateSet | None) -> None:
        self._shared = {}
        if found is not None:
            for part, value in found.values:
                keys = value.split(", ") if part == "mac" else [value]
                self._shared.setdefault(part, set()).update(k.strip().upper() for k in keys)
        machines = found.machines if found is not None else ()
        self._checked = {machine.id for machine in machines}
        self.replace_rows(machines)
        self.checksChanged.emit()

    def machines(self) -> list[DuplicateMachine]:
        return list(self._rows)

    def checked_ids(self) -> list[int]:
        """The checked machines, in the table's order (newest first)."""
        return [machine.id for machine in self._rows if machine.id in self._checked]

    def set_checked(self, ids: Iterable[int]) -> None:
        """Check exactly these machines of the set."""
        self._checked = {machine.id for machine in self._rows} & set(ids)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checksChanged.emit()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        machine = self.row_at(index)
        if machine is None or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self._checked.add(machine.id)
        else:
            self._checked.discard(machine.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checksChanged.emit()
        return True

    def matches(self, machine: DuplicateMachine, column: str) -> bool:
        """Whether this cell holds one of the shared values."""
        part = {"name": "hostname", "serial": "serial", "macs": "mac", "uuid": "uuid"}.get(column)
        if part is None or part not in self._shared:
            return False
        if column == "macs":
            return any(identity_key(mac) in self._shared[part] for mac in machine.macs)
        value = machine.name if column == "name" else getattr(machine, column)
        return identity_key(value) in self._shared[part]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        machine = self.row_at(index)
        if machine is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "macs":
                return ", ".join(machine.macs)
            if column == "id":
                return str(machine.id)
            return format_value(getattr(machine, column))
        if role == MachineIdRole:
            return machine.id
        if role == Qt.ItemDataRole.CheckStateRole and column == "id":
            return Qt.CheckState.Checked if machine.id in self._checked else Qt.CheckState.Unchecked
        if role == MatchRole:
            return self.matches(machine, column)
        if role == Qt.ItemDataRole.FontRole and self.matches(machine, column):
            font = QtWidgets.QApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.matches(machine, column):
            return QtGui.QBrush(QtGui.QColor(255, 236, 179))
        if role == Qt.ItemDataRole.ForegroundRole and self.matches(machine, column):
            return QtGui.QBrush(QtGui.QColor(0, 0, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "id":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
