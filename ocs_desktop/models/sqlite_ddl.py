"""Let the MySQL-shaped ``ocsweb`` metadata build on SQLite without changing the model.

Two MySQL habits of the real schema do not carry over:

* Index names are per table in MySQL (a dozen tables have a key named ``HARDWARE_ID``) but
  per database in SQLite, so on SQLite an index is created as ``<table>_<name>``.
* ``local_users`` and ``local_groups`` have an ``AUTO_INCREMENT`` ID inside a composite
  primary key. SQLite only generates ids for a single ``INTEGER PRIMARY KEY`` column, so there
  the key is the ID alone (still unique, so the composite key holds too).

Importing ``ocs_desktop.models`` registers these compilation hooks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Index, PrimaryKeyConstraint
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import DDLCompiler
from sqlalchemy.sql.ddl import CreateColumn, CreateIndex, DropIndex


def sqlite_index_name(index: Index) -> str:
    """The name an index of our metadata has in a SQLite database."""
    assert index.table is not None and isinstance(index.name, str)
    return f"{index.table.name}_{index.name}"


def _renamed(sql: str, index: Index, compiler: DDLCompiler) -> str:
    assert isinstance(index.name, str)
    old = compiler.preparer.quote(index.name)
    new = compiler.preparer.quote(sqlite_index_name(index))
    # The statement is "CREATE [UNIQUE] INDEX [IF NOT EXISTS] <name> ON ..." or
    # "DROP INDEX [IF EXISTS] <name>": the first occurrence of the name is the index name.
    return sql.replace(f" {old}", f" {new}", 1)


@compiles(CreateIndex, "sqlite")
def _create_index(create: CreateIndex, compiler: DDLCompiler, **kw: Any) -> str:
    index = create.element
    assert isinstance(index, Index)
    return _renamed(compiler.visit_create_index(create, **kw), index, compiler)


@compiles(DropIndex, "sqlite")
def _drop_index(drop: DropIndex, compiler: DDLCompiler, **kw: Any) -> str:
    index = drop.element
    assert isinstance(index, Index)
    return _renamed(compiler.visit_drop_index(drop, **kw), index, compiler)


def _generated_in_composite_key(column: Column[Any]) -> bool:
    return (
        column.primary_key
        and column.autoincrement is True
        and column.table is not None
        and len(column.table.primary_key.columns) > 1
    )


@compiles(CreateColumn, "sqlite")
def _create_column(create: CreateColumn, compiler: DDLCompiler, **kw: Any) -> str | None:
    column = create.element
    if isinstance(column, Column) and _generated_in_composite_key(column):
        # SQLAlchemy refuses this column on SQLite; the key below makes it a rowid alias.
        type_ = compiler.dialect.type_compiler_instance.process(column.type, type_expression=column)
        return f"{compiler.preparer.format_column(column)} {type_} NOT NULL"
    return compiler.visit_create_column(create, **kw)


@compiles(PrimaryKeyConstraint, "sqlite")
def _primary_key(constraint: PrimaryKeyConstraint, compiler: DDLCompiler, **kw: Any) -> str:
    generated = [c for c in constraint.columns if _generated_in_composite_key(c)]
    if generated:
        return f"PRIMARY KEY ({compiler.preparer.format_column(generated[0])})"
    return compiler.visit_primary_key_constraint(constraint, **kw)
