"""The Administration page's Registry queries tab: what Windows agents read in their registry.

A table of the ``regconfig`` rows (name, hive, key, value) and an editor under it: pick a
row to change or delete it, or fill the editor and Add. The core validates
(``fleet.registry_queries``); a refusal comes back as its reason and is worded here in the
console's language, nothing written. A line warns when ``config`` REGISTRY is off, since
the server then sends none of these queries. Agents' answers appear in the machine
detail's Registry category.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.fleet.registry_queries import (
    ALL_VALUES,
    HIVES,
    RegistryQuery,
    RegistryQueryError,
    add_query,
    delete_query,
    edit_query,
    list_queries,
    registry_option_on,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.row_table import AnyIndex, RowTableModel
from ocs_desktop.views.widgets.tables import fit_columns, single_row_table
from ocs_desktop.views.worker import Task

REGISTRY_TOPIC = "registry"


@dataclass(frozen=True)
class Refused:
    reason: str


def refusal_text(reason: str) -> str:
    """A :class:`RegistryQueryError` reason in the console's language."""
    texts = {
        "name_empty": QtCore.QCoreApplication.translate("RegistryTab", "Give the query a name."),
        "name_long": QtCore.QCoreApplication.translate(
            "RegistryTab", "The name is at most 255 characters."
        ),
        "name_control": QtCore.QCoreApplication.translate(
            "RegistryTab", "The name contains control characters."
        ),
        "hive": QtCore.QCoreApplication.translate(
            "RegistryTab", "Choose one of the hives in the list."
        ),
        "key_empty": QtCore.QCoreApplication.translate(
            "RegistryTab", "Give the key path, e.g. SOFTWARE\\Vendor\\App."
        ),
        "key_long": QtCore.QCoreApplication.translate("RegistryTab", "The key path is too long."),
        "key_control": QtCore.QCoreApplication.translate(
            "RegistryTab", "The key path contains control characters."
        ),
        "key_hive": QtCore.QCoreApplication.translate(
            "RegistryTab", "Give the key path without its hive: the hive is chosen in the list."
        ),
        "value_empty": QtCore.QCoreApplication.translate(
            "RegistryTab", "Give a value name, or * for every value of the key."
        ),
        "value_long": QtCore.QCoreApplication.translate(
            "RegistryTab", "The value name is at most 255 characters."
        ),
        "value_control": QtCore.QCoreApplication.translate(
            "RegistryTab", "The value name contains control characters."
        ),
        "missing": QtCore.QCoreApplication.translate("RegistryTab", "This query no longer exists."),
    }
    return texts.get(
        reason,
        QtCore.QCoreApplication.translate("RegistryTab", "The query was refused ({0}).").format(
            reason
        ),
    )


class RegistryModel(RowTableModel[RegistryQuery]):
    COLUMNS = ("name", "hive", "key", "value")
    ROW_NUMBERS = False

    def labels(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Hive"), self.tr("Key"), self.tr("Value"))

    def query_at(self, row: int) -> RegistryQuery | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        query = self.row_at(index)
        if query is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.COLUMNS[index.column()]
        if column == "name":
            return query.name
        if column == "hive":
            return query.hive_name
        if column == "key":
            return query.key
        return self.tr("* (every value)") if query.value == ALL_VALUES else query.value


class RegistryTab(QtWidgets.QWidget):
    """The registry queries and their editor."""

    loaded = Signal()
    #: A write finished: its message (translated).
    reported = Signal(str)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RegistryModel(self)
        self.view = single_row_table(self.model, "registryTable")
        fit_columns(self.view)

        hint = QtWidgets.QLabel(
            self.tr("Windows agents read these registry values at each inventory and send "
                    "them back; the answers are shown in a machine's Registry category.")
        )  # fmt: skip
        hint.setWordWrap(True)
        self.off_warning = QtWidgets.QLabel(
            self.tr("The REGISTRY option is off in the configuration: the server sends none "
                    "of these queries.")
        )  # fmt: skip
        self.off_warning.setObjectName("registryOffWarning")
        self.off_warning.setWordWrap(True)
        self.off_warning.setStyleSheet("color: #a05a00;")
        self.off_warning.hide()

        self.name_edit = QtWidgets.QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("stored as the answer's name"))
        self.hive_box = QtWidgets.QComboBox()
        for number, hive in HIVES.items():
            self.hive_box.addItem(f"{hive} ({number})", number)
        self.hive_box.setCurrentIndex(self.hive_box.findData(2))
        self.key_edit = QtWidgets.QLineEdit()
        self.key_edit.setPlaceholderText("SOFTWARE\\Vendor\\Application")
        self.value_edit = QtWidgets.QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("a value name, or * for every value"))
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Hive:"), self.hive_box)
        form.addRow(self.tr("Key:"), self.key_edit)
        form.addRow(self.tr("Value:"), self.value_edit)

        self.add_button = QtWidgets.QPushButton(self.tr("Add"))
        self.save_button = QtWidgets.QPushButton(self.tr("Save changes"))
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete…"))
        self.clear_button = QtWidgets.QPushButton(self.tr("New"))
        buttons = QtWidgets.QHBoxLayout()
        for button, slot in (
            (self.add_button, self.add_from_editor), (self.save_button, self.save_from_editor),
            (self.delete_button, self.ask_delete), (self.clear_button, self.clear_editor),
        ):  # fmt: skip
            buttons.addWidget(button)
            button.clicked.connect(slot)
        buttons.addStretch(1)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("registryMessage")
        self.message.setWordWrap(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.off_warning)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.reported.connect(self.message.setText)
        selection = self.view.selectionModel()
        assert selection is not None
        selection.selectionChanged.connect(lambda *_: self._selected_changed())
        self._update_buttons()
        self.refresh()

    # --- reading ----------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> Task:
        """Read the queries again, keeping the selected one (or selecting ``select``)."""
        selected = self.selected()
        keep = select if select is not None else (selected.id if selected else None)

        def read(conn: Connection, _progress: Any) -> tuple[list[RegistryQuery], bool]:
            return list_queries(conn), registry_option_on(conn)

        def done(result: tuple[list[RegistryQuery], bool]) -> None:
            queries, on = result
            self.model.replace_rows(queries)
            self.off_warning.setVisible(not on)
            if keep is not None:
                self.select(keep)
            self._update_buttons()
            self.loaded.emit()

        return self.context.read(read, done, key=f"registry-tab-{id(self):x}")

    def selected(self) -> RegistryQuery | None:
        selection = self.view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.query_at(rows[0].row()) if rows else None

    def select(self, query_id: int) -> bool:
        for row in range(self.model.rowCount()):
            query = self.model.query_at(row)
            if query is not None and query.id == query_id:
                self.view.selectRow(row)
                return True
        return False

    def _selected_changed(self) -> None:
        query = self.selected()
        if query is not None:
            self.name_edit.setText(query.name)
            self.hive_box.setCurrentIndex(self.hive_box.findData(query.hive))
            self.key_edit.setText(query.key)
            self.value_edit.setText(query.value)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.save_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def clear_editor(self) -> None:
        self.view.clearSelection()
        for edit in (self.name_edit, self.key_edit, self.value_edit):
            edit.clear()
        self.hive_box.setCurrentIndex(self.hive_box.findData(2))

    def editor_values(self) -> tuple[str, int, str, str]:
        return (self.name_edit.text(), int(self.hive_box.currentData()), self.key_edit.text(),
                self.value_edit.text())  # fmt: skip

    # --- writing ----------------------------------------------------------------------
    def _write(self, work: Callable[[Connection], Any], success: Callable[[Any], str]) -> Task:
        def run(conn: Connection, _progress: Any) -> Any:
            try:
                return work(conn)
            except RegistryQueryError as refusal:
                return Refused(refusal.reason)

        def done(result: Any) -> None:
            if isinstance(result, Refused):
                self.reported.emit(refusal_text(result.reason))
                return
            self.reported.emit(success(result))
            self.refresh(result.id if isinstance(result, RegistryQuery) else None)

        def failed(message: str) -> None:
            self.reported.emit(self.tr("The database refused the change: {0}").format(message))

        return self.context.write(run, done, topics=(REGISTRY_TOPIC,), on_failed=failed)

    def add(self, name: str, hive: int, key: str, value: str) -> Task:
        return self._write(
            lambda conn: add_query(conn, name, hive, key, value),
            lambda q: self.tr("Registry query {0} added.").format(q.name),
        )

    def edit(self, query_id: int, name: str, hive: int, key: str, value: str) -> Task:
        return self._write(
            lambda conn: edit_query(conn, query_id, name, hive, key, value),
            lambda q: self.tr("Registry query {0} changed.").format(q.name),
        )

    def delete(self, query: RegistryQuery) -> Task:
        return self._write(
            lambda conn: delete_query(conn, query.id),
            lambda _r: self.tr("Registry query {0} deleted.").format(query.name),
        )

    def add_from_editor(self) -> Task:
        return self.add(*self.editor_values())

    def save_from_editor(self) -> Task | None:
        query = self.selected()
        return None if query is None else self.edit(query.id, *self.editor_values())

    def ask_delete(self) -> None:
        query = self.selected()
        if query is None:
            return
        answer = QtWidgets.QMessageBox.question(
            self,
            self.tr("Delete registry query"),
            self.tr("Delete the registry query {0}? Answers already received stay.").format(
                query.name
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.delete(query)
