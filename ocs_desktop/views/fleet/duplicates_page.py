"""The Duplicates page: candidate sets of machines that look like one, and why.

The sets come from the core's finder (:func:`~ocs_desktop.fleet.duplicates.find_duplicates`),
run in the worker with a progress bar and a Cancel button, narrowed to one criterion if
asked. Selecting a set explains it: the values the machines share, then the machines
side by side (newest first, the one a merge keeps) with what tells a reinstalled or
cloned PC from its twin, the shared values in bold. Blacklisted values several machines
share are listed apart, as excluded. From a set: "Merge…" (the plan, confirmed, in
:mod:`merge_dialog`), "These are not duplicates" (hidden until the set changes; "Show
ignored sets" brings it back with an undo), and the blacklist editor.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.duplicates import (
    ALL_SETS,
    DuplicateReport,
    DuplicateSet,
    SetCriterion,
    find_duplicates,
)
from ocs_desktop.fleet.duplicates_ignore import ignore_set, unignore_set
from ocs_desktop.views.context import DUPLICATES, MACHINES, ConsoleContext
from ocs_desktop.views.fleet.blacklist_dialog import BlacklistDialog, open_blacklist_dialog
from ocs_desktop.views.fleet.duplicates_models import (
    MachineIdRole,
    SetMachinesModel,
    SetsModel,
)
from ocs_desktop.views.fleet.duplicates_text import criterion_label, part_label
from ocs_desktop.views.fleet.merge_dialog import MergeDialog, open_merge_dialog, operator_name
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.reload import ReloadWhenShown
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task


class DuplicatesPage(QtWidgets.QWidget):
    """Candidate duplicate sets, the explanation of the selected one, and what to do."""

    page_key = "duplicates"

    #: The sets arrived and are shown.
    loaded = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: DuplicateReport | None = None
        self._task: Task | None = None
        self.merge_dialog: MergeDialog | None = None
        self.blacklist_dialog: BlacklistDialog | None = None

        self.criterion = QtWidgets.QComboBox()
        self.criterion.addItem(self.tr("All criteria"), None)
        for criterion in ALL_SETS:
            self.criterion.addItem(criterion_label(criterion), criterion.value)
        self.criterion.currentIndexChanged.connect(lambda _index: self.refresh())
        self.show_ignored = QtWidgets.QCheckBox(self.tr("Show ignored sets"))
        self.show_ignored.toggled.connect(lambda _checked: self.refresh())
        self.blacklists_button = QtWidgets.QPushButton(self.tr("&Blacklists…"))
        self.blacklists_button.clicked.connect(lambda _checked=False: self.edit_blacklists())
        self.count_label = QtWidgets.QLabel()
        criterion_label_widget = QtWidgets.QLabel(self.tr("&Criterion:"))
        criterion_label_widget.setBuddy(self.criterion)

        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(200)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress.hide()
        self.cancel_button.hide()

        top = QtWidgets.QHBoxLayout()
        top.addWidget(criterion_label_widget)
        top.addWidget(self.criterion)
        top.addWidget(self.show_ignored)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.blacklists_button)

        # Values excluded by the blacklists: a line, and the list on demand.
        self.excluded_bar = QtWidgets.QFrame()
        self.excluded_bar.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.excluded_label = QtWidgets.QLabel()
        self.excluded_label.setWordWrap(True)
        self.excluded_toggle = QtWidgets.QToolButton()
        self.excluded_toggle.setCheckable(True)
        self.excluded_toggle.setText(self.tr("Details"))
        self.excluded_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.excluded_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.excluded_toggle.toggled.connect(self._toggle_excluded)
        self.excluded = QtWidgets.QTreeWidget()
        self.excluded.setRootIsDecorated(False)
        self.excluded.setHeaderLabels([self.tr("Kind"), self.tr("Value"), self.tr("Machines")])
        self.excluded.setMaximumHeight(110)
        self.excluded.hide()
        bar_top = QtWidgets.QHBoxLayout()
        bar_top.setContentsMargins(0, 0, 0, 0)
        bar_top.addWidget(self.excluded_label, 1)
        bar_top.addWidget(self.excluded_toggle)
        bar_layout = QtWidgets.QVBoxLayout(self.excluded_bar)
        bar_layout.setContentsMargins(6, 2, 6, 2)
        bar_layout.addLayout(bar_top)
        bar_layout.addWidget(self.excluded)
        self.excluded_bar.hide()

        self.sets_model = SetsModel(self)
        self.sets_view = QtWidgets.QTableView()
        self.sets_view.setModel(self.sets_model)
        self.sets_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.sets_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.sets_view.setAlternatingRowColors(True)
        self.sets_view.setWordWrap(False)
        compact_rows(self.sets_view)
        header = self.sets_view.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.sets_view.selectionModel().currentRowChanged.connect(self._set_changed)

        self.why = QtWidgets.QLabel(self.tr("Select a set to see why its machines look alike."))
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.machines_model = SetMachinesModel(self)
        self.machines_view = QtWidgets.QTableView()
        self.machines_view.setModel(self.machines_model)
        self.machines_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.machines_view.setSelectionMode(
            QtWidgets.QAbstractItemView.SelectionMode.SingleSelection
        )
        self.machines_view.setWordWrap(False)
        compact_rows(self.machines_view)
        self.machines_view.horizontalHeader().setStretchLastSection(True)
        self.machines_view.resizeColumnsToContents()  # the headers fit before any set is shown
        self.machines_view.doubleClicked.connect(self._open_machine)
        self.machines_model.checksChanged.connect(self._update_actions)

        self.merge_button = QtWidgets.QPushButton(self.tr("&Merge…"))
        self.merge_button.setToolTip(
            self.tr("Merge the checked machines into the one heard from last")
        )
        self.merge_button.clicked.connect(lambda _checked=False: self.merge_selection())
        self.ignore_button = QtWidgets.QPushButton(self.tr("These are &not duplicates"))
        self.ignore_button.clicked.connect(lambda _checked=False: self.toggle_ignored())
        actions = QtWidgets.QHBoxLayout()
        actions.addWidget(self.merge_button)
        actions.addWidget(self.ignore_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        lower = QtWidgets.QWidget()
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.why)
        lower_layout.addWidget(self.machines_view, 1)
        lower_layout.addLayout(actions)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sets_view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.excluded_bar)
        layout.addWidget(splitter, 1)

        self._update_actions()
        self.reload = ReloadWhenShown(self, context, (MACHINES, DUPLICATES))

    # --- finding the sets ----------------------------------------------------------------
    def criteria(self) -> tuple[SetCriterion, ...]:
        value = self.criterion.currentData()
        return ALL_SETS if value is None else (SetCriterion(value),)

    def set_criterion(self, criterion: SetCriterion | None) -> None:
        """Show only the sets of ``criterion`` (None: every criterion)."""
        value = None if criterion is None else criterion.value
        self.criterion.setCurrentIndex(self.criterion.findData(value))

    def refresh(self) -> Task:
        """Find the sets again, in the worker (progress, Cancel)."""
        self.reload.stale = False
        criteria = self.criteria()
        include_ignored = self.show_ignored.isChecked()

        def read(conn: Connection, progress: Progress) -> DuplicateReport:
            return find_duplicates(
                conn, criteria, include_ignored=include_ignored, progress=progress
            )

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.count_label.setText(self.tr("Looking for duplicates…"))
        task = self.context.read(
            read,
            self._arrived,
            key=f"duplicates-{id(self):x}",
            on_progress=self._progress,
            on_failed=self._failed,
        )
        task.cancelled.connect(lambda: self._stopped(task, self.tr("Search cancelled.")))
        self._task = task
        return task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stopped(self, task: Task, text: str) -> None:
        if self._task is task:
            self._task = None
            self.progress.hide()
            self.cancel_button.hide()
            self.count_label.setText(text)

    def _failed(self, message: str) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.count_label.setText(self.tr("Duplicates not found: {0}").format(message))

    def _arrived(self, report: DuplicateReport) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        previous = self.current_set()
        self.report = report
        self.sets_model.replace_rows(report.sets)
        self._show_counts(report)
        self._show_excluded(report)
        row = 0
        if previous is not None:
            keys = [(s.criterion, s.key) for s in report.sets]
            if (previous.criterion, previous.key) in keys:
                row = keys.index((previous.criterion, previous.key))
        if report.sets:
            self.select_set(row)
        else:
            self._set_changed(QtCore.QModelIndex(), QtCore.QModelIndex())
        self.loaded.emit()

    def _show_counts(self, report: DuplicateReport) -> None:
        text = self.tr("%n set(s)", "", len(report.sets))
        if report.hidden and not self.show_ignored.isChecked():
            text += " · " + self.tr("%n ignored set(s) hidden", "", report.hidden)
        self.count_label.setText(text)

    def _show_excluded(self, report: DuplicateReport) -> None:
        self.excluded.clear()
        for value in report.excluded:
            item = QtWidgets.QTreeWidgetItem(
                [
                    criterion_label(SetCriterion(value.kind.value)),
                    value.value,
                    QtCore.QLocale().toString(value.machines),
                ]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.excluded.addTopLevelItem(item)
        for column in range(3):
            self.excluded.resizeColumnToContents(column)
        count = len(report.excluded)
        self.excluded_label.setText(
            self.tr(
                "%n shared value(s) excluded by the blacklists: they never make duplicates.",
                "",
                count,
            )
        )
        self.excluded_bar.setVisible(count > 0)

    def _toggle_excluded(self, shown: bool) -> None:
        self.excluded.setVisible(shown)
        self.excluded_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    # --- the selected set ----------------------------------------------------------------
    def current_set(self) -> DuplicateSet | None:
        index = self.sets_view.selectionModel().currentIndex()
        return self.sets_model.set_at(index.row()) if index.isValid() else None

    def select_set(self, row: int) -> None:
        """Select set ``row`` (as a click would): its explanation shows below."""
        self.sets_view.selectionModel().setCurrentIndex(
            self.sets_model.index(row, 0),
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )

    def _set_changed(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        found = self.sets_model.set_at(current.row()) if current.isValid() else None
        self.machines_model.show_set(found)
        if found is None:
            self.why.setText(self.tr("Select a set to see why its machines look alike."))
        else:
            self.why.setText(self.explain(found))
            self.machines_view.resizeColumnsToContents()
        self._update_actions()

    def explain(self, found: DuplicateSet) -> str:
        """Why the set's machines look alike, as rich text."""
        shared = " · ".join(
            f"{part_label(part)} <b>{_escape(value)}</b>" for part, value in found.values
        )
        text = self.tr(
            "%n machine(s) share {0}. Newest first: a merge of the checked machines "
            "keeps the first one.",
            "",
            len(found.machines),
        ).format(shared)
        if found.ignored:
            text += " " + self.tr("<i>Marked as not duplicates.</i>")
        return text

    def selected_machine_ids(self) -> list[int]:
        """The machines of the set a merge takes (checked; all of them at first)."""
        return self.machines_model.checked_ids()

    def select_machines(self, ids: Iterable[int]) -> None:
        """Take only these machines of the set into a merge."""
        self.machines_model.set_checked(ids)

    def _update_actions(self, *_args: object) -> None:
        found = self.current_set()
        self.merge_button.setEnabled(found is not None and len(self.selected_machine_ids()) >= 2)
        self.ignore_button.setEnabled(found is not None)
        if found is not None and found.ignored:
            self.ignore_button.setText(self.tr("&Show this set again"))
        else:
            self.ignore_button.setText(self.tr("These are &not duplicates"))

    def _open_machine(self, index: QtCore.QModelIndex) -> None:
        machine_id = index.data(MachineIdRole)
        if machine_id is not None:
            self.context.openMachine.emit(int(machine_id))

    # --- actions ---------------------------------------------------------------------------
    def merge_selection(self) -> MergeDialog | None:
        """Open the merge of the selected machines (the plan, to confirm)."""
        ids = self.selected_machine_ids()
        if len(ids) < 2:
            return None
        self.merge_dialog = open_merge_dialog(self.context, ids, self)
        return self.merge_dialog

    def toggle_ignored(self) -> Task | None:
        """Mark the selected set "not duplicates", or show an ignored one again."""
        found = self.current_set()
        if found is None:
            return None
        user = operator_name()
        if found.ignored:

            def undo(conn: Connection, progress: Progress) -> bool:
                return unignore_set(conn, found.criterion.value, found.key)

            return self.context.write(
                undo,
                lambda _shown: self.context.status.emit(self.tr("The set is listed again.")),
                topics=(DUPLICATES,),
            )

        def ignore(conn: Connection, progress: Progress) -> None:
            ignore_set(conn, found, user)

        return self.context.write(
            ignore,
            lambda _none: self.context.status.emit(
                self.tr("Set hidden until its machines change. Show ignored sets to undo.")
            ),
            topics=(DUPLICATES,),
        )

    def edit_blacklists(self) -> BlacklistDialog:
        """Open the serial and MAC blacklists."""
        self.blacklist_dialog = open_blacklist_dialog(self.context, self)
        return self.blacklist_dialog


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
