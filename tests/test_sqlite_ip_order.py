"""SQLite's IP sort pages through ``ocsdesktop_ip_order``, kept by triggers on ``hardware``.

The number of each address lives in a plain indexed column (an expression index would make
SQLAlchemy warn on every reflection); triggers keep it for every writer. Checked: the rows
follow inserts, IP changes and deletions made in plain SQL; the page is read from the index,
not sorted; a database without the triggers still sorts right and gets them back.
"""

from __future__ import annotations

import ipaddress
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, inspect, text

from ocs_desktop.db.console_indexes import (
    IP_ORDER_TRIGGERS,
    ensure_console_indexes,
    ip_number_sql,
    sqlite_ip_order_ready,
)
from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from tests.support.console_fleet import fill_fleet

IPS = ("10.1.0.14", "10.1.0.110", "10.1.0.9", "10.2.0.1", "9.255.0.1", None, "garbage")


@pytest.fixture
def lite(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    fill_fleet(engine)
    with engine.begin() as conn:
        ids = list(conn.scalars(text("SELECT ID FROM hardware ORDER BY ID")))
        for n, machine in enumerate(ids):
            conn.execute(
                text("UPDATE hardware SET IPADDR = :ip, IPSRC = :src WHERE ID = :id"),
                {"ip": IPS[n % len(IPS)], "src": IPS[(n + 2) % len(IPS)], "id": machine},
            )
    try:
        yield engine
    finally:
        engine.dispose()


def _mismatches(engine: Engine) -> list[Any]:
    """Machines whose ``ocsdesktop_ip_order`` row is missing or differs from the expression."""
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    f"SELECT h.ID FROM hardware h LEFT JOIN ocsdesktop_ip_order o"
                    f" ON o.HARDWARE_ID = h.ID WHERE o.HARDWARE_ID IS NULL"
                    f" OR o.IPADDR_NUM IS NOT {ip_number_sql('IPADDR', 'h.')}"
                    f" OR o.IPSRC_NUM IS NOT {ip_number_sql('IPSRC', 'h.')}"
                    f" UNION ALL SELECT o.HARDWARE_ID FROM ocsdesktop_ip_order o"
                    f" WHERE o.HARDWARE_ID NOT IN (SELECT ID FROM hardware)"
                )
            )
        )


def _sorted_ids(engine: Engine, key: str, descending: bool = False) -> list[int]:
    rows: list[Any] = []
    with engine.connect() as conn:
        while batch := fetch_machines(
            conn, MachineQuery(sort_key=key, descending=descending), len(rows), 4
        ):
            rows.extend(batch)
    return [r.id for r in rows]


def _expected(engine: Engine, column: str, descending: bool) -> list[int]:
    """By the address's number (NULL first, text without digits as 0), then the ID."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT ID, {column} FROM hardware WHERE DEVICEID NOT IN "
                "('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"
            )
        ).all()

    def number(ip: str | None) -> tuple[bool, int]:
        if ip is None:
            return (False, 0)
        try:
            return (True, int(ipaddress.IPv4Address(ip)))
        except ValueError:
            return (True, 0)

    ordered = sorted(rows, key=lambda r: (number(r[1]), r[0]), reverse=descending)
    return [int(r[0]) for r in ordered]


def test_the_triggers_follow_every_writer(lite: Engine) -> None:
    assert _mismatches(lite) == []
    with lite.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO hardware (DEVICEID, NAME, IPADDR, LASTDATE)"
                " VALUES ('new-1', 'new', '192.168.1.20', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(text("UPDATE hardware SET IPADDR = '172.16.0.1' WHERE NAME = 'new'"))
        newest = conn.scalar(text("SELECT ID FROM hardware WHERE NAME = 'new'"))
        number = conn.scalar(
            text("SELECT IPADDR_NUM FROM ocsdesktop_ip_order WHERE HARDWARE_ID = :i"),
            {"i": newest},
        )
        assert number == int(ipaddress.IPv4Address("172.16.0.1"))
        conn.execute(text("DELETE FROM hardware WHERE ID = (SELECT MIN(ID) FROM hardware)"))
    assert _mismatches(lite) == []


@pytest.mark.parametrize("key,column", [("ipaddr", "IPADDR"), ("hardware.IPSRC", "IPSRC")])
@pytest.mark.parametrize("descending", [False, True])
def test_ip_sorts_equal_the_numbers(lite: Engine, key: str, column: str, descending: bool) -> None:
    assert _sorted_ids(lite, key, descending) == _expected(lite, column, descending)


def test_the_page_is_read_from_the_index_not_sorted(lite: Engine) -> None:
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        statements.append((statement, parameters))

    with lite.connect() as conn:
        event.listen(conn, "before_cursor_execute", keep)
        fetch_machines(conn, MachineQuery(sort_key="ipaddr"), 0, 5)
        event.remove(conn, "before_cursor_execute", keep)
        page = next(s for s in statements if "ocsdesktop_ip_order" in s[0])
        plan = [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {page[0]}", page[1])]
    assert any("ocsdesktop_ip_order_ipaddr" in step for step in plan), plan
    # The page's own ORDER BY needs no temporary B-tree (only the outer 5 rows may).
    page_steps = [s for s in plan if "ocsdesktop_ip_order" in s or "TEMP B-TREE" in s]
    assert sum("TEMP B-TREE" in s for s in page_steps) <= 1, plan


def test_reflection_stays_silent(lite: Engine) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with lite.connect() as conn:
            inspector = inspect(conn)
            names = {ix["name"] for ix in inspector.get_indexes("ocsdesktop_ip_order")}
            inspector.get_indexes("hardware")
    assert any("ipaddr" in name.lower() for name in names), names


def test_a_database_without_the_triggers_sorts_and_gets_them_back(lite: Engine) -> None:
    with lite.begin() as conn:
        for trigger in IP_ORDER_TRIGGERS:
            conn.exec_driver_sql(f'DROP TRIGGER "{trigger}"')
        conn.exec_driver_sql("DELETE FROM ocsdesktop_ip_order WHERE HARDWARE_ID % 2 = 0")
        conn.exec_driver_sql("UPDATE hardware SET IPADDR = '10.9.9.9' WHERE ID % 3 = 0")
        assert not sqlite_ip_order_ready(conn)
    assert _sorted_ids(lite, "ipaddr") == _expected(lite, "IPADDR", False)
    assert _mismatches(lite) != []
    assert ensure_console_indexes(lite) == list(IP_ORDER_TRIGGERS)
    with lite.connect() as conn:
        assert sqlite_ip_order_ready(conn)
    # Refilled whole: the missing rows and the ones changed while the triggers were gone.
    assert _mismatches(lite) == []
    assert _sorted_ids(lite, "ipaddr") == _expected(lite, "IPADDR", False)
