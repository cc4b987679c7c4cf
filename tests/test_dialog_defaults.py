"""Every dialog of the console has one sensible default button (issue 19, keyboard).

The test walks ``ocs_desktop/views`` for every ``QDialog`` subclass, builds each one the
way its page does (real context on a SQLite fleet, real settings), shows it offscreen and
reads which push button Enter would press: exactly one, and it is the dialog's primary
action. Dialogs that confirm something destructive are named in :data:`SAFE_DEFAULT`:
there the default is the safe answer (Cancel). A new dialog fails the test until it has
a factory here, so no dialog escapes the check.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

import ocs_desktop.views
from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.db.tag_rules import TAG
from ocs_desktop.fleet.groups import GroupInfo
from ocs_desktop.views.admin.admin_fields_tab import FieldDialog
from ocs_desktop.views.admin.operator_dialogs import OperatorDialog, PasswordDialog, PerimeterDialog
from ocs_desktop.views.connect_dialog import ConnectDialog
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.activate_form import ActivateForm
from ocs_desktop.views.deployment.page import FormDialog
from ocs_desktop.views.deployment.targets import TargetsForm
from ocs_desktop.views.deployment.wizard import PackageWizard
from ocs_desktop.views.fleet.blacklist_dialog import BlacklistDialog
from ocs_desktop.views.fleet.column_picker import ColumnPicker, PickerEntry
from ocs_desktop.views.fleet.groups_page import RemoveMembersDialog
from ocs_desktop.views.fleet.merge_dialog import MergeDialog
from ocs_desktop.views.fleet.network_identify_dialog import IdentifyDialog
from ocs_desktop.views.fleet.network_scan_dialog import NetworkScanDialog
from ocs_desktop.views.fleet.network_subnet_dialogs import NameSubnetDialog, SubnetBlacklistDialog
from ocs_desktop.views.fleet.network_types_dialog import DeviceTypesDialog
from ocs_desktop.views.fleet.tag_rule_dialog import RuleChoices, TagRuleDialog
from ocs_desktop.views.installers.wizard import InstallerWizard
from ocs_desktop.views.local_server_dialog import LocalServerDialog
from ocs_desktop.views.profile_editor import ProfileEditor
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.settings import OFFER_SAMPLE_IMPORT
from ocs_desktop.views.widgets.package_chooser import PackageChooserDialog
from ocs_desktop.views.widgets.set_admin_field_dialog import SetAdminFieldDialog
from tests.support.console_context import checked_context, console_settings
from tests.support.console_fleet import FleetFacts, fill_fleet

Factory = Callable[[ConsoleContext, Path], QtWidgets.QDialog]
BUTTON_BOX = QtWidgets.QDialogButtonBox

#: Destructive confirmations: Enter must not do the irreversible thing, so the default is
#: the safe answer (the button box's reject role, Cancel / No).
SAFE_DEFAULT: frozenset[type[QtWidgets.QDialog]] = frozenset(
    {
        MergeDialog,  # merging deletes every machine of the set but one
        SubnetBlacklistDialog,  # its one action is Remove: Enter closes instead
    }
)
#: Words that may never label the default button of a non-destructive dialog either.
NEVER_DEFAULT = ("cancel", "delete", "remove", "browse", "close", "annuler", "supprimer")


def _operator_dialog(_context: ConsoleContext, _tmp: Path) -> QtWidgets.QDialog:
    return OperatorDialog()


def _form_dialog(context: ConsoleContext, _tmp: Path) -> QtWidgets.QDialog:
    form = ActivateForm(context)
    return FormDialog("Activate package", form, primary=form.activate_button)


def _remove_members(_context: ConsoleContext, _tmp: Path) -> QtWidgets.QDialog:
    info = GroupInfo(1, "Paris", "", "static", 2, None, None)
    return RemoveMembersDialog(info, [(1, "pc-1"), (2, "pc-2")], None)


def _column_picker(_context: ConsoleContext, _tmp: Path) -> QtWidgets.QDialog:
    entries = [
        PickerEntry("name", "Name", "Hardware", "NAME"),
        PickerEntry("ipaddr", "IP address", "Hardware", "IPADDR"),
    ]
    return ColumnPicker(entries, ["name"], ["name"])


def _merge(context: ConsoleContext, _tmp: Path) -> QtWidgets.QDialog:
    facts: FleetFacts = context.facts  # type: ignore[attr-defined]
    return MergeDialog(context, sorted(facts.ids_by_name.values())[:2])


#: How each dialog is built in the console (the arguments its page gives it).
FACTORIES: dict[type[QtWidgets.QDialog], Factory] = {
    FieldDialog: lambda _c, _t: FieldDialog(),
    OperatorDialog: _operator_dialog,
    PasswordDialog: lambda _c, _t: PasswordDialog("admin", own=True),
    PerimeterDialog: lambda _c, _t: PerimeterDialog("admin", True, ["PARIS%"]),
    ConnectDialog: lambda c, _t: ConnectDialog(c.settings),
    FormDialog: _form_dialog,
    PackageWizard: lambda c, t: PackageWizard(c, store=t / "packages"),
    BlacklistDialog: lambda c, _t: BlacklistDialog(c),
    ColumnPicker: _column_picker,
    RemoveMembersDialog: _remove_members,
    MergeDialog: _merge,
    IdentifyDialog: lambda _c, _t: IdentifyDialog("00:11:22:33:44:55", ["Printer"]),
    NetworkScanDialog: lambda c, _t: NetworkScanDialog(
        c, "192.168.1.0", "255.255.255.0", subnets=[]
    ),
    NameSubnetDialog: lambda _c, _t: NameSubnetDialog("192.168.1.0", mask="255.255.255.0"),
    SubnetBlacklistDialog: lambda c, _t: SubnetBlacklistDialog(c),
    DeviceTypesDialog: lambda c, _t: DeviceTypesDialog(c),
    TagRuleDialog: lambda _c, _t: TagRuleDialog(RuleChoices([(TAG, "TAG")], [(1, "Paris")])),
    InstallerWizard: lambda c, _t: InstallerWizard(c),
    LocalServerDialog: lambda c, _t: LocalServerDialog(c.settings, database="fleet.sqlite"),
    ProfileEditor: lambda _c, _t: ProfileEditor(set()),
    PackageChooserDialog: lambda c, _t: PackageChooserDialog(c, 2),
    SetAdminFieldDialog: lambda c, _t: SetAdminFieldDialog(c, 2),
}


def console_dialogs() -> dict[str, type[QtWidgets.QDialog]]:
    """Every QDialog subclass defined in a module of ``ocs_desktop/views``, by full name."""
    found: dict[str, type[QtWidgets.QDialog]] = {}
    package = ocs_desktop.views
    for module_info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, QtWidgets.QDialog)
                and value.__module__ == module.__name__
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def test_every_console_dialog_has_a_factory() -> None:
    dialogs = console_dialogs()
    assert len(dialogs) >= 20, sorted(dialogs)
    missing = sorted(name for name, cls in dialogs.items() if cls not in FACTORIES)
    assert not missing, f"add these dialogs to FACTORIES: {missing}"


@pytest.fixture
def sqlite_fleet(tmp_path: Path) -> Iterator[tuple[Engine, FleetFacts]]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    try:
        yield engine, fill_fleet(engine)
    finally:
        engine.dispose()


@pytest.fixture
def context(
    qtbot: QtBot, sqlite_fleet: tuple[Engine, FleetFacts], tmp_path: Path
) -> Iterator[ConsoleContext]:
    settings = console_settings(tmp_path, (OFFER_SAMPLE_IMPORT, False))
    with checked_context(sqlite_fleet[0], "test fleet", settings) as context:
        context.facts = sqlite_fleet[1]  # type: ignore[attr-defined]
        yield context


def default_buttons(dialog: QtWidgets.QDialog) -> list[QtWidgets.QPushButton]:
    """The push buttons Enter would press: the visible ones that are the default."""
    return [
        button
        for button in dialog.findChildren(QtWidgets.QPushButton)
        if button.isVisibleTo(dialog) and button.isDefault()
    ]


def _role(button: QtWidgets.QPushButton) -> BUTTON_BOX.ButtonRole | None:
    box = button.parent()
    return box.buttonRole(button) if isinstance(box, BUTTON_BOX) else None


@pytest.mark.parametrize("dialog_class", list(FACTORIES), ids=lambda cls: cls.__name__)
def test_the_dialog_has_one_sensible_default_button(
    qtbot: QtBot, context: ConsoleContext, tmp_path: Path, dialog_class: type[QtWidgets.QDialog]
) -> None:
    dialog = FACTORIES[dialog_class](context, tmp_path)
    qtbot.addWidget(dialog)
    assert type(dialog) is dialog_class
    dialog.show()
    qtbot.waitExposed(dialog)
    context.runner.wait_idle(20_000)
    QtWidgets.QApplication.processEvents()

    if isinstance(dialog, QtWidgets.QWizard):
        # The wizard's own Next (or Finish on its last page) is the default; Cancel never is.
        defaults = default_buttons(dialog)
        forward = {
            dialog.button(QtWidgets.QWizard.WizardButton.NextButton),
            dialog.button(QtWidgets.QWizard.WizardButton.FinishButton),
            dialog.button(QtWidgets.QWizard.WizardButton.CommitButton),
        }
        assert len(defaults) == 1, [b.text() for b in defaults]
        assert defaults[0] in forward, defaults[0].text()
        return

    defaults = default_buttons(dialog)
    assert len(defaults) == 1, f"{dialog_class.__name__}: {[b.text() for b in defaults]}"
    default = defaults[0]
    role = _role(default)
    label = default.text().replace("&", "").lower()
    if dialog_class in SAFE_DEFAULT:
        assert role in (BUTTON_BOX.ButtonRole.RejectRole, BUTTON_BOX.ButtonRole.NoRole) or (
            "cancel" in label
        ), f"{dialog_class.__name__}: destructive, yet Enter presses {default.text()!r}"
        return
    assert role not in (
        BUTTON_BOX.ButtonRole.RejectRole,
        BUTTON_BOX.ButtonRole.NoRole,
        BUTTON_BOX.ButtonRole.DestructiveRole,
    ), f"{dialog_class.__name__}: Enter presses {default.text()!r}"
    assert not any(word in label for word in NEVER_DEFAULT), (
        f"{dialog_class.__name__}: Enter presses {default.text()!r}"
    )


def test_the_blacklists_default_to_the_add_of_the_tab_shown(
    qtbot: QtBot, context: ConsoleContext
) -> None:
    dialog = BlacklistDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert default_buttons(dialog) == [dialog.serials.add_button]
    dialog.tabs.setCurrentWidget(dialog.macs)
    assert default_buttons(dialog) == [dialog.macs.add_button]
    # Enter in the box adds the value once, through the default button.
    context.runner.wait_idle(20_000)
    before = len(dialog.macs.entries())
    dialog.macs.edit.setText("08-00-27-5e-11-c4")
    with qtbot.waitSignal(dialog.macs.loaded, timeout=20_000):
        qtbot.keyClick(dialog.macs.edit, QtCore.Qt.Key.Key_Return)
    context.runner.wait_idle(20_000)
    assert dialog.macs.entries().count("08:00:27:5E:11:C4") == 1
    assert len(dialog.macs.entries()) == before + 1
    assert not dialog.macs.message.isVisibleTo(dialog), dialog.macs.message.text()


def test_enter_in_the_targets_search_never_assigns(qtbot: QtBot, context: ConsoleContext) -> None:
    """The assign dialog has no default: Enter in its search box searches, nothing else."""
    form = TargetsForm(context)
    dialog = FormDialog("Assign package", form)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert default_buttons(dialog) == []
    assert not any(b.autoDefault() for b in dialog.findChildren(QtWidgets.QPushButton))


VIEWS = Path(ocs_desktop.views.__file__).parent
#: Confirmations where Yes is the expected answer (nothing is lost): (file, title).
YES_DEFAULT_QUESTIONS = frozenset(
    {
        ("fleet/tags_page.py", "Set TAG"),  # the drop of machines on a TAG asks first
        ("admin/certificates_tab.py", "Renew server certificate"),
    }
)


def _questions() -> list[tuple[str, str, ast.Call]]:
    """Every ``QMessageBox.question(...)`` call in the views: (file, title, call)."""
    found: list[tuple[str, str, ast.Call]] = []
    for path in sorted(VIEWS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "question"
                and ast.unparse(node.func.value).endswith("QMessageBox")
            ):
                continue
            title = node.args[1] if len(node.args) > 1 else None
            if (
                isinstance(title, ast.Call)
                and title.args
                and isinstance(title.args[0], ast.Constant)
            ):
                text = str(title.args[0].value)  # self.tr("Delete group")
            else:
                text = ast.unparse(title) if title is not None else ""
            found.append((path.relative_to(VIEWS).as_posix(), text, node))
    return found


def test_confirmations_default_to_no() -> None:
    """A question asked before deleting (or any lossy change) defaults to No.

    ``QMessageBox.question`` without a default makes Yes the default: Enter would delete.
    """
    questions = _questions()
    assert len(questions) >= 10
    wrong: list[str] = []
    for file, title, call in questions:
        if (file, title) in YES_DEFAULT_QUESTIONS:
            continue
        default = call.args[4] if len(call.args) > 4 else None
        for keyword in call.keywords:
            if keyword.arg == "defaultButton":
                default = keyword.value
        if default is None:
            wrong.append(f"{file}: {title!r} has no default (Qt makes it Yes)")
            continue
        if isinstance(default, ast.IfExp):
            default = default.orelse  # ``yes if default_yes else no``: the usual answer
        if not ast.unparse(default).lower().endswith("no"):
            wrong.append(f"{file}: {title!r} defaults to {ast.unparse(default)}")
    assert not wrong, wrong
