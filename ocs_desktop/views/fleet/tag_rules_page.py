"""The Tagging rules page: the ordered rules, what they would change, apply and undo.

Rules come from the core (``db.tag_rules``; groups through ``fleet.tag_rules``) and are
listed in order: per field, the first enabled matching rule wins, so moving a rule up
changes what the machines get. Add, edit, remove, move and enable go through the rule
dialog and the worker. "Preview" computes, in the worker (Cancel stops waiting for it),
exactly what "Apply" writes: apply hands the preview to the core, which refuses with
``StalePreview`` if the machines changed meanwhile, and the page then previews again.
"Undo last rule run" restores the rows the latest run changed. Core refusals are shown
translated (:mod:`tag_rules_text`); after apply and undo the machines lists refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.common.progress import Progress
from ocs_desktop.db.tag_rule_match import Change
from ocs_desktop.db.tag_rule_runs import RunInfo, StalePreview, list_runs, undo_last_run
from ocs_desktop.db.tag_rules import (
    TAG,
    AdminColumns,
    RuleKind,
    TagRule,
    TagRuleError,
    check_rule,
    get_rule,
    list_rules,
    move_rule,
    remove_rule,
    set_enabled,
    split_admin_pattern,
)
from ocs_desktop.fleet import tag_rules
from ocs_desktop.fleet.admin_fields import list_fields
from ocs_desktop.fleet.groups import list_groups
from ocs_desktop.views.context import MACHINES, TAGS, ConsoleContext
from ocs_desktop.views.fleet.merge_dialog import operator_name
from ocs_desktop.views.fleet.tag_rule_dialog import RuleChoices, TagRuleDialog
from ocs_desktop.views.fleet.tag_rules_text import kind_label, rule_error, run_error
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets, Signal
from ocs_desktop.views.widgets.reload import ReloadWhenShown
from ocs_desktop.views.widgets.tables import compact_rows
from ocs_desktop.views.worker import Task

#: What a rule change refused by the core comes back as (the transaction wrote nothing).
REFUSALS = (TagRuleError, LookupError)


@dataclass(frozen=True)
class Loaded:
    """What the page shows: the rules in order, the dialog's choices and the runs."""

    rules: list[TagRule]
    choices: RuleChoices
    runs: list[RunInfo]


def read_choices(conn: Connection) -> RuleChoices:
    """TAG and the admin fields whose column exists, then the groups."""
    columns = AdminColumns.read(conn)
    existing = {name.lower(): name for name in columns.types if name != "HARDWARE_ID"}
    fields: list[tuple[str, str]] = [(TAG, TAG)] if TAG in columns.types else []
    for field in list_fields(conn):
        column = existing.get(field.column.lower())
        if column is not None and column != TAG:
            fields.append((column, f"{field.name} ({column})"))
    groups = [(group.id, group.name) for group in list_groups(conn)]
    return RuleChoices(fields, groups)


def load(conn: Connection, _progress: Progress) -> Loaded:
    return Loaded(list_rules(conn), read_choices(conn), list_runs(conn))


def save_rule(conn: Connection, rule: TagRule) -> int:
    """Store a new rule, or replace an edited one at its place (the core has no update:
    the edited rule is checked first, so a refusal leaves the old one untouched)."""
    if rule.id is None:
        return tag_rules.add_rule(conn, rule)
    old = get_rule(conn, rule.id)
    if RuleKind(rule.kind) is RuleKind.GROUP and rule.pattern.strip().isdigit():
        tag_rules.group_condition(conn, int(rule.pattern.strip()))
    check_rule(conn, rule)
    remove_rule(conn, rule.id)
    return tag_rules.add_rule(conn, replace(rule, id=None), old.position)


class RulesTable(QtWidgets.QTableWidget):
    """The rules, which a drag reorders: the drop only reports rows, the store moves."""

    ruleDropped = Signal(int, int)

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)

    def dropEvent(self, event: Any) -> None:
        source = self.currentRow()
        target = self.indexAt(event.position().toPoint()).row()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if target < 0:
            target = self.rowCount() - 1
        if event.source() is self and source >= 0 and source != target:
            self.ruleDropped.emit(source, target)


class TagRulesPage(QtWidgets.QWidget):
    """The rules, their preview, and apply/undo."""

    page_key = "tag-rules"

    #: The rules were read and are shown.
    loaded = Signal()
    #: A preview arrived and is shown.
    previewed = Signal()

    COLUMNS = 8

    def __init__(self, context: ConsoleContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rules: list[TagRule] = []
        self.choices = RuleChoices([], [])
        self.runs: list[RunInfo] = []
        self.changes: list[Change] | None = None
        self.dialog: TagRuleDialog | None = None
        self._select_id: int | None = None
        self._task: Task | None = None

        self.add_button = QtWidgets.QPushButton(self.tr("&Add…"))
        self.edit_button = QtWidgets.QPushButton(self.tr("&Edit…"))
        self.remove_button = QtWidgets.QPushButton(self.tr("&Remove"))
        self.up_button = QtWidgets.QPushButton(self.tr("Move &up"))
        self.down_button = QtWidgets.QPushButton(self.tr("Move do&wn"))
        self.toggle_button = QtWidgets.QPushButton(self.tr("Disa&ble"))
        self.add_button.clicked.connect(lambda _c=False: self.add_rule())
        self.edit_button.clicked.connect(lambda _c=False: self.edit_rule())
        self.remove_button.clicked.connect(lambda _c=False: self.remove_rule())
        self.up_button.clicked.connect(lambda _c=False: self.move_selected(-1))
        self.down_button.clicked.connect(lambda _c=False: self.move_selected(1))
        self.toggle_button.clicked.connect(lambda _c=False: self.toggle_selected())
        rule_buttons = QtWidgets.QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.toggle_button,
        ):
            rule_buttons.addWidget(button)
        rule_buttons.addStretch(1)

        self.table = RulesTable(0, self.COLUMNS)
        self.table.ruleDropped.connect(self._dropped)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Pattern"),
                self.tr("Field"),
                self.tr("Value"),
                self.tr("Enabled"),
                self.tr("After inventory"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        compact_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(lambda _index: self.edit_rule())

        self.preview_button = QtWidgets.QPushButton(self.tr("&Preview"))
        self.apply_button = QtWidgets.QPushButton(self.tr("Appl&y…"))
        self.apply_button.setDefault(True)
        self.undo_button = QtWidgets.QPushButton(self.tr("U&ndo last rule run…"))
        self.preview_button.clicked.connect(lambda _c=False: self.preview())
        self.apply_button.clicked.connect(lambda _c=False: self.ask_apply())
        self.undo_button.clicked.connect(lambda _c=False: self.ask_undo())
        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(160)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress.hide()
        self.cancel_button.hide()
        run_buttons = QtWidgets.QHBoxLayout()
        run_buttons.addWidget(self.preview_button)
        run_buttons.addWidget(self.apply_button)
        run_buttons.addWidget(self.undo_button)
        run_buttons.addStretch(1)
        run_buttons.addWidget(self.progress)
        run_buttons.addWidget(self.cancel_button)

        self.summary = QtWidgets.QLabel(self.tr("Preview to see what the enabled rules change."))
        self.summary.setWordWrap(True)
        self.preview_table = QtWidgets.QTableWidget(0, 4)
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Machine"), self.tr("Field"), self.tr("From"), self.tr("To")]
        )
        self.preview_table.verticalHeader().hide()
        self.preview_table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.preview_table.setWordWrap(False)
        compact_rows(self.preview_table)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.last_run = QtWidgets.QLabel()
        self.last_run.setWordWrap(True)

        upper = QtWidgets.QWidget()
        upper_layout = QtWidgets.QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(rule_buttons)
        upper_layout.addWidget(self.table, 1)
        lower = QtWidgets.QWidget()
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(run_buttons)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.preview_table, 1)
        lower_layout.addWidget(self.last_run)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._update_actions()
        self.reload = ReloadWhenShown(self, context, (MACHINES,))

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> Task:
        """Read the rules, the admin fields, the groups and the runs again."""
        self.reload.stale = False
        return self.context.read(load, self._loaded, key=f"tag-rules-{id(self):x}")

    def _loaded(self, loaded: Loaded) -> None:
        self.rules = loaded.rules
        self.choices = loaded.choices
        self.runs = loaded.runs
        self._clear_preview()
        self.table.setRowCount(len(self.rules))
        for row, rule in enumerate(self.rules):
            cells = [
                str(rule.position),
                rule.name,
                kind_label(rule.kind),
                self.pattern_text(rule),
                self.field_text(rule.target),
                rule.value,
                self.tr("Yes") if rule.enabled else self.tr("No"),
                self.tr("Yes") if rule.run_after_inventory else self.tr("No"),
            ]
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, rule.id)
                if not rule.enabled:
                    item.setForeground(
                        self.palette().brush(self.palette().ColorRole.PlaceholderText)
                    )
                self.table.setItem(row, column, item)
        wanted = self._select_id
        self._select_id = None
        ids = [rule.id for rule in self.rules]
        if wanted in ids:
            self.table.selectRow(ids.index(wanted))
        elif self.rules:
            self.table.selectRow(0)
        self._show_last_run()
        self._update_actions()
        self.loaded.emit()

    def field_text(self, column: str) -> str:
        return dict(self.choices.fields).get(column, column)

    def pattern_text(self, rule: TagRule) -> str:
        """A rule's pattern as the operator reads it (field and group by name)."""
        if rule.kind is RuleKind.ADMIN_FIELD:
            field, glob = split_admin_pattern(rule.pattern)
            return f"{self.field_text(field)} = {glob}"
        if rule.kind is RuleKind.GROUP and rule.pattern.isdigit():
            name = dict(self.choices.groups).get(int(rule.pattern))
            if name is not None:
                return name
        return rule.pattern

    def current_rule(self) -> TagRule | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rules):
            return None
        return self.rules[rows[0].row()]

    def _dropped(self, source: int, target: int) -> Task | None:
        """A rule dragged from row ``source`` onto row ``target``: it takes that place."""
        rule_id = self.rules[source].id if 0 <= source < len(self.rules) else None
        if rule_id is None:
            return None
        position = min(target, len(self.rules) - 1) + 1
        return self._change(lambda conn: move_rule(conn, rule_id, position), rule_id)

    def select_rule(self, rule_id: int) -> None:
        ids = [rule.id for rule in self.rules]
        if rule_id in ids:
            self.table.selectRow(ids.index(rule_id))

    def _update_actions(self) -> None:
        rule = self.current_rule()
        busy = self._task is not None
        for button in (self.edit_button, self.remove_button, self.toggle_button):
            button.setEnabled(rule is not None)
        self.up_button.setEnabled(rule is not None and rule.position > 1)
        self.down_button.setEnabled(rule is not None and rule.position < len(self.rules))
        self.toggle_button.setText(
            self.tr("Ena&ble") if rule is not None and not rule.enabled else self.tr("Disa&ble")
        )
        self.preview_button.setEnabled(not busy and bool(self.rules))
        self.apply_button.setEnabled(not busy and bool(self.changes))
        self.undo_button.setEnabled(not busy and self.last_open_run() is not None)

    def last_open_run(self) -> RunInfo | None:
        """The run "Undo last rule run" restores: the latest not undone."""
        return next((run for run in self.runs if run.undone_at is None), None)

    def _show_last_run(self) -> None:
        run = self.last_open_run()
        if run is None:
            self.last_run.setText(self.tr("No rule run to undo."))
        else:
            self.last_run.setText(self.run_text(run))

    def run_text(self, run: RunInfo) -> str:
        at = run.applied_at
        when = QtCore.QLocale().toString(
            QtCore.QDateTime(
                QtCore.QDate(at.year, at.month, at.day),
                QtCore.QTime(at.hour, at.minute, at.second),
            ),
            QtCore.QLocale.FormatType.ShortFormat,
        )
        return self.tr("Last rule run: {0} by {1}, {2}.").format(
            when, run.applied_by or self.tr("unknown"), self.tr("%n change(s)", "", run.changes)
        )

    # --- rule changes -------------------------------------------------------------------------
    def _change(self, fn: Callable[[Connection], Any], select_id: int | None = None) -> Task:
        """Run a rule change in the worker; a refusal is shown, then the list reloads."""

        def write(conn: Connection, _progress: Progress) -> Any:
            try:
                return fn(conn)
            except REFUSALS as exc:
                return exc

        def done(result: Any) -> None:
            if isinstance(result, Exception):
                self.status.setText(rule_error(result))
            else:
                self.status.clear()
            self._select_id = select_id if select_id is not None else self._current_id()
            self.refresh()

        return self.context.write(write, done)

    def _current_id(self) -> int | None:
        rule = self.current_rule()
        return None if rule is None else rule.id

    def open_dialog(self, rule: TagRule | None = None) -> TagRuleDialog:
        dialog = TagRuleDialog(self.choices, rule, self)
        dialog.submitted.connect(lambda typed: self.save(dialog, typed))
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_rule(self) -> TagRuleDialog:
        return self.open_dialog()

    def edit_rule(self) -> TagRuleDialog | None:
        rule = self.current_rule()
        return None if rule is None else self.open_dialog(rule)

    def save(self, dialog: TagRuleDialog, rule: TagRule) -> Task:
        """Store the dialog's rule in the worker; close it, or show the refusal in it."""

        def write(conn: Connection, _progress: Progress) -> int | Exception:
            try:
                return save_rule(conn, rule)
            except REFUSALS as exc:
                return exc

        def done(result: int | Exception) -> None:
            if isinstance(result, Exception):
                dialog.refused(rule_error(result))
                return
            dialog.stored()
            self._select_id = result
            self.status.setText(self.tr("Rule saved. Preview to see what it changes."))
            self.refresh()

        return self.context.write(write, done, on_failed=dialog.refused)

    def remove_rule(self) -> Task | None:
        rule = self.current_rule()
        if rule is None or rule.id is None:
            return None
        if not self.confirm(
            self.tr("Remove rule"),
            self.tr("Remove the rule {0}? It no longer changes any machine.").format(rule.name),
        ):
            return None
        rule_id = rule.id
        return self._change(lambda conn: remove_rule(conn, rule_id))

    def move_selected(self, step: int) -> Task | None:
        rule = self.current_rule()
        if rule is None or rule.id is None:
            return None
        rule_id, position = rule.id, rule.position + step
        return self._change(lambda conn: move_rule(conn, rule_id, position), rule_id)

    def toggle_selected(self) -> Task | None:
        rule = self.current_rule()
        if rule is None or rule.id is None:
            return None
        rule_id, enabled = rule.id, not rule.enabled
        return self._change(lambda conn: set_enabled(conn, rule_id, enabled), rule_id)

    # --- preview, apply, undo -----------------------------------------------------------------
    def _clear_preview(self) -> None:
        self.changes = None
        self.preview_table.setRowCount(0)
        self.summary.setText(self.tr("Preview to see what the enabled rules change."))

    def _busy(self, task: Task | None) -> None:
        self._task = task
        self.progress.setVisible(task is not None)
        self.cancel_button.setVisible(task is not None)
        if task is not None:
            self.progress.setRange(0, 0)
        self._update_actions()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def preview(self) -> Task:
        """Compute, in the worker, what Apply would write now."""

        def read(conn: Connection, _progress: Progress) -> list[Change] | Exception:
            try:
                return tag_rules.preview(conn)
            except REFUSALS as exc:
                return exc

        self._clear_preview()
        self.summary.setText(self.tr("Computing the preview…"))
        task = self.context.read(
            read, self._previewed, key=f"tag-rules-preview-{id(self):x}", on_failed=self._failed
        )
        task.cancelled.connect(lambda: self._preview_cancelled(task))
        self._busy(task)
        return task

    def _preview_cancelled(self, task: Task) -> None:
        if self._task is task:
            self._busy(None)
            self.summary.setText(self.tr("Preview cancelled."))

    def _failed(self, message: str) -> None:
        self._busy(None)
        self.summary.setText(self.tr("Not done: {0}").format(message))

    def _previewed(self, result: list[Change] | Exception) -> None:
        self._busy(None)
        if isinstance(result, Exception):
            self.summary.setText(rule_error(result))
            return
        self.show_changes(result)
        self.previewed.emit()

    def show_changes(self, changes: list[Change]) -> None:
        self.changes = changes
        self.preview_table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            cells = [
                change.machine or str(change.hardware_id),
                self.field_text(change.field),
                self.shown(change.old),
                "→ " + self.shown(change.new),
            ]
            for column, text in enumerate(cells):
                self.preview_table.setItem(row, column, QtWidgets.QTableWidgetItem(text))
        machines = len({c.hardware_id for c in changes})
        if changes:
            self.summary.setText(
                self.tr("{0} on {1}. Apply writes exactly these.").format(
                    self.tr("%n change(s)", "", len(changes)),
                    self.tr("%n machine(s)", "", machines),
                )
            )
        else:
            self.summary.setText(self.tr("The enabled rules change nothing."))
        self._update_actions()

    def shown(self, value: str | None) -> str:
        return self.tr("(none)") if value is None else value

    def ask_apply(self) -> Task | None:
        """Confirm, then apply the previewed changes."""
        if not self.changes:
            return None
        machines = len({c.hardware_id for c in self.changes})
        if not self.confirm(
            self.tr("Apply tagging rules"),
            self.tr(
                "Write {0} on {1}? The rows are backed up first: "
                '"Undo last rule run" restores them.'
            ).format(
                self.tr("%n change(s)", "", len(self.changes)),
                self.tr("%n machine(s)", "", machines),
            ),
            default_yes=True,
        ):
            return None
        return self.apply()

    def apply(self) -> Task:
        expected = list(self.changes or [])
        user = operator_name()

        def write(conn: Connection, _progress: Progress) -> Any:
            try:
                return tag_rules.apply(conn, user=user, expected=expected)
            except (StalePreview, *REFUSALS) as exc:
                return exc

        def done(result: Any) -> None:
            self._busy(None)
            if isinstance(result, Exception):
                self.status.setText(run_error(result))
                if isinstance(result, StalePreview):
                    self.preview()
                return
            self.status.setText(self.tr("Applied: %n change(s) written.", "", len(result.changes)))
            self.refresh()
            for topic in (MACHINES, TAGS):  # only once written: a stale preview wrote nothing
                self.context.changed.emit(topic)

        task = self.context.write(write, done, on_failed=self._failed)
        self._busy(task)
        return task

    def ask_undo(self) -> Task | None:
        """Confirm (showing the run), then undo it."""
        run = self.last_open_run()
        if run is None:
            return None
        if not self.confirm(
            self.tr("Undo last rule run"),
            self.run_text(run)
            + "\n"
            + self.tr(
                "Restore the admin data of the machines it changed, as they were before? "
                "Changes made to those machines since are lost."
            ),
        ):
            return None
        return self.undo()

    def undo(self) -> Task:
        def write(conn: Connection, _progress: Progress) -> Any:
            try:
                return undo_last_run(conn)
            except LookupError as exc:
                return exc

        def done(result: Any) -> None:
            self._busy(None)
            if isinstance(result, Exception):
                self.status.setText(run_error(result))
            else:
                self.status.setText(
                    self.tr("Run undone: {0}, {1}.").format(
                        self.tr("%n row(s) restored", "", result.restored),
                        self.tr("%n row(s) deleted", "", result.deleted),
                    )
                )
            self.refresh()

        task = self.context.write(write, done, topics=(MACHINES, TAGS), on_failed=self._failed)
        self._busy(task)
        return task

    def confirm(self, title: str, text: str, default_yes: bool = False) -> bool:
        """Ask the admin; a separate method so tests can answer."""
        yes, no = QtWidgets.QMessageBox.StandardButton.Yes, QtWidgets.QMessageBox.StandardButton.No
        answer = QtWidgets.QMessageBox.question(
            self, title, text, yes | no, yes if default_yes else no
        )
        return answer == yes
