"""The machine detail's models: the tree (machine → categories → components), a category's
rows under readable headers, and the property sheet of one component.

Everything is built from the detail already read, so clicking around never queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ocs_desktop.fleet.field_catalog import (
    FieldInfo,
    component_title,
    field_info,
    ordered_columns,
)
from ocs_desktop.fleet.machine_detail import CATEGORIES, CategoryRows, MachineDetail
from ocs_desktop.views.fleet.field_format import field_label, format_field, sort_key
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel

ADMIN = "admin"
#: Categories of one row: the category itself opens as a property sheet.
SINGLE = frozenset({"hardware", "bios"})
#: (kind, category key, row number) of a tree node; kind is machine, category or component.
NodeRole = Qt.ItemDataRole.UserRole + 1
#: Raw values for sorting in :class:`CategoryRowsModel`.
SortRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Node:
    kind: str  # "machine", "category" or "component"
    category: str = ""
    row: int = -1


def category_label(key: str) -> str:
    labels = {
        "hardware": QtCore.QCoreApplication.translate("MachineTree", "Hardware"),
        "bios": QtCore.QCoreApplication.translate("MachineTree", "BIOS"),
        "cpus": QtCore.QCoreApplication.translate("MachineTree", "CPUs"),
        "memories": QtCore.QCoreApplication.translate("MachineTree", "Memory"),
        "storages": QtCore.QCoreApplication.translate("MachineTree", "Storage"),
        "drives": QtCore.QCoreApplication.translate("MachineTree", "Drives"),
        "networks": QtCore.QCoreApplication.translate("MachineTree", "Network"),
        "videos": QtCore.QCoreApplication.translate("MachineTree", "Video"),
        "sounds": QtCore.QCoreApplication.translate("MachineTree", "Sound"),
        "controllers": QtCore.QCoreApplication.translate("MachineTree", "Controllers"),
        "monitors": QtCore.QCoreApplication.translate("MachineTree", "Monitors"),
        "printers": QtCore.QCoreApplication.translate("MachineTree", "Printers"),
        "inputs": QtCore.QCoreApplication.translate("MachineTree", "Inputs"),
        "modems": QtCore.QCoreApplication.translate("MachineTree", "Modems"),
        "ports": QtCore.QCoreApplication.translate("MachineTree", "Ports"),
        "slots": QtCore.QCoreApplication.translate("MachineTree", "Slots"),
        "software": QtCore.QCoreApplication.translate("MachineTree", "Software"),
        "virtualmachines": QtCore.QCoreApplication.translate("MachineTree", "Virtual machines"),
        "registry": QtCore.QCoreApplication.translate("MachineTree", "Registry"),
        ADMIN: QtCore.QCoreApplication.translate("MachineTree", "Administrative data"),
    }
    return labels.get(key, key)


def _row_values(rows: CategoryRows, row: int) -> dict[str, Any]:
    return dict(zip(rows.columns, rows.rows[row], strict=True))


class MachineTreeModel(QtGui.QStandardItemModel):
    """The machine, its categories with their counts (empty ones greyed), their components."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] = {}
        self._category_items: dict[str, QtGui.QStandardItem] = {}
        self.setHorizontalHeaderLabels([self.tr("Machine"), self.tr("Items")])

    def set_detail(self, detail: MachineDetail | None) -> None:
        self.removeRows(0, self.rowCount())
        self._counts = {}
        self._category_items = {}
        if detail is None:
            return
        root = self._item(detail.name or str(detail.id), Node("machine"))
        grey = QtWidgets.QApplication.palette().color(
            QtGui.QPalette.ColorGroup.Disabled, QtGui.QPalette.ColorRole.Text
        )
        for category in CATEGORIES:
            rows = detail.categories.get(category.key)
            count = len(rows.rows) if rows is not None else 0
            self._counts[category.key] = count
            item = self._item(category_label(category.key), Node("category", category.key))
            shown = "" if category.key == ADMIN else QtCore.QLocale().toString(count)
            count_item = self._item(shown, Node("category", category.key))
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if count == 0 and category.key != ADMIN:
                item.setForeground(grey)
                count_item.setForeground(grey)
            if rows is not None and category.key not in SINGLE and category.key != ADMIN:
                item.appendRows(self._components(category.key, rows))
            self._category_items[category.key] = item
            root.appendRow([item, count_item])
        self.appendRow([root, self._item("", Node("machine"))])

    def _components(self, key: str, rows: CategoryRows) -> list[QtGui.QStandardItem]:
        items = []
        for number in range(len(rows.rows)):
            values = _row_values(rows, number)
            title = component_title(key, values) or self.tr("#{0}").format(number + 1)
            if key == "software" and values.get("VERSION"):
                title = f"{title} {values['VERSION']}"
            items.append(self._item(title, Node("component", key, number)))
        return items

    @staticmethod
    def _item(text: str, node: Node) -> QtGui.QStandardItem:
        item = QtGui.QStandardItem(text)
        item.setEditable(False)
        item.setData(node, NodeRole)
        item.setToolTip(text)
        return item

    def count(self, key: str) -> int | None:
        """Rows of category ``key``; None for the admin form or before a machine is shown."""
        return None if key == ADMIN else self._counts.get(key)

    def machine_index(self) -> QtCore.QModelIndex:
        return self.index(0, 0) if self.rowCount() else QtCore.QModelIndex()

    def index_of(self, key: str) -> QtCore.QModelIndex:
        """The index of category ``key`` (invalid before a machine is shown)."""
        item = self._category_items.get(key)
        return item.index() if item is not None else QtCore.QModelIndex()

    def component_index(self, key: str, row: int) -> QtCore.QModelIndex:
        item = self._category_items.get(key)
        child = item.child(row) if item is not None else None
        return child.index() if child is not None else QtCore.QModelIndex()

    @staticmethod
    def node(index: QtCore.QModelIndex) -> Node | None:
        node = index.siblingAtColumn(0).data(NodeRole) if index.isValid() else None
        return node if isinstance(node, Node) else None


class CategoryRowsModel(RowTableModel[tuple[Any, ...]]):
    """A category's rows, under readable headers, in reading order, values with units."""

    ROW_NUMBERS = False

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[str, ...] = ()
        self._infos: list[FieldInfo] = []
        self._order: list[int] = []

    def set_rows(self, rows: CategoryRows | None) -> None:
        self.beginResetModel()
        if rows is None:
            self._columns, self._rows, self._infos, self._order = (), [], [], []
        else:
            table = rows.category.table
            ordered = ordered_columns(table, rows.columns) if rows.category.key != ADMIN else ()
            ordered = ordered or rows.columns
            self._columns = ordered
            self._order = [rows.columns.index(c) for c in ordered]
            self._infos = [field_info(table, c) for c in ordered]
            self._rows = list(rows.rows)
        self.endResetModel()

    def columns(self) -> tuple[str, ...]:
        """The real column names, in the order shown."""
        return self._columns

    def labels(self) -> tuple[str, ...]:
        return tuple(field_label(info) for info in self._infos)

    def is_internal(self, column: int) -> bool:
        return self._infos[column].internal

    def value(self, row: int, column: int) -> Any:
        return self._rows[row][self._order[column]]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        info = self._infos[index.column()]
        value = row[self._order[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_field(value, info.kind)[0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return format_field(value, info.kind)[1]
        if role == SortRole:
            return sort_key(value, info.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and info.kind not in ("text",):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class Property:
    label: str
    shown: str
    exact: str
    internal: bool


class PropertySheetModel(RowTableModel[Property]):
    """One component (or a one-row category) as field/value pairs; empty values are left out."""

    COLUMNS = ("field", "value")
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Field"), self.tr("Value"))

    def set_component(self, rows: CategoryRows | None, row: int, show_all: bool) -> None:
        properties: list[Property] = []
        if rows is not None and 0 <= row < len(rows.rows):
            values = _row_values(rows, row)
            table = rows.category.table
            for column in ordered_columns(table, rows.columns):
                info = field_info(table, column)
                shown, exact = format_field(values[column], info.kind)
                if not shown or (info.internal and not show_all):
                    continue
                properties.append(Property(field_label(info), shown, exact, info.internal))
        self.replace_rows(properties)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label if index.column() == 0 else item.shown
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.label if index.column() == 0 else item.exact
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None
