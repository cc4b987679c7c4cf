"""The Deployment page's warning bar: deployment must not fail silently.

With ``config.DOWNLOAD`` off, agents are told ``ON=0`` and install nothing, whatever is
assigned; a machine or one of its groups can also switch it off (DOWNLOAD_SWITCH). The bar
says so, and offers to turn deployment on for the server in one click (DOWNLOAD=1 through
``fleet/config_edit``, in the worker).
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.config_edit import write_changes
from ocs_desktop.fleet.overrides import download_blocked
from ocs_desktop.views.context import CONFIG, ConsoleContext
from ocs_desktop.views.qt import QtWidgets, Signal
from ocs_desktop.views.worker import Task


class DownloadWarning(QtWidgets.QFrame):
    """Hidden while deployment reaches the machines shown; a bar with a button otherwise."""

    #: The check finished (the bar shown or hidden).
    checked = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._key = f"download-warning-{id(self):x}"
        self._machine_ids: list[int] = []
        self.server_on = True
        self.setObjectName("downloadWarning")
        self.setStyleSheet(
            "#downloadWarning { background: #fff3cd; border: 1px solid #e0b000; }"
            " #downloadWarning QLabel { color: #5c4400; }"
        )
        self.text = QtWidgets.QLabel()
        self.text.setWordWrap(True)
        self.button = QtWidgets.QPushButton(self.tr("Turn deployment on"))
        self.button.setToolTip(self.tr("Set DOWNLOAD=1 in the server's configuration"))
        self.button.clicked.connect(self.turn_on)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()
        context.changed.connect(lambda topic: self.check() if topic == CONFIG else None)

    def check(self, machine_ids: list[int] | None = None) -> Task:
        """Read DOWNLOAD for the server and the machines (last ones given when None)."""
        if machine_ids is not None:
            self._machine_ids = list(machine_ids)
        ids = list(self._machine_ids)

        def read(conn: Connection, progress: Progress) -> tuple[bool, list[int]]:
            return download_blocked(conn, ids)

        return self.context.read(read, self._show, key=self._key)

    def _show(self, found: tuple[bool, list[int]]) -> None:
        server_on, off = found
        self.server_on = server_on
        if not server_on:
            self.text.setText(
                self.tr(
                    "Deployment is off for the whole server (DOWNLOAD=0): agents are told "
                    "not to install anything, whatever is assigned."
                )
            )
        elif off:
            self.text.setText(
                self.tr(
                    "Deployment is switched off for %n machine(s) of this package "
                    "(DOWNLOAD_SWITCH of the machine or one of its groups).",
                    "",
                    len(off),
                )
            )
        self.button.setVisible(not server_on)
        self.setVisible(not server_on or bool(off))
        self.checked.emit()

    def turn_on(self) -> Task:
        """DOWNLOAD=1, in the worker; the bar checks again when it is written."""
        self.button.setEnabled(False)

        def done(_written: object) -> None:
            self.button.setEnabled(True)
            self.context.status.emit(self.tr("Deployment turned on (DOWNLOAD=1)"))

        return self.context.write(
            lambda conn, progress: write_changes(conn, {"DOWNLOAD": 1}),
            done,
            topics=(CONFIG,),
            on_failed=self._failed,
        )

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.context.error.emit(message)
