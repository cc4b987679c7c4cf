"""Groups, search, software and dashboard pages, driven offscreen on the real small fleet.

Every expected set or count is computed here with plain SQL on the fixture's database
(SQLite and MariaDB), never taken from the code under test.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select, text, update

from ocs_desktop.fleet.dashboard import UNKNOWN_LABEL
from ocs_desktop.fleet.machines import MachineQuery, count_machines
from ocs_desktop.fleet.search import SEARCH_FIELDS, Criterion, Operator, Search
from ocs_desktop.fleet.software_catalog import SoftwareFilter
from ocs_desktop.models import Group, Hardware
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.dashboard_page import CHART_KEYS, DashboardPage
from ocs_desktop.views.fleet.groups_page import COLUMNS, GroupsPage
from ocs_desktop.views.fleet.search_page import FIELD_WORDS, SearchPage, field_parts
from ocs_desktop.views.fleet.software_page import SoftwarePage
from ocs_desktop.views.qt import Qt, QtCore
from ocs_desktop.views.widgets.mime import encode_ids
from tests.support.console_context import console_settings
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


@pytest.fixture
def context(fleet: Fleet, tmp_path: Path, qtbot: QtBot) -> Iterator[ConsoleContext]:
    engine, _ = fleet
    context = ConsoleContext(engine, "test", console_settings(tmp_path))
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(10_000)


def settle(context: ConsoleContext) -> None:
    """Let every background read/write (and the reads they start) deliver."""
    assert context.runner.wait_idle(20_000), "background tasks did not finish"


def ids_of(engine: Engine, sql: str, **params: object) -> set[int]:
    with engine.connect() as conn:
        return {int(row[0]) for row in conn.execute(text(sql), params)}


def machines_with_software(engine: Engine, name: str) -> set[int]:
    return ids_of(
        engine,
        "SELECT s.HARDWARE_ID FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
        "WHERE LOWER(n.NAME) = LOWER(:name)",
        name=name,
    )


def all_machines(engine: Engine) -> set[int]:
    return ids_of(
        engine,
        "SELECT ID FROM hardware WHERE DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')",
    )


def cache_rows(engine: Engine, group_id: int) -> set[tuple[int, int]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT HARDWARE_ID, STATIC FROM groups_cache WHERE GROUP_ID = :g"),
            {"g": group_id},
        )
        return {(int(h), int(s)) for h, s in rows}


def group_id_named(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT ID FROM hardware WHERE DEVICEID = '_SYSTEMGROUP_' AND NAME = :n"),
                {"n": name},
            ).scalar_one()
        )


# --- groups --------------------------------------------------------------------------------


def test_static_group_by_drop_rename_delete(
    qtbot: QtBot, qtmodeltester, fleet: Fleet, context: ConsoleContext
) -> None:
    engine, facts = fleet
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.create_static("Paris desks")
    settle(context)
    group_id = group_id_named(engine, "Paris desks")
    row = page.model.row_of(group_id)
    assert row is not None
    assert page.selected_group() is not None and page.selected_group().id == group_id
    qtmodeltester.check(page.model)

    wanted = {facts.ids_by_name[n] for n in facts.tag_by_name if facts.tag_by_name[n] == "PARIS"}
    index = page.model.index(row, 0)
    data = encode_ids(sorted(wanted))
    assert page.model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, index)
    # Between rows there is no group to drop on.
    assert not page.model.canDropMimeData(
        data, Qt.DropAction.CopyAction, 0, 0, QtCore.QModelIndex()
    )
    with qtbot.waitSignal(page.model.machinesDropped) as dropped:
        assert page.model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, index)
    assert dropped.args == [group_id, sorted(wanted)]
    settle(context)
    assert cache_rows(engine, group_id) == {(i, 1) for i in wanted}
    row = page.model.row_of(group_id)
    assert row is not None
    assert page.model.index(row, COLUMNS.index("members")).data() == len(wanted)
    qtmodeltester.check(page.model)

    with qtbot.waitSignal(context.showMachines) as shown:
        page.show_members(group_id)
    with engine.connect() as conn:
        assert count_machines(conn, MachineQuery(filter=shown.args[0])) == len(wanted)

    leaving = min(wanted)
    page.remove_members(group_id, [leaving])
    settle(context)
    assert cache_rows(engine, group_id) == {(i, 1) for i in wanted - {leaving}}

    page.rename(group_id, "Paris office")
    settle(context)
    assert page.model.group(page.model.row_of(group_id)).name == "Paris office"  # type: ignore[arg-type]

    errors: list[str] = []
    context.error.connect(errors.append)
    page.create_static("paris OFFICE")  # names are unique, ignoring case
    settle(context)
    assert errors and len(page.model.groups()) == 1

    page.delete(group_id)
    settle(context)
    assert page.model.rowCount() == 0
    assert cache_rows(engine, group_id) == set()
    assert not ids_of(engine, "SELECT ID FROM hardware WHERE ID = :g", g=group_id)


# --- search --------------------------------------------------------------------------------


def test_every_search_field_label_is_marked_for_translation() -> None:
    parts = {part for f in SEARCH_FIELDS.values() for part in field_parts(f)}
    assert parts <= set(FIELD_WORDS)


def choose_software_pair(engine: Engine) -> tuple[str, str, set[int], set[int]]:
    """Two software names whose machine sets overlap without either containing the other.

    The fleet's name sets are nested (every machine has the first 150 packages, four have
    the rest), so one common package is removed from one machine of a partial package's
    set: then neither set contains the other and both hold their intersection.
    """
    machines = all_machines(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT n.NAME, COUNT(DISTINCT s.HARDWARE_ID) FROM software s "
                "JOIN software_name n ON n.ID = s.NAME_ID GROUP BY n.NAME ORDER BY n.NAME"
            )
        ).all()
    plain = [(name, count) for name, count in rows if name.isascii() and "_" not in name]
    everywhere = [name for name, count in plain if count == len(machines)]
    partial = [name for name, count in plain if 2 < count < len(machines)]
    a, b = partial[0], everywhere[0]
    victim = min(machines_with_software(engine, a))
    with engine.begin() as conn:
        conn.execute(
            text(
                "DELETE FROM software WHERE HARDWARE_ID = :h AND NAME_ID = "
                "(SELECT ID FROM software_name WHERE NAME = :n)"
            ),
            {"h": victim, "n": b},
        )
    return a, b, machines_with_software(engine, a), machines_with_software(engine, b)


def fill_row(qtbot: QtBot, page: SearchPage, number: int, field: str, op: Operator, value: str):
    row = page.rows[number]
    row.field_combo.setCurrentIndex(row.field_combo.findData(field, Qt.ItemDataRole.UserRole + 1))
    row.operator_combo.setCurrentIndex(row.operator_combo.findData(op.value))
    row.value_edit.clear()
    qtbot.keyClicks(row.value_edit, value)


def loaded_ids(page: SearchPage) -> set[int]:
    return {machine.id for machine in page.model.loaded_rows()}


def test_same_table_search_saved_as_dynamic_group_and_recomputed(
    qtbot: QtBot, qtmodeltester, fleet: Fleet, context: ConsoleContext, tmp_path: Path
) -> None:
    engine, _ = fleet
    a, b, having_a, having_b = choose_software_pair(engine)
    both = having_a & having_b
    assert both and both < having_a and both < having_b
    # What OCS asks: one software row named both A and B. There is none.
    single_join = ids_of(
        engine,
        "SELECT s.HARDWARE_ID FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
        "WHERE n.NAME = :a AND n.NAME = :b",
        a=a,
        b=b,
    )
    assert single_join == set()

    page = SearchPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(page.rows) == 2
    fill_row(qtbot, page, 0, "software.NAME", Operator.equals, a)
    fill_row(qtbot, page, 1, "software.NAME", Operator.equals, b)
    page.combine_combo.setCurrentIndex(page.combine_combo.findData("and"))
    expected_search = Search(
        (
            Criterion("software.NAME", Operator.equals, a),
            Criterion("software.NAME", Operator.equals, b),
        )
    )
    assert page.current_search() == expected_search
    with qtbot.waitSignal(page.model.loaded, timeout=20_000):
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    settle(context)
    assert loaded_ids(page) == both
    assert page.model.total() == len(both)
    assert str(len(both)) in page.count_label.text()
    qtmodeltester.check(page.model)

    # Value-less operators disable the value; "not" on a criterion is NOT EXISTS.
    row = page.rows[1]
    row.operator_combo.setCurrentIndex(row.operator_combo.findData(Operator.is_empty.value))
    assert not row.value_edit.isEnabled()
    fill_row(qtbot, page, 1, "software.NAME", Operator.equals, b)
    assert row.value_edit.isEnabled()
    row.negate_box.setChecked(True)
    page.run()
    settle(context)
    assert loaded_ids(page) == having_a - having_b
    row.negate_box.setChecked(False)
    page.set_search(expected_search)
    assert page.current_search() == expected_search
    page.run()
    settle(context)
    assert loaded_ids(page) == both

    with qtbot.waitSignal(context.showMachines) as shown:
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert shown.args[0] == expected_search

    target = tmp_path / "both.csv"
    page.export_csv(target)
    settle(context)
    with target.open(newline="", encoding="utf-8") as stream:
        exported = list(csv.reader(stream))
    with engine.connect() as conn:
        names = {
            conn.execute(select(Hardware.NAME).where(Hardware.ID == i)).scalar_one() for i in both
        }
    assert exported[0][0] == "Name"
    assert sorted(r[0] for r in exported[1:]) == sorted(names)

    # Save as a dynamic group: its cache holds exactly the result, as computed members.
    with qtbot.waitSignal(page.groupSaved, timeout=20_000) as saved:
        page.save_as_group("Has A and B")
    settle(context)
    group_id = saved.args[0]
    assert group_id == group_id_named(engine, "Has A and B")
    assert cache_rows(engine, group_id) == {(i, 0) for i in both}

    groups = GroupsPage(context)
    qtbot.addWidget(groups)
    # Pretend the cache was computed two hours ago, to watch its age move.
    two_hours_ago = int(time.time()) - 2 * 3600
    with engine.begin() as conn:
        conn.execute(
            update(Group).where(Group.HARDWARE_ID == group_id).values(CREATE_TIME=two_hours_ago)
        )
    groups.refresh()
    settle(context)
    row_number = groups.model.row_of(group_id)
    assert row_number is not None
    info = groups.model.group(row_number)
    assert info.kind == "dynamic" and info.search == expected_search and info.members == len(both)
    age_index = groups.model.index(row_number, COLUMNS.index("cache"))
    assert age_index.data() == groups.model.age_text(dt.datetime.fromtimestamp(two_hours_ago))
    assert "2" in age_index.data()
    qtmodeltester.check(groups.model)
    # A dynamic group takes no drops.
    assert not groups.model.canDropMimeData(
        encode_ids([1]), Qt.DropAction.CopyAction, -1, -1, groups.model.index(row_number, 0)
    )

    # The inventory changes: one machine of the result loses A.
    leaving = min(both)
    with engine.begin() as conn:
        conn.execute(
            text(
                "DELETE FROM software WHERE HARDWARE_ID = :h AND NAME_ID = "
                "(SELECT ID FROM software_name WHERE NAME = :n)"
            ),
            {"h": leaving, "n": a},
        )
    now_both = machines_with_software(engine, a) & machines_with_software(engine, b)
    assert now_both == both - {leaving}
    assert cache_rows(engine, group_id) == {(i, 0) for i in both}  # stale until recomputed

    groups.select_group(group_id)
    assert groups.recompute_action.isEnabled()
    groups.recompute_action.trigger()
    settle(context)
    assert cache_rows(engine, group_id) == {(i, 0) for i in now_both}
    row_number = groups.model.row_of(group_id)
    assert row_number is not None
    info = groups.model.group(row_number)
    assert info.members == len(now_both)
    assert info.cache_time is not None and info.cache_time.timestamp() > two_hours_ago + 3600
    assert groups.model.index(row_number, COLUMNS.index("cache")).data() == groups.model.tr(
        "just now"
    )
    with qtbot.waitSignal(context.showMachines) as shown:
        groups.show_members(group_id)
    with engine.connect() as conn:
        assert count_machines(conn, MachineQuery(filter=shown.args[0])) == len(now_both)

    # Removing a member of a dynamic group excludes it, and the exclusion outlives a recompute.
    excluded = min(now_both)
    groups.remove_members(group_id, [excluded])
    settle(context)
    groups.recompute(group_id)
    settle(context)
    assert cache_rows(engine, group_id) == {(i, 0) for i in now_both - {excluded}} | {(excluded, 2)}
    assert groups.model.group(groups.model.row_of(group_id)).members == len(now_both) - 1  # type: ignore[arg-type]


# --- software ------------------------------------------------------------------------------


def software_counts(engine: Engine) -> dict[tuple[int, int, int], int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT NAME_ID, PUBLISHER_ID, VERSION_ID, COUNT(*) FROM software "
                "GROUP BY NAME_ID, PUBLISHER_ID, VERSION_ID"
            )
        )
        return {(int(n), int(p), int(v)): int(c) for n, p, v, c in rows}


def test_software_page_counts_selection_filter_and_rebuild(
    qtbot: QtBot, qtmodeltester, fleet: Fleet, context: ConsoleContext
) -> None:
    engine, _ = fleet
    counts = software_counts(engine)
    page = SoftwarePage(context)
    qtbot.addWidget(page)
    page.refresh()
    settle(context)
    model = page.model
    assert model.total == len(counts)
    first_page = model.entries()
    assert 0 < len(first_page) <= model.page_size
    for entry in first_page:
        assert entry.installs == counts[(entry.name_id, entry.publisher_id, entry.version_id)]
    assert not page.note_bar.isVisibleTo(page)

    # Scrolling fetches the next page from the database.
    loaded = model.rowCount()
    assert model.canFetchMore(QtCore.QModelIndex())
    model.fetchMore(QtCore.QModelIndex())
    settle(context)
    assert model.rowCount() == min(len(counts), loaded + model.page_size)
    assert len({(e.name_id, e.publisher_id, e.version_id) for e in model.entries()}) == (
        model.rowCount()
    )
    qtmodeltester.check(model)
    settle(context)

    # Server-side sort by installs, most installed first.
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    settle(context)
    installs = [e.installs for e in model.entries()]
    assert installs == sorted(installs, reverse=True)
    assert installs[0] == max(counts.values())

    # Selecting an entry lists exactly the machines having it.
    row = next(r for r, e in enumerate(model.entries()) if e.installs < installs[0])
    entry = model.entry(row)
    with qtbot.waitSignal(page.machines_model.loaded, timeout=20_000):
        page.select_row(row)
    settle(context)
    having = ids_of(
        engine,
        "SELECT HARDWARE_ID FROM software WHERE NAME_ID = :n AND PUBLISHER_ID = :p "
        "AND VERSION_ID = :v",
        n=entry.name_id,
        p=entry.publisher_id,
        v=entry.version_id,
    )
    assert {m.id for m in page.machines_model.loaded_rows()} == having
    with qtbot.waitSignal(context.showMachines) as shown:
        page.show_in_machines_list()
    assert isinstance(shown.args[0], SoftwareFilter)
    with engine.connect() as conn:
        assert count_machines(conn, MachineQuery(filter=shown.args[0])) == len(having)

    # The debounced text filter keeps names or publishers containing the text.
    word = entry.name[:4]
    qtbot.keyClicks(page.filter_edit, word)
    qtbot.waitUntil(lambda: model.query.text == word, timeout=5000)
    settle(context)
    assert model.rowCount() > 0
    for shown_entry in model.entries():
        assert word.lower() in (shown_entry.name + shown_entry.publisher).lower()
    with engine.connect() as conn:
        expected = conn.execute(
            text(
                "SELECT COUNT(*) FROM (SELECT DISTINCT s.NAME_ID, s.PUBLISHER_ID, s.VERSION_ID "
                "FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
                "JOIN software_publisher p ON p.ID = s.PUBLISHER_ID "
                "WHERE LOWER(n.NAME) LIKE :w OR LOWER(p.PUBLISHER) LIKE :w) t"
            ),
            {"w": f"%{word.lower()}%"},
        ).scalar_one()
    assert model.total == expected

    # Another writer changes software behind the summary: the page says so and rebuilds.
    with engine.begin() as conn:
        conn.execute(
            text(
                "DELETE FROM software WHERE NAME_ID = :n AND PUBLISHER_ID = :p AND VERSION_ID = :v"
            ),
            {"n": entry.name_id, "p": entry.publisher_id, "v": entry.version_id},
        )
    page.filter_edit.clear()
    page.apply_filter()
    page.refresh()
    settle(context)
    assert page.state is not None and page.state.consistent is False
    assert page.note_bar.isVisibleTo(page)
    page.rebuild_summary()
    settle(context)
    assert page.state is not None and page.state.consistent is True
    assert not page.note_bar.isVisibleTo(page)
    counts = software_counts(engine)
    assert model.total == len(counts)
    for shown_entry in model.entries():
        key = (shown_entry.name_id, shown_entry.publisher_id, shown_entry.version_id)
        assert shown_entry.installs == counts[key]


# --- dashboard -----------------------------------------------------------------------------


def test_dashboard_bars_match_sql_and_click_lists_them(
    qtbot: QtBot, fleet: Fleet, context: ConsoleContext
) -> None:
    engine, facts = fleet
    agents = {"PARIS": "OCS-NG_unified_unix_agent_v2.10.0", "LYON": "OCS-NG_WINDOWS_AGENT_v2.11"}
    with engine.begin() as conn:
        for name, tag in facts.tag_by_name.items():
            conn.execute(
                update(Hardware)
                .where(Hardware.ID == facts.ids_by_name[name])
                .values(USERAGENT=agents.get(tag))
            )
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    settle(context)
    with engine.connect() as conn:
        by_os = dict(
            conn.execute(
                text(
                    "SELECT OSNAME, COUNT(*) FROM hardware WHERE DEVICEID NOT IN "
                    "('_SYSTEMGROUP_', '_DOWNLOADGROUP_') GROUP BY OSNAME"
                )
            ).all()
        )
        by_agent = dict(
            conn.execute(
                text(
                    "SELECT USERAGENT, COUNT(*) FROM hardware WHERE DEVICEID NOT IN "
                    "('_SYSTEMGROUP_', '_DOWNLOADGROUP_') GROUP BY USERAGENT"
                )
            ).all()
        )
    assert {b.label: b.count for b in page.bars("os")} == by_os
    unknown = by_agent.pop(None, 0) + by_agent.pop("", 0)
    if unknown:
        by_agent[UNKNOWN_LABEL] = unknown
    assert len(by_agent) == 3
    assert {b.label: b.count for b in page.bars("agent")} == by_agent
    ages = list(facts.age_by_name.values())
    expected_age = [
        sum(1 for a in ages if a < 1),
        sum(1 for a in ages if 1 <= a < 7),
        sum(1 for a in ages if 7 <= a < 30),
        sum(1 for a in ages if a >= 30),
        0,
    ]
    assert [b.count for b in page.bars("age")] == expected_age

    for key in CHART_KEYS:
        for index, bar in enumerate(page.bars(key)):
            with qtbot.waitSignal(context.showMachines) as shown:
                page.activate_bar(key, index)
            filter_, title = shown.args
            assert filter_ is bar.filter and title
            with engine.connect() as conn:
                assert count_machines(conn, MachineQuery(filter=filter_)) == bar.count

    # A real mouse click on the first OS bar.
    chart = page.charts["os"]
    top = page.bars("os")[0]
    assert chart.values[0] == top.count
    centre = chart.bar_rect(0).center().toPoint()
    with qtbot.waitSignal(context.showMachines, timeout=5000) as shown:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
    assert shown.args[0] is top.filter
