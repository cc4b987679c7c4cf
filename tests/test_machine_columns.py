"""Every column of the machines list: values equal SQL, type-aware sorts, picker, widths, CSV.

Runs on SQLite and MariaDB (the ``fleet`` fixture), with real widgets.
"""

from __future__ import annotations

import csv
import ipaddress
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from ocs_desktop.fleet.admin_data import AdminFieldType, set_admin_value
from ocs_desktop.fleet.admin_fields import add_field
from ocs_desktop.fleet.machine_columns import CATALOGUE, column_spec
from ocs_desktop.fleet.machines import (
    MachineQuery,
    count_machines,
    export_machines_csv,
    fetch_machines,
)
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.field_format import format_field
from ocs_desktop.views.fleet.machines_model import MachinesModel
from ocs_desktop.views.fleet.machines_page import MachinesPage
from ocs_desktop.views.qt import Qt, QtCore
from ocs_desktop.views.settings import PAGE_SIZE, QUICK_FILTER_DELAY, Settings
from tests.support.builders import machine_ids
from tests.support.console_context import checked_context, console_settings
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]
ROOT = QtCore.QModelIndex()
#: Mixed-case names and IPs that sort differently as text and as numbers.
NAMES = ("PC-b", "lnx-a", "SRV-c", "pc-A", "Lnx-d")
IPS = ("10.1.0.14", "10.1.0.110", "10.1.0.9", "10.2.0.1", "9.255.0.1")


@pytest.fixture
def mixed(fleet: Fleet) -> tuple[Engine, list[int], str]:
    """Mixed-case names, awkward IPs, and a text admin field "Room" set on every machine."""
    engine, _facts = fleet
    ids = machine_ids(engine)
    with engine.begin() as conn:
        for n, machine in enumerate(ids):
            conn.execute(
                text("UPDATE hardware SET NAME = :name, IPADDR = :ip WHERE ID = :id"),
                {
                    "name": f"{NAMES[n % len(NAMES)]}{n:02d}",
                    "ip": IPS[n % len(IPS)] if n < len(ids) - 1 else None,
                    "id": machine,
                },
            )
        room = add_field(conn, "ROOM", AdminFieldType.TEXT, "Room")
        for n, machine in enumerate(ids):
            set_admin_value(conn, [machine], room.column, f"room {n % 3}")
    return engine, ids, room.column


def _all(engine: Engine, query: MachineQuery) -> list[Any]:
    rows: list[Any] = []
    with engine.connect() as conn:
        while True:
            batch = fetch_machines(conn, query, len(rows), 3)
            rows.extend(batch)
            if len(batch) < 3:
                return rows


def _sql(engine: Engine, table: str, column: str) -> dict[int, Any]:
    owner = "ID" if table == "hardware" else "HARDWARE_ID"
    with engine.connect() as conn:
        return {
            int(k): v for k, v in conn.execute(text(f"SELECT {owner}, {column} FROM {table}")).all()
        }


def _read_csv(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(newline="", encoding=encoding) as stream:
        return list(csv.reader(stream))


# --- the core -----------------------------------------------------------------------------------
def test_every_new_column_equals_sql(mixed: tuple[Engine, list[int], str]) -> None:
    engine, ids, room = mixed
    keys = [k for k, s in CATALOGUE.items() if "." in k]
    assert {"hardware.WORKGROUP", "bios.SMANUFACTURER", "hardware.CHECKSUM"} <= set(keys)
    admin = f"admin:{room}"
    rows = _all(engine, MachineQuery(columns=(*keys, admin)))
    assert sorted(r.id for r in rows) == ids
    for key in keys:
        spec = column_spec(key)
        expected = _sql(engine, spec.table, spec.column)
        for row in rows:
            value, wanted = row.value(key), expected.get(row.id)
            if isinstance(wanted, str) and not isinstance(value, str) and value is not None:
                value = str(value) if not hasattr(value, "isoformat") else value.isoformat(" ")
                wanted = wanted.replace("T", " ")
            if wanted is not None and hasattr(wanted, "__float__") and value is not None:
                assert float(value) == float(wanted), (key, row.id)
            else:
                assert value == wanted, (key, row.id)
    rooms = _sql(engine, "accountinfo", room)
    assert {r.id: r.value(admin) for r in rows} == rooms


@pytest.mark.parametrize("descending", [False, True])
def test_names_sort_without_case(mixed: tuple[Engine, list[int], str], descending: bool) -> None:
    engine = mixed[0]
    names = _sql(engine, "hardware", "NAME")
    rows = _all(engine, MachineQuery(sort_key="name", descending=descending))
    expected = sorted(names.items(), key=lambda kv: (kv[1].casefold(), kv[0]), reverse=descending)
    assert [r.id for r in rows] == [k for k, _ in expected]
    # Without the fix SQLite put every upper-case "PC-"/"SRV-" before any "lnx-".
    shown = [r.name for r in rows if not descending]
    if shown:
        assert shown.index(next(n for n in shown if n.startswith("lnx"))) < shown.index(
            next(n for n in shown if n.startswith("SRV"))
        )


@pytest.mark.parametrize("descending", [False, True])
def test_ip_addresses_sort_as_numbers(
    mixed: tuple[Engine, list[int], str], descending: bool
) -> None:
    engine = mixed[0]
    ips = _sql(engine, "hardware", "IPADDR")

    def key(item: tuple[int, Any]) -> tuple[Any, ...]:
        machine, ip = item
        return (ip is not None, int(ipaddress.IPv4Address(ip)) if ip else 0, ip or "", machine)

    expected = sorted(ips.items(), key=key, reverse=descending)
    rows = _all(engine, MachineQuery(sort_key="ipaddr", descending=descending))
    assert [r.id for r in rows] == [k for k, _ in expected]
    ordered = [r.ipaddr for r in rows if r.ipaddr]
    if not descending:
        assert ordered.index("10.1.0.14") < ordered.index("10.1.0.110")
        assert ordered.index("9.255.0.1") < ordered.index("10.1.0.9")


@pytest.mark.parametrize("key", ["memory", "hardware.SWAP", "hardware.PROCESSORS", "lastcome"])
def test_numbers_and_dates_sort_by_value(mixed: tuple[Engine, list[int], str], key: str) -> None:
    engine = mixed[0]
    spec = column_spec(key)
    values = _sql(engine, spec.table, spec.column)
    rows = _all(engine, MachineQuery(sort_key=key, columns=(key,)))
    got = [r.value(key) for r in rows]
    present = [v for v in got if v is not None]
    assert present == sorted(present)
    assert len(got) == len(values)


def test_every_catalogue_and_admin_column_sorts(mixed: tuple[Engine, list[int], str]) -> None:
    engine, ids, room = mixed
    with engine.connect() as conn:
        for key in (*CATALOGUE, f"admin:{room}"):
            rows = fetch_machines(conn, MachineQuery(sort_key=key), 0, 500)
            assert sorted(r.id for r in rows) == ids, key
            assert count_machines(conn, MachineQuery(sort_key=key)) == len(ids)
        admin_rows = fetch_machines(conn, MachineQuery(sort_key=f"admin:{room}"), 0, 500)
    rooms = _sql(engine, "accountinfo", room)
    assert [rooms[r.id] for r in admin_rows] == sorted(rooms[r.id] for r in admin_rows)


def test_csv_export_has_chosen_columns_with_friendly_headers(
    mixed: tuple[Engine, list[int], str], tmp_path: Path
) -> None:
    engine, ids, room = mixed
    columns = ["name", "bios.SMANUFACTURER", "hardware.WORKGROUP", f"admin:{room}"]
    target = tmp_path / "m.csv"
    with engine.connect() as conn, target.open("w", newline="") as stream:
        written = export_machines_csv(conn, MachineQuery(), columns, stream)
    assert written == len(ids)
    parsed = _read_csv(target)
    assert parsed[0] == ["Name", "Manufacturer", "Domain or workgroup", "Room"]
    rooms = _sql(engine, "accountinfo", room)
    makers = _sql(engine, "bios", "SMANUFACTURER")
    names = _sql(engine, "hardware", "NAME")
    by_name = {names[i]: i for i in ids}
    for line in parsed[1:]:
        machine = by_name[line[0]]
        assert line[1] == (makers.get(machine) or "")
        assert line[3] == rooms[machine]


# --- the views ------------------------------------------------------------------------------
@pytest.fixture
def settings(qtbot: QtBot, tmp_path: Path) -> Settings:
    return console_settings(tmp_path, (PAGE_SIZE, 50), (QUICK_FILTER_DELAY, 100))


@pytest.fixture
def context(
    qtbot: QtBot, mixed: tuple[Engine, list[int], str], settings: Settings
) -> Iterator[ConsoleContext]:
    with checked_context(mixed[0], "profile one", settings) as context:
        yield context


def idle(context: ConsoleContext) -> None:
    assert context.runner.wait_idle(20_000)
    QtCore.QCoreApplication.processEvents()


def make_page(qtbot: QtBot, context: ConsoleContext) -> MachinesPage:
    page = MachinesPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    idle(context)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.is_loading())
    qtbot.waitUntil(lambda: bool(page.admin_columns))
    return page


def test_picker_searches_and_saves_per_profile(
    qtbot: QtBot, context: ConsoleContext, settings: Settings, mixed: Any
) -> None:
    room = mixed[2]
    page = make_page(qtbot, context)
    picker = page.open_column_picker()
    assert picker.isVisible()
    picker.search.setText("manufact")
    visible = picker.visible_keys()
    assert "bios.SMANUFACTURER" in visible and "bios.MMANUFACTURER" in visible
    assert "name" not in visible and "hardware.WORKGROUP" not in visible
    picker.search.setText("room")
    assert picker.visible_keys() == [f"admin:{room}"], "admin fields by their label"
    picker.search.setText("SMANUFACTURER")  # the raw column name matches too
    assert picker.visible_keys() == ["bios.SMANUFACTURER"]
    picker.set_checked("bios.SMANUFACTURER", True)
    picker.set_checked(f"admin:{room}", True)
    picker.set_checked("tag", False)
    picker.accept()
    idle(context)
    expected = [k for k in page.model.columns()]
    assert expected[-2:] == ["bios.SMANUFACTURER", f"admin:{room}"]
    assert "tag" not in expected
    column = expected.index(f"admin:{room}")
    assert page.model.headerData(column, Qt.Orientation.Horizontal) == "Room"
    qtbot.waitUntil(lambda: page.model.index(0, column).data() not in (None, ""))

    # The same profile gets them back; another profile keeps its own.
    again = make_page(qtbot, context)
    assert list(again.model.columns()) == expected
    with checked_context(mixed[0], "profile two", settings) as other:
        other_page = make_page(qtbot, other)
        other_page.set_visible_columns(["name", "hardware.WORKGROUP"])
        idle(other)
        assert list(make_page(qtbot, context).model.columns()) == expected
        assert make_page(qtbot, other).model.columns() == ("name", "hardware.WORKGROUP")


def test_header_menu_reaches_the_picker(qtbot: QtBot, context: ConsoleContext) -> None:
    page = make_page(qtbot, context)
    menu = page.build_column_menu()
    assert page.choose_columns_action in menu.actions()
    page.choose_columns_action.trigger()
    pickers = [w for w in page.findChildren(QtCore.QObject) if type(w).__name__ == "ColumnPicker"]
    assert pickers and pickers[-1].isVisible()
    pickers[-1].reject()


def test_cells_use_field_format_and_values_equal_sql(
    qtbot: QtBot, context: ConsoleContext, mixed: Any
) -> None:
    engine = mixed[0]
    page = make_page(qtbot, context)
    page.set_visible_columns(["name", "hardware.SWAP", "bios.SMODEL", "hardware.PROCESSORS"])
    idle(context)
    qtbot.waitUntil(lambda: not page.model.is_loading())
    swaps = _sql(engine, "hardware", "SWAP")
    models = _sql(engine, "bios", "SMODEL")
    for row in range(page.model.rowCount()):
        machine = page.model.row(row)
        assert page.model.index(row, 1).data() == format_field(swaps[machine.id], "mib")[0]
        assert page.model.index(row, 2).data() == (models.get(machine.id) or "")


def test_sort_indicator_follows_a_hidden_sort_column(qtbot: QtBot, context: ConsoleContext) -> None:
    page = make_page(qtbot, context)
    header = page.view.horizontalHeader()
    page.set_visible_columns(["name", "ipaddr", "tag"])
    page.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    idle(context)
    assert page.model.query().sort_key == "ipaddr"
    page.set_visible_columns(["tag", "name"])
    idle(context)
    assert header.isSortIndicatorShown()
    section = header.sortIndicatorSection()
    assert page.model.columns()[section] == "name"
    assert page.model.query().sort_key == "name"
    page.set_visible_columns(["tag", "hardware.WORKGROUP"])
    idle(context)
    assert page.model.columns()[header.sortIndicatorSection()] == page.model.query().sort_key
    assert page.model.query().sort_key == "tag"


def test_new_columns_fit_their_content(qtbot: QtBot, context: ConsoleContext) -> None:
    page = make_page(qtbot, context)
    page.set_visible_columns(["name", "tag"])
    idle(context)
    page.set_visible_columns(["name", "tag", "hardware.OSCOMMENTS", "bios.SMANUFACTURER", "ssn"])
    qtbot.waitUntil(lambda: not page.model.is_loading())
    idle(context)
    header = page.view.horizontalHeader()
    for index, _key in enumerate(page.model.columns()):
        wanted = max(page.view.sizeHintForColumn(index), header.sectionSizeHint(index))
        assert header.sectionSize(index) >= wanted, page.model.columns()[index]


def test_page_csv_export_has_the_shown_columns(
    qtbot: QtBot, context: ConsoleContext, mixed: Any, tmp_path: Path
) -> None:
    _engine, ids, room = mixed
    page = make_page(qtbot, context)
    page.set_visible_columns(["name", "bios.SMANUFACTURER", f"admin:{room}"])
    idle(context)
    target = tmp_path / "machines.csv"
    with qtbot.waitSignal(page.exported, timeout=20_000):
        assert page.export_csv(target) is not None
    parsed = _read_csv(target, "utf-8-sig")
    assert parsed[0] == ["Name", "Manufacturer", "Room"]
    assert len(parsed) == len(ids) + 1


def test_model_sorts_by_any_column(qtbot: QtBot, context: ConsoleContext) -> None:
    model = MachinesModel(context, ["name", "hardware.WORKGROUP"])
    model.set_query(MachineQuery())
    idle(context)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    idle(context)
    assert (model.query().sort_key, model.query().descending) == ("hardware.WORKGROUP", True)
