"""Bring an older OCS schema's tables and columns up to our models, whatever its version.

Rather than replay each OCS update script in turn, the models say what the schema is now,
and the database says what it has: what is missing gets created. A missing table is created
from its model; a missing column is added with its model's type and default; a column an
OCS update renamed is renamed. A missing column that belongs to the model's primary key
(the ``ID`` keys OCS added to ``devices``, ``deleted_equiv``, ``saas``, ``cve_search``, the
``PK`` of ``subnet``) replaces the table's key on MySQL; SQLite cannot add a key column, so
there the table is rebuilt (renamed, created anew, rows copied, old table dropped) in one
transaction. Every step first looks at what is there, so running it again after an
interruption does only what is left; types are not changed (``db check`` only warns about
the few columns OCS retyped, and converting their text values could lose them).

Empty tables of the seeded kinds get the rows a fresh database has (the ``Unavailable``
publisher and version with ID 1 that software rows point to, the SNMP defaults...) and
``config`` the options it lacks; ``operators`` is left alone (no default ``admin`` account
appears in a database whose administrators chose their own) and so is ``GUI_VERSION``,
which the upgrade sets last, once everything else is done.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Engine, MetaData, Table, func, insert, inspect, select
from sqlalchemy.schema import CreateColumn

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.seed import SEED_ROWS
from ocs_desktop.models import Base
from ocs_desktop.models.settings import Config

log = logging.getLogger(__name__)

#: (table, column) -> the name the column had before an OCS update renamed it (7065).
RENAMED: dict[tuple[str, str], str] = {("layouts", "CREATOR"): "USER"}
#: Seeds the upgrade never adds: the default account, and the version (set last).
UNSEEDED_TABLES = ("operators",)
UNSEEDED_OPTIONS = ("GUI_VERSION",)
#: The name a SQLite table has while it is rebuilt.
_OLD_SUFFIX = "__ocsdesktop_old"


@dataclass(frozen=True)
class SchemaChanges:
    """What :func:`upgrade_schema` changed, as ``table`` or ``table.column`` names."""

    created_tables: tuple[str, ...] = ()
    added_columns: tuple[str, ...] = ()
    renamed_columns: tuple[str, ...] = ()
    rebuilt_tables: tuple[str, ...] = ()
    seeded_rows: int = 0


def present_tables(conn: Connection) -> dict[str, str]:
    """The database's tables by lower-case name (a Windows server lower-cases them)."""
    return {name.lower(): name for name in inspect(conn).get_table_names()}


def missing_objects(conn: Connection) -> list[str]:
    """The models' tables, and ``table.column`` columns, the database lacks, whatever its
    version (``db check`` forgives what a database's version predates)."""
    existing = present_tables(conn)
    inspector = inspect(conn)
    missing = []
    for table in Base.metadata.sorted_tables:
        actual = existing.get(table.name.lower())
        if actual is None:
            missing.append(table.name)
            continue
        have = {column["name"].lower() for column in inspector.get_columns(actual)}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name.lower() not in have]
    return missing


def upgrade_schema(engine: Engine, progress: Progress = None) -> SchemaChanges:
    """Create the missing tables, add or rename the missing columns and seed what is empty."""
    tables = Base.metadata.sorted_tables
    with engine.connect() as conn:
        existing = present_tables(conn)
    added: list[str] = []
    renamed: list[str] = []
    rebuilt: list[str] = []
    missing: list[Table] = []
    for done, table in enumerate(tables):
        report(progress, done, len(tables) + 1)
        actual = existing.get(table.name.lower())
        if actual is None:
            missing.append(table)
            continue
        with engine.begin() as conn:
            changes = _columns(conn, table, actual)
        renamed += changes[0]
        added += changes[1]
        rebuilt += changes[2]
    Base.metadata.create_all(engine, tables=missing, checkfirst=True)
    with engine.begin() as conn:
        seeded = seed_empty(conn)
    report(progress, len(tables) + 1, len(tables) + 1)
    log.info(
        "schema upgraded: %d tables created, %d columns added, %d renamed, %d tables rebuilt",
        len(missing),
        len(added),
        len(renamed),
        len(rebuilt),
    )
    return SchemaChanges(
        created_tables=tuple(table.name for table in missing),
        added_columns=tuple(added),
        renamed_columns=tuple(renamed),
        rebuilt_tables=tuple(rebuilt),
        seeded_rows=seeded,
    )


def _columns(conn: Connection, table: Table, actual: str) -> tuple[list[str], list[str], list[str]]:
    """Rename, add, or rebuild for, the columns ``table`` lacks in the database."""
    have = {column["name"].lower(): column["name"] for column in inspect(conn).get_columns(actual)}
    renamed = []
    for column in table.columns:
        before = RENAMED.get((table.name, column.name))
        if column.name.lower() not in have and before is not None and before.lower() in have:
            _rename(conn, actual, have.pop(before.lower()), column)
            have[column.name.lower()] = column.name
            renamed.append(f"{table.name}.{column.name}")
    lacking = [column for column in table.columns if column.name.lower() not in have]
    names = [f"{table.name}.{column.name}" for column in lacking]
    keys = [column for column in lacking if column.primary_key]
    if keys and conn.dialect.name == "sqlite":
        _rebuild_sqlite(conn, table, actual, list(have.values()))
        return renamed, names, [table.name]
    if keys:
        _add_key_columns(conn, table, actual, keys)
    for column in lacking:
        if not column.primary_key:
            _add_column(conn, actual, column)
    return renamed, names, []


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def _run(conn: Connection, statement: str) -> None:
    conn.exec_driver_sql(statement)


def _spec(conn: Connection, column: Column[Any]) -> str:
    """The column's definition for ALTER TABLE. SQLite cannot add a NOT NULL column
    without a default (``layouts.CREATOR``): there it is added nullable, which ``db check``
    accepts (it compares types, not nullability)."""
    if conn.dialect.name == "sqlite" and not column.nullable and column.server_default is None:
        column = Column(column.name, column.type, nullable=True)
    return str(CreateColumn(column).compile(dialect=conn.dialect))


def _add_column(conn: Connection, actual: str, column: Column[Any]) -> None:
    _run(conn, f"ALTER TABLE {_quote(conn, actual)} ADD COLUMN {_spec(conn, column)}")


def _rename(conn: Connection, actual: str, before: str, column: Column[Any]) -> None:
    table, old = _quote(conn, actual), _quote(conn, before)
    if conn.dialect.name == "sqlite":
        _run(conn, f"ALTER TABLE {table} RENAME COLUMN {old} TO {_quote(conn, column.name)}")
    else:
        _run(conn, f"ALTER TABLE {table} CHANGE COLUMN {old} {_spec(conn, column)}")


def _add_key_columns(conn: Connection, table: Table, actual: str, keys: list[Column[Any]]) -> None:
    """MySQL: add the missing key columns first, and make the model's key the table's."""
    parts = []
    if inspect(conn).get_pk_constraint(actual)["constrained_columns"]:
        parts.append("DROP PRIMARY KEY")
    parts += [f"ADD COLUMN {_spec(conn, column)} FIRST" for column in reversed(keys)]
    key = ", ".join(_quote(conn, column.name) for column in table.primary_key.columns)
    parts.append(f"ADD PRIMARY KEY ({key})")
    _run(conn, f"ALTER TABLE {_quote(conn, actual)} {', '.join(parts)}")


def _rebuild_sqlite(conn: Connection, table: Table, actual: str, kept: list[str]) -> None:
    """SQLite: move the table aside, create it from the model (keeping any column of its
    own the model lacks), copy the rows, drop the old one; in the caller's transaction.
    The columns the old rows lack are nullable in the new table, as if added."""
    old = f"{actual}{_OLD_SUFFIX}"
    inspector = inspect(conn)
    reflected = {column["name"]: column["type"] for column in inspector.get_columns(actual)}
    for index in inspector.get_indexes(actual):  # SQLite index names are per database
        _run(conn, f"DROP INDEX {_quote(conn, str(index['name']))}")
    _run(conn, f"ALTER TABLE {_quote(conn, actual)} RENAME TO {_quote(conn, old)}")
    fresh = table.to_metadata(MetaData())
    present = {name.lower() for name in kept}
    for column in fresh.columns:
        if column.name.lower() not in present and not column.primary_key:
            column.nullable = True
    model = {column.name.lower() for column in table.columns}
    for name in kept:
        if name.lower() not in model:
            fresh.append_column(Column(name, reflected[name]))
    fresh.create(conn)
    shared = ", ".join(_quote(conn, name) for name in kept)
    new, moved = _quote(conn, table.name), _quote(conn, old)
    _run(conn, f"INSERT INTO {new} ({shared}) SELECT {shared} FROM {moved}")
    _run(conn, f"DROP TABLE {moved}")


def seed_empty(conn: Connection) -> int:
    """Give empty seeded tables their default rows, and ``config`` its missing options;
    return the rows inserted."""
    existing = present_tables(conn)
    inserted = 0
    for name, rows in SEED_ROWS.items():
        actual = existing.get(name)
        if actual is None or name in UNSEEDED_TABLES:
            continue
        table = Base.metadata.tables[name]
        columns = {column["name"] for column in inspect(conn).get_columns(actual)}
        if name == Config.__tablename__:
            have = set(conn.execute(select(Config.NAME)).scalars())
            wanted = [r for r in rows if r["NAME"] not in have | set(UNSEEDED_OPTIONS)]
        elif conn.execute(select(func.count()).select_from(table)).scalar_one():
            continue
        else:
            wanted = list(rows)
        values = [{k: v for k, v in row.items() if k in columns} for row in wanted]
        if values:
            conn.execute(insert(table), values)
            inserted += len(values)
    return inserted
