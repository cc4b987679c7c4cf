"""The machines list: one page at a time, sorted and filtered by the database.

A fleet of 100,000 machines never travels to the console whole: the list asks for
the rows it shows (``fetch_machines``), the total separately (``count_machines``),
and an export streams the same query to CSV. Sorting and the quick filter run in SQL
so they stay fast with the indexes of ``hardware`` (plus ``console_indexes``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    case,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import aliased

from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.console_indexes import (
    IP_ORDER_COLUMNS,
    column_leads_an_index,
    ip_number_sql,
    sqlite_ip_order_ready,
)
from ocs_desktop.fleet.admin_data import AdminFieldType
from ocs_desktop.fleet.admin_fields import (
    choices_by_column,
    display_value,
    list_choices,
    list_fields,
)
from ocs_desktop.fleet.filters import MachineFilter, bound_filter, machine_ids
from ocs_desktop.fleet.machine_columns import (
    ADMIN_PREFIX,
    CATALOGUE,
    CLASSIC_KEYS,
    column_spec,
    is_admin_key,
    is_known_key,
)
from ocs_desktop.models import AccountInfo, Bios, Hardware
from ocs_desktop.models.extensions import ip_order

#: Export batch size: one progress report (and cancel check) per batch.
EXPORT_BATCH = 1000
#: Up to this many matches per column, the quick filter becomes a list of machine IDs.
#: At 500, "pc-050" (1,000 of 100,000 machines) took the OR, which walked half the NAME
#: index reading rows and counted by scanning the table: 0.6 s cold, 0.2 s warm. An ID
#: list of 5,000 is still one primary-key range read per page.
QUICK_IDS_LIMIT = 5000
#: A checkbox field sorts by its shown text when its machines hold at most this many
#: distinct combinations of ticks (one CASE branch each); beyond, by the stored text.
CHECKBOX_LABELS_LIMIT = 500
#: A sort by a bios or accountinfo column pages through the column's index down to this
#: row (``_side_page``); deeper, the candidates outweigh the join's one sort (at 100,000
#: machines, equal near 5,000; at 50,000: 1.3 s against 0.5 s), so the page sorts the join.
SIDE_INDEX_ROWS = 5000

# The list's own joins use aliases: a filter's EXISTS on accountinfo or bios must
# correlate to hardware only, never to the list's joined rows.
_ACCOUNTINFO = aliased(AccountInfo, name="list_accountinfo")
_BIOS = aliased(Bios, name="list_bios")


@dataclass(frozen=True)
class MachineColumn:
    """A classic column; ``label`` is English (``Fields`` context), views translate it."""

    key: str
    label: str
    sortable: bool = True


#: The twelve classic columns every row carries (``MachineRow`` attributes); the others of
#: ``machine_columns.CATALOGUE`` and the admin fields come when asked for (``columns``).
MACHINE_COLUMNS: dict[str, MachineColumn] = {
    key: MachineColumn(key, CATALOGUE[key].label) for key in CLASSIC_KEYS
}

DEFAULT_COLUMNS: tuple[str, ...] = (
    "name",
    "tag",
    "osname",
    "ipaddr",
    "userid",
    "lastdate",
)

# The SQL expression behind each classic column key.
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
    #: Admin field values asked for by ``MachineQuery.columns``, as shown, by column.
    admin: dict[str, str] = field(default_factory=dict, hash=False)
    #: Other catalogue columns asked for (``hardware.WORKGROUP``…), as stored, by key.
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    def value(self, key: str) -> Any:
        """The value of column ``key`` (a catalogue key, ``"id"``, ``admin:…``)."""
        if is_admin_key(key):
            return self.admin.get(key.removeprefix(ADMIN_PREFIX))
        if key == "id" or key in MACHINE_COLUMNS:
            return getattr(self, key)
        if key not in CATALOGUE:
            raise KeyError(key)
        return self.extra.get(key)


@dataclass(frozen=True)
class MachineQuery:
    """What the list shows: quick filter, filter, server-side sort, and extra columns."""

    quick_filter: str = ""
    filter: MachineFilter | None = None
    sort_key: str = "name"
    descending: bool = False
    #: Admin field columns (``fields_3``) to bring with each row (``MachineRow.admin``).
    admin_columns: tuple[str, ...] = ()
    #: Other columns to bring (``hardware.WORKGROUP``, ``admin:fields_3``…).
    columns: tuple[str, ...] = ()


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
    condition = machine_ids(bound_filter(conn, query.filter))
    text = query.quick_filter.strip()
    if not text:
        return condition
    ids = _quick_ids(conn, text)
    if ids is None:
        return and_(condition, _quick_or(text))
    return and_(condition, Hardware.ID.in_(ids) if ids else false())


def _admin_table(columns: Sequence[str]) -> Any:
    """accountinfo with these admin columns, aliased apart from any filter's EXISTS."""
    admin = sql_table("accountinfo", sql_column("HARDWARE_ID"), *(sql_column(c) for c in columns))
    return admin.alias("list_admin")


@dataclass(frozen=True)
class _Plan:
    """The columns one statement reads beyond the classic ones, checked against the database."""

    extras: tuple[str, ...]  # catalogue keys that are not classic
    admin: tuple[str, ...]  # accountinfo admin columns (fields_3) that exist
    fields: dict[str, Any]  # admin column -> FieldDefinition
    table: Any  # the admin alias, or None
    #: The sort column's shown text by stored value, when it is a choice field.
    sort_labels: dict[str, str] = field(default_factory=dict)

    def expression(self, key: str) -> Any:
        if key in _EXPRESSIONS:
            return _EXPRESSIONS[key]
        if is_admin_key(key):
            return self.table.c[key.removeprefix(ADMIN_PREFIX)]
        spec = CATALOGUE[key]
        if spec.table == "bios":
            return getattr(_BIOS, spec.column)
        return Hardware.__table__.c[spec.column]


def _plan(conn: Connection, query: MachineQuery, columns: Sequence[str] = ()) -> _Plan:
    wanted = [*query.columns, *columns, query.sort_key]
    wanted += [f"{ADMIN_PREFIX}{c}" for c in query.admin_columns]
    extras = tuple(dict.fromkeys(k for k in wanted if k in CATALOGUE and k not in _EXPRESSIONS))
    admin_wanted = list(
        dict.fromkeys(k.removeprefix(ADMIN_PREFIX) for k in wanted if is_admin_key(k))
    )
    fields: dict[str, Any] = {}
    if admin_wanted:
        # A field deleted meanwhile has no column any more: leave it out.
        fields = {f.column: f for f in list_fields(conn) if f.column in admin_wanted}
    admin = tuple(c for c in admin_wanted if c in fields)
    table = _admin_table(admin) if admin else None
    sort_column = query.sort_key.removeprefix(ADMIN_PREFIX)
    labels: dict[str, str] = {}
    if is_admin_key(query.sort_key) and sort_column in fields:
        labels = _choice_labels(conn, fields[sort_column], table)
    return _Plan(extras, admin, fields, table, labels)


def _choice_labels(conn: Connection, definition: Any, table: Any) -> dict[str, str]:
    """Stored value -> shown text of a choice field, so its column sorts as it reads.

    A select or radio field stores the choice's number (``config`` rows
    ``ACCOUNT_VALUE_<NAME>_<n>``), which sorted "10" before "2" and by no meaning at all.
    A checkbox field stores ticks (``1&&&3&&&``): its distinct values in use are read
    (one scan of ``accountinfo``), each worded as the list shows it. Empty for other fields.
    """
    if not definition.has_choices:
        return {}
    choices = list_choices(conn, definition)
    if definition.type != AdminFieldType.CHECKBOX:
        return {str(c.value): c.text for c in choices}
    stored = table.c[definition.column]
    values = list(
        conn.scalars(
            select(stored).where(stored.is_not(None)).distinct().limit(CHECKBOX_LABELS_LIMIT + 1)
        )
    )
    if len(values) > CHECKBOX_LABELS_LIMIT:
        return {}
    return {str(v): display_value(definition, str(v), choices) for v in values}


def ip_number(expression: Any, dialect: str) -> Any:
    """An IPv4 address as its 32-bit number, so 10.1.0.14 sorts before 10.1.0.110.

    MySQL has INET_ATON (NULL for what is not an IPv4 address); SQLite the expression of
    ``console_indexes.ip_number_sql`` (0 for what has no digits). SQLite pages through
    ``ocsdesktop_ip_order``, which holds that number (``_sqlite_ip_page``); this orders
    the page's rows and the export.
    """
    if dialect in ("mysql", "mariadb"):
        return func.inet_aton(expression)
    return literal_column(ip_number_sql(expression.name))


def sort_expressions(query: MachineQuery, plan: _Plan, dialect: str) -> list[Any]:
    """What the list orders by, type-aware: IPs by number, text without case, then the text.

    MySQL's OCS collations (``utf8mb4_general_ci``) already ignore case; SQLite's default
    BINARY collation does not, hence ``COLLATE NOCASE`` there.
    """
    key = query.sort_key
    if not (key in _EXPRESSIONS or key in CATALOGUE or is_admin_key(key)):
        raise ValueError(f"unknown sort key {key!r}")
    if is_admin_key(key) and key.removeprefix(ADMIN_PREFIX) not in plan.admin:
        raise ValueError(f"unknown admin field column {key!r}")
    expression = plan.expression(key)
    spec = column_spec(key)
    if plan.sort_labels:
        # A choice field: by the text shown (a CASE over its few choices, values bound),
        # then the stored value; a number without a choice reads as itself, as shown.
        shown = case(plan.sort_labels, value=expression, else_=expression)
        if dialect == "sqlite":
            return [shown.collate("NOCASE"), expression]
        return [shown, expression]
    if spec.is_ip:
        # The number, then the ID (``_order``): an index on the number alone serves it.
        return [ip_number(expression, dialect)]
    textual = is_admin_key(key) or isinstance(expression.type, String)
    if textual and dialect == "sqlite":
        return [expression.collate("NOCASE")]
    return [expression]


def _order(query: MachineQuery, plan: _Plan, dialect: str) -> list[Any]:
    # NULLs sort first ascending and last descending on SQLite and MySQL alike; the ID
    # tiebreak follows the direction so a descending list is the exact reverse.
    keys = [*sort_expressions(query, plan, dialect), Hardware.ID]
    return [k.desc() for k in keys] if query.descending else keys


def _joined(statement: Select[Any], plan: _Plan) -> Select[Any]:
    # accountinfo and bios hold at most one row per machine: the joins never multiply rows.
    statement = (
        statement.select_from(Hardware)
        .outerjoin(_ACCOUNTINFO, _ACCOUNTINFO.HARDWARE_ID == Hardware.ID)
        .outerjoin(_BIOS, _BIOS.HARDWARE_ID == Hardware.ID)
    )
    if plan.table is not None:
        statement = statement.outerjoin(plan.table, plan.table.c.HARDWARE_ID == Hardware.ID)
    return statement


_CLASSIC = (Hardware.ID, *(_EXPRESSIONS[key] for key in MACHINE_COLUMNS))


def _selected(plan: _Plan) -> list[Any]:
    """The SELECT list: the classic columns, then the extras, then the admin columns."""
    return [
        *_CLASSIC,
        *(plan.expression(k) for k in plan.extras),
        *(plan.table.c[c] for c in plan.admin),
    ]


def _list_select(conn: Connection, query: MachineQuery, plan: _Plan) -> Select[Any]:
    """The sorted SELECT of the whole list (no paging)."""
    order = _order(query, plan, conn.dialect.name)
    return _joined(select(*_selected(plan)), plan).where(_where(conn, query)).order_by(*order)


def _page_ids(conn: Connection, query: MachineQuery, plan: _Plan, offset: int, limit: int) -> Any:
    """The IDs of one page, sorted and paged without the joins the sort does not need.

    Skipping rows (OFFSET) then costs index entries, not joined rows.
    """
    statement = select(Hardware.ID).select_from(Hardware)
    key = query.sort_key
    spec = CATALOGUE.get(key)
    sqlite_ip = spec is not None and spec.is_ip and conn.dialect.name == "sqlite"
    if spec is not None and sqlite_ip and sqlite_ip_order_ready(conn):
        return _sqlite_ip_page(conn, query, spec.column, offset, limit)
    side = _side_sort(conn, query, plan) if offset + limit <= SIDE_INDEX_ROWS else None
    if side is not None:
        return _side_page(conn, query, plan, side, offset, limit)
    table = column_spec(key).table if key in CATALOGUE or is_admin_key(key) else "hardware"
    if key == "tag":
        statement = statement.outerjoin(_ACCOUNTINFO, _ACCOUNTINFO.HARDWARE_ID == Hardware.ID)
    elif is_admin_key(key):
        statement = statement.outerjoin(plan.table, plan.table.c.HARDWARE_ID == Hardware.ID)
    elif table == "bios":
        statement = statement.outerjoin(_BIOS, _BIOS.HARDWARE_ID == Hardware.ID)
    order = _order(query, plan, conn.dialect.name)
    statement = statement.where(_where(conn, query)).order_by(*order)
    return statement.offset(offset).limit(limit).subquery("page")


def _side_sort(conn: Connection, query: MachineQuery, plan: _Plan) -> tuple[Any, Any] | None:
    """(side table alias, sort column) when the whole list sorts by a plain column of
    ``bios`` or ``accountinfo`` on MySQL/MariaDB, which ``_side_page`` pages through its
    index; else None, and the page sorts the join (``_page_ids``).

    SQLite sorts text ``COLLATE NOCASE``, which no index of those tables serves, and a
    choice field sorts by a CASE of its labels. A filter or quick filter keeps the join
    too: the merge would evaluate it twice, and on a narrowed list the join sorts few rows
    (at 100,000 machines, 14 ms against 80 ms for 'pc-050'; 0.8 s against 1.7 s for 'p').
    So does an admin field without an index (``console_indexes._admin_field_indexes``).
    """
    if conn.dialect.name not in ("mysql", "mariadb") or plan.sort_labels:
        return None
    if query.filter is not None or query.quick_filter.strip():
        return None
    key = query.sort_key
    if key == "tag":
        return _ACCOUNTINFO, _ACCOUNTINFO.TAG
    if is_admin_key(key):
        column = key.removeprefix(ADMIN_PREFIX)
        if column not in plan.admin or not column_leads_an_index(conn, "accountinfo", column):
            return None
        return plan.table, plan.table.c[column]
    spec = CATALOGUE.get(key)
    if spec is None or spec.table != "bios":
        return None
    return _BIOS, getattr(_BIOS, spec.column)


def _side_page(
    conn: Connection,
    query: MachineQuery,
    plan: _Plan,
    side_sort: tuple[Any, Any],
    offset: int,
    limit: int,
) -> Any:
    """The IDs of one page sorted by a column of ``bios`` or ``accountinfo`` (MySQL/MariaDB).

    ``hardware LEFT JOIN side ORDER BY side.X, hardware.ID`` sorted every joined row (the
    LEFT JOIN reads hardware first): 0.5-0.9 s at 100,000 machines. The same page comes
    from two candidate lists of ``offset + limit`` IDs each, merged by the list's own
    ORDER BY (``_order``) and paged:

    - the side rows in the order of the index on X (``console_indexes.SIDE_SORT_INDEXES``),
      whose entries are (X, HARDWARE_ID): the order (X, ID) without a sort;
    - the machines with no side row (their X is NULL), by ID: normally none.

    Each list holds the first ``offset + limit`` of its own rows in the final order, so the
    merge holds the page, NULLs and ties included. The side table is read first
    (STRAIGHT_JOIN): MariaDB's estimate of the machines (a range on DEVICEID) would
    otherwise make it sort the whole join. The second list is what remains costly: proving
    that no machine lacks a side row takes one look-up per machine (75-250 ms at 100,000
    machines on a loaded 2-core host), which no index can spare.
    """
    side, key = side_sort
    where = _where(conn, query)
    wanted = offset + limit
    side_id = side.c.HARDWARE_ID if hasattr(side, "c") else side.HARDWARE_ID
    keyed_order = [key, side_id]
    keyed = (
        select(side_id.label("ID"))
        .select_from(side)
        .join(Hardware, Hardware.ID == side_id)
        .where(where)
        .order_by(*(k.desc() for k in keyed_order) if query.descending else keyed_order)
        .limit(wanted)
        .prefix_with("STRAIGHT_JOIN")
    )
    # A plain table in the NOT EXISTS: no alias the outer statement could correlate to.
    owner = (Bios if side is _BIOS else AccountInfo).__table__
    # ``ID + 0``: ordered by the bare ID, MariaDB would walk the clustered index (every
    # hardware row) for the LIMIT; this way it reads a narrow index and sorts the few found.
    by_id = Hardware.ID + 0
    sideless = (
        select(Hardware.ID)
        .where(where, ~exists().where(owner.c.HARDWARE_ID == Hardware.ID))
        .order_by(by_id.desc() if query.descending else by_id)
        .limit(wanted)
    )
    parts = [select(part.subquery().c.ID) for part in (keyed, sideless)]
    candidates = union_all(*parts).subquery("candidates")
    statement = (
        select(Hardware.ID)
        .select_from(Hardware)
        .join(candidates, candidates.c.ID == Hardware.ID)
        .outerjoin(side, side_id == Hardware.ID)
        .order_by(*_order(query, plan, conn.dialect.name))
    )
    return statement.offset(offset).limit(limit).subquery("page")


def _sqlite_ip_page(
    conn: Connection, query: MachineQuery, column: str, offset: int, limit: int
) -> Any:
    """The IDs of one page sorted by IP on SQLite, read in the order of the index of
    ``ocsdesktop_ip_order`` (the number, then the machine): the same order as the
    expression ``ip_number`` sorts by, without computing it for every machine."""
    number = ip_order.c[IP_ORDER_COLUMNS[column]]
    order = [number, ip_order.c.HARDWARE_ID]
    statement = (
        select(Hardware.ID)
        .select_from(Hardware)
        .join(ip_order, ip_order.c.HARDWARE_ID == Hardware.ID)
        .where(_where(conn, query))
        .order_by(*(k.desc() for k in order) if query.descending else order)
    )
    return statement.offset(offset).limit(limit).subquery("page")


def _rows(conn: Connection, plan: _Plan, result: Any) -> Any:
    """``MachineRow`` of each result row (admin choices shown by their text)."""
    choices = choices_by_column(conn) if plan.admin else {}
    classic = len(_CLASSIC)
    extras = len(plan.extras)
    for values in result:
        admin = {
            c: display_value(plan.fields[c], _csv_value(v), choices.get(c, ()))
            for c, v in zip(plan.admin, values[classic + extras :], strict=True)
            if v is not None
        }
        # The classic fields come first, in order (mypy cannot count a slice).
        yield MachineRow(  # type: ignore[misc]
            *values[:classic],
            admin=admin,
            extra=dict(zip(plan.extras, values[classic : classic + extras], strict=True)),
        )


def fetch_machines(
    conn: Connection, query: MachineQuery, offset: int, limit: int
) -> list[MachineRow]:
    """Rows ``offset`` to ``offset + limit`` of the sorted, filtered list, in one statement."""
    plan = _plan(conn, query)
    page = _page_ids(conn, query, plan, max(offset, 0), max(limit, 0))
    statement = (
        _joined(select(*_selected(plan)), plan)
        .join(page, page.c.ID == Hardware.ID)
        .order_by(*_order(query, plan, conn.dialect.name))
    )
    return list(_rows(conn, plan, conn.execute(statement)))


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


def column_labels(conn: Connection, columns: Sequence[str]) -> list[str]:
    """English labels of these columns (admin fields: their accountinfo_config label)."""
    labels = {f"{ADMIN_PREFIX}{f.column}": f.label for f in list_fields(conn)}
    return [labels.get(k, k) if is_admin_key(k) else CATALOGUE[k].label for k in columns]


def export_machines_csv(
    conn: Connection,
    query: MachineQuery,
    columns: Sequence[str],
    stream: TextIO,
    progress: Progress = None,
    headers: Sequence[str] | None = None,
) -> int:
    """Write the whole result of ``query`` as CSV (header = labels); return the rows written.

    ``columns`` are any catalogue keys and admin fields; ``headers`` (the views' translated
    labels) default to the English labels. The rows stream from the database (a
    server-side cursor on MySQL) in batches of ``EXPORT_BATCH``, with a progress report
    after each, so a 100,000-machine export neither fills memory nor ignores a cancel.
    """
    for key in columns:
        if not is_known_key(key):
            raise ValueError(f"unknown column {key!r}")
    if headers is not None and len(headers) != len(columns):
        raise ValueError("one header per column")
    plan = _plan(conn, query, columns)
    total = count_machines(conn, query)
    writer = csv.writer(stream)
    writer.writerow(list(headers) if headers is not None else column_labels(conn, columns))
    report(progress, 0, total)
    written = 0
    result = conn.execution_options(yield_per=EXPORT_BATCH).execute(_list_select(conn, query, plan))
    try:
        for batch in result.partitions():
            for machine in _rows(conn, plan, batch):
                writer.writerow([_csv_value(machine.value(key)) for key in columns])
            written += len(batch)
            report(progress, written, max(total, written))
    finally:
        result.close()
    return written
