"""Extra indexes the desktop console needs on OCS tables, created only where missing.

The machines list sorts by last inventory and last contact and its quick filter
matches IP prefixes; the OCS schema has no index on those ``hardware`` columns, so at
100,000 machines each such page would scan the table. These indexes are not part of
``Base.metadata`` (``db check`` of a genuine OCS database must not ask for them); an
OCS server and console ignore extra indexes, they only cost a little on writes.
"""

from __future__ import annotations

import logging

from sqlalchemy import Column, Connection, Engine, Index, MetaData, String, Table, inspect
from sqlalchemy.exc import DBAPIError

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
)


def index_name(table: str, columns: tuple[str, ...]) -> str:
    """The name of our index on ``table(columns)``."""
    return f"ocsdesktop_{table}_{'_'.join(columns)}"


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


def _ensure(conn: Connection) -> list[str]:
    created: list[str] = []
    for table, columns in CONSOLE_INDEXES:
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
    return created


def ensure_console_indexes(bind: Engine | Connection) -> list[str]:
    """Create the console's indexes that are missing; return the names created.

    Idempotent, on SQLite and MySQL/MariaDB. On MySQL each CREATE INDEX commits
    implicitly, so call it at connection time, not inside a caller's transaction.
    """
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return _ensure(conn)
    return _ensure(bind)
