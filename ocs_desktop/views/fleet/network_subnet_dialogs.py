"""Subnet dialogs of the Network page: give a subnet a name, and the subnet blacklist.

A name is the OCS ``subnet`` row (NETID, NAME, MASK, TAG); the blacklist is
``blacklist_subnet``, the subnets the server never elects a scanner on.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet import network_input as checked
from ocs_desktop.fleet.network_actions import (
    BlacklistedSubnet,
    blacklisted_subnets,
    unblacklist_subnet,
)
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_identify_dialog import network_error_text
from ocs_desktop.views.fleet.network_models import NETWORK
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.worker import Task


class NameSubnetDialog(QtWidgets.QDialog):
    """Name and mask of one subnet; :meth:`values` once accepted."""

    def __init__(
        self,
        netid: str,
        *,
        name: str = "",
        mask: str = "",
        tag: str | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Name a subnet"))
        self.name = QtWidgets.QLineEdit(name)
        self.name.setMaxLength(checked.TEXT_CHARS)
        self.mask_edit = QtWidgets.QLineEdit(mask)
        self.mask_edit.setMaxLength(checked.IP_CHARS)
        self.mask_edit.setPlaceholderText("255.255.255.0")
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000")
        self.message.hide()
        self.netid = netid
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Network:"), QtWidgets.QLabel(netid))
        if tag:
            form.addRow(self.tr("TAG:"), QtWidgets.QLabel(tag))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Mask:"), self.mask_edit)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> tuple[str, str | None]:
        """(name, mask or None)."""
        return self.name.text(), self.mask_edit.text().strip() or None

    def accept(self) -> None:
        name, mask = self.values()
        try:
            checked.text(name, "name")
            if mask:
                checked.network(self.netid, checked.netmask(mask))
        except NetworkInputError as exc:
            self.message.setText(network_error_text(exc))
            self.message.show()
            return
        super().accept()


class SubnetBlacklistDialog(QtWidgets.QDialog):
    """The blacklisted subnets, with Remove."""

    loaded = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Blacklisted subnets"))
        hint = QtWidgets.QLabel(self.tr("The server never elects a scanner on these subnets."))
        hint.setWordWrap(True)
        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("blacklistedSubnets")
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.remove_button.setAutoDefault(False)  # Enter closes; removing takes a click
        self.message = QtWidgets.QLabel()
        self.message.setStyleSheet("color: #a40000")
        self.message.hide()
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QtWidgets.QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(380, 300)
        self.refresh()

    def entries(self) -> list[BlacklistedSubnet]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def refresh(self) -> Task:
        def done(entries: list[BlacklistedSubnet]) -> None:
            self.list.clear()
            for entry in entries:
                item = QtWidgets.QListWidgetItem(f"{entry.subnet} / {entry.mask}")
                item.setData(Qt.ItemDataRole.UserRole, entry)
                self.list.addItem(item)
            self.loaded.emit()

        return self.context.read(lambda conn, progress: blacklisted_subnets(conn), done)

    def remove_selected(self) -> Task | None:
        item = self.list.currentItem()
        if item is None:
            return None
        entry: BlacklistedSubnet = item.data(Qt.ItemDataRole.UserRole)

        def write(conn: Connection, progress: Progress) -> int | Exception:
            try:
                return unblacklist_subnet(conn, entry.subnet, entry.mask)
            except NetworkInputError as exc:
                return exc

        def done(result: int | Exception) -> None:
            if isinstance(result, Exception):
                self.message.setText(network_error_text(result))
                self.message.show()
            else:
                self.message.hide()
                self.context.changed.emit(NETWORK)
            self.refresh()

        return self.context.write(write, done)
