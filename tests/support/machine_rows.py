"""One machine's rows in every ocsweb table, read back plainly so two databases compare.

Row ids differ from one database to another, so they are left out, and a software row
names its dictionary entries (name, publisher, version) instead of pointing at them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Engine, FromClause, Select, Table, literal, select

from ocs_desktop.models import Base

TABLES = Base.metadata.tables
#: Columns of ``hardware`` the communication server fills from the request, not the XML.
REQUEST_SET_HARDWARE = frozenset({"USERAGENT", "IPSRC", "LASTCOME"})
_DICTIONARY = {
    "NAME_ID": ("software_name", "NAME"),
    "PUBLISHER_ID": ("software_publisher", "PUBLISHER"),
    "VERSION_ID": ("software_version", "VERSION"),
}

Row = tuple[tuple[str, object], ...]


def machine_tables() -> list[Table]:
    """``hardware`` and every table whose rows belong to a machine (a HARDWARE_ID column)."""
    return [TABLES["hardware"]] + [
        table for table in Base.metadata.sorted_tables if "HARDWARE_ID" in table.c
    ]


def _query(table: Table, hardware_id: int, leave_out: frozenset[str]) -> Select:
    if table.name == "hardware":
        columns = [c for c in table.c if c.name not in leave_out | {"ID"}]
        return select(*columns).where(table.c.ID == hardware_id)
    if table.name != "software":
        # A table of ids only (``archive``) is read for its rows' presence.
        columns = [c for c in table.c if c.name not in {"ID", "HARDWARE_ID"}]
        present = [literal(1).label("present")]
        return (
            select(*(columns or present))
            .select_from(table)
            .where(table.c.HARDWARE_ID == hardware_id)
        )
    source: FromClause = table
    picked: list[ColumnElement[Any]] = []
    for column in table.c:
        if column.name in _DICTIONARY:
            name, text = _DICTIONARY[column.name]
            entry = TABLES[name].alias(f"d_{name}")
            source = source.join(entry, entry.c.ID == column)
            picked.append(entry.c[text].label(text))
        elif column.name not in {"ID", "HARDWARE_ID"}:
            picked.append(column)
    return select(*picked).select_from(source).where(table.c.HARDWARE_ID == hardware_id)


def machine_rows(
    engine: Engine, hardware_id: int, *, leave_out: frozenset[str] = REQUEST_SET_HARDWARE
) -> dict[str, list[Row]]:
    """Each machine table's rows of this machine, as sorted (column, value) tuples; the
    ``hardware`` row without ``leave_out``. Tables without a row are left out."""
    found: dict[str, list[Row]] = {}
    with engine.connect() as conn:
        for table in machine_tables():
            result = conn.execute(_query(table, hardware_id, leave_out))
            keys = list(result.keys())
            rows = [tuple(zip(keys, row, strict=True)) for row in result]
            if rows:
                found[table.name] = sorted(rows, key=repr)
    return found
