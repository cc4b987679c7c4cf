"""The installer wizard's file inputs: one file (setup exe, certificate) and a plugin list.

Both take files dragged from a file manager or chosen with Browse…/Add…. A single file is
checked as it arrives, in the worker (a setup exe may sit on a slow share): the core's
check runs there and its refusal, worded by the page, shows under the field at once. The
plugin list is an item model taking file URLs through ``dropMimeData``, as the package
wizard's file list does, so tests drop on it the way a file manager does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.drops import DropMixin
from ocs_desktop.views.widgets.file_drop_target import FileDropTarget
from ocs_desktop.views.widgets.mime import local_files
from ocs_desktop.views.widgets.row_table import AnyIndex
from ocs_desktop.views.worker import TaskRunner

URI_LIST = "text/uri-list"
#: A check run in the worker: the refusal to show under the field, "" when the file is fine.
FileCheck = Callable[[Path], str]


def error_label(name: str) -> QtWidgets.QLabel:
    """The inline refusal under a field: red, wrapped, hidden while empty."""
    label = QtWidgets.QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_error(label: QtWidgets.QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class FileField(FileDropTarget, QtWidgets.QWidget):
    """A path line with Browse…, taking one dropped file (copied), checked in the worker."""

    #: The file was checked (its refusal, "" when accepted) or cleared.
    checked = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        name: str,
        browse_title: str,
        name_filter: str,
        check: FileCheck | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.runner = runner
        self.check = check
        self.browse_title = browse_title
        self.name_filter = name_filter
        self._key = f"file-check-{name}-{id(self):x}"
        self._pending = False
        self._error = ""
        self.line = QtWidgets.QLineEdit()
        self.line.setObjectName(name)
        self.line.setPlaceholderText(self.tr("Drop a file here, or Browse…"))
        self.line.editingFinished.connect(lambda: self.set_path(self.line.text()))
        self.browse_button = QtWidgets.QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.error = error_label(f"{name}Error")
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.browse_button)
        column = QtWidgets.QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error)
        self.setFocusProxy(self.line)

    # --- the value ---------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text().strip()

    def path(self) -> Path | None:
        return Path(self.text()) if self.text() else None

    def is_pending(self) -> bool:
        """A check is still running."""
        return self._pending

    def refusal(self) -> str:
        return self._error

    def set_path(self, path: str | Path) -> None:
        """Take ``path`` as if typed, dropped or chosen, and check it."""
        text = str(path).strip()
        if self.line.text() != text:
            self.line.setText(text)
        if not text or self.check is None:
            self._checked("")
            return
        check, target = self.check, Path(text)
        self._pending = True
        self.runner.run(
            lambda _progress: check(target),
            on_done=self._checked,
            on_failed=self._checked,
            key=self._key,
        )

    def _checked(self, refusal: str) -> None:
        self._pending = False
        self._error = refusal
        show_error(self.error, refusal)
        self.checked.emit(refusal)

    def browse(self) -> None:
        current = self.path()
        start = str(current.parent) if current is not None else ""
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.browse_title, start, self.name_filter
        )
        if chosen:
            self.set_path(chosen)

    # --- drops (FileDropTarget) -----------------------------------------------------------
    def accepts(self, paths: list[Path]) -> bool:
        return len(paths) == 1

    def dropped(self, paths: list[Path]) -> None:
        self.set_path(paths[0])


class PluginsModel(DropMixin[list[Path]], QtCore.QAbstractListModel):
    """The plugin files to put in the agent's Plugins folder, in order, no duplicates."""

    DROP_MIME_TYPES = (URI_LIST,)
    DROP_ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    #: The list changed (added, removed or replaced).
    pluginsChanged = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._paths: list[Path] = []

    def paths(self) -> list[Path]:
        return list(self._paths)

    def add(self, paths: Iterable[Path | str]) -> list[Path]:
        """Append the files not listed yet (folders and missing files are skipped)."""
        new: list[Path] = []
        for given in paths:
            path = Path(given).absolute()
            if path.is_file() and path not in self._paths and path not in new:
                new.append(path)
        if new:
            first = len(self._paths)
            self.beginInsertRows(QtCore.QModelIndex(), first, first + len(new) - 1)
            self._paths.extend(new)
            self.endInsertRows()
            self.pluginsChanged.emit()
        return new

    def replace(self, paths: Iterable[Path | str]) -> None:
        self.beginResetModel()
        self._paths = []
        self.endResetModel()
        self.add(paths)
        self.pluginsChanged.emit()

    def remove_rows(self, rows: Iterable[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._paths):
                self.beginRemoveRows(QtCore.QModelIndex(), row, row)
                del self._paths[row]
                self.endRemoveRows()
        self.pluginsChanged.emit()

    # --- QAbstractItemModel --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._paths):
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def _read_drop(self, data: QtCore.QMimeData, row: int, parent: AnyIndex) -> list[Path] | None:
        files = [path for path in local_files(data) if path.is_file()]
        return files or None

    def _take_drop(self, drop: list[Path]) -> None:
        self.add(drop)


class PluginsList(QtWidgets.QWidget):
    """The plugin list with Add… and Remove; files dropped on it are added."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PluginsModel(self)
        self.view = QtWidgets.QListView()
        self.view.setObjectName("pluginsList")
        self.view.setModel(self.model)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setToolTip(self.tr("Drop plugin files here"))
        self.add_button = QtWidgets.QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.browse)
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QtWidgets.QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(lambda *_: self._update())
        self.model.pluginsChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        selection = self.view.selectionModel()
        self.remove_button.setEnabled(selection is not None and selection.hasSelection())

    def browse(self) -> None:
        chosen, _ = QtWidgets.QFileDialog.getOpenFileNames(self, self.tr("Add plugins"))
        if chosen:
            self.model.add(chosen)

    def remove_selected(self) -> None:
        selection = self.view.selectionModel()
        if selection is not None:
            self.model.remove_rows(index.row() for index in selection.selectedRows())
