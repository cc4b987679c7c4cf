"""The shared machine actions, on every table that lists machines, driven offscreen.

The machines list, search results, the machines of a software and the targets of a
package all right-click into the same actions (``views.widgets.machine_actions``).
Writes go through the real worker into SQLite and MariaDB and are checked in SQL.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.filters import IdsFilter
from ocs_desktop.fleet.machines import MACHINE_COLUMNS
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.packager.activation import activate
from ocs_desktop.packager.assignment import assign
from ocs_desktop.packager.build import build_package, record_package
from ocs_desktop.packager.spec import PackageSpec
from ocs_desktop.packager.status import package_status
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.deployment.settings import PACKAGES
from ocs_desktop.views.deployment.status_panel import StatusPanel
from ocs_desktop.views.fleet.machines_page import MachinesPage
from ocs_desktop.views.fleet.search_page import RESULT_COLUMNS, SearchPage
from ocs_desktop.views.fleet.software_page import SoftwarePage
from ocs_desktop.views.qt import QtCore, QtWidgets
from ocs_desktop.views.settings import QUICK_FILTER_DELAY
from ocs_desktop.views.widgets import machine_actions
from ocs_desktop.views.widgets.machine_actions import MachineActions
from ocs_desktop.views.widgets.package_chooser import PackageChooserDialog
from tests.support.console_context import checked_context, console_settings, fetch_all, idle
from tests.support.console_fleet import FleetFacts

# A popped-up menu on the offscreen platform: it cannot raise it or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)

YES = QtWidgets.QMessageBox.StandardButton.Yes


@pytest.fixture
def context(
    qtbot: QtBot, fleet: tuple[Engine, FleetFacts], tmp_path: Path
) -> Iterator[ConsoleContext]:
    settings = console_settings(tmp_path, (QUICK_FILTER_DELAY, 0))
    with checked_context(fleet[0], "test fleet", settings) as context:
        yield context


def select_rows(view: QtWidgets.QAbstractItemView, actions: MachineActions, ids: set[int]) -> None:
    """Select the rows of ``ids``, then check the page's selection provider sees them."""
    model: Any = view.model()  # a MachinesModel or the deployment's StatusModel
    selection = QtCore.QItemSelection()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.ids_for([index])[0] in ids:
            selection.select(index, index)
    view.selectionModel().select(
        selection,
        QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QtCore.QItemSelectionModel.SelectionFlag.Rows,
    )
    assert set(actions.ids()) == ids


def right_click(view: QtWidgets.QAbstractItemView) -> QtWidgets.QMenu:
    """Emit the view's right-click; return the menu it popped up (the caller closes it)."""
    assert QtWidgets.QApplication.activePopupWidget() is None
    view.customContextMenuRequested.emit(QtCore.QPoint(5, 5))
    menu = QtWidgets.QApplication.activePopupWidget()
    assert isinstance(menu, QtWidgets.QMenu) and menu.isVisible()
    return menu


def entries(menu: QtWidgets.QMenu) -> list[str]:
    """Non-separator entries, the submenu by its title, with its own entries."""
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QtWidgets.QMenu):
            texts.append(f"{sub.title()} ▸ " + " | ".join(entries(sub)))
        else:
            texts.append(action.text())
    return texts


def group_members(engine: Engine, name: str) -> set[int]:
    with engine.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT c.HARDWARE_ID FROM groups_cache c "
                    "JOIN hardware g ON g.ID = c.GROUP_ID "
                    "WHERE g.NAME = :n AND g.DEVICEID = '_SYSTEMGROUP_' AND c.STATIC = 1"
                ),
                {"n": name},
            ).scalars()
        )


def static_group_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT COUNT(*) FROM hardware h JOIN `groups` g ON g.HARDWARE_ID = h.ID "
                    "WHERE h.DEVICEID = '_SYSTEMGROUP_' "
                    "AND COALESCE(g.REQUEST, '') = '' AND COALESCE(g.XMLDEF, '') = ''"
                )
            ).scalar()
            or 0
        )


def search_page(qtbot: QtBot, context: ConsoleContext) -> SearchPage:
    page = SearchPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.set_search(Search((Criterion("hardware.NAME", Operator.starts_with, "pc-"),)))
    page.run()
    fetch_all(context, page.model)
    return page


def software_page(qtbot: QtBot, context: ConsoleContext, facts: FleetFacts) -> SoftwarePage:
    """The Software page, its machines pane listing the whole fleet."""
    page = SoftwarePage(context)
    qtbot.addWidget(page)
    page.set_machines_filter(IdsFilter.of(facts.ids_by_name.values()))
    fetch_all(context, page.machines_model)
    return page


def built_package(engine: Engine, tmp_path: Path) -> str:
    """A package built, recorded and activated; its FILEID."""
    (tmp_path / "tool.sh").write_bytes(b"echo tool\n")
    spec = PackageSpec(name="Tool", os="linux", action="execute", command="sh tool.sh")
    built = build_package(spec, [tmp_path / "tool.sh"], tmp_path / "store")
    with engine.begin() as conn:
        record_package(conn, built)
        activate(conn, built.fileid, "srv/download", "srv/download")
    return built.fileid


def targets_panel(
    qtbot: QtBot, context: ConsoleContext, engine: Engine, fileid: str, targets: set[int]
) -> StatusPanel:
    """The Deployment page's status panel of package ``fileid``, assigned to ``targets``."""
    panel = StatusPanel(context)
    qtbot.addWidget(panel)
    with engine.begin() as conn:
        assign(conn, fileid, sorted(targets))
        panel.show_status(package_status(conn, fileid))
    return panel


SHARED = [
    "&Open",
    "Set &TAG…",
    "Set admin &field…",
    "Add to static &group ▸ &New group from selection…",
    "&Assign a package…",
    "&Delete…",
    "E&xport selection to CSV…",
]


# --- the same menu everywhere ------------------------------------------------------------------
def test_every_machine_table_right_clicks_into_the_shared_actions(
    qtbot: QtBot,
    context: ConsoleContext,
    fleet: tuple[Engine, FleetFacts],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    engine, facts = fleet
    chosen = {facts.ids_by_name["pc-000001"], facts.ids_by_name["pc-000003"]}

    machines = MachinesPage(context)
    qtbot.addWidget(machines)
    fetch_all(context, machines.model)
    search = search_page(qtbot, context)
    software = software_page(qtbot, context, facts)
    panel = targets_panel(qtbot, context, engine, built_package(engine, tmp_path), chosen)
    idle(context)

    places: list[tuple[str, QtWidgets.QAbstractItemView, MachineActions]] = [
        ("machines", machines.view, machines.machine_actions),
        ("search", search.results, search.machine_actions),
        ("software", software.machines, software.machine_actions),
        ("package targets", panel.view, panel.machine_actions),
    ]
    for place, view, actions in places:
        select_rows(view, actions, chosen)
        menu = right_click(view)
        shown = entries(menu)
        assert [t for t in shown if t in SHARED] == SHARED, place
        assert all(a.isEnabled() for a in actions.actions()), place
        extra = {"machines": ["&Merge as duplicates…", "&Export to CSV…"]}.get(place, [])
        assert [t for t in shown if t not in SHARED] == extra, place
        menu.close()
        view.clearSelection()
        assert not any(a.isEnabled() for a in actions.actions()), place

    # One set of shortcuts per table, live only while that table has the focus.
    sequences = [
        a.shortcut().toString() for a in places[0][2].actions() if not a.shortcut().isEmpty()
    ]
    assert sequences == ["Ctrl+T", "Ctrl+Shift+F", "Ctrl+G", "Ctrl+Shift+P", "Ctrl+Shift+E", "Del"]
    for _place, view, actions in places:
        for action in actions.actions()[1:]:
            assert action in view.actions()
            assert action.shortcutContext() == QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert machine_actions.PACKAGES == PACKAGES


# --- writes ------------------------------------------------------------------------------------
def test_new_group_from_search_results_without_any_static_group(
    qtbot: QtBot,
    context: ConsoleContext,
    fleet: tuple[Engine, FleetFacts],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine, facts = fleet
    assert static_group_count(engine) == 0
    page = search_page(qtbot, context)
    chosen = {facts.ids_by_name["pc-000002"], facts.ids_by_name["pc-000004"]}
    select_rows(page.results, page.machine_actions, chosen)
    menu = right_click(page.results)
    [submenu] = [a.menu() for a in menu.actions() if isinstance(a.menu(), QtWidgets.QMenu)]
    assert submenu.isEnabled()
    [new_group] = [a for a in submenu.actions() if a.text() == "&New group from selection…"]
    assert new_group.isEnabled()
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *args: ("Lab & tests", True))
    with qtbot.waitSignal(context.changed, timeout=20_000) as changed:
        new_group.trigger()
    menu.close()
    assert changed.args == ["groups"]
    idle(context)
    assert static_group_count(engine) == 1
    assert group_members(engine, "Lab & tests") == chosen
    # The next menu lists the new group (escaped, so "&" is not a mnemonic).
    later = right_click(page.results)
    [submenu] = [a.menu() for a in later.actions() if isinstance(a.menu(), QtWidgets.QMenu)]
    assert [a.text() for a in submenu.actions()] == [
        "Lab && tests",
        "",
        "&New group from selection…",
    ]
    another = {facts.ids_by_name["pc-000005"]}
    select_rows(page.results, page.machine_actions, another)
    submenu.actions()[0].trigger()
    later.close()
    idle(context)
    assert group_members(engine, "Lab & tests") == chosen | another


def test_set_tag_from_search_results(
    qtbot: QtBot,
    context: ConsoleContext,
    fleet: tuple[Engine, FleetFacts],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine, facts = fleet
    page = search_page(qtbot, context)
    chosen = {facts.ids_by_name["pc-000000"], facts.ids_by_name["pc-000006"]}
    others = set(facts.ids_by_name.values()) - chosen
    with engine.connect() as conn:
        before = dict(conn.execute(text("SELECT HARDWARE_ID, TAG FROM accountinfo")).all())
    select_rows(page.results, page.machine_actions, chosen)
    monkeypatch.setattr(QtWidgets.QInputDialog, "getItem", lambda *args: (" ROME ", True))
    page.machine_actions.set_tag_action.trigger()
    idle(context)
    with engine.connect() as conn:
        after = dict(conn.execute(text("SELECT HARDWARE_ID, TAG FROM accountinfo")).all())
    assert {after[i] for i in chosen} == {"ROME"}
    assert {i: after.get(i) for i in others} == {i: before.get(i) for i in others}


def test_assign_a_package_from_the_software_pane(
    qtbot: QtBot,
    context: ConsoleContext,
    fleet: tuple[Engine, FleetFacts],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    engine, facts = fleet
    fileid = built_package(engine, tmp_path)
    page = software_page(qtbot, context, facts)
    chosen = {facts.ids_by_name["vm"], facts.ids_by_name["pc-000007"]}
    select_rows(page.machines, page.machine_actions, chosen)
    listed: list[list[str]] = []

    def choose(dialog: PackageChooserDialog) -> int:
        qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=20_000)
        listed.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        return int(QtWidgets.QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(PackageChooserDialog, "exec", choose)
    with qtbot.waitSignal(context.changed, timeout=20_000) as changed:
        page.machine_actions.assign_action.trigger()
    assert changed.args == [PACKAGES]
    assert listed == [[f"Tool ({fileid})"]]
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT d.HARDWARE_ID, d.TVALUE FROM devices d "
                "JOIN download_enable e ON e.ID = d.IVALUE "
                "WHERE d.NAME = 'DOWNLOAD' AND e.FILEID = :f"
            ),
            {"f": fileid},
        ).all()
    assert sorted(rows) == sorted((i, None) for i in chosen)


def test_delete_and_export_from_the_package_targets(
    qtbot: QtBot,
    context: ConsoleContext,
    fleet: tuple[Engine, FleetFacts],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    engine, facts = fleet
    fileid = built_package(engine, tmp_path)
    targets = {facts.ids_by_name[n] for n in ("pc-000001", "pc-000002", "pc-000003")}
    panel = targets_panel(qtbot, context, engine, fileid, targets)
    actions = panel.machine_actions

    exported = {facts.ids_by_name["pc-000001"], facts.ids_by_name["pc-000003"]}
    select_rows(panel.view, actions, exported)
    target = tmp_path / "selection.csv"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    with qtbot.waitSignal(actions.exported, timeout=20_000) as done:
        actions.export_action.trigger()
    assert done.args == [2, str(target)]
    with target.open(newline="", encoding="utf-8-sig") as stream:
        parsed = list(csv.reader(stream))
    assert parsed[0][0] == MACHINE_COLUMNS["name"].label
    assert sorted(row[0] for row in parsed[1:]) == ["pc-000001", "pc-000003"]
    assert not list(tmp_path.glob("*.part"))

    doomed = {facts.ids_by_name["pc-000002"]}
    select_rows(panel.view, actions, doomed)
    asked: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox,
        "question",
        lambda parent, title, message, *rest: asked.append(message) or YES,
    )
    actions.delete_action.trigger()
    idle(context)
    assert asked == ["Delete 1 machine(s) and all their inventory? This cannot be undone."]
    with engine.connect() as conn:
        for table, key in (
            ("hardware", "ID"),
            ("accountinfo", "HARDWARE_ID"),
            ("devices", "HARDWARE_ID"),
        ):
            left = conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE {key} = :h"), {"h": min(doomed)}
            ).scalar()
            assert left == 0, table
        kept = conn.execute(text("SELECT COUNT(*) FROM hardware WHERE ID IN (:a, :b)"),
                            dict(zip("ab", sorted(exported), strict=True))).scalar()  # fmt: skip
    assert kept == 2


def test_search_results_export_uses_the_result_columns(
    qtbot: QtBot, context: ConsoleContext, fleet: tuple[Engine, FleetFacts], tmp_path: Path
) -> None:
    _engine, facts = fleet
    page = search_page(qtbot, context)
    chosen = {facts.ids_by_name["pc-000004"]}
    select_rows(page.results, page.machine_actions, chosen)
    target = tmp_path / "one.csv"
    with qtbot.waitSignal(page.machine_actions.exported, timeout=20_000):
        assert page.machine_actions.export_csv(target) is not None
    with target.open(newline="", encoding="utf-8-sig") as stream:
        header, *rows = list(csv.reader(stream))
    assert header == [MACHINE_COLUMNS[k].label for k in RESULT_COLUMNS]
    assert [row[0] for row in rows] == ["pc-000004"]
