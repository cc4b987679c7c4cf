"""The Deployment page: every package with its counts, and where one package stands.

The package list comes from ``status.list_packages`` and the status panel from
``status.package_status``, both read in the worker. The panel shows one bar per status
(waiting, notified, success, each ERR_* and EXIT_CODE_*), coloured by bucket; clicking a
bar filters the machine table to it. The actions are the packager core's: the wizard for a
new package, activation and assignment through the same forms as the wizard, unassign,
retry failed, delete, and a CSV export of the machines shown. Machines dragged from the
machines list onto a package are assigned to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.packager.assignment import assign, retry_failed, unassign
from ocs_desktop.packager.deletion import delete_package
from ocs_desktop.packager.status import (
    PackageStatus,
    PackageSummary,
    UnknownPackage,
    is_failure,
    list_packages,
    package_status,
)
from ocs_desktop.views.context import GROUPS, MACHINES, ConsoleContext
from ocs_desktop.views.deployment.activate_form import ActivateForm
from ocs_desktop.views.deployment.download_warning import DownloadWarning
from ocs_desktop.views.deployment.models import PackagesModel
from ocs_desktop.views.deployment.settings import DOWNLOAD_DIR, PACKAGES, store_path
from ocs_desktop.views.deployment.status_panel import StatusPanel
from ocs_desktop.views.deployment.targets import TargetsForm
from ocs_desktop.views.deployment.wizard import PackageWizard
from ocs_desktop.views.qt import Qt, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

HEADER_STATE = "deployment/header"
SPLITTER_STATE = "deployment/splitter"


class DeploymentPage(QtWidgets.QWidget):
    """Packages, their activation and counts; the selected package's machines by status."""

    page_key = "deployment"

    #: The package list arrived.
    loaded = Signal()
    #: The selected package's status arrived.
    statusLoaded = Signal()
    #: The status CSV export finished: rows written, path.
    exported = Signal(int, str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._key = f"deployment-{id(self):x}"
        self._wanted_fileid: str | None = None
        self.wizard: PackageWizard | None = None
        self.dialog: FormDialog | None = None

        self.model = PackagesModel(self)
        self.model.machinesDropped.connect(self.assign_machines)
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)
        self.view.setDropIndicatorShown(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        compact_rows(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())

        self.panel = StatusPanel(context)
        self.panel.filterChanged.connect(lambda _status: self._update_actions())
        self.panel.exported.connect(self.exported)
        # Shortcuts to the panel's parts, for the page's users and tests.
        self.chart = self.panel.chart
        self.statuses = self.panel.model
        self.status_view = self.panel.view
        self.status_filter = self.panel.status_filter

        self.download_warning = DownloadWarning(context)
        self._make_actions()
        toolbar = QtWidgets.QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.all_actions:
            toolbar.addAction(action)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.download_warning)
        layout.addWidget(self.splitter, 1)

        self._restore_layout()
        context.changed.connect(self._on_changed)
        self._show_status(None)
        self.refresh()

    # --- actions ----------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, slot: Any, tip: str) -> QtGui.QAction:
            act = QtGui.QAction(text, self)
            act.setToolTip(tip)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.new_action = action(
            self.tr("&New package…"), self.new_package, self.tr("Build a package with the wizard")
        )
        self.activate_action = action(
            self.tr("&Activate…"), self.ask_activate, self.tr("Publish and activate the package")
        )
        self.assign_action = action(
            self.tr("A&ssign…"),
            self.ask_assign,
            self.tr("Deploy the package to machines or groups"),
        )
        self.unassign_action = action(
            self.tr("&Unassign"),
            self.ask_unassign,
            self.tr("Stop deploying to the selected machines (or to every target)"),
        )
        self.retry_action = action(
            self.tr("&Retry failed"),
            self.retry_failed,
            self.tr("Put machines whose deployment failed back to waiting"),
        )
        self.delete_action = action(
            self.tr("&Delete…"), self.ask_delete, self.tr("Delete the package and its files")
        )
        self.export_action = action(
            self.tr("E&xport status CSV…"),
            lambda: self.export_csv(),
            self.tr("Export the machines shown below"),
        )
        self.all_actions = [
            self.new_action,
            self.activate_action,
            self.assign_action,
            self.unassign_action,
            self.retry_action,
            self.delete_action,
            self.export_action,
        ]

    def _update_actions(self) -> None:
        package = self.current_package()
        status = self.statuses.package_status()
        has = package is not None
        self.activate_action.setEnabled(has)
        self.assign_action.setEnabled(package is not None and package.activated)
        self.unassign_action.setEnabled(bool(status and (status.total or status.groups)))
        failed = bool(status and any(is_failure(s) for s in status.machines))
        self.retry_action.setEnabled(failed)
        self.delete_action.setEnabled(has)
        self.export_action.setEnabled(bool(self.statuses.rowCount()))

    # --- loading ----------------------------------------------------------------------------
    def refresh(self) -> Task:
        """Reload the package list, then the selected package's status."""
        wanted = self._wanted_fileid or self.current_fileid()

        def done(packages: list[PackageSummary]) -> None:
            self.model.set_packages(packages)
            row = self.model.row_of(wanted) if wanted else -1
            if row < 0 and self.model.rowCount():
                row = 0
            self._wanted_fileid = None
            if row >= 0:
                self.view.selectRow(row)
                self.view.setCurrentIndex(self.model.index(row, 0))
            self._selected()
            self.loaded.emit()

        return self.context.read(
            lambda conn, progress: list_packages(conn), done, key=self._key + "-list"
        )

    def select_package(self, fileid: str) -> None:
        """Select ``fileid`` now, or once the list holding it arrives."""
        row = self.model.row_of(fileid)
        if row < 0:
            self._wanted_fileid = fileid
            return
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))

    def current_package(self) -> PackageSummary | None:
        index = self.view.currentIndex()
        if not index.isValid() or not 0 <= index.row() < self.model.rowCount():
            return None
        return self.model.package(index.row())

    def current_fileid(self) -> str | None:
        package = self.current_package()
        return package.fileid if package is not None else None

    def _selected(self) -> None:
        fileid = self.current_fileid()
        if fileid is None:
            self._show_status(None)
            return

        def read(conn: Connection, progress: Progress) -> PackageStatus | None:
            try:
                return package_status(conn, fileid)
            except UnknownPackage:
                return None

        self.context.read(read, self._show_status, key=self._key + "-status")

    def _show_status(self, status: PackageStatus | None) -> None:
        if status is not None and status.fileid != self.current_fileid():
            return  # an answer for a package no longer selected
        self.panel.show_status(status)
        machines = status.machines.values() if status is not None else ()
        self.download_warning.check([s.hardware_id for states in machines for s in states])
        self._update_actions()
        self.statusLoaded.emit()

    def filter_status(self, status: str | None) -> None:
        """Show only the machines in ``status`` (None: all)."""
        self.panel.filter_status(status)

    def _on_changed(self, topic: str) -> None:
        if topic in (PACKAGES, MACHINES, GROUPS):
            self.refresh()

    # --- commands ---------------------------------------------------------------------------
    def new_package(self, preselected_ids: list[int] | None = None) -> PackageWizard:
        """Open the package wizard (not modal); the list follows what it builds."""
        wizard = PackageWizard(self.context, preselected_ids=preselected_ids or [], parent=self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.packageBuilt.connect(lambda built: self.select_package(built.fileid))
        self.wizard = wizard
        wizard.finished.connect(lambda _result: setattr(self, "wizard", None))
        wizard.open()
        return wizard

    def _form_dialog(
        self, title: str, form: QtWidgets.QWidget, primary: QtWidgets.QPushButton | None = None
    ) -> FormDialog:
        dialog = FormDialog(title, form, self, primary)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def ask_activate(self) -> ActivateForm | None:
        """The activation form for the selected package, in a dialog."""
        fileid = self.current_fileid()
        if fileid is None:
            return None
        form = ActivateForm(self.context)
        form.set_package(fileid, store_path(self.context.settings))
        self._form_dialog(
            self.tr("Activate package {0}").format(fileid), form, form.activate_button
        )
        return form

    def ask_assign(self, preselected_ids: list[int] | None = None) -> TargetsForm | None:
        """The targets form for the selected package, in a dialog."""
        fileid = self.current_fileid()
        if fileid is None:
            return None
        form = TargetsForm(self.context)
        form.set_package(fileid)
        form.load(preselected_ids)
        self._form_dialog(self.tr("Assign package {0}").format(fileid), form)
        return form

    def assign_machines(self, fileid: str, ids: list[int]) -> Task | None:
        """Assign ``fileid`` to machines (dropped from the machines list, for instance)."""
        if not ids:
            return None

        def done(assignment: Any) -> None:
            self.context.status.emit(
                self.tr("Package {0} assigned to %n machine(s)", "", len(ids)).format(fileid)
            )

        self.select_package(fileid)
        return self.context.write(
            lambda conn, progress: assign(conn, fileid, ids), done, topics=(PACKAGES,)
        )

    def ask_unassign(self) -> Task | None:
        """Unassign the machines selected below, or (after asking) every machine and group."""
        status = self.statuses.package_status()
        if status is None:
            return None
        ids = self.panel.selected_ids()
        if ids:
            return self.unassign(ids, [])
        machines = [s.hardware_id for states in status.machines.values() for s in states]
        groups = [gid for gid, _name in status.groups]
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Unassign package"),
            self.tr("Stop deploying {0} to all its {1} and {2}?").format(
                status.name,
                self.tr("%n machine(s)", "", len(machines)),
                self.tr("%n group(s)", "", len(groups)),
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.unassign(machines, groups)

    def unassign(self, machine_ids: list[int], group_ids: list[int]) -> Task | None:
        fileid = self.current_fileid()
        if fileid is None:
            return None

        def done(rows: int) -> None:
            self.context.status.emit(self.tr("%n assignment row(s) removed", "", rows))

        return self.context.write(
            lambda conn, progress: unassign(conn, fileid, machine_ids, group_ids),
            done,
            topics=(PACKAGES,),
        )

    def retry_failed(self) -> Task | None:
        """Put the selected package's failed machines back to waiting."""
        fileid = self.current_fileid()
        if fileid is None:
            return None

        def done(count: int) -> None:
            self.context.status.emit(self.tr("%n machine(s) will retry", "", count))

        return self.context.write(
            lambda conn, progress: retry_failed(conn, fileid), done, topics=(PACKAGES,)
        )

    def ask_delete(self) -> Task | None:
        package = self.current_package()
        if package is None:
            return None
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete package"),
            self.tr(
                "Delete {0} ({1})? Its activations and assignments are removed, and its "
                "files in the packages folder and the download folder."
            ).format(package.name, package.fileid),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.delete_package(package.fileid)

    def delete_package(self, fileid: str) -> Task:
        """Delete as OCS does (DELETED=1, no activations), with the stored and published files."""
        store = store_path(self.context.settings)
        folder = self.context.settings.get(DOWNLOAD_DIR).strip()
        download_dir = Path(folder) if folder and Path(folder).is_dir() else None

        def done(_result: Any) -> None:
            self.context.status.emit(self.tr("Package {0} deleted").format(fileid))

        return self.context.write(
            lambda conn, progress: delete_package(conn, fileid, store, download_dir),
            done,
            topics=(PACKAGES,),
        )

    def export_csv(self, path: str | os.PathLike[str] | None = None) -> Task | None:
        """Export the machines the status table shows (its filter applies) to CSV."""
        return self.panel.export_csv(path)

    # --- layout -----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self.context.settings
        header = settings.state(HEADER_STATE)
        if header is None or not self.view.horizontalHeader().restoreState(header):
            # No saved layout: fit the columns to the first list once it arrives.
            self.loaded.connect(self._fit_columns_once)
        splitter = settings.state(SPLITTER_STATE)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _fit_columns_once(self) -> None:
        if self.model.rowCount():
            self.loaded.disconnect(self._fit_columns_once)
            self.view.resizeColumnsToContents()

    def save_layout(self) -> None:
        """Keep the column widths and the split (the main window calls this on close)."""
        self.context.settings.set_state(HEADER_STATE, self.view.horizontalHeader().saveState())
        self.context.settings.set_state(SPLITTER_STATE, self.splitter.saveState())


class FormDialog(QtWidgets.QDialog):
    """A form in a dialog with a Close button (the form has its own action button).

    ``primary`` (the form's action: Activate) is what Enter presses; the form's other
    buttons (Browse…) never become the default by taking the focus. Without ``primary``
    Enter stays with the focused field (the targets' search box searches, never assigns).
    """

    def __init__(
        self,
        title: str,
        form: QtWidgets.QWidget,
        parent: QtWidgets.QWidget | None = None,
        primary: QtWidgets.QPushButton | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = form
        for button in form.findChildren(QtWidgets.QPushButton):
            button.setAutoDefault(button is primary)
        if primary is not None:
            primary.setDefault(True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(form, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def reject(self) -> None:
        cancel = getattr(self.form, "cancel", None)
        if cancel is not None:
            cancel()
        super().reject()
