"""The Administration page's Operators tab: who may use the console and what they see.

A table of operators (login, name, profile, state, TAG perimeter; never a password) with
New, Edit, Set password, Change my password, Disable/Enable, Delete and Perimeter. Every
read and write runs in the worker through the context; a refusal of the core (the last
super administrator, a wrong current password…) comes back as its code and is shown
translated (``operator_dialogs.refusal_text``), the transaction having written nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.fleet.operator_profiles import (
    PerimeterError,
    add_perimeter,
    is_restricted,
    list_perimeter,
    perimeters,
    remove_perimeter,
)
from ocs_desktop.fleet.operators import (
    OperatorError,
    OperatorInfo,
    change_own_password,
    create_operator,
    delete_operator,
    disable_operator,
    edit_operator,
    enable_operator,
    list_operators,
    set_password,
)
from ocs_desktop.views.admin.operator_dialogs import (
    OperatorDialog,
    OperatorFields,
    PasswordDialog,
    PerimeterDialog,
    profile_label,
    refusal_text,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.widgets.tables import fit_columns, single_row_table
from ocs_desktop.views.worker import Task

#: ``ConsoleContext.changed`` topic after an operator edit.
OPERATORS_TOPIC = "operators"


@dataclass(frozen=True)
class OperatorRow:
    info: OperatorInfo
    perimeter: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Refused:
    """A write the core refused (nothing written): its ``code``."""

    code: str


def _refusable(work: Callable[[Connection], Any]) -> Callable[[Connection, Any], Any]:
    """``work`` for ``context.write``, a core refusal returned as :class:`Refused`."""

    def run(conn: Connection, _progress: Any) -> Any:
        try:
            return work(conn)
        except (OperatorError, PerimeterError) as refusal:
            return Refused(refusal.code)

    return run


class OperatorsModel(RowTableModel[OperatorRow]):
    COLUMNS = ("login", "name", "profile", "state", "perimeter")
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Login"), self.tr("Name"), self.tr("Profile"), self.tr("State"),
                self.tr("TAG perimeter"))  # fmt: skip

    def operator_at(self, row: int) -> OperatorRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        info = entry.info
        column = self.COLUMNS[index.column()]
        if column == "login":
            return info.login
        if column == "name":
            return info.name
        if column == "profile":
            return profile_label(info.profile)
        if column == "state":
            return self.tr("Disabled") if info.disabled else self.tr("Enabled")
        if not is_restricted(info.profile):
            return self.tr("(every machine)")
        return ", ".join(entry.perimeter) or self.tr("(no machine)")


class OperatorsTab(QtWidgets.QWidget):
    """Operators, their profiles and perimeters."""

    #: The list arrived.
    loaded = Signal()
    #: A write finished: its message (translated), shown in the tab.
    reported = Signal(str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = OperatorsModel(self)
        self.view = single_row_table(self.model, "operatorsTable")
        fit_columns(self.view)
        self.view.doubleClicked.connect(lambda _index: self.ask_edit())

        self.new_button = QtWidgets.QPushButton(self.tr("New…"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit…"))
        self.password_button = QtWidgets.QPushButton(self.tr("Set password…"))
        self.own_password_button = QtWidgets.QPushButton(self.tr("Change my password…"))
        self.state_button = QtWidgets.QPushButton(self.tr("Disable"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete…"))
        self.perimeter_button = QtWidgets.QPushButton(self.tr("Perimeter…"))
        buttons = QtWidgets.QHBoxLayout()
        for button, slot in (
            (self.new_button, self.ask_new), (self.edit_button, self.ask_edit),
            (self.password_button, lambda: self.ask_password(own=False)),
            (self.own_password_button, lambda: self.ask_password(own=True)),
            (self.state_button, self.toggle_state), (self.delete_button, self.ask_delete),
            (self.perimeter_button, self.ask_perimeter),
        ):  # fmt: skip
            buttons.addWidget(button)
            button.clicked.connect(slot)
        buttons.addStretch(1)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("operatorsMessage")
        self.message.setWordWrap(True)
        hint = QtWidgets.QLabel(
            self.tr("Accounts of the OCS console, shared with it. Passwords are stored as "
                    "OCS 2.10 stores them; a disabled operator cannot log in here nor in OCS.")
        )  # fmt: skip
        hint.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.reported.connect(self.message.setText)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        self._perimeter_dialog: PerimeterDialog | None = None
        self._update_buttons()
        self.refresh()

    # --- reading ----------------------------------------------------------------------
    def refresh(self) -> Task:
        selected = self.selected()
        login = selected.info.login if selected else None

        def read(conn: Connection, _progress: Any) -> list[OperatorRow]:
            scopes = perimeters(conn)
            return [OperatorRow(op, scopes.get(op.login, [])) for op in list_operators(conn)]

        def done(rows: list[OperatorRow]) -> None:
            self.model.replace_rows(rows)
            if login is not None:
                self.select(login)
            self._update_buttons()
            self.loaded.emit()

        return self.context.read(read, done, key=f"operators-tab-{id(self):x}")

    def selected(self) -> OperatorRow | None:
        selection = self.view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.operator_at(rows[0].row()) if rows else None

    def select(self, login: str) -> bool:
        for row in range(self.model.rowCount()):
            entry = self.model.operator_at(row)
            if entry is not None and entry.info.login == login:
                self.view.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        entry = self.selected()
        for button in (self.edit_button, self.password_button, self.own_password_button,
                       self.state_button, self.delete_button, self.perimeter_button):  # fmt: skip
            button.setEnabled(entry is not None)
        disabled = entry is not None and entry.info.disabled
        self.state_button.setText(self.tr("Enable") if disabled else self.tr("Disable"))

    # --- writing ----------------------------------------------------------------------
    def _write(
        self, work: Callable[[Connection], Any], success: str,
        then: Callable[[Any], None] | None = None,
    ) -> Task:  # fmt: skip
        def done(result: Any) -> None:
            if isinstance(result, Refused):
                self.reported.emit(refusal_text(result.code))
            else:
                self.reported.emit(success)
            if then is not None:
                then(result)
            self.refresh()

        def failed(message: str) -> None:
            self.reported.emit(self.tr("The database refused the change: {0}").format(message))

        return self.context.write(
            _refusable(work), done, topics=(OPERATORS_TOPIC,), on_failed=failed
        )

    def add_operator(self, fields: OperatorFields) -> Task:
        return self._write(
            lambda conn: create_operator(
                conn, fields.login, fields.password, fields.profile, first_name=fields.first_name,
                last_name=fields.last_name, email=fields.email, comments=fields.comments,
            ),
            self.tr("Operator {0} created.").format(fields.login),
        )  # fmt: skip

    def edit(self, fields: OperatorFields) -> Task:
        return self._write(
            lambda conn: edit_operator(
                conn, fields.login, first_name=fields.first_name, last_name=fields.last_name,
                email=fields.email, comments=fields.comments, profile=fields.profile,
            ),
            self.tr("Operator {0} changed.").format(fields.login),
        )  # fmt: skip

    def change_password(self, login: str, new: str, old: str | None = None) -> Task:
        """Set ``login``'s password; with ``old``, as the operator changing its own."""
        if old is None:
            work: Callable[[Connection], Any] = lambda conn: set_password(conn, login, new)  # noqa: E731
        else:
            work = lambda conn: change_own_password(conn, login, old, new)  # noqa: E731
        return self._write(work, self.tr("Password of {0} changed.").format(login))

    def set_disabled(self, login: str, disabled: bool) -> Task:
        change = disable_operator if disabled else enable_operator
        text = (self.tr("Operator {0} disabled.") if disabled else
                self.tr("Operator {0} enabled.")).format(login)  # fmt: skip
        return self._write(lambda conn: change(conn, login), text)

    def delete(self, login: str) -> Task:
        return self._write(lambda conn: delete_operator(conn, login),
                           self.tr("Operator {0} deleted.").format(login))  # fmt: skip

    def change_perimeter(self, login: str, pattern: str, add: bool) -> Task:
        change = add_perimeter if add else remove_perimeter

        def work(conn: Connection) -> Any:
            change(conn, login, pattern)
            return list_perimeter(conn, login)

        def then(result: Any) -> None:
            if self._perimeter_dialog is not None and isinstance(result, list):
                self._perimeter_dialog.set_patterns(result)

        if add:
            text = self.tr("{0} added to the perimeter of {1}.").format(pattern, login)
        else:
            text = self.tr("{0} removed from the perimeter of {1}.").format(pattern, login)
        return self._write(work, text, then)

    # --- dialogs ----------------------------------------------------------------------
    def ask_new(self) -> None:
        dialog = OperatorDialog(None, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.add_operator(dialog.fields())

    def ask_edit(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        dialog = OperatorDialog(entry.info, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.edit(dialog.fields())

    def ask_password(self, own: bool) -> None:
        entry = self.selected()
        if entry is None:
            return
        dialog = PasswordDialog(entry.info.login, own, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            old = dialog.old_password() if own else None
            self.change_password(entry.info.login, dialog.new_password(), old)

    def toggle_state(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.set_disabled(entry.info.login, not entry.info.disabled)

    def ask_delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete operator"),
            self.tr("Delete the operator {0} and its TAG perimeter?").format(entry.info.login),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.delete(entry.info.login)

    def ask_perimeter(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        login = entry.info.login
        dialog = PerimeterDialog(login, is_restricted(entry.info.profile), entry.perimeter, self)
        dialog.added.connect(lambda pattern: self.change_perimeter(login, pattern, True))
        dialog.removed.connect(lambda pattern: self.change_perimeter(login, pattern, False))
        self._perimeter_dialog = dialog
        try:
            dialog.exec()
        finally:
            self._perimeter_dialog = None
