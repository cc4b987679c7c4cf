"""The Network page: what IP discovery found, subnet by subnet, and what to do about it.

The "Subnets" tab lists every subnet with its name, mask, TAG and the four counts of the
OCS console (inventoried, non-inventoried, identified, scanners; PROTOCOL.md 4.5), then
the four host lists of the selected subnet, each exportable to CSV. Context menus and the
toolbar carry the operator's actions (``fleet/network_actions.py``), each one transaction
in the worker: identify or delete a host, device types, name or blacklist a subnet,
force, forbid or release a machine's election, purge old entries. The "Map" tab hosts
the network map; its clicks open the machine or the identify dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.db.options import load_options
from ocs_desktop.fleet.network_actions import (
    Election,
    blacklist_subnet,
    delete_host,
    device_types,
    identify,
    name_subnet,
    purge,
    set_election,
)
from ocs_desktop.fleet.network_hosts import (
    DiscoveredHost,
    HostKind,
    MachineHost,
    list_hosts,
    write_csv,
)
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.fleet.network_subnets import SubnetSummary, link_tag, subnet_summaries
from ocs_desktop.views.context import MACHINES, ConsoleContext
from ocs_desktop.views.fleet.network_identify_dialog import (
    IdentifyDialog,
    default_user,
    network_error_text,
)
from ocs_desktop.views.fleet.network_models import (
    NETWORK,
    HostsModel,
    SortRole,
    SubnetsModel,
)
from ocs_desktop.views.fleet.network_subnet_dialogs import NameSubnetDialog, SubnetBlacklistDialog
from ocs_desktop.views.fleet.network_types_dialog import DeviceTypesDialog
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.widgets.reload import ReloadWhenShown
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

#: The lists under the subnets, in tab order: the hunted ones first.
KINDS = (HostKind.NON_INVENTORIED, HostKind.IDENTIFIED, HostKind.INVENTORIED, HostKind.ELECTED)


@dataclass(frozen=True)
class Loaded:
    """What one refresh read: the subnets, and whether they are per TAG."""

    subnets: list[SubnetSummary]
    linked: bool
    purge_days: int


def _table(model: QtCore.QAbstractItemModel, name: str) -> tuple[QtWidgets.QTableView, Any]:
    proxy = QtCore.QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QtWidgets.QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setAlternatingRowColors(True)
    compact_rows(view)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view, proxy


class NetworkPage(QtWidgets.QWidget):
    """Subnets, their hosts, the operator's actions, and the map."""

    page_key = "network"

    #: The subnets arrived.
    loaded = Signal()
    #: The four lists of the selected subnet arrived.
    hostsLoaded = Signal()
    #: A refusal or an action's outcome, already translated (tests, status bar).
    message = Signal(str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.linked = False
        self.purge_days = 30
        self._wanted: tuple[str, str | None] | None = None
        self.map_view: QtWidgets.QWidget | None = None

        self.subnets = SubnetsModel(self)
        self.subnet_view, self.subnet_proxy = _table(self.subnets, "networkSubnets")
        self.subnet_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.subnet_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.subnet_view.customContextMenuRequested.connect(self._subnet_menu)
        self.subnet_view.selectionModel().currentRowChanged.connect(lambda *_: self.load_hosts())

        self.lists = QtWidgets.QTabWidget()
        self.lists.setObjectName("networkLists")
        self.models: dict[HostKind, HostsModel] = {}
        self.views: dict[HostKind, QtWidgets.QTableView] = {}
        for kind in KINDS:
            model = HostsModel(kind, self)
            view, _proxy = _table(model, f"network-{kind.value}")
            view.customContextMenuRequested.connect(lambda pos, k=kind: self._host_menu(k, pos))
            view.doubleClicked.connect(lambda _index, k=kind: self._activated(k))
            self.models[kind] = model
            self.views[kind] = view
            self.lists.addTab(view, "")
        self.lists.tabBar().setTabTextColor(0, QtGui.QColor("#a04000"))

        self.heading = QtWidgets.QLabel()
        self.heading.setObjectName("networkHeading")
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        top = QtWidgets.QWidget()
        top_layout = QtWidgets.QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.subnet_view, 1)
        top_layout.addWidget(self.summary)
        bottom = QtWidgets.QWidget()
        bottom_layout = QtWidgets.QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.heading)
        bottom_layout.addWidget(self.lists, 1)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.toolbar = QtWidgets.QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._make_actions()

        subnets_tab = QtWidgets.QWidget()
        tab_layout = QtWidgets.QVBoxLayout(subnets_tab)
        tab_layout.setContentsMargins(0, 0, 0, 0)
        tab_layout.addWidget(self.toolbar)
        tab_layout.addWidget(splitter, 1)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(subnets_tab, self.tr("Subnets"))
        self.map_tab = QtWidgets.QWidget()
        QtWidgets.QVBoxLayout(self.map_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.map_tab, self.tr("Map"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._retitle_lists({})
        self.reload = ReloadWhenShown(self, context, (NETWORK, MACHINES))

    # --- actions ---------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], tip: str = "") -> QtGui.QAction:
            made = QtGui.QAction(text, self)
            made.setToolTip(tip or text)
            made.triggered.connect(lambda: slot())
            self.toolbar.addAction(made)
            return made

        self.refresh_action = action(self.tr("Refresh"), self.refresh)
        self.name_action = action(
            self.tr("Name…"), self.ask_name_subnet, self.tr("Give the selected subnet a name")
        )
        self.blacklist_action = action(
            self.tr("Blacklist"),
            self.ask_blacklist,
            self.tr("Never elect a scanner on the selected subnet"),
        )
        self.scan_action = action(
            self.tr("Scan now…"), self.ask_scan, self.tr("Scan this subnet now")
        )
        self.scan_action.setVisible(self._scan_dialog_class() is not None)
        self.toolbar.addSeparator()
        self.types_action = action(self.tr("Device types…"), self.open_types)
        self.blacklisted_action = action(self.tr("Blacklisted…"), self.open_blacklist)
        self.purge_action = action(
            self.tr("Purge…"), self.ask_purge, self.tr("Delete hosts not seen for some days")
        )
        self.toolbar.addSeparator()
        self.export_action = action(
            self.tr("Export CSV…"), self.ask_export_csv, self.tr("Export the list shown below")
        )

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> Task:
        """Read the subnets (then the selected subnet's hosts) in the worker."""
        self.reload.stale = False
        current = self.current_subnet()
        if current is not None and self._wanted is None:
            self._wanted = (current.netid, current.tag)

        def read(conn: Connection, progress: Progress) -> Loaded:
            days = load_options(conn).ivalue("IPDISCOVER_PURGE_VALIDITY_TIME", 30) or 30
            return Loaded(subnet_summaries(conn), link_tag(conn), days)

        if self.map_view is not None:
            getattr(self.map_view, "load", lambda: None)()
        return self.context.read(read, self._show_subnets, key=f"network-page-{id(self):x}")

    def _show_subnets(self, loaded: Loaded) -> None:
        self.linked = loaded.linked
        self.purge_days = loaded.purge_days
        self.subnets.replace_rows(loaded.subnets)
        self.subnet_view.setColumnHidden(SubnetsModel.COLUMNS.index("tag"), not loaded.linked)
        self.subnet_view.resizeColumnsToContents()
        hunted = sum(s.non_inventoried for s in loaded.subnets)
        self.summary.setText(
            self.tr("%n subnet(s)", "", len(loaded.subnets))
            + " · "
            + self.tr("%n non-inventoried host(s) to look at", "", hunted)
        )
        wanted, self._wanted = self._wanted, None
        if not self.select_subnet(*(wanted or ("", None))) and loaded.subnets:
            self.subnet_view.selectRow(0)
        if not loaded.subnets:
            self.load_hosts()
        self.loaded.emit()

    def select_subnet(self, netid: str, tag: str | None = None) -> bool:
        """Select the row of ``netid`` (and ``tag``); False when it is not listed."""
        for row in range(self.subnet_proxy.rowCount()):
            summary = self.subnets.summary(
                self.subnet_proxy.mapToSource(self.subnet_proxy.index(row, 0)).row()
            )
            if summary is not None and summary.netid == netid and summary.tag == tag:
                self.subnet_view.selectRow(row)
                return True
        return False

    def current_subnet(self) -> SubnetSummary | None:
        index = self.subnet_view.currentIndex()
        if not index.isValid():
            return None
        return self.subnets.summary(self.subnet_proxy.mapToSource(index).row())

    def load_hosts(self) -> Task | None:
        """Read the four lists of the selected subnet."""
        subnet = self.current_subnet()
        if subnet is None:
            for model in self.models.values():
                model.replace_rows([])
            self.heading.setText(self.tr("No subnet selected."))
            self._retitle_lists({})
            self.hostsLoaded.emit()
            return None
        netid, tag = subnet.netid, subnet.tag

        def read(conn: Connection, progress: Progress) -> dict[HostKind, list[Any]]:
            return {kind: list(list_hosts(conn, kind, netid, tag)) for kind in KINDS}

        def done(hosts: dict[HostKind, list[Any]]) -> None:
            for kind, rows in hosts.items():
                self.models[kind].replace_rows(rows)
                self.views[kind].resizeColumnsToContents()
            self._retitle_lists(hosts)
            shown = subnet.name or self.tr("(unnamed)")
            where = f"{netid}/{subnet.mask}" if subnet.mask else netid
            if tag:
                where += f" · TAG {tag}"
            self.heading.setText(self.tr("Hosts of {0} ({1})").format(shown, where))
            self.hostsLoaded.emit()

        return self.context.read(read, done, key=f"network-hosts-{id(self):x}")

    def _retitle_lists(self, hosts: dict[HostKind, list[Any]]) -> None:
        titles = {
            HostKind.NON_INVENTORIED: self.tr("Non-inventoried ({0})"),
            HostKind.IDENTIFIED: self.tr("Identified ({0})"),
            HostKind.INVENTORIED: self.tr("Inventoried ({0})"),
            HostKind.ELECTED: self.tr("Scanners ({0})"),
        }
        for position, kind in enumerate(KINDS):
            count = len(hosts.get(kind, []))
            self.lists.setTabText(position, titles[kind].format(count))

    # --- selections ------------------------------------------------------------------------
    def selected_hosts(self, kind: HostKind) -> list[Any]:
        view = self.views[kind]
        proxy = view.model()
        selection = view.selectionModel()
        assert isinstance(proxy, QtCore.QSortFilterProxyModel)
        rows = sorted(
            {proxy.mapToSource(i).row() for i in selection.selectedRows()} if selection else set()
        )
        hosts = [self.models[kind].host(row) for row in rows]
        return [h for h in hosts if h is not None]

    def select_host(self, kind: HostKind, match: Callable[[Any], bool]) -> bool:
        """Show the list of ``kind`` and select its first host ``match`` accepts."""
        view = self.views[kind]
        self.lists.setCurrentWidget(view)
        proxy = view.model()
        assert isinstance(proxy, QtCore.QSortFilterProxyModel)
        for row in range(proxy.rowCount()):
            host = self.models[kind].host(proxy.mapToSource(proxy.index(row, 0)).row())
            if host is not None and match(host):
                view.selectRow(row)
                return True
        return False

    def current_kind(self) -> HostKind:
        return KINDS[max(self.lists.currentIndex(), 0)]

    def _activated(self, kind: HostKind) -> None:
        hosts = self.selected_hosts(kind)
        if not hosts:
            return
        host = hosts[0]
        if isinstance(host, MachineHost):
            self.context.openMachine.emit(host.hardware_id)
        else:
            self.ask_identify(host.mac, host)

    def _subnet_menu(self, pos: QtCore.QPoint) -> None:
        if self.current_subnet() is None:
            return
        menu = QtWidgets.QMenu(self)
        for act in (self.name_action, self.blacklist_action, self.scan_action):
            if act.isVisible():
                menu.addAction(act)
        menu.exec(self.subnet_view.viewport().mapToGlobal(pos))

    def host_actions(self, kind: HostKind) -> list[tuple[str, Callable[[], object]]]:
        """The context menu of a list, as (text, slot) for the current selection."""
        hosts = self.selected_hosts(kind)
        if not hosts:
            return []
        first = hosts[0]
        items: list[tuple[str, Callable[[], object]]] = []
        if isinstance(first, DiscoveredHost):
            verb = (
                self.tr("Identify…")
                if kind is HostKind.NON_INVENTORIED
                else self.tr("Edit identification…")
            )
            items.append((verb, lambda: self.ask_identify(first.mac, first)))
            items.append(
                (self.tr("Delete %n host(s)", "", len(hosts)),
                 lambda: self.ask_delete([h.mac for h in hosts]))
            )  # fmt: skip
            if first.scanner_id is not None:
                items.append(
                    (self.tr("Open the scanner"),
                     lambda: self.context.openMachine.emit(first.scanner_id))
                )  # fmt: skip
            return items
        assert isinstance(first, MachineHost)
        subnet = self.current_subnet()
        items.append((self.tr("Open the machine"), lambda: self.context.openMachine.emit(
            first.hardware_id)))  # fmt: skip
        if subnet is not None:
            items.append(
                (self.tr("Force it to scan this subnet"),
                 lambda: self.elect(first.hardware_id, Election.FORCE, subnet.netid))
            )  # fmt: skip
        items.append(
            (self.tr("Never let it scan"),
             lambda: self.elect(first.hardware_id, Election.FORBID))
        )  # fmt: skip
        items.append(
            (self.tr("Let the server decide"),
             lambda: self.elect(first.hardware_id, Election.RELEASE))
        )  # fmt: skip
        return items

    def _host_menu(self, kind: HostKind, pos: QtCore.QPoint) -> None:
        items = self.host_actions(kind)
        if not items:
            return
        menu = QtWidgets.QMenu(self)
        for text, slot in items:
            menu.addAction(text, slot)
        menu.addSeparator()
        menu.addAction(self.tr("Export CSV…"), self.ask_export_csv)
        menu.exec(self.views[kind].viewport().mapToGlobal(pos))

    # --- writes ----------------------------------------------------------------------------
    def _write(self, fn: Callable[[Connection], object], status: Callable[[Any], str]) -> Task:
        """Run ``fn`` in one transaction; a refusal is shown, not raised."""

        def write(conn: Connection, progress: Progress) -> object:
            try:
                return fn(conn)
            except NetworkInputError as exc:
                return exc

        def done(result: object) -> None:
            if isinstance(result, Exception):
                text = network_error_text(result)
                self.context.error.emit(text)
            else:
                text = status(result)
                self.context.status.emit(text)
                self.context.changed.emit(NETWORK)
            self.message.emit(text)

        return self.context.write(write, done)

    def identify(self, mac: str, type_name: str, description: str, user: str) -> Task:
        return self._write(
            lambda conn: identify(conn, mac, type_name, description, user),
            lambda _id: self.tr("{0} identified as {1}").format(mac, type_name),
        )

    def ask_identify(self, mac: str, host: DiscoveredHost | None = None) -> Task:
        """Open the identify dialog for ``mac`` (types are read first)."""
        url_user = self.context.engine.url.username

        def show(types: list[str]) -> None:
            dialog = IdentifyDialog(
                mac,
                types,
                type_name=host.type if host else None,
                description=(host.description or "") if host else "",
                user=(host.user or "") if host and host.user else default_user(url_user),
                parent=self,
            )
            if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
                self.identify(mac, *dialog.values())

        return self.context.read(lambda conn, progress: device_types(conn), show)

    def delete_hosts(self, macs: list[str]) -> Task:
        def run(conn: Connection) -> int:
            for mac in macs:
                delete_host(conn, mac)
            return len(macs)

        return self._write(run, lambda n: self.tr("%n host(s) deleted", "", n))

    def ask_delete(self, macs: list[str]) -> Task | None:
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete hosts"),
            self.tr(
                "Forget %n discovered host(s) and their identification? "
                "The next scan finds them again if they are still there.",
                "",
                len(macs),
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.delete_hosts(macs)

    def elect(self, hardware_id: int, election: Election, subnet: str | None = None) -> Task:
        texts = {
            Election.FORCE: self.tr("Machine {0} forced to scan {1}"),
            Election.FORBID: self.tr("Machine {0} will never scan"),
            Election.RELEASE: self.tr("The server decides whether machine {0} scans"),
        }
        return self._write(
            lambda conn: set_election(conn, hardware_id, election, subnet),
            lambda row: texts[election].format(hardware_id, row.subnet or ""),
        )

    def name_subnet(self, name: str, mask: str | None) -> Task | None:
        subnet = self.current_subnet()
        if subnet is None:
            return None
        self._wanted = (subnet.netid, subnet.tag)
        return self._write(
            lambda conn: name_subnet(conn, subnet.netid, name, mask, tag=subnet.tag),
            lambda _pk: self.tr("Subnet {0} named {1}").format(subnet.netid, name),
        )

    def ask_name_subnet(self) -> Task | None:
        subnet = self.current_subnet()
        if subnet is None:
            return None
        dialog = NameSubnetDialog(
            subnet.netid,
            name=subnet.name or "",
            mask=subnet.mask or "",
            tag=subnet.tag,
            parent=self,
        )
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return self.name_subnet(*dialog.values())

    def blacklist_current(self) -> Task | None:
        subnet = self.current_subnet()
        if subnet is None:
            return None
        mask = subnet.mask or ""
        return self._write(
            lambda conn: blacklist_subnet(conn, subnet.netid, mask),
            lambda _row: self.tr("Subnet {0} blacklisted").format(subnet.netid),
        )

    def ask_blacklist(self) -> Task | None:
        subnet = self.current_subnet()
        if subnet is None:
            return None
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Blacklist a subnet"),
            self.tr(
                "Never elect a scanner on {0}? Its scanners stop at their next inventory."
            ).format(subnet.netid),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.blacklist_current()

    def purge(self, days: int) -> Task:
        return self._write(
            lambda conn: purge(conn, days),
            lambda n: self.tr("%n old host(s) purged", "", n),
        )

    def ask_purge(self) -> Task | None:
        days, ok = QtWidgets.QInputDialog.getInt(
            self,
            self.tr("Purge old hosts"),
            self.tr("Delete the hosts no scan has seen for this many days:"),
            self.purge_days,
            1,
            36500,
        )
        return self.purge(days) if ok else None

    def open_types(self) -> DeviceTypesDialog:
        dialog = DeviceTypesDialog(self.context, self)
        dialog.open()
        return dialog

    def open_blacklist(self) -> SubnetBlacklistDialog:
        dialog = SubnetBlacklistDialog(self.context, self)
        dialog.open()
        return dialog

    # --- scan and map (other modules, optional) ---------------------------------------------
    @staticmethod
    def _scan_dialog_class() -> Any:
        try:
            from ocs_desktop.views.fleet import network_scan_dialog
        except ImportError:
            return None
        return getattr(network_scan_dialog, "NetworkScanDialog", None)

    def ask_scan(self) -> QtWidgets.QDialog | None:
        """Open "Scan this subnet now" on the selected subnet."""
        cls = self._scan_dialog_class()
        subnet = self.current_subnet()
        if cls is None or subnet is None:
            return None
        others = [(s.netid, s.mask) for s in self.subnets.summaries() if s is not subnet]
        dialog: QtWidgets.QDialog = cls(
            self.context, subnet.netid, subnet.mask, self, subnets=others
        )
        dialog.open()
        return dialog

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.map_tab:
            self.ensure_map()

    def ensure_map(self) -> QtWidgets.QWidget:
        """The map, built and loaded on first use."""
        if self.map_view is not None:
            return self.map_view
        try:
            from ocs_desktop.views.fleet.network_map import NetworkMapView
        except ImportError:
            view: QtWidgets.QWidget = QtWidgets.QLabel(self.tr("The map is not available."))
        else:
            view = NetworkMapView(self.context, self.map_tab)
            view.machineRequested.connect(self.context.openMachine.emit)
            view.identifyRequested.connect(lambda mac: self.ask_identify(mac))
            view.load()
        layout = self.map_tab.layout()
        assert layout is not None
        layout.addWidget(view)
        self.map_view = view
        return view

    # --- export ----------------------------------------------------------------------------
    def export_csv(self, path: str | os.PathLike[str], kind: HostKind | None = None) -> Task:
        """Write the list of ``kind`` (default: the tab shown) to CSV, in the worker."""
        chosen = kind or self.current_kind()
        hosts = self.models[chosen].hosts()
        target = Path(path)

        def export(progress: Progress) -> int:
            partial = target.with_name(target.name + ".part")
            try:
                # utf-8-sig: spreadsheet programs on Windows need the BOM to read UTF-8.
                with partial.open("w", newline="", encoding="utf-8-sig") as stream:
                    written = write_csv(stream, chosen, hosts)
                os.replace(partial, target)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            return written

        def done(count: int) -> None:
            self.context.status.emit(
                self.tr("%n host(s) exported to {0}", "", count).format(target.name)
            )

        return self.context.runner.run(export, on_done=done, on_failed=self.context.error.emit)

    def ask_export_csv(self) -> Task | None:
        subnet = self.current_subnet()
        kind = self.current_kind()
        suggested = f"{kind.value}-{subnet.netid if subnet else 'hosts'}.csv"
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export hosts"), suggested, self.tr("CSV files (*.csv)")
        )
        return self.export_csv(chosen, kind) if chosen else None
