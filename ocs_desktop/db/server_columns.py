"""What the OCS communication servers read beyond the console schema, and adding it.

The models carry a few tables and columns that only a server needs (``for_server`` in
their ``info``): ``db init`` creates them with everything else, so a database we make
serves the 2.8.1 and 2.12 servers as it is. An existing database gets the missing tables
from ``db init`` too, but ``db init`` never alters a table; the missing columns are added
only on request (``db init --server-columns``), by ``add_server_columns``.

Why adding them on request is safe on a database an OCS installation uses: every such
column is nullable, so ``ADD COLUMN`` rewrites no row (instant on InnoDB since MariaDB
10.3 and MySQL 8.0); the OCS console's updater runs its scripts ignoring failures, so its
own later ``ADD COLUMN`` of the same column (2.12's update 7073) fails harmlessly; and
the 2.11 console never selects ``*`` from these tables.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Engine, inspect
from sqlalchemy.schema import CreateColumn

from ocs_desktop.db.table_names import read_table_names
from ocs_desktop.models import Base
from ocs_desktop.models.base import server_only

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerNeed:
    """A table, or columns of one, that a server version reads and this database lacks."""

    server: str
    table: str
    columns: tuple[str, ...]  # empty: the whole table
    reads: str

    def __str__(self) -> str:
        what = f"{self.table}.{', '.join(self.columns)}" if self.columns else f"table {self.table}"
        return f"OCS {self.server} server reads {what}: {self.reads}"


def server_columns() -> list[Column[object]]:
    """Every column only a server reads (all of a server-only table's), in table order."""
    return [
        column
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if server_only(column.info) or server_only(table.info)
    ]


def missing_server_columns(connection: Connection) -> list[tuple[str, Column[object]]]:
    """(table name as found, column) for each server column an existing table lacks."""
    names = read_table_names(connection)
    inspector = inspect(connection)
    missing = []
    present: dict[str, set[str]] = {}
    for column in server_columns():
        table = column.table.name
        found = names.actual.get(table)
        if found is None:  # the whole table is missing: db init creates it
            continue
        if found not in present:
            present[found] = {c["name"].upper() for c in inspector.get_columns(found)}
        if column.name.upper() not in present[found]:
            missing.append((found, column))
    return missing


def add_server_columns(engine: Engine) -> list[str]:
    """Add the server columns existing tables lack; returns ``table.column`` of each added.

    DDL cannot take parameters: the table name is the database's own, the column
    definition is compiled from our model, and both are quoted by the dialect.
    """
    added = []
    with engine.begin() as connection:
        quote = connection.dialect.identifier_preparer.quote
        for table, column in missing_server_columns(connection):
            definition = CreateColumn(column).compile(dialect=connection.dialect)
            log.info("adding column %s.%s for an OCS server", table, column.name)
            connection.exec_driver_sql(f"ALTER TABLE {quote(table)} ADD COLUMN {definition}")
            added.append(f"{table}.{column.name}")
    return added
