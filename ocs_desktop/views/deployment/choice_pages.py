"""The package wizard's first two pages: what goes in, and what the agent does with it.

:class:`FilesPage` takes dropped or chosen files and folders, a ready-made archive, or
nothing (a command alone); :class:`PackagePage` takes the name, the target OS and the
action with its command, path or file. The package page lets the wizard judge the package
(through ``PackageSpec.validate``), so it accepts exactly what the builder accepts.

Each widget that shows a ``PackageSpec`` field is bound to it by the field's name (a
:class:`Binding` in its page's ``bindings``); the wizard reads and fills every declared
field (``SPEC_FIELDS``) through them. The pages know nothing of the wizard: they are given
what they need when they are made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocs_desktop.packager.archive import TAR_GZ, detect_format
from ocs_desktop.packager.spec import SPEC_FIELDS, Action, TargetOs
from ocs_desktop.views.deployment.files import DropZone, FilesModel, format_size, measure
from ocs_desktop.views.qt import QtWidgets
from ocs_desktop.views.worker import TaskRunner


@dataclass(frozen=True, slots=True)
class Binding:
    """How the wizard reads and fills the widget showing one ``PackageSpec`` field."""

    get: Callable[[], Any]
    set: Callable[[Any], None]


def bind(widget: QtWidgets.QWidget) -> Binding:
    """The plain binding of an editable widget: its text, number or check state."""
    if isinstance(widget, QtWidgets.QLineEdit):
        return Binding(widget.text, widget.setText)
    if isinstance(widget, QtWidgets.QPlainTextEdit):
        return Binding(widget.toPlainText, widget.setPlainText)
    if isinstance(widget, QtWidgets.QSpinBox):
        return Binding(widget.value, widget.setValue)
    if isinstance(widget, QtWidgets.QAbstractButton | QtWidgets.QGroupBox):
        return Binding(widget.isChecked, widget.setChecked)
    raise TypeError(f"no plain binding for a {type(widget).__name__}")


def _stripped(line: QtWidgets.QLineEdit) -> Binding:
    return Binding(lambda: line.text().strip(), line.setText)


class FilesPage(QtWidgets.QWizardPage):
    """Page 1: the files and folders to package, a ready-made archive, or nothing."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.runner = runner
        self.setTitle(self.tr("Files"))
        self.setSubTitle(
            self.tr(
                "Drop the files and folders to deploy, or choose them. A folder keeps its name."
            )
        )
        self.mode = "files"
        self.archive_kind: str | None = None
        self.model = FilesModel(self)
        self.drop_zone = DropZone()
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.model)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.drop_zone.pathsDropped.connect(self.add_paths)
        self.model.pathsDropped.connect(self.add_paths)
        self.model.totalChanged.connect(self._update)

        add_files = QtWidgets.QPushButton(self.tr("Add &files…"))
        add_files.clicked.connect(self._choose_files)
        add_folder = QtWidgets.QPushButton(self.tr("Add f&older…"))
        add_folder.clicked.connect(self._choose_folder)
        use_archive = QtWidgets.QPushButton(self.tr("Use existing &archive…"))
        use_archive.clicked.connect(self._choose_archive)
        no_file = QtWidgets.QPushButton(self.tr("&No file (command only)"))
        no_file.clicked.connect(self.use_no_file)
        self.remove_button = QtWidgets.QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)

        buttons = QtWidgets.QHBoxLayout()
        for button in (add_files, add_folder, use_archive, no_file):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.drop_zone)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self._update()

    # --- choosing ---------------------------------------------------------------------------
    def add_paths(self, paths: Iterable[Path | str]) -> list[Path]:
        """Add files and folders (leaving archive or command-only mode); measure folders."""
        if self.mode != "files":
            self.mode, self.archive_kind = "files", None
            self.model.clear()
        added = self.model.add(Path(p) for p in paths)
        folders = [p for p in added if p.is_dir()]
        if folders:
            self.runner.run(
                lambda progress: measure(folders, progress), on_done=self.model.set_sizes
            )
        self._update()
        return added

    def use_archive(self, path: Path | str) -> bool:
        """Use a ready-made zip or tar.gz as the package, as is (it is checked at build)."""
        path = Path(path)
        kind = detect_format(path) if path.is_file() else None
        if kind is None:
            self.summary.setText(self.tr("{0} is not a zip or tar.gz archive.").format(path.name))
            return False
        self.model.clear()
        self.mode, self.archive_kind = "archive", kind
        self.model.add([path])
        self._update()
        return True

    def use_no_file(self) -> None:
        """No payload: the package is a command alone (execute only, FRAGS=0)."""
        self.model.clear()
        self.mode, self.archive_kind = "none", None
        self._update()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        self.model.remove_rows(rows)
        if self.mode == "archive" and not self.model.rowCount():
            self.mode, self.archive_kind = "files", None
        self._update()

    def _choose_files(self) -> None:
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(self, self.tr("Add files"))
        if paths:
            self.add_paths(paths)

    def _choose_folder(self) -> None:
        path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Add a folder"))
        if path:
            self.add_paths([path])

    def _choose_archive(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Use an existing archive"),
            "",
            self.tr("Archives (*.zip *.tar.gz *.tgz);;All files (*)"),
        )
        if path:
            self.use_archive(path)

    # --- what was chosen --------------------------------------------------------------------
    def sources(self) -> list[Path]:
        return self.model.paths() if self.mode == "files" else []

    def archive(self) -> Path | None:
        paths = self.model.paths()
        return paths[0] if self.mode == "archive" and paths else None

    def total_size(self) -> int | None:
        return 0 if self.mode == "none" else self.model.total_size()

    def _update(self) -> None:
        total = self.model.total_size()
        count = self.model.rowCount()
        if self.mode == "none":
            text = self.tr("No file: the package is a command alone (execute only).")
        elif self.mode == "archive":
            text = self.tr("Ready-made {0} archive, used as is: {1}.").format(
                self.archive_kind, format_size(total)
            )
        elif not count:
            text = self.tr("Nothing chosen yet.")
        else:
            text = self.tr("%n item(s), {0} in all.", "", count).format(format_size(total))
        self.summary.setText(text)
        self.remove_button.setEnabled(count > 0)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.mode != "files" or self.model.rowCount() > 0


class PackagePage(QtWidgets.QWizardPage):
    """Page 2: name, target OS, and the action with its command, path or file."""

    def __init__(self, files: FilesPage, problems: Callable[[], list[str]]) -> None:
        """``problems()`` says why the package cannot be built as it stands."""
        super().__init__()
        self.files = files
        self.problems_of = problems
        self.setTitle(self.tr("Target and action"))
        self.setSubTitle(self.tr("Which machines the package is for and what their agent does."))
        self.name = QtWidgets.QLineEdit()
        self.name.setMaxLength(255)
        self.description = QtWidgets.QLineEdit()
        self.os_buttons = QtWidgets.QButtonGroup(self)
        os_row = QtWidgets.QHBoxLayout()
        for target, label in (
            (TargetOs.WINDOWS, self.tr("Windows (zip)")),
            (TargetOs.LINUX, self.tr("Linux (tar.gz)")),
            (TargetOs.MACOS, self.tr("macOS (tar.gz)")),
        ):
            button = QtWidgets.QRadioButton(label)
            button.setProperty("value", target.value)
            self.os_buttons.addButton(button)
            os_row.addWidget(button)
        os_row.addStretch(1)
        self.action_buttons = QtWidgets.QButtonGroup(self)
        action_row = QtWidgets.QHBoxLayout()
        for action, label in (
            (Action.EXECUTE, self.tr("Execute a command")),
            (Action.STORE, self.tr("Store the files")),
            (Action.LAUNCH, self.tr("Launch a file of the package")),
        ):
            button = QtWidgets.QRadioButton(label)
            button.setProperty("value", action.value)
            self.action_buttons.addButton(button)
            action_row.addWidget(button)
        action_row.addStretch(1)
        self.order_label = QtWidgets.QLabel()
        self.order = QtWidgets.QLineEdit()
        self.hint = QtWidgets.QLabel()
        self.hint.setWordWrap(True)
        self.problems = QtWidgets.QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self._orders = {a.value: "" for a in Action}
        self._action = Action.EXECUTE.value

        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("Target OS:"), os_row)
        form.addRow(self.tr("Action:"), action_row)
        form.addRow(self.order_label, self.order)
        form.addRow("", self.hint)
        form.addRow(self.problems)
        self.set_os(TargetOs.WINDOWS)
        self.set_action(Action.EXECUTE)
        self.name.textChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.order.textChanged.connect(self._order_edited)
        self.os_buttons.buttonToggled.connect(lambda *_: self._changed())
        self.action_buttons.buttonToggled.connect(self._action_toggled)
        self.bindings = {
            "name": _stripped(self.name),
            "description": _stripped(self.description),
            "os": Binding(self.os, self.set_os),
            "action": Binding(self.action, self.set_action),
            **{
                field.name: self._order_binding(Action(field.action))
                for field in SPEC_FIELDS
                if field.action is not None
            },
        }

    def os(self) -> TargetOs:
        button = self.os_buttons.checkedButton()
        return TargetOs(button.property("value")) if button else TargetOs.LINUX

    def set_os(self, target: TargetOs | str) -> None:
        for button in self.os_buttons.buttons():
            if button.property("value") == TargetOs(target).value:
                button.setChecked(True)

    def action(self) -> Action:
        return Action(self._action)

    def set_action(self, action: Action | str) -> None:
        for button in self.action_buttons.buttons():
            if button.property("value") == Action(action).value:
                button.setChecked(True)
        self._show_action(Action(action))

    def order_for(self, action: Action) -> str:
        return self._orders[action.value].strip() if action == self.action() else ""

    def set_order(self, text: str) -> None:
        """The command, path or file of the current action."""
        self.order.setText(text)

    def set_order_for(self, action: Action, text: str) -> None:
        """The command, path or file of ``action``, kept until that action is chosen."""
        if action == self.action():
            self.set_order(text)
        else:
            self._orders[action.value] = text

    def _order_binding(self, action: Action) -> Binding:
        return Binding(
            lambda: self.order_for(action), lambda text: self.set_order_for(action, text)
        )

    def _action_toggled(self, button: QtWidgets.QAbstractButton, checked: bool) -> None:
        if checked:
            self._show_action(Action(button.property("value")))

    def _show_action(self, action: Action) -> None:
        # Each action keeps its own text: switching back and forth loses nothing.
        self._action = action.value
        labels = {
            Action.EXECUTE: (
                self.tr("&Command:"),
                self.tr("Run in the folder the package is extracted to, e.g. sh install.sh"),
            ),
            Action.STORE: (
                self.tr("&Destination folder:"),
                self.tr("Folder on the machine; INSTALL_PATH stands for the agent's folder."),
            ),
            Action.LAUNCH: (
                self.tr("&File to launch:"),
                self.tr("A file of the package, with its arguments, e.g. setup.exe /S"),
            ),
        }
        label, hint = labels[action]
        self.order_label.setText(label)
        self.order_label.setBuddy(self.order)
        self.hint.setText(hint)
        self.order.blockSignals(True)
        self.order.setText(self._orders[action.value])
        self.order.blockSignals(False)
        self._changed()

    def _order_edited(self, text: str) -> None:
        self._orders[self._action] = text
        self._changed()

    def initializePage(self) -> None:
        files = self.files
        if not self.name.text().strip():
            paths = files.model.paths()
            if paths:
                name = paths[0].name
                for suffix in (".tar.gz", ".tgz", ".zip"):
                    name = name.removesuffix(suffix)
                self.name.setText(name)
        command_only = files.mode == "none"
        for button in self.action_buttons.buttons():
            button.setEnabled(not command_only or button.property("value") == Action.EXECUTE)
        if command_only:
            self.set_action(Action.EXECUTE)
        for button in self.os_buttons.buttons():
            windows = button.property("value") == TargetOs.WINDOWS.value
            button.setEnabled(not (windows and files.archive_kind == TAR_GZ))
        if files.archive_kind == TAR_GZ and self.os() is TargetOs.WINDOWS:
            self.set_os(TargetOs.LINUX)
        self._changed()

    def _changed(self) -> None:
        self.problems.setText("\n".join(self.problems_of()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems_of()
