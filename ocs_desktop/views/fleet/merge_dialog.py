"""Merging duplicates by hand: the plan shown, confirmed, then carried out in the worker.

Both doors lead here: "Merge…" on a set of the Duplicates page and "Merge as
duplicates…" on a selection of the machines list. The dialog reads the core's
:class:`~ocs_desktop.fleet.duplicates_merge.MergePlan` in the worker and shows it before
anything is written: which machine survives (the one heard from last), which are deleted,
what the survivor keeps from whom and which rows go. Cancel is the default button: a
merge deletes machines. When the machines changed between the plan and the merge
(:class:`StalePlan`), nothing is merged; the dialog says so and shows the new plan, to be
confirmed again.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.db.machine_merge import MergeConflict, MergeOutcome
from ocs_desktop.fleet.duplicates_merge import (
    MergePlan,
    PlanMachine,
    PlanRows,
    StalePlan,
    merge,
    plan_merge,
)
from ocs_desktop.views.context import (
    DUPLICATES,
    GROUPS,
    MACHINES,
    SOFTWARE,
    TAGS,
    ConsoleContext,
    DbFn,
)
from ocs_desktop.views.fleet.duplicates_text import merge_error, table_label
from ocs_desktop.views.fleet.machines_model import format_value
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.worker import Task

#: What a refused plan or merge comes back as from the worker: its exception, to be
#: translated here (the worker's ``failed`` would carry only its English text).
REFUSALS = (StalePlan, MergeConflict, TimeoutError, LookupError, ValueError)


def operator_name() -> str:
    """Who merged, for the FUSION line of the OCS log."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ocs-desktop"


def _plan(ids: Sequence[int]) -> DbFn:
    def read(conn: Connection, progress: Progress) -> MergePlan | Exception:
        try:
            return plan_merge(conn, ids)
        except REFUSALS as exc:
            return exc

    return read


class MergeDialog(QtWidgets.QDialog):
    """The plan of merging ``ids``, and the button that carries it out."""

    #: The plan arrived (or was refused): the dialog shows it.
    planned = Signal()
    #: The machines were merged: the :class:`MergeOutcome`.
    merged = Signal(object)

    def __init__(
        self,
        context: ConsoleContext,
        ids: Sequence[int],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.ids = sorted(set(ids))
        self.plan: MergePlan | None = None
        self._task: Task | None = None
        self.merging = False
        self.setWindowTitle(self.tr("Merge duplicates"))
        self.setMinimumWidth(560)

        self.heading = QtWidgets.QLabel(self.tr("Reading the plan of the merge…"))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.rules = QtWidgets.QLabel(
            self.tr(
                "The machine heard from last survives. Its settings and static groups come "
                "from the oldest machine, its TAG and admin fields from the one that has them "
                "filled in; every comment is kept."
            )
        )
        self.rules.setWordWrap(True)
        self.warning = QtWidgets.QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("mergeWarning")
        self.warning.setStyleSheet("color: #a33;")
        self.warning.hide()
        self.details = QtWidgets.QTreeWidget()
        self.details.setColumnCount(3)
        self.details.setHeaderLabels([self.tr("What"), self.tr("Details"), self.tr("Rows")])
        self.details.setRootIsDecorated(True)
        self.details.setAlternatingRowColors(True)
        header = self.details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.note = QtWidgets.QLabel(self.tr("A merge cannot be undone."))
        self.note.setWordWrap(True)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)

        self.buttons = QtWidgets.QDialogButtonBox()
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        assert self.merge_button is not None and self.cancel_button is not None
        self.merge_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.start_merge)
        self.cancel_button.clicked.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.rules)
        layout.addWidget(self.warning)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(820, 500)
        self.load_plan()

    # --- the plan ------------------------------------------------------------------------
    def load_plan(self) -> Task:
        """Read (again) the plan of merging the machines, in the worker."""
        self.plan = None
        self.merge_button.setEnabled(False)
        self.progress.show()
        self._task = self.context.read(
            _plan(self.ids),
            self._plan_arrived,
            key=f"merge-plan-{id(self):x}",
            on_failed=self._failed,
        )
        return self._task

    def _plan_arrived(self, result: MergePlan | Exception) -> None:
        self._task = None
        self.progress.hide()
        if isinstance(result, Exception):
            self.heading.setText(self.tr("These machines cannot be merged."))
            self._warn(merge_error(result, len(self.ids)))
            self.details.clear()
        else:
            self.show_plan(result)
        self.planned.emit()

    def _failed(self, message: str) -> None:
        self._task = None
        self.merging = False
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self._warn(self.tr("Nothing was merged: {0}").format(message))
        self.planned.emit()

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()

    def _machine(self, machine: PlanMachine) -> str:
        name = machine.name or self.tr("(no name)")
        return self.tr("{0} (ID {1})").format(name, machine.id)

    def show_plan(self, plan: MergePlan) -> None:
        """Show what ``plan`` keeps and deletes; Merge becomes possible."""
        self.plan = plan
        names = {m.id: self._machine(m) for m in (plan.survivor, *plan.merged)}
        self.heading.setText(
            self.tr("Merge %n machine(s) into {0}?", "", len(plan.merged)).format(
                names[plan.survivor.id]
            )
        )
        self.details.clear()

        def section(title: str, rows: int | None = None) -> QtWidgets.QTreeWidgetItem:
            item = QtWidgets.QTreeWidgetItem([title, "", "" if rows is None else str(rows)])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.details.addTopLevelItem(item)
            item.setExpanded(True)
            return item

        survivor = section(self.tr("Survives (heard from last)"))
        self._machine_item(survivor, plan.survivor)
        deleted = section(self.tr("Deleted (merged into it)"))
        for machine in plan.merged:
            self._machine_item(deleted, machine)
        kept = section(self.tr("The survivor keeps"), sum(r.rows for r in plan.keep))
        for rows in plan.keep:
            self._rows_item(kept, rows, names)
        gone = section(self.tr("Rows deleted"), sum(r.rows for r in plan.delete))
        for rows in plan.delete:
            self._rows_item(gone, rows, names)
        gone.setExpanded(False)
        notes = [self.tr("A merge cannot be undone.")]
        if plan.trace_deleted:
            notes.append(
                self.tr("Each deleted machine is recorded in deleted_equiv (TRACE_DELETED).")
            )
        self.note.setText(" ".join(notes))
        self.merge_button.setEnabled(True)

    def _machine_item(self, parent: QtWidgets.QTreeWidgetItem, machine: PlanMachine) -> None:
        contact = format_value(machine.last_contact) or self.tr("never")
        details = self.tr("last contact {0} · {1}").format(contact, machine.deviceid)
        item = QtWidgets.QTreeWidgetItem(parent, [self._machine(machine), details, ""])
        item.setToolTip(1, details)

    def _rows_item(
        self, parent: QtWidgets.QTreeWidgetItem, rows: PlanRows, names: dict[int, str]
    ) -> None:
        item = QtWidgets.QTreeWidgetItem(
            parent,
            [table_label(rows.table), names.get(rows.machine, str(rows.machine)), str(rows.rows)],
        )
        item.setToolTip(0, rows.table)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # --- the merge -----------------------------------------------------------------------
    def start_merge(self) -> Task | None:
        """Carry out the plan shown, in the worker; the dialog closes once it is done."""
        plan = self.plan
        if plan is None or self.merging:
            return None
        self.merging = True
        self.merge_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.warning.hide()
        self.progress.show()
        self.heading.setText(self.tr("Merging…"))
        engine = self.context.engine
        user = operator_name()

        def job(progress: Progress) -> MergeOutcome | Exception:
            try:
                return merge(engine, plan, user=user)
            except REFUSALS as exc:
                return exc

        self._task = self.context.runner.run(job, on_done=self._merged, on_failed=self._failed)
        return self._task

    def _merged(self, result: MergeOutcome | Exception) -> None:
        self._task = None
        self.merging = False
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        if isinstance(result, Exception):
            message = merge_error(result, len(self.ids))
            self.context.changed.emit(DUPLICATES)
            self.load_plan()
            self._warn(message)
            return
        for topic in (MACHINES, TAGS, GROUPS, SOFTWARE, DUPLICATES):
            self.context.changed.emit(topic)
        self.context.status.emit(
            self.tr("%n machine(s) merged into machine {0}", "", len(result.deleted)).format(
                result.survivor
            )
        )
        self.merged.emit(result)
        self.accept()

    def reject(self) -> None:
        if self.merging:
            return  # one transaction under way: it cannot be stopped half-way
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().reject()


def open_merge_dialog(
    context: ConsoleContext, ids: Sequence[int], parent: QtWidgets.QWidget | None = None
) -> MergeDialog:
    """Show the merge of ``ids`` (window-modal, deleted once closed)."""
    dialog = MergeDialog(context, ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
