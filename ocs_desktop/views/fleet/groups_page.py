"""The groups view: OCS static and dynamic groups, their members and the age of their cache.

Groups are stored as OCS stores them (:mod:`ocs_desktop.fleet.groups`), so a real
OCS server honours what is made here. Static groups take machines dragged from any
machines list (drop them on the group's row); dynamic groups are saved searches whose
membership is a cache, shown with its age because OCS lets it go stale silently, with a
"Recompute now" action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet import groups
from ocs_desktop.fleet.filters import ids_select
from ocs_desktop.fleet.groups import GroupFilter, GroupInfo
from ocs_desktop.models import Hardware
from ocs_desktop.views.context import GROUPS, MACHINES, ConsoleContext
from ocs_desktop.views.fleet.machines_model import to_qdatetime
from ocs_desktop.views.fleet.search_text import search_text
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.drops import MachineDropMixin
from ocs_desktop.views.widgets.reload import ReloadWhenShown
from ocs_desktop.views.widgets.row_table import RowTableModel
from ocs_desktop.views.worker import Task

GroupIdRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("name", "kind", "members", "cache", "description")
#: At most this many members are listed in the "Remove members" dialog.
MEMBER_LIST_LIMIT = 10_000
#: The cache-age column is re-rendered this often (ms) so "5 min ago" stays true.
AGE_TICK_MS = 60_000

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


class GroupsModel(MachineDropMixin[GroupInfo], RowTableModel[GroupInfo]):
    """Groups as rows: name, kind, members, cache age, description.

    Accepts drops of machine ids (``MACHINE_IDS_MIME``) on a static group's row and
    reports them with :attr:`machinesDropped`; the page writes them.
    """

    machinesDropped = Signal(int, list)

    COLUMNS = COLUMNS
    ROW_NUMBERS = False

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Members"),
            self.tr("Computed"),
            self.tr("Description"),
        )

    def labels(self) -> tuple[str, ...]:
        return self.headers

    def set_groups(self, groups_: Sequence[GroupInfo]) -> None:
        self.replace_rows(groups_)

    def group(self, row: int) -> GroupInfo:
        return self._rows[row]

    def groups(self) -> list[GroupInfo]:
        return list(self._rows)

    def row_of(self, group_id: int) -> int | None:
        for row, info in enumerate(self._rows):
            if info.id == group_id:
                return row
        return None

    def tick(self) -> None:
        """Re-render the cache ages (time moved on)."""
        if self._rows:
            column = COLUMNS.index("cache")
            self.dataChanged.emit(
                self.index(0, column),
                self.index(len(self._rows) - 1, column),
                [Qt.ItemDataRole.DisplayRole],
            )

    def age_text(self, when: dt.datetime | None, now: dt.datetime | None = None) -> str:
        """``just now``, ``5 min ago``, ``3 h ago``, ``2 days ago``, then the date."""
        if when is None:
            return self.tr("never")
        now = now or dt.datetime.now()
        seconds = max(0, int((now - when).total_seconds()))
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n min ago", "", seconds // 60)
        if seconds < 86400:
            return self.tr("%n h ago", "", seconds // 3600)
        if seconds < 7 * 86400:
            return self.tr("%n day(s) ago", "", seconds // 86400)
        return QtCore.QLocale().toString(
            QtCore.QDate(when.year, when.month, when.day), QtCore.QLocale.FormatType.ShortFormat
        )

    # --- Qt model ----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.row_at(index)
        if info is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "name":
                return info.name
            if key == "kind":
                return self.tr("Dynamic") if info.kind == "dynamic" else self.tr("Static")
            if key == "members":
                return info.members
            if key == "cache":
                return self.age_text(info.cache_time) if info.kind == "dynamic" else ""
            return info.description
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "cache" and info.cache_time is not None:
                return QtCore.QLocale().toString(
                    to_qdatetime(info.cache_time), QtCore.QLocale.FormatType.LongFormat
                )
            if info.search is not None:
                return search_text(info.search)
            if info.kind == "static":
                return self.tr("Drop machines here to add them to this group.")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "members":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == GroupIdRole:
            return info.id
        if role == GroupRole:
            return info
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._rows[index.row()].kind == "static":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # --- drops (MachineDropMixin) ------------------------------------------------------
    def _drop_target(self, row: int, parent: Index) -> GroupInfo | None:
        # Only a drop *on* a row means something; between rows there is no group.
        if not parent.isValid() or not 0 <= parent.row() < len(self._rows):
            return None
        info = self._rows[parent.row()]
        return info if info.kind == "static" else None

    def _machines_dropped(self, target: GroupInfo, ids: list[int]) -> None:
        self.machinesDropped.emit(target.id, ids)


def _member_names(group_id: int) -> Any:
    def read(conn: Connection, progress: Progress) -> list[tuple[int, str]]:
        rows = conn.execute(
            select(Hardware.ID, Hardware.NAME)
            .where(Hardware.ID.in_(ids_select(GroupFilter(group_id))))
            .order_by(Hardware.NAME, Hardware.ID)
            .limit(MEMBER_LIST_LIMIT)
        )
        return [(int(i), name or "") for i, name in rows]

    return read


class RemoveMembersDialog(QtWidgets.QDialog):
    """Pick the members to take out of a group."""

    def __init__(
        self, info: GroupInfo, members: list[tuple[int, str]], parent: QtWidgets.QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove members of {0}").format(info.name))
        self.list = QtWidgets.QListWidget(self)
        self.list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        for machine_id, name in members:
            item = QtWidgets.QListWidgetItem(name or f"#{machine_id}")
            item.setData(Qt.ItemDataRole.UserRole, machine_id)
            self.list.addItem(item)
        explanation = (
            self.tr(
                "Selected machines will be excluded from this dynamic group, and stay "
                "excluded when it is recomputed."
            )
            if info.kind == "dynamic"
            else self.tr("Selected machines will be removed from this group.")
        )
        note = QtWidgets.QLabel(explanation, self)
        note.setWordWrap(True)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        if len(members) >= MEMBER_LIST_LIMIT:
            layout.addWidget(
                QtWidgets.QLabel(self.tr("Only the first %n members are listed.", "", len(members)))
            )
        layout.addWidget(buttons)

    def selected_ids(self) -> list[int]:
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]


class GroupsPage(QtWidgets.QWidget):
    """Every group with its members and cache age; create, rename, delete, recompute."""

    page_key = "groups"

    #: Asks the main window for the search page, with a dynamic group's Search or None.
    searchRequested = Signal(object)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._select_after_load: int | None = None
        self.model = GroupsModel(self)
        self.model.machinesDropped.connect(self._dropped)

        self.table = QtWidgets.QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setAcceptDrops(True)
        self.table.viewport().setAcceptDrops(True)
        self.table.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)
        self.table.setDragDropOverwriteMode(True)
        self.table.setDropIndicatorShown(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.doubleClicked.connect(lambda index: self._on_selected(self.show_members))

        self.new_static_action = self._action(self.tr("New static group…"), self.ask_new_static)
        self.new_static_action.setShortcut(QtGui.QKeySequence.StandardKey.New)
        self.new_dynamic_action = self._action(
            self.tr("New dynamic group from search…"), lambda: self.searchRequested.emit(None)
        )
        self.rename_action = self._action(
            self.tr("Rename…"), lambda: self._on_selected(self.ask_rename)
        )
        self.rename_action.setShortcut(QtGui.QKeySequence(Qt.Key.Key_F2))
        self.delete_action = self._action(
            self.tr("Delete…"), lambda: self._on_selected(self.ask_delete)
        )
        self.delete_action.setShortcut(QtGui.QKeySequence.StandardKey.Delete)
        self.recompute_action = self._action(
            self.tr("Recompute now"), lambda: self._on_selected(self.recompute)
        )
        self.edit_search_action = self._action(
            self.tr("Open search"), lambda: self._on_selected(self._open_search)
        )
        self.show_members_action = self._action(
            self.tr("Show members"), lambda: self._on_selected(self.show_members)
        )
        self.remove_members_action = self._action(
            self.tr("Remove members…"), lambda: self._on_selected(self.ask_remove_members)
        )
        # Two rows, the groups' actions then their members': in one row, French hides most
        # of them behind the toolbar's » button at 1024 px.
        group_bar, member_bar = QtWidgets.QToolBar(self), QtWidgets.QToolBar(self)
        for toolbar in (group_bar, member_bar):
            toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_static_action, self.new_dynamic_action):
            group_bar.addAction(action)
        group_bar.addSeparator()
        for action in (self.rename_action, self.delete_action):
            group_bar.addAction(action)
        for action in (
            self.show_members_action,
            self.remove_members_action,
            self.recompute_action,
            self.edit_search_action,
        ):
            member_bar.addAction(action)
        for action in (
            self.show_members_action,
            self.remove_members_action,
            self.recompute_action,
            self.edit_search_action,
            self.rename_action,
            self.delete_action,
        ):
            self.table.addAction(action)

        self.details = QtWidgets.QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QtWidgets.QLabel(
            self.tr("Drag machines from a machines list onto a static group to add them."), self
        )
        hint.setEnabled(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(group_bar)
        layout.addWidget(member_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(hint)

        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._ticker = QtCore.QTimer(self)
        self._ticker.setInterval(AGE_TICK_MS)
        self._ticker.timeout.connect(self.model.tick)
        self._ticker.start()
        self.reload = ReloadWhenShown(self, context, (GROUPS, MACHINES))
        self._update_actions()

    def _action(self, text: str, slot: Any) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return action

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> Task:
        """Reload the groups in the worker, keeping the selected group selected."""
        self.reload.stale = False
        current = self.selected_group()
        if current is not None and self._select_after_load is None:
            self._select_after_load = current.id
        return self.context.read(
            lambda conn, progress: groups.list_groups(conn),
            self._loaded,
            key=f"groups-{id(self)}",
        )

    def _loaded(self, infos: list[GroupInfo]) -> None:
        self.model.set_groups(infos)
        self.table.resizeColumnsToContents()
        wanted, self._select_after_load = self._select_after_load, None
        if wanted is not None:
            self.select_group(wanted)

    # --- selection ---------------------------------------------------------------------
    def selected_group(self) -> GroupInfo | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.group(index.row())

    def select_group(self, group_id: int) -> bool:
        row = self.model.row_of(group_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QtCore.QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _on_selected(self, fn: Any) -> None:
        info = self.selected_group()
        if info is not None:
            fn(info.id)

    def _update_actions(self, *args: object) -> None:
        info = self.selected_group()
        for action in (
            self.rename_action,
            self.delete_action,
            self.show_members_action,
            self.remove_members_action,
        ):
            action.setEnabled(info is not None)
        dynamic_here = info is not None and info.search is not None
        self.recompute_action.setEnabled(dynamic_here)
        self.edit_search_action.setEnabled(dynamic_here)
        if info is None:
            self.details.setText(self.tr("%n group(s)", "", self.model.rowCount()))
        elif info.kind == "static":
            self.details.setText(self.tr("Static group: members are added and removed by hand."))
        elif info.search is None:
            self.details.setText(
                self.tr(
                    "Dynamic group defined in the OCS web console: the OCS server recomputes it."
                )
            )
        else:
            self.details.setText(self.tr("Search: {0}").format(search_text(info.search)))

    # --- operations (each a background write; the list refreshes when it is done) ------
    def _write(self, fn: Any, select_id: int | None = None) -> Task:
        def finished(result: Any) -> None:
            self._select_after_load = select_id if select_id is not None else result
            self.refresh()

        return self.context.write(fn, finished, topics=(GROUPS,))

    def create_static(self, name: str, description: str = "") -> Task:
        """Create an empty static group; the list then selects it."""
        return self._write(
            lambda conn, progress: groups.create_static_group(conn, name, description)
        )

    def rename(self, group_id: int, name: str) -> Task:
        return self._write(
            lambda conn, progress: groups.rename_group(conn, group_id, name), group_id
        )

    def delete(self, group_id: int) -> Task:
        return self._write(lambda conn, progress: groups.delete_group(conn, group_id), -1)

    def recompute(self, group_id: int) -> Task:
        """Recompute a dynamic group's members from its search, now."""
        return self._write(lambda conn, progress: groups.recompute_group(conn, group_id), group_id)

    def add_members(self, group_id: int, ids: Sequence[int]) -> Task:
        wanted = list(ids)
        return self._write(
            lambda conn, progress: groups.add_members(conn, group_id, wanted), group_id
        )

    def remove_members(self, group_id: int, ids: Sequence[int]) -> Task:
        wanted = list(ids)
        return self._write(
            lambda conn, progress: groups.remove_members(conn, group_id, wanted), group_id
        )

    def show_members(self, group_id: int) -> None:
        """Open the machines list on the group's members."""
        row = self.model.row_of(group_id)
        name = self.model.group(row).name if row is not None else str(group_id)
        self.context.showMachines.emit(
            GroupFilter(group_id, name), self.tr("Group: {0}").format(name)
        )

    def _dropped(self, group_id: int, ids: list[int]) -> None:
        self.add_members(group_id, ids)

    def _open_search(self, group_id: int) -> None:
        row = self.model.row_of(group_id)
        if row is not None and self.model.group(row).search is not None:
            self.searchRequested.emit(self.model.group(row).search)

    # --- dialogs -----------------------------------------------------------------------
    def ask_new_static(self) -> None:
        name, ok = QtWidgets.QInputDialog.getText(
            self, self.tr("New static group"), self.tr("Group name:")
        )
        if ok and name.strip():
            self.create_static(name.strip())

    def ask_rename(self, group_id: int) -> None:
        row = self.model.row_of(group_id)
        if row is None:
            return
        name, ok = QtWidgets.QInputDialog.getText(
            self,
            self.tr("Rename group"),
            self.tr("New name:"),
            QtWidgets.QLineEdit.EchoMode.Normal,
            self.model.group(row).name,
        )
        if ok and name.strip():
            self.rename(group_id, name.strip())

    def ask_delete(self, group_id: int) -> None:
        row = self.model.row_of(group_id)
        if row is None:
            return
        info = self.model.group(row)
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete group"),
            self.tr(
                "Delete the group {name}? Its {count} machines stay in the inventory; "
                "packages assigned to the group are no longer assigned through it."
            ).format(name=info.name, count=info.members),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.delete(group_id)

    def ask_remove_members(self, group_id: int) -> None:
        row = self.model.row_of(group_id)
        if row is None:
            return
        info = self.model.group(row)

        def listed(members: list[tuple[int, str]]) -> None:
            dialog = RemoveMembersDialog(info, members, self)
            if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.selected_ids():
                self.remove_members(group_id, dialog.selected_ids())

        self.context.read(_member_names(group_id), listed)
