"""The Network page's tables: the subnets with their four counts, and one subnet's hosts.

Non-inventoried hosts are what an administrator hunts for, so their count is drawn bold
on a warm background whenever it is not zero.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ocs_desktop.fleet.network_hosts import DiscoveredHost, HostKind, MachineHost
from ocs_desktop.fleet.network_subnets import SubnetSummary
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel

#: ``context.changed`` topic: IP discovery data (subnets, hosts, types, elections).
NETWORK = "network"
#: Raw values for sorting (numbers as numbers, addresses by their parts).
SortRole = Qt.ItemDataRole.UserRole + 1
#: Warm background of a non-zero non-inventoried count.
HUNT_COLOR = QtGui.QColor("#ffd8b0")
COUNTS = ("inventoried", "non_inventoried", "identified", "elected")


def address_key(ip: str | None) -> str:
    """``ip`` zero-padded (``010.001.000.007``), so addresses sort as numbers."""
    parts = (ip or "").split(".")
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        return "~" + (ip or "")
    return ".".join(f"{int(p):03d}" for p in parts)


def _bold() -> QtGui.QFont:
    font = QtWidgets.QApplication.font()
    font.setBold(True)
    return font


class SubnetsModel(RowTableModel[SubnetSummary]):
    """One subnet per row: name, NETID, mask, TAG and the four counts."""

    COLUMNS = ("name", "netid", "mask", "tag", *COUNTS)
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Network"),
            self.tr("Mask"),
            self.tr("TAG"),
            self.tr("Inventoried"),
            self.tr("Non-inventoried"),
            self.tr("Identified"),
            self.tr("Scanners"),
        )

    def summaries(self) -> list[SubnetSummary]:
        return list(self._rows)

    def summary(self, row: int) -> SubnetSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        key = self.COLUMNS[index.column()]
        value = getattr(entry, key)
        if role == Qt.ItemDataRole.DisplayRole:
            if key in COUNTS:
                return QtCore.QLocale().toString(int(value))
            if key == "name" and not value:
                return self.tr("(unnamed)")
            return value or ""
        if role == SortRole:
            if key == "netid":
                return address_key(value)
            return value if key in COUNTS else (value or "").casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and key in COUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        hunted = key == "non_inventoried" and entry.non_inventoried > 0
        if role == Qt.ItemDataRole.FontRole and hunted:
            return _bold()
        if role == Qt.ItemDataRole.BackgroundRole and hunted:
            return QtGui.QBrush(HUNT_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and hunted:
            return QtGui.QBrush(QtGui.QColor("#7a2e00"))
        if role == Qt.ItemDataRole.FontRole and key == "name" and not entry.name:
            font = QtWidgets.QApplication.font()
            font.setItalic(True)
            return font
        return None


#: The columns each list shows (attributes of its host rows).
HOST_COLUMNS: dict[HostKind, tuple[str, ...]] = {
    HostKind.NON_INVENTORIED: ("ip", "mac", "name", "mask", "date", "tag"),
    HostKind.IDENTIFIED: ("ip", "mac", "type", "description", "name", "date", "user", "tag"),
    HostKind.INVENTORIED: ("name", "ip", "mac", "os", "user", "lastdate", "tag"),
    HostKind.ELECTED: ("name", "ip", "election", "os", "lastdate", "tag"),
}


class HostsModel(RowTableModel[MachineHost | DiscoveredHost]):
    """The hosts of one kind on the selected subnet."""

    ROW_NUMBERS = False

    def __init__(self, kind: HostKind, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind

    def columns(self) -> tuple[str, ...]:
        return HOST_COLUMNS[self.kind]

    def labels(self) -> tuple[str, ...]:
        names = {
            "ip": self.tr("IP address"),
            "mac": self.tr("MAC address"),
            "name": self.tr("Name"),
            "mask": self.tr("Mask"),
            "date": self.tr("Last seen"),
            "tag": self.tr("TAG"),
            "type": self.tr("Type"),
            "description": self.tr("Description"),
            "user": self.tr("User"),
            "os": self.tr("Operating system"),
            "lastdate": self.tr("Last inventory"),
            "election": self.tr("Election"),
        }
        return tuple(names[c] for c in self.columns())

    def hosts(self) -> list[MachineHost | DiscoveredHost]:
        return list(self._rows)

    def host(self, row: int) -> MachineHost | DiscoveredHost | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        host = self.row_at(index)
        if host is None:
            return None
        key = self.columns()[index.column()]
        value = getattr(host, key, None)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "election":
                return self.tr("forced") if value == 2 else self.tr("elected")
            if isinstance(value, dt.datetime):
                moment = QtCore.QDateTime(
                    QtCore.QDate(value.year, value.month, value.day),
                    QtCore.QTime(value.hour, value.minute, value.second),
                )
                return QtCore.QLocale().toString(moment, QtCore.QLocale.FormatType.ShortFormat)
            return "" if value is None else str(value)
        if role == SortRole:
            if key == "ip":
                return address_key(value)
            if isinstance(value, dt.datetime):
                return value.timestamp()
            return "" if value is None else str(value).casefold()
        if role == Qt.ItemDataRole.FontRole and key == "election" and value == 2:
            return _bold()
        return None
