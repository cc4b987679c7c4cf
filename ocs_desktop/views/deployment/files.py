"""What goes into a package: the files and folders dropped or chosen, with their sizes.

The package wizard's first page shows a :class:`DropZone` and a list backed by
:class:`FilesModel`. Both accept file URLs dropped from a file manager: the zone through
``dragEnterEvent`` / ``dropEvent``, the list through ``dropMimeData`` (which tests call
directly). A folder's size is not known until it has been walked, which can take a while
on a big tree or a network share, so it is measured in the worker and shown as "…" until
then; the fragment preview waits for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.drops import DropMixin
from ocs_desktop.views.widgets.file_drop_target import FileDropTarget
from ocs_desktop.views.widgets.mime import local_files
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel

_INDEX = QtCore.QModelIndex
URI_LIST = "text/uri-list"
#: The chosen item's path (``Path``) of any cell.
PathRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ChosenItem:
    """A file or folder to archive; ``size`` is None until a folder has been measured."""

    path: Path
    is_dir: bool
    size: int | None


def file_urls(paths: Iterable[Path]) -> QtCore.QMimeData:
    """Mime data carrying ``paths`` as file URLs, as a file manager's drag does."""
    data = QtCore.QMimeData()
    data.setUrls([QtCore.QUrl.fromLocalFile(str(Path(p).resolve())) for p in paths])
    return data


def measure(paths: Sequence[Path], progress: Progress = None) -> dict[Path, int]:
    """Bytes under each path (regular files only; links to folders are not followed)."""
    sizes: dict[Path, int] = {}
    seen = 0
    for path in paths:
        if path.is_file():
            sizes[path] = path.stat().st_size
            continue
        total = 0
        for folder, _dirs, files in os.walk(path):
            for name in files:
                file = Path(folder, name)
                if file.is_file():
                    total += file.stat().st_size
                seen += 1
                if seen % 256 == 0:
                    report(progress, 0, 1)  # only to notice a cancellation
        sizes[path] = total
    return sizes


def format_size(size: int | None) -> str:
    """Bytes as the user reads them (KiB, MiB… in the user's locale); "…" when unknown."""
    if size is None:
        return "…"
    return QtCore.QLocale().formattedDataSize(
        size, 1, QtCore.QLocale.DataSizeFormat.DataSizeIecFormat
    )


class FilesModel(DropMixin[list[Path]], RowTableModel[ChosenItem]):
    """The chosen files and folders: name, size and where they are."""

    #: Files or folders were dropped on the list.
    pathsDropped = Signal(list)
    #: The total size changed (or became known).
    totalChanged = Signal()

    COLUMNS = ("name", "size", "location")
    DROP_MIME_TYPES = (URI_LIST,)
    #: However a file manager offers them, the files are only read.
    DROP_ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Size"), self.tr("Folder"))

    def items(self) -> list[ChosenItem]:
        return list(self._rows)

    def paths(self) -> list[Path]:
        return [item.path for item in self._rows]

    def total_size(self) -> int | None:
        """Bytes of everything chosen; None while a folder is still being measured."""
        if any(item.size is None for item in self._rows):
            return None
        return sum(item.size or 0 for item in self._rows)

    def add(self, paths: Iterable[Path]) -> list[Path]:
        """Append the paths not already chosen; return those added (folders unmeasured)."""
        known = {item.path for item in self._rows}
        new: list[ChosenItem] = []
        for given in paths:
            path = Path(given).absolute()
            if path in known or not path.exists():
                continue
            known.add(path)
            is_dir = path.is_dir()
            new.append(ChosenItem(path, is_dir, None if is_dir else path.stat().st_size))
        if new:
            first = len(self._rows)
            self.beginInsertRows(_INDEX(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
            self.totalChanged.emit()
        return [item.path for item in new]

    def set_sizes(self, sizes: dict[Path, int]) -> None:
        """Fill in measured sizes (paths no longer chosen are ignored)."""
        for row, item in enumerate(self._rows):
            if item.path in sizes and item.size != sizes[item.path]:
                self._rows[row] = replace(item, size=sizes[item.path])
                index = self.index(row, 1)
                self.dataChanged.emit(index, index)
        self.totalChanged.emit()

    def remove_rows(self, rows: Iterable[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(_INDEX(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self.totalChanged.emit()

    def clear(self) -> None:
        if self._rows:
            self.replace_rows([])
        self.totalChanged.emit()

    # --- QAbstractItemModel -------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return item.path.name + ("/" if item.is_dir else "")
            if column == "size":
                return format_size(item.size)
            if column == "location":
                return str(item.path.parent)
        if role == Qt.ItemDataRole.DecorationRole and column == "name":
            icon = QtWidgets.QStyle.StandardPixmap
            style = QtWidgets.QApplication.style()
            return style.standardIcon(icon.SP_DirIcon if item.is_dir else icon.SP_FileIcon)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PathRole:
            return item.path
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Files dropped between the rows are welcome too.
        return super().flags(index) if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    # --- drops (DropMixin) -------------------------------------------------------------
    def _read_drop(self, data: QtCore.QMimeData, row: int, parent: AnyIndex) -> list[Path] | None:
        return local_files(data) or None

    def _take_drop(self, drop: list[Path]) -> None:
        """Dropped file URLs are announced (``pathsDropped``); the page adds them."""
        self.pathsDropped.emit(drop)


class DropZone(FileDropTarget, QtWidgets.QFrame):
    """A large target for files and folders dragged from a file manager."""

    pathsDropped = Signal(list)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setFrameShadow(QtWidgets.QFrame.Shadow.Sunken)
        self.setMinimumHeight(80)
        self.label = QtWidgets.QLabel(self.tr("Drop files or folders here"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.label.setFont(font)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.label)
        self._set_hover(False)

    def _set_hover(self, hover: bool) -> None:
        role = QtGui.QPalette.ColorRole.Highlight if hover else QtGui.QPalette.ColorRole.Mid
        color = self.palette().color(role).name()
        self.setStyleSheet(f"DropZone {{ border: 2px dashed {color}; border-radius: 6px; }}")

    # --- FileDropTarget ------------------------------------------------------------------
    def accepts(self, paths: list[Path]) -> bool:
        return bool(paths)

    def dropped(self, paths: list[Path]) -> None:
        self.pathsDropped.emit(paths)

    # --- QWidget: the dashed border lights up while a drop it takes hovers ---------------
    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._set_hover(event.isAccepted())

    def dragLeaveEvent(self, event: QtGui.QDragLeaveEvent) -> None:
        self._set_hover(False)
        event.accept()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        self._set_hover(False)
        super().dropEvent(event)
