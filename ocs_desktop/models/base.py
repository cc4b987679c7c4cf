"""Declarative base and column types for the OCS Inventory ``ocsweb`` schema.

The real schema is MySQL's (the OCS server and console only run on MySQL/MariaDB), but the
same metadata must also build a working SQLite database for a one-machine console. So each
MySQL-specific type here is a portable base type with a MySQL variant, and the table options
(engine, utf8mb4) only apply on MySQL.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    DateTime,
    Double,
    Integer,
    LargeBinary,
    SmallInteger,
    Text,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.schema import SchemaItem
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.types import TypeEngine

#: Dialect names that get the MySQL variants (``mariadb://`` URLs use their own name).
MYSQL_DIALECTS = ("mysql", "mariadb")

#: Character set and collation of the tables we create on MySQL. The reference schema is
#: utf8 (3-byte); utf8mb4 stores every character and compares the same way. A few columns
#: of the reference are utf8_bin, an accident of tables first created in a utf8_bin
#: database (the 7068 update then reset their tables to utf8_general_ci); ours simply use
#: the table collation.
MYSQL_CHARSET = "utf8mb4"
MYSQL_COLLATION = "utf8mb4_general_ci"


class Base(DeclarativeBase):
    """Base of every ``ocsweb`` model; ``Base.metadata`` is the whole schema."""


_T = TypeVar("_T", bound=TypeEngine[Any])


def _on_mysql(base: _T, variant: TypeEngine[Any]) -> _T:
    return base.with_variant(variant, *MYSQL_DIALECTS)


#: ``bigint AUTO_INCREMENT`` primary key. On SQLite only a column declared exactly
#: ``INTEGER PRIMARY KEY`` autoincrements, so the type is Integer there.
AutoBigInteger = BigInteger().with_variant(Integer(), "sqlite")
#: ``bigint unsigned`` (``hardware.CHECKSUM``, a bit mask that may use the top bit).
UnsignedBigInteger = _on_mysql(BigInteger(), mysql.BIGINT(unsigned=True))
#: ``longtext``: Text elsewhere (unbounded on SQLite).
LongText = _on_mysql(Text(), mysql.LONGTEXT())
#: ``longblob``: deployment files and certificates can exceed a plain BLOB's 64 KB.
LongBlob = _on_mysql(LargeBinary(), mysql.LONGBLOB())
#: ``timestamp``: MySQL stores it in UTC and can default it to the current time.
Timestamp = _on_mysql(DateTime(), mysql.TIMESTAMP())


def tinyint(display_width: int) -> SmallInteger:
    """``tinyint(n)``: SmallInteger, and the same one-byte type on MySQL."""
    return _on_mysql(SmallInteger(), mysql.TINYINT(display_width))


def double(precision: int | None = None, scale: int | None = None) -> Double[float]:
    """``double`` or ``double(p,s)``, read back as a Python float on every backend."""
    return _on_mysql(Double(), mysql.DOUBLE(precision=precision, scale=scale, asdecimal=False))


class CurrentTimestamp(ColumnElement[datetime.datetime]):
    """Server default ``CURRENT_TIMESTAMP``, as the real ``timestamp`` columns have."""

    inherit_cache = True
    type = DateTime()


class CurrentTimestampOnUpdate(CurrentTimestamp):
    """``CURRENT_TIMESTAMP``, plus MySQL's ``ON UPDATE CURRENT_TIMESTAMP`` where supported.

    SQLite has no such clause, so there the column only gets the insert-time default.
    """

    inherit_cache = True


@compiles(CurrentTimestamp)
def _current_timestamp(element: CurrentTimestamp, compiler: SQLCompiler, **kw: Any) -> str:
    return "CURRENT_TIMESTAMP"


@compiles(CurrentTimestampOnUpdate, "mysql")
@compiles(CurrentTimestampOnUpdate, "mariadb")
def _current_timestamp_on_update(
    element: CurrentTimestampOnUpdate, compiler: SQLCompiler, **kw: Any
) -> str:
    return "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"


def since(version: int | None = None, *, retyped: int | None = None) -> dict[str, int]:
    """``info`` for a table or column that a given OCS schema version introduced or changed.

    ``version`` is the ``GUI_VERSION`` whose update script added the object (absent from
    older databases); ``retyped`` the one that changed the column's type. The checker uses
    them to tell an older database from a broken one. Objects present in the 7039 base
    schema (OCS 2.8) carry no ``since``.
    """
    info: dict[str, int] = {}
    if version is not None:
        info["since"] = version
    if retyped is not None:
        info["retyped"] = retyped
    return info


#: ``info`` key of what only an OCS communication server reads (see ``for_server``).
SERVER_KEY = "server"


def for_server(
    version: str, *, added: int | None = None, dropped: int | None = None, reads: str
) -> dict[str, Any]:
    """``info`` for a table or column outside the console schema that a server version reads.

    Debian ships the 2.8.1 communication server with the 2.11 console schema (7069), which
    dropped objects that server still reads; the 2.12 server reads objects the 2.12 console
    adds after 7069. ``db init`` creates them so either server can share a database it made;
    ``db check`` lists them apart, per server, since our own code never needs them.
    ``added`` / ``dropped`` are the console schema versions that added or dropped the
    object; ``reads`` says what breaks without it, for the report.
    """
    info: dict[str, Any] = {SERVER_KEY: version, "reads": reads}
    if added is not None:
        info["server_added"] = added
    if dropped is not None:
        info["server_dropped"] = dropped
    return info


def server_only(info: dict[str, Any]) -> str | None:
    """The server version that alone needs the object with this ``info``, or None."""
    version = info.get(SERVER_KEY)
    return str(version) if version is not None else None


def table_args(
    *items: SchemaItem,
    engine: str = "InnoDB",
    added: int | None = None,
    info: dict[str, Any] | None = None,
) -> tuple[Any, ...]:
    """``__table_args__``: keys and constraints, the MySQL engine and charset, and ``since``.

    ``engine`` is ``MEMORY`` for the server's volatile tables, as in the reference schema;
    ``info`` (``for_server``) marks a table only a communication server reads.
    """
    options: dict[str, Any] = {}
    for dialect in MYSQL_DIALECTS:  # each dialect reads options under its own name
        options[f"{dialect}_engine"] = engine
        options[f"{dialect}_charset"] = MYSQL_CHARSET
        options[f"{dialect}_collate"] = MYSQL_COLLATION
    if added is not None or info is not None:
        options["info"] = {**(since(added) if added is not None else {}), **(info or {})}
    return (*items, options)
