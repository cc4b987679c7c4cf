"""The Administration page's Files for agents tab: what agents fetch at ``deploy/<name>``.

A list of the stored files (name, size) with Upload… (or files dropped on the tab),
Download… and Delete… (after confirmation). Uploads run in the worker, one transaction
per file, with a progress bar and Cancel; a file whose name exists is offered for
replacement afterwards. Names and sizes are checked by the core (``fleet.agent_files``):
a hostile name (``../x``, separators, control characters) is refused with its reason,
worded here, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.fleet.agent_files import (
    MAX_NAME,
    AgentFile,
    AgentFileError,
    delete_file,
    download_file,
    list_files,
    upload_file,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.file_drop_target import FileDropTarget
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.widgets.tables import single_row_table
from ocs_desktop.views.worker import Task

AGENT_FILES_TOPIC = "agent_files"


def size_text(size: int) -> str:
    return QtCore.QLocale().formattedDataSize(size)


def refusal_text(error: AgentFileError) -> str:
    """An :class:`AgentFileError` in the console's language."""
    value = str(error.value)
    texts = {
        "name_empty": QtCore.QCoreApplication.translate("AgentFilesTab", "The file name is empty."),
        "name_control": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "{0}: the name contains control characters."
        ),
        "name_separator": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "{0}: the name contains a path separator (/ or \\)."
        ),
        "name_traversal": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "{0}: a name may not start with a dot nor contain “..”."
        ),
        "name_chars": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "{0}: a name may hold only letters, digits and . _ - +"
        ),
        "name_long": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "{0}: the name is longer than {1} characters."
        ),
        "reserved": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "“label” is the agents' TAG prompt: edit it in the Label tab."
        ),
        "exists": QtCore.QCoreApplication.translate("AgentFilesTab", "{0} exists already."),
        "missing": QtCore.QCoreApplication.translate("AgentFilesTab", "{0} no longer exists."),
        "not_file": QtCore.QCoreApplication.translate("AgentFilesTab", "{0} is not a file."),
        "too_big": QtCore.QCoreApplication.translate(
            "AgentFilesTab", "The file is {0}, above the limit of {1}."
        ),
        "dest_exists": QtCore.QCoreApplication.translate("AgentFilesTab", "{0} exists already."),
    }
    text = texts.get(error.reason)
    if text is None:
        return QtCore.QCoreApplication.translate("AgentFilesTab", "Refused: {0}").format(str(error))
    if error.reason == "too_big":
        size = error.value if isinstance(error.value, int) else 0
        return text.format(size_text(size), size_text(error.limit))
    if error.reason == "name_long":
        return text.format(value[:40] + "…", MAX_NAME)
    return text.format(repr(value)[1:-1] if error.reason == "name_control" else value)


@dataclass(frozen=True)
class UploadOutcome:
    """Per file: stored, or refused (the error), or cancelled before its turn."""

    stored: list[AgentFile]
    refused: list[tuple[Path, AgentFileError]]


class AgentFilesModel(RowTableModel[AgentFile]):
    COLUMNS = ("name", "size")
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Size"))

    def file_at(self, row: int) -> AgentFile | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name if column == "name" else size_text(entry.size)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return f"/ocsinventory/deploy/{entry.name}"
        return None


class AgentFilesTab(FileDropTarget, QtWidgets.QWidget):
    """Files for agents: list, upload (button or drop), download, delete."""

    loaded = Signal()
    reported = Signal(str)
    #: An upload finished (also when some files were refused).
    uploaded = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAcceptDrops(True)
        self.upload_task: Task | None = None
        self.model = AgentFilesModel(self)
        self.view = single_row_table(self.model, "agentFilesTable")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)

        hint = QtWidgets.QLabel(
            self.tr("Files agents can fetch at /ocsinventory/deploy/NAME while the DEPLOY "
                    "option is on, such as ocspackage.exe. Drop files here to upload them.")
        )  # fmt: skip
        hint.setWordWrap(True)
        self.upload_button = QtWidgets.QPushButton(self.tr("Upload…"))
        self.download_button = QtWidgets.QPushButton(self.tr("Download…"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete…"))
        self.upload_button.clicked.connect(self.ask_upload)
        self.download_button.clicked.connect(self.ask_download)
        self.delete_button.clicked.connect(self.ask_delete)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.upload_button, self.download_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("agentFilesProgress")
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_upload)
        progress_row = QtWidgets.QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("agentFilesMessage")
        self.message.setWordWrap(True)
        self.reported.connect(self.message.setText)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(progress_row)
        layout.addWidget(self.message)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.refresh()

    # --- reading ----------------------------------------------------------------------
    def refresh(self) -> Task:
        def done(files: list[AgentFile]) -> None:
            self.model.replace_rows(files)
            self._update_buttons()
            self.loaded.emit()

        return self.context.read(
            lambda conn, _p: list_files(conn), done, key=f"agent-files-tab-{id(self):x}"
        )

    def selected(self) -> AgentFile | None:
        selection = self.view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.file_at(rows[0].row()) if rows else None

    def select(self, name: str) -> bool:
        for row in range(self.model.rowCount()):
            entry = self.model.file_at(row)
            if entry is not None and entry.name == name:
                self.view.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.download_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.upload_button.setEnabled(self.upload_task is None)

    # --- upload -----------------------------------------------------------------------
    def upload(self, paths: Sequence[Path], *, replace: bool = False) -> Task:
        """Upload ``paths`` in the worker, one transaction each, progress over their bytes."""
        files = [Path(p) for p in paths]
        engine = self.context.engine

        def run(progress: Callable[[int, int], bool]) -> UploadOutcome:
            sizes = [p.stat().st_size if p.is_file() else 0 for p in files]
            total = max(1, sum(sizes))
            outcome = UploadOutcome([], [])
            before = 0
            for path, size in zip(files, sizes, strict=True):

                def step(done: int, _total: int, base: int = before) -> bool:
                    return progress(base + done, total)

                try:
                    with engine.begin() as conn:
                        outcome.stored.append(
                            upload_file(conn, path, replace=replace, progress=step)
                        )
                except AgentFileError as refusal:
                    outcome.refused.append((path, refusal))
                before += size
                if not progress(before, total):
                    raise Cancelled()
            return outcome

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        task = self.context.runner.run(
            run, on_done=self._uploaded, on_failed=self._upload_failed,
            on_progress=self._progressed,
        )  # fmt: skip
        task.cancelled.connect(self._upload_cancelled)
        task.finished.connect(self._upload_finished)
        self.upload_task = task
        self._update_buttons()
        return task

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / max(1, total)))

    def cancel_upload(self) -> None:
        if self.upload_task is not None:
            self.upload_task.cancel()

    def _upload_finished(self) -> None:
        self.upload_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()
        self.context.changed.emit(AGENT_FILES_TOPIC)
        self.refresh()

    def _upload_cancelled(self) -> None:
        self.reported.emit(self.tr("Upload cancelled: the files already stored stay."))

    def _upload_failed(self, message: str) -> None:
        self.reported.emit(self.tr("The upload failed: {0}").format(message))

    def _uploaded(self, outcome: UploadOutcome) -> None:
        lines = []
        if outcome.stored:
            names = ", ".join(f.name for f in outcome.stored)
            lines.append(self.tr("Stored: {0}.").format(names))
        existing = [path for path, error in outcome.refused if error.reason == "exists"]
        lines += [refusal_text(error) for _p, error in outcome.refused if error.reason != "exists"]
        self.reported.emit(" ".join(lines))
        self.uploaded.emit(outcome)
        if existing and self.confirm_replace(existing):
            QtCore.QTimer.singleShot(0, lambda: self.upload(existing, replace=True))

    def confirm_replace(self, paths: Sequence[Path]) -> bool:
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Replace files"),
            self.tr("These files exist already; replace them?\n{0}").format(
                "\n".join(p.name for p in paths)
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def ask_upload(self) -> None:
        names, _filter = QtWidgets.QFileDialog.getOpenFileNames(self, self.tr("Files for agents"))
        if names:
            self.upload([Path(n) for n in names])

    # --- drag and drop (FileDropTarget) ------------------------------------------------
    def accepts(self, paths: list[Path]) -> bool:
        return self.upload_task is None and bool(paths)

    def dropped(self, paths: list[Path]) -> None:
        self.upload(paths)

    # --- download and delete -----------------------------------------------------------
    def download(self, name: str, target: Path) -> Task:
        def run(conn: Connection, _progress: Any) -> Any:
            try:
                return download_file(conn, name, target, overwrite=True)
            except AgentFileError as refusal:
                return refusal

        def done(result: Any) -> None:
            if isinstance(result, AgentFileError):
                self.reported.emit(refusal_text(result))
            else:
                self.reported.emit(self.tr("{0} saved to {1}.").format(name, str(target)))

        return self.context.read(run, done, on_failed=self._failed)

    def delete(self, name: str) -> Task:
        def run(conn: Connection, _progress: Any) -> Any:
            try:
                delete_file(conn, name)
            except AgentFileError as refusal:
                return refusal
            return None

        def done(result: Any) -> None:
            if isinstance(result, AgentFileError):
                self.reported.emit(refusal_text(result))
            else:
                self.reported.emit(self.tr("{0} deleted.").format(name))
            self.refresh()

        return self.context.write(run, done, topics=(AGENT_FILES_TOPIC,), on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self.reported.emit(self.tr("The database refused it: {0}").format(message))

    def ask_download(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        target, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save {0}").format(entry.name), entry.name
        )
        if target:
            self.download(entry.name, Path(target))

    def ask_delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete file"),
            self.tr("Delete {0}? Agents will no longer be able to fetch it.").format(entry.name),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.delete(entry.name)
