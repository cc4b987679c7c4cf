"""The software view: every distinct software with its install count, and who has it.

The list reads the maintained summary (:mod:`ocs_desktop.fleet.software_catalog`) a
page at a time as the view scrolls (``canFetchMore`` / ``fetchMore``), sorted and filtered
by the database, so it opens at once on a fleet of 100,000 machines where OCS's "all
software" page takes a minute. Rolled up, one line adds up every version of a name. Each
line gives its installs and their share of the fleet, as a licence count reads. Selecting
an entry lists the machines that have it below, or those that do not; the whole list
exports to CSV.
When the summary is missing, never built, or out of step with ``software`` (another
writer, such as a real OCS server, changed it), a note offers to rebuild it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.db import software_summary
from ocs_desktop.db.console_indexes import ensure_console_indexes
from ocs_desktop.db.software_summary import SummaryState
from ocs_desktop.fleet.filters import IdsFilter, MachineFilter
from ocs_desktop.fleet.machines import MachineQuery
from ocs_desktop.fleet.software_catalog import (
    SORT_KEYS,
    SoftwareEntry,
    SoftwareFilter,
    SoftwareQuery,
    count_software,
    fetch_software,
    machine_total,
    write_software_csv,
)
from ocs_desktop.models.extensions import EXTENSION_METADATA
from ocs_desktop.views.context import MACHINES, SOFTWARE, ConsoleContext
from ocs_desktop.views.fleet.machines_model import MachineIdRole, MachinesModel, format_value
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.settings import PAGE_SIZE, QUICK_FILTER_DELAY
from ocs_desktop.views.widgets.machine_actions import MachineActions
from ocs_desktop.views.widgets.page_filter import page_filter
from ocs_desktop.views.widgets.reload import ReloadWhenShown
from ocs_desktop.views.widgets.row_table import RowTableModel
from ocs_desktop.views.worker import Task

EntryRole = Qt.ItemDataRole.UserRole + 1

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex

#: A page of entries, and with the first page the total and the fleet's machine count.
Page = tuple[list[SoftwareEntry], int | None, int | None]
#: The model's columns: the sort keys, then the share of the fleet (sorted as installs).
COLUMNS = (*SORT_KEYS, "share")

#: Columns of the lower pane's machines list.
MACHINE_PANE_COLUMNS = ("name", "tag", "osname", "ipaddr", "lastdate")


def _read_page(query: SoftwareQuery, offset: int, limit: int, with_count: bool) -> Any:
    def read(conn: Connection, progress: Progress) -> Page:
        rows = fetch_software(conn, query, offset, limit)
        if not with_count:
            return rows, None, None
        return rows, count_software(conn, query), machine_total(conn)

    return read


class SoftwareModel(RowTableModel[SoftwareEntry]):
    """Distinct software (name, publisher, version, installs), fetched page by page.

    The first page and the total come in one read; later pages come as the view scrolls.
    A new query or sort resets the model and drops any page still on its way.
    """

    loadedChanged = Signal()

    COLUMNS = COLUMNS
    ROW_NUMBERS = False

    def __init__(self, context: ConsoleContext, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.page_size = max(1, context.settings.get(PAGE_SIZE))
        self._query = SoftwareQuery()
        self._total = 0
        self.machines = 0
        self._loading = False
        self._generation = 0
        self._key = f"software-model-{id(self)}"
        self.headers = (
            self.tr("Name"),
            self.tr("Publisher"),
            self.tr("Version"),
            self.tr("Installs"),
            self.tr("Share of machines"),
        )

    def labels(self) -> tuple[str, ...]:
        return self.headers

    # --- queries -----------------------------------------------------------------------
    @property
    def query(self) -> SoftwareQuery:
        return self._query

    @property
    def total(self) -> int:
        """Entries the current query keeps (all pages)."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: SoftwareQuery) -> None:
        """Show ``query``'s entries from the first page."""
        self._query = query
        self.reload()

    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self.set_query(replace(self._query, text=text))

    def reload(self) -> None:
        """Forget the rows and read the first page again."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()
        self._load(0, with_count=True)

    def clear(self) -> None:
        """Show nothing (no summary to read) and drop any page on its way."""
        self._generation += 1
        self._loading = False
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self.endResetModel()

    def _load(self, offset: int, *, with_count: bool) -> Task:
        self._loading = True
        generation = self._generation
        return self.context.read(
            _read_page(self._query, offset, self.page_size, with_count),
            lambda page: self._arrived(generation, offset, page),
            key=self._key,
            on_failed=lambda message: self._failed(generation, message),
        )

    def _arrived(self, generation: int, offset: int, page: Page) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._loading = False
        rows, total, machines = page
        if total is not None:
            self._total = total
        if machines is not None:
            self.machines = machines
        if rows:
            self.beginInsertRows(QtCore.QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if len(rows) < self.page_size or len(self._rows) > self._total:
            # The last page (the table may have moved since the count): trust the rows.
            self._total = len(self._rows)
        self.loadedChanged.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._loading = False
            self.context.error.emit(message)

    def entry(self, row: int) -> SoftwareEntry:
        return self._rows[row]

    def entries(self) -> list[SoftwareEntry]:
        """The rows fetched so far."""
        return list(self._rows)

    # --- Qt model ----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        key = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "installs":
                return QtCore.QLocale().toString(entry.installs)
            if key == "share":
                return self.share_text(entry, role == Qt.ItemDataRole.ToolTipRole)
            if key == "version" and entry.rolled_up:
                return self.tr("%n version(s)", "", entry.versions)
            return getattr(entry, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("installs", "share"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == EntryRole:
            return entry
        return None

    def share_text(self, entry: SoftwareEntry, long: bool = False) -> str:
        """The entry's installs as a share of the fleet: "81 %", or "812 of 1,000 machines"."""
        if not self.machines:
            return ""
        locale = QtCore.QLocale()
        if long:
            return self.tr("{0} of {1} machines").format(
                locale.toString(entry.installs), locale.toString(self.machines)
            )
        share = min(100.0, 100 * entry.installs / self.machines)
        return locale.toString(share, "f", 1 if share < 10 else 0) + "\u202f%"

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid():
            return False
        return not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._load(len(self._rows), with_count=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = "installs" if COLUMNS[column] == "share" else SORT_KEYS[column]
        query = replace(self._query, sort_key=key, descending=descending)
        if query != self._query:
            self.set_query(query)


def rebuild(conn: Connection, progress: Progress) -> int:
    """Create our tables and indexes if this database lacks them, then recompute the summary.

    Both DDL steps commit on their own on MySQL; the rebuild itself is one transaction.
    """
    EXTENSION_METADATA.create_all(conn, checkfirst=True)
    ensure_console_indexes(conn)
    return software_summary.rebuild_summary(conn, progress)


class SoftwarePage(QtWidgets.QWidget):
    """The software list with a text filter, and the machines of the selected entry."""

    page_key = "software"

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state: SummaryState | None = None
        self._rebuild_task: Task | None = None

        self.model = SoftwareModel(context, self)
        self.filter_edit = page_filter(QtWidgets.QLineEdit(self))
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or publisher"))
        self.filter_edit.setClearButtonEnabled(True)
        self._debounce = QtCore.QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(context.settings.get(QUICK_FILTER_DELAY))
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._debounce.start)
        self.count_label = QtWidgets.QLabel(self)
        self.rollup_check = QtWidgets.QCheckBox(self.tr("Roll up versions"), self)
        self.rollup_check.setToolTip(
            self.tr("One line per software name and publisher, its versions added up")
        )
        self.rollup_check.toggled.connect(self.set_rollup)

        self.note = QtWidgets.QLabel(self)
        self.note.setWordWrap(True)
        self.rebuild_button = QtWidgets.QPushButton(self.tr("Rebuild summary"), self)
        self.rebuild_button.clicked.connect(self.rebuild_summary)
        self.progress = QtWidgets.QProgressBar(self)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_rebuild)
        self.note_bar = QtWidgets.QFrame(self)
        self.note_bar.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        note_layout = QtWidgets.QHBoxLayout(self.note_bar)
        note_layout.addWidget(self.note, 1)
        note_layout.addWidget(self.progress)
        note_layout.addWidget(self.cancel_button)
        note_layout.addWidget(self.rebuild_button)
        self.note_bar.hide()
        self.progress.hide()
        self.cancel_button.hide()

        self.table = QtWidgets.QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 220), (2, 150), (3, 80), (4, 110)):
            # Never narrower than the title (French ones are longer).
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda index: self.show_in_machines_list())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.with_action = QtGui.QAction(self.tr("Machines &with this software"), self)
        self.with_action.triggered.connect(lambda: self.show_in_machines_list(without=False))
        self.without_action = QtGui.QAction(self.tr("Machines with&out this software"), self)
        self.without_action.triggered.connect(lambda: self.show_in_machines_list(without=True))
        self.export_action = QtGui.QAction(self.tr("&Export the list to CSV…"), self)
        self.export_action.triggered.connect(self.ask_export_csv)

        self.machines_model = MachinesModel(context, MACHINE_PANE_COLUMNS, self)
        self.machines = QtWidgets.QTableView(self)
        self.machines.setModel(self.machines_model)
        self.machines.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.machines.verticalHeader().hide()
        self.machines.horizontalHeader().setStretchLastSection(True)
        self.machines.setWordWrap(False)
        self.machines_model.loaded.connect(self.machines.resizeColumnsToContents)
        self.machines.doubleClicked.connect(self._open_machine)
        self.machine_actions = MachineActions(
            context,
            self.machines,
            lambda: self.machines_model.ids_for(self.machines.selectionModel().selectedIndexes()),
            columns=lambda: MACHINE_PANE_COLUMNS,
        )
        self.machines_label = QtWidgets.QLabel(self.tr("Select a software to list its machines."))
        self.which_combo = QtWidgets.QComboBox(self)
        self.which_combo.addItem(self.tr("Machines with it"), False)
        self.which_combo.addItem(self.tr("Machines without it"), True)
        self.which_combo.currentIndexChanged.connect(self._which_changed)
        self.show_button = QtWidgets.QPushButton(self.tr("Show in machines list"), self)
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self.show_in_machines_list)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.rollup_check)
        top.addWidget(self.count_label)
        lower = QtWidgets.QWidget(self)
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_top = QtWidgets.QHBoxLayout()
        lower_top.addWidget(self.which_combo)
        lower_top.addWidget(self.machines_label, 1)
        lower_top.addWidget(self.show_button)
        lower_layout.addLayout(lower_top)
        lower_layout.addWidget(self.machines)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note_bar)
        layout.addWidget(splitter, 1)

        self.model.loadedChanged.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.reload = ReloadWhenShown(self, context, (SOFTWARE, MACHINES))

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Check the summary, then list the software (if there is a summary to read)."""
        self.reload.stale = False
        self.context.read(
            lambda conn, progress: software_summary.current_state(conn),
            self._state_read,
            key=f"software-state-{id(self)}",
        )

    def _state_read(self, state: SummaryState) -> None:
        self._show_state(state)
        if state.present:
            self.model.set_query(replace(self.model.query, text=self.filter_edit.text().strip()))
            # Counting ``software`` takes a while on a big fleet: done after the list shows.
            self.context.read(
                lambda conn, progress: software_summary.summary_state(conn, verify=True),
                self._show_state,
                key=f"software-verify-{id(self)}",
            )
        else:
            self.model.clear()

    def _show_state(self, state: SummaryState) -> None:
        self.state = state
        if not state.present:
            text = self.tr(
                "This database has no software summary yet, so the software list is empty. "
                "Build it once (it is then kept up to date by every inventory we receive)."
            )
            self.rebuild_button.setText(self.tr("Build summary"))
        elif state.rebuilt_at is None or not state.trusted:
            text = self.tr("The software summary was never completed: rebuild it.")
            self.rebuild_button.setText(self.tr("Rebuild summary"))
        elif state.consistent is False:
            text = self.tr(
                "The install counts are out of date: software rows were changed by another "
                "program (for example an OCS server) since {when}."
            ).format(when=format_value(state.rebuilt_at))
            self.rebuild_button.setText(self.tr("Rebuild summary"))
        else:
            self.note_bar.setVisible(self._rebuild_task is not None)
            return
        self.note.setText(text)
        self.note_bar.show()

    def apply_filter(self) -> None:
        """Run the text filter now (the debounce timer calls this after typing stops)."""
        self._debounce.stop()
        if self.state is not None and self.state.present:
            self.model.set_text(self.filter_edit.text().strip())

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n software(s)", "", self.model.total))

    # --- selection ---------------------------------------------------------------------
    def selected_entry(self) -> SoftwareEntry | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(index.row())

    def select_row(self, row: int) -> None:
        """Select entry ``row`` (as a click would) and list its machines below."""
        self.table.selectRow(row)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )

    def without(self) -> bool:
        """True when the lower pane lists the machines that lack the selected software."""
        return bool(self.which_combo.currentData())

    def set_rollup(self, on: bool) -> None:
        """One line per name and publisher (``on``), or one per version."""
        if self.rollup_check.isChecked() != on:
            self.rollup_check.setChecked(on)  # comes back here through toggled
            return
        if self.model.query.rollup != on:
            self.model.set_query(replace(self.model.query, rollup=on))

    def _which_changed(self, _index: int) -> None:
        self._current_changed(self.table.selectionModel().currentIndex(), QtCore.QModelIndex())

    def _current_changed(self, current: QtCore.QModelIndex, previous: QtCore.QModelIndex) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        self.show_button.setEnabled(entry is not None)
        if entry is None:
            self.machines_label.setText(self.tr("Select a software to list its machines."))
            self.set_machines_filter(None)
            return
        filter_ = SoftwareFilter.of(entry, without=self.without())
        text = self.tr("Machines without {0}") if filter_.without else self.tr("Machines with {0}")
        self.machines_label.setText(text.format(filter_.label))
        self.set_machines_filter(filter_)

    def _context_menu(self, position: QtCore.QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.select_row(index.row())
        chosen = index.isValid()
        self.with_action.setEnabled(chosen)
        self.without_action.setEnabled(chosen)
        menu = QtWidgets.QMenu(self)
        menu.addAction(self.with_action)
        menu.addAction(self.without_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def set_machines_filter(self, filter_: MachineFilter | None) -> None:
        """List the machines ``filter_`` keeps in the lower pane (None: none)."""
        if filter_ is None:
            filter_ = IdsFilter(frozenset(), self.tr("nothing selected"))
        self.machines_model.set_query(MachineQuery(filter=filter_))

    def _open_machine(self, index: QtCore.QModelIndex) -> None:
        machine_id = index.data(MachineIdRole)
        if machine_id is not None:
            self.context.openMachine.emit(int(machine_id))

    def show_in_machines_list(self, without: bool | None = None) -> None:
        """Open the machines list on the machines with (or without) the selected software."""
        entry = self.selected_entry()
        if entry is None:
            return
        lacking = self.without() if without is None else without
        filter_ = SoftwareFilter.of(entry, without=lacking)
        title = (self.tr("Without software: {0}") if lacking else self.tr("Software: {0}")).format(
            filter_.label
        )
        self.context.showMachines.emit(filter_, title)

    # --- export ------------------------------------------------------------------------
    def ask_export_csv(self) -> Task | None:
        """Ask for a file, then export the whole list as it is filtered and rolled up."""
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export software"), "software.csv", self.tr("CSV files (*.csv)")
        )
        return self.export_csv(chosen) if chosen else None

    def export_csv(self, path: str | os.PathLike[str]) -> Task:
        """Write every entry of the current query (not only the rows loaded) in the worker."""
        target = Path(path)
        query = self.model.query

        def export(conn: Connection, progress: Progress) -> int:
            partial = target.with_name(target.name + ".part")
            try:
                with partial.open("w", newline="", encoding="utf-8-sig") as stream:
                    written = write_software_csv(conn, query, stream, progress)
                os.replace(partial, target)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            return written

        def done(written: int) -> None:
            self.context.status.emit(
                self.tr("%n software(s) exported to {0}", "", written).format(target.name)
            )

        return self.context.read(export, done)

    # --- summary rebuild ---------------------------------------------------------------
    def rebuild_summary(self) -> Task:
        """Recompute the install counts from ``software`` in the worker (progress, cancel)."""
        self.rebuild_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.note.setText(self.tr("Rebuilding the software summary…"))
        self.note_bar.show()
        task = self.context.write(
            rebuild,
            lambda entries: self._rebuild_finished(),
            topics=(SOFTWARE,),
            on_progress=self._rebuild_progress,
            on_failed=self._rebuild_failed,
        )
        task.cancelled.connect(self._rebuild_finished)
        self._rebuild_task = task
        return task

    def cancel_rebuild(self) -> None:
        if self._rebuild_task is not None:
            self._rebuild_task.cancel()

    def _rebuild_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _rebuild_failed(self, message: str) -> None:
        self._rebuild_finished()
        self.context.error.emit(self.tr("Software summary not rebuilt: {0}").format(message))

    def _rebuild_finished(self) -> None:
        self._rebuild_task = None
        self.rebuild_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.note_bar.hide()
        self.refresh()
