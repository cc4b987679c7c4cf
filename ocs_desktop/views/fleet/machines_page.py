"""The machines list page: quick filter, active filter banner, columns, actions on a selection.

Everything the page shows comes from :class:`MachinesModel`, which pages, sorts and
filters in the database. Typing in the quick filter waits for a pause (a single-shot
timer) before querying, so a fast typist starts one query, not one per key. Actions on
the selection (TAG, group, delete, export) run as writes or reads in the worker and
announce what they changed, so every other page refreshes itself.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.admin_fields import list_fields
from ocs_desktop.fleet.filters import MachineFilter
from ocs_desktop.fleet.machine_columns import CATALOGUE, is_known_key
from ocs_desktop.fleet.machines import (
    ADMIN_PREFIX,
    DEFAULT_COLUMNS,
    MACHINE_COLUMNS,
    MachineQuery,
    export_machines_csv,
)
from ocs_desktop.views.context import MACHINES, TAGS, ConsoleContext
from ocs_desktop.views.fleet.column_picker import ColumnPicker, PickerEntry
from ocs_desktop.views.fleet.machines_model import MachinesModel
from ocs_desktop.views.fleet.merge_dialog import MergeDialog, open_merge_dialog
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.settings import MACHINE_COLUMNS as COLUMNS_OPTION
from ocs_desktop.views.settings import QUICK_FILTER_DELAY, Option
from ocs_desktop.views.widgets.machine_actions import MachineActions
from ocs_desktop.views.widgets.page_filter import page_filter
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

HEADER_STATE = "machines/header"
#: Per database profile (the context's label): its columns and header state.
PROFILE_COLUMNS: Option[dict[str, Any]] = Option(
    "machines/profile_columns",
    {},
    "Per database profile: the machines list's columns, in order.",
)


def _profile_state_key(context: ConsoleContext) -> str:
    """The header state's key for this profile (a digest: labels may hold any character)."""
    return f"{HEADER_STATE}/{hashlib.sha1(context.url.encode()).hexdigest()[:16]}"


class MachinesPage(QtWidgets.QWidget):
    """All machines, or those of a filter handed over by another page."""

    page_key = "machines"

    #: The CSV export finished: rows written, path.
    exported = Signal(int, str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._filter: MachineFilter | None = None
        self._filter_title = ""
        self.admin_columns: list[tuple[str, str]] = []  # (admin:fields_3, label)
        self.merge_dialog: MergeDialog | None = None

        settings = context.settings
        # This profile's columns; a profile not seen yet starts with the last ones saved.
        by_profile = settings.get(PROFILE_COLUMNS).get(context.url)
        saved = by_profile if isinstance(by_profile, list) else settings.get(COLUMNS_OPTION)
        saved_columns = [key for key in saved if isinstance(key, str) and is_known_key(key)]
        self._fit_pending: set[str] = set()
        self.model = MachinesModel(context, saved_columns or DEFAULT_COLUMNS, parent=self)

        self.quick_filter = page_filter(QtWidgets.QLineEdit())
        self.quick_filter.setPlaceholderText(self.tr("Quick filter: name, IP, user, serial, TAG"))
        self.quick_filter.setClearButtonEnabled(True)
        self.count_label = QtWidgets.QLabel()
        self._filter_timer = QtCore.QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(max(0, int(settings.get(QUICK_FILTER_DELAY))))
        self._filter_timer.timeout.connect(self.apply_quick_filter)
        self.quick_filter.textChanged.connect(lambda _text: self._filter_timer.start())
        self.quick_filter.returnPressed.connect(self.apply_quick_filter)

        self.banner = QtWidgets.QFrame()
        self.banner.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.banner_label = QtWidgets.QLabel()
        self.clear_filter_button = QtWidgets.QPushButton(self.tr("Clear filter"))
        self.clear_filter_button.clicked.connect(self.clear_filter)
        banner_layout = QtWidgets.QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(6, 2, 6, 2)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.clear_filter_button)
        self.banner.hide()

        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        compact_rows(self.view)
        self.view.activated.connect(self._activated)

        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._header_timer = QtCore.QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(500)
        self._header_timer.timeout.connect(self.save_layout)
        header.sectionResized.connect(lambda *_: self._header_timer.start())
        header.sectionMoved.connect(lambda *_: self._header_timer.start())
        if not self._restore_header(bool(saved_columns)):
            # No saved layout: fit the columns to the first page once it arrives.
            self.model.loaded.connect(self._fit_columns_once)

        self._make_actions()

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.quick_filter, 1)
        top.addWidget(self.count_label)
        self.columns_button = QtWidgets.QToolButton()
        self.columns_button.setText(self.tr("Columns…"))
        self.columns_button.setToolTip(self.tr("Choose the columns of the list"))
        self.columns_button.clicked.connect(lambda _checked=False: self.open_column_picker())
        top.addWidget(self.columns_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)

        self.model.countChanged.connect(self._update_count)
        self.model.loadingChanged.connect(self._update_count)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        context.changed.connect(self._on_changed)

        # The header decides the first sort (it may come from the saved layout); without
        # a valid indicator, a visible column's, so the arrow always shows the sort.
        section = header.sortIndicatorSection()
        columns = self.model.columns()
        if not 0 <= section < len(columns):
            section = self._fallback_section()
            header.setSortIndicator(section, Qt.SortOrder.AscendingOrder)
        sort_key = columns[section]
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        self.model.set_query(MachineQuery(sort_key=sort_key, descending=descending))
        self.view.setSortingEnabled(True)
        self._load_admin_columns()
        self._update_actions()

    # --- actions ----------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, slot: Any, shortcut: QtGui.QKeySequence | None = None) -> Any:
            act = QtGui.QAction(text, self)
            act.triggered.connect(lambda _checked=False: slot())
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.view.addAction(act)
            return act

        # Open, TAG, admin field, groups, package, export and delete: the shared set
        # (its right-click menu is ``build_row_menu``: theirs plus merge and export all).
        self.machine_actions = MachineActions(
            self.context,
            self.view,
            self.selected_ids,
            columns=self.export_columns,
            menu=self.build_row_menu,
        )
        self.open_action = self.machine_actions.open_action
        self.set_tag_action = self.machine_actions.set_tag_action
        self.set_admin_action = self.machine_actions.set_admin_action
        self.delete_action = self.machine_actions.delete_action
        self.export_action = action(self.tr("&Export to CSV…"), self.export_csv)
        self.merge_action = action(self.tr("&Merge as duplicates…"), self.merge_selection)

    def _update_actions(self, *_args: object) -> None:
        self.machine_actions.update_enabled()
        self.merge_action.setEnabled(len(self.selected_ids()) >= 2)

    def build_row_menu(self) -> QtWidgets.QMenu:
        """The context menu of the rows: the shared machine actions, merge, export all."""
        self._update_actions()
        menu = self.machine_actions.build_menu(self)
        menu.insertAction(self.delete_action, self.merge_action)
        menu.addAction(self.export_action)
        return menu

    # --- filters ---------------------------------------------------------------------------
    def current_query(self) -> MachineQuery:
        """The query the page asks for: filter, quick filter, and the model's sort."""
        return dataclasses.replace(
            self.model.query(),
            quick_filter=self.quick_filter.text().strip(),
            filter=self._filter,
        )

    def apply_quick_filter(self) -> None:
        self._filter_timer.stop()
        query = self.current_query()
        if query != self.model.query() or self.model.total() is None:
            self.model.set_query(query)

    def show_filter(self, filter_: MachineFilter | None, title: str = "") -> None:
        """List the machines of ``filter_`` (a TAG, a bar, a search…), titled ``title``."""
        self._filter = filter_
        self._filter_title = title or (filter_.describe() if filter_ is not None else "")
        self._filter_timer.stop()
        self.quick_filter.blockSignals(True)
        self.quick_filter.clear()
        self.quick_filter.blockSignals(False)
        if filter_ is None:
            self.banner.hide()
        else:
            self.banner_label.setText(self.tr("Showing: {0}").format(self._filter_title))
            self.banner.show()
        self.model.set_query(self.current_query())

    def clear_filter(self) -> None:
        self.show_filter(None)

    def active_filter(self) -> MachineFilter | None:
        return self._filter

    def refresh(self) -> None:
        self.model.refresh()

    def _on_changed(self, topic: str) -> None:
        if topic in (MACHINES, TAGS):
            self.model.refresh()
        if topic == MACHINES:
            self._load_admin_columns()  # an admin field may have been added or renamed

    def _update_count(self, *_args: object) -> None:
        total = self.model.total()
        if total is None:
            self.count_label.setText(self.tr("Loading…"))
        else:
            self.count_label.setText(self.tr("%n machine(s)", "", total))

    def _load_admin_columns(self) -> None:
        """The admin fields the column menu offers (``admin:fields_3``, label)."""

        def read(conn: Connection, progress: Progress) -> list[tuple[str, str]]:
            return [
                (f"{ADMIN_PREFIX}{f.column}", f.label) for f in list_fields(conn) if not f.builtin
            ]

        def done(columns: list[tuple[str, str]]) -> None:
            self.admin_columns = columns
            self.model.admin_labels = dict(columns)
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, max(0, len(self.model.columns()) - 1)
            )

        self.context.read(read, done, key=f"machines-admin-columns-{id(self):x}")

    # --- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        selection = self.view.selectionModel()
        return self.model.ids_for(selection.selectedIndexes()) if selection else []

    def _activated(self, index: QtCore.QModelIndex) -> None:
        ids = self.model.ids_for([index])
        if ids:
            self.context.openMachine.emit(ids[0])

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._activated(index)

    # The actions on the selection are the shared ones (``MachineActions``).
    def ask_set_tag(self) -> Task | None:
        return self.machine_actions.ask_set_tag()

    def set_tag_for_selection(self, tag: str | None) -> Task | None:
        """Set the TAG of the selected machines (``None`` clears it)."""
        return self.machine_actions.set_tag(tag)

    def ask_set_admin_field(self) -> Task | None:
        return self.machine_actions.ask_set_admin_field()

    def set_admin_field_for_selection(self, column: str, value: str | None) -> Task | None:
        """Set admin field ``column`` (as stored; ``None`` clears) on the selected machines."""
        return self.machine_actions.set_admin_field(column, value)

    def add_selection_to_group(self, group_id: int) -> Task | None:
        return self.machine_actions.add_to_group(group_id)

    def merge_selection(self) -> MergeDialog | None:
        """Merge the selected machines (two or more) as duplicates, after the plan is
        confirmed in the merge dialog."""
        ids = self.selected_ids()
        if len(ids) < 2:
            return None
        self.merge_dialog = open_merge_dialog(self.context, ids, self)
        return self.merge_dialog

    def delete_selection(self) -> Task | None:
        """Delete the selected machines after the user confirms."""
        return self.machine_actions.ask_delete()

    # --- export ----------------------------------------------------------------------------
    def export_columns(self) -> list[str]:
        """The visible columns in the order the user sees them."""
        header = self.view.horizontalHeader()
        columns = self.model.columns()
        visible = [i for i in range(len(columns)) if not header.isSectionHidden(i)]
        return [columns[i] for i in sorted(visible, key=header.visualIndex)]

    def export_csv(self, path: str | os.PathLike[str] | None = None) -> Task | None:
        """Export the whole current result (not only the loaded rows) to CSV.

        Without ``path`` the user picks the file. The export runs in the worker behind a
        progress dialog; cancelling it leaves no partial file.
        """
        if path is None:
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Export machines"), "machines.csv", self.tr("CSV files (*.csv)")
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        query = self.model.query()
        columns = self.export_columns()
        headers = list(self.model._labels_of(columns))

        def export(conn: Connection, progress: Progress) -> int:
            partial = target.with_name(target.name + ".part")
            try:
                # utf-8-sig: spreadsheet programs on Windows need the BOM to read UTF-8.
                with partial.open("w", newline="", encoding="utf-8-sig") as stream:
                    written = export_machines_csv(
                        conn, query, columns, stream, progress, headers=headers
                    )
                os.replace(partial, target)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            return written

        dialog = QtWidgets.QProgressDialog(
            self.tr("Exporting machines to {0}…").format(target.name),
            self.tr("Cancel"),
            0,
            0,
            self,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoReset(False)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

        def finished(written: int) -> None:
            self.context.status.emit(
                self.tr("%n machine(s) exported to {0}", "", written).format(target)
            )
            self.exported.emit(written, str(target))

        task = self.context.read(export, finished, on_progress=progress)
        dialog.canceled.connect(task.cancel)

        def close_dialog() -> None:
            dialog.canceled.disconnect(task.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

        task.finished.connect(close_dialog)
        return task

    # --- columns and layout ----------------------------------------------------------------
    def _header_menu(self, position: QtCore.QPoint) -> None:
        menu = self.build_column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()

    def build_column_menu(self) -> QtWidgets.QMenu:
        """The classic columns and those shown, checkable; the picker for all the others.

        The last visible column cannot be unchecked.
        """
        menu = QtWidgets.QMenu(self)
        visible = self.model.columns()
        shown_extra = [k for k in visible if k in CATALOGUE and k not in MACHINE_COLUMNS]
        for key in (*MACHINE_COLUMNS, *shown_extra):
            act = menu.addAction(self.model.column_label(key))
            act.setCheckable(True)
            act.setChecked(key in visible)
            act.setEnabled(not (key in visible and len(visible) == 1))
            act.toggled.connect(lambda checked, k=key: self.toggle_column(k, checked))
        admin_menu = menu.addMenu(self.tr("Admin fields"))
        admin_menu.setEnabled(bool(self.admin_columns))
        for key, label in self.admin_columns:
            act = admin_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(key in visible)
            act.setEnabled(not (key in visible and len(visible) == 1))
            act.toggled.connect(lambda checked, k=key: self.toggle_column(k, checked))
        menu.addSeparator()
        self.choose_columns_action = menu.addAction(self.tr("Choose columns…"))
        self.choose_columns_action.triggered.connect(
            lambda _checked=False: self.open_column_picker()
        )
        reset = menu.addAction(self.tr("Default columns"))
        reset.triggered.connect(lambda _checked=False: self.set_visible_columns(DEFAULT_COLUMNS))
        return menu

    def picker_entries(self) -> list[PickerEntry]:
        """Every column offered: hardware, BIOS, TAG, then the admin fields."""
        groups = {
            "hardware": self.tr("Hardware"),
            "bios": self.tr("BIOS"),
            "accountinfo": self.tr("Admin fields"),
        }
        entries = [
            PickerEntry(key, self.model.column_label(key), groups[spec.table], spec.column)
            for key, spec in CATALOGUE.items()
        ]
        entries += [
            PickerEntry(key, label, groups["accountinfo"], key.removeprefix(ADMIN_PREFIX))
            for key, label in self.admin_columns
        ]
        return entries

    def make_column_picker(self) -> ColumnPicker:
        return ColumnPicker(
            self.picker_entries(), self.export_columns(), DEFAULT_COLUMNS, parent=self
        )

    def open_column_picker(self) -> ColumnPicker:
        """Let the user choose the columns; OK applies and saves them for this profile."""
        picker = self.make_column_picker()
        picker.accepted.connect(lambda: self.set_visible_columns(picker.chosen_columns()))
        picker.finished.connect(lambda _result: picker.deleteLater())
        picker.open()
        return picker

    def toggle_column(self, key: str, visible: bool) -> None:
        columns = list(self.export_columns())
        if visible and key not in columns and key not in MACHINE_COLUMNS:
            columns.append(key)  # an admin field or another catalogue column: at the end
        elif visible and key not in columns:
            # A column comes back at its place in the catalogue order.
            order = list(MACHINE_COLUMNS)
            position = sum(
                1 for k in columns if k in MACHINE_COLUMNS and order.index(k) < order.index(key)
            )
            columns.insert(position, key)
        elif not visible and key in columns and len(columns) > 1:
            columns.remove(key)
        self.set_visible_columns(columns)

    def _fallback_section(self) -> int:
        """The column to sort by when the sorted one is hidden: the name, else the first."""
        columns = self.model.columns()
        return columns.index("name") if "name" in columns else 0

    def set_visible_columns(self, columns: Sequence[str]) -> None:
        """Show these columns; the choice and the header layout are saved for this profile.

        Columns already shown keep their width; new ones fit their content once their
        values arrive. When the sort column goes, the list sorts by a visible one and the
        header shows it.
        """
        query = self.model.query()
        header = self.view.horizontalHeader()
        before = self.model.columns()
        # The last section's width is the stretch, not a choice: it is fitted again.
        widths = {key: header.sectionSize(i) for i, key in enumerate(before[:-1])}
        self.model.set_columns(columns)
        shown = self.model.columns()
        for index, key in enumerate(shown):
            if key in widths and index < len(shown) - 1:
                header.resizeSection(index, widths[key])
        self._fit_pending = {key for key in shown if key not in widths}
        self.view.setSortingEnabled(False)
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        if query.sort_key in shown:
            header.setSortIndicator(shown.index(query.sort_key), order)
        else:
            header.setSortIndicator(self._fallback_section(), Qt.SortOrder.AscendingOrder)
        # Re-enabling sorting sorts by the indicator: no change for the model, or a re-query
        # by the fallback column.
        self.view.setSortingEnabled(True)
        if self._fit_pending:
            if self.model.is_loading():
                # Once, when the values arrive (a connection per pending fit, not per call).
                self.model.loaded.connect(
                    self._fit_new_columns, Qt.ConnectionType.SingleShotConnection
                )
            else:
                self._fit_new_columns()
        self.save_layout()

    def fit_columns(self, keys: Sequence[str]) -> None:
        """Size these columns to their content and header (the last one stretches anyway)."""
        header = self.view.horizontalHeader()
        columns = self.model.columns()
        for key in keys:
            if key not in columns:
                continue
            index = columns.index(key)
            wanted = max(self.view.sizeHintForColumn(index), header.sectionSizeHint(index))
            if index < len(columns) - 1:
                header.resizeSection(index, wanted)

    def _fit_new_columns(self) -> None:
        pending, self._fit_pending = self._fit_pending, set()
        self.fit_columns(sorted(pending))

    def _fit_columns_once(self) -> None:
        self.model.loaded.disconnect(self._fit_columns_once)
        self.view.resizeColumnsToContents()

    def _restore_header(self, has_saved_columns: bool) -> bool:
        header = self.view.horizontalHeader()
        columns = self.model.columns()
        header.setSortIndicator(
            columns.index("name") if "name" in columns else 0, Qt.SortOrder.AscendingOrder
        )
        settings = self.context.settings
        state = settings.state(_profile_state_key(self.context)) or settings.state(HEADER_STATE)
        # The header state only fits the column set it was saved with.
        if has_saved_columns and state is not None:
            return bool(header.restoreState(state))
        return False

    def save_layout(self) -> None:
        """Remember the visible columns and the header (sizes, order, sort), per profile.

        The last choice is also the starting point of a profile not seen yet.
        """
        self._header_timer.stop()
        settings = self.context.settings
        columns = list(self.model.columns())
        settings.set(COLUMNS_OPTION, columns)
        saved: dict[str, Any] = settings.get(PROFILE_COLUMNS)
        by_profile = {**saved, self.context.url: columns}
        settings.set(PROFILE_COLUMNS, by_profile)
        state = self.view.horizontalHeader().saveState()
        settings.set_state(HEADER_STATE, state)
        settings.set_state(_profile_state_key(self.context), state)
