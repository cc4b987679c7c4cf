"""The inputs both installer kinds share: server URL, CA certificate, SSL and TAG.

Each input holds its inline refusal under it (red, hidden while empty), so a page shows
the core's verdict where the user looks; labels carry mnemonics bound to their input.
"""

from __future__ import annotations

from ocs_desktop.views.installers.core_bridge import CoreBridge
from ocs_desktop.views.installers.file_inputs import FileField, error_label, show_error
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.worker import TaskRunner


class ServerFields:
    """Server URL, certificate, SSL and TAG: the inputs both installer kinds share."""

    def __init__(self, runner: TaskRunner, bridge: CoreBridge, prefix: str) -> None:
        self.server = QtWidgets.QLineEdit()
        self.server.setObjectName(f"{prefix}Server")
        self.server.setPlaceholderText("https://ocs.example.org/ocsinventory")
        self.server_error = error_label(f"{prefix}ServerError")
        self.cacert = FileField(
            runner,
            f"{prefix}Cacert",
            QtCore.QCoreApplication.translate("ServerFields", "Server CA certificate"),
            QtCore.QCoreApplication.translate(
                "ServerFields", "PEM certificates (*.pem *.crt);;All files (*)"
            ),
            bridge.check_cacert,
        )
        self.ssl = QtWidgets.QCheckBox(
            QtCore.QCoreApplication.translate(
                "ServerFields", "Verify the server's certificate (SSL)"
            )
        )
        self.ssl.setObjectName(f"{prefix}Ssl")
        self.ssl.setChecked(True)
        self.tag = QtWidgets.QLineEdit()
        self.tag.setObjectName(f"{prefix}Tag")
        self.tag_error = error_label(f"{prefix}TagError")
        self.server_box = column(self.server, self.server_error)
        self.tag_box = column(self.tag, self.tag_error)

    def clear_errors(self) -> None:
        show_error(self.server_error, "")
        show_error(self.tag_error, "")


def add_row(
    form: QtWidgets.QFormLayout,
    text: str,
    field: QtWidgets.QWidget | QtWidgets.QLayout,
    buddy: QtWidgets.QWidget,
) -> None:
    """A form row whose label's mnemonic (Alt+letter) focuses ``buddy``."""
    label = QtWidgets.QLabel(text)
    label.setBuddy(buddy)
    form.addRow(label, field)


def column(*widgets: QtWidgets.QWidget) -> QtWidgets.QWidget:
    """``widgets`` stacked tight (an input over its refusal); focus goes to the first."""
    holder = QtWidgets.QWidget()
    stack = QtWidgets.QVBoxLayout(holder)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.setSpacing(2)
    for widget in widgets:
        stack.addWidget(widget)
    holder.setFocusProxy(widgets[0])
    return holder
