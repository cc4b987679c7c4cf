"""The machines list: one page at a time, sorted and filtered by the database.

A fleet of 100,000 machines never travels to the console whole: the list asks for
the rows it shows (``fetch_machines``), the total separately (``count_machines``),
and an export streams the same query to CSV. Sorting and the quick filter run in SQL
so they stay fast with the indexes of ``hardware`` (plus ``console_indexes``).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    false,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import aliased

from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.common.progress import Progress, report
from ocs_desktop.fleet.admin_fields import choices_by_column, display_value, list_fields
from ocs_desktop.fleet.filters import MachineFilter, machine_ids
from ocs_desktop.models import AccountInfo, Bios, Hardware

#: Export batch size: one progress report (and cancel check) per batch.
EXPORT_BATCH = 1000
#: Up to this many matches per column, the quick filter becomes a list of machine IDs.
QUICK_IDS_LIMIT = 500

# The list's own joins use aliases: a filter's EXISTS on accountinfo or bios must
# correlate to hardware only, never to the list's joined rows.
_ACCOUNTINFO = aliased(AccountInfo, name="list_accountinfo")
_BIOS = aliased(Bios, name="list_bios")


@dataclass(frozen=True)
class MachineColumn:
    """A column the machines list can show; ``label`` is English, views translate it."""

    key: str
    label: str
    sortable: bool = True


MACHINE_COLUMNS: dict[str, MachineColumn] = {
    column.key: column
    for column in (
        MachineColumn("name", "Name"),
        MachineColumn("tag", "TAG"),
        MachineColumn("osname", "Operating system"),
        MachineColumn("osversion", "OS version"),
        MachineColumn("ipaddr", "IP address"),
        MachineColumn("userid", "User"),
        MachineColumn("processort", "Processor"),
        MachineColumn("memory", "Memory (MB)"),
        MachineColumn("ssn", "Serial number"),
        MachineColumn("useragent", "Agent"),
        MachineColumn("lastdate", "Last inventory"),
        MachineColumn("lastcome", "Last contact"),
    )
}

DEFAULT_COLUMNS: tuple[str, ...] = (
    "name",
    "tag",
    "osname",
    "ipaddr",
    "userid",
    "lastdate",
)

# The SQL expression behind each column key.
_EXPRESSIONS: dict[str, Any] = {
    "name": Hardware.NAME,
    "tag": _ACCOUNTINFO.TAG,
    "osname": Hardware.OSNAME,
    "osversion": Hardware.OSVERSION,
    "ipaddr": Hardware.IPADDR,
    "userid": Hardware.USERID,
    "processort": Hardware.PROCESSORT,
    "memory": Hardware.MEMORY,
    "ssn": _BIOS.SSN,
    "useragent": Hardware.USERAGENT,
    "lastdate": Hardware.LASTDATE,
    "lastcome": Hardware.LASTCOME,
}


@dataclass(frozen=True)
class MachineRow:
    """One line of the machines list."""

    id: int
    name: str | None
    tag: str | None
    osname: str | None
    osversion: str | None
    ipaddr: str | None
    userid: str | None
    processort: str | None
    memory: int | None
    ssn: str | None
    useragent: str | None
    lastdate: dt.datetime | None
    lastcome: dt.datetime | None
    #: Admin field values asked for by ``MachineQuery.admin_columns``, as shown, by column.
    admin: dict[str, str] = field(default_factory=dict, hash=False)

    def value(self, key: str) -> Any:
        """The value of column ``key`` (a ``MACHINE_COLUMNS`` key, ``"id"``, ``admin:…``)."""
        if is_admin_key(key):
            return self.admin.get(key.removeprefix(ADMIN_PREFIX))
        if key != "id" and key not in MACHINE_COLUMNS:
            raise KeyError(key)
        return getattr(self, key)


#: An admin field shown as a column of the list: ``admin:fields_3``.
ADMIN_PREFIX = "admin:"
_ADMIN_KEY = re.compile(r"admin:fields_[0-9]+")


def is_admin_key(key: str) -> bool:
    """Whether ``key`` names an admin field column (``admin:fields_<n>``)."""
    return bool(_ADMIN_KEY.fullmatch(key))


def _admin_values(
    conn: Connection, ids: Sequence[int], columns: Sequence[str]
) -> dict[int, dict[str, str]]:
    """The admin values of these machines for these columns, as shown (choices by text).

    Columns that no longer exist (a field deleted meanwhile) are left out.
    """
    fields = {f.column: f for f in list_fields(conn)}
    present = [c for c in columns if c in fields]
    if not ids or not present:
        return {}
    admin = sql_table("accountinfo", sql_column("HARDWARE_ID"), *(sql_column(c) for c in present))
    choices = choices_by_column(conn)
    rows = conn.execute(
        select(admin.c.HARDWARE_ID, *(admin.c[c] for c in present)).where(
            admin.c.HARDWARE_ID.in_(list(ids))
        )
    )
    values: dict[int, dict[str, str]] = {}
    for hardware_id, *stored in rows:
        values[int(hardware_id)] = {
            c: display_value(
                fields[c], _csv_value(v) if v is not None else None, choices.get(c, ())
            )
            for c, v in zip(present, stored, strict=True)
            if v is not None
        }
    return values


@dataclass(frozen=True)
class MachineQuery:
    """What the list shows: quick filter, filter, and server-side sort."""

    quick_filter: str = ""
    filter: MachineFilter | None = None
    sort_key: str = "name"
    descending: bool = False
    #: Admin field columns (``fields_3``) to bring with each row (``MachineRow.admin``).
    admin_columns: tuple[str, ...] = ()


def like_prefix(text: str) -> str:
    """A LIKE pattern matching values that start with ``text`` literally."""
    return like_escape(text) + "%"


def _quick_columns() -> tuple[tuple[Any, Any], ...]:
    """(id column, text column) pairs the quick filter searches, each one indexed."""
    return (
        (Hardware.ID, Hardware.NAME),
        (Hardware.ID, Hardware.IPADDR),
        (Hardware.ID, Hardware.USERID),
        (Bios.HARDWARE_ID, Bios.SSN),
        (AccountInfo.HARDWARE_ID, AccountInfo.TAG),
    )


def _quick_or(text: str) -> ColumnElement[bool]:
    pattern = like_prefix(text)
    conditions: list[ColumnElement[bool]] = []
    for id_column, column in _quick_columns():
        match = column.like(pattern, escape=LIKE_ESCAPE)
        if id_column is Hardware.ID:
            conditions.append(match)
        else:
            conditions.append(Hardware.ID.in_(select(id_column).where(match)))
    return or_(*conditions)


def quick_filter_condition(text: str) -> ColumnElement[bool] | None:
    """Case-insensitive prefix match on name, IP, user, serial or TAG; None when empty.

    Plain LIKE on purpose: the OCS tables use case-insensitive collations on MySQL and
    SQLite's LIKE ignores ASCII case, and unlike ``lower(col) LIKE`` it can use indexes.
    Serial and TAG are matched by uncorrelated IN sub-queries (materialised once) rather
    than through the list's joins, so counting needs no join at all.
    """
    text = text.strip()
    return _quick_or(text) if text else None


def _quick_ids(conn: Connection, text: str) -> list[int] | None:
    """The machines matching the quick filter when they are few, else None.

    One bounded index range scan per column. A selective prefix ("pc-0123") then becomes
    a short ID list that any sort orders at once, where the OR would walk the sort's index
    through most of the table; a broad prefix ("p") keeps the OR, which that index
    satisfies within a few rows. At 100,000 machines on MariaDB both stay under 20 ms.
    """
    pattern = like_prefix(text)
    ids: set[int] = set()
    for id_column, column in _quick_columns():
        found = (
            conn.execute(
                select(id_column)
                .where(column.like(pattern, escape=LIKE_ESCAPE))
                .limit(QUICK_IDS_LIMIT + 1)
            )
            .scalars()
            .all()
        )
        if len(found) > QUICK_IDS_LIMIT:
            return None
        ids.update(found)
    return sorted(ids)


def _where(conn: Connection, query: MachineQuery) -> ColumnElement[bool]:
    condition = machine_ids(query.filter)
    text = query.quick_filter.strip()
    if not text:
        return condition
    ids = _quick_ids(conn, text)
    if ids is None:
        return and_(condition, _quick_or(text))
    return and_(condition, Hardware.ID.in_(ids) if ids else false())


def _sort_expression(sort_key: str) -> Any:
    try:
        return _EXPRESSIONS[sort_key]
    except KeyError:
        raise ValueError(f"unknown sort key {sort_key!r}") from None


def _joined(statement: Select[Any]) -> Select[Any]:
    # accountinfo and bios hold at most one row per machine: the joins never multiply rows.
    return (
        statement.select_from(Hardware)
        .outerjoin(_ACCOUNTINFO, _ACCOUNTINFO.HARDWARE_ID == Hardware.ID)
        .outerjoin(_BIOS, _BIOS.HARDWARE_ID == Hardware.ID)
    )


def _order(query: MachineQuery) -> tuple[Any, Any]:
    # NULLs sort first ascending and last descending on SQLite and MySQL alike; the ID
    # tiebreak follows the direction so a descending list is the exact reverse.
    sort = _sort_expression(query.sort_key)
    return (sort.desc(), Hardware.ID.desc()) if query.descending else (sort, Hardware.ID)


_COLUMNS = (Hardware.ID, *(_EXPRESSIONS[key] for key in MACHINE_COLUMNS))


def _list_select(conn: Connection, query: MachineQuery) -> Select[Any]:
    """The sorted SELECT of the whole list (no paging), in ``MachineRow`` field order."""
    return _joined(select(*_COLUMNS)).where(_where(conn, query)).order_by(*_order(query))


def _page_ids(conn: Connection, query: MachineQuery, offset: int, limit: int) -> Any:
    """The IDs of one page, sorted and paged without the joins the sort does not need.

    Skipping rows (OFFSET) then costs index entries, not joined rows.
    """
    statement = select(Hardware.ID).select_from(Hardware)
    if query.sort_key == "tag":
        statement = statement.outerjoin(_ACCOUNTINFO, _ACCOUNTINFO.HARDWARE_ID == Hardware.ID)
    elif query.sort_key == "ssn":
        statement = statement.outerjoin(_BIOS, _BIOS.HARDWARE_ID == Hardware.ID)
    statement = statement.where(_where(conn, query)).order_by(*_order(query))
    return statement.offset(offset).limit(limit).subquery("page")


def fetch_machines(
    conn: Connection, query: MachineQuery, offset: int, limit: int
) -> list[MachineRow]:
    """Rows ``offset`` to ``offset + limit`` of the sorted, filtered list."""
    page = _page_ids(conn, query, max(offset, 0), max(limit, 0))
    statement = (
        _joined(select(*_COLUMNS)).join(page, page.c.ID == Hardware.ID).order_by(*_order(query))
    )
    rows = [MachineRow(*row) for row in conn.execute(statement)]
    if query.admin_columns and rows:
        values = _admin_values(conn, [r.id for r in rows], query.admin_columns)
        rows = [dataclasses.replace(r, admin=values.get(r.id, {})) for r in rows]
    return rows


def count_machines(conn: Connection, query: MachineQuery) -> int:
    """How many machines the query lists (the sort does not matter, so no joins)."""
    statement = select(func.count(literal_column("*"))).select_from(Hardware)
    return int(conn.execute(statement.where(_where(conn, query))).scalar_one())


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def export_machines_csv(
    conn: Connection,
    query: MachineQuery,
    columns: Sequence[str],
    stream: TextIO,
    progress: Progress = None,
) -> int:
    """Write the whole result of ``query`` as CSV (header = labels); return the rows written.

    The rows stream from the database (a server-side cursor on MySQL) in batches of
    ``EXPORT_BATCH``, with a progress report after each, so a 100,000-machine export
    neither fills memory nor ignores a cancel.
    """
    # Admin field columns are not exported (they come from a second query per page).
    columns = [key for key in columns if not is_admin_key(key)]
    for key in columns:
        if key not in MACHINE_COLUMNS:
            raise ValueError(f"unknown column {key!r}")
    total = count_machines(conn, query)
    writer = csv.writer(stream)
    writer.writerow([MACHINE_COLUMNS[key].label for key in columns])
    report(progress, 0, total)
    written = 0
    result = conn.execution_options(yield_per=EXPORT_BATCH).execute(_list_select(conn, query))
    try:
        for batch in result.partitions():
            for row in batch:
                machine = MachineRow(*row)
                writer.writerow([_csv_value(machine.value(key)) for key in columns])
            written += len(batch)
            report(progress, written, max(total, written))
    finally:
        result.close()
    return written
