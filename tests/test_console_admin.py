"""Administrative data: TAG and run-time admin fields, set_tag, tag counts, delete_machines."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.fleet.admin_data import (
    AdminFieldType,
    TagCount,
    admin_fields,
    delete_machines,
    load_admin_values,
    save_admin_values,
    set_tag,
    tag_counts,
)
from ocs_desktop.fleet.machine_detail import load_category
from ocs_desktop.models import Base
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


def _scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def _add_admin_fields(engine: Engine) -> None:
    """What the OCS console does when an administrator adds fields (PROTOCOL.md 7)."""
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_3 VARCHAR(255)"))
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_4 INTEGER"))
        conn.execute(text("ALTER TABLE accountinfo ADD COLUMN fields_5 DATE"))
        conn.execute(
            text(
                "INSERT INTO accountinfo_config"
                " (ID, NAME_ACCOUNTINFO, TYPE, NAME, ID_TAB, COMMENT, SHOW_ORDER, ACCOUNT_TYPE)"
                " VALUES (3, NULL, 0, 'OWNER', 1, 'Owner', 2, 'COMPUTERS'),"
                " (4, 'fields_4', 15, 'ROOM', 1, 'Room number', 4, 'COMPUTERS'),"
                " (5, NULL, 14, 'BOUGHT', 1, 'Purchase date', 3, 'COMPUTERS'),"
                " (6, NULL, 0, 'SNMPONLY', 1, 'SNMP field', 5, 'SNMP')"
            )
        )


def test_only_tag_by_default(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.connect() as conn:
        fields = admin_fields(conn)
        values = load_admin_values(conn, facts.sample_id)
    assert [f.column for f in fields] == ["TAG"]
    assert values == {"TAG": facts.tag_by_name["vm"]}


def test_runtime_admin_fields_are_saved_and_loaded(fleet: Fleet) -> None:
    engine, facts = fleet
    _add_admin_fields(engine)
    machine = facts.ids_by_name["pc-000002"]
    with engine.connect() as conn:
        fields = admin_fields(conn)
    assert [(f.column, f.label, f.type) for f in fields] == [
        ("TAG", "TAG", AdminFieldType.TEXT),
        ("fields_3", "Owner", AdminFieldType.TEXT),
        ("fields_5", "Purchase date", AdminFieldType.DATE),
        ("fields_4", "Room number", AdminFieldType.NUMBER),
    ]
    with engine.begin() as conn:
        save_admin_values(
            conn,
            machine,
            {
                "TAG": "NANTES",
                "fields_3": "Jeanne Martin",
                "fields_4": "42",
                "fields_5": "2024-03-01",
            },
        )
    with engine.connect() as conn:
        assert load_admin_values(conn, machine) == {
            "TAG": "NANTES",
            "fields_3": "Jeanne Martin",
            "fields_4": "42",
            "fields_5": "2024-03-01",
        }
        admin = load_category(conn, machine, "admin")
        assert admin.columns == ("TAG", "Owner", "Purchase date", "Room number")
    assert (
        _scalar(engine, "SELECT fields_4 FROM accountinfo WHERE HARDWARE_ID = :i", i=machine) == 42
    )
    assert (
        _scalar(engine, "SELECT TAG FROM accountinfo WHERE HARDWARE_ID = :i", i=machine) == "NANTES"
    )
    # Clearing a number stores NULL; other machines keep their values.
    with engine.begin() as conn:
        save_admin_values(conn, machine, {"fields_4": "", "fields_3": None})
    with engine.connect() as conn:
        values = load_admin_values(conn, machine)
        other = load_admin_values(conn, facts.sample_id)
    assert values["fields_4"] is None and values["fields_3"] is None
    assert values["TAG"] == "NANTES"
    assert other == {"TAG": "NA", "fields_3": None, "fields_4": None, "fields_5": None}


def test_save_creates_the_missing_row_and_refuses_bad_input(fleet: Fleet) -> None:
    engine, facts = fleet
    _add_admin_fields(engine)
    machine = facts.ids_by_name["pc-000003"]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": machine})
    with engine.connect() as conn:
        assert set(load_admin_values(conn, machine).values()) == {None}
    with engine.begin() as conn:
        save_admin_values(conn, machine, {"fields_3": "new owner"})
    with engine.connect() as conn:
        assert load_admin_values(conn, machine)["fields_3"] == "new owner"
    with engine.begin() as conn:
        with pytest.raises(ValueError):
            save_admin_values(conn, machine, {"fields_99": "x"})
        with pytest.raises(ValueError):
            save_admin_values(conn, machine, {"fields_4": "not a number"})
        with pytest.raises(ValueError):
            save_admin_values(conn, machine, {"fields_5": "31/12/2024"})
        with pytest.raises(LookupError):
            save_admin_values(conn, 10**6, {"TAG": "X"})


def _expected_tag_counts(engine: Engine) -> Counter[str | None]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT a.TAG FROM hardware h LEFT JOIN accountinfo a ON a.HARDWARE_ID = h.ID"
                " WHERE h.DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"
            )
        ).scalars()
        return Counter(rows)


def test_tag_counts_and_set_tag(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.connect() as conn:
        counts = tag_counts(conn)
    assert {c.tag: c.count for c in counts} == dict(Counter(facts.tag_by_name.values()))
    lonely = facts.ids_by_name["pc-000004"]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM accountinfo WHERE HARDWARE_ID = :i"), {"i": lonely})
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME) VALUES ('_SYSTEMGROUP_', 'a group')")
        )
        group_id = int(conn.execute(text("SELECT max(ID) FROM hardware")).scalar_one())
    with engine.connect() as conn:
        counts = tag_counts(conn)
    assert TagCount(None, 1) in counts
    assert {c.tag: c.count for c in counts} == dict(_expected_tag_counts(engine))
    chosen = [facts.ids_by_name[n] for n in ("vm", "pc-000000", "pc-000004")]
    with engine.begin() as conn:
        assert set_tag(conn, [*chosen, group_id, 10**6], "BORDEAUX") == 3
    for hardware_id in chosen:
        assert (
            _scalar(engine, "SELECT TAG FROM accountinfo WHERE HARDWARE_ID = :i", i=hardware_id)
            == "BORDEAUX"
        )
    assert (
        _scalar(engine, "SELECT count(*) FROM accountinfo WHERE HARDWARE_ID = :i", i=group_id) == 0
    )
    with engine.connect() as conn:
        counts = tag_counts(conn)
    assert {c.tag: c.count for c in counts} == dict(_expected_tag_counts(engine))
    assert TagCount("BORDEAUX", 3) in counts


_MACHINE_TABLES = [
    t.name for t in Base.metadata.sorted_tables if "HARDWARE_ID" in t.c and t.name != "groups"
]


def _rows_by_table(engine: Engine) -> dict[str, Counter[int]]:
    with engine.connect() as conn:
        return {
            name: Counter(conn.execute(text(f"SELECT HARDWARE_ID FROM {name}")).scalars())
            for name in _MACHINE_TABLES
        }


def _make_group_with(engine: Engine, members: list[int]) -> int:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME) VALUES ('_SYSTEMGROUP_', 'static')")
        )
        group_id = int(conn.execute(text("SELECT max(ID) FROM hardware")).scalar_one())
        conn.execute(
            text("INSERT INTO `groups` (HARDWARE_ID, CREATE_TIME) VALUES (:g, 0)"), {"g": group_id}
        )
        for member in members:
            conn.execute(
                text("INSERT INTO groups_cache (HARDWARE_ID, GROUP_ID, STATIC) VALUES (:h, :g, 1)"),
                {"h": member, "g": group_id},
            )
            conn.execute(
                text("INSERT INTO devices (HARDWARE_ID, NAME, IVALUE) VALUES (:h, 'FREQUENCY', 3)"),
                {"h": member},
            )
            conn.execute(
                text(
                    "INSERT INTO download_history (HARDWARE_ID, PKG_ID, PKG_NAME)"
                    " VALUES (:h, 1, 'pkg')"
                ),
                {"h": member},
            )
    return group_id


def test_delete_machines_removes_every_row_of_them_only(fleet: Fleet) -> None:
    engine, facts = fleet
    doomed = [facts.sample_id, facts.ids_by_name["pc-000003"]]
    kept = facts.ids_by_name["pc-000001"]
    group_id = _make_group_with(engine, [*doomed, kept])
    before = _rows_by_table(engine)
    assert all(before[name][doomed[0]] for name in ("software", "cpus", "groups_cache", "devices"))
    with engine.begin() as conn:
        assert delete_machines(conn, [*doomed, 10**6]) == 2
    after = _rows_by_table(engine)
    for name in _MACHINE_TABLES:
        for hardware_id in doomed:
            assert after[name][hardware_id] == 0, name
        expected = Counter({k: v for k, v in before[name].items() if k not in doomed})
        assert after[name] == expected, name
    assert (
        _scalar(
            engine, "SELECT count(*) FROM hardware WHERE ID IN (:a, :b)", a=doomed[0], b=doomed[1]
        )
        == 0
    )
    assert _scalar(engine, "SELECT count(*) FROM hardware WHERE ID = :g", g=group_id) == 1
    assert _scalar(engine, "SELECT count(*) FROM `groups` WHERE HARDWARE_ID = :g", g=group_id) == 1
    assert _scalar(engine, "SELECT count(*) FROM groups_cache WHERE HARDWARE_ID = :k", k=kept) == 1
    assert _scalar(engine, "SELECT count(*) FROM deleted_equiv") == 0  # TRACE_DELETED off


def test_delete_machines_refuses_groups(fleet: Fleet) -> None:
    engine, facts = fleet
    group_id = _make_group_with(engine, [facts.sample_id])
    before = _rows_by_table(engine)
    with engine.begin() as conn, pytest.raises(ValueError):
        delete_machines(conn, [facts.sample_id, group_id])
    assert _rows_by_table(engine) == before


def test_delete_machines_traces_deleted_deviceids(fleet: Fleet) -> None:
    engine, facts = fleet
    machine = facts.ids_by_name["pc-000002"]
    deviceid = _scalar(engine, "SELECT DEVICEID FROM hardware WHERE ID = :i", i=machine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE config SET IVALUE = 1 WHERE NAME = 'TRACE_DELETED'"))
    with engine.begin() as conn:
        assert delete_machines(conn, [machine]) == 1
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT DELETED, EQUIVALENT, DATE FROM deleted_equiv")).all()
    assert [(r[0], r[1]) for r in rows] == [(deviceid, None)]
    assert rows[0][2] is not None
