"""Setting one admin field on several machines: pick the field, give its value.

The fields and their choices are read in the worker when the dialog opens; the editor
below the field list follows the chosen field's type (``admin_field_editors``). The
writing itself (``fleet.admin_data.set_admin_value``) is the caller's, in the worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from ocs_desktop.fleet.admin_data import TAG_COLUMN, AdminField, admin_fields
from ocs_desktop.fleet.admin_fields import Choice, choices_by_column
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtWidgets, Signal
from ocs_desktop.views.widgets.admin_field_editors import editor_value, make_editor


@dataclass(frozen=True)
class FieldChoices:
    """The admin fields but TAG (it has its own action) and the choices of theirs."""

    fields: list[AdminField]
    choices: dict[str, list[Choice]]


def load_field_choices(conn: Connection) -> FieldChoices:
    fields = [f for f in admin_fields(conn) if f.column != TAG_COLUMN]
    return FieldChoices(fields, choices_by_column(conn))


class SetAdminFieldDialog(QtWidgets.QDialog):
    """Asks which admin field to set on ``count`` machines, and to what."""

    #: The fields arrived and the editor is shown.
    ready = Signal()

    def __init__(
        self, context: ConsoleContext, count: int, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set admin field"))
        self.loaded = FieldChoices([], {})
        self.field_combo = QtWidgets.QComboBox()
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self.editor: QtWidgets.QWidget = QtWidgets.QLineEdit()
        # The editor changes with the field: it lives alone in this holder's layout.
        self.editor_holder = QtWidgets.QWidget()
        self.editor_layout = QtWidgets.QVBoxLayout(self.editor_holder)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_layout.addWidget(self.editor)
        self.form = QtWidgets.QFormLayout()
        self.form.addRow(
            QtWidgets.QLabel(self.tr("Value for %n machine(s); empty clears it.", "", count))
        )
        self.form.addRow(self.tr("Field"), self.field_combo)
        self.form.addRow(self.tr("Value"), self.editor_holder)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())
        context.read(lambda conn, progress: load_field_choices(conn), self._arrived)

    def _arrived(self, loaded: FieldChoices) -> None:
        self.loaded = loaded
        self.field_combo.blockSignals(True)
        for field in loaded.fields:
            self.field_combo.addItem(field.label, field.column)
        self.field_combo.blockSignals(False)
        self.field_combo.setCurrentIndex(0 if loaded.fields else -1)
        self._field_changed(self.field_combo.currentIndex())
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(loaded.fields))
        if not loaded.fields:
            self.field_combo.setPlaceholderText(self.tr("No admin field is defined"))
        self.ready.emit()

    def _field_changed(self, index: int) -> None:
        if not 0 <= index < len(self.loaded.fields):
            return
        field = self.loaded.fields[index]
        editor = make_editor(field, None, self.loaded.choices.get(field.column, ()))
        self.editor_layout.removeWidget(self.editor)
        self.editor.hide()
        self.editor.deleteLater()
        self.editor_layout.addWidget(editor)
        editor.show()
        self.editor = editor

    def column(self) -> str | None:
        data = self.field_combo.currentData()
        return None if data is None else str(data)

    def value(self) -> str | None:
        return editor_value(self.editor)
