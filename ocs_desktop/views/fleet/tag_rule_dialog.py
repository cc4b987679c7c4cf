"""The dialog that adds or edits one tagging rule.

The kind chooser swaps the pattern widget (an address or glob box, an admin field and
its pattern, or a group) and the hint under it. The target is TAG or an admin field;
TAG needs the explicit "Overwrite the TAG the agent sent" box, which the core checks:
the dialog never decides on its own whether a rule is valid. It emits ``submitted`` with
the rule; the page stores it in the worker and either closes the dialog or shows the
core's refusal, translated, in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ocs_desktop.db.tag_rules import TAG, RuleKind, TagRule, split_admin_pattern
from ocs_desktop.views.fleet.tag_rules_text import kind_hint, kind_label, kind_placeholder
from ocs_desktop.views.qt import QtWidgets, Signal


@dataclass(frozen=True)
class RuleChoices:
    """What the dialog offers: the ``accountinfo`` columns (column, shown name) and the
    groups (id, name), read by the page in the worker."""

    fields: Sequence[tuple[str, str]]
    groups: Sequence[tuple[int, str]]


class TagRuleDialog(QtWidgets.QDialog):
    """Add (``rule`` None) or edit a rule."""

    submitted = Signal(object)

    def __init__(
        self,
        choices: RuleChoices,
        rule: TagRule | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = rule
        self.setWindowTitle(self.tr("Edit tagging rule") if rule else self.tr("New tagging rule"))
        self.name = QtWidgets.QLineEdit()
        self.kind = QtWidgets.QComboBox()
        for kind in RuleKind:
            self.kind.addItem(kind_label(kind), kind.value)

        # The pattern widgets, one page per shape.
        self.pattern = QtWidgets.QLineEdit()
        self.admin_field = QtWidgets.QComboBox()
        self.admin_glob = QtWidgets.QLineEdit()
        self.group = QtWidgets.QComboBox()
        for column, shown in choices.fields:
            self.admin_field.addItem(shown, column)
        for group_id, group_name in choices.groups:
            self.group.addItem(f"{group_name} ({group_id})", group_id)
        admin_box = QtWidgets.QWidget()
        admin_layout = QtWidgets.QHBoxLayout(admin_box)
        admin_layout.setContentsMargins(0, 0, 0, 0)
        admin_layout.addWidget(self.admin_field)
        admin_layout.addWidget(QtWidgets.QLabel("="))
        admin_layout.addWidget(self.admin_glob, 1)
        self.pattern_stack = QtWidgets.QStackedWidget()
        self.pattern_stack.addWidget(self.pattern)
        self.pattern_stack.addWidget(admin_box)
        self.pattern_stack.addWidget(self.group)
        self.pattern_stack.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed
        )
        self.hint = QtWidgets.QLabel()
        self.hint.setWordWrap(True)

        self.target = QtWidgets.QComboBox()
        for column, shown in choices.fields:
            self.target.addItem(shown, column)
        self.overwrite_tag = QtWidgets.QCheckBox(self.tr("Overwrite the TAG the agent sent"))
        self.value = QtWidgets.QLineEdit()
        self.enabled = QtWidgets.QCheckBox(self.tr("Enabled"))
        self.enabled.setChecked(True)
        self.after_inventory = QtWidgets.QCheckBox(self.tr("Also run after each inventory"))
        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Pattern:"), self.pattern_stack)
        form.addRow("", self.hint)
        form.addRow(self.tr("&Field to set:"), self.target)
        form.addRow("", self.overwrite_tag)
        form.addRow(self.tr("&Value:"), self.value)
        form.addRow("", self.enabled)
        form.addRow("", self.after_inventory)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        if rule is not None:
            self._show_rule(rule)
        self._kind_changed()
        self._target_changed()

    # --- state -----------------------------------------------------------------------------
    def current_kind(self) -> RuleKind:
        return RuleKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        page = {RuleKind.ADMIN_FIELD: 1, RuleKind.GROUP: 2}.get(kind, 0)
        self.pattern_stack.setCurrentIndex(page)
        self.pattern.setPlaceholderText(kind_placeholder(kind))
        self.admin_glob.setPlaceholderText(kind_placeholder(kind))
        self.hint.setText(kind_hint(kind))
        self.after_inventory.setEnabled(kind is not RuleKind.GROUP)

    def _target_changed(self) -> None:
        is_tag = self.target.currentData() == TAG
        self.overwrite_tag.setVisible(is_tag)
        if not is_tag:
            self.overwrite_tag.setChecked(False)

    def _show_rule(self, rule: TagRule) -> None:
        self.name.setText(rule.name)
        self.kind.setCurrentIndex(self.kind.findData(rule.kind.value))
        if rule.kind is RuleKind.ADMIN_FIELD:
            field, glob = split_admin_pattern(rule.pattern)
            self.admin_field.setCurrentIndex(max(self.admin_field.findData(field), 0))
            self.admin_glob.setText(glob)
        elif rule.kind is RuleKind.GROUP:
            self.group.setCurrentIndex(max(self.group.findData(int(rule.pattern)), 0))
        else:
            self.pattern.setText(rule.pattern)
        self.target.setCurrentIndex(max(self.target.findData(rule.target), 0))
        self.overwrite_tag.setChecked(rule.overwrite_agent_tag)
        self.value.setText(rule.value)
        self.enabled.setChecked(rule.enabled)
        self.after_inventory.setChecked(rule.run_after_inventory)

    def pattern_text(self) -> str:
        """The pattern as the core spells it for the chosen kind."""
        kind = self.current_kind()
        if kind is RuleKind.ADMIN_FIELD:
            field = self.admin_field.currentData()
            return f"{field or ''}={self.admin_glob.text()}"
        if kind is RuleKind.GROUP:
            group = self.group.currentData()
            return "" if group is None else str(group)
        return self.pattern.text()

    def rule(self) -> TagRule:
        """The rule as typed, not checked (the core checks it when storing)."""
        kind = self.current_kind()
        return TagRule(
            name=self.name.text(),
            kind=kind,
            pattern=self.pattern_text(),
            target=str(self.target.currentData() or ""),
            value=self.value.text(),
            enabled=self.enabled.isChecked(),
            run_after_inventory=self.after_inventory.isChecked() and kind is not RuleKind.GROUP,
            overwrite_agent_tag=self.overwrite_tag.isChecked(),
            id=None if self.editing is None else self.editing.id,
            position=0 if self.editing is None else self.editing.position,
        )

    # --- outcome ---------------------------------------------------------------------------
    def submit(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        self.submitted.emit(self.rule())

    def refused(self, text: str) -> None:
        """The core refused the rule: say why and let the admin correct it."""
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()

    def stored(self) -> None:
        self.buttons.setEnabled(True)
        self.accept()
