"""The operators tab's dialogs and words: an operator's details, a password, a perimeter.

Passwords are typed twice in masked fields and never shown, logged or kept after the
dialog closes. The core (``fleet.operators``, ``fleet.operator_profiles``) refuses edits
with a ``code``; :func:`refusal_text` says it in the operator's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ocs_desktop.fleet.operator_profiles import PROFILES
from ocs_desktop.fleet.operators import OperatorInfo
from ocs_desktop.views.qt import QtCore, QtWidgets, Signal

#: The dialogs' least width: room for the French labels and a pattern's placeholder.
DIALOG_WIDTH = 440


def profile_label(profile: str | None) -> str:
    """A profile as the OCS console names it, translated, with its OCS name."""
    labels = {
        "sadmin": QtCore.QCoreApplication.translate("Operators", "Super administrator"),
        "admin": QtCore.QCoreApplication.translate("Operators", "Administrator"),
        "ladmin": QtCore.QCoreApplication.translate("Operators", "Local administrator"),
        "read-only": QtCore.QCoreApplication.translate("Operators", "Read only"),
    }
    if profile is None:
        return QtCore.QCoreApplication.translate("Operators", "(no profile)")
    return f"{labels[profile]} ({profile})" if profile in labels else profile


def refusal_text(code: str) -> str:
    """Why the core refused an edit (its ``code``), for the operator."""
    texts = {
        "unknown": QtCore.QCoreApplication.translate(
            "Operators", "This operator no longer exists."
        ),
        "exists": QtCore.QCoreApplication.translate(
            "Operators", "An operator with this login already exists."
        ),
        "bad_login": QtCore.QCoreApplication.translate(
            "Operators",
            "A login cannot be empty, start or end with spaces, or exceed 100 characters.",
        ),
        "bad_profile": QtCore.QCoreApplication.translate("Operators", "Unknown profile."),
        "empty_password": QtCore.QCoreApplication.translate(
            "Operators", "The password cannot be empty."
        ),
        "default_password": QtCore.QCoreApplication.translate(
            "Operators", "admin/admin is the login everyone knows: choose another password."
        ),
        "last_super_admin": QtCore.QCoreApplication.translate(
            "Operators",
            "This is the last enabled super administrator: it cannot be "
            "deleted, disabled or given another profile.",
        ),
        "wrong_password": QtCore.QCoreApplication.translate(
            "Operators", "The current password is wrong: nothing changed."
        ),
        "empty": QtCore.QCoreApplication.translate("Operators", "A TAG pattern cannot be empty."),
        "too_long": QtCore.QCoreApplication.translate(
            "Operators", "A TAG pattern holds at most 100 characters."
        ),
    }
    return texts.get(code, code)


def _password_field() -> QtWidgets.QLineEdit:
    field = QtWidgets.QLineEdit()
    field.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
    field.setInputMethodHints(
        QtCore.Qt.InputMethodHint.ImhHiddenText | QtCore.Qt.InputMethodHint.ImhNoPredictiveText
    )
    return field


@dataclass(frozen=True)
class OperatorFields:
    """What the operator dialog returns (``password`` only for a new operator)."""

    login: str
    first_name: str | None
    last_name: str | None
    email: str | None
    comments: str | None
    profile: str
    password: str = ""


class PasswordFields(QtWidgets.QWidget):
    """A new password, typed twice, masked; ``valid`` when both agree and are not empty."""

    changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = _password_field()
        self.second = _password_field()
        self.first.setObjectName("newPassword")
        self.second.setObjectName("confirmPassword")
        self.hint = QtWidgets.QLabel()
        self.hint.setObjectName("passwordHint")
        form = QtWidgets.QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("New password:"), self.first)
        form.addRow(self.tr("Again:"), self.second)
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def valid(self) -> bool:
        return bool(self.first.text()) and self.first.text() == self.second.text()

    def password(self) -> str:
        return self.first.text()

    def _update(self) -> None:
        differ = bool(self.second.text()) and self.first.text() != self.second.text()
        self.hint.setText(self.tr("The two passwords differ.") if differ else "")
        self.changed.emit()


class OperatorDialog(QtWidgets.QDialog):
    """A new operator (login, profile, password) or an existing one's details."""

    def __init__(
        self, current: OperatorInfo | None = None, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setWindowTitle(self.tr("New operator") if current is None else
                            self.tr("Operator {0}").format(current.login))  # fmt: skip
        self.login = QtWidgets.QLineEdit(current.login if current else "")
        self.login.setMaxLength(100)
        self.login.setReadOnly(current is not None)
        self.first_name = QtWidgets.QLineEdit((current.first_name or "") if current else "")
        self.last_name = QtWidgets.QLineEdit((current.last_name or "") if current else "")
        self.email = QtWidgets.QLineEdit((current.email or "") if current else "")
        self.comments = QtWidgets.QPlainTextEdit((current.comments or "") if current else "")
        self.comments.setMaximumHeight(80)
        self.profile = QtWidgets.QComboBox()
        for name in PROFILES:
            self.profile.addItem(profile_label(name), name)
        wanted = current.profile if current and current.profile else "read-only"
        if self.profile.findData(wanted) < 0:  # a custom OCS profile: shown, kept
            self.profile.addItem(profile_label(wanted), wanted)
        self.profile.setCurrentIndex(self.profile.findData(wanted))
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("First name:"), self.first_name)
        form.addRow(self.tr("Last name:"), self.last_name)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Profile:"), self.profile)
        form.addRow(self.tr("Comments:"), self.comments)
        self.passwords = PasswordFields() if current is None else None
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        if self.passwords is not None:
            layout.addWidget(self.passwords)
            self.passwords.changed.connect(self._update)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.login.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.login.text().strip()) and (self.passwords is None or self.passwords.valid())
        button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        button.setEnabled(ok)

    def fields(self) -> OperatorFields:
        def text(edit: QtWidgets.QLineEdit) -> str | None:
            return edit.text().strip() or None

        return OperatorFields(
            login=self.login.text().strip(),
            first_name=text(self.first_name),
            last_name=text(self.last_name),
            email=text(self.email),
            comments=self.comments.toPlainText().strip() or None,
            profile=str(self.profile.currentData()),
            password=self.passwords.password() if self.passwords is not None else "",
        )


class PasswordDialog(QtWidgets.QDialog):
    """A new password for ``login``; with ``own``, the current one is asked first."""

    def __init__(self, login: str, own: bool, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setWindowTitle(
            self.tr("Change my password ({0})").format(login)
            if own
            else self.tr("Set the password of {0}").format(login)
        )
        layout = QtWidgets.QVBoxLayout(self)
        self.old: QtWidgets.QLineEdit | None = None
        if own:
            self.old = _password_field()
            self.old.setObjectName("currentPassword")
            form = QtWidgets.QFormLayout()
            form.addRow(self.tr("Current password:"), self.old)
            layout.addLayout(form)
            self.old.textChanged.connect(self._update)
        self.passwords = PasswordFields()
        layout.addWidget(self.passwords)
        note = QtWidgets.QLabel(self.tr("Stored as OCS 2.10 and later store it (SHA-256)."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.passwords.valid() and (self.old is None or bool(self.old.text()))
        button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        button.setEnabled(ok)

    def old_password(self) -> str:
        return self.old.text() if self.old is not None else ""

    def new_password(self) -> str:
        return self.passwords.password()


class PerimeterDialog(QtWidgets.QDialog):
    """The TAG patterns of one operator; ``added``/``removed`` ask the tab to write."""

    added = Signal(str)
    removed = Signal(str)

    def __init__(
        self, login: str, restricted: bool, patterns: list[str],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.setWindowTitle(self.tr("TAG perimeter of {0}").format(login))
        self.list = QtWidgets.QListWidget()
        self.pattern = QtWidgets.QLineEdit()
        self.pattern.setMaxLength(100)
        self.pattern.setPlaceholderText(self.tr("TAG or pattern, e.g. PARIS-*"))
        add = QtWidgets.QPushButton(self.tr("Add"))
        self.remove = QtWidgets.QPushButton(self.tr("Remove"))
        hint = QtWidgets.QLabel(
            self.tr("Wildcards: * any characters, ? one character.")
            if restricted
            else self.tr(
                "This profile sees every machine: the perimeter only applies "
                "to local administrators (ladmin)."
            )
        )
        hint.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.pattern, 1)
        row.addWidget(add)
        row.addWidget(self.remove)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        add.clicked.connect(self._add)
        self.pattern.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.set_patterns(patterns)

    def set_patterns(self, patterns: list[str]) -> None:
        self.list.clear()
        self.list.addItems(patterns)
        self.remove.setEnabled(bool(patterns))

    def patterns(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self) -> None:
        text = self.pattern.text().strip()
        if text:
            self.added.emit(text)
            self.pattern.clear()

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.removed.emit(item.text())
