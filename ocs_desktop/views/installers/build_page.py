"""The wizard's last page: the output folder, the build (worker, progress, Cancel), outputs.

The build is the core's (``agent_windows_build.build`` / ``build_linux_installer``), run
in the console's worker so the window stays live while makensis or makeself works; the
core leaves the output folder as it was when cancelled. Its refusals come back as the
core's ``InstallerError`` (returned, not raised, so they are worded here in the
console's language) and show under the field they are about when it is on this page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ocs_desktop.common.progress import Progress
from ocs_desktop.packager.agent_installer import BuiltInstaller, InstallerError
from ocs_desktop.views.installers.core_bridge import error_field
from ocs_desktop.views.installers.errors import installer_error_text
from ocs_desktop.views.installers.file_inputs import error_label, show_error
from ocs_desktop.views.installers.outputs import OutputsPanel
from ocs_desktop.views.installers.server_fields import add_row, column
from ocs_desktop.views.qt import QtWidgets, Signal
from ocs_desktop.views.worker import Task

if TYPE_CHECKING:
    from ocs_desktop.views.installers.wizard import InstallerWizard


class InstallerBuildPage(QtWidgets.QWizardPage):
    """Output folder, Build and Cancel, progress, and the outputs with their actions."""

    #: The installer was built (``BuiltInstaller``).
    built = Signal(object)
    #: The build ended without an installer: worded reason ("" when cancelled).
    stopped = Signal(str)

    def __init__(self, wizard: InstallerWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.task: Task | None = None
        self.result: BuiltInstaller | None = None
        self.setTitle(self.tr("Build"))
        self.setSubTitle(self.tr("Build the installer and its sidecar; Cancel leaves nothing."))
        self.setFinalPage(True)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("buildSummary")
        self.summary.setWordWrap(True)
        self.output_dir = QtWidgets.QLineEdit()
        self.output_dir.setObjectName("outputDir")
        self.output_error = error_label("outputDirError")
        self.browse_button = QtWidgets.QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.build_button = QtWidgets.QPushButton(self.tr("Bu&ild"))
        self.build_button.setObjectName("buildButton")
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QtWidgets.QPushButton(self.tr("&Cancel build"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QtWidgets.QLabel()
        self.status.setObjectName("buildStatus")
        self.status.setWordWrap(True)
        self.outputs = OutputsPanel(wizard.context, wizard.bridge)

        folder_row = QtWidgets.QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.output_dir, 1)
        folder_row.addWidget(self.browse_button)
        folder = QtWidgets.QWidget()
        folder.setLayout(folder_row)
        form = QtWidgets.QFormLayout()
        add_row(
            form, self.tr("Output &folder:"), column(folder, self.output_error), self.output_dir
        )
        run_row = QtWidgets.QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.build_button)
        run_row.addWidget(self.cancel_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(self.outputs)
        layout.addStretch(1)

    # --- the page ---------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.summary.setText(self.owner.describe())
        self.status.clear()
        self.progress.setValue(0)
        show_error(self.output_error, "")
        self.result = None
        self.outputs.show_built(None, self.owner.kind())
        self._show_running(False)
        self.build_button.setFocus()

    def cleanupPage(self) -> None:
        self.cancel()

    def isComplete(self) -> bool:
        return self.task is None and self.result is not None

    def browse(self) -> None:
        chosen = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Output folder"), self.output_dir.text()
        )
        if chosen:
            self.output_dir.setText(chosen)

    def folder(self) -> Path:
        return Path(self.output_dir.text().strip())

    def _show_running(self, running: bool) -> None:
        self.build_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.output_dir.setEnabled(not running)
        self.browse_button.setEnabled(not running)
        self.completeChanged.emit()

    # --- building ---------------------------------------------------------------------------
    def build(self) -> Task | None:
        """Build in the worker; None when it cannot start (already running, or refused)."""
        if self.task is not None:
            return None
        show_error(self.output_error, "")
        if not self.output_dir.text().strip():
            show_error(self.output_error, self.tr("Choose the folder the installer is written to."))
            return None
        kind, choices, folder = self.owner.kind(), self.owner.choices(), self.folder()
        problem = self.owner.bridge.problem(kind, choices, folder)
        if problem is not None:
            self._refused(problem)
            return None
        self.owner.remember()
        bridge = self.owner.bridge
        finished: list[BuiltInstaller] = []

        def job(progress: Progress) -> BuiltInstaller | InstallerError:
            try:
                built = bridge.build(kind, choices, folder, progress)
            except InstallerError as refusal:
                return refusal
            finished.append(built)
            return built

        self.result = None
        self.outputs.show_built(None, kind)
        self.progress.setValue(0)
        self.status.setText(self.tr("Building…"))
        task = self.owner.context.runner.run(
            job, on_done=self._done, on_failed=self._failed, on_progress=self._progressed
        )
        task.cancelled.connect(lambda: self._cancelled(finished))
        self.task = task
        self._show_running(True)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _done(self, result: BuiltInstaller | InstallerError) -> None:
        self.task = None
        if isinstance(result, InstallerError):
            self._refused(result)
        else:
            self._show_built(result)
        self._show_running(False)

    def _show_built(self, built: BuiltInstaller) -> None:
        self.result = built
        self.progress.setValue(1000)
        self.status.setText(self.tr("Built {0}.").format(built.path.name))
        self.outputs.show_built(built, self.owner.kind(), self.owner.choices())
        self.built.emit(built)

    def _refused(self, error: InstallerError) -> None:
        text = installer_error_text(error)
        field = error_field(error, self.owner.choices())
        if field == "output_dir":
            show_error(self.output_error, text)
        elif field:
            self.owner.show_field_error(field, text)
        self.status.setText(self.tr("Not built: {0}").format(text))
        self.stopped.emit(text)

    def _failed(self, message: str) -> None:
        self.task = None
        self._show_running(False)
        self.status.setText(self.tr("The build failed: {0}").format(message))
        self.stopped.emit(message)

    def _cancelled(self, finished: list[BuiltInstaller]) -> None:
        self.task = None
        if finished:  # the cancel came after the point of no return: the outputs are there
            self._show_built(finished[0])
        else:
            self.progress.setValue(0)
            self.status.setText(self.tr("Build cancelled; nothing was written."))
            self.stopped.emit("")
        self._show_running(False)
