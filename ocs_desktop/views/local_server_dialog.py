"""The dialog that starts the console's own communication server (Server > Start…).

It proposes what an administrator of one site wants: every interface on port 8080, and
HTTPS beside it when ``cert init`` made a server certificate (the folder the
Certificates tab shows), so agents can be pointed at this workstation at once.
"""

from __future__ import annotations

from pathlib import Path

from ocs_desktop.views.admin.certificates_tab import CERT_DIR
from ocs_desktop.views.local_server import LocalServerOptions, default_tls_files
from ocs_desktop.views.qt import QtWidgets
from ocs_desktop.views.settings import Option, Settings

LAST_OPTIONS: Option[dict[str, object]] = Option(
    "server/local_options", {}, "The last options the local server was started with."
)


class LocalServerDialog(QtWidgets.QDialog):
    """Listen address, HTTP port, and HTTPS with its certificate and key."""

    def __init__(
        self, settings: Settings, parent: QtWidgets.QWidget | None = None, database: str = ""
    ) -> None:
        super().__init__(parent)
        self.database = database  # what "whenever the console opens on this database" means
        self.setWindowTitle(self.tr("Start the local server"))
        self.settings = settings
        last = settings.get(LAST_OPTIONS)
        cert, key = default_tls_files(settings.get(CERT_DIR))

        self.host_combo = QtWidgets.QComboBox()
        self.host_combo.addItem(self.tr("Every network interface (agents on the LAN)"), "0.0.0.0")
        self.host_combo.addItem(self.tr("This computer only (127.0.0.1)"), "127.0.0.1")
        if last.get("host") == "127.0.0.1":
            self.host_combo.setCurrentIndex(1)
        self.http_port = QtWidgets.QSpinBox()
        self.http_port.setRange(1, 65535)
        self.http_port.setValue(int(str(last.get("http_port", 8080))))
        self.https_check = QtWidgets.QCheckBox(self.tr("Also serve HTTPS"))
        self.https_port = QtWidgets.QSpinBox()
        self.https_port.setRange(1, 65535)
        self.https_port.setValue(int(str(last.get("https_port", 8443))))
        self.cert_edit = QtWidgets.QLineEdit(str(last.get("tls_cert") or cert))
        self.key_edit = QtWidgets.QLineEdit(str(last.get("tls_key") or key))
        self.cert_edit.setPlaceholderText(self.tr("server.pem of cert init"))
        self.key_edit.setPlaceholderText(self.tr("server.key of cert init"))
        self.https_check.setChecked(bool(last.get("https", bool(cert))))
        self.https_check.toggled.connect(self._https_toggled)
        self.autostart_check = QtWidgets.QCheckBox(
            self.tr("Start it whenever the console opens on this database")
        )
        self.autostart_check.setChecked(bool(last.get("autostart", False)))
        self.error_label = QtWidgets.QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        note = QtWidgets.QLabel(
            self.tr(
                "The server runs in its own process on the database this console shows, and "
                "stops with the console. Point agents at the address shown in the status bar."
            )
        )
        note.setWordWrap(True)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Listen on:"), self.host_combo)
        form.addRow(self.tr("HTTP port:"), self.http_port)
        form.addRow("", self.https_check)
        form.addRow(self.tr("HTTPS port:"), self.https_port)
        form.addRow(self.tr("Certificate:"), self.cert_edit)
        form.addRow(self.tr("Private key:"), self.key_edit)
        form.addRow("", self.autostart_check)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.start_button.setDefault(True)
        self.setMinimumWidth(520)
        self._https_toggled(self.https_check.isChecked())

    def _https_toggled(self, on: bool) -> None:
        for widget in (self.https_port, self.cert_edit, self.key_edit):
            widget.setEnabled(on)

    @staticmethod
    def saved_options(settings: Settings, database: str) -> LocalServerOptions | None:
        """The options to start with at once, when the user asked for it on ``database``."""
        last = settings.get(LAST_OPTIONS)
        if not last.get("autostart") or last.get("database") != database:
            return None
        https = bool(last.get("https"))
        return LocalServerOptions(
            host=str(last.get("host", "0.0.0.0")),
            http_port=int(str(last.get("http_port", 8080))),
            https_port=int(str(last.get("https_port", 8443))) if https else None,
            tls_cert=str(last.get("tls_cert", "")) if https else "",
            tls_key=str(last.get("tls_key", "")) if https else "",
        )

    def options(self) -> LocalServerOptions:
        https = self.https_check.isChecked()
        return LocalServerOptions(
            host=str(self.host_combo.currentData()),
            http_port=self.http_port.value(),
            https_port=self.https_port.value() if https else None,
            tls_cert=self.cert_edit.text().strip() if https else "",
            tls_key=self.key_edit.text().strip() if https else "",
        )

    def problem(self) -> str:
        """Why these options cannot start a server, or ''."""
        options = self.options()
        if options.https_port is None:
            return ""
        if options.https_port == options.http_port:
            return self.tr("HTTP and HTTPS need two different ports.")
        if not options.tls_cert or not Path(options.tls_cert).is_file():
            return self.tr("HTTPS needs the server certificate file (make one with cert init).")
        if not options.tls_key or not Path(options.tls_key).is_file():
            return self.tr("HTTPS needs the server key file (make one with cert init).")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            return
        options = self.options()
        self.settings.set(
            LAST_OPTIONS,
            {
                "host": options.host,
                "http_port": options.http_port,
                "https": options.https_port is not None,
                "https_port": self.https_port.value(),
                "tls_cert": self.cert_edit.text().strip(),
                "tls_key": self.key_edit.text().strip(),
                "autostart": self.autostart_check.isChecked(),
                "database": self.database,
            },
        )
        super().accept()
