"""Indexes the console no longer needs are dropped where an older version made them, and
the IP sorts read the narrow (IPADDR) / (IPSRC) indexes on MariaDB.

Real machines are told apart from group rows by ID (``filters.machines_only``), so the
(IPADDR, DEVICEID) and (IPSRC, DEVICEID) indexes of earlier versions only cost writes.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, select, text

from ocs_desktop.db.console_indexes import RETIRED_INDEXES, ensure_console_indexes
from ocs_desktop.fleet.filters import machines_only
from ocs_desktop.fleet.groups import create_static_group
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from ocs_desktop.models import Hardware
from tests.support.console_fleet import FleetFacts


def _index_names(engine: Engine, table: str) -> set[str]:
    return {str(index["name"]) for index in inspect(engine).get_indexes(table)}


@pytest.mark.parametrize(
    "db_url", [pytest.param("mariadb", marks=pytest.mark.mariadb)], indirect=True
)  # MariaDB's sort indexes only: SQLite pages IP sorts through ocsdesktop_ip_order
def test_retired_indexes_are_dropped_and_the_ip_sorts_keep_theirs(
    fleet: tuple[Engine, FleetFacts],
) -> None:
    engine, _ = fleet
    with engine.begin() as conn:
        for table, name in RETIRED_INDEXES:
            column = name.removeprefix(f"ocsdesktop_{table}_").removesuffix("_DEVICEID")
            conn.execute(text(f"CREATE INDEX `{name}` ON `{table}` (`{column}`, `DEVICEID`)"))
    assert {name for _, name in RETIRED_INDEXES} <= _index_names(engine, "hardware")

    ensure_console_indexes(engine)

    names = _index_names(engine, "hardware")
    assert not names & {name for _, name in RETIRED_INDEXES}
    assert {"ocsdesktop_hardware_IPADDR", "ocsdesktop_hardware_IPSRC"} <= names
    assert ensure_console_indexes(engine) == []  # idempotent: nothing more to do
    for key in ("ipaddr", "hardware.IPSRC"):
        with engine.connect() as conn:
            plan = conn.execute(
                text(
                    "EXPLAIN SELECT ID FROM hardware WHERE "
                    + str(machines_only().compile(conn, compile_kwargs={"literal_binds": True}))
                    + f" ORDER BY INET_ATON({key.split('.')[-1].upper()}), ID LIMIT 200"
                )
            ).mappings()
            outer = next(row for row in plan if row["table"] == "hardware")
        assert outer["key"] == f"ocsdesktop_hardware_{key.split('.')[-1].upper()}"
        assert "Using index" in outer["Extra"]  # covered: no row read for DEVICEID


def test_group_rows_stay_out_of_the_list_sorted_by_ip(fleet: tuple[Engine, FleetFacts]) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        create_static_group(conn, "Lab")
        groups = conn.scalars(select(Hardware.ID).where(~machines_only())).all()
        assert groups  # a group pseudo-row: the filter has something to drop
        page = fetch_machines(conn, MachineQuery(sort_key="ipaddr", descending=True), 0, 500)
    listed = {row.id for row in page}
    assert not listed & set(groups)
    assert listed == set(facts.ids_by_name.values())
