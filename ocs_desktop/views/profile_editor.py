"""The form that adds or edits a MySQL/MariaDB connection profile.

The password typed here goes to the OS keyring when the user asks for it and a keyring
exists; otherwise it is not kept, and the connect dialog asks for it each time. "Test
connection" opens and checks the database in the worker, so a server that does not answer
never freezes the form, and says what the check found before anything is saved.
"""

from __future__ import annotations

from ocs_desktop.db.profiles import (
    EMBEDDED_NAME,
    OpenedDatabase,
    Profile,
    keyring_available,
    load_password,
    open_database,
)
from ocs_desktop.views.qt import Qt, QtWidgets
from ocs_desktop.views.worker import Task, TaskRunner


class ProfileEditor(QtWidgets.QDialog):
    """Fields of a MySQL/MariaDB profile, and its password."""

    def __init__(
        self,
        taken_names: set[str],
        profile: Profile | None = None,
        parent: QtWidgets.QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner if runner is not None else TaskRunner(parent=self)
        self.original = profile
        self._test: Task | None = None
        self.setWindowTitle(self.tr("Edit profile") if profile else self.tr("New profile"))
        self.taken_names = taken_names
        base = profile or Profile("", kind="mysql", host="localhost", user="ocs")
        self.name_edit = QtWidgets.QLineEdit(base.name)
        self.host_edit = QtWidgets.QLineEdit(base.host)
        self.port_spin = QtWidgets.QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(base.port)
        self.database_edit = QtWidgets.QLineEdit(base.database)
        self.user_edit = QtWidgets.QLineEdit(base.user)
        self.password_edit = QtWidgets.QLineEdit()
        self.password_edit.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.tls_check = QtWidgets.QCheckBox(self.tr("Require TLS"))
        self.tls_check.setChecked(base.tls)
        self.ca_edit = QtWidgets.QLineEdit(base.ca_file)
        self.ca_edit.setPlaceholderText(self.tr("optional: CA certificate (PEM)"))
        self.ca_edit.setToolTip(
            self.tr("The CA certificate (PEM) the server's certificate is verified against")
        )
        self.ca_browse = QtWidgets.QPushButton(self.tr("Browse…"))
        self.ca_browse.setAutoDefault(False)
        self.ca_browse.clicked.connect(self._browse_ca)
        ca_row = QtWidgets.QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        self.remember_check = QtWidgets.QCheckBox(self.tr("Remember the password in the keyring"))
        self.remember_check.setChecked(True)
        self.remember_check.setVisible(keyring_available())
        if profile is not None and profile.needs_password:
            self.password_edit.setPlaceholderText(self.tr("unchanged"))

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Host:"), self.host_edit)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_check)
        if not keyring_available():
            note = QtWidgets.QLabel(
                self.tr(
                    "No system keyring is available: the password is not stored and "
                    "will be asked at each connection."
                )
            )
            note.setWordWrap(True)
            form.addRow("", note)
        form.addRow("", self.tls_check)
        form.addRow(self.tr("CA file:"), ca_row)
        self.tls_check.toggled.connect(self._tls_toggled)
        self._tls_toggled(self.tls_check.isChecked())
        self.error_label = QtWidgets.QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.test_label = QtWidgets.QLabel()
        self.test_label.setWordWrap(True)
        self.test_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.test_button = self.buttons.addButton(
            self.tr("Test connection"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.test_label)
        layout.addWidget(self.buttons)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.setMinimumWidth(460)

    def _tls_toggled(self, on: bool) -> None:
        self.ca_edit.setEnabled(on)
        self.ca_browse.setEnabled(on)

    def _browse_ca(self) -> None:
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate"),
            self.ca_edit.text(),
            self.tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def test_password(self) -> str | None:
        """The password to test with: typed, else the one kept for the profile edited."""
        typed = self.password()
        if typed or self.original is None:
            return typed
        return load_password(self.original) or ""

    def test_connection(self) -> Task | None:
        """Open and check the database with these fields, in the worker."""
        if self._test is not None:
            return None
        profile = self.profile()
        if not profile.host or not profile.database:
            self.test_label.setText(self.tr("Fill in the host and the database first."))
            return None
        url = profile.url(self.test_password())
        self.test_button.setEnabled(False)
        self.test_label.setText(self.tr("Testing {0}…").format(profile.describe()))
        task = self.runner.run(
            lambda _progress: open_database(url),
            on_done=self._tested,
            on_failed=self._test_failed,
        )
        task.finished.connect(self._test_over)
        self._test = task
        return task

    def _test_over(self) -> None:
        self._test = None
        self.test_button.setEnabled(True)

    def _tested(self, opened: OpenedDatabase) -> None:
        if opened.engine is not None:
            opened.engine.dispose()
        if opened.ok:
            self.test_label.setStyleSheet("color: #1b5e20")
            self.test_label.setText(
                self.tr("Connection works: this is an OCS database we can use.")
            )
        elif opened.report.present_tables == 0:
            self.test_label.setStyleSheet("")
            self.test_label.setText(
                self.tr("Connection works, but the database holds no OCS tables yet.")
            )
        else:
            self.test_label.setStyleSheet("color: #b00020")
            self.test_label.setText(
                self.tr("Connection works, but the database cannot be used as it is:\n{0}").format(
                    "\n".join(opened.report.format()[:6])
                )
            )

    def _test_failed(self, message: str) -> None:
        self.test_label.setStyleSheet("color: #b00020")
        self.test_label.setText(self.tr("Cannot connect: {0}").format(message))

    def reject(self) -> None:
        if self._test is not None:
            self._test.cancel()
        super().reject()

    def profile(self) -> Profile:
        return Profile(
            self.name_edit.text().strip(),
            kind="mysql",
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            tls=self.tls_check.isChecked(),
            ca_file=self.ca_edit.text().strip() if self.tls_check.isChecked() else "",
        )

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return keyring_available() and self.remember_check.isChecked()

    def problem(self) -> str:
        """Why the fields cannot be saved, or ''."""
        profile = self.profile()
        if not profile.name:
            return self.tr("The profile needs a name.")
        if profile.name in self.taken_names or profile.name == EMBEDDED_NAME:
            return self.tr("A profile named {0} already exists.").format(profile.name)
        if not profile.host:
            return self.tr("The profile needs a host.")
        if not profile.database:
            return self.tr("The profile needs a database name.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()
