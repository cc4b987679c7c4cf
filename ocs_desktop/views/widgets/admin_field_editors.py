"""The editor of one admin field's value, by its OCS type, and the text it stores.

Text is a line, a text area a small multi-line box, a list or radio field a drop-down of
its choices, a checkbox field one box per choice, a date a calendar date edit and a
number a spin box. Each can be empty (NULL): the date and number editors show a blank at
their minimum. ``editor_value`` gives what ``fleet.admin_data`` stores: the choice's
number for a list or radio field, ``1&&&3&&&`` for boxes, ISO dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocs_desktop.fleet.admin_data import AdminField, AdminFieldType
from ocs_desktop.fleet.admin_fields import Choice, decode_checks, encode_checks
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.widgets.locale_dates import display_format

_NO_DATE = QtCore.QDate(1900, 1, 1)
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1


class ChecksEditor(QtWidgets.QWidget):
    """One check box per choice of a checkbox field."""

    def __init__(self, choices: Sequence[Choice], ticked: Sequence[int]) -> None:
        super().__init__()
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[int, QtWidgets.QCheckBox] = {}
        for choice in choices:
            box = QtWidgets.QCheckBox(choice.text)
            box.setChecked(choice.value in ticked)
            self.boxes[choice.value] = box
            layout.addWidget(box)
        # A number a removed choice left stays ticked, shown as its number.
        for value in ticked:
            if value not in self.boxes:
                box = QtWidgets.QCheckBox(str(value))
                box.setChecked(True)
                self.boxes[value] = box
                layout.addWidget(box)
        layout.addStretch(1)

    def value(self) -> str | None:
        return encode_checks(v for v, box in self.boxes.items() if box.isChecked())


def make_editor(
    field: AdminField, value: str | None, choices: Sequence[Choice] = ()
) -> QtWidgets.QWidget:
    """An editor showing ``value`` (as stored) for ``field``."""
    kind = field.type
    editor: QtWidgets.QWidget
    if kind == AdminFieldType.TEXTAREA:
        area = QtWidgets.QPlainTextEdit(value or "")
        area.setMaximumHeight(80)
        editor = area
    elif kind in (AdminFieldType.SELECT, AdminFieldType.RADIOBUTTON):
        combo = QtWidgets.QComboBox()
        combo.addItem("", None)
        for choice in choices:
            combo.addItem(choice.text, str(choice.value))
        if value and combo.findData(value) < 0:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(combo.findData(value), 0) if value else 0)
        editor = combo
    elif kind == AdminFieldType.CHECKBOX:
        editor = ChecksEditor(choices, decode_checks(value))
    elif kind == AdminFieldType.DATE:
        date = QtWidgets.QDateEdit()
        date.setCalendarPopup(True)
        date.setDisplayFormat(display_format())  # as the lists show days; stored in ISO
        date.setMinimumDate(_NO_DATE)
        date.setSpecialValueText(" ")
        parsed = QtCore.QDate.fromString(value or "", "yyyy-MM-dd")
        date.setDate(parsed if parsed.isValid() else _NO_DATE)
        editor = date
    elif kind == AdminFieldType.NUMBER:
        spin = QtWidgets.QSpinBox()
        spin.setRange(_INT_MIN, _INT_MAX)
        spin.setSpecialValueText(" ")
        try:
            spin.setValue(int(value) if value not in (None, "") else _INT_MIN)
        except ValueError:
            spin.setValue(_INT_MIN)
        editor = spin
    else:
        editor = QtWidgets.QLineEdit(value or "")
    editor.setObjectName(f"admin-{field.column}")
    return editor


def editor_value(editor: QtWidgets.QWidget) -> str | None:
    """What ``editor`` holds, as stored; None when it is empty."""
    if isinstance(editor, ChecksEditor):
        return editor.value()
    if isinstance(editor, QtWidgets.QComboBox):
        data = editor.currentData()
        return None if data is None else str(data)
    if isinstance(editor, QtWidgets.QDateEdit):
        date = editor.date()
        return None if date == _NO_DATE else date.toString("yyyy-MM-dd")
    if isinstance(editor, QtWidgets.QSpinBox):
        return None if editor.value() == _INT_MIN else str(editor.value())
    if isinstance(editor, QtWidgets.QPlainTextEdit):
        return editor.toPlainText().strip() or None
    if isinstance(editor, QtWidgets.QLineEdit):
        return editor.text().strip() or None
    raise TypeError(f"not an admin field editor: {type(editor).__name__}")
