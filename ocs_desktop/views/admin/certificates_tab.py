"""Administration > Certificates: the CA and server certificate of ``cert init``.

Shows each certificate (subject, names, expiry, days left, SHA-256 fingerprint) with a
warning band when one expires within 30 days, and renews, exports and imports through
``common.cert_admin`` in the worker (key generation takes a moment). The folder is a
console setting: the one ``serve --tls-cert`` reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocs_desktop.common.cert_admin import (
    WARN_DAYS,
    CertificateInfo,
    describe,
    export_ca,
    import_certificate,
    renew_server,
)
from ocs_desktop.common.pki import SERVER_DAYS
from ocs_desktop.common.progress import Progress
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.settings import Option
from ocs_desktop.views.worker import Task

CERT_DIR: Option[str] = Option(
    "admin/certificate_dir", "", "Folder of cert init (ca.pem, server.pem) the console shows."
)
COLUMNS = 6


class CertificatesTab(QtWidgets.QWidget):
    """Describe, renew, export and import the server's certificates."""

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.infos: list[CertificateInfo] = []
        self.folder = QtWidgets.QLineEdit(context.settings.get(CERT_DIR))
        self.folder.setObjectName("certificateFolder")
        self.folder.setPlaceholderText(self.tr("folder of ocs-desktop cert init"))
        self.folder.editingFinished.connect(self._folder_edited)
        browse = QtWidgets.QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.warning = QtWidgets.QLabel()
        self.warning.setObjectName("certificateWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background:#b00020;color:white;padding:6px;font-weight:bold")
        self.warning.hide()
        self.table = QtWidgets.QTableWidget(0, COLUMNS)
        self.table.setObjectName("certificateTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Certificate"), self.tr("Subject"), self.tr("Names"),
             self.tr("Expires (UTC)"), self.tr("Days left"), self.tr("SHA-256 fingerprint")]
        )  # fmt: skip
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()  # the subject gives way: all fits 1024 px
        for column in range(COLUMNS):
            mode = QtWidgets.QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.Stretch if column == 1 else mode.ResizeToContents
            )
        self.table.setWordWrap(True)
        self.refresh_button = QtWidgets.QPushButton(self.tr("Refresh"))
        self.renew_button = QtWidgets.QPushButton(self.tr("Renew server certificate…"))
        self.export_button = QtWidgets.QPushButton(self.tr("Export cacert.pem…"))
        self.import_ca_button = QtWidgets.QPushButton(self.tr("Import CA…"))
        self.import_server_button = QtWidgets.QPushButton(self.tr("Import server certificate…"))
        self.refresh_button.clicked.connect(self.refresh)
        self.renew_button.clicked.connect(self.ask_renew)
        self.export_button.clicked.connect(lambda: self.export())
        self.import_ca_button.clicked.connect(lambda: self.ask_import("ca"))
        self.import_server_button.clicked.connect(lambda: self.ask_import("server"))
        self.result = QtWidgets.QLabel()
        self.result.setObjectName("certificateResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

        where = QtWidgets.QHBoxLayout()
        where.addWidget(QtWidgets.QLabel(self.tr("Certificate folder:")))
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        buttons = QtWidgets.QGridLayout()  # two rows: French labels fit 1024 px
        buttons.addWidget(self.refresh_button, 0, 0)
        buttons.addWidget(self.renew_button, 0, 1)
        buttons.addWidget(self.export_button, 0, 2)
        buttons.addWidget(self.import_ca_button, 1, 1)
        buttons.addWidget(self.import_server_button, 1, 2)
        buttons.setColumnStretch(3, 1)
        hint = QtWidgets.QLabel(
            self.tr("After a renewal or an import, restart ocs-desktop serve. Agents keep "
                    "their cacert.pem as long as the CA stays the same.")
        )  # fmt: skip
        hint.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(where)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.result)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def directory(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def set_directory(self, path: Path | str) -> Task | None:
        self.folder.setText(str(path))
        return self._folder_edited()

    def _folder_edited(self) -> Task | None:
        self.context.settings.set(CERT_DIR, self.folder.text().strip())
        return self.refresh()

    def _browse(self) -> None:
        chosen = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Certificate folder"), self.folder.text()
        )
        if chosen:
            self.set_directory(chosen)

    def refresh(self) -> Task | None:
        """Read the certificates again, in the worker."""
        directory = self.directory()
        if directory is None:
            self._show([])
            self.result.setText(self.tr("Choose the folder of ocs-desktop cert init."))
            return None
        return self._run(lambda progress: describe(directory), self._show)

    def _show(self, infos: Any) -> None:
        self.infos = list(infos)
        roles = {"ca": self.tr("CA"), "server": self.tr("Server")}
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            expires = f"{info.not_after:%Y-%m-%d %H:%M}"
            pairs = info.sha256.split(":")  # 8 bytes a line: the whole table fits 1024 px
            sha = "\n".join(":".join(pairs[i : i + 8]) for i in range(0, len(pairs), 8))
            cells = (roles.get(info.role, info.role), info.subject, "\n".join(info.names),
                     expires, str(info.days_left), sha)  # fmt: skip
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        expiring = [i for i in self.infos if i.expiring]
        if expiring:
            self.warning.setText("\n".join(self._warning(i) for i in expiring))
        self.warning.setVisible(bool(expiring))
        has_ca = any(i.role == "ca" for i in self.infos)
        self.renew_button.setEnabled(has_ca)
        self.export_button.setEnabled(has_ca)
        if self.directory() is not None and not self.infos:
            self.result.setText(self.tr("No certificate in this folder."))
        elif self.infos:
            self.result.setText(self.tr("A warning shows under {0} days left.").format(WARN_DAYS))

    def _warning(self, info: CertificateInfo) -> str:
        day = f"{info.not_after:%Y-%m-%d}"
        if info.role == "ca":
            if info.days_left < 0:
                return self.tr("The CA certificate has expired: agents cannot connect.")
            return self.tr(
                "The CA certificate expires in {0} days ({1}): import or create a new CA "
                "and give agents its cacert.pem."
            ).format(info.days_left, day)
        if info.days_left < 0:
            return self.tr("The server certificate has expired: agents cannot connect.")
        return self.tr("The server certificate expires in {0} days ({1}): renew it.").format(
            info.days_left, day
        )

    # -- changing --------------------------------------------------------------------------
    def ask_renew(self) -> Task | None:
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Renew server certificate"),
            self.tr("Sign a new server certificate with the same CA, for the same names? "
                    "The server uses it after a restart."),
        )  # fmt: skip
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return None
        return self.renew()

    def renew(self, days: int | None = None) -> Task | None:
        directory = self.directory()
        if directory is None:
            return None
        validity = SERVER_DAYS if days is None else days

        def job(progress: Progress) -> list[CertificateInfo]:
            renew_server(directory, days=validity)
            return describe(directory)

        return self._run(job, self._changed(self.tr("Server certificate renewed.")))

    def export(self, destination: str | Path | None = None) -> Task | None:
        directory = self.directory()
        if directory is None:
            return None
        if destination is None:
            destination, _ = QtWidgets.QFileDialog.getSaveFileName(
                self, self.tr("Export cacert.pem"), "cacert.pem", self.tr("PEM files (*.pem)")
            )
            if not destination:
                return None
        target = Path(destination)

        def done(path: Any) -> None:
            self.result.setText(self.tr("CA certificate written to {0}").format(path))

        return self._run(lambda progress: export_ca(directory, target), done)

    def ask_import(self, role: str) -> Task | None:
        title = self.tr("Import CA") if role == "ca" else self.tr("Import server certificate")
        certificate, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, title, "", self.tr("Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All (*)")
        )
        if not certificate:
            return None
        key: str | None = None
        password: str | None = None
        if certificate.lower().endswith((".p12", ".pfx")):
            password, ok = QtWidgets.QInputDialog.getText(
                self, title, self.tr("Password of the PKCS#12 file:"),
                QtWidgets.QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return None
        else:
            key, _ = QtWidgets.QFileDialog.getOpenFileName(
                self, self.tr("Its private key"), str(Path(certificate).parent),
                self.tr("Keys (*.key *.pem);;All (*)"),
            )  # fmt: skip
            if not key:
                return None
        return self.import_files(role, certificate, key, password)

    def import_files(
        self, role: str, certificate: str | Path, key: str | Path | None, password: str | None
    ) -> Task | None:
        directory = self.directory()
        if directory is None:
            return None
        cert_path, key_path = Path(certificate), Path(key) if key else None

        def job(progress: Progress) -> list[CertificateInfo]:
            import_certificate(directory, role, cert_path, key_path, password)
            return describe(directory)

        message = (
            self.tr("CA imported; give agents the new cacert.pem.")
            if role == "ca"
            else self.tr("Server certificate imported.")
        )
        return self._run(job, self._changed(message))

    def _changed(self, message: str) -> Any:
        def done(infos: Any) -> None:
            self._show(infos)
            self.result.setText(message)

        return done

    def _run(self, fn: Any, on_done: Any) -> Task:
        return self.context.runner.run(fn, on_done=on_done, on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self.result.setText(self.tr("Refused: {0}").format(message))
