"""Bring one machine's rows of one table to a wanted list, touching only what changed.

A re-inventory usually changes a few rows out of hundreds. Comparing the stored
rows with the wanted ones (as a multiset: two identical rows are two rows) and
writing only the difference keeps re-inventories cheap and keeps row ids stable;
a value that does not compare equal after a round trip is simply rewritten.

This is the hot path of ingestion (a thousand rows per inventory), so its
statements are compiled once per table and run on the driver directly, with
values already shaped by :mod:`coerce` for that driver; they stay parameterised.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import TypeVar

from sqlalchemy import Connection, Dialect, Table

from ocs_desktop.common.batches import batches
from ocs_desktop.db.literal_rows import insert_statements
from ocs_desktop.db.software_summary import SIGNATURE_SEPARATOR

_CHUNK = 500
T = TypeVar("T")
#: Statements whose values are already SQL literals (see ``db.literal_rows``).
_NO_PARAMETERS = {"no_parameters": True}


@dataclass(frozen=True, slots=True)
class RowChanges:
    inserted: int
    deleted: int
    kept: int
    #: The ids the inserted rows got, in order, where the server tells them (see
    #: :meth:`TableStatements.write_rows`); None where it does not.
    ids: list[int] | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class RowDelta:
    """What :func:`sync_rows` inserted and removed."""

    inserted: list[tuple] = field(default_factory=list)
    removed: list[object] = field(default_factory=list)


class TableStatements:
    """The SELECT / INSERT / DELETE of one table's rows for one machine, as driver SQL."""

    def __init__(self, dialect: Dialect, table: Table, columns: Sequence[str]) -> None:
        quote = dialect.identifier_preparer.quote
        self.mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.table = table
        self.columns = tuple(columns)
        self.keyed = "ID" in table.c
        name = quote(table.name)
        listed = ", ".join(quote(column) for column in self.columns)
        owner = quote("HARDWARE_ID")
        self.select = (
            f"SELECT {quote('ID') + ', ' if self.keyed else ''}{listed} FROM {name} "
            f"WHERE {owner} = {self.mark}"
        )
        self._quote = quote
        self._name = name
        self.insert = self._insert_sql(self.columns)
        # PyMySQL binds on the client anyway; rendering the rows ourselves, as it would,
        # is most of a new machine's client-side cost saved (see ``db.literal_rows``).
        self.literal_rows = dialect.name in ("mysql", "mariadb") and dialect.driver == "pymysql"
        # Columns an INSERT may leave out when every row has NULL there: nullable and
        # without a server default, so leaving them out stores the same NULL. Fewer
        # values means less escaping in the driver, the main client-side cost.
        self._omittable = frozenset(
            index
            for index, column in enumerate(self.columns)
            if table.c[column].nullable and table.c[column].server_default is None
        )
        self.delete_owner = f"DELETE FROM {name} WHERE {owner} = {self.mark}"
        # On MySQL each stored row comes back as one text signature: PyMySQL decodes
        # rows in Python, and two fields a row instead of fifteen is most of a
        # re-inventory's read cost. SQLite's driver is C and reads rows as they are.
        self.select_signature: str | None = None
        if dialect.name in ("mysql", "mariadb") and self.keyed:
            null = "CHAR(30 USING utf8mb4)"
            fields = ", ".join(f"COALESCE({quote(column)}, {null})" for column in self.columns)
            self.select_signature = (
                f"SELECT {quote('ID')}, CONCAT_WS(CHAR(31 USING utf8mb4), {fields}) "
                f"FROM {name} WHERE {owner} = {self.mark}"
            )
        self._ident = ident = quote("ID")
        self._delete_owned = f"DELETE FROM {name} WHERE {owner} = {self.mark} AND {ident} IN "
        self.ids_after = (
            f"SELECT {ident} FROM {name} WHERE {owner} = {self.mark} AND {ident} > {self.mark} "
            f"ORDER BY {ident}"
        )
        self.count = f"SELECT COUNT(*) FROM {name} WHERE {owner} = {self.mark}"
        self.id_range = (
            f"SELECT MIN({ident}), MAX({ident}), COUNT(*) FROM {name} "
            f"WHERE {owner} = {self.mark} AND {ident} > {self.mark}"
        )

    def _insert_sql(self, columns: Sequence[str]) -> str:
        marks = ", ".join([self.mark] * (len(columns) + 1))
        return f"{self._insert_prefix(columns)}({marks})"

    def _insert_prefix(self, columns: Sequence[str]) -> str:
        listed = ", ".join(self._quote(column) for column in ("HARDWARE_ID", *columns))
        return f"INSERT INTO {self._name} ({listed}) VALUES "

    @lru_cache(maxsize=64)  # noqa: B019 - one instance per table, kept for the process
    def _insert_subset(self, kept: tuple[int, ...]) -> str:
        return self._insert_sql([self.columns[index] for index in kept])

    @lru_cache(maxsize=64)  # noqa: B019 - one instance per table, kept for the process
    def _prefix_subset(self, kept: tuple[int, ...]) -> str:
        return self._insert_prefix([self.columns[index] for index in kept])

    def _insert_values(
        self, hardware_id: int, rows: Sequence[tuple]
    ) -> tuple[tuple[int, ...], list[tuple]]:
        """The columns kept (indexes into ``columns``), without those NULL in every row,
        and each row's values for them, the machine's id first."""
        by_column = list(zip(*rows, strict=True))
        kept = tuple(
            index
            for index, values in enumerate(by_column)
            if index not in self._omittable or any(value is not None for value in values)
        )
        if len(kept) == len(self.columns):
            return kept, [(hardware_id, *values) for values in rows]
        if not kept:
            return kept, [(hardware_id,) for _ in rows]
        if len(kept) == 1:
            return kept, [(hardware_id, values[kept[0]]) for values in rows]
        pick = itemgetter(*kept)
        return kept, [(hardware_id, *pick(values)) for values in rows]

    def write_rows(
        self, conn: Connection, hardware_id: int, rows: Sequence[tuple]
    ) -> list[int] | None:
        """INSERT ``rows`` for the machine, in multi-row statements.

        Returns the ids the rows got, in order, when the server hands out consecutive ids
        (see :func:`consecutive_ids`): each statement's first id and row count say them
        all, and a new machine's software row map needs no query to read them back.
        None otherwise, or when the counts do not add up.
        """
        kept, params = self._insert_values(hardware_id, rows)
        if not self.literal_rows:
            conn.exec_driver_sql(self._insert_subset(kept), params)
            return None
        driver = conn.connection.driver_connection
        ids: list[int] | None = [] if self.keyed and consecutive_ids(conn) else None
        for statement in insert_statements(driver, self._prefix_subset(kept), params):
            result = conn.exec_driver_sql(statement, execution_options=_NO_PARAMETERS)
            if ids is not None:
                first, count = result.lastrowid, result.rowcount
                ids.extend(range(first, first + count))
        return ids if ids is not None and len(ids) == len(rows) else None

    def delete_owned_ids(self, count: int) -> str:
        """DELETE of ``count`` ids that must also belong to the machine (first parameter)."""
        return self._delete_owned + self._marks(count)

    def only_ids(self, count: int) -> str:
        """What restricts a machine's SELECT to ``count`` ids."""
        return f" AND {self._ident} IN " + self._marks(count)

    def _marks(self, count: int) -> str:
        return "(" + ", ".join([self.mark] * count) + ")"


def signature(values: tuple) -> str:
    """The text MySQL's CONCAT_WS gives for a row of these values (see select_signature).

    Called for every wanted row of a changed section, so the common types (None, text,
    plain integers) are handled inline and only the rest goes through a call.
    """
    return _SEPARATOR.join(
        [
            _NULL
            if value is None
            else value
            if type(value) is str
            else str(value)
            if type(value) is int
            else _as_mysql_text(value)
            for value in values
        ]
    )


_SEPARATOR = SIGNATURE_SEPARATOR
_NULL = "\x1e"


def _as_mysql_text(value: object) -> str:
    """The types :func:`signature` does not handle inline."""
    if isinstance(value, dt.datetime):
        return _datetime_text(value)
    return str(value)


@lru_cache(maxsize=4096)
def _datetime_text(value: dt.datetime) -> str:
    """Memoised: a machine's packages share a few dozen install dates."""
    return value.strftime("%Y-%m-%d %H:%M:%S")


def _stored_rows(
    conn: Connection, statements: TableStatements, hardware_id: int, ids: Sequence[int] = ()
) -> tuple[dict[object, list[int]], Callable[[tuple], object]]:
    """The machine's stored rows (only those ``ids`` if given), keyed the way ``wanted``
    rows are to be compared."""
    stored: dict[object, list[int]] = defaultdict(list)
    params: tuple = (hardware_id, *ids)
    only = statements.only_ids(len(ids)) if ids else ""
    if statements.select_signature is not None:
        for row_id, text in conn.exec_driver_sql(statements.select_signature + only, params):
            stored[text].append(row_id)
        return stored, signature
    for row in conn.exec_driver_sql(statements.select + only, params):
        stored[tuple(row[1:])].append(row[0])
    return stored, identity


def identity(value: T) -> T:
    return value


def claim(
    stored: Mapping[object, list[int]], key: Callable[[T], object], wanted: Sequence[T]
) -> list[int | None]:
    """Pair each wanted item with a stored id of the same key, each id once (a multiset:
    two equal rows are two rows); None where none is left. Unclaimed ids stay in
    ``stored``."""
    claimed: list[int | None] = []
    for item in wanted:
        ids = stored.get(key(item))
        claimed.append(ids.pop() if ids else None)
    return claimed


def delete_owned(
    conn: Connection,
    statements: TableStatements,
    hardware_id: int,
    ids: Sequence[int],
    delta: RowDelta | None = None,
) -> bool:
    """Delete these rows of the machine (their keys into ``delta`` first, if given); False
    if some of them were not the machine's rows."""
    complete = True
    for chunk in batches(ids, _CHUNK):
        if delta is not None:
            stored, _ = _stored_rows(conn, statements, hardware_id, chunk)
            delta.removed.extend(key for key, held in stored.items() for _ in held)
        deleted = conn.exec_driver_sql(
            statements.delete_owned_ids(len(chunk)), (hardware_id, *chunk)
        )
        complete = complete and deleted.rowcount == len(chunk)
    return complete


def sync_rows(
    conn: Connection,
    statements: TableStatements,
    hardware_id: int,
    wanted: Sequence[tuple],
    *,
    may_exist: bool,
    delta: RowDelta | None = None,
) -> RowChanges:
    """Make the machine's rows equal ``wanted`` (values in ``statements.columns`` order).

    ``delta``, when given, receives the rows inserted and the keys of the rows removed
    (their values, or on MySQL their signature text), for callers that keep totals.
    """
    stale: list[int] = []
    to_insert: Sequence[tuple] = wanted
    if may_exist:
        stored, key = _stored_rows(conn, statements, hardware_id)
        claimed = claim(stored, key, wanted)
        to_insert = [
            values for values, row_id in zip(wanted, claimed, strict=True) if row_id is None
        ]
        stale = [row_id for ids in stored.values() for row_id in ids]
        delete_owned(conn, statements, hardware_id, stale)
        if delta is not None:
            delta.removed.extend(key for key, ids in stored.items() for _ in ids)
    ids = statements.write_rows(conn, hardware_id, to_insert) if to_insert else []
    if delta is not None:
        delta.inserted.extend(to_insert)
    return RowChanges(len(to_insert), len(stale), len(wanted) - len(to_insert), ids)


def replace_single_row(
    conn: Connection, statements: TableStatements, hardware_id: int, values: tuple | None
) -> RowChanges:
    """For one-row-per-machine tables keyed by HARDWARE_ID (``bios``, ``javainfo``)."""
    current = conn.exec_driver_sql(statements.select, (hardware_id,)).first()
    if current is not None and values is not None and tuple(current) == values:
        return RowChanges(0, 0, 1)
    deleted = 0
    if current is not None:
        conn.exec_driver_sql(statements.delete_owner, (hardware_id,))
        deleted = 1
    if values is None:
        return RowChanges(0, deleted, 0)
    conn.exec_driver_sql(statements.insert, (hardware_id, *values))
    return RowChanges(1, deleted, 0)


# -- row ids, for the software row map ---------------------------------------------------
def consecutive_ids(conn: Connection) -> bool:
    """Whether every multi-row INSERT on this MySQL connection gets consecutive ids.

    InnoDB promises it for an INSERT of known row count unless its auto-increment lock
    mode is "interleaved" (2: MySQL 8's default, and Galera's requirement); a step other
    than 1 (Galera's auto-increment control) spaces them out. Read once a connection.
    """
    info = conn.connection.info
    known = info.get(_CONSECUTIVE_IDS)
    if known is None:
        mode, step = conn.exec_driver_sql(
            "SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment"
        ).one()
        known = info[_CONSECUTIVE_IDS] = int(mode) in (0, 1) and int(step) == 1
    return bool(known)


_CONSECUTIVE_IDS = "ocs_desktop.consecutive_ids"


def inserted_ids(
    conn: Connection,
    statements: TableStatements,
    hardware_id: int,
    after: int,
    count: int,
    handed_out: list[int] | None = None,
) -> list[int] | None:
    """The ids of the ``count`` rows just inserted for the machine, in insertion order.

    ``handed_out``, what :meth:`TableStatements.write_rows` said, is the answer when it
    has ``count`` ids. Else it is read back: every row id above ``after`` (the machine's
    highest before the INSERT, which ran before any DELETE of its rows) is one of them,
    as auto-increment ids only grow, and they grow in the order of the rows of a
    statement. None if there are not exactly ``count``.
    """
    if handed_out is not None and len(handed_out) == count:
        return handed_out
    params = (hardware_id, after)
    low, high, found = conn.exec_driver_sql(statements.id_range, params).one()
    if found != count:
        return None
    if not found:
        return []
    if high - low + 1 == found:  # consecutive, as a lone writer gets them: no need to read
        return list(range(low, high + 1))
    return [row_id for (row_id,) in conn.exec_driver_sql(statements.ids_after, params)]


def stored_ids(
    conn: Connection, statements: TableStatements, hardware_id: int, wanted: Sequence[tuple]
) -> list[int] | None:
    """The id of the stored row equal to each wanted row, after :func:`sync_rows`; None if
    the machine's rows are not exactly ``wanted``."""
    stored, key = _stored_rows(conn, statements, hardware_id)
    found = [row_id for row_id in claim(stored, key, wanted) if row_id is not None]
    if len(found) != len(wanted) or any(stored.values()):
        return None
    return found


def count_rows(conn: Connection, statements: TableStatements, hardware_id: int) -> int:
    return int(conn.exec_driver_sql(statements.count, (hardware_id,)).scalar_one())
