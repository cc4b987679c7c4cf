"""Where one package stands: a bar per status, and its machines, filterable and exportable.

The Deployment page hands this panel the ``PackageStatus`` it read in the worker. Each
status (waiting, notified, success, each ERR_* and EXIT_CODE_*) gets a bar coloured by
its bucket; clicking a bar shows only that status's machines, clicking it again shows
them all. The CSV export writes the machines shown, in the worker, and never leaves a
half-written file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.packager.status import WAITING, MachineState, PackageStatus
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.models import StatusModel, category_color, status_label
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.bar_chart import BarChart
from ocs_desktop.views.widgets.machine_actions import MachineActions
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

CSV_HEADER = ("FILEID", "HARDWARE_ID", "NAME", "STATUS", "COMMENTS", "VIA_GROUP")


def write_status_csv(path: Path, status: PackageStatus, states: Sequence[MachineState]) -> int:
    """Write ``states`` of ``status`` as CSV (the CLI's columns); rows written.

    Written beside the target and renamed into place, so a failure leaves no half file.
    """
    partial = path.with_name(path.name + ".part")
    try:
        # utf-8-sig: spreadsheet programs on Windows need the BOM to read UTF-8.
        with partial.open("w", newline="", encoding="utf-8-sig") as stream:
            writer = csv.writer(stream)
            writer.writerow(CSV_HEADER)
            for s in states:
                writer.writerow(
                    [status.fileid, s.hardware_id, s.name, s.status, s.comments or "",
                     int(s.via_group)]
                )  # fmt: skip
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return len(states)


class StatusChart(BarChart):
    """One bar per status, coloured by bucket; ``barClicked`` gives the bar's index."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        title = QtCore.QCoreApplication.translate("Deployment", "Machines by status")
        super().__init__(title, category_color(WAITING), parent)
        self.statuses: list[str] = []
        self.counts: list[int] = []

    def show_counts(self, counts: dict[str, int]) -> None:
        """Show ``{status: machines}`` in the order given."""
        self.statuses = list(counts)
        self.counts = [counts[s] for s in self.statuses]
        self.set_bars(
            [status_label(s) for s in self.statuses],
            self.counts,
            [category_color(s) for s in self.statuses],
        )


class StatusPanel(QtWidgets.QWidget):
    """The selected package's title, status chart and machine table."""

    #: The filter changed (the status shown, or None for all).
    filterChanged = Signal(object)
    #: The CSV export finished: rows written, path.
    exported = Signal(int, str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = QtWidgets.QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.chart = StatusChart()
        self.chart.setMinimumWidth(260)
        self.chart.barClicked.connect(self._bar_clicked)
        self.model = StatusModel(self)
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragOnly)
        self.view.setWordWrap(False)
        compact_rows(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(self._open_machine)
        self.machine_actions = MachineActions(context, self.view, self.selected_ids)
        self.status_filter = QtWidgets.QComboBox()
        self.status_filter.setMinimumContentsLength(18)
        self.status_filter.activated.connect(
            lambda index: self.filter_status(self.status_filter.itemData(index))
        )
        self.export_button = QtWidgets.QPushButton(self.tr("E&xport CSV…"))
        self.export_button.clicked.connect(lambda: self.export_csv())

        filter_row = QtWidgets.QHBoxLayout()
        filter_row.addWidget(QtWidgets.QLabel(self.tr("Show:")))
        filter_row.addWidget(self.status_filter)
        filter_row.addStretch(1)
        filter_row.addWidget(self.export_button)
        machines = QtWidgets.QWidget()
        machines_layout = QtWidgets.QVBoxLayout(machines)
        machines_layout.setContentsMargins(0, 0, 0, 0)
        machines_layout.addLayout(filter_row)
        machines_layout.addWidget(self.view, 1)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(machines)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)
        self.show_status(None)

    def package_status(self) -> PackageStatus | None:
        return self.model.package_status()

    def show_status(self, status: PackageStatus | None) -> None:
        """Show ``status`` (None: no package selected); a filter on a gone status is dropped."""
        self.model.set_status(status)
        self.chart.show_counts(status.counts if status is not None else {})
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), None)
        if status is None:
            self.title.setText(self.tr("No package selected."))
        else:
            for name, states in status.machines.items():
                self.status_filter.addItem(f"{status_label(name)} ({len(states)})", name)
            text = self.tr("{0} ({1}): %n machine(s)", "", status.total).format(
                status.name, status.fileid
            )
            if status.groups:
                groups = ", ".join(name for _gid, name in status.groups)
                text += " " + self.tr("— groups: {0}").format(groups)
            self.title.setText(text)
        self._sync_filter_combo()
        self.view.resizeColumnsToContents()
        self.export_button.setEnabled(bool(self.model.rowCount()))

    def filter_status(self, status: str | None) -> None:
        """Show only the machines in ``status`` (None: all)."""
        self.model.set_filter(status)
        self._sync_filter_combo()
        self.export_button.setEnabled(bool(self.model.rowCount()))
        self.filterChanged.emit(status)

    def _sync_filter_combo(self) -> None:
        index = self.status_filter.findData(self.model.status_filter())
        self.status_filter.setCurrentIndex(max(0, index))

    def _bar_clicked(self, index: int) -> None:
        if 0 <= index < len(self.chart.statuses):
            status = self.chart.statuses[index]
            same = self.model.status_filter() == status
            self.filter_status(None if same else status)

    def _open_machine(self, index: QtCore.QModelIndex) -> None:
        ids = self.model.ids_for([index])
        if ids:
            self.context.openMachine.emit(ids[0])

    def selected_ids(self) -> list[int]:
        """The machines selected in the table."""
        selection = self.view.selectionModel()
        return self.model.ids_for(selection.selectedRows()) if selection else []

    def export_csv(self, path: str | os.PathLike[str] | None = None) -> Task | None:
        """Export the machines the table shows (its filter applies) to CSV, in the worker.

        Without ``path`` the user picks the file.
        """
        status = self.model.package_status()
        states = self.model.states()
        if status is None or not states:
            return None
        if path is None:
            chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
                self,
                self.tr("Export package status"),
                f"package-{status.fileid}.csv",
                self.tr("CSV files (*.csv)"),
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)

        def export(progress: Progress) -> int:
            report(progress, 0, len(states))
            return write_status_csv(target, status, states)

        def done(count: int) -> None:
            self.context.status.emit(
                self.tr("%n machine(s) exported to {0}", "", count).format(target.name)
            )
            self.exported.emit(count, str(target))

        return self.context.runner.run(export, on_done=done, on_failed=self.context.error.emit)
