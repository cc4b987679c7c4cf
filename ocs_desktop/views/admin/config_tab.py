"""The Configuration tab: every server ``config`` key, typed, with its default and range.

The switches an administrator looks for first (inventory at start-up, deployment, IP
discovery, registry) and the two frequencies sit at the top with their explanations; the
other keys follow by group (a list on the left, the group's form on the right). Values
are checked by the catalogue (``fleet/config_keys``) on Apply, which writes every change
in one transaction in the worker; Revert shows the database's values again, and each
row's "Default" button puts the OCS default in its editor.
"""

from __future__ import annotations

from ocs_desktop.fleet.config_edit import ConfigValue, read_values, write_changes
from ocs_desktop.fleet.config_keys import (
    ACTIVATIONS,
    CONTEXT,
    FREQUENCIES,
    GROUP_ORDER,
    KEYS,
    MESSAGES,
    ConfigKey,
    ConfigValueError,
    Kind,
)
from ocs_desktop.views.context import CONFIG, ConsoleContext
from ocs_desktop.views.qt import QtCore, QtWidgets, Signal


def tr_key(text: str) -> str:
    """A catalogue text (description, group, unit) in the console's language."""
    return QtCore.QCoreApplication.translate(CONTEXT, text) if text else ""


def refusal_text(exc: ConfigValueError) -> str:
    """A refused value's message in the console's language."""
    return tr_key(MESSAGES[exc.code]).format(*exc.values)


def _description(key: ConfigKey) -> QtWidgets.QLabel:
    """A key's explanation, wrapped, in a smaller grey font."""
    text = QtWidgets.QLabel(tr_key(key.description))
    text.setWordWrap(True)
    font = text.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    text.setFont(font)
    return text


class KeyEditor(QtCore.QObject):
    """The editor of one key: a check box, a list or a line edit, and its Default button."""

    edited = Signal()

    def __init__(self, key: ConfigKey, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.loaded: int | str = key.default
        self.widget: QtWidgets.QWidget
        if key.kind is Kind.BOOL:
            box = QtWidgets.QCheckBox(self.tr("On"))
            box.toggled.connect(lambda _on: self.edited.emit())
            self.widget = box
        elif key.kind is Kind.CHOICE:
            combo = QtWidgets.QComboBox()
            combo.addItems(list(key.choices))
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
            self.widget = combo
        else:
            line = QtWidgets.QLineEdit()
            line.textEdited.connect(lambda _t: self.edited.emit())
            if key.kind is Kind.INT:
                line.setMaximumWidth(110)
            self.widget = line
        self.widget.setObjectName(f"config-{key.name}")
        self.widget.setToolTip(tr_key(key.description))
        self.default_button = QtWidgets.QToolButton()
        self.default_button.setText(self.tr("Default"))
        self.default_button.setToolTip(self.tr("Put the OCS default in the editor"))
        self.default_button.clicked.connect(lambda: self.set_value(key.default))
        self.hint = QtWidgets.QLabel(self.hint_text())
        self.hint.setObjectName("configHint")
        self.hint.setStyleSheet("color: palette(mid);")

    def hint_text(self) -> str:
        key = self.key
        default = str(key.default) if key.default != "" else self.tr("(empty)")
        if key.kind is Kind.BOOL:
            default = self.tr("on") if key.default else self.tr("off")
        parts = [self.tr("default {0}").format(default)]
        if key.kind is Kind.INT:
            parts.append(f"{key.minimum} … {key.maximum} {tr_key(key.unit)}".rstrip())
        return ", ".join(parts)

    def set_value(self, value: int | str) -> None:
        widget = self.widget
        if isinstance(widget, QtWidgets.QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QtWidgets.QComboBox):
            index = widget.findText(str(value))
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QtWidgets.QLineEdit):
            widget.setText(str(value))
        self.edited.emit()

    def load(self, value: int | str) -> None:
        self.loaded = value
        blocker = QtCore.QSignalBlocker(self.widget)
        self.set_value(value)
        del blocker

    def raw(self) -> object:
        widget = self.widget
        if isinstance(widget, QtWidgets.QCheckBox):
            return 1 if widget.isChecked() else 0
        if isinstance(widget, QtWidgets.QComboBox):
            return widget.currentText()
        assert isinstance(widget, QtWidgets.QLineEdit)
        return widget.text()

    def changed(self) -> bool:
        try:
            return self.key.validate(self.raw()) != self.loaded
        except ConfigValueError:
            return True


class ConfigTab(QtWidgets.QWidget):
    """Every configuration key, Apply and Revert."""

    #: The values arrived from the database.
    loaded = Signal()
    #: Apply wrote its changes (their count).
    applied = Signal(int)

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._key = f"config-{id(self):x}"
        self.editors: dict[str, KeyEditor] = {}
        self.values: dict[str, ConfigValue] = {}

        activations = self._activations()
        frequencies = self._box(self.tr("Frequencies"), FREQUENCIES, describe=True)

        self.groups = QtWidgets.QListWidget()
        self.groups.setObjectName("configGroups")
        self.stack = QtWidgets.QStackedWidget()
        front = set(ACTIVATIONS) | set(FREQUENCIES)
        for group in GROUP_ORDER:
            keys = [key for key in KEYS if key.group == group and key.name not in front]
            if not keys:
                continue
            self.groups.addItem(tr_key(group))
            scroll = QtWidgets.QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self._form(keys))
            self.stack.addWidget(scroll)
        self.groups.setMaximumWidth(160)
        self.groups.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.groups.setCurrentRow(0)
        below = QtWidgets.QHBoxLayout()
        below.addWidget(self.groups)
        below.addWidget(self.stack, 1)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("configMessage")
        self.message.setWordWrap(True)
        self.apply_button = QtWidgets.QPushButton(self.tr("&Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QtWidgets.QPushButton(self.tr("&Revert"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(activations)
        layout.addWidget(frequencies)
        layout.addLayout(below, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        context.changed.connect(self._on_changed)
        self.refresh()

    # --- building ---------------------------------------------------------------------------
    def _editor(self, key: ConfigKey) -> KeyEditor:
        editor = KeyEditor(key, self)
        editor.edited.connect(self._update_buttons)
        self.editors[key.name] = editor
        return editor

    def _activations(self) -> QtWidgets.QGroupBox:
        """The four switches, two per line; their explanations as tooltips."""
        box = QtWidgets.QGroupBox(self.tr("Activations"))
        grid = QtWidgets.QGridLayout(box)
        by_name = {key.name: key for key in KEYS}
        for index, name in enumerate(ACTIVATIONS):
            editor = self._editor(by_name[name])
            label = QtWidgets.QLabel(name)
            label.setToolTip(tr_key(editor.key.description))
            row, column = divmod(index, 2)
            for offset, widget in enumerate((label, editor.widget, editor.default_button)):
                grid.addWidget(widget, row, 5 * column + offset)
            grid.addWidget(editor.hint, row, 5 * column + 3)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(4, 16)
        grid.setColumnStretch(8, 1)
        return box

    def _box(self, title: str, names: tuple[str, ...], *, describe: bool) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(title)
        grid = QtWidgets.QGridLayout(box)
        by_name = {key.name: key for key in KEYS}
        for row, name in enumerate(names):
            editor = self._editor(by_name[name])
            label = QtWidgets.QLabel(name)
            label.setToolTip(tr_key(editor.key.description))
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(editor.widget, 2 * row, 1)
            grid.addWidget(editor.default_button, 2 * row, 2)
            grid.addWidget(editor.hint, 2 * row, 3)
            if describe:
                grid.addWidget(_description(editor.key), 2 * row + 1, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(2 * len(names), 1)
        return box

    def _form(self, keys: list[ConfigKey]) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        grid = QtWidgets.QGridLayout(page)
        grid.setVerticalSpacing(2)
        for row, key in enumerate(keys):
            editor = self._editor(key)
            label = QtWidgets.QLabel(key.name)
            label.setToolTip(tr_key(key.description))
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(editor.widget, 2 * row, 1)
            grid.addWidget(editor.default_button, 2 * row, 2)
            grid.addWidget(editor.hint, 2 * row, 3)
            text = _description(key)
            text.setContentsMargins(0, 0, 0, 8)
            grid.addWidget(text, 2 * row + 1, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(2 * len(keys), 1)
        return page

    # --- loading and writing ----------------------------------------------------------------
    def refresh(self) -> None:
        """Read every value in the worker."""
        self.context.read(lambda conn, progress: read_values(conn), self._show, key=self._key)

    def _show(self, values: dict[str, ConfigValue]) -> None:
        self.values = values
        for name, editor in self.editors.items():
            editor.load(values[name].value)
        self._update_buttons()
        self.loaded.emit()

    def _on_changed(self, topic: str) -> None:
        if topic == CONFIG and not self.pending():
            self.refresh()

    def pending(self) -> dict[str, object]:
        """The edited keys and their raw editor values."""
        return {name: e.raw() for name, e in self.editors.items() if e.changed()}

    def _update_buttons(self) -> None:
        dirty = bool(self.pending())
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def set_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    def apply(self) -> bool:
        """Check every edited value, then write them together; False when one is refused."""
        changes = self.pending()
        if not changes:
            return False
        try:
            for name, raw in changes.items():
                self.editors[name].key.validate(raw)
        except ConfigValueError as exc:
            self.set_message(refusal_text(exc), error=True)
            self.editors[str(exc.values[0])].widget.setFocus()
            return False

        def done(written: dict[str, int | str]) -> None:
            self.set_message(self.tr("%n key(s) saved", "", len(written)))
            self.applied.emit(len(written))
            self.refresh()

        self.apply_button.setEnabled(False)
        self.context.write(
            lambda conn, progress: write_changes(conn, changes), done, topics=(CONFIG,)
        )
        return True

    def revert(self) -> None:
        """Show the values last read again."""
        for name, editor in self.editors.items():
            editor.load(self.values[name].value if name in self.values else editor.loaded)
        self.set_message("")
        self._update_buttons()
