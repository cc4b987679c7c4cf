"""The TAGs page: every TAG with its number of machines, a door to their machines list.

Double-clicking a TAG shows its machines in the machines page. Machines dragged from
any list and dropped on a TAG get that TAG, after the user confirms.
"""

from __future__ import annotations

from typing import Any

from ocs_desktop.fleet.admin_data import TagCount, set_tag, tag_counts
from ocs_desktop.fleet.filters import TagFilter
from ocs_desktop.views.context import MACHINES, TAGS, ConsoleContext
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.drops import MachineDropMixin
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

#: Raw values for sorting: TAG (casefolded) or count.
SortRole = Qt.ItemDataRole.UserRole + 1


class TagCountsModel(MachineDropMixin[TagCount], RowTableModel[TagCount]):
    """TAG and machine count; accepts machine ids dropped on a TAG's row."""

    #: Machine ids were dropped on a TAG (``None``: the "no TAG" row).
    machinesDropped = Signal(object, object)

    COLUMNS = ("tag", "count")
    CELL_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (self.tr("TAG"), self.tr("Machines"))

    def set_counts(self, counts: list[TagCount]) -> None:
        self.replace_rows(counts)

    def counts(self) -> list[TagCount]:
        return list(self._rows)

    def tag_at(self, row: int) -> TagCount | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return entry.tag if entry.tag is not None else self.tr("(no TAG)")
            return QtCore.QLocale().toString(entry.count)
        if role == SortRole:
            if index.column() == 0:
                return "" if entry.tag is None else entry.tag.casefold()
            return entry.count
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and entry.tag is None and index.column() == 0:
            font = QtWidgets.QApplication.font()
            font.setItalic(True)
            return font
        return None

    # --- drops (MachineDropMixin) ------------------------------------------------------
    def _drop_target(self, row: int, parent: AnyIndex) -> TagCount | None:
        # Only a drop on a TAG's row means something; between rows there is no TAG.
        return self.tag_at(parent.row()) if parent.isValid() else None

    def _machines_dropped(self, target: TagCount, ids: list[int]) -> None:
        """Announce the drop; the page asks the user before anything is written."""
        self.machinesDropped.emit(ids, target.tag)


class TagsPage(QtWidgets.QWidget):
    """All TAGs with machine counts."""

    page_key = "tags"

    #: The counts arrived.
    loaded = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = TagCountsModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)

        self.view = QtWidgets.QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        compact_rows(self.view)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAcceptDrops(True)
        self.view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)
        self.view.setDragDropOverwriteMode(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.activated.connect(self._activated)

        self.hint = QtWidgets.QLabel(
            self.tr("Double-click a TAG to list its machines. Drop machines on a TAG to set it.")
        )
        self.hint.setWordWrap(True)
        self.count_label = QtWidgets.QLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        # Queued: the drag finishes before the confirmation dialog opens.
        self.model.machinesDropped.connect(self.confirm_set_tag, Qt.ConnectionType.QueuedConnection)
        context.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> Task:
        def done(counts: list[TagCount]) -> None:
            self.model.set_counts(counts)
            machines = sum(c.count for c in counts)
            self.count_label.setText(
                self.tr("%n TAG(s)", "", len(counts))
                + " · "
                + self.tr("%n machine(s)", "", machines)
            )
            self.loaded.emit()

        return self.context.read(
            lambda conn, progress: tag_counts(conn), done, key=f"tags-page-{id(self):x}"
        )

    def _on_changed(self, topic: str) -> None:
        if topic in (MACHINES, TAGS):
            self.refresh()

    def tag_at(self, index: AnyIndex) -> TagCount | None:
        """The TAG of a view (proxy) index."""
        return self.model.tag_at(self.proxy.mapToSource(index).row())

    def _activated(self, index: AnyIndex) -> None:
        entry = self.tag_at(index)
        if entry is not None:
            self.show_machines(entry.tag)

    def show_machines(self, tag: str | None) -> None:
        """Ask the main window to list the machines of ``tag``."""
        title = (
            self.tr("Machines with TAG {0}").format(tag)
            if tag is not None
            else self.tr("Machines without TAG")
        )
        self.context.showMachines.emit(TagFilter(tag), title)

    def confirm_set_tag(self, ids: list[int], tag: str | None) -> Task | None:
        """Set ``tag`` on the dropped machines once the user agrees."""
        if not ids:
            return None
        shown = tag if tag is not None else self.tr("(no TAG)")
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Set TAG"),
            self.tr("Set the TAG of %n machine(s) to {0}?", "", len(ids)).format(shown),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.Yes,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.context.write(
            lambda conn, progress: set_tag(conn, ids, tag), topics=(MACHINES, TAGS)
        )
