"""The reference console's queries (``bench/reference_console.py``) on a real small fleet.

The fleet is the console tests' one (``support/console_fleet``): bench/fleet.py machines
through the real Ingestor, on MariaDB with our extension indexes. The reference's
statements must avoid every one of those indexes and give the machines and counts our own
console gives, except where the reference is known to differ (two software names asked
of one software row).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, inspect, text

from bench.reference_console import (
    EXTENSION_PREFIX,
    PAGE_ROWS,
    fill_software_link,
    ignore_ours,
    machines_page,
    reference_queries,
    search,
    software_counts,
    software_page,
    time_reference,
)
from ocs_desktop.db.console_indexes import ensure_console_indexes
from ocs_desktop.db.engines import create_database_if_missing, create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.machines import MachineQuery, count_machines, fetch_machines
from ocs_desktop.fleet.search import Criterion, Operator, Search
from ocs_desktop.fleet.software_catalog import SoftwareQuery, count_software, iter_software
from tests.support.console_fleet import FleetFacts, fill_fleet
from tests.support.reference_schema import drop_database
from tests.support.services import mysql_database_url

pytestmark = pytest.mark.mariadb


@pytest.fixture(scope="module")
def fleet_db(mysql_server_url: str) -> Iterator[tuple[Engine, FleetFacts]]:
    url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    engine = create_engine_for(url)
    try:
        init_database(engine)
        ensure_console_indexes(engine)
        yield engine, fill_fleet(engine, derived=14)  # more machines than one page
    finally:
        engine.dispose()
        drop_database(url)


@pytest.fixture
def conn(fleet_db: tuple[Engine, FleetFacts]) -> Iterator[Connection]:
    with fleet_db[0].connect() as connection:
        yield connection


def _ours(conn: Connection, names: tuple[str, str], os_text: str) -> set[int]:
    found = Search(
        (
            Criterion("software.NAME", Operator.equals, names[0]),
            Criterion("software.NAME", Operator.equals, names[1]),
            Criterion("hardware.OSNAME", Operator.contains, os_text),
        )
    )
    query = MachineQuery(filter=found)
    rows = fetch_machines(conn, query, 0, 10_000)
    assert len(rows) == count_machines(conn, query)
    return {row.id for row in rows}


def _reference_search(conn: Connection, names: tuple[str, str], os_text: str) -> set[int]:
    whole, page, found_rows = search(conn, names, os_text)
    ids = {int(row.hardwareID) for row in conn.execute(text(whole[1]), whole[2])}
    shown = conn.execute(text(page[1]), page[2]).all()
    total = conn.execute(text(found_rows[1])).scalar_one()
    assert total == len(ids)
    assert {int(row.hardwareID) for row in shown} <= ids
    assert len(shown) == min(PAGE_ROWS, len(ids))
    return ids


def test_hints_name_every_extension_index_and_nothing_else(conn: Connection) -> None:
    software = [i["name"] for i in inspect(conn).get_indexes("software")]
    ours = sorted(str(n) for n in software if str(n).startswith(EXTENSION_PREFIX))
    assert ours  # the fleet has our (NAME_ID, HARDWARE_ID) index
    hint = ignore_ours(conn, "software")
    assert hint == f" IGNORE INDEX ({', '.join(f'`{name}`' for name in ours)})"
    assert "`NAME_ID`" not in hint and "`HARDWARE_ID`" not in hint  # OCS's own stay usable
    assert ignore_ours(conn, "videos") == ""  # no extension index there: no hint at all


def test_no_statement_uses_an_extension_index(conn: Connection) -> None:
    fill_software_link(conn)
    statements = reference_queries(
        conn, software_names=("bench-tool-0-1", "bench-tool-0-1"), os_contains="Windows"
    )
    conn.rollback()
    hinted = {table: ignore_ours(conn, table) for table in ("hardware", "software", "networks")}
    assert all(hinted.values())
    references = 0
    planned = 0
    for _, sql, params in statements:
        if sql.startswith("SELECT FOUND_ROWS()"):
            continue
        for table, hint in hinted.items():
            for found in re.finditer(rf"(FROM|JOIN) `?{table}\b`?( [a-z]+)?", sql):
                assert sql[found.end() :].startswith(hint), (table, sql)
                references += 1
        for row in conn.execute(text("EXPLAIN " + sql), params).mappings():
            assert not str(row["key"] or "").startswith(EXTENSION_PREFIX), (sql, dict(row))
            planned += 1
    assert planned >= 10
    assert references == 7  # hardware 3, software 3, networks 1


def test_software_counts_are_our_catalog(conn: Connection) -> None:
    _, sql, params = software_counts(conn)
    reference = {
        (int(r.NAME_ID), int(r.PUBLISHER_ID), int(r.VERSION_ID)): int(r.NB)
        for r in conn.execute(text(sql), params)
    }
    ours = {
        (e.name_id, e.publisher_id, e.version_id): e.installs
        for e in iter_software(conn, SoftwareQuery())
    }
    assert len(ours) > 900
    assert reference == ours


def test_the_software_page_reads_what_the_cron_wrote(conn: Connection) -> None:
    try:
        written = fill_software_link(conn)
        assert written == count_software(conn, SoftwareQuery())
        page, found_rows = software_page(conn)
        rows = conn.execute(text(page[1]), page[2]).all()
        assert conn.execute(text(found_rows[1])).scalar_one() == written
        assert len(rows) == PAGE_ROWS
        ours = {
            (e.name, e.publisher, e.version): e.installs
            for e in iter_software(conn, SoftwareQuery())
        }
        assert {int(r.nb) for r in rows} and all(
            ours[(r.NAME, r.PUBLISHER, r.VERSION)] == int(r.nb) for r in rows
        )
    finally:
        conn.rollback()  # software_link stays as the fleet left it (empty)


def test_search_with_one_name_twice_finds_our_machines(conn: Connection) -> None:
    common = max(iter_software(conn, SoftwareQuery()), key=lambda e: e.installs).name
    for names in ((common, common), ("bench-tool-0-1", "bench-tool-0-1")):
        ours = _ours(conn, names, "Windows")
        assert ours  # the fleet has Windows machines with it
        assert _reference_search(conn, names, "Windows") == ours


def test_search_with_two_names_finds_nothing_unlike_ours(conn: Connection) -> None:
    common = max(iter_software(conn, SoftwareQuery()), key=lambda e: e.installs).name
    names = (common, "bench-tool-0-1")
    assert _ours(conn, names, "Windows")  # machine pc-000001 has both and runs Windows
    assert _reference_search(conn, names, "Windows") == set()  # one row named both: none


def test_machines_page_counts_our_machines(conn: Connection) -> None:
    page, found_rows = machines_page(conn)
    rows = conn.execute(text(page[1]), page[2]).all()
    total = conn.execute(text(found_rows[1])).scalar_one()
    query = MachineQuery()
    assert total == count_machines(conn, query) > PAGE_ROWS
    all_ids = {row.id for row in fetch_machines(conn, query, 0, 10_000)}
    assert len(rows) == PAGE_ROWS
    assert {int(row.ID) for row in rows} <= all_ids
    tags = [row.TAG for row in rows]
    assert tags == sorted(tags, key=lambda tag: (tag is not None, tag or ""))  # NULLs first


def test_time_reference_times_each_page_once(conn: Connection) -> None:
    queries = reference_queries(
        conn, software_names=("bench-tool-0-1", "bench-tool-0-1"), os_contains="Windows"
    )
    timed = time_reference(conn, queries, runs=2)
    labels = [label for label, _, _ in timed]
    assert labels == list(dict.fromkeys(label for label, _, _ in queries))
    assert len(labels) == 3  # software_link is empty: no page over it
    assert all(ms > 0 for _, ms, _ in timed)
    search_detail = next(d for label, _, d in timed if label.startswith("search"))
    assert search_detail.endswith("found 1")  # pc-000001, the one Windows machine with it
