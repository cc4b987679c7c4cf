"""One machine in detail: a tree of the machine, its categories and their components.

The machine node opens on a summary card; a category shows its rows under readable
headers, with units, a filter and "Show all fields" for the bookkeeping columns; a
component (or a one-row category: hardware, BIOS) shows as a property sheet. The whole
detail (a thousand software rows included) is one background read of plain dataclasses
(:func:`load_machine_detail`), so clicking around never touches the database.
Administrative data is a form: TAG and the ``accountinfo`` fields the OCS console
defined, saved in one write.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
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
from ocs_desktop.fleet.machine_detail import MachineDetail, load_machine_detail
from ocs_desktop.fleet.machine_export import write_machine
from ocs_desktop.fleet.machine_summary import MachineSummary, machine_summary
from ocs_desktop.views.context import GROUPS, MACHINES, SOFTWARE, TAGS, ConsoleContext
from ocs_desktop.views.fleet.admin_field_editors import editor_value, make_editor
from ocs_desktop.views.fleet.machine_detail_models import (
    ADMIN,
    SINGLE,
    CategoryRowsModel,
    MachineTreeModel,
    PropertySheetModel,
    SortRole,
)
from ocs_desktop.views.fleet.machine_overrides import MachineOverrides
from ocs_desktop.views.fleet.machine_summary_card import SummaryCard
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

#: What the tree opens on: the machine's summary card.
SUMMARY = "summary"


@dataclass(frozen=True)
class LoadedMachine:
    """What one read brings for the pane: the detail, its summary and the admin form's fields."""

    detail: MachineDetail
    fields: list[AdminField]
    values: dict[str, str | None]
    #: Choices of the list, radio and checkbox fields, by column.
    choices: dict[str, list[Choice]] = dataclass_field(default_factory=dict)
    summary: MachineSummary | None = None


def load_for_pane(conn: Connection, hardware_id: int) -> LoadedMachine | None:
    """The pane's data for one machine; None once the machine is gone."""
    try:
        detail = load_machine_detail(conn, hardware_id)
    except LookupError:
        return None
    fields = admin_fields(conn)
    values = load_admin_values(conn, hardware_id)
    choices = choices_by_column(conn)
    summary = machine_summary(conn, detail, fields, values, choices)
    return LoadedMachine(detail, fields, values, choices, summary)


def _copy(text: str) -> None:
    clipboard = QtGui.QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


class MachineDetailPane(QtWidgets.QWidget):
    """Shows one machine; edits its administrative data; exports or deletes it on request."""

    #: The machine shown was deleted from this pane.
    machineDeleted = Signal(int)
    #: A machine's detail arrived (or None: the machine no longer exists).
    loaded = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.machine_id: int | None = None
        self.machine: LoadedMachine | None = None
        self._category = SUMMARY
        self._component = -1
        self._key = f"machine-detail-{id(self):x}"

        self.title = QtWidgets.QLabel(self.tr("No machine selected"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.export_button = QtWidgets.QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this machine's whole inventory as CSV or JSON"))
        self.export_button.clicked.connect(self.ask_export)
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete machine…"))
        self.delete_button.clicked.connect(self.delete_machine)

        self.categories = MachineTreeModel(self)
        self.tree = QtWidgets.QTreeView()
        self.tree.setModel(self.categories)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(
            1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents
        )
        self.tree.selectionModel().currentChanged.connect(self._node_changed)

        self.filter_edit = QtWidgets.QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.show_all = QtWidgets.QCheckBox(self.tr("Show all fields"))
        self.show_all.setToolTip(
            self.tr("Also show the bookkeeping columns (checksums, states, device ID…)")
        )
        self.show_all.toggled.connect(self._show_all_toggled)

        self.summary_card = SummaryCard()

        self.rows = CategoryRowsModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.rows)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._open_component)
        compact_rows(self.table)

        self.sheet = PropertySheetModel(self)
        self.sheet_proxy = QtCore.QSortFilterProxyModel(self)
        self.sheet_proxy.setSourceModel(self.sheet)
        self.sheet_proxy.setFilterKeyColumn(-1)
        self.sheet_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.sheet_proxy.setFilterFixedString)
        self.sheet_view = QtWidgets.QTableView()
        self.sheet_view.setModel(self.sheet_proxy)
        self.sheet_view.horizontalHeader().setStretchLastSection(True)
        self.sheet_view.verticalHeader().hide()
        self.sheet_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.sheet_view.setWordWrap(False)
        compact_rows(self.sheet_view)
        for view in (self.table, self.sheet_view):
            self._add_copy_actions(view)

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
        for widget in (self.summary_card, self.table, self.sheet_view, self.admin_form):
            self.stack.addWidget(widget)
        self.controls = QtWidgets.QWidget()
        controls = QtWidgets.QHBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.filter_edit, 1)
        controls.addWidget(self.show_all)
        right = QtWidgets.QWidget()
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.controls)
        right_layout.addWidget(self.stack, 1)

        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 600])

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.delete_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._set_enabled(False)
        self.controls.hide()
        context.changed.connect(self._on_changed)

    def _add_copy_actions(self, view: QtWidgets.QTableView) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy_value = QtGui.QAction(self.tr("Copy value"), view)
        copy_value.setShortcut(QtGui.QKeySequence.StandardKey.Copy)
        copy_value.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_value.triggered.connect(lambda: self.copy_value(view))
        copy_row = QtGui.QAction(self.tr("Copy row"), view)
        copy_row.triggered.connect(lambda: self.copy_row(view))
        view.addAction(copy_value)
        view.addAction(copy_row)

    def copy_value(self, view: QtWidgets.QTableView) -> str:
        """Copy the current cell as shown (the exact value is in its tooltip)."""
        index = view.currentIndex()
        text = str(index.data() or "") if index.isValid() else ""
        _copy(text)
        return text

    def copy_row(self, view: QtWidgets.QTableView) -> str:
        """Copy the current row: "label: value" on a sheet, tab-separated cells in a table."""
        index = view.currentIndex()
        if not index.isValid():
            return ""
        model = view.model()
        cells = [
            str(model.index(index.row(), column).data() or "")
            for column in range(model.columnCount())
            if not view.isColumnHidden(column)
        ]
        text = ": ".join(cells) if view is self.sheet_view else "\t".join(cells)
        _copy(text)
        return text

    # --- loading -------------------------------------------------------------------------
    def show_machine(self, hardware_id: int) -> Task:
        """Load and show machine ``hardware_id`` (in the background)."""
        if hardware_id != self.machine_id:
            self.title.setText(self.tr("Loading…"))
            self._component = -1
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
        category, component = self._category, self._component
        self.categories.set_detail(machine.detail if machine is not None else None)
        self.tree.expand(self.categories.machine_index())
        self._set_enabled(machine is not None)
        self._build_form(machine)
        self.summary_card.show_summary(machine.summary if machine is not None else None)
        if machine is None:
            self.rows.set_rows(None)
            self.sheet.set_component(None, -1, False)
            return
        self.title.setText(machine.detail.name or self.tr("(no name)"))
        if component >= 0:
            self.select_component(category, component)
        else:
            self.select_category(category)

    def _set_enabled(self, enabled: bool) -> None:
        self.delete_button.setEnabled(enabled)
        self.export_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    # --- navigation ----------------------------------------------------------------------
    def select_category(self, key: str) -> None:
        """Show category ``key``, or the summary card for ``"summary"`` (kept across machines)."""
        index = self.categories.machine_index() if key == SUMMARY else self.categories.index_of(key)
        if not index.isValid():
            return
        self._category, self._component = key, -1
        if self.tree.currentIndex() == index:
            self._show_node()
        else:
            self.tree.setCurrentIndex(index)

    def select_component(self, key: str, row: int) -> None:
        """Show one component (row ``row`` of category ``key``) as a property sheet."""
        index = self.categories.component_index(key, row)
        if not index.isValid():
            self.select_category(key)
            return
        self._category, self._component = key, row
        if self.tree.currentIndex() == index:
            self._show_node()
        else:
            self.tree.setCurrentIndex(index)

    def current_category(self) -> str:
        return self._category

    def _node_changed(self, current: QtCore.QModelIndex, _previous: object) -> None:
        node = self.categories.node(current)
        if node is None:
            return
        if node.kind == "machine":
            self._category, self._component = SUMMARY, -1
        else:
            self._category, self._component = node.category, node.row
        self._show_node()

    def _open_component(self, index: QtCore.QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid() and self._category not in (SUMMARY, ADMIN):
            self.select_component(self._category, source.row())

    def _show_all_toggled(self, _on: bool) -> None:
        self._show_node()

    def _show_node(self) -> None:
        key, component = self._category, self._component
        detail = self.machine.detail if self.machine is not None else None
        self.controls.setVisible(key not in (SUMMARY, ADMIN))
        if key == SUMMARY:
            self.stack.setCurrentWidget(self.summary_card)
            return
        if key == ADMIN:
            self.stack.setCurrentWidget(self.admin_form)
            return
        rows = detail.categories.get(key) if detail is not None else None
        if component >= 0 or key in SINGLE:
            self.sheet.set_component(rows, max(component, 0), self.show_all.isChecked())
            self.stack.setCurrentWidget(self.sheet_view)
            self.sheet_view.resizeColumnToContents(0)
            return
        self.stack.setCurrentWidget(self.table)
        self.rows.set_rows(rows)
        for column in range(self.rows.columnCount()):
            hidden = self.rows.is_internal(column) and not self.show_all.isChecked()
            self.table.setColumnHidden(column, hidden)
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

    # --- export ---------------------------------------------------------------------------
    def ask_export(self) -> Task | None:
        """Ask where to save the machine shown (CSV or JSON, by the name chosen)."""
        if self.machine is None:
            return None
        name = self.machine.detail.name or str(self.machine.detail.id)
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Export machine"),
            f"{name}.json",
            self.tr("JSON (*.json);;CSV (*.csv)"),
        )
        if not path:
            return None
        if not Path(path).suffix:
            path += ".csv" if "csv" in chosen.lower() else ".json"
        return self.export_to(Path(path))

    def export_to(self, path: Path) -> Task | None:
        """Write the machine shown to ``path`` in the worker (JSON for .json, else CSV)."""
        if self.machine is None:
            return None
        detail = self.machine.detail

        def done(rows: int) -> None:
            self.context.status.emit(
                self.tr("%n row(s) exported to {0}", "", rows).format(path.name)
            )

        def failed(message: str) -> None:
            QtWidgets.QMessageBox.warning(
                self, self.tr("Export machine"), self.tr("Not exported: {0}").format(message)
            )

        return self.context.runner.run(
            lambda _progress: write_machine(detail, path), on_done=done, on_failed=failed
        )
