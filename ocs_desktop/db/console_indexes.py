"""Extra indexes the desktop console needs on OCS tables, created only where missing.

The machines list sorts by last inventory and last contact and its quick filter
matches IP prefixes; the OCS schema has no index on those ``hardware`` columns, so at
100,000 machines each such page would scan the table. These indexes are not part of
``Base.metadata`` (``db check`` of a genuine OCS database must not ask for them); an
OCS server and console ignore extra indexes, they only cost a little on writes.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    MetaData,
    String,
    Table,
    func,
    inspect,
    literal_column,
    select,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.exc import DBAPIError

from ocs_desktop.models.extensions import IP_ORDER_TRIGGERS, ip_order

log = logging.getLogger(__name__)

#: (table, columns) that get an index named ``ocsdesktop_<table>_<column>[_<column>...]``.
CONSOLE_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hardware", ("LASTDATE",)),
    ("hardware", ("LASTCOME",)),
    ("hardware", ("IPADDR",)),
    # Machines having a software, and search criteria on software, read only this index.
    # Through OCS's NAME_ID index each match reads its software row at random: 18 s
    # instead of 85 ms for a software on all of 100,000 machines (bench/console_bench.py).
    ("software", ("NAME_ID", "HARDWARE_ID")),
    # OCS keys these by (ID, HARDWARE_ID) only, so rewriting or deleting one machine's
    # rows scanned the whole table: 6.9 s to delete 6 machines at 100,000 machines.
    ("local_users", ("HARDWARE_ID",)),
    ("local_groups", ("HARDWARE_ID",)),
    # Duplicate detection groups MACs by machine and compares UUIDs: read from indexes
    # alone instead of every networks row and the whole hardware table
    # (bench/duplicates_bench.py).
    ("networks", ("MACADDR", "HARDWARE_ID")),
    ("hardware", ("UUID",)),
    # The dashboard's deployment outcomes group DOWNLOAD rows by machine from this index
    # alone (fleet/dashboard.outcome_bars); OCS has one-column indexes only.
    ("devices", ("NAME", "HARDWARE_ID", "TVALUE")),
)


def ip_number_sql(column: str, row: str = "") -> str:
    """SQLite SQL of an IPv4 address in ``hardware.<column>`` as its 32-bit number.

    ``CAST(text AS INTEGER)`` reads the leading digits, so each octet is the cast of what
    follows the previous dot; MySQL has INET_ATON instead. ``row`` qualifies the column
    (``NEW.`` in a trigger). Not an index expression: SQLAlchemy cannot reflect those (it
    warns on every ``get_indexes``); ``ocsdesktop_ip_order`` holds its value instead.
    """
    quoted = f'{row}"{column}"'
    rest1 = f"substr({quoted}, instr({quoted}, '.') + 1)"
    rest2 = f"substr({rest1}, instr({rest1}, '.') + 1)"
    rest3 = f"substr({rest2}, instr({rest2}, '.') + 1)"
    return (
        f"(CAST({quoted} AS INTEGER) * 16777216 + CAST({rest1} AS INTEGER) * 65536"
        f" + CAST({rest2} AS INTEGER) * 256 + CAST({rest3} AS INTEGER))"
    )


#: SQLite only: (name, table, column) indexed ``COLLATE NOCASE``. The machines list sorts
#: names without case (MySQL's OCS collations ignore it, SQLite's BINARY does not); without
#: it each page sorted the whole table: 0.3-0.9 s at 100,000 machines, 40-55 ms with it.
SQLITE_NOCASE_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("ocsdesktop_hardware_name_nocase", "hardware", "NAME"),
)

#: MySQL/MariaDB only: the machines list sorts by any hardware column (column picker). An
#: unindexed sort reads every hardware row (0.3-0.9 s at 100,000 machines with a 128 MB
#: buffer pool, bench/console_bench.py); through an index, 200 rows. Hardware rows change
#: at most once per inventory, and an unchanged column costs no index write.
#: (IPADDR) of CONSOLE_INDEXES and (IPSRC) cover the IP sorts: INET_ATON of every address
#: from the index (it holds ID too, which is all ``filters.machines_only`` asks), no row
#: read: 68 ms instead of 0.78 s warm.
SORT_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    *(
        ("hardware", (column,))
        for column in (
            "USERDOMAIN", "OSVERSION", "OSCOMMENTS", "ARCH", "PROCESSORT", "PROCESSORS",
            "PROCESSORN", "SWAP", "DNS", "DEFAULTGATEWAY", "DESCRIPTION", "WINCOMPANY",
            "WINOWNER", "WINPRODID", "WINPRODKEY", "USERAGENT", "ETIME", "QUALITY",
            "FIDELITY", "TYPE", "SSTATE", "CATEGORY_ID", "ARCHIVE",
        )
    ),
    ("hardware", ("IPSRC",)),
)  # fmt: skip

#: MySQL/MariaDB only: our indexes that no query needs any more, dropped where found.
#: The IP sorts read (IPADDR, DEVICEID) and (IPSRC, DEVICEID) while real machines were
#: told apart by DEVICEID: twice the pages of (IPADDR), so 328 ms instead of about 150
#: cold at 100,000 machines, and a second index write per new address.
RETIRED_INDEXES: tuple[tuple[str, str], ...] = (
    ("hardware", "ocsdesktop_hardware_IPADDR_DEVICEID"),
    ("hardware", "ocsdesktop_hardware_IPSRC_DEVICEID"),
)


#: MySQL/MariaDB only: the machines list sorts by bios columns and TAG too. The list pages
#: such a sort by walking one of these indexes (``machines._side_page``): its entries hold
#: (column, HARDWARE_ID), the list's very order, so a page reads 200 entries instead of
#: sorting 100,000 joined rows (0.5-0.9 s at 100,000 machines, bench/console_bench.py).
#: OCS already indexes bios SSN and ASSETTAG and accountinfo TAG (``_covered`` skips them).
#: Admin fields get theirs from ``_admin_field_indexes``.
SIDE_SORT_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    *(
        ("bios", (column,))
        for column in (
            "SMANUFACTURER", "SMODEL", "SSN", "TYPE", "BMANUFACTURER", "BVERSION", "BDATE",
            "ASSETTAG", "MMANUFACTURER", "MMODEL", "MSN",
        )
    ),
    ("accountinfo", ("TAG",)),
)  # fmt: skip
#: Admin field columns of ``accountinfo`` (OCS names them ``fields_<n>``).
ADMIN_FIELD_COLUMN = re.compile(r"fields_[0-9]+")
#: Column types an index can order by whole (TEXT/BLOB take only a prefix index, which
#: cannot serve an ORDER BY: a long text field sorts by the join, as before).
ORDERABLE_TYPES = ("varchar", "char", "int", "date", "datetime", "decimal", "double", "float")
#: At most this many admin fields get an index (the first by number): InnoDB allows 64
#: indexes a table, and each costs a write when a machine's fields change.
ADMIN_FIELD_INDEXES_MAX = 16


#: SQLite only: the ``hardware`` column behind each number of ``ocsdesktop_ip_order``.
IP_ORDER_COLUMNS: dict[str, str] = {"IPADDR": "IPADDR_NUM", "IPSRC": "IPSRC_NUM"}


def index_name(table: str, columns: tuple[str, ...]) -> str:
    """The name of our index on ``table(columns)``."""
    return f"ocsdesktop_{table}_{'_'.join(columns)}"


def column_leads_an_index(conn: Connection, table: str, column: str) -> bool:
    """Whether an index of ``table`` starts with ``column`` (MySQL/MariaDB, about 1 ms: the
    machines list asks it per page, where reflecting every index would cost more)."""
    found: Any = conn.execute(
        select(literal_column("1"))
        .select_from(sql_table("STATISTICS", schema="information_schema"))
        .where(
            sql_column("TABLE_SCHEMA") == func.database(),
            sql_column("TABLE_NAME") == table,
            sql_column("COLUMN_NAME") == column,
            sql_column("SEQ_IN_INDEX") == 1,
        )
        .limit(1)
    ).first()
    return found is not None


def _covered(conn: Connection, table: str, columns: tuple[str, ...]) -> bool:
    """Whether an index named ours, or any index led by these columns, already exists.

    On SQLite the models' DDL hook stores it as ``<table>_<name>`` (``sqlite_ddl``).
    """
    ours = index_name(table, columns)
    wanted = [column.lower() for column in columns]
    for index in inspect(conn).get_indexes(table):
        if index["name"] in (ours, f"{table}_{ours}"):
            return True
        leading = [str(name).lower() for name in index["column_names"][: len(wanted)]]
        if leading == wanted:
            return True
    return False


def _admin_field_indexes(conn: Connection) -> list[tuple[str, tuple[str, ...]]]:
    """``accountinfo`` admin field columns an index can sort by (MySQL/MariaDB).

    Admin fields are added while the console runs (``admin_fields.add_field``): a field
    added since this connection's ``ensure_console_indexes`` is indexed at the next one.
    Until then, and for a long text field or one beyond ``ADMIN_FIELD_INDEXES_MAX``, its
    sort reads the side table whole (same rows, only slower).
    """
    if not inspect(conn).has_table("accountinfo"):
        return []
    names = [
        str(column["name"])
        for column in inspect(conn).get_columns("accountinfo")
        if ADMIN_FIELD_COLUMN.fullmatch(str(column["name"]))
        and str(column["type"]).lower().startswith(ORDERABLE_TYPES)
    ]
    names.sort(key=lambda name: int(name.removeprefix("fields_")))
    return [("accountinfo", (name,)) for name in names[:ADMIN_FIELD_INDEXES_MAX]]


def _drop_retired(conn: Connection) -> None:
    for table, name in RETIRED_INDEXES:
        if not inspect(conn).has_table(table):
            continue
        if name not in {index["name"] for index in inspect(conn).get_indexes(table)}:
            continue
        try:
            # Constant names only (nothing user-given is formatted into this DDL).
            conn.exec_driver_sql(f"DROP INDEX `{name}` ON `{table}`")
        except DBAPIError:
            # Another console dropped it meanwhile; anything else is a real error.
            if name in {index["name"] for index in inspect(conn).get_indexes(table)}:
                raise
            continue
        log.info("dropped index %s (no longer used)", name)


def _ensure(conn: Connection) -> list[str]:
    created: list[str] = []
    mysql = conn.dialect.name in ("mysql", "mariadb")
    if mysql:
        _drop_retired(conn)
    sorts = (*SORT_INDEXES, *SIDE_SORT_INDEXES, *_admin_field_indexes(conn)) if mysql else ()
    for table, columns in (*CONSOLE_INDEXES, *sorts):
        if not inspect(conn).has_table(table) or _covered(conn, table, columns):
            continue
        name = index_name(table, columns)
        # A throw-away Table: the index must not join the models' metadata.
        target = Table(table, MetaData(), *(Column(column, String(255)) for column in columns))
        try:
            Index(name, *(target.c[column] for column in columns)).create(conn)
        except DBAPIError:
            # Another console created it meanwhile; anything else is a real error.
            if not _covered(conn, table, columns):
                raise
            continue
        log.info("created index %s", name)
        created.append(name)
    if conn.dialect.name == "sqlite":
        created += _ensure_sqlite_expressions(conn)
        created += _ensure_sqlite_ip_order(conn)
    return created


def _ensure_sqlite_ip_order(conn: Connection) -> list[str]:
    """Create ``ocsdesktop_ip_order``'s triggers if missing; fill rows the table lacks.

    Triggers, not the Ingestor: an import, the CLI, or an SQL UPDATE keep it right too.
    When a trigger had to be made, the table is refilled from ``hardware`` (once: 0.3 s of
    CPU at 100,000 machines); otherwise rows are added or dropped only when the two tables'
    counts differ, so a connection to an up-to-date database pays two counts.
    """
    if not inspect(conn).has_table("hardware"):
        return []
    ip_order.create(conn, checkfirst=True)
    name = ip_order.name
    columns = ", ".join(f'"{number}"' for number in IP_ORDER_COLUMNS.values())
    fresh = ", ".join(ip_number_sql(column, "NEW.") for column in IP_ORDER_COLUMNS)
    upsert = (
        f'INSERT OR REPLACE INTO "{name}" ("HARDWARE_ID", {columns}) VALUES (NEW."ID", {fresh});'
    )
    forget = f'DELETE FROM "{name}" WHERE "HARDWARE_ID" = OLD."ID";'
    watched = ", ".join(f'"{column}"' for column in ("ID", *IP_ORDER_COLUMNS))
    # An inventory rewrites these columns unchanged: then the trigger does nothing.
    moved = " OR ".join(
        f'OLD."{column}" IS NOT NEW."{column}"' for column in ("ID", *IP_ORDER_COLUMNS)
    )
    bodies = dict(
        zip(
            IP_ORDER_TRIGGERS,
            (
                f'AFTER INSERT ON "hardware" BEGIN {upsert} END',
                f'AFTER UPDATE OF {watched} ON "hardware" WHEN {moved} BEGIN {forget} {upsert} END',
                f'AFTER DELETE ON "hardware" BEGIN {forget} END',
            ),
            strict=True,
        )
    )
    existing = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars()
    )
    created: list[str] = []
    for trigger, body in bodies.items():
        if trigger in existing:
            continue
        # Constant names and expressions only (nothing user-given is formatted into this DDL).
        conn.exec_driver_sql(f'CREATE TRIGGER IF NOT EXISTS "{trigger}" {body}')
        log.info("created trigger %s", trigger)
        created.append(trigger)
    values = ", ".join(ip_number_sql(column) for column in IP_ORDER_COLUMNS)
    fill = f'INSERT INTO "{name}" ("HARDWARE_ID", {columns}) SELECT "ID", {values} FROM "hardware"'
    if created:
        # Whatever the table holds was not kept while a trigger was missing: refill it.
        conn.exec_driver_sql(f'DELETE FROM "{name}"')
        conn.exec_driver_sql(fill)
        return created
    counts = conn.exec_driver_sql(
        f'SELECT (SELECT count(*) FROM "hardware"), (SELECT count(*) FROM "{name}")'
    ).one()
    if counts[0] != counts[1]:
        conn.exec_driver_sql(
            f'DELETE FROM "{name}" WHERE "HARDWARE_ID" NOT IN (SELECT "ID" FROM "hardware")'
        )
        conn.exec_driver_sql(f'{fill} WHERE "ID" NOT IN (SELECT "HARDWARE_ID" FROM "{name}")')
    return created


def sqlite_ip_order_ready(conn: Connection) -> bool:
    """Whether this SQLite database keeps ``ocsdesktop_ip_order`` (its triggers exist), so
    the machines list may page an IP sort through it."""
    found = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)",
        IP_ORDER_TRIGGERS,
    ).scalar_one()
    return int(found) == len(IP_ORDER_TRIGGERS)


def _ensure_sqlite_expressions(conn: Connection) -> list[str]:
    created: list[str] = []
    for name, table, column in SQLITE_NOCASE_INDEXES:
        if not inspect(conn).has_table(table):
            continue
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).first()
        if exists is not None:
            continue
        # Constant names only (nothing user-given is formatted into this DDL).
        conn.exec_driver_sql(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}" COLLATE NOCASE)'
        )
        log.info("created index %s", name)
        created.append(name)
    return created


def ensure_console_indexes(bind: Engine | Connection) -> list[str]:
    """Create the console's indexes (and SQLite's IP-order triggers) that are missing;
    return the names created.

    Idempotent, on SQLite and MySQL/MariaDB. On MySQL each CREATE INDEX commits
    implicitly, so call it at connection time, not inside a caller's transaction.
    """
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return _ensure(conn)
    return _ensure(bind)
