"""The Admin fields tab: the fields of computers, their order, and their choices.

The list shows each field with its type and column, in the order the machine detail
shows them; Up/Down or a drag reorders it. Add… and Rename… open a small form, Delete…
says that every machine's value is lost before anything happens. A select, radio or
checkbox field's choices are edited on the right. Every change is one transaction in the
worker (``fleet.admin_fields``), refused definitions come back as translated messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.fleet.admin_data import AdminFieldType
from ocs_desktop.fleet.admin_fields import (
    CONTEXT,
    MESSAGES,
    AdminFieldError,
    Choice,
    FieldDefinition,
    add_choice,
    add_field,
    delete_choice,
    delete_field,
    list_choices,
    list_fields,
    move_field,
    rename_choice,
    rename_field,
)
from ocs_desktop.views.context import MACHINES, ConsoleContext
from ocs_desktop.views.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ocs_desktop.views.worker import Task

#: The field ID of a list item.
FieldIdRole = Qt.ItemDataRole.UserRole + 1
#: The stored number of a choice item.
ChoiceRole = Qt.ItemDataRole.UserRole + 2


def type_labels() -> dict[AdminFieldType, str]:
    """Each field type's name in the console's language, in the OCS console's order."""
    return {
        AdminFieldType.TEXT: QtCore.QCoreApplication.translate("AdminFieldsTab", "Text"),
        AdminFieldType.TEXTAREA: QtCore.QCoreApplication.translate("AdminFieldsTab", "Text area"),
        AdminFieldType.SELECT: QtCore.QCoreApplication.translate("AdminFieldsTab", "List"),
        AdminFieldType.CHECKBOX: QtCore.QCoreApplication.translate("AdminFieldsTab", "Check boxes"),
        AdminFieldType.RADIOBUTTON: QtCore.QCoreApplication.translate(
            "AdminFieldsTab", "Radio buttons"
        ),
        AdminFieldType.DATE: QtCore.QCoreApplication.translate("AdminFieldsTab", "Date"),
        AdminFieldType.NUMBER: QtCore.QCoreApplication.translate("AdminFieldsTab", "Number"),
    }


def refusal_text(exc: AdminFieldError) -> str:
    """A refused definition's message in the console's language."""
    return QtCore.QCoreApplication.translate(CONTEXT, MESSAGES[exc.code]).format(*exc.values)


@dataclass(frozen=True)
class FieldsLoaded:
    """One read: the fields in order and the choices of those that have some."""

    fields: list[FieldDefinition]
    choices: dict[int, list[Choice]]


def load_fields(conn: Connection) -> FieldsLoaded:
    fields = list_fields(conn)
    return FieldsLoaded(fields, {f.id: list_choices(conn, f) for f in fields if f.has_choices})


class FieldDialog(QtWidgets.QDialog):
    """Name, label and (for a new field) type of an admin field."""

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, field: FieldDefinition | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New admin field") if field is None else self.tr("Rename"))
        self.name = QtWidgets.QLineEdit(field.name if field is not None else "")
        self.name.setValidator(
            QtGui.QRegularExpressionValidator(QtCore.QRegularExpression("[0-9A-Za-z]*"), self)
        )
        self.name.setToolTip(self.tr("Letters A-Z and digits; stored in capitals"))
        self.name.setEnabled(field is None or not field.builtin)
        self.label = QtWidgets.QLineEdit(field.label if field is not None else "")
        self.type = QtWidgets.QComboBox()
        for kind, text in type_labels().items():
            self.type.addItem(text, int(kind))
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Label"), self.label)
        if field is None:
            form.addRow(self.tr("Type"), self.type)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def kind(self) -> AdminFieldType:
        return AdminFieldType(int(self.type.currentData()))


class AdminFieldsTab(QtWidgets.QWidget):
    """Defines the admin fields of computers as the OCS console's "Admin data" page."""

    #: The fields were (re)read and are shown.
    refreshed = Signal()

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loaded = FieldsLoaded([], {})
        self._selected: int | None = None

        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("adminFieldsList")
        self.list.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.model().rowsMoved.connect(self._dropped)

        self.add_button = QtWidgets.QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button = QtWidgets.QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.ask_rename)
        self.up_button = QtWidgets.QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QtWidgets.QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.ask_delete)
        side = QtWidgets.QVBoxLayout()
        for button in (
            self.add_button,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            side.addWidget(button)
        side.addStretch(1)

        self.choices_box = QtWidgets.QGroupBox(self.tr("Choices"))
        self.choice_list = QtWidgets.QListWidget()
        self.choice_list.setObjectName("adminFieldChoices")
        self.choice_list.currentRowChanged.connect(self._choice_changed)
        self.choice_edit = QtWidgets.QLineEdit()
        self.choice_edit.setPlaceholderText(self.tr("Text of a choice"))
        self.choice_edit.returnPressed.connect(self.add_current_choice)
        self.add_choice_button = QtWidgets.QPushButton(self.tr("Add"))
        self.add_choice_button.clicked.connect(self.add_current_choice)
        self.rename_choice_button = QtWidgets.QPushButton(self.tr("Change"))
        self.rename_choice_button.clicked.connect(self.rename_current_choice)
        self.remove_choice_button = QtWidgets.QPushButton(self.tr("Remove"))
        self.remove_choice_button.clicked.connect(self.remove_current_choice)
        self.choices_hint = QtWidgets.QLabel()
        self.choices_hint.setWordWrap(True)
        choice_buttons = QtWidgets.QHBoxLayout()
        choice_buttons.addWidget(self.add_choice_button)
        choice_buttons.addWidget(self.rename_choice_button)
        choice_buttons.addWidget(self.remove_choice_button)
        choices_layout = QtWidgets.QVBoxLayout(self.choices_box)
        choices_layout.addWidget(self.choices_hint)
        choices_layout.addWidget(self.choice_list, 1)
        choices_layout.addWidget(self.choice_edit)
        choices_layout.addLayout(choice_buttons)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("adminFieldsMessage")
        self.message.setWordWrap(True)
        intro = QtWidgets.QLabel(
            self.tr(
                "Fields every machine gets in its administrative data, as in the OCS "
                "console: each is a column of accountinfo. Drag a field or use Up and "
                "Down to change the order."
            )
        )
        intro.setWordWrap(True)
        body = QtWidgets.QHBoxLayout()
        body.addWidget(self.list, 3)
        body.addLayout(side)
        body.addWidget(self.choices_box, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self._update_buttons()
        self.refresh()

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> Task:
        return self.context.read(
            lambda conn, progress: load_fields(conn), self._arrived, key=f"admin-fields-{id(self)}"
        )

    def _arrived(self, loaded: FieldsLoaded) -> None:
        self.loaded = loaded
        labels = type_labels()
        keep = self._selected
        self.list.blockSignals(True)
        self.list.clear()
        for field in loaded.fields:
            item = QtWidgets.QListWidgetItem(
                f"{field.label}  —  {labels[field.type]}  ({field.name}, {field.column})"
            )
            item.setData(FieldIdRole, field.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [f.id for f in loaded.fields]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._current_changed(self.list.currentRow())
        self.refreshed.emit()

    def current_field(self) -> FieldDefinition | None:
        row = self.list.currentRow()
        return self.loaded.fields[row] if 0 <= row < len(self.loaded.fields) else None

    def select_field(self, field_id: int) -> None:
        for row, field in enumerate(self.loaded.fields):
            if field.id == field_id:
                self.list.setCurrentRow(row)

    def _current_changed(self, _row: int) -> None:
        field = self.current_field()
        self._selected = field.id if field is not None else None
        self.choice_list.clear()
        if field is not None and field.has_choices:
            for choice in self.loaded.choices.get(field.id, []):
                item = QtWidgets.QListWidgetItem(choice.text)
                item.setData(ChoiceRole, choice.value)
                self.choice_list.addItem(item)
            self.choices_hint.setText(self.tr("Choices of {0}").format(field.label))
        else:
            self.choices_hint.setText(
                self.tr("Only list, check box and radio fields have choices.")
            )
        self._update_buttons()

    def _choice_changed(self, _row: int) -> None:
        item = self.choice_list.currentItem()
        if item is not None:
            self.choice_edit.setText(item.text())
        self._update_buttons()

    def _update_buttons(self) -> None:
        field = self.current_field()
        row = self.list.currentRow()
        editable = field is not None and not field.builtin
        self.rename_button.setEnabled(field is not None)
        self.delete_button.setEnabled(editable)
        self.up_button.setEnabled(field is not None and row > 0)
        self.down_button.setEnabled(field is not None and row < self.list.count() - 1)
        with_choices = field is not None and field.has_choices
        self.choices_box.setEnabled(with_choices)
        chosen = self.choice_list.currentItem() is not None
        self.rename_choice_button.setEnabled(with_choices and chosen)
        self.remove_choice_button.setEnabled(with_choices and chosen)

    # --- writing ---------------------------------------------------------------------------
    def _write(self, fn: Callable[[Connection], Any], done_text: str) -> Task:
        def run(conn: Connection, _progress: object) -> Any:
            try:
                return fn(conn)
            except AdminFieldError as exc:
                return exc

        def done(result: Any) -> None:
            if isinstance(result, AdminFieldError):
                self.message.setText(refusal_text(result))
                return
            if isinstance(result, FieldDefinition):
                self._selected = result.id
            self.message.setText(done_text)
            self.context.status.emit(done_text)
            self.refresh()

        def failed(message: str) -> None:
            self.message.setText(self.tr("Not done: {0}").format(message))

        self.message.setText(self.tr("Saving…"))
        return self.context.write(run, done, topics=(MACHINES,), on_failed=failed)

    def add_field(self, name: str, kind: AdminFieldType, label: str = "") -> Task:
        return self._write(
            lambda conn: add_field(conn, name, kind, label),
            self.tr("Field {0} added").format(name.upper()),
        )

    def rename_field(self, field_id: int, name: str | None, label: str | None) -> Task:
        return self._write(
            lambda conn: rename_field(conn, field_id, name=name, label=label),
            self.tr("Field renamed"),
        )

    def move_field(self, field_id: int, position: int) -> Task:
        self._selected = field_id
        return self._write(
            lambda conn: move_field(conn, field_id, position), self.tr("Order saved")
        )

    def delete_field(self, field_id: int) -> Task:
        return self._write(lambda conn: delete_field(conn, field_id), self.tr("Field deleted"))

    def ask_add(self) -> None:
        dialog = FieldDialog(self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.add_field(dialog.name.text(), dialog.kind(), dialog.label.text())

    def ask_rename(self) -> None:
        field = self.current_field()
        if field is None:
            return
        dialog = FieldDialog(self, field)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            name = None if field.builtin else dialog.name.text()
            self.rename_field(field.id, name, dialog.label.text())

    def move_current(self, step: int) -> Task | None:
        field = self.current_field()
        if field is None:
            return None
        return self.move_field(field.id, self.list.currentRow() + step)

    def _dropped(self, _parent: Any, start: int, _end: int, _dest: Any, row: int) -> None:
        if not 0 <= start < len(self.loaded.fields):
            return
        position = row - 1 if row > start else row
        self.move_field(self.loaded.fields[start].id, position)

    def confirm(self, title: str, text: str) -> bool:
        """Ask the user; a separate method so tests can answer."""
        answer = QtWidgets.QMessageBox.question(
            self,
            title,
            text,
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def ask_delete(self) -> Task | None:
        field = self.current_field()
        if field is None or field.builtin:
            return None
        text = self.tr(
            "Delete the admin field {0}? Its column is dropped: the value of every machine "
            "for this field is lost. This cannot be undone."
        ).format(field.label)
        if not self.confirm(self.tr("Delete admin field"), text):
            return None
        return self.delete_field(field.id)

    # --- choices -----------------------------------------------------------------------------
    def add_current_choice(self) -> Task | None:
        field = self.current_field()
        if field is None:
            return None
        text = self.choice_edit.text()
        self.choice_edit.clear()
        return self._write(lambda conn: add_choice(conn, field.id, text), self.tr("Choice added"))

    def rename_current_choice(self) -> Task | None:
        field, item = self.current_field(), self.choice_list.currentItem()
        if field is None or item is None:
            return None
        value, text = int(item.data(ChoiceRole)), self.choice_edit.text()
        return self._write(
            lambda conn: rename_choice(conn, field.id, value, text), self.tr("Choice changed")
        )

    def remove_current_choice(self) -> Task | None:
        field, item = self.current_field(), self.choice_list.currentItem()
        if field is None or item is None:
            return None
        value = int(item.data(ChoiceRole))
        return self._write(
            lambda conn: delete_choice(conn, field.id, value), self.tr("Choice removed")
        )
