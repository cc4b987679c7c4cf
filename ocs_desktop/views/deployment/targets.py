"""Choosing where a package goes: machines found by a search, and groups, then assign.

The wizard's last page and the Deployment page's Assign… dialog show
:class:`TargetsForm`. Machines are searched in the database (quick filter, at most
``TARGET_SEARCH_LIMIT`` shown) rather than listed whole, so a 100,000-machine fleet stays
usable; what is checked survives new searches. The assignment (with the optional force,
schedule and post-command rows) is written by the packager core in the worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.filters import IdsFilter
from ocs_desktop.fleet.groups import GroupInfo, list_groups
from ocs_desktop.fleet.machines import MachineQuery, MachineRow, fetch_machines
from ocs_desktop.packager.assignment import Assignment, assign
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.models import ALIGN_RIGHT, HardwareIdRole, RowRole
from ocs_desktop.views.deployment.settings import PACKAGES
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.settings import QUICK_FILTER_DELAY
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.worker import Task

RowT = TypeVar("RowT")

#: How many machines one target search shows at most.
TARGET_SEARCH_LIMIT = 500


class _CheckableModel(RowTableModel[RowT]):
    """Rows with a check box in the first column; what is checked survives new rows."""

    checkedChanged = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._checked: set[int] = set()

    def _ids(self) -> list[int]:
        raise NotImplementedError

    def checked_ids(self) -> list[int]:
        return sorted(self._checked)

    def set_checked(self, ids: Iterable[int], checked: bool = True) -> None:
        wanted = {int(i) for i in ids}
        self._checked = (self._checked | wanted) if checked else (self._checked - wanted)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checkedChanged.emit()

    def clear_checked(self) -> None:
        self.set_checked(list(self._checked), False)

    def _check_state(self, row: int) -> Qt.CheckState:
        checked = self._ids()[row] in self._checked
        return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if not 0 <= index.row() < self.rowCount():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        ident = self._ids()[index.row()]
        if state == Qt.CheckState.Checked:
            self._checked.add(ident)
        else:
            self._checked.discard(ident)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class TargetMachinesModel(_CheckableModel[MachineRow]):
    """Machines found by the target search, each with a check box."""

    COLUMNS = ("name", "osname", "tag", "ipaddr")

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Machine"), self.tr("Operating system"), self.tr("TAG"), self.tr("IP"))

    def _ids(self) -> list[int]:
        return [row.id for row in self._rows]

    def set_rows(self, rows: Iterable[MachineRow]) -> None:
        self.replace_rows(rows)

    def machines(self) -> list[MachineRow]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        machine = self.row_at(index)
        if machine is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = machine.value(self.COLUMNS[index.column()])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return self._check_state(index.row())
        if role == HardwareIdRole:
            return machine.id
        if role == RowRole:
            return machine
        return None


class TargetGroupsModel(_CheckableModel[GroupInfo]):
    """Static and dynamic groups, each with a check box."""

    COLUMNS = ("name", "kind", "members")

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Group"), self.tr("Kind"), self.tr("Members"))

    def _ids(self) -> list[int]:
        return [group.id for group in self._rows]

    def set_groups(self, groups: Iterable[GroupInfo]) -> None:
        self.replace_rows(groups)
        self._checked &= {group.id for group in self._rows}
        self.checkedChanged.emit()

    def groups(self) -> list[GroupInfo]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.row_at(index)
        if group is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return group.name
            if column == "kind":
                return self.tr("Dynamic") if group.kind == "dynamic" else self.tr("Static")
            return QtCore.QLocale().toString(group.members)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return self._check_state(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column == "name" and group.description:
            return group.description
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "members":
            return ALIGN_RIGHT
        if role == HardwareIdRole:
            return group.id
        if role == RowRole:
            return group
        return None


class TargetsForm(QtWidgets.QWidget):
    """Pick machines (search, check boxes) and groups, then assign the package to them."""

    #: The assignment was written.
    assigned = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.fileid = ""
        self._key = f"package-targets-{id(self):x}"
        self.last_assignment: Assignment | None = None

        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search machines: name, IP, user, serial, TAG"))
        self.search.setClearButtonEnabled(True)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, int(context.settings.get(QUICK_FILTER_DELAY))))
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.machines = TargetMachinesModel(self)
        self.machine_view = QtWidgets.QTableView()
        self.machine_view.setModel(self.machines)
        self.groups = TargetGroupsModel(self)
        self.group_view = QtWidgets.QTableView()
        self.group_view.setModel(self.groups)
        for view in (self.machine_view, self.group_view):
            view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            view.setWordWrap(False)
        self.found_label = QtWidgets.QLabel()
        self.checked_label = QtWidgets.QLabel()
        check_all = QtWidgets.QPushButton(self.tr("Check all found"))
        check_all.clicked.connect(
            lambda: self.machines.set_checked([m.id for m in self.machines.machines()])
        )
        uncheck = QtWidgets.QPushButton(self.tr("Uncheck all"))
        uncheck.clicked.connect(self.machines.clear_checked)

        self.force = QtWidgets.QCheckBox(
            self.tr("Force: install even where the agent's history says it is done")
        )
        self.schedule_on = QtWidgets.QCheckBox(self.tr("Not before:"))
        self.schedule = QtWidgets.QDateTimeEdit(QtCore.QDateTime.currentDateTime())
        self.schedule.setCalendarPopup(True)
        self.schedule.setEnabled(False)
        self.schedule_on.toggled.connect(self.schedule.setEnabled)
        self.postcmd = QtWidgets.QComboBox()
        self.postcmd.addItem(self.tr("Nothing"), None)
        self.postcmd.addItem(self.tr("Reboot"), "REBOOT")
        self.postcmd.addItem(self.tr("Shut down"), "SHUTDOWN")
        self.assign_button = QtWidgets.QPushButton(self.tr("&Assign"))
        self.assign_button.clicked.connect(self.assign)
        self.result = QtWidgets.QLabel()
        self.result.setWordWrap(True)

        machines_box = QtWidgets.QGroupBox(self.tr("Machines"))
        machines_layout = QtWidgets.QVBoxLayout(machines_box)
        machines_layout.addWidget(self.search)
        machines_layout.addWidget(self.machine_view, 1)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.found_label, 1)
        row.addWidget(check_all)
        row.addWidget(uncheck)
        machines_layout.addLayout(row)
        machines_layout.addWidget(self.checked_label)
        groups_box = QtWidgets.QGroupBox(self.tr("Groups"))
        groups_layout = QtWidgets.QVBoxLayout(groups_box)
        groups_layout.addWidget(self.group_view)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(machines_box)
        splitter.addWidget(groups_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        options = QtWidgets.QFormLayout()
        options.addRow(self.force)
        options.addRow(self.schedule_on, self.schedule)
        options.addRow(self.tr("Afterwards:"), self.postcmd)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.assign_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(options)
        layout.addLayout(bottom)

        self.machines.checkedChanged.connect(self._update_checked)
        self.groups.checkedChanged.connect(self._update_checked)
        self._update_checked()

    def set_package(self, fileid: str) -> None:
        self.fileid = fileid
        self.result.setText(self.tr("Package {0}").format(fileid))

    def load(self, preselected: list[int] | None = None) -> None:
        """Read the groups and show the first machines (or the preselected ones, checked)."""
        if preselected:
            self.machines.set_checked(preselected)
            self.run_search(IdsFilter.of(preselected))
        else:
            self.run_search()

        def done(groups: list[Any]) -> None:
            self.groups.set_groups(groups)
            self.group_view.resizeColumnsToContents()

        self.context.read(lambda conn, progress: list_groups(conn), done, key=self._key + "-g")

    def run_search(self, filter_: IdsFilter | None = None) -> Task:
        """Show machines matching the search text (at most ``TARGET_SEARCH_LIMIT``)."""
        self._timer.stop()
        query = MachineQuery(quick_filter=self.search.text().strip(), filter=filter_)

        def read(conn: Connection, progress: Progress) -> list[MachineRow]:
            return fetch_machines(conn, query, 0, TARGET_SEARCH_LIMIT)

        def done(rows: list[MachineRow]) -> None:
            self.machines.set_rows(rows)
            self.machine_view.resizeColumnsToContents()
            shown = len(rows)
            if shown >= TARGET_SEARCH_LIMIT:
                self.found_label.setText(
                    self.tr("First {0} machines found; refine the search").format(shown)
                )
            else:
                self.found_label.setText(self.tr("%n machine(s) found", "", shown))

        return self.context.read(read, done, key=self._key)

    def _update_checked(self) -> None:
        machines, groups = len(self.machines.checked_ids()), len(self.groups.checked_ids())
        self.checked_label.setText(
            self.tr("Checked: {0}, {1}").format(
                self.tr("%n machine(s)", "", machines), self.tr("%n group(s)", "", groups)
            )
        )
        self.assign_button.setEnabled(bool(machines or groups))

    def assign(self) -> Task | None:
        """Assign the package to the checked machines and groups, in the worker."""
        machine_ids, group_ids = self.machines.checked_ids(), self.groups.checked_ids()
        if not self.fileid or not (machine_ids or group_ids):
            return None
        force = self.force.isChecked()
        schedule: dt.datetime | None = None
        if self.schedule_on.isChecked():
            schedule = self.schedule.dateTime().toPython()  # type: ignore[assignment]
        postcmd = self.postcmd.currentData()
        fileid = self.fileid

        def write(conn: Connection, progress: Progress) -> Assignment:
            return assign(
                conn, fileid, machine_ids, group_ids, force=force, schedule=schedule,
                postcmd=postcmd,
            )  # fmt: skip

        self.assign_button.setEnabled(False)
        return self.context.write(write, self._done, topics=(PACKAGES,), on_failed=self._failed)

    def _done(self, assignment: Assignment) -> None:
        self.last_assignment = assignment
        self._update_checked()
        self.result.setText(
            self.tr("Assigned to {0} and {1}.").format(
                self.tr("%n machine(s)", "", len(assignment.machine_ids)),
                self.tr("%n group(s)", "", len(assignment.group_ids)),
            )
        )
        self.assigned.emit(assignment)

    def _failed(self, message: str) -> None:
        self._update_checked()
        self.result.setText(self.tr("Not assigned: {0}").format(message))
