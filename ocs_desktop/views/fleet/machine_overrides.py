"""What the server sends one machine for the keys a machine or group can override.

A read-only table under the machine's administrative data: each override key
(FREQUENCY, DOWNLOAD_SWITCH, the download latencies, IPDISCOVER...) with the value the
agent gets and where it comes from: the machine itself, one of its groups, or the
server's configuration (``fleet/overrides.effective``, read in the worker).
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.fleet.config_keys import CONTEXT
from ocs_desktop.fleet.overrides import Effective, Source, effective, group_names
from ocs_desktop.views.context import CONFIG, ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

Loaded = tuple[int, dict[str, Effective], dict[int, str]]


def _read(conn: Connection, hardware_id: int) -> Loaded:
    found = effective(conn, hardware_id)
    names = group_names(conn, [e.group_id for e in found.values() if e.group_id is not None])
    return hardware_id, found, names


class MachineOverrides(QtWidgets.QGroupBox):
    """The effective override values of the machine shown, with their source."""

    #: The values of a machine arrived.
    loaded = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(self.tr("Settings sent to this agent"), parent)
        self.context = context
        self.machine_id: int | None = None
        self._key = f"machine-overrides-{id(self):x}"
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.setObjectName("machineOverrides")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value"), self.tr("From")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        compact_rows(self.table)
        self.setToolTip(
            self.tr(
                "A machine's own value wins, then its groups', then the server's configuration."
            )
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        context.changed.connect(self._on_changed)

    def _on_changed(self, topic: str) -> None:
        if topic == CONFIG and self.machine_id is not None:
            self.show_machine(self.machine_id)

    def show_machine(self, hardware_id: int) -> Task:
        self.machine_id = hardware_id
        return self.context.read(
            lambda conn, progress: _read(conn, hardware_id), self._show, key=self._key
        )

    def _show(self, loaded: Loaded) -> None:
        hardware_id, found, names = loaded
        if hardware_id != self.machine_id:
            return
        self.table.setRowCount(len(found))
        for row, (name, value) in enumerate(found.items()):
            shown = str(value.value) + (f" ({value.subnet})" if value.subnet else "")
            source = QtCore.QCoreApplication.translate(CONTEXT, value.source.value)
            if value.source is Source.GROUP and value.group_id is not None:
                source = f"{source} {names.get(value.group_id, value.group_id)}"
            for column, text in enumerate((name, shown, source)):
                self.table.setItem(row, column, QtWidgets.QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.loaded.emit()
