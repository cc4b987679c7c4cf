"""Device types (``devicetype``): the kinds an operator gives to identified hosts.

Each type shows how many identified devices have it; a rename follows in those devices
(``network_devices.TYPE`` holds the name), and a type in use cannot be deleted.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.network_actions import (
    add_type,
    delete_type,
    device_types,
    rename_type,
    type_usage,
)
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_identify_dialog import network_error_text
from ocs_desktop.views.fleet.network_models import NETWORK
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.worker import Task


class DeviceTypesDialog(QtWidgets.QDialog):
    """The list of types with Add, Rename and Delete."""

    #: The list was (re)loaded.
    loaded = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Device types"))
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("deviceTypes")
        self.add_button = QtWidgets.QPushButton(self.tr("Add…"))
        self.rename_button = QtWidgets.QPushButton(self.tr("Rename…"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(lambda: self.ask_add())
        self.rename_button.clicked.connect(lambda: self.ask_rename())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000")
        self.message.hide()
        buttons = QtWidgets.QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(420, 320)
        self.refresh()

    def names(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def selected(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def refresh(self) -> Task:
        def read(conn: Connection, progress: Progress) -> tuple[list[str], dict[str, int]]:
            return device_types(conn), type_usage(conn)

        def done(result: tuple[list[str], dict[str, int]]) -> None:
            names, usage = result
            self.list.clear()
            for name in names:
                used = usage.get(name, 0)
                label = self.tr("{0} (%n device(s))", "", used).format(name) if used else name
                item = QtWidgets.QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.list.addItem(item)
            self.loaded.emit()

        return self.context.read(read, done)

    def _write(self, fn: object, status: str) -> Task:
        def write(conn: Connection, progress: Progress) -> object:
            try:
                return fn(conn)  # type: ignore[operator]
            except NetworkInputError as exc:
                return exc

        def done(result: object) -> None:
            if isinstance(result, Exception):
                self.message.setText(network_error_text(result))
                self.message.show()
            else:
                self.message.hide()
                self.context.status.emit(status)
                self.context.changed.emit(NETWORK)
            self.refresh()

        return self.context.write(write, done)

    def add(self, name: str) -> Task:
        return self._write(
            lambda conn: add_type(conn, name), self.tr("Type {0} added").format(name)
        )

    def rename(self, old: str, new: str) -> Task:
        return self._write(
            lambda conn: rename_type(conn, old, new),
            self.tr("Type {0} renamed to {1}").format(old, new),
        )

    def delete(self, name: str) -> Task:
        return self._write(
            lambda conn: delete_type(conn, name), self.tr("Type {0} deleted").format(name)
        )

    def ask_add(self) -> Task | None:
        name, ok = QtWidgets.QInputDialog.getText(self, self.tr("Add a type"), self.tr("Name:"))
        return self.add(name) if ok else None

    def ask_rename(self) -> Task | None:
        old = self.selected()
        if old is None:
            return None
        new, ok = QtWidgets.QInputDialog.getText(
            self, self.tr("Rename a type"), self.tr("New name:"), text=old
        )
        return self.rename(old, new) if ok else None

    def delete_selected(self) -> Task | None:
        name = self.selected()
        return None if name is None else self.delete(name)
