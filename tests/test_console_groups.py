"""Groups stored as OCS stores them: hardware pseudo-row, groups row, groups_cache.

Membership is compared with independent readings (plain SQL, the fleet's facts, a
re-implementation of the OCS server's cache rebuild), never with hard-coded numbers.
"""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import Connection, Engine, select, text

from ocs_desktop.fleet.filters import ids_select
from ocs_desktop.fleet.groups import (
    GroupFilter,
    GroupInfo,
    add_members,
    clear_overrides,
    create_dynamic_group,
    create_static_group,
    delete_group,
    group_search,
    list_groups,
    recompute_group,
    remove_members,
    rename_group,
    set_group_search,
)
from ocs_desktop.fleet.machines import MachineQuery, count_machines
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.models import Group
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]

WINDOWS = Search((Criterion("hardware.OSNAME", Operator.contains, "windows"),))


def _rows(conn: Connection, group_id: int) -> dict[int, int]:
    """groups_cache of a group: machine -> STATIC."""
    result = conn.execute(
        text("SELECT HARDWARE_ID, STATIC FROM groups_cache WHERE GROUP_ID = :g"), {"g": group_id}
    )
    return {int(h): int(s) for h, s in result}


def _members(conn: Connection, group_id: int) -> set[int]:
    return {h for h, s in _rows(conn, group_id).items() if s in (0, 1)}


def _info(conn: Connection, group_id: int) -> GroupInfo:
    return next(g for g in list_groups(conn) if g.id == group_id)


def _windows(facts: FleetFacts) -> set[int]:
    return {facts.ids_by_name[n] for n, os in facts.os_by_name.items() if "Windows" in os}


def _ocs_server_rebuild(conn: Connection, group_id: int) -> set[int]:
    """The OCS server's cache rebuild for one group, done by hand with its stored SQL.

    REQUEST if set, else each XMLDEF REQUEST (entities decoded); the ids found are the
    STATIC 0 members, except machines that already have a hand-made row.
    """
    request, xmldef = conn.execute(
        select(Group.REQUEST, Group.XMLDEF).where(Group.HARDWARE_ID == group_id)
    ).one()
    if request:
        sqls = [request]
    else:
        sqls = [e.text or "" for e in ET.fromstring(xmldef or "<xmldef/>").iter("REQUEST")]
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    found: set[int] = set()
    try:
        for sql in sqls:
            cursor.execute(sql)
            found |= {int(row[0]) for row in cursor.fetchall()}
    finally:
        cursor.close()
    manual = {h for h, s in _rows(conn, group_id).items() if s in (1, 2)}
    return found - manual


def test_create_static_group_rows_like_ocs(fleet: Fleet) -> None:
    engine, _ = fleet
    before = int(time.time())
    with engine.begin() as conn:
        group_id = create_static_group(conn, "  Accounting ", "first floor")
    with engine.connect() as conn:
        deviceid, name, description, lastdate = conn.execute(
            text("SELECT DEVICEID, NAME, DESCRIPTION, LASTDATE FROM hardware WHERE ID = :g"),
            {"g": group_id},
        ).one()
        assert (deviceid, name, description) == ("_SYSTEMGROUP_", "Accounting", "first floor")
        assert lastdate is not None
        request, xmldef, create_time = conn.execute(
            text("SELECT REQUEST, XMLDEF, CREATE_TIME FROM groups WHERE HARDWARE_ID = :g"),
            {"g": group_id},
        ).one()
        assert request is None and xmldef == ""
        assert before <= create_time <= int(time.time())
        info = _info(conn, group_id)
        assert (info.name, info.description, info.kind, info.members) == (
            "Accounting",
            "first floor",
            "static",
            0,
        )
        assert info.search is None and info.cache_time is None
        assert group_search(conn, group_id) is None
        # A group is never a machine.
        assert group_id not in set(conn.scalars(ids_select(None)))


def test_names_are_unique_and_not_blank(fleet: Fleet) -> None:
    engine, _ = fleet
    with engine.begin() as conn:
        first = create_static_group(conn, "Paris")
        other = create_dynamic_group(conn, "Windows", WINDOWS)
        with pytest.raises(ValueError, match="already exists"):
            create_static_group(conn, "PARIS")
        with pytest.raises(ValueError, match="already exists"):
            create_dynamic_group(conn, "paris", WINDOWS)
        with pytest.raises(ValueError, match="already exists"):
            rename_group(conn, other, "Paris ")
        with pytest.raises(ValueError, match="name"):
            create_static_group(conn, "   ")
        with pytest.raises(ValueError, match="name"):
            rename_group(conn, first, "")
        rename_group(conn, first, "PARIS")  # its own name, other case
        rename_group(conn, first, "Paris 2", "renamed")
        info = _info(conn, first)
        assert (info.name, info.description) == ("Paris 2", "renamed")
        rename_group(conn, first, "Paris 3")
        assert _info(conn, first).description == "renamed"
        assert [g.name for g in list_groups(conn)] == ["Paris 3", "Windows"]


def test_unknown_group_ids_raise_lookup_error(fleet: Fleet) -> None:
    engine, facts = fleet
    machine = facts.sample_id
    with engine.begin() as conn:
        for call in (
            lambda: rename_group(conn, 999_999, "x"),
            lambda: delete_group(conn, 999_999),
            lambda: add_members(conn, 999_999, [machine]),
            lambda: remove_members(conn, 999_999, [machine]),
            lambda: recompute_group(conn, 999_999),
            lambda: group_search(conn, 999_999),
            lambda: delete_group(conn, machine),  # a machine is not a group
        ):
            with pytest.raises(LookupError):
                call()


def test_static_members_add_and_remove(fleet: Fleet) -> None:
    engine, facts = fleet
    ids = sorted(facts.ids_by_name.values())
    with engine.begin() as conn:
        group_id = create_static_group(conn, "Static")
        other = create_static_group(conn, "Other")
        # Unknown ids and group ids are not machines: ignored.
        assert add_members(conn, group_id, [*ids[:4], ids[0], 999_999, other]) == 4
        assert _rows(conn, group_id) == dict.fromkeys(ids[:4], 1)
        assert add_members(conn, group_id, ids[2:6]) == 4
        assert _members(conn, group_id) == set(ids[:6])
        assert remove_members(conn, group_id, [ids[0], ids[5], 999_999]) == 2
        assert _rows(conn, group_id) == dict.fromkeys(ids[1:5], 1)
        assert _info(conn, group_id).members == 4
        assert set(conn.scalars(ids_select(GroupFilter(group_id)))) == set(ids[1:5])
        query = MachineQuery(filter=GroupFilter(group_id, "Static"))
        assert count_machines(conn, query) == 4
        assert GroupFilter(group_id, "Static").describe() == "group Static"
        with pytest.raises(ValueError, match="static"):
            recompute_group(conn, group_id)
        with pytest.raises(ValueError, match="static"):
            set_group_search(conn, group_id, WINDOWS)


def test_dynamic_group_members_are_the_search_result(fleet: Fleet) -> None:
    engine, facts = fleet
    search = Search(
        (
            Criterion("hardware.OSNAME", Operator.contains, "windows"),
            Criterion("accountinfo.TAG", Operator.equals, "LYON"),
        ),
        "or",
    )
    before = int(time.time())
    with engine.begin() as conn:
        group_id = create_dynamic_group(conn, "Windows or Lyon", search, "dyn")
    with engine.connect() as conn:
        expected = set(conn.scalars(ids_select(search)))
        lyon = {facts.ids_by_name[n] for n, t in facts.tag_by_name.items() if t == "LYON"}
        assert expected == _windows(facts) | lyon
        assert _rows(conn, group_id) == dict.fromkeys(expected, 0)
        request, xmldef, create_time, revalidate = conn.execute(
            text(
                "SELECT REQUEST, XMLDEF, CREATE_TIME, REVALIDATE_FROM FROM groups "
                "WHERE HARDWARE_ID = :g"
            ),
            {"g": group_id},
        ).one()
        assert request is None
        assert ET.fromstring(xmldef).tag == "xmldef"
        assert before <= create_time <= int(time.time())
        offset = conn.execute(
            text("SELECT IVALUE FROM config WHERE NAME = 'GROUPS_CACHE_OFFSET'")
        ).scalar_one()
        assert create_time <= revalidate < create_time + max(offset, 1)
        info = _info(conn, group_id)
        assert (info.kind, info.members, info.search) == ("dynamic", len(expected), search)
        assert info.cache_time is not None
        assert abs((info.cache_time - dt.datetime.now()).total_seconds()) < 120
        assert group_search(conn, group_id) == search
        assert count_machines(conn, MachineQuery(filter=GroupFilter(group_id))) == len(expected)
        # What a real OCS server would compute from the stored XMLDEF is the same set.
        assert _ocs_server_rebuild(conn, group_id) == expected


def test_exclusions_and_inclusions_survive_recompute(fleet: Fleet) -> None:
    engine, facts = fleet
    windows = sorted(_windows(facts))
    outsider = facts.sample_id
    assert outsider not in windows
    with engine.begin() as conn:
        group_id = create_dynamic_group(conn, "Windows", WINDOWS)
        assert remove_members(conn, group_id, [windows[0]]) == 1
        assert add_members(conn, group_id, [outsider]) == 1
        expected = {**dict.fromkeys(windows[1:], 0), windows[0]: 2, outsider: 1}
        assert _rows(conn, group_id) == expected
        assert recompute_group(conn, group_id) == len(windows) - 1
        assert _rows(conn, group_id) == expected
        assert set(conn.scalars(ids_select(GroupFilter(group_id)))) == {*windows[1:], outsider}
        assert _info(conn, group_id).members == len(windows)
        # Lifting the hand-made rows hands both machines back to the search.
        assert clear_overrides(conn, group_id, [windows[0], outsider]) == 2
        recompute_group(conn, group_id)
        assert _rows(conn, group_id) == dict.fromkeys(windows, 0)
        # Including an excluded machine lifts the exclusion.
        remove_members(conn, group_id, [windows[1]])
        add_members(conn, group_id, [windows[1]])
        assert _rows(conn, group_id)[windows[1]] == 1


def test_recompute_follows_machine_changes(fleet: Fleet) -> None:
    engine, facts = fleet
    windows = _windows(facts)
    debian = facts.ids_by_name["pc-000000"]
    leaving = min(windows)
    stamp = dt.datetime(2030, 1, 2, 3, 4, 5)
    with engine.begin() as conn:
        group_id = create_dynamic_group(conn, "Windows", WINDOWS)
        conn.execute(
            text("UPDATE hardware SET OSNAME = 'Microsoft Windows 11 Pro' WHERE ID = :id"),
            {"id": debian},
        )
        conn.execute(
            text("UPDATE hardware SET OSNAME = 'Debian GNU/Linux 12' WHERE ID = :id"),
            {"id": leaving},
        )
        # Not recomputed yet: the cache still says what it said.
        assert _members(conn, group_id) == windows
        conn.execute(text("UPDATE config SET IVALUE = 0 WHERE NAME = 'GROUPS_CACHE_OFFSET'"))
        assert recompute_group(conn, group_id, now=stamp) == len(windows)
        assert _members(conn, group_id) == windows - {leaving} | {debian}
        assert _members(conn, group_id) == set(conn.scalars(ids_select(WINDOWS)))
        create_time, revalidate = conn.execute(
            text("SELECT CREATE_TIME, REVALIDATE_FROM FROM groups WHERE HARDWARE_ID = :g"),
            {"g": group_id},
        ).one()
        assert create_time == revalidate == int(stamp.timestamp())
        assert _info(conn, group_id).cache_time == stamp


def test_set_group_search_redefines_and_recomputes(fleet: Fleet) -> None:
    engine, facts = fleet
    paris = Search((Criterion("accountinfo.TAG", Operator.equals, "PARIS"),))
    with engine.begin() as conn:
        group_id = create_dynamic_group(conn, "Moving", WINDOWS)
        count = set_group_search(conn, group_id, paris)
        expected = {facts.ids_by_name[n] for n, t in facts.tag_by_name.items() if t == "PARIS"}
        assert count == len(expected)
        assert _members(conn, group_id) == expected
        assert group_search(conn, group_id) == paris
        assert _ocs_server_rebuild(conn, group_id) == expected


def test_delete_removes_every_row_of_the_group(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        machines_before = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one()
        keep = create_static_group(conn, "Keep")
        add_members(conn, keep, [facts.sample_id])
        group_id = create_dynamic_group(conn, "Doomed", WINDOWS)
        add_members(conn, group_id, [facts.sample_id])
        conn.execute(
            text(
                "INSERT INTO devices (HARDWARE_ID, NAME, IVALUE, TVALUE) "
                "VALUES (:g, 'DOWNLOAD', 1, NULL), (:g, 'FREQUENCY', 3, NULL)"
            ),
            {"g": group_id},
        )
        conn.execute(
            text("INSERT INTO accountinfo (HARDWARE_ID, TAG) VALUES (:g, 'NA')"), {"g": group_id}
        )
        delete_group(conn, group_id)
    with engine.connect() as conn:
        for sql in (
            "SELECT COUNT(*) FROM hardware WHERE ID = :g",
            "SELECT COUNT(*) FROM groups WHERE HARDWARE_ID = :g",
            "SELECT COUNT(*) FROM groups_cache WHERE GROUP_ID = :g OR HARDWARE_ID = :g",
            "SELECT COUNT(*) FROM devices WHERE HARDWARE_ID = :g",
            "SELECT COUNT(*) FROM accountinfo WHERE HARDWARE_ID = :g",
        ):
            assert conn.execute(text(sql), {"g": group_id}).scalar_one() == 0, sql
        assert [g.name for g in list_groups(conn)] == ["Keep"]
        assert _rows(conn, keep) == {facts.sample_id: 1}
        total = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one()
        assert total == machines_before + 1


def test_groups_made_by_the_ocs_console_are_listed(fleet: Fleet) -> None:
    """OCS's own rows: XMLDEF without our search, a legacy REQUEST, a static group."""
    engine, facts = fleet
    windows = _windows(facts)
    ocs_sql = (
        "select distinct id as HARDWARE_ID from hardware where osname like '%Windows%' "
        "and deviceid<>'_SYSTEMGROUP_' AND deviceid <> '_DOWNLOADGROUP_'"
    )
    xmldef = f"<xmldef><REQUEST>{ocs_sql.replace(chr(39), '&apos;')}</REQUEST></xmldef>"
    now = int(time.time())
    made: dict[str, int] = {}
    with engine.begin() as conn:
        for name, request, definition in (
            ("OCS dynamic", None, xmldef),
            ("OCS legacy", ocs_sql, None),
            ("OCS static", None, ""),
        ):
            conn.execute(
                text(
                    "INSERT INTO hardware (DEVICEID, NAME, DESCRIPTION, LASTDATE) "
                    "VALUES ('_SYSTEMGROUP_', :n, 'made by ocsreports', :d)"
                ),
                {"n": name, "d": dt.datetime.now().replace(microsecond=0)},
            )
            group_id = conn.execute(
                text("SELECT ID FROM hardware WHERE NAME = :n"), {"n": name}
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO groups (HARDWARE_ID, REQUEST, XMLDEF, CREATE_TIME) "
                    "VALUES (:g, :r, :x, :t)"
                ),
                {"g": group_id, "r": request, "x": definition, "t": now},
            )
            made[name] = group_id
        for machine in windows:
            conn.execute(
                text("INSERT INTO groups_cache (HARDWARE_ID, GROUP_ID, STATIC) VALUES (:h, :g, 0)"),
                {"h": machine, "g": made["OCS dynamic"]},
            )
    with engine.begin() as conn:
        groups = {g.name: g for g in list_groups(conn)}
        dynamic = groups["OCS dynamic"]
        assert (dynamic.kind, dynamic.search, dynamic.members) == ("dynamic", None, len(windows))
        assert dynamic.cache_time == dt.datetime.fromtimestamp(now)
        assert groups["OCS legacy"].kind == "dynamic"
        assert groups["OCS static"].kind == "static"
        assert group_search(conn, made["OCS dynamic"]) is None
        for name in ("OCS dynamic", "OCS legacy"):
            with pytest.raises(ValueError, match="OCS"):
                recompute_group(conn, made[name])
        # Their members still show, and static edits still work on them.
        assert set(conn.scalars(ids_select(GroupFilter(made["OCS dynamic"])))) == windows
        remove_members(conn, made["OCS dynamic"], [min(windows)])
        assert _rows(conn, made["OCS dynamic"])[min(windows)] == 2
