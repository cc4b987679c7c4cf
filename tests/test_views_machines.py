"""The machines list, the machine detail pane and the TAGs page, driven offscreen.

Every test runs the real widgets over the small fleet of ``console_fleet`` (SQLite and
MariaDB) through the real worker; expectations come from FleetFacts or direct SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet import groups
from ocs_desktop.fleet.filters import TagFilter
from ocs_desktop.fleet.machine_detail import CATEGORIES
from ocs_desktop.fleet.machines import MACHINE_COLUMNS, MachineQuery, fetch_machines
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.field_format import format_field
from ocs_desktop.views.fleet.machine_detail_pane import MachineDetailPane
from ocs_desktop.views.fleet.machines_model import MachineIdRole, MachinesModel
from ocs_desktop.views.fleet.machines_page import MachinesPage
from ocs_desktop.views.fleet.tags_page import TagsPage
from ocs_desktop.views.qt import Qt, QtCore, QtWidgets
from ocs_desktop.views.settings import (
    MACHINE_COLUMNS as COLUMNS_OPTION,
)
from ocs_desktop.views.settings import (
    PAGE_SIZE,
    QUICK_FILTER_DELAY,
    Settings,
)
from ocs_desktop.views.widgets.mime import MACHINE_IDS_MIME, decode_ids, encode_ids
from tests.support.console_context import checked_context, console_settings, fetch_all, idle
from tests.support.console_fleet import FleetFacts

ROOT = QtCore.QModelIndex()
YES = QtWidgets.QMessageBox.StandardButton.Yes
NO = QtWidgets.QMessageBox.StandardButton.No


@pytest.fixture
def settings(qtbot: QtBot, tmp_path: Path) -> Settings:
    # Smaller than the fleet, so listing it takes several pages.
    return console_settings(tmp_path, (PAGE_SIZE, 4), (QUICK_FILTER_DELAY, 100))


@pytest.fixture
def context(
    qtbot: QtBot, fleet: tuple[Engine, FleetFacts], settings: Settings
) -> Iterator[ConsoleContext]:
    with checked_context(fleet[0], "test fleet", settings) as context:
        yield context


@pytest.fixture
def facts(fleet: tuple[Engine, FleetFacts]) -> FleetFacts:
    return fleet[1]


@pytest.fixture
def db(fleet: tuple[Engine, FleetFacts]) -> Engine:
    return fleet[0]


def make_page(qtbot: QtBot, context: ConsoleContext) -> MachinesPage:
    page = MachinesPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    idle(context)
    return page


def listed_ids(model: MachinesModel) -> list[int]:
    return [model.index(r, 0).data(MachineIdRole) for r in range(model.rowCount())]


def select_ids(page: MachinesPage, ids: set[int]) -> None:
    selection = QtCore.QItemSelection()
    for row, machine_id in enumerate(listed_ids(page.model)):
        if machine_id in ids:
            index = page.model.index(row, 0)
            selection.select(index, index)
    page.view.selectionModel().select(
        selection,
        QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QtCore.QItemSelectionModel.SelectionFlag.Rows,
    )
    assert set(page.selected_ids()) == ids


def sql_tags(engine: Engine, ids: list[int]) -> dict[int, str | None]:
    with engine.connect() as conn:
        return {
            i: conn.execute(
                text("SELECT TAG FROM accountinfo WHERE HARDWARE_ID = :id"), {"id": i}
            ).scalar()
            for i in ids
        }


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


# --- the machines list -----------------------------------------------------------------------
def test_list_pages_through_the_whole_fleet(
    qtbot: QtBot, qtmodeltester: Any, context: ConsoleContext, facts: FleetFacts
) -> None:
    model = MachinesModel(context)
    model.set_query(MachineQuery())
    idle(context)
    assert model.page_size == 4 < len(facts.ids_by_name)
    assert model.rowCount() == 4, "the first read loads one page, not the table"
    assert model.total() == len(facts.ids_by_name)
    qtmodeltester.check(model)
    fetch_all(context, model)
    assert sorted(listed_ids(model)) == sorted(facts.ids_by_name.values())
    assert not model.canFetchMore(ROOT)

    # The page's view asks for more pages by itself as it needs rows to show.
    page = make_page(qtbot, context)
    page.show()
    qtbot.waitUntil(lambda: not page.model.canFetchMore(ROOT) and not page.model.is_loading())
    assert sorted(listed_ids(page.model)) == sorted(facts.ids_by_name.values())
    assert page.count_label.text() == f"{len(facts.ids_by_name)} machine(s)"


def test_sort_by_name_descending_is_the_reverse(
    qtbot: QtBot, context: ConsoleContext, db: Engine
) -> None:
    page = make_page(qtbot, context)
    column = page.model.columns().index("name")
    page.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert page.model.query().sort_key == "name" and page.model.query().descending
    fetch_all(context, page.model)
    with db.connect() as conn:
        ascending = fetch_machines(conn, MachineQuery(sort_key="name"), 0, 1000)
    assert [m.name for m in page.model.loaded_rows()] == [m.name for m in reversed(ascending)]
    assert listed_ids(page.model) == [m.id for m in reversed(ascending)]


def test_quick_filter_waits_for_a_pause_then_filters(
    qtbot: QtBot, context: ConsoleContext, db: Engine, facts: FleetFacts
) -> None:
    page = make_page(qtbot, context)
    started: list[bool] = []

    def count_start(busy: bool) -> None:
        if busy:
            started.append(busy)

    page.model.loadingChanged.connect(count_start)
    name = sorted(n for n in facts.ids_by_name if n.startswith("pc-"))[3]
    typed = name.upper()  # the filter ignores case
    qtbot.keyClicks(page.quick_filter, typed)
    assert started == [], "no query while the user is still typing"
    qtbot.waitUntil(lambda: page.model.query().quick_filter == typed, timeout=5000)
    fetch_all(context, page.model)
    assert len(started) == 1, "one query for the whole word"
    with db.connect() as conn:
        expected = set(
            conn.execute(
                text(
                    "SELECT h.ID FROM hardware h"
                    " LEFT JOIN accountinfo a ON a.HARDWARE_ID = h.ID"
                    " LEFT JOIN bios b ON b.HARDWARE_ID = h.ID"
                    " WHERE h.DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"
                    " AND (LOWER(h.NAME) LIKE :p OR LOWER(h.IPADDR) LIKE :p"
                    " OR LOWER(h.USERID) LIKE :p OR LOWER(b.SSN) LIKE :p"
                    " OR LOWER(a.TAG) LIKE :p)"
                ),
                {"p": name.lower() + "%"},
            ).scalars()
        )
    assert facts.ids_by_name[name] in expected
    assert set(listed_ids(page.model)) == expected

    page.quick_filter.clear()
    qtbot.keyClicks(page.quick_filter, "lyo")
    qtbot.waitUntil(lambda: page.model.query().quick_filter == "lyo", timeout=5000)
    fetch_all(context, page.model)
    lyon = {facts.ids_by_name[n] for n, tag in facts.tag_by_name.items() if tag == "LYON"}
    assert set(listed_ids(page.model)) == lyon


def test_show_filter_by_tag_and_clear(
    qtbot: QtBot, context: ConsoleContext, facts: FleetFacts
) -> None:
    page = make_page(qtbot, context)
    page.show_filter(TagFilter("PARIS"), "PARIS machines")
    idle(context)
    paris = {facts.ids_by_name[n] for n, tag in facts.tag_by_name.items() if tag == "PARIS"}
    assert page.model.total() == len(paris)
    fetch_all(context, page.model)
    assert set(listed_ids(page.model)) == paris
    assert page.banner.isVisibleTo(page)
    assert "PARIS machines" in page.banner_label.text()
    qtbot.mouseClick(page.clear_filter_button, Qt.MouseButton.LeftButton)
    idle(context)
    assert not page.banner.isVisibleTo(page)
    assert page.model.total() == len(facts.ids_by_name)


def test_columns_are_chosen_and_remembered(
    qtbot: QtBot, context: ConsoleContext, settings: Settings, facts: FleetFacts
) -> None:
    page = make_page(qtbot, context)
    page.set_visible_columns(["name", "memory", "tag"])
    assert page.model.columns() == ("name", "memory", "tag")
    assert settings.get(COLUMNS_OPTION) == ["name", "memory", "tag"]
    page.toggle_column("ssn", True)
    assert page.model.columns() == ("name", "memory", "tag", "ssn")
    menu = page.build_column_menu()
    checked = {a.text() for a in menu.actions() if a.isCheckable() and a.isChecked()}
    assert checked == {page.model.column_label(k) for k in ("name", "memory", "tag", "ssn")}
    page.toggle_column("memory", False)
    assert page.model.columns() == ("name", "tag", "ssn")
    page.toggle_column("memory", True)
    # A column comes back at its place in the catalogue.
    assert page.model.columns() == ("name", "tag", "memory", "ssn")
    page.view.horizontalHeader().resizeSection(0, 321)
    page.save_layout()
    idle(context)

    # Memory reads with its unit, as everywhere in the console (field_format).
    row = page.model.row(0)
    column = page.model.columns().index("memory")
    assert row.memory is not None
    shown = page.model.index(0, column).data()
    assert shown == format_field(row.memory, "mib")[0]
    assert shown.endswith(("MiB", "GiB"))

    again = make_page(qtbot, context)
    assert again.model.columns() == ("name", "tag", "memory", "ssn")
    assert again.view.horizontalHeader().sectionSize(0) == 321


def test_mime_data_carries_the_selected_ids(
    qtbot: QtBot, context: ConsoleContext, facts: FleetFacts
) -> None:
    page = make_page(qtbot, context)
    fetch_all(context, page.model)
    wanted = {facts.ids_by_name["vm"], facts.ids_by_name["pc-000004"]}
    select_ids(page, wanted)
    model = page.model
    assert model.mimeTypes() == [MACHINE_IDS_MIME]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    data = model.mimeData(page.view.selectionModel().selectedIndexes())
    assert sorted(decode_ids(data)) == sorted(wanted)


# --- actions on a selection --------------------------------------------------------------------
def test_set_tag_of_a_selection(
    qtbot: QtBot, context: ConsoleContext, db: Engine, facts: FleetFacts
) -> None:
    page = make_page(qtbot, context)
    fetch_all(context, page.model)
    chosen = {facts.ids_by_name[n] for n in ("pc-000000", "pc-000001", "vm")}
    others = sorted(set(facts.ids_by_name.values()) - chosen)
    before = sql_tags(db, others)
    select_ids(page, chosen)
    assert page.set_tag_for_selection("ROME") is not None
    idle(context)
    assert set(sql_tags(db, sorted(chosen)).values()) == {"ROME"}
    assert sql_tags(db, others) == before
    tag_column = page.model.columns().index("tag")
    shown = {
        page.model.index(r, 0).data(MachineIdRole): page.model.index(r, tag_column).data()
        for r in range(page.model.rowCount())
    }
    assert {shown[i] for i in chosen} == {"ROME"}, "the list refreshed after the write"


def test_delete_asks_then_removes_from_db_and_list(
    qtbot: QtBot,
    context: ConsoleContext,
    db: Engine,
    facts: FleetFacts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, context)
    fetch_all(context, page.model)
    doomed = {facts.ids_by_name["pc-000002"], facts.ids_by_name["pc-000005"]}
    select_ids(page, doomed)

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *args: NO)
    assert page.delete_selection() is None
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *args: YES)
    assert page.delete_selection() is not None
    idle(context)
    fetch_all(context, page.model)

    with db.connect() as conn:
        for table in ("hardware", "software", "accountinfo", "bios"):
            key = "ID" if table == "hardware" else "HARDWARE_ID"
            left = conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE {key} IN (:a, :b)"),
                dict(zip("ab", sorted(doomed), strict=True)),
            ).scalar()
            assert left == 0, table
    assert set(listed_ids(page.model)) == set(facts.ids_by_name.values()) - doomed
    assert page.model.total() == len(facts.ids_by_name) - 2


def test_csv_export_reads_back_as_the_list(
    qtbot: QtBot, context: ConsoleContext, tmp_path: Path
) -> None:
    page = make_page(qtbot, context)
    page.set_visible_columns(["name", "tag", "osname", "memory", "lastdate"])
    target = tmp_path / "machines.csv"
    with qtbot.waitSignal(page.exported, timeout=20_000) as blocker:
        task = page.export_csv(target)
        assert task is not None
    fetch_all(context, page.model)
    rows = page.model.loaded_rows()
    assert blocker.args == [len(rows), str(target)]
    with target.open(newline="", encoding="utf-8-sig") as stream:
        parsed = list(csv.reader(stream))
    columns = page.export_columns()
    assert parsed[0] == [MACHINE_COLUMNS[k].label for k in columns]
    assert parsed[1:] == [[csv_value(row.value(k)) for k in columns] for row in rows]
    assert not list(tmp_path.glob("*.part"))


def test_add_selection_to_a_static_group(
    qtbot: QtBot, context: ConsoleContext, db: Engine, facts: FleetFacts
) -> None:
    with db.begin() as conn:
        group_id = groups.create_static_group(conn, "Lab")
    page = make_page(qtbot, context)
    fetch_all(context, page.model)
    chosen = {facts.ids_by_name["pc-000003"], facts.ids_by_name["pc-000006"]}
    select_ids(page, chosen)
    menu = page.build_row_menu()
    group_menu = next(m for a in menu.actions() if isinstance(m := a.menu(), QtWidgets.QMenu))
    assert [a.text() for a in group_menu.actions()] == ["Lab", "", "&New group from selection…"]
    group_menu.actions()[0].trigger()
    idle(context)
    with db.connect() as conn:
        members = set(
            conn.execute(
                text("SELECT HARDWARE_ID FROM groups_cache WHERE GROUP_ID = :g AND STATIC = 1"),
                {"g": group_id},
            ).scalars()
        )
    assert members == chosen


# --- the machine detail pane ---------------------------------------------------------------------
def sql_count(engine: Engine, table: str, hardware_id: int) -> int:
    key = "ID" if table == "hardware" else "HARDWARE_ID"
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE {key} = :id"), {"id": hardware_id}
            ).scalar_one()
        )


def test_open_machine_shows_categories_with_sql_counts(
    qtbot: QtBot,
    qtmodeltester: Any,
    context: ConsoleContext,
    db: Engine,
    facts: FleetFacts,
) -> None:
    page = make_page(qtbot, context)
    pane = MachineDetailPane(context)
    qtbot.addWidget(pane)
    qtmodeltester.check(pane.categories)
    qtmodeltester.check(pane.rows)
    context.openMachine.connect(pane.show_machine)
    fetch_all(context, page.model)
    row = listed_ids(page.model).index(facts.sample_id)
    page.view.setCurrentIndex(page.model.index(row, 0))
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert pane.machine_id == facts.sample_id
    assert pane.title.text() == "vm"

    model = pane.categories
    machine = model.machine_index()
    assert model.rowCount() == 1 and machine.data() == "vm"
    assert model.rowCount(machine) == len(CATEGORIES)
    for row_number, category in enumerate(CATEGORIES):
        if category.key == "admin":
            continue
        expected = sql_count(db, category.table, facts.sample_id)
        assert model.count(category.key) == expected, category.key
        shown = model.index(row_number, 1, machine).data()
        assert shown == QtCore.QLocale().toString(expected)
        greyed = model.index(row_number, 0, machine).data(Qt.ItemDataRole.ForegroundRole)
        assert (greyed is not None) == (expected == 0), category.key
        components = model.rowCount(model.index(row_number, 0, machine))
        one_row = category.key in ("hardware", "bios")
        assert components == (0 if one_row else expected), category.key
    software = sql_count(db, "software", facts.sample_id)
    assert software > 100

    pane.select_category("software")
    assert pane.stack.currentWidget() is pane.table
    assert pane.proxy.rowCount() == software
    assert "NAME" in pane.rows.columns()
    with db.connect() as conn:
        some_name = (
            conn.execute(
                text(
                    "SELECT n.NAME FROM software s JOIN software_name n ON n.ID = s.NAME_ID"
                    " WHERE s.HARDWARE_ID = :id ORDER BY n.NAME"
                ),
                {"id": facts.sample_id},
            )
            .scalars()
            .first()
        )
    name_column = pane.rows.columns().index("NAME")
    names = {pane.rows.index(r, name_column).data() for r in range(pane.rows.rowCount())}
    assert some_name in names
    # Sorting by a column happens in the view, over the loaded rows.
    pane.table.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    first = pane.proxy.index(0, name_column).data()
    assert first == max(names, key=lambda n: n.casefold())


def test_admin_form_saves_the_tag(
    qtbot: QtBot, context: ConsoleContext, db: Engine, facts: FleetFacts
) -> None:
    pane = MachineDetailPane(context)
    qtbot.addWidget(pane)
    machine = facts.ids_by_name["pc-000001"]
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        pane.show_machine(machine)
    pane.select_category("admin")
    assert pane.stack.currentWidget() is pane.admin_form
    editor = pane.admin_editors["TAG"]
    assert editor.text() == facts.tag_by_name["pc-000001"]
    editor.clear()
    qtbot.keyClicks(editor, "BERLIN")
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    idle(context)
    assert sql_tags(db, [machine]) == {machine: "BERLIN"}
    assert pane.admin_editors["TAG"].text() == "BERLIN", "reloaded after the save"
    assert pane.current_category() == "admin", "the category survives the reload"


def test_pane_deletes_its_machine_after_confirmation(
    qtbot: QtBot,
    context: ConsoleContext,
    db: Engine,
    facts: FleetFacts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pane = MachineDetailPane(context)
    qtbot.addWidget(pane)
    machine = facts.ids_by_name["pc-000007"]
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        pane.show_machine(machine)
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *args: YES)
    with qtbot.waitSignal(pane.machineDeleted, timeout=20_000) as blocker:
        pane.delete_machine()
    idle(context)
    assert blocker.args == [machine]
    assert sql_count(db, "hardware", machine) == 0
    assert sql_count(db, "software", machine) == 0
    assert pane.machine_id is None
    assert not pane.delete_button.isEnabled()


# --- the TAGs page ---------------------------------------------------------------------------
def test_tags_page_counts_filter_and_drop(
    qtbot: QtBot,
    qtmodeltester: Any,
    context: ConsoleContext,
    db: Engine,
    facts: FleetFacts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = TagsPage(context)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    idle(context)
    counts = {entry.tag: entry.count for entry in page.model.counts()}
    assert counts == dict(Counter(facts.tag_by_name.values()))

    proxy = page.proxy
    rows = {page.tag_at(proxy.index(r, 0)).tag: r for r in range(proxy.rowCount())}  # type: ignore[union-attr]

    # Double-click (activation) on a TAG lists its machines in the machines page.
    machines = make_page(qtbot, context)
    context.showMachines.connect(machines.show_filter)
    page.view.setCurrentIndex(proxy.index(rows["PARIS"], 0))
    with qtbot.waitSignal(context.showMachines, timeout=5000) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert blocker.args[0] == TagFilter("PARIS")
    idle(context)
    assert machines.model.total() == counts["PARIS"]

    # Dropping two PARIS machines on LYON sets their TAG once the user agrees.
    paris = sorted(facts.ids_by_name[n] for n, t in facts.tag_by_name.items() if t == "PARIS")
    moved = paris[:2]
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *args: YES)
    target = proxy.index(rows["LYON"], 0)
    data = encode_ids(moved)
    assert proxy.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    assert not proxy.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, ROOT)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        assert proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    idle(context)
    assert set(sql_tags(db, moved).values()) == {"LYON"}
    after = {entry.tag: entry.count for entry in page.model.counts()}
    assert after["LYON"] == counts["LYON"] + 2
    assert after.get("PARIS", 0) == counts["PARIS"] - 2
    assert machines.model.total() == counts["PARIS"] - 2, "the filtered list refreshed"
