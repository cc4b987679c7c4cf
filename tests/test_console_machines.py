"""The machines list: paging, server-side sorting, quick filter, filters and CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db.console_indexes import CONSOLE_INDEXES, ensure_console_indexes, index_name
from ocs_desktop.fleet import machines
from ocs_desktop.fleet.filters import AgeFilter, AllOf, IdsFilter, TagFilter
from ocs_desktop.fleet.machines import (
    DEFAULT_COLUMNS,
    MACHINE_COLUMNS,
    MachineQuery,
    count_machines,
    export_machines_csv,
    fetch_machines,
)
from ocs_desktop.models import Base
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]

# Columns of the list as plain SQL, to compare with an independent reading.
_PLAIN = """
SELECT h.ID, h.NAME, a.TAG, h.OSNAME, h.OSVERSION, h.IPADDR, h.USERID, h.PROCESSORT,
       h.MEMORY, b.SSN, h.USERAGENT, h.LASTDATE, h.LASTCOME
FROM hardware h
LEFT JOIN accountinfo a ON a.HARDWARE_ID = h.ID
LEFT JOIN bios b ON b.HARDWARE_ID = h.ID
WHERE h.DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')
"""
_KEYS = ("id", *MACHINE_COLUMNS)


def _plain_rows(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = [dict(zip(_KEYS, row, strict=True)) for row in conn.execute(text(_PLAIN))]
    for row in rows:  # untyped SQL on SQLite returns dates as text
        for key in ("lastdate", "lastcome"):
            if isinstance(row[key], str):
                row[key] = dt.datetime.fromisoformat(row[key])
    return rows


def _add_group_row(engine: Engine) -> int:
    """A group pseudo-machine, which the list must never show."""
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME) VALUES ('_SYSTEMGROUP_', 'pc-group')")
        )
        return int(conn.execute(text("SELECT max(ID) FROM hardware")).scalar_one())


def _all(conn, query: MachineQuery, page: int = 4) -> list:
    rows: list = []
    while True:
        batch = fetch_machines(conn, query, len(rows), page)
        rows.extend(batch)
        if len(batch) < page:
            return rows


def test_pages_cover_every_machine_once_and_never_a_group(fleet: Fleet) -> None:
    engine, facts = fleet
    group_id = _add_group_row(engine)
    with engine.connect() as conn:
        rows = _all(conn, MachineQuery(), page=4)
        total = count_machines(conn, MachineQuery())
    ids = [row.id for row in rows]
    assert len(ids) == len(set(ids)) == total == len(facts.ids_by_name)
    assert set(ids) == set(facts.ids_by_name.values())
    assert group_id not in ids
    by_id = {row["id"]: row for row in _plain_rows(engine)}
    for row in rows:
        assert {key: row.value(key) for key in _KEYS} == by_id[row.id]
        assert row.name in facts.ids_by_name and facts.ids_by_name[row.name] == row.id
        assert row.tag == facts.tag_by_name[row.name]
        assert row.osname == facts.os_by_name[row.name]


def _sort_key(value: Any) -> tuple:
    # NULLs first ascending (SQLite and MySQL agree); text compared without case, as
    # the OCS collations do on MySQL (the fleet's values sort the same either way).
    if value is None:
        return (0, "")
    return (1, value.casefold() if isinstance(value, str) else value)


@pytest.mark.parametrize("key", ["name", "tag", "osname", "memory", "ssn", "lastdate", "ipaddr"])
def test_sort_both_directions_with_id_tiebreak(fleet: Fleet, key: str) -> None:
    engine, _ = fleet
    expected = sorted(_plain_rows(engine), key=lambda r: (_sort_key(r[key]), r["id"]))
    with engine.connect() as conn:
        ascending = _all(conn, MachineQuery(sort_key=key), page=3)
        descending = _all(conn, MachineQuery(sort_key=key, descending=True), page=3)
    assert [r.id for r in ascending] == [r["id"] for r in expected]
    assert [r.id for r in descending] == [r["id"] for r in reversed(expected)]


def test_unknown_sort_key_is_refused(fleet: Fleet) -> None:
    engine, _ = fleet
    with engine.connect() as conn, pytest.raises(ValueError):
        fetch_machines(conn, MachineQuery(sort_key="DEVICEID"), 0, 10)


def _expected_quick(rows: list[dict[str, Any]], prefix: str) -> set[int]:
    wanted = prefix.casefold()
    return {
        row["id"]
        for row in rows
        if any(
            (row[key] or "").casefold().startswith(wanted)
            for key in ("name", "ipaddr", "userid", "ssn", "tag")
        )
    }


# 500: every prefix resolves to a short ID list; 2: broader ones keep the OR condition.
@pytest.mark.parametrize("ids_limit", [500, 2])
def test_quick_filter_prefix_on_name_ip_user_serial_and_tag(
    fleet: Fleet, ids_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, facts = fleet
    monkeypatch.setattr(machines, "QUICK_IDS_LIMIT", ids_limit)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE hardware SET USERID = 'jdupont', IPADDR = '10.1.2.3' WHERE ID = :id"),
            {"id": facts.ids_by_name["pc-000004"]},
        )
    plain = _plain_rows(engine)
    serial = next(r["ssn"] for r in plain if r["ssn"])
    prefixes = [
        "pc-00000",  # name
        "PC-0000",  # name, other case
        "vm",
        "10.1.",  # IP
        "192.0.2",
        "JDUP",  # user
        serial[:-1],  # serial
        "lyo",  # TAG
        "par",
        "nomatch",
    ]
    with engine.connect() as conn:
        for prefix in prefixes:
            query = MachineQuery(quick_filter=prefix)
            got = {r.id for r in _all(conn, query)}
            assert got == _expected_quick(plain, prefix), prefix
            assert count_machines(conn, query) == len(got), prefix
    assert _expected_quick(plain, "10.1.") == {facts.ids_by_name["pc-000004"]}
    assert _expected_quick(plain, "lyo") == {
        facts.ids_by_name[name] for name, tag in facts.tag_by_name.items() if tag == "LYON"
    }


@pytest.mark.parametrize("ids_limit", [500, 0])
def test_quick_filter_wildcards_are_literal(
    fleet: Fleet, ids_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, facts = fleet
    monkeypatch.setattr(machines, "QUICK_IDS_LIMIT", ids_limit)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE hardware SET NAME = :name WHERE ID = :id"),
            {"name": "a%b_c/d\\e", "id": facts.ids_by_name["pc-000001"]},
        )
    with engine.connect() as conn:
        for prefix, expected in [
            ("%", set()),
            ("_", set()),
            ("pc_", set()),
            ("a%", {facts.ids_by_name["pc-000001"]}),
            ("a%b_", {facts.ids_by_name["pc-000001"]}),
            ("a_", set()),
            ("a%b_c/", {facts.ids_by_name["pc-000001"]}),
            ("a%b_c/d\\", {facts.ids_by_name["pc-000001"]}),
            ("a%b_c/d\\f", set()),
        ]:
            query = MachineQuery(quick_filter=prefix)
            assert {r.id for r in fetch_machines(conn, query, 0, 100)} == expected, prefix
            assert count_machines(conn, query) == len(expected), prefix


def test_filters_narrow_the_list(fleet: Fleet) -> None:
    engine, facts = fleet
    now = dt.datetime.now()
    paris = {facts.ids_by_name[n] for n, tag in facts.tag_by_name.items() if tag == "PARIS"}
    recent = {facts.ids_by_name[n] for n, age in facts.age_by_name.items() if age < 1}
    some = frozenset(list(facts.ids_by_name.values())[:4])
    cases = [
        (TagFilter("PARIS"), paris),
        (AgeFilter(0, 1, now), recent),
        (IdsFilter(some), set(some)),
        (AllOf((TagFilter("PARIS"), IdsFilter(some))), paris & some),
    ]
    with engine.connect() as conn:
        for filter_, expected in cases:
            for sort_key in ("name", "lastdate"):
                query = MachineQuery(filter=filter_, sort_key=sort_key)
                assert {r.id for r in _all(conn, query)} == expected, filter_.describe()
                assert count_machines(conn, query) == len(expected)
        # The quick filter and a filter combine.
        query = MachineQuery(quick_filter="pc-", filter=TagFilter("PARIS"))
        expected = {facts.ids_by_name[n] for n in facts.ids_by_name if n.startswith("pc-")}
        assert {r.id for r in _all(conn, query)} == paris & expected


def test_export_csv_writes_labels_and_values(fleet: Fleet) -> None:
    engine, facts = fleet
    columns = ["name", "tag", "osname", "memory", "ssn", "lastdate"]
    reports: list[tuple[int, int]] = []
    stream = io.StringIO(newline="")
    query = MachineQuery(sort_key="name")

    def progress(done: int, total: int) -> bool:
        reports.append((done, total))
        return True

    with engine.connect() as conn:
        written = export_machines_csv(conn, query, columns, stream, progress)
        rows = _all(conn, query)
    parsed = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert parsed[0] == [MACHINE_COLUMNS[key].label for key in columns]
    assert written == len(parsed) - 1 == len(facts.ids_by_name)
    for line, row in zip(parsed[1:], rows, strict=True):
        assert line[0] == row.name
        assert line[1] == (row.tag or "")
        assert line[2] == (row.osname or "")
        assert line[3] == str(row.memory)
        assert line[4] == (row.ssn or "")
        assert dt.datetime.fromisoformat(line[5]) == row.lastdate
    assert reports[0] == (0, written) and reports[-1] == (written, written)


def test_export_csv_can_be_cancelled(fleet: Fleet) -> None:
    engine, _ = fleet
    with engine.connect() as conn, pytest.raises(Cancelled):
        export_machines_csv(
            conn, MachineQuery(), list(DEFAULT_COLUMNS), io.StringIO(), lambda d, t: False
        )


def test_export_csv_refuses_unknown_columns(fleet: Fleet) -> None:
    engine, _ = fleet
    with engine.connect() as conn, pytest.raises(ValueError):
        export_machines_csv(conn, MachineQuery(), ["name", "CHECKSUM"], io.StringIO())


def test_console_indexes_are_created_once_and_change_nothing(fleet: Fleet) -> None:
    engine, _ = fleet
    query = MachineQuery(sort_key="lastdate", quick_filter="pc-", descending=True)
    with engine.connect() as conn:
        before = _all(conn, query)
    wanted = [index_name(t, c) for t, c in CONSOLE_INDEXES]
    # init_database may already have created them; then there is nothing left to do.
    assert ensure_console_indexes(engine) in (wanted, [])
    assert ensure_console_indexes(engine) == []
    with engine.connect() as conn:
        assert ensure_console_indexes(conn) == []
        for table, columns in CONSOLE_INDEXES:
            names = {ix["name"] for ix in inspect(conn).get_indexes(table)}
            name = index_name(table, columns)
            # SQLite stores index names per database, as <table>_<name> (models.sqlite_ddl).
            assert name in names or f"{table}_{name}" in names
        assert _all(conn, query) == before
    # Our indexes never join the models' metadata (``db check`` must not ask for them).
    ours = {ix.name for table, _ in CONSOLE_INDEXES for ix in Base.metadata.tables[table].indexes}
    assert not ours & set(wanted)
