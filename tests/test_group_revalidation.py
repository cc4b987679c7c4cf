"""The server recomputes stale dynamic groups made by the console, once per claim."""

from __future__ import annotations

import time

from sqlalchemy import Engine, text

from ocs_desktop.fleet.groups import create_dynamic_group
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.server.group_revalidation import GroupRevalidator
from tests.support.console_fleet import FleetFacts

WINDOWS = Search((Criterion("hardware.OSNAME", Operator.contains, "Windows"),))


def members(engine: Engine, group_id: int) -> set[int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT HARDWARE_ID FROM groups_cache WHERE GROUP_ID = :g AND STATIC = 0"),
            {"g": group_id},
        )
        return {row[0] for row in rows}


def windows_ids(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT ID FROM hardware WHERE OSNAME LIKE '%Windows%'"
                " AND DEVICEID <> '_SYSTEMGROUP_'"
            )
        )
        return {row[0] for row in rows}


def test_stale_group_follows_the_fleet(fleet: tuple[Engine, FleetFacts]) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        group_id = create_dynamic_group(conn, "Windows PCs", WINDOWS)
    before = members(engine, group_id)
    assert before == windows_ids(engine) and before
    debian = next(
        i for n, i in facts.ids_by_name.items() if facts.os_by_name[n].startswith("Debian")
    )
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE hardware SET OSNAME = 'Microsoft Windows 10 Pro' WHERE ID = :id"),
            {"id": debian},
        )
    revalidator = GroupRevalidator(check_interval=0)
    # Fresh cache: nothing to do, the change is not seen yet.
    assert revalidator.run(engine, 43200) == []
    assert members(engine, group_id) == before
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE `groups` SET REVALIDATE_FROM = :old WHERE HARDWARE_ID = :g"),
            {"old": int(time.time()) - 50_000, "g": group_id},
        )
    assert revalidator.run(engine, 43200) == [group_id]
    assert members(engine, group_id) == before | {debian} == windows_ids(engine)
    # Claimed and recomputed: a second pass finds it fresh.
    assert revalidator.run(engine, 43200) == []


def test_throttle_and_foreign_groups(fleet: tuple[Engine, FleetFacts]) -> None:
    engine, _ = fleet
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hardware (DEVICEID, NAME, DESCRIPTION) "
                "VALUES ('_SYSTEMGROUP_', 'made in ocsreports', '')"
            )
        )
        gid = conn.execute(
            text("SELECT ID FROM hardware WHERE NAME = 'made in ocsreports'")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO `groups` (HARDWARE_ID, CREATE_TIME, REVALIDATE_FROM, XMLDEF) "
                "VALUES (:g, 0, 0, :x)"
            ),
            {
                "g": gid,
                "x": "<xmldef><REQUEST>SELECT DISTINCT hardware_id FROM bios</REQUEST></xmldef>",
            },
        )
        ours = create_dynamic_group(conn, "ours", WINDOWS)
        conn.execute(
            text("UPDATE `groups` SET REVALIDATE_FROM = 0 WHERE HARDWARE_ID = :g"), {"g": ours}
        )
    revalidator = GroupRevalidator(check_interval=3600)
    # OCS-made group untouched (no cache rows invented), ours recomputed.
    assert revalidator.maybe_run(engine, 43200) == [ours]
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE `groups` SET REVALIDATE_FROM = 0 WHERE HARDWARE_ID = :g"), {"g": ours}
        )
    # Within the check interval the table is not even looked at.
    assert revalidator.maybe_run(engine, 43200) == []
    assert members(engine, gid) == set()
