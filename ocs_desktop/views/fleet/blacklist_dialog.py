"""The blacklists of duplicate detection, edited: serials and MAC addresses that identify
nothing ("To Be Filled By O.E.M.", a virtual adapter's MAC).

One tab per list, each a list of values with Add and Remove. The core checks a value
before storing it (a MAC must be six hex pairs, nothing is listed twice); a refused value
stays in the box with the reason beside it, translated. Every change is announced
(``context.changed`` with ``DUPLICATES``), so the Duplicates page finds its sets again:
a value blacklisted makes its sets disappear, a value taken off brings them back.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.duplicates_blacklist import (
    BlacklistEntry,
    BlacklistError,
    BlacklistKind,
    NotBlacklisted,
    add_to_blacklist,
    list_blacklist,
    remove_from_blacklist,
)
from ocs_desktop.views.context import DUPLICATES, ConsoleContext
from ocs_desktop.views.fleet.duplicates_text import blacklist_error
from ocs_desktop.views.qt import Qt, QtWidgets, Signal
from ocs_desktop.views.worker import Task


class BlacklistEditor(QtWidgets.QWidget):
    """One blacklist: its values, a box to add one, a button to remove the selected."""

    #: The list was read (or re-read after a change).
    loaded = Signal()

    def __init__(
        self,
        context: ConsoleContext,
        kind: BlacklistKind,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.values = QtWidgets.QListWidget()
        self.values.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.edit = QtWidgets.QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("e.g. To Be Filled By O.E.M.")
            if kind is BlacklistKind.SERIAL
            else self.tr("e.g. 00:11:22:AA:BB:CC")
        )
        # Enter in the box presses Add, the dialog's default button (``BlacklistDialog``
        # makes the current tab's Add the default): no returnPressed, or Enter added twice.
        self.add_button = QtWidgets.QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_value())
        self.remove_button = QtWidgets.QPushButton(self.tr("&Remove"))
        self.remove_button.setAutoDefault(False)  # focus on Remove must not make Enter remove
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.remove_button.setEnabled(False)
        self.values.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.values.selectedItems()))
        )
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("blacklistMessage")
        self.message.setStyleSheet("color: #a33;")
        self.message.hide()

        add_row = QtWidgets.QHBoxLayout()
        add_row.addWidget(self.edit, 1)
        add_row.addWidget(self.add_button)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.values, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        self.refresh()

    def entries(self) -> list[str]:
        """The values the list shows."""
        return [self.values.item(row).text() for row in range(self.values.count())]

    def refresh(self) -> Task:
        kind = self.kind

        def read(conn: Connection, progress: Progress) -> list[BlacklistEntry]:
            return list_blacklist(conn, kind)

        return self.context.read(read, self._show, key=f"blacklist-{kind.value}-{id(self):x}")

    def _show(self, entries: list[BlacklistEntry]) -> None:
        self.values.clear()
        for entry in entries:
            self.values.addItem(entry.value)
        self.loaded.emit()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(blacklist_error(exc))
        self.message.show()

    def add_value(self, value: str | None = None) -> Task:
        """Blacklist ``value`` (default: the box's text), checked by the core."""
        text = self.edit.text() if value is None else value
        kind = self.kind

        def write(conn: Connection, progress: Progress) -> BlacklistEntry | Exception:
            try:
                return add_to_blacklist(conn, kind, text)
            except BlacklistError as exc:
                return exc

        def done(result: BlacklistEntry | Exception) -> None:
            if isinstance(result, Exception):
                self._refused(result)
                self.refresh()
                return
            self.message.hide()
            self.edit.clear()
            self.context.status.emit(self.tr("{0} blacklisted").format(result.value))
            self.context.changed.emit(DUPLICATES)
            self.refresh()

        return self.context.write(write, done)

    def remove_selected(self) -> Task | None:
        """Take the selected values off the list."""
        chosen = [item.text() for item in self.values.selectedItems()]
        if not chosen:
            return None
        kind = self.kind

        def write(conn: Connection, progress: Progress) -> int | Exception:
            removed = 0
            try:
                for value in chosen:
                    removed += remove_from_blacklist(conn, kind, value)
            except NotBlacklisted as exc:
                return exc
            return removed

        def done(result: int | Exception) -> None:
            if isinstance(result, Exception):
                self._refused(result)
            else:
                self.message.hide()
                self.context.status.emit(self.tr("%n value(s) taken off the blacklist", "", result))
                self.context.changed.emit(DUPLICATES)
            self.refresh()

        return self.context.write(write, done)


class BlacklistDialog(QtWidgets.QDialog):
    """Both blacklists, a tab each."""

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duplicate blacklists"))
        intro = QtWidgets.QLabel(
            self.tr(
                "Serials and MAC addresses listed here never make machines duplicates: "
                "neither here nor in the server's automatic merge."
            )
        )
        intro.setWordWrap(True)
        self.serials = BlacklistEditor(context, BlacklistKind.SERIAL)
        self.macs = BlacklistEditor(context, BlacklistKind.MAC)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.serials, self.tr("Serial numbers"))
        self.tabs.addTab(self.macs, self.tr("MAC addresses"))
        self.tabs.currentChanged.connect(lambda _index: self._default_to_current())
        self._default_to_current()
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def _default_to_current(self) -> None:
        """Enter adds the typed value in the tab shown (not Remove, not Close)."""
        current = self.tabs.currentWidget()
        for editor in (self.serials, self.macs):
            editor.add_button.setDefault(editor is current)

    def editor(self, kind: BlacklistKind) -> BlacklistEditor:
        return self.serials if kind is BlacklistKind.SERIAL else self.macs

    def show_kind(self, kind: BlacklistKind) -> None:
        self.tabs.setCurrentWidget(self.editor(kind))


def open_blacklist_dialog(
    context: ConsoleContext, parent: QtWidgets.QWidget | None = None
) -> BlacklistDialog:
    dialog = BlacklistDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
