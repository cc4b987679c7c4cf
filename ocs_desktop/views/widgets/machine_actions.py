"""The actions on a selection of machines, one set for every table that lists machines.

The machines list, search results, the machines of a software, the members of a group
or TAG (shown in the machines list) and the targets of a package all offer the same
menu: open, set the TAG or an admin field, add to a static group (or a new one), assign
a package, export the selection to CSV, delete. A page hands over its table and a
*selection provider*, a callable returning the selected hardware ids; every write runs
through ``ConsoleContext.write`` (worker, one transaction) and announces its topics so
the other pages refresh. Shortcuts live on the table (``WidgetWithChildrenShortcut``),
so two pages never claim the same key at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet import groups
from ocs_desktop.fleet.admin_data import delete_machines, set_admin_value, set_tag, tag_counts
from ocs_desktop.fleet.filters import IdsFilter
from ocs_desktop.fleet.machines import (
    DEFAULT_COLUMNS,
    MachineQuery,
    export_machines_csv,
)
from ocs_desktop.packager.assignment import assign
from ocs_desktop.views.context import GROUPS, MACHINES, SOFTWARE, TAGS, ConsoleContext
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.package_chooser import PackageChooserDialog
from ocs_desktop.views.widgets.set_admin_field_dialog import SetAdminFieldDialog
from ocs_desktop.views.worker import Task

#: ``ConsoleContext.changed`` topic of packages (``views.deployment.settings.PACKAGES``,
#: which this layer cannot import).
PACKAGES = "packages"

#: Returns the hardware ids selected in a table, in row order.
SelectionProvider = Callable[[], Sequence[int]]


def _shortcut(text: str) -> QtGui.QKeySequence:
    return QtGui.QKeySequence(text)


def write_selection_csv(
    conn: Connection, ids: Sequence[int], columns: Sequence[str], path: Path, progress: Progress
) -> int:
    """Write the machines ``ids`` (sorted by name) as CSV at ``path``; never half a file."""
    query = MachineQuery(filter=IdsFilter.of(ids))
    partial = path.with_name(path.name + ".part")
    try:
        # utf-8-sig: spreadsheet programs on Windows need the BOM to read UTF-8.
        with partial.open("w", newline="", encoding="utf-8-sig") as stream:
            written = export_machines_csv(conn, query, columns, stream, progress)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


def create_group_with(conn: Connection, name: str, ids: Sequence[int]) -> int:
    """A new static group ``name`` holding exactly ``ids``; its id."""
    group_id = groups.create_static_group(conn, name)
    groups.add_members(conn, group_id, ids)
    return group_id


class MachineActions(QtCore.QObject):
    """Open, TAG, admin field, groups, package, export and delete for one machine table."""

    #: The selection was exported: rows written, path.
    exported = Signal(int, str)

    def __init__(
        self,
        context: ConsoleContext,
        view: QtWidgets.QAbstractItemView,
        selection: SelectionProvider,
        *,
        columns: Callable[[], Sequence[str]] | None = None,
        menu: Callable[[], QtWidgets.QMenu] | None = None,
    ) -> None:
        """``columns`` gives the CSV export's columns; ``menu`` builds the right-click menu
        when the page adds its own entries to :meth:`build_menu`'s."""
        super().__init__(view)
        self.context = context
        self.view = view
        self.selection = selection
        self.columns = columns or (lambda: DEFAULT_COLUMNS)
        self.menu_builder = menu or self.build_menu
        self.static_groups: list[tuple[int, str]] = []
        self.known_tags: list[str] = []

        self.open_action = self._action(self.tr("&Open"), self.open_selected)
        self.set_tag_action = self._action(self.tr("Set &TAG…"), self.ask_set_tag, "Ctrl+T")
        self.set_admin_action = self._action(
            self.tr("Set admin &field…"), self.ask_set_admin_field, "Ctrl+Shift+F"
        )
        self.new_group_action = self._action(
            self.tr("&New group from selection…"), self.ask_new_group, "Ctrl+G"
        )
        self.assign_action = self._action(
            self.tr("&Assign a package…"), self.ask_assign_package, "Ctrl+Shift+P"
        )
        self.export_action = self._action(
            self.tr("E&xport selection to CSV…"), self.ask_export_csv, "Ctrl+Shift+E"
        )
        self.delete_action = self._action(
            self.tr("&Delete…"),
            self.ask_delete,
            QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Delete),
        )
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu_requested)
        selection_model = view.selectionModel()
        if selection_model is not None:
            selection_model.selectionChanged.connect(self.update_enabled)
        context.changed.connect(self._on_changed)
        self._load_choices()
        self.update_enabled()

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: str | QtGui.QKeySequence | None = None
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self.view)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(_shortcut(shortcut) if isinstance(shortcut, str) else shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        return action

    def actions(self) -> list[QtGui.QAction]:
        """Every action of the set, in menu order (the group entries aside)."""
        return [
            self.open_action,
            self.set_tag_action,
            self.set_admin_action,
            self.new_group_action,
            self.assign_action,
            self.export_action,
            self.delete_action,
        ]

    def ids(self) -> list[int]:
        return [int(i) for i in self.selection()]

    def update_enabled(self, *_args: object) -> None:
        selected = bool(self.ids())
        for action in self.actions():
            action.setEnabled(selected)

    # --- the menu ------------------------------------------------------------------------
    def _menu_requested(self, position: QtCore.QPoint) -> None:
        menu = self.menu_builder()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def build_menu(self, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QMenu:
        """The context menu: open, TAG, admin field, groups, package, delete, export."""
        self.update_enabled()
        menu = QtWidgets.QMenu(parent or self.view)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.set_tag_action)
        menu.addAction(self.set_admin_action)
        menu.addMenu(self.build_group_menu(menu))
        menu.addAction(self.assign_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        return menu

    def build_group_menu(self, parent: QtWidgets.QWidget) -> QtWidgets.QMenu:
        """The static groups to add the selection to, then "New group from selection…"."""
        submenu = QtWidgets.QMenu(self.tr("Add to static &group"), parent)
        submenu.setEnabled(bool(self.ids()))
        for group_id, name in self.static_groups:
            act = submenu.addAction(name.replace("&", "&&"))
            act.triggered.connect(lambda _checked=False, gid=group_id: self.add_to_group(gid))
        if self.static_groups:
            submenu.addSeparator()
        submenu.addAction(self.new_group_action)
        return submenu

    def _on_changed(self, topic: str) -> None:
        if topic in (TAGS, GROUPS):
            self._load_choices()

    def _load_choices(self) -> None:
        """Known TAGs and static groups, for the dialogs and the menu (off the GUI thread)."""

        def read(conn: Connection, progress: Progress) -> tuple[list[str], list[tuple[int, str]]]:
            tags = [t.tag for t in tag_counts(conn) if t.tag]
            static = [
                (info.id, info.name) for info in groups.list_groups(conn) if info.kind == "static"
            ]
            return tags, static

        def done(result: tuple[list[str], list[tuple[int, str]]]) -> None:
            self.known_tags, self.static_groups = result

        self.context.read(read, done, key=f"machine-actions-choices-{id(self):x}")

    # --- open ----------------------------------------------------------------------------
    def open_selected(self) -> int | None:
        """Open the first selected machine's detail."""
        ids = self.ids()
        if not ids:
            return None
        self.context.openMachine.emit(ids[0])
        return ids[0]

    # --- TAG and admin fields ------------------------------------------------------------
    def ask_set_tag(self) -> Task | None:
        ids = self.ids()
        if not ids:
            return None
        tag, ok = QtWidgets.QInputDialog.getItem(
            self.view,
            self.tr("Set TAG"),
            self.tr("TAG of %n machine(s):", "", len(ids)),
            self.known_tags,
            0,
            True,
        )
        if not ok:
            return None
        return self.set_tag(tag.strip() or None, ids)

    def set_tag(self, tag: str | None, ids: Sequence[int] | None = None) -> Task | None:
        """Set the TAG of the selection (or of ``ids``); ``None`` clears it."""
        chosen = list(ids if ids is not None else self.ids())
        if not chosen:
            return None

        def done(count: int) -> None:
            self.context.status.emit(self.tr("TAG set on %n machine(s)", "", count))

        return self.context.write(
            lambda conn, progress: set_tag(conn, chosen, tag), done, topics=(MACHINES, TAGS)
        )

    def ask_set_admin_field(self) -> Task | None:
        """Ask which admin field to set on the selection, and to what; then set it."""
        ids = self.ids()
        if not ids:
            return None
        dialog = SetAdminFieldDialog(self.context, len(ids), self.view)
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        column, value = dialog.column(), dialog.value()
        dialog.deleteLater()
        if not accepted or column is None:
            return None
        return self.set_admin_field(column, value, ids)

    def set_admin_field(
        self, column: str, value: str | None, ids: Sequence[int] | None = None
    ) -> Task | None:
        """Set admin field ``column`` (as stored; ``None`` clears) on the selection."""
        chosen = list(ids if ids is not None else self.ids())
        if not chosen:
            return None

        def done(count: int) -> None:
            self.context.status.emit(self.tr("Admin field set on %n machine(s)", "", count))

        return self.context.write(
            lambda conn, progress: set_admin_value(conn, chosen, column, value),
            done,
            topics=(MACHINES,),
        )

    # --- groups --------------------------------------------------------------------------
    def add_to_group(self, group_id: int, ids: Sequence[int] | None = None) -> Task | None:
        chosen = list(ids if ids is not None else self.ids())
        if not chosen:
            return None

        def done(count: int) -> None:
            self.context.status.emit(self.tr("%n machine(s) added to the group", "", count))

        return self.context.write(
            lambda conn, progress: groups.add_members(conn, group_id, chosen),
            done,
            topics=(GROUPS,),
        )

    def ask_new_group(self) -> Task | None:
        ids = self.ids()
        if not ids:
            return None
        name, ok = QtWidgets.QInputDialog.getText(
            self.view,
            self.tr("New group from selection"),
            self.tr("Name of the static group of %n machine(s):", "", len(ids)),
        )
        if not ok or not name.strip():
            return None
        return self.new_group(name.strip(), ids)

    def new_group(self, name: str, ids: Sequence[int] | None = None) -> Task | None:
        """Create static group ``name`` holding the selection (or ``ids``)."""
        chosen = list(ids if ids is not None else self.ids())
        if not chosen:
            return None

        def done(_group_id: int) -> None:
            self.context.status.emit(
                self.tr("Group {0} created with %n machine(s)", "", len(chosen)).format(name)
            )

        return self.context.write(
            lambda conn, progress: create_group_with(conn, name, chosen), done, topics=(GROUPS,)
        )

    # --- deployment ----------------------------------------------------------------------
    def ask_assign_package(self) -> Task | None:
        ids = self.ids()
        if not ids:
            return None
        dialog = PackageChooserDialog(self.context, len(ids), self.view)
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        fileid = dialog.fileid()
        dialog.deleteLater()
        if not accepted or fileid is None:
            return None
        return self.assign_package(fileid, ids)

    def assign_package(self, fileid: str, ids: Sequence[int] | None = None) -> Task | None:
        """Assign activated package ``fileid`` to the selection (or ``ids``)."""
        chosen = list(ids if ids is not None else self.ids())
        if not chosen:
            return None

        def done(_assignment: object) -> None:
            self.context.status.emit(
                self.tr("Package {0} assigned to %n machine(s)", "", len(chosen)).format(fileid)
            )

        return self.context.write(
            lambda conn, progress: assign(conn, fileid, chosen), done, topics=(PACKAGES,)
        )

    # --- export and delete ---------------------------------------------------------------
    def ask_export_csv(self) -> Task | None:
        if not self.ids():
            return None
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.view,
            self.tr("Export selected machines"),
            "machines.csv",
            self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return None
        return self.export_csv(chosen)

    def export_csv(
        self, path: str | os.PathLike[str], ids: Sequence[int] | None = None
    ) -> Task | None:
        """Write the selected machines (or ``ids``) to ``path`` as CSV, in the worker."""
        chosen = list(ids if ids is not None else self.ids())
        if not chosen:
            return None
        target = Path(path)
        columns = list(self.columns())

        def done(written: int) -> None:
            self.context.status.emit(
                self.tr("%n machine(s) exported to {0}", "", written).format(target)
            )
            self.exported.emit(written, str(target))

        return self.context.read(
            lambda conn, progress: write_selection_csv(conn, chosen, columns, target, progress),
            done,
        )

    def ask_delete(self) -> Task | None:
        """Delete the selected machines after the user confirms."""
        ids = self.ids()
        if not ids:
            return None
        answer = QtWidgets.QMessageBox.question(
            self.view,
            self.tr("Delete machines"),
            self.tr(
                "Delete %n machine(s) and all their inventory? This cannot be undone.",
                "",
                len(ids),
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.delete(ids)

    def delete(self, ids: Sequence[int]) -> Task:
        """Delete machines ``ids`` and every row about them (no question asked)."""
        chosen = list(ids)

        def done(count: int) -> None:
            self.context.status.emit(self.tr("%n machine(s) deleted", "", count))

        return self.context.write(
            lambda conn, progress: delete_machines(conn, chosen),
            done,
            topics=(MACHINES, TAGS, GROUPS, SOFTWARE, PACKAGES),
        )
