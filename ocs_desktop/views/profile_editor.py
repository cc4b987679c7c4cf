"""The form that adds or edits a MySQL/MariaDB connection profile.

The password typed here goes to the OS keyring when the user asks for it and a keyring
exists; otherwise it is not kept, and the connect dialog asks for it each time.
"""

from __future__ import annotations

from ocs_desktop.db.profiles import EMBEDDED_NAME, Profile, keyring_available
from ocs_desktop.views.qt import QtWidgets


class ProfileEditor(QtWidgets.QDialog):
    """Fields of a MySQL/MariaDB profile, and its password."""

    def __init__(
        self,
        taken_names: set[str],
        profile: Profile | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
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
        self.ca_edit.setPlaceholderText(self.tr("optional: CA certificate (PEM) to verify"))
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
        form.addRow(self.tr("CA file:"), self.ca_edit)
        self.error_label = QtWidgets.QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

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
