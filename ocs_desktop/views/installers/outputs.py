"""What a build produced: the installer, its sidecar, SHA-256 and size, and what to do next.

"Open folder" shows the output folder in the file manager, "Copy SHA-256" puts the digest
on the clipboard (to paste in a change ticket or compare after a copy). For an
ocspackage.exe, two publications, each after a confirmation and in the worker: as the
agent file agents fetch at ``/ocsinventory/deploy/ocspackage.exe`` (one transaction,
``fleet.agent_files``), or as a deployment package that upgrades agents (the Windows
core's ``publish_upgrade_package``: built into the Deployment page's store and recorded).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.agent_files import AgentFile, AgentFileError
from ocs_desktop.packager.agent_installer import BuiltInstaller, InstallerError
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.installers.core_bridge import CoreBridge, upgrade_store
from ocs_desktop.views.installers.errors import installer_error_text
from ocs_desktop.views.qt import QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.worker import Task

#: ``ConsoleContext.changed`` topics the publications touch (the admin tab, the packages).
AGENT_FILES_TOPIC = "agent_files"
PACKAGES_TOPIC = "packages"
YES = QtWidgets.QMessageBox.StandardButton.Yes
NO = QtWidgets.QMessageBox.StandardButton.No


def size_text(size: int) -> str:
    return QtCore.QLocale().formattedDataSize(
        size, 1, QtCore.QLocale.DataSizeFormat.DataSizeIecFormat
    )


class OutputsPanel(QtWidgets.QGroupBox):
    """The last build's outputs and their actions."""

    #: A publication finished: its message (worded), shown under the buttons.
    published = Signal(str)

    def __init__(
        self, context: ConsoleContext, bridge: CoreBridge, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Outputs"))
        self.context = context
        self.bridge = bridge
        self.built: BuiltInstaller | None = None
        self.kind = ""
        self.choices: dict[str, Any] = {}
        self.publish_task: Task | None = None
        self.installer_path = self._field("outputInstaller")
        self.sidecar = self._field("outputSidecar")
        self.sha256 = self._field("outputSha256")
        self.size_field = self._field("outputSize")
        self.open_button = QtWidgets.QPushButton(self.tr("Open fol&der"))
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button = QtWidgets.QPushButton(self.tr("Copy &SHA-256"))
        self.copy_button.clicked.connect(self.copy_sha256)
        self.agent_file_button = QtWidgets.QPushButton(self.tr("Publish as &agent file…"))
        self.agent_file_button.setToolTip("/ocsinventory/deploy/ocspackage.exe")
        self.agent_file_button.clicked.connect(self.ask_publish_agent_file)
        self.upgrade_button = QtWidgets.QPushButton(self.tr("Publish as u&pgrade package…"))
        self.upgrade_button.clicked.connect(self.ask_publish_upgrade)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("outputsMessage")
        self.message.setWordWrap(True)
        self.published.connect(self.message.setText)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Installer:"), self.installer_path)
        form.addRow(self.tr("Sidecar:"), self.sidecar)
        form.addRow(self.tr("SHA-256:"), self.sha256)
        form.addRow(self.tr("Size:"), self.size_field)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.open_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        publish = QtWidgets.QHBoxLayout()  # a row of its own: long labels in French
        publish.addStretch(1)
        for button in (self.agent_file_button, self.upgrade_button):
            publish.addWidget(button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(publish)
        layout.addWidget(self.message)
        self.show_built(None, "")

    @staticmethod
    def _field(name: str) -> QtWidgets.QLineEdit:
        field = QtWidgets.QLineEdit()
        field.setObjectName(name)
        field.setReadOnly(True)
        field.setFrame(False)
        return field

    def show_built(
        self, built: BuiltInstaller | None, kind: str, choices: dict[str, Any] | None = None
    ) -> None:
        """Show ``built`` (None: nothing built yet), made from ``choices``; publishing is
        for Windows packages."""
        self.built, self.kind, self.choices = built, kind, dict(choices or {})
        self.installer_path.setText(str(built.path) if built else "")
        self.sidecar.setText(str(built.sidecar) if built else "")
        self.sha256.setText(built.sha256 if built else "")
        self.size_field.setText(size_text(built.size) if built else "")
        self.message.clear()
        self._update()

    def _update(self) -> None:
        built = self.built is not None
        self.open_button.setEnabled(built)
        self.copy_button.setEnabled(built)
        windows = self.kind == "windows"
        for button in (self.agent_file_button, self.upgrade_button):
            button.setVisible(windows)
            button.setEnabled(built and self.publish_task is None)

    # --- open and copy ----------------------------------------------------------------------
    def open_folder(self) -> bool:
        if self.built is None:
            return False
        url = QtCore.QUrl.fromLocalFile(str(self.built.path.parent))
        return QtGui.QDesktopServices.openUrl(url)

    def copy_sha256(self) -> None:
        if self.built is not None:
            clipboard = QtGui.QGuiApplication.clipboard()
            clipboard.setText(self.built.sha256)
            self.message.setText(self.tr("SHA-256 copied to the clipboard."))

    # --- publishing -------------------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        answer = QtWidgets.QMessageBox.question(self, title, text, YES | NO, NO)
        return answer == YES

    def ask_publish_agent_file(self) -> Task | None:
        """After a confirmation, store the exe as the agent file ``ocspackage.exe``."""
        built = self.built
        if built is None or not self.confirm(
            self.tr("Publish as agent file"),
            self.tr(
                "Store {0} in the database {1} as the agent file ocspackage.exe? Agents and "
                "users fetch it at /ocsinventory/deploy/ocspackage.exe; a previous one is "
                "replaced."
            ).format(built.path.name, self.context.url),
        ):
            return None
        bridge = self.bridge

        def run(conn: Connection, progress: Progress) -> AgentFile | AgentFileError:
            try:
                return bridge.publish_agent_file(conn, built, progress)
            except AgentFileError as refusal:
                return refusal

        def done(result: AgentFile | AgentFileError) -> None:
            self._published()
            if isinstance(result, AgentFileError):
                self.published.emit(self.agent_file_refusal(result))
                return
            self.context.changed.emit(AGENT_FILES_TOPIC)
            self.published.emit(
                self.tr("Published ({0}): agents fetch it at /ocsinventory/deploy/{1}.").format(
                    size_text(result.size), result.name
                )
            )

        self.message.setText(self.tr("Publishing…"))
        self.publish_task = self.context.write(run, done, on_failed=self._publish_failed)
        self._update()
        return self.publish_task

    def agent_file_refusal(self, error: AgentFileError) -> str:
        if error.reason == "too_big" and isinstance(error.value, int):
            return self.tr("Not published: the package is {0}, above the limit of {1}.").format(
                size_text(error.value), size_text(error.limit)
            )
        return self.tr("Not published: {0}").format(str(error))

    def ask_publish_upgrade(self) -> Task | None:
        """After a confirmation, record the deployment package that upgrades agents."""
        built = self.built
        if built is None or not self.confirm(
            self.tr("Publish as upgrade package"),
            self.tr(
                "Record in the database {0} a deployment package that upgrades the Windows "
                "agents with these choices (the setup with /UPGRADE, as OCS advises)? It is "
                "neither activated nor assigned: do that from the Deployment page."
            ).format(self.context.url),
        ):
            return None
        bridge, engine = self.bridge, self.context.engine
        choices, folder = dict(self.choices), built.path.parent
        store = upgrade_store(self.context.settings)

        def run(progress: Progress) -> BuiltPackage | InstallerError:
            try:
                return bridge.publish_upgrade(engine, choices, folder, store, progress)
            except InstallerError as refusal:
                return refusal

        def done(result: BuiltPackage | InstallerError) -> None:
            self._published()
            if isinstance(result, InstallerError):
                self.published.emit(
                    self.tr("Not published: {0}").format(installer_error_text(result))
                )
                return
            self.context.changed.emit(PACKAGES_TOPIC)
            self.published.emit(
                self.tr(
                    "Recorded as package {0}: activate and assign it from the Deployment page."
                ).format(result.fileid)
            )

        self.message.setText(self.tr("Publishing…"))
        self.publish_task = self.context.runner.run(
            run, on_done=done, on_failed=self._publish_failed
        )
        self._update()
        return self.publish_task

    def _published(self) -> None:
        self.publish_task = None
        self._update()

    def _publish_failed(self, message: str) -> None:
        self._published()
        self.published.emit(self.tr("Not published: {0}").format(message))
