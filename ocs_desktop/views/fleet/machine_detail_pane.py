"""One machine in detail: its categories on the left, the selected one's rows on the right.

The whole detail (every category, a thousand software rows included) is one background
read of plain dataclasses (:func:`load_machine_detail`), so switching categories never
touches the database. Administrative data is a form: TAG and the ``accountinfo`` fields
the OCS console defined, saved in one write.
"""

from __future__ import annotations

import datetime as dt
import numbers
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.fleet.admin_data import (
    AdminField,
    admin_fields,
    delete_machines,
    load_admin_values,
    save_admin_values,
)
from ocs_desktop.fleet.admin_fields import Choice, choices_by_column
from ocs_desktop.fleet.machine_detail import (
    CATEGORIES,
    CategoryRows,
    MachineDetail,
    load_machine_detail,
)
from ocs_desktop.views.context import GROUPS, MACHINES, SOFTWARE, TAGS, ConsoleContext
from ocs_desktop.views.fleet.admin_field_editors import editor_value, make_editor
from ocs_desktop.views.fleet.machine_overrides import MachineOverrides
from ocs_desktop.views.fleet.machines_model import format_value
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

_INDEX = QtCore.QModelIndex
ADMIN = "admin"
#: The category key of an index of :class:`CategoryModel`.
CategoryKeyRole = Qt.ItemDataRole.UserRole + 1
#: Raw values for sorting in :class:`CategoryRowsModel`.
SortRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class LoadedMachine:
    """What one read brings for the pane: the detail and the admin form's fields."""

    detail: MachineDetail
    fields: list[AdminField]
    values: dict[str, str | None]
    #: Choices of the list, radio and checkbox fields, by column.
    choices: dict[str, list[Choice]] = dataclass_field(default_factory=dict)


def load_for_pane(conn: Connection, hardware_id: int) -> LoadedMachine | None:
    """The pane's data for one machine; None once the machine is gone."""
    try:
        detail = load_machine_detail(conn, hardware_id)
    except LookupError:
        return None
    return LoadedMachine(
        detail, admin_fields(conn), load_admin_values(conn, hardware_id), choices_by_column(conn)
    )


class CategoryModel(RowTableModel[str]):
    """The categories of one machine with their row counts; empty ones are greyed.

    Its rows are the category keys, shown once a machine is.
    """

    COLUMNS = ("category", "rows")
    ROW_NUMBERS = False

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = [category.key for category in CATEGORIES]
        self._counts: dict[str, int] = {}

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("Rows"))

    def label(self, key: str) -> str:
        labels = {
            "hardware": self.tr("Hardware"),
            "bios": self.tr("BIOS"),
            "cpus": self.tr("CPUs"),
            "memories": self.tr("Memory"),
            "storages": self.tr("Storage"),
            "drives": self.tr("Drives"),
            "networks": self.tr("Network"),
            "videos": self.tr("Video"),
            "sounds": self.tr("Sound"),
            "controllers": self.tr("Controllers"),
            "monitors": self.tr("Monitors"),
            "printers": self.tr("Printers"),
            "inputs": self.tr("Inputs"),
            "modems": self.tr("Modems"),
            "ports": self.tr("Ports"),
            "slots": self.tr("Slots"),
            "software": self.tr("Software"),
            "virtualmachines": self.tr("Virtual machines"),
            "registry": self.tr("Registry"),
            ADMIN: self.tr("Administrative data"),
        }
        return labels.get(key, key)

    def set_detail(self, detail: MachineDetail | None) -> None:
        self.beginResetModel()
        if detail is None:
            self._counts = {}
        else:
            self._counts = {key: len(rows.rows) for key, rows in detail.categories.items()}
        self._rows = list(self._keys) if self._counts else []
        self.endResetModel()

    def count(self, key: str) -> int | None:
        """Rows of category ``key``; None for the admin form or before a machine is shown."""
        return None if key == ADMIN else self._counts.get(key)

    def key_at(self, index: AnyIndex) -> str | None:
        return self.row_at(index)

    def index_of(self, key: str) -> QtCore.QModelIndex:
        return self.index(self._keys.index(key), 0) if key in self._keys else _INDEX()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = self.key_at(index)
        if key is None:
            return None
        count = self.count(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.label(key)
            return QtCore.QLocale().toString(count) if count is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole and count == 0:
            return QtGui.QBrush(
                QtWidgets.QApplication.palette().color(
                    QtGui.QPalette.ColorGroup.Disabled, QtGui.QPalette.ColorRole.Text
                )
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CategoryKeyRole:
            return key
        return None


class CategoryRowsModel(RowTableModel[tuple[Any, ...]]):
    """The rows of one category, columns named as in the OCS tables."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[str, ...] = ()
        self._numeric: list[bool] = []

    def set_rows(self, rows: CategoryRows | None) -> None:
        self.beginResetModel()
        if rows is None:
            self._columns, self._rows = (), []
        else:
            self._columns, self._rows = rows.columns, list(rows.rows)
        self._numeric = [
            all(_is_number(row[i]) for row in self._rows if row[i] is not None)
            and any(row[i] is not None for row in self._rows)
            for i in range(len(self._columns))
        ]
        self.endResetModel()

    def columns(self) -> tuple[str, ...]:
        return self._columns

    def labels(self) -> tuple[str, ...]:
        return self._columns

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        value = row[index.column()]
        numeric = self._numeric[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(value, bytes):
                return value.decode("utf-8", "replace")
            return format_value(value)
        if role == SortRole:
            if numeric:
                return float(value) if value is not None else float("-inf")
            if isinstance(value, dt.date):
                return value.isoformat()
            return "" if value is None else str(value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


class MachineDetailPane(QtWidgets.QWidget):
    """Shows one machine; edits its administrative data; deletes it on request."""

    #: The machine shown was deleted from this pane.
    machineDeleted = Signal(int)
    #: A machine's detail arrived (or None: the machine no longer exists).
    loaded = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.machine_id: int | None = None
        self.machine: LoadedMachine | None = None
        self._category = "hardware"
        self._key = f"machine-detail-{id(self):x}"

        self.title = QtWidgets.QLabel(self.tr("No machine selected"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete machine…"))
        self.delete_button.clicked.connect(self.delete_machine)

        self.categories = CategoryModel(self)
        self.tree = QtWidgets.QTreeView()
        self.tree.setModel(self.categories)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(
            1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.tree.selectionModel().currentChanged.connect(self._category_changed)

        self.rows = CategoryRowsModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.rows)
        self.proxy.setSortRole(SortRole)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        compact_rows(self.table)

        # Scrolls: many admin fields must not make the window taller than a small screen.
        self.admin_form = QtWidgets.QScrollArea()
        self.admin_form.setWidgetResizable(True)
        self.admin_form.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        admin_inner = QtWidgets.QWidget()
        self.form_layout = QtWidgets.QFormLayout()
        self.admin_editors: dict[str, Any] = {}  # QLineEdit, combo, date... by field type
        self.save_button = QtWidgets.QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save_admin)
        self.admin_message = QtWidgets.QLabel()
        self.admin_message.setWordWrap(True)
        admin_layout = QtWidgets.QVBoxLayout(admin_inner)
        admin_layout.addLayout(self.form_layout)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.admin_message, 1)
        buttons.addWidget(self.save_button)
        admin_layout.addLayout(buttons)
        self.overrides = MachineOverrides(context)  # effective FREQUENCY, DOWNLOAD...
        admin_layout.addWidget(self.overrides)
        admin_layout.addStretch(1)
        self.admin_form.setWidget(admin_inner)

        self.stack = QtWidgets.QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.admin_form)

        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 600])

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.delete_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._set_enabled(False)
        context.changed.connect(self._on_changed)

    # --- loading -------------------------------------------------------------------------
    def show_machine(self, hardware_id: int) -> Task:
        """Load and show machine ``hardware_id`` (in the background)."""
        if hardware_id != self.machine_id:
            self.title.setText(self.tr("Loading…"))
        self.machine_id = hardware_id
        self.overrides.show_machine(hardware_id)
        return self.context.read(
            lambda conn, progress: load_for_pane(conn, hardware_id), self._arrived, key=self._key
        )

    def refresh(self) -> None:
        if self.machine_id is not None:
            self.show_machine(self.machine_id)

    def clear(self) -> None:
        self.machine_id = None
        self._show(None)
        self.title.setText(self.tr("No machine selected"))

    def _on_changed(self, topic: str) -> None:
        if topic in (MACHINES, TAGS):
            self.refresh()

    def _arrived(self, machine: LoadedMachine | None) -> None:
        if machine is not None and machine.detail.id != self.machine_id:
            return
        self._show(machine)
        if machine is None:
            self.title.setText(self.tr("This machine no longer exists"))
        self.loaded.emit(machine)

    def _show(self, machine: LoadedMachine | None) -> None:
        self.machine = machine
        self.categories.set_detail(machine.detail if machine is not None else None)
        self._set_enabled(machine is not None)
        self._build_form(machine)
        if machine is None:
            self.rows.set_rows(None)
            return
        self.title.setText(machine.detail.name or self.tr("(no name)"))
        self.select_category(self._category)

    def _set_enabled(self, enabled: bool) -> None:
        self.delete_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    # --- categories -----------------------------------------------------------------------
    def select_category(self, key: str) -> None:
        """Show category ``key`` (kept when another machine is shown)."""
        index = self.categories.index_of(key)
        if not index.isValid():
            return
        self._category = key
        if self.tree.currentIndex() == index:
            self._show_category(key)
        else:
            self.tree.setCurrentIndex(index)

    def current_category(self) -> str:
        return self._category

    def _category_changed(self, current: QtCore.QModelIndex, _previous: object) -> None:
        key = self.categories.key_at(current)
        if key is not None:
            self._category = key
            self._show_category(key)

    def _show_category(self, key: str) -> None:
        if key == ADMIN:
            self.stack.setCurrentWidget(self.admin_form)
            return
        self.stack.setCurrentWidget(self.table)
        detail = self.machine.detail if self.machine is not None else None
        self.rows.set_rows(detail.categories.get(key) if detail is not None else None)
        self.table.resizeColumnsToContents()

    # --- administrative data ----------------------------------------------------------------
    def _build_form(self, machine: LoadedMachine | None) -> None:
        while self.form_layout.rowCount():
            self.form_layout.removeRow(0)
        self.admin_editors = {}
        self.admin_message.clear()
        if machine is None:
            return
        for field in machine.fields:
            value = machine.values.get(field.column)
            editor = make_editor(field, value, machine.choices.get(field.column, ()))
            self.admin_editors[field.column] = editor
            self.form_layout.addRow(field.label, editor)

    def admin_values(self) -> dict[str, str | None]:
        """The form's values by column; an empty box means no value."""
        return {column: editor_value(editor) for column, editor in self.admin_editors.items()}

    def save_admin(self) -> Task | None:
        """Write the administrative data of the machine shown."""
        hardware_id = self.machine_id
        if hardware_id is None or self.machine is None:
            return None
        values = self.admin_values()

        def failed(message: str) -> None:
            self.admin_message.setText(self.tr("Not saved: {0}").format(message))

        def done(_result: object) -> None:
            self.context.status.emit(self.tr("Administrative data saved"))

        self.admin_message.setText(self.tr("Saving…"))
        return self.context.write(
            lambda conn, progress: save_admin_values(conn, hardware_id, values),
            done,
            topics=(MACHINES, TAGS),
            on_failed=failed,
        )

    # --- deletion -------------------------------------------------------------------------
    def delete_machine(self) -> Task | None:
        """Delete the machine shown, after the user confirms."""
        hardware_id = self.machine_id
        if hardware_id is None or self.machine is None:
            return None
        name = self.machine.detail.name or str(hardware_id)
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete machine"),
            self.tr("Delete {0} and all its inventory? This cannot be undone.").format(name),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None

        def done(_count: int) -> None:
            self.context.status.emit(self.tr("{0} deleted").format(name))
            self.clear()
            self.machineDeleted.emit(hardware_id)

        return self.context.write(
            lambda conn, progress: delete_machines(conn, [hardware_id]),
            done,
            topics=(MACHINES, TAGS, GROUPS, SOFTWARE),
        )
