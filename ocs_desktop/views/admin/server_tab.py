"""Administration > Server status: which server this database is served by, and its health.

The server profile (base URL and the CA file that verifies it) is saved per database
profile in the console's settings, beside the database profiles; it holds no password
(``/health`` needs none). Refresh probes ``/health`` with TLS verification on
(``fleet.server_status``), shows the server's version, and counts the machines that sent
an inventory in the last hour, all in the worker with a timeout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.server_status import (
    Health,
    ServerProfile,
    health_url,
    probe_health,
    recent_inventories,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.settings import Option
from ocs_desktop.views.worker import Task

SERVER_PROFILES: Option[dict[str, Any]] = Option(
    "connection/server_profiles",
    {},
    "Per database profile: the URL and CA file of the communication server serving it.",
)
TIMEOUT_S = 5.0


@dataclass(frozen=True)
class ServerState:
    """What one refresh found."""

    health: Health | None
    inventories: int | None
    error: str = ""


def load_server_profile(context: ConsoleContext) -> ServerProfile:
    """The server profile saved for the connected database, or an empty one."""
    return ServerProfile.from_dict(context.settings.get(SERVER_PROFILES).get(context.url))


def save_server_profile(context: ConsoleContext, profile: ServerProfile) -> None:
    saved: dict[str, Any] = context.settings.get(SERVER_PROFILES)
    profiles = {**saved, context.url: profile.to_dict()}
    context.settings.set(SERVER_PROFILES, profiles)


class ServerTab(QtWidgets.QWidget):
    """The server profile of this database, and its status."""

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state: ServerState | None = None
        self._task: Task | None = None
        profile = load_server_profile(context)
        self.url = QtWidgets.QLineEdit(profile.url)
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("https://ocs.example.org:8443")
        self.ca_file = QtWidgets.QLineEdit(profile.ca_file)
        self.ca_file.setObjectName("serverCaFile")
        self.ca_file.setPlaceholderText(self.tr("cacert.pem (empty: the system's CAs)"))
        browse = QtWidgets.QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.save_button = QtWidgets.QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        ca_row = QtWidgets.QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        connection = QtWidgets.QGroupBox(self.tr("Server connection"))
        form = QtWidgets.QFormLayout(connection)
        form.addRow(self.tr("Server URL:"), self.url)
        form.addRow(self.tr("CA file:"), ca_row)
        form.addRow("", self.save_button)

        self.health_label = QtWidgets.QLabel("—")
        self.health_label.setObjectName("serverHealth")
        self.health_label.setWordWrap(True)
        self.version_label = QtWidgets.QLabel("—")
        self.version_label.setObjectName("serverVersion")
        self.inventories_label = QtWidgets.QLabel("—")
        self.inventories_label.setObjectName("serverInventories")
        self.checked_label = QtWidgets.QLabel("—")
        self.refresh_button = QtWidgets.QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        status = QtWidgets.QGroupBox(self.tr("Server status"))
        grid = QtWidgets.QFormLayout(status)
        grid.addRow(self.tr("Health:"), self.health_label)
        grid.addRow(self.tr("Server version:"), self.version_label)
        grid.addRow(self.tr("Inventories in the last hour:"), self.inventories_label)
        grid.addRow(self.tr("Checked at:"), self.checked_label)
        grid.addRow("", self.refresh_button)
        note = QtWidgets.QLabel(
            self.tr("The certificate is always verified: give the CA file of ocs-desktop "
                    "cert init for a private CA. Inventories are counted in the database.")
        )  # fmt: skip
        note.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(connection)
        layout.addWidget(status)
        layout.addWidget(note)
        layout.addStretch(1)
        self.refresh()

    def profile(self) -> ServerProfile:
        return ServerProfile(self.url.text().strip(), self.ca_file.text().strip())

    def save(self) -> Task | None:
        save_server_profile(self.context, self.profile())
        return self.refresh()

    def _browse(self) -> None:
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("CA file"),
            self.ca_file.text(),
            self.tr("PEM files (*.pem *.crt);;All (*)"),
        )
        if chosen:
            self.ca_file.setText(chosen)

    def refresh(self) -> Task | None:
        """Probe the server and count recent inventories, in the worker."""
        if self._task is not None:
            self._task.cancel()
        profile, engine = self.profile(), self.context.engine

        def job(progress: Progress) -> ServerState:
            health: Health | None = None
            error = ""
            if profile.url:
                try:
                    health_url(profile.url)
                    health = probe_health(profile, timeout=TIMEOUT_S)
                except ValueError as exc:
                    error = str(exc)
            with engine.connect() as conn:
                count = recent_inventories(conn)
            return ServerState(health, count, error)

        self.refresh_button.setEnabled(False)
        self.health_label.setText(self.tr("Checking…"))
        self._task = self.context.runner.run(job, on_done=self._show, on_failed=self._failed)
        return self._task

    def _finish(self) -> None:
        self._task = None
        self.refresh_button.setEnabled(True)
        self.checked_label.setText(QtCore.QTime.currentTime().toString("HH:mm:ss"))

    def _show(self, state: Any) -> None:
        self._finish()
        self.state = state
        health = state.health
        if state.error:
            text = self.tr("Not a server URL: {0}").format(state.error)
        elif health is None:
            text = self.tr("No server URL: enter the server's address and save.")
        elif health.ok:
            text = self.tr("OK (HTTP {0})").format(health.http_status)
        elif health.http_status is None:
            text = self.tr("Unreachable: {0}").format(health.detail)
        else:
            text = self.tr("Unhealthy (HTTP {0}): {1}").format(health.http_status, health.detail)
        color = "#1b5e20" if health is not None and health.ok else "#b00020"
        self.health_label.setStyleSheet(f"color:{color};font-weight:bold")
        self.health_label.setText(text)
        version = health.version if health is not None and health.version else None
        self.version_label.setText(version or self.tr("unknown"))
        self.inventories_label.setText(str(state.inventories))

    def _failed(self, message: str) -> None:
        self._finish()
        self.health_label.setStyleSheet("color:#b00020;font-weight:bold")
        self.health_label.setText(self.tr("Failed: {0}").format(message))
