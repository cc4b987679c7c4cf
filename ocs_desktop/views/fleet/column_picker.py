"""The column picker of the machines list: every hardware, BIOS and admin field, searchable.

A hundred columns do not fit a context menu: the picker lists them with their group,
filters as the user types (label, group or the raw OCS column name), and returns the
chosen keys, the columns already shown keeping their order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ocs_desktop.views.qt import Qt, QtWidgets

#: The key of each list item (a column key).
KeyRole = Qt.ItemDataRole.UserRole + 1
#: What the search matches: label, group and raw column name.
SearchRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class PickerEntry:
    """One column the picker offers, already translated."""

    key: str
    label: str
    group: str
    #: The raw column name (``SMANUFACTURER``, ``fields_3``), matched by the search too.
    column: str


class ColumnPicker(QtWidgets.QDialog):
    """Checkboxes for every column, a filter box, and the default set one click away."""

    def __init__(
        self,
        entries: Sequence[PickerEntry],
        chosen: Sequence[str],
        defaults: Sequence[str],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Columns"))
        self._chosen = list(chosen)
        self._defaults = list(defaults)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search columns"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.list = QtWidgets.QListWidget()
        self.list.setUniformItemSizes(True)
        for entry in entries:
            item = QtWidgets.QListWidgetItem(f"{entry.label}  —  {entry.group}")
            item.setData(KeyRole, entry.key)
            item.setToolTip(f"{entry.group}: {entry.column}")
            item.setData(SearchRole, f"{entry.label} {entry.group} {entry.column}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if entry.key in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.itemChanged.connect(self._update_ok)
        self.count_label = QtWidgets.QLabel()
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.defaults_button = buttons.addButton(
            self.tr("Default columns"), QtWidgets.QDialogButtonBox.ButtonRole.ResetRole
        )
        self.defaults_button.clicked.connect(self.check_defaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.resize(460, 560)
        self.search.setFocus()
        self._update_ok()

    def items(self) -> list[QtWidgets.QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def visible_keys(self) -> list[str]:
        """The keys of the entries the search leaves visible, in list order."""
        return [str(i.data(KeyRole)) for i in self.items() if not i.isHidden()]

    def apply_filter(self, text: str) -> None:
        """Hide the entries whose label, group and column name miss every typed word."""
        words = text.casefold().split()
        for item in self.items():
            haystack = str(item.data(SearchRole)).casefold()
            item.setHidden(not all(word in haystack for word in words))

    def set_checked(self, key: str, checked: bool) -> None:
        for item in self.items():
            if item.data(KeyRole) == key:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def check_defaults(self) -> None:
        for item in self.items():
            checked = item.data(KeyRole) in self._defaults
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_keys(self) -> list[str]:
        return [
            str(i.data(KeyRole)) for i in self.items() if i.checkState() == Qt.CheckState.Checked
        ]

    def chosen_columns(self) -> list[str]:
        """The checked columns: those already shown in their order, then the new ones."""
        checked = self.checked_keys()
        kept = [key for key in self._chosen if key in checked]
        return kept + [key for key in checked if key not in kept]

    def _update_ok(self, *_args: object) -> None:
        count = len(self.checked_keys())
        self.ok_button.setEnabled(count > 0)
        self.count_label.setText(self.tr("%n column(s) shown", "", count))
