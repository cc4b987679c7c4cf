"""Identify a discovered host: its type, a description and who identified it.

What the OCS console asks on its "register" form (``ms_custom_info.php``): the type picked
from the device types, a description, and the operator's login; the MAC is shown, not
edited. The dialog checks the texts with the core's rules before it closes, so a refusal
is shown in place; ``network_error_text`` translates the core's refusals for every
Network dialog.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence

from ocs_desktop.fleet import network_input as checked
from ocs_desktop.fleet.network_input import FIELDS, NetworkInputError
from ocs_desktop.views.qt import QtCore, QtWidgets


def network_error_text(exc: Exception) -> str:
    """The core's refusal in the console's language (its English text otherwise)."""
    if not isinstance(exc, NetworkInputError):
        return str(exc)
    params = dict(exc.params)
    if "field" in params:
        field = FIELDS.get(str(params["field"]), str(params["field"]))
        params["field"] = QtCore.QCoreApplication.translate("NetworkErrors", field)
    return QtCore.QCoreApplication.translate("NetworkErrors", exc.message).format(**params)


def default_user(url_user: str | None = None) -> str:
    """Who identifies: the database login when there is one, else the OS user."""
    if url_user:
        return url_user
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ocs-desktop"


class IdentifyDialog(QtWidgets.QDialog):
    """Type, description and user for one MAC; :meth:`values` once accepted."""

    def __init__(
        self,
        mac: str,
        types: Sequence[str],
        *,
        type_name: str | None = None,
        description: str = "",
        user: str = "",
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Identify a device"))
        self.mac = mac
        self.mac_label = QtWidgets.QLabel(mac)
        self.mac_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.type_box = QtWidgets.QComboBox()
        self.type_box.addItems(list(types))
        if type_name and type_name in types:
            self.type_box.setCurrentText(type_name)
        self.description = QtWidgets.QLineEdit(description)
        self.description.setMaxLength(checked.TEXT_CHARS)
        self.user = QtWidgets.QLineEdit(user or default_user())
        self.user.setMaxLength(checked.TEXT_CHARS)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000")
        self.message.hide()
        if not types:
            self.message.setText(
                self.tr("There is no device type yet: add one with Device types… first.")
            )
            self.message.show()

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("MAC address:"), self.mac_label)
        form.addRow(self.tr("Type:"), self.type_box)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Identified by:"), self.user)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(bool(types))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[str, str, str]:
        """(type, description, user) as typed."""
        return self.type_box.currentText(), self.description.text(), self.user.text()

    def accept(self) -> None:
        type_name, description, user = self.values()
        try:
            checked.text(type_name, "type")
            checked.text(description, "description")
            checked.text(user, "user")
        except NetworkInputError as exc:
            self.message.setText(network_error_text(exc))
            self.message.show()
            return
        super().accept()
