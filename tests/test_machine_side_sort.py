"""Sorts by a bios or accountinfo column page exactly as the plain LEFT JOIN sorts.

On MariaDB the whole list's page is merged from the side table's index and the machines
without a side row (``fleet/machines._side_page``); SQLite and a narrowed list keep the
join. Either way each page must equal the page of ``hardware LEFT JOIN side ORDER BY
side.X, hardware.ID``: machines with no bios or accountinfo row and NULL values first
ascending and last descending, ties by ID in the list's direction, with a filter and a
quick filter, at any offset.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table

from ocs_desktop.db.console_indexes import ensure_console_indexes
from ocs_desktop.fleet import machines
from ocs_desktop.fleet.admin_data import AdminFieldType, set_admin_value
from ocs_desktop.fleet.admin_fields import add_field
from ocs_desktop.fleet.filters import TagFilter, machine_ids
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines, quick_filter_condition
from ocs_desktop.models import Hardware
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]
#: Models with ties and letter case that only differs ("abc" = "ABC" for both backends' sort).
MODELS = ("Latitude", "abc", "OptiPlex", "ABC", "latitude", "Zbook")


@pytest.fixture
def side_fleet(fleet: Fleet) -> tuple[Engine, str]:
    """The fleet with one machine without bios, one without accountinfo, NULL values,
    tied values, and a text admin field ROOM (indexed at the next connection, as in use)."""
    engine, facts = fleet
    ids = sorted(facts.ids_by_name.values())
    assert len(ids) >= 8
    with engine.begin() as conn:
        room = add_field(conn, "ROOM", AdminFieldType.TEXT, "Room")
        for n, machine in enumerate(ids):
            model = None if n % 4 == 3 else MODELS[n % len(MODELS)]
            conn.execute(
                text("UPDATE bios SET SMODEL = :m, BVERSION = :v WHERE HARDWARE_ID = :id"),
                {"m": model, "v": "1.0" if n % 2 else None, "id": machine},
            )
            conn.execute(
                text("UPDATE accountinfo SET TAG = :t WHERE HARDWARE_ID = :id"),
                {"t": None if n == 2 else ("lab", "Lab", "office")[n % 3], "id": machine},
            )
            value = None if n % 5 == 1 else f"room {n % 3}"
            set_admin_value(conn, [machine], room.column, value)
        # Two machines lose their side rows: their sort value is NULL, as with no bios.
        conn.execute(text("DELETE FROM bios WHERE HARDWARE_ID = :id"), {"id": ids[4]})
        conn.execute(text("DELETE FROM accountinfo WHERE HARDWARE_ID = :id"), {"id": ids[5]})
    ensure_console_indexes(engine)  # the admin field's index, as a new connection makes it
    return engine, f"admin:{room.column}"


def _reference(conn: Any, query: MachineQuery, table: str, column: str) -> list[int]:
    """The whole list by the plain statement: hardware LEFT JOIN side ORDER BY X, ID."""
    side = sql_table(table, sql_column("HARDWARE_ID"), sql_column(column)).alias("reference")
    value = side.c[column]
    if conn.dialect.name == "sqlite":
        value = value.collate("NOCASE")
    condition = machine_ids(query.filter)
    quick = quick_filter_condition(query.quick_filter)
    keys = [value, Hardware.ID]
    statement = (
        select(Hardware.ID)
        .select_from(Hardware)
        .outerjoin(side, side.c.HARDWARE_ID == Hardware.ID)
        .where(condition if quick is None else condition & quick)
        .order_by(*(k.desc() for k in keys) if query.descending else keys)
    )
    return [int(i) for i in conn.scalars(statement)]


@pytest.mark.parametrize("key", ["bios.SMODEL", "bios.BVERSION", "ssn", "tag", "admin"])
def test_side_sorts_page_as_the_plain_join(side_fleet: Any, key: str) -> None:
    engine, room = side_fleet
    key = room if key == "admin" else key
    for descending in (False, True):
        for narrowed in ("all", "filter", "quick"):
            _check_pages(engine, key, descending, narrowed)


def _check_pages(engine: Engine, key: str, descending: bool, narrowed: str) -> None:
    if key.startswith("bios.") or key == "ssn":
        table, column = "bios", "SSN" if key == "ssn" else key.removeprefix("bios.")
    else:
        table, column = "accountinfo", "TAG" if key == "tag" else key.removeprefix("admin:")
    query = MachineQuery(
        sort_key=key,
        descending=descending,
        columns=(key,),
        filter=TagFilter("lab") if narrowed == "filter" else None,
        quick_filter="pc-" if narrowed == "quick" else "",
    )
    statements: list[str] = []

    def capture(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    with engine.connect() as conn:
        expected = _reference(conn, query, table, column)
        assert len(expected) >= 5 if narrowed != "filter" else len(expected) >= 2
        event.listen(engine, "before_cursor_execute", capture)
        try:
            for limit in (1, 2, 3, len(expected)):
                for offset in (0, 1, limit, len(expected) - 2, len(expected), len(expected) + 3):
                    page = fetch_machines(conn, query, offset, limit)
                    wanted = expected[offset : offset + limit]
                    assert [r.id for r in page] == wanted, (key, descending, narrowed, offset)
        finally:
            event.remove(engine, "before_cursor_execute", capture)
    # MariaDB pages the whole list's sorts through the side table's index; SQLite, and a
    # narrowed list, keep the join.
    merged = any("candidates" in s for s in statements)
    assert merged == (engine.dialect.name != "sqlite" and narrowed == "all"), (key, narrowed)


def test_machines_without_side_rows_take_the_null_place(side_fleet: Any) -> None:
    """The machine without bios sorts with the NULL models: first up, last down."""
    engine, _ = side_fleet
    with engine.connect() as conn:
        nulls = {
            int(i)
            for i in conn.scalars(
                text(
                    "SELECT h.ID FROM hardware h LEFT JOIN bios b ON b.HARDWARE_ID = h.ID "
                    "WHERE b.SMODEL IS NULL AND h.DEVICEID NOT IN "
                    "('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"
                )
            )
        }
        no_bios = set(conn.scalars(text("SELECT ID FROM hardware"))) - set(
            conn.scalars(text("SELECT HARDWARE_ID FROM bios"))
        )
        assert no_bios & nulls and len(nulls) >= 3
        up = fetch_machines(conn, MachineQuery(sort_key="bios.SMODEL"), 0, 100)
        down = fetch_machines(conn, MachineQuery(sort_key="bios.SMODEL", descending=True), 0, 100)
    assert [r.id for r in up[: len(nulls)]] == sorted(nulls)
    assert [r.id for r in down[-len(nulls) :]] == sorted(nulls, reverse=True)
    assert [r.id for r in down] == [r.id for r in reversed(up)]


def test_deep_pages_sort_the_join_with_the_same_rows(
    side_fleet: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below ``SIDE_INDEX_ROWS`` a page comes from the index, deeper from the join: the
    pages on either side of the switch join up exactly (the depth lowered to 4 rows)."""
    engine, _ = side_fleet
    monkeypatch.setattr(machines, "SIDE_INDEX_ROWS", 4)
    for descending in (False, True):
        query = MachineQuery(sort_key="bios.SMODEL", descending=descending)
        with engine.connect() as conn:
            expected = _reference(conn, query, "bios", "SMODEL")
            paged = [
                r.id
                for offset in range(0, len(expected), 2)
                for r in fetch_machines(conn, query, offset, 2)
            ]
        assert paged == expected
