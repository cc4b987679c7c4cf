"""The multi-criteria search: a builder of criteria rows, and the machines they select.

Each row is one :class:`~ocs_desktop.fleet.search.Criterion` (a field of any inventory
table, an operator, a value, and "not"); the rows are combined with AND or OR. The core
turns every criterion into its own EXISTS sub-query, so "software name = A and software
name = B" finds the machines having both, where OCS's single join finds none. Results show
in an embedded machines list (paged, sorted by the database); they can go to the main
machines list, become a dynamic group, or be exported to CSV in the background.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet import groups
from ocs_desktop.fleet.admin_fields import list_fields
from ocs_desktop.fleet.machines import MachineQuery, export_machines_csv
from ocs_desktop.fleet.search import (
    SEARCH_FIELDS,
    VALUELESS,
    Criterion,
    Operator,
    Search,
    SearchField,
    operators_for,
)
from ocs_desktop.fleet.search_fields import ADMIN_TABLE, admin_search_field, field_of
from ocs_desktop.views.context import GROUPS, MACHINES, TAGS, ConsoleContext
from ocs_desktop.views.fleet.machines_model import MachineIdRole, MachinesModel
from ocs_desktop.views.fleet.search_text import search_error_text, search_text
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.locale_dates import display_format, iso_date
from ocs_desktop.views.widgets.machine_actions import MachineActions
from ocs_desktop.views.worker import Task

#: Role of the field combo's items holding the field key (None on table headings).
FieldKeyRole = Qt.ItemDataRole.UserRole + 1
RESULT_COLUMNS = ("name", "tag", "osname", "osversion", "ipaddr", "userid", "lastdate")


#: Every table and column label of the core's ``SEARCH_FIELDS``, marked so ``lupdate``
#: extracts them; :func:`translate_field` looks them up at run time. A test checks that
#: the core has no label missing here.
FIELD_WORDS = (
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Hardware"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "name"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "workgroup"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "user domain"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "OS name"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "OS version"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "OS comments"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "architecture"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "processor type"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "processor speed (MHz)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "processor count"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "memory (MB)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "swap (MB)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "IP address"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "DNS"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "default gateway"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "user"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "description"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Windows company"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Windows owner"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Windows product ID"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Windows product key"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "agent"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "UUID"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "device ID"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "last inventory"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "last contact"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "BIOS"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "system manufacturer"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "system model"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "serial number"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "type"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "BIOS manufacturer"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "BIOS version"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "BIOS date"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "asset tag"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "motherboard manufacturer"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "motherboard model"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "motherboard serial"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Administrative data"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "TAG"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "CPU"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "manufacturer"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "speed (MHz)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "current speed (MHz)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "cores"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "logical CPUs"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "data width"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "L2 cache"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "socket"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Memory"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "caption"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "capacity (MB)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "speed"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "purpose"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "slot"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Storage"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "model"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "size (MB)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "firmware"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Drive"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "letter"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "type / mount point"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "file system"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "total (MB)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "free (MB)"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "volume"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "creation date"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Network"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "MAC address"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "status"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "IP mask"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "gateway"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "subnet"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "DHCP server"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "virtual"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Video"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "chipset"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "resolution"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Monitor"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Printer"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "driver"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "port"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "server"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "share name"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Controller"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "version"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Sound"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Input"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "interface"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "USB device"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Software"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "publisher"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "folder"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "comments"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "file name"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "GUID"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "language"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "install date"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "bits"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Virtual machine"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "subsystem"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "virtual CPUs"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "Registry"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "query name"),
    QtCore.QT_TRANSLATE_NOOP("SearchFields", "value"),
)


def field_parts(search_field: SearchField) -> tuple[str, str]:
    """(table label, column label) of a field, in English, as the core names them."""
    table, _, column = search_field.label.partition(": ")
    return table, column or search_field.column


def translate_field(text: str) -> str:
    """A core field or table label in the interface language (context ``SearchFields``)."""
    return QtCore.QCoreApplication.translate("SearchFields", text)


class CriterionRow(QtWidgets.QWidget):
    """One criterion: field, operator, value, "not", and a remove button."""

    removeRequested = Signal(QtWidgets.QWidget)
    submitted = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        #: Admin fields offered after TAG (read from the database by the page).
        self.extra_fields: tuple[SearchField, ...] = ()
        self.field_combo = QtWidgets.QComboBox(self)
        self.field_combo.setModel(self._field_model())
        self.field_combo.setMaxVisibleItems(25)
        self.operator_combo = QtWidgets.QComboBox(self)
        self.value_edit = QtWidgets.QLineEdit(self)
        self.value_edit.returnPressed.connect(self.submitted)
        self.negate_box = QtWidgets.QCheckBox(self.tr("not"), self)
        self.negate_box.setToolTip(self.tr("Keep the machines having no such row"))
        self.remove_button = QtWidgets.QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this criterion"))
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.negate_box)
        layout.addWidget(self.field_combo, 3)
        layout.addWidget(self.operator_combo, 2)
        layout.addWidget(self.value_edit, 3)
        layout.addWidget(self.remove_button)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.operator_combo.currentIndexChanged.connect(self._operator_changed)
        self.set_field(next(iter(SEARCH_FIELDS)))

    def _field_model(self) -> QtGui.QStandardItemModel:
        """Fields grouped under a non-selectable heading per table, in the core's order."""
        model = QtGui.QStandardItemModel(self)
        heading_font = QtGui.QFont(self.font())
        heading_font.setBold(True)
        last_table = None
        catalog = list(SEARCH_FIELDS.values())
        after = max(i for i, f in enumerate(catalog) if f.table == ADMIN_TABLE) + 1
        catalog[after:after] = self.extra_fields
        for search_field in catalog:
            table_label, column_label = field_parts(search_field)
            if search_field.table != last_table:
                last_table = search_field.table
                heading = QtGui.QStandardItem(translate_field(table_label))
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                heading.setFont(heading_font)
                model.appendRow(heading)
            # The table name stays in the item text: the closed combo shows only this.
            item = QtGui.QStandardItem(
                self.tr("{table}: {column}").format(
                    table=translate_field(table_label), column=translate_field(column_label)
                )
            )
            item.setData(search_field.key, FieldKeyRole)
            item.setToolTip(f"{search_field.table}.{search_field.column}")
            model.appendRow(item)
        return model

    def operator_label(self, operator: Operator, kind: str) -> str:
        if kind == "date" and operator is Operator.less:
            return self.tr("before")
        if kind == "date" and operator is Operator.greater:
            return self.tr("after")
        labels = {
            Operator.equals: self.tr("equals"),
            Operator.not_equals: self.tr("does not equal"),
            Operator.contains: self.tr("contains"),
            Operator.not_contains: self.tr("does not contain"),
            Operator.starts_with: self.tr("starts with"),
            Operator.ends_with: self.tr("ends with"),
            Operator.less: self.tr("less than"),
            Operator.greater: self.tr("greater than"),
            Operator.is_empty: self.tr("is empty"),
            Operator.is_not_empty: self.tr("is not empty"),
        }
        return labels[operator]

    # --- state -------------------------------------------------------------------------
    def field_key(self) -> str:
        return str(self.field_combo.currentData(FieldKeyRole))

    def operator(self) -> Operator:
        return Operator(self.operator_combo.currentData())

    def set_extra_fields(self, fields: tuple[SearchField, ...]) -> None:
        """Offer these admin fields too; the row keeps its field when it still exists."""
        key = self.field_combo.currentData(FieldKeyRole)
        self.extra_fields = tuple(fields)
        self.field_combo.blockSignals(True)
        self.field_combo.setModel(self._field_model())
        self.field_combo.blockSignals(False)
        found = self.field_combo.findData(key, FieldKeyRole) if key is not None else -1
        self.set_field(key if found >= 0 else next(iter(SEARCH_FIELDS)))

    def set_field(self, key: str) -> None:
        index = self.field_combo.findData(key, FieldKeyRole)
        if index < 0 and key.startswith(f"{ADMIN_TABLE}.fields_"):
            # A saved search naming an admin field not read yet: offer it by its column.
            self.set_extra_fields((*self.extra_fields, admin_search_field(key.partition(".")[2])))
            index = self.field_combo.findData(key, FieldKeyRole)
        if index < 0:
            raise ValueError(f"unknown search field {key!r}")
        self.field_combo.setCurrentIndex(index)
        self._field_changed()

    def set_criterion(self, criterion: Criterion) -> None:
        self.set_field(criterion.field)
        self.operator_combo.setCurrentIndex(self.operator_combo.findData(criterion.operator.value))
        self.value_edit.setText(criterion.value)
        self.negate_box.setChecked(criterion.negate)

    def criterion(self) -> Criterion:
        """The row as a Criterion; ``ValueError`` with a readable message when invalid."""
        operator = self.operator()
        value = "" if operator in VALUELESS else self.value_edit.text().strip()
        if value and field_of(self.field_key()).kind == "date":
            value = iso_date(value)  # as the lists show dates (03/12/2026), or ISO
        return Criterion(self.field_key(), operator, value, self.negate_box.isChecked())

    def _field_changed(self, *args: object) -> None:
        key = self.field_combo.currentData(FieldKeyRole)
        if key is None:
            # A heading: move to its first field, so a row always has one.
            self.field_combo.setCurrentIndex(self.field_combo.currentIndex() + 1)
            return
        kind = field_of(key).kind
        previous = self.operator_combo.currentData()
        self.operator_combo.blockSignals(True)
        self.operator_combo.clear()
        for operator in operators_for(key):
            self.operator_combo.addItem(self.operator_label(operator, kind), operator.value)
        keep = self.operator_combo.findData(previous)
        self.operator_combo.setCurrentIndex(max(keep, 0))
        self.operator_combo.blockSignals(False)
        placeholders = {
            "number": self.tr("a number"),
            "date": self.tr("a date: {0} or YYYY-MM-DD").format(
                QtCore.QLocale().toString(QtCore.QDate.currentDate(), display_format())
            ),
            "text": self.tr("text (any case)"),
        }
        self.value_edit.setPlaceholderText(placeholders[kind])
        self._operator_changed()

    def _operator_changed(self, *args: object) -> None:
        data = self.operator_combo.currentData()
        valueless = data is not None and Operator(data) in VALUELESS
        self.value_edit.setEnabled(not valueless)


class SearchPage(QtWidgets.QWidget):
    """Build a search, run it, and use its result (machines list, group, CSV)."""

    page_key = "search"

    #: A dynamic group was saved from this page (its id).
    groupSaved = Signal(int)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[CriterionRow] = []
        self.admin_search_fields: tuple[SearchField, ...] = ()  # read from the database
        self._last_search: Search | None = None
        self._export_task: Task | None = None
        self._fitted = False

        self.combine_combo = QtWidgets.QComboBox(self)
        self.combine_combo.addItem(self.tr("all criteria (AND)"), "and")
        self.combine_combo.addItem(self.tr("any criterion (OR)"), "or")
        self.add_button = QtWidgets.QPushButton(self.tr("Add criterion"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.run_button = QtWidgets.QPushButton(self.tr("Search"), self)
        self.run_button.setDefault(True)
        self.run_button.setToolTip(self.tr("Run the search (F5)"))
        self.run_button.clicked.connect(self.run)

        self.rows_widget = QtWidgets.QWidget(self)
        self.rows_layout = QtWidgets.QVBoxLayout(self.rows_widget)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.addStretch(1)
        scroll = QtWidgets.QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_widget)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)

        self.message = QtWidgets.QLabel(self)
        self.message.setWordWrap(True)
        self.count_label = QtWidgets.QLabel(self)

        self.model = MachinesModel(context, RESULT_COLUMNS, self)
        self.model.countChanged.connect(self._count_changed)
        self.results = QtWidgets.QTableView(self)
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setDragEnabled(True)
        self.results.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragOnly)
        self.results.verticalHeader().hide()
        self.results.setAlternatingRowColors(True)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.setWordWrap(False)
        self.model.loaded.connect(self._fit_columns)
        self.results.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.results.setSortingEnabled(True)
        self.results.doubleClicked.connect(self._open_machine)
        self.machine_actions = MachineActions(
            context,
            self.results,
            lambda: self.model.ids_for(self.results.selectionModel().selectedIndexes()),
            columns=lambda: RESULT_COLUMNS,
        )

        self.show_button = QtWidgets.QPushButton(self.tr("Show in machines list"), self)
        self.show_button.clicked.connect(self.show_in_machines_list)
        self.save_button = QtWidgets.QPushButton(self.tr("Save as dynamic group…"), self)
        self.save_button.clicked.connect(self.ask_save_as_group)
        self.export_button = QtWidgets.QPushButton(self.tr("Export CSV…"), self)
        self.export_button.clicked.connect(self.ask_export_csv)
        self.progress = QtWidgets.QProgressBar(self)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.progress.hide()
        self.cancel_button.hide()

        builder_bar = QtWidgets.QHBoxLayout()
        builder_bar.addWidget(QtWidgets.QLabel(self.tr("Machines matching"), self))
        builder_bar.addWidget(self.combine_combo)
        builder_bar.addStretch(1)
        builder_bar.addWidget(self.add_button)
        builder_bar.addWidget(self.run_button)
        result_bar = QtWidgets.QHBoxLayout()
        result_bar.addWidget(self.count_label, 1)
        result_bar.addWidget(self.progress)
        result_bar.addWidget(self.cancel_button)
        result_bar.addWidget(self.show_button)
        result_bar.addWidget(self.save_button)
        result_bar.addWidget(self.export_button)
        builder = QtWidgets.QWidget(self)
        builder_layout = QtWidgets.QVBoxLayout(builder)
        builder_layout.setContentsMargins(0, 0, 0, 0)
        builder_layout.addLayout(builder_bar)
        builder_layout.addWidget(scroll, 1)
        builder_layout.addWidget(self.message)
        lower = QtWidgets.QWidget(self)
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(result_bar)
        lower_layout.addWidget(self.results, 1)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(builder)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add_row()
        self._update_buttons()
        context.changed.connect(self._on_changed)
        self._load_admin_search_fields()

    def _on_changed(self, topic: str) -> None:
        if topic in (MACHINES, TAGS) and self.isVisible():
            self.refresh()
        if topic == MACHINES:
            self._load_admin_search_fields()  # an admin field may have been added

    def _load_admin_search_fields(self) -> None:
        """Read the admin fields and offer them in every criterion row."""

        def read(conn: Connection, progress: Progress) -> tuple[SearchField, ...]:
            return tuple(
                admin_search_field(f.column, f.label) for f in list_fields(conn) if not f.builtin
            )

        def done(fields: tuple[SearchField, ...]) -> None:
            self.admin_search_fields = fields
            for row in self.rows:
                row.set_extra_fields(fields)

        self.context.read(read, done, key=f"search-admin-fields-{id(self):x}")

    # --- rows --------------------------------------------------------------------------
    def add_row(self, criterion: Criterion | None = None) -> CriterionRow:
        """Append a criterion row (a copy of ``criterion`` if given)."""
        row = CriterionRow(self.rows_widget)
        if self.admin_search_fields:
            row.set_extra_fields(self.admin_search_fields)
        if criterion is not None:
            row.set_criterion(criterion)
        row.removeRequested.connect(self.remove_row)
        row.submitted.connect(self.run)
        self.rows_layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        return row

    def remove_row(self, row: QtWidgets.QWidget) -> None:
        if row in self.rows:
            self.rows.remove(row)
            self.rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()

    def clear_rows(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)

    def set_search(self, search: Search) -> None:
        """Show ``search`` in the builder (one row per criterion); does not run it."""
        self.clear_rows()
        for criterion in search.criteria:
            self.add_row(criterion)
        if not search.criteria:
            self.add_row()
        self.combine_combo.setCurrentIndex(self.combine_combo.findData(search.combine))

    def current_search(self) -> Search:
        """The builder's search; ``ValueError`` naming the first invalid row."""
        criteria = []
        for number, row in enumerate(self.rows, start=1):
            try:
                criteria.append(row.criterion())
            except ValueError as exc:
                raise ValueError(
                    self.tr("Criterion {0}: {1}").format(number, search_error_text(exc))
                ) from exc
        return Search(tuple(criteria), self.combine_combo.currentData())

    # --- running -----------------------------------------------------------------------
    def refresh(self) -> None:
        """F5 (the window's Refresh): run the search as the builder now stands."""
        self.run()

    def run(self) -> Search | None:
        """Run the builder's search; the results fill the embedded list in the background."""
        try:
            search = self.current_search()
        except ValueError as exc:
            self.message.setText(str(exc))
            return None
        self.message.clear()
        self._last_search = search
        self.count_label.setText(self.tr("Searching…"))
        shown = self.model.query()
        self.model.set_query(
            MachineQuery(filter=search, sort_key=shown.sort_key, descending=shown.descending)
        )
        self._update_buttons()
        return search

    def last_search(self) -> Search | None:
        """The search whose result is shown."""
        return self._last_search

    def _fit_columns(self) -> None:
        if self.model.rowCount() and not self._fitted:
            self._fitted = True
            self.results.resizeColumnsToContents()

    def _count_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("%n machine(s) found", "", count))

    def _update_buttons(self) -> None:
        has_result = self._last_search is not None
        exporting = self._export_task is not None
        self.show_button.setEnabled(has_result)
        self.save_button.setEnabled(has_result and bool(self._last_search.criteria))  # type: ignore[union-attr]
        self.export_button.setEnabled(has_result and not exporting)

    def _open_machine(self, index: QtCore.QModelIndex) -> None:
        machine_id = index.data(MachineIdRole)
        if machine_id is not None:
            self.context.openMachine.emit(int(machine_id))

    def show_in_machines_list(self) -> None:
        if self._last_search is not None:
            self.context.showMachines.emit(
                self._last_search, self.tr("Search: {0}").format(search_text(self._last_search))
            )

    # --- dynamic group -----------------------------------------------------------------
    def save_as_group(self, name: str, description: str = "") -> Task:
        """Save the shown search (or the builder's) as a dynamic group named ``name``."""
        search = self._last_search or self.current_search()

        def saved(group_id: int) -> None:
            self.message.setText(self.tr("Dynamic group {0} saved.").format(name))
            self.groupSaved.emit(group_id)

        return self.context.write(
            lambda conn, progress: groups.create_dynamic_group(conn, name, search, description),
            saved,
            topics=(GROUPS,),
            on_failed=lambda error: self.message.setText(
                self.tr("Group not saved: {0}").format(error)
            ),
        )

    def ask_save_as_group(self) -> None:
        if self._last_search is None:
            return
        name, ok = QtWidgets.QInputDialog.getText(
            self,
            self.tr("Save as dynamic group"),
            self.tr("Group name:"),
        )
        if ok and name.strip():
            self.save_as_group(name.strip(), search_text(self._last_search)[:255])

    # --- CSV export --------------------------------------------------------------------
    def export_csv(self, path: str | Path) -> Task:
        """Write the shown result to ``path`` as CSV in the worker (progress, cancel)."""
        target = Path(path)
        query = self.model.query()
        columns = self.model.columns()

        def export(conn: Connection, progress: Progress) -> int:
            try:
                with target.open("w", newline="", encoding="utf-8") as stream:
                    return export_machines_csv(conn, query, columns, stream, progress)
            except BaseException:
                target.unlink(missing_ok=True)  # never leave half a file behind
                raise

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        task = self.context.read(
            export,
            lambda written: self.message.setText(
                self.tr("%n machine(s) exported to {0}", "", written).format(target)
            ),
            on_progress=self._export_progress,
            on_failed=lambda error: self.message.setText(
                self.tr("Export failed: {0}").format(error)
            ),
        )
        task.cancelled.connect(lambda: self.message.setText(self.tr("Export cancelled.")))
        task.finished.connect(self._export_finished)
        self._export_task = task
        self._update_buttons()
        return task

    def ask_export_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export to CSV"), "machines.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(path)

    def cancel_export(self) -> None:
        if self._export_task is not None:
            self._export_task.cancel()

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _export_finished(self) -> None:
        self._export_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()
