"""Create an ``ocsweb`` database from our models, and check an existing one against them.

The database may be shared with a real OCS server and console, so both jobs are careful:
``init_database`` only adds what is missing (tables, seed rows) and never alters or drops
anything; ``check_database`` only reads. Both work on SQLite and on MySQL/MariaDB.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    MetaData,
    Table,
    UniqueConstraint,
    and_,
    insert,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy import types as sqltypes
from sqlalchemy.dialects import mysql
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import CompileError

from ocs_desktop.db.engines import create_engine_for, is_mysql, safe_url
from ocs_desktop.db.legacy import diagnose
from ocs_desktop.db.seed import GUI_VERSION, SEED_ROWS
from ocs_desktop.db.server_columns import ServerNeed
from ocs_desktop.db.table_names import TableNames, misspelt, read_table_names, table_names
from ocs_desktop.models import Base
from ocs_desktop.models.base import server_only
from ocs_desktop.models.extensions import EXTENSION_METADATA
from ocs_desktop.models.settings import Config

log = logging.getLogger(__name__)

#: InnoDB's limit on the bytes of one index key (DYNAMIC/COMPRESSED rows, MySQL 5.7+,
#: MariaDB 10.2+). utf8mb4 counts 4 bytes per character of a VARCHAR.
INNODB_MAX_KEY_BYTES = 3072
UTF8MB4_BYTES_PER_CHAR = 4

_ACCOUNTINFO_FIELD = re.compile(r"^fields_(\d+)$")


@dataclass(frozen=True)
class InitReport:
    """What ``init_database`` did."""

    url: str
    created_tables: tuple[str, ...]
    seeded_rows: tuple[tuple[str, int], ...]
    version: str | None

    @property
    def changed(self) -> bool:
        return bool(self.created_tables or self.seeded_rows)

    def format(self) -> list[str]:
        """Human-readable lines for the command line."""
        lines = [f"Database: {self.url}"]
        if self.created_tables:
            lines.append(f"Created {len(self.created_tables)} tables.")
        else:
            lines.append("All tables already existed.")
        if self.seeded_rows:
            total = sum(count for _, count in self.seeded_rows)
            detail = ", ".join(f"{table} {count}" for table, count in self.seeded_rows)
            lines.append(f"Inserted {total} default rows ({detail}).")
        else:
            lines.append("All default rows already present.")
        lines.append(f"Schema version (GUI_VERSION): {self.version or 'unknown'}")
        return lines


@dataclass(frozen=True)
class TypeMismatch:
    """A column whose type cannot hold what we read or write."""

    column: str
    ours: str
    theirs: str

    def __str__(self) -> str:
        return f"{self.column}: ours {self.ours}, database {self.theirs}"


@dataclass(frozen=True)
class SchemaReport:
    """How an existing database compares to our models.

    ``missing_tables``, ``missing_columns`` and ``incompatible_columns`` are errors: code
    using our models would fail. ``not_in_version`` lists tables and columns that are absent
    because the database's GUI_VERSION predates them; ``warnings`` lists smaller issues
    (shorter text columns, older column types, character sets, table names an OCS console
    will not find). ``case_only`` lists names spelt with other letter case, which we use as
    found (``table_names``). ``for_servers`` lists what an OCS communication server sharing
    the database reads and it lacks (``server_columns``): never an error, our code does
    not read it. ``accountinfo_fields`` are the admin field columns the OCS console added
    to ``accountinfo``.
    """

    url: str
    version: str | None
    expected_tables: int
    present_tables: int
    missing_tables: tuple[str, ...] = ()
    missing_columns: tuple[str, ...] = ()
    incompatible_columns: tuple[TypeMismatch, ...] = ()
    not_in_version: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    accountinfo_fields: tuple[str, ...] = ()
    case_only: tuple[str, ...] = ()
    for_servers: tuple[ServerNeed, ...] = ()
    #: From ``legacy.diagnose``: the database must go through ``db upgrade`` before any
    #: use (pre-2.8 software layout), and what to tell the administrator.
    outdated: bool = False
    explanation: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        lacks = self.missing_tables or self.missing_columns or self.incompatible_columns
        return not (lacks or self.outdated)

    def format(self) -> list[str]:
        """Human-readable lines for the command line."""
        lines = [
            f"Database: {self.url}",
            f"Schema version (GUI_VERSION): {self.version or 'unknown'} (ours: {GUI_VERSION})",
        ]
        lines.append(f"Tables: {self.present_tables} of {self.expected_tables} present")
        lines += [f"  missing table: {name}" for name in self.missing_tables]
        lines += [f"  missing column: {name}" for name in self.missing_columns]
        lines += [f"  incompatible column: {mismatch}" for mismatch in self.incompatible_columns]
        lines += [f"  not in this schema version: {name}" for name in self.not_in_version]
        lines += [f"  letter case differs, used as found: {note}" for note in self.case_only]
        lines += [f"  warning: {text}" for text in self.warnings]
        if self.for_servers:
            lines.append("For OCS communication servers sharing this database (we do not need it):")
            lines += [f"  {need}" for need in self.for_servers]
            lines.append(
                "  'ocs-desktop db init URL' creates the missing tables, and with "
                "--server-columns the missing columns"
            )
        fields = ", ".join(self.accountinfo_fields) if self.accountinfo_fields else "none"
        lines.append(f"Admin fields (accountinfo): {fields}")
        lines += self.explanation
        if self.ok:
            lines.append("Result: OK")
        elif self.outdated:
            lines.append("Result: NOT OK, the database must be upgraded first (see above)")
        else:
            lines.append("Result: NOT OK, the database lacks what we need")
        return lines


# --- creation ---------------------------------------------------------------------------


def _unique_constraints(table: Table) -> list[UniqueConstraint]:
    return [c for c in table.constraints if isinstance(c, UniqueConstraint)]


def key_bytes(columns: Iterable[Column[Any]]) -> int:
    """Upper bound of an index key's length in bytes on MySQL with utf8mb4."""
    total = 0
    for column in columns:
        type_ = column.type
        if isinstance(type_, sqltypes.String):
            if type_.length is None:
                raise ValueError(f"{column.table.name}.{column.name}: text in a key needs a prefix")
            total += type_.length * UTF8MB4_BYTES_PER_CHAR
        elif isinstance(type_, sqltypes.BigInteger | sqltypes.DateTime):
            total += 8
        else:
            total += 4
    return total


def oversized_keys(metadata: MetaData = Base.metadata) -> list[str]:
    """Keys (primary, unique, index) too long for InnoDB with utf8mb4; empty for our schema.

    The reference schema is utf8 (3 bytes per character); with 4 our longest key is the
    ``engine_mutex`` primary key (two VARCHAR(255), 2040 bytes), so no prefix is needed.
    """
    found = []
    for table in metadata.sorted_tables:
        keys: list[tuple[str, Iterable[Column[Any]]]] = [("PRIMARY", table.primary_key.columns)]
        keys += [(str(index.name), index.columns) for index in table.indexes]
        keys += [(str(unique.name), unique.columns) for unique in _unique_constraints(table)]
        for name, columns in keys:
            size = key_bytes(columns)
            if size > INNODB_MAX_KEY_BYTES:
                found.append(f"{table.name}.{name} ({size} bytes)")
    return found


def init_database(engine: Engine) -> InitReport:
    """Create the missing tables of our schema and insert the missing seed rows.

    Idempotent: a second run changes nothing. Existing tables and rows are never altered or
    dropped, so it is safe on a database a real OCS installation uses. On MySQL the tables
    are InnoDB (MEMORY where OCS uses it) in utf8mb4. Our own extension tables (the software
    summary) are created too, and the summary built if it never was, as are the console's
    extra indexes (an OCS server ignores both).
    """
    from ocs_desktop.db.console_indexes import ensure_console_indexes
    from ocs_desktop.db.software_summary import ensure_summary

    if is_mysql(engine.url):
        too_long = oversized_keys()
        if too_long:  # a model change broke the MySQL limit: fail before touching anything
            raise RuntimeError(f"index keys too long for InnoDB: {', '.join(too_long)}")
    with engine.connect() as connection:
        names = read_table_names(connection)
        existing = {name.lower() for name in inspect(connection).get_table_names()}
    # A table spelt with other letter case is the same table (see table_names): no twin.
    missing = [table for table in Base.metadata.sorted_tables if not names.found(table.name)]
    Base.metadata.create_all(engine, tables=missing, checkfirst=True)
    with engine.begin() as connection:
        seeded = _insert_missing_seed_rows(connection)
    missing += [
        table for table in EXTENSION_METADATA.sorted_tables if table.name.lower() not in existing
    ]
    ensure_summary(engine)
    ensure_console_indexes(engine)
    table_names(engine, refresh=True)
    return InitReport(
        url=safe_url(engine.url),
        created_tables=tuple(table.name for table in missing),
        seeded_rows=tuple(seeded),
        version=schema_version(engine),
    )


def _identity(table: Table, row: dict[str, Any]) -> ColumnElement[bool] | None:
    """Match a row by primary key or by any unique key, so a seed never collides."""
    keys = [list(table.primary_key.columns)]
    keys += [list(unique.columns) for unique in _unique_constraints(table)]
    clauses = [
        and_(*(column == row[column.name] for column in key))
        for key in keys
        if key and all(column.name in row for column in key)
    ]
    return or_(*clauses) if clauses else None


def _insert_missing_seed_rows(connection: Connection) -> list[tuple[str, int]]:
    inspector = inspect(connection)
    seeded = []
    for name, rows in SEED_ROWS.items():
        table = Base.metadata.tables[name]
        # An older OCS database may lack a column we seed: leave it to the OCS updater.
        present = {column["name"] for column in inspector.get_columns(name)}
        count = 0
        for row in rows:
            values = {key: value for key, value in row.items() if key in present}
            match = _identity(table, values)
            if match is not None and connection.execute(select(1).where(match)).first():
                continue
            connection.execute(insert(table).values(values))
            count += 1
        if count:
            seeded.append((name, count))
    return seeded


# --- checking ---------------------------------------------------------------------------


def schema_version(engine: Engine) -> str | None:
    """``config.GUI_VERSION`` of the database, or None when there is none."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("config"):
            return None
        return connection.scalar(select(Config.TVALUE).where(Config.NAME == "GUI_VERSION"))


def type_family(type_: sqltypes.TypeEngine[Any]) -> str:
    """Coarse kind of a column type: integer, number, text, date, datetime, time or binary.

    Within a family values convert without loss of meaning (an ``int`` and a ``bigint``, a
    ``varchar`` and a ``longtext``), so the checker treats the family as the type.
    """
    if isinstance(type_, sqltypes.Integer | sqltypes.Boolean):
        return "integer"
    if isinstance(type_, sqltypes.Numeric):
        return "number"
    if isinstance(type_, sqltypes.DateTime):
        return "datetime"
    if isinstance(type_, sqltypes.Date):
        return "date"
    if isinstance(type_, sqltypes.Time):
        return "time"
    if isinstance(type_, sqltypes._Binary):
        return "binary"
    if isinstance(type_, sqltypes.String):
        return "text"
    return "unknown"


_MYSQL_CAPACITY: tuple[tuple[type[Any], int], ...] = (
    (mysql.TINYTEXT, 255),
    (mysql.MEDIUMTEXT, 2**24 - 1),
    (mysql.LONGTEXT, 2**32 - 1),
    (mysql.TINYBLOB, 255),
    (mysql.MEDIUMBLOB, 2**24 - 1),
    (mysql.LONGBLOB, 2**32 - 1),
)


def _capacity(type_: sqltypes.TypeEngine[Any], dialect: Dialect) -> int | None:
    """Longest text or binary value a column holds (characters or bytes); None = no limit."""
    for mysql_type, size in _MYSQL_CAPACITY:
        if isinstance(type_, mysql_type):
            return size
    if isinstance(type_, sqltypes.Text | sqltypes.LargeBinary) and dialect.name != "sqlite":
        length = getattr(type_, "length", None)
        return length or 2**16 - 1
    if isinstance(type_, sqltypes.String | sqltypes._Binary):
        return type_.length
    return None


def _describe(type_: sqltypes.TypeEngine[Any], dialect: Dialect) -> str:
    try:
        return str(type_.compile(dialect=dialect))
    except CompileError:
        return repr(type_)


def _version_number(version: str | None) -> int | None:
    try:
        return int(version) if version is not None else None
    except ValueError:
        return None


def check_database(engine: Engine) -> SchemaReport:
    """Compare the database behind ``engine`` with our models, changing nothing.

    Reports the GUI_VERSION, missing tables and columns, columns of an incompatible type
    family (integer, number, text, date, datetime, binary), shorter text columns as
    warnings, and the ``accountinfo.fields_N`` admin columns. Tables and columns that a
    later OCS version introduced (``info["since"]`` in the models) are not errors when the
    database's version predates them. Names compare regardless of letter case, as MySQL
    compares column names and, on Windows, table names (``table_names``); what only an OCS
    server reads (``for_server``) is listed apart. A column's collation is not compared:
    ours and the reference's differ already (utf8mb4_general_ci, utf8_bin, utf8_general_ci)
    and every comparison we make is against a parameter, which takes the column's
    collation. Only a character set that cannot hold all text is a warning.
    """
    dialect = engine.dialect
    version = schema_version(engine)
    number = _version_number(version)
    tables = Base.metadata.sorted_tables

    def older_than(info: dict[str, Any], key: str) -> bool:
        return number is not None and key in info and number < info[key]

    with engine.connect() as connection:
        names = read_table_names(connection)
        inspector = inspect(connection)
        found = sorted(set(names.actual.values()))
        reflected = inspector.get_multi_columns(filter_names=found) if found else {}
        charsets = _narrow_charsets(connection, names) if is_mysql(engine.url) else []
    columns_of = {
        table_name: {column["name"].upper(): column for column in columns}
        for (_schema, table_name), columns in reflected.items()
    }

    missing_tables: list[str] = []
    missing_columns: list[str] = []
    not_in_version: list[str] = []
    mismatches: list[TypeMismatch] = []
    warnings: list[str] = []
    case_only: list[str] = []
    for_servers: list[ServerNeed] = []
    if number is not None and number > int(GUI_VERSION):
        warnings.append(f"schema {version} is newer than ours ({GUI_VERSION}); extras are ignored")
    for table in tables:
        server = server_only(table.info)
        actual = names.actual.get(table.name)
        if actual is None:
            if server is not None:
                for_servers.append(ServerNeed(server, table.name, (), table.info["reads"]))
            else:
                (not_in_version if older_than(table.info, "since") else missing_tables).append(
                    table.name
                )
            continue
        theirs_by_name = columns_of.get(actual, {})
        for column in table.columns:
            qualified = f"{table.name}.{column.name}"
            theirs = theirs_by_name.get(column.name.upper())
            if theirs is None:
                column_server = server_only(column.info) or server
                if column_server is not None:
                    reads = (column.info if server_only(column.info) else table.info)["reads"]
                    _add_column_need(for_servers, column_server, table.name, column.name, reads)
                    continue
                (not_in_version if older_than(column.info, "since") else missing_columns).append(
                    qualified
                )
                continue
            if theirs["name"] != column.name:
                case_only.append(f"column {actual}.{theirs['name']} (ours {qualified})")
            ours_type = column.type.dialect_impl(dialect)
            their_type = theirs["type"]
            ours_text, theirs_text = _describe(ours_type, dialect), _describe(their_type, dialect)
            if type_family(ours_type) != type_family(their_type):
                if older_than(column.info, "retyped"):
                    warnings.append(
                        f"{qualified} is {theirs_text} (ours {ours_text} since schema "
                        f"{column.info['retyped']})"
                    )
                else:
                    mismatches.append(TypeMismatch(qualified, ours_text, theirs_text))
                continue
            ours_size, their_size = _capacity(ours_type, dialect), _capacity(their_type, dialect)
            if their_size is not None and (ours_size is None or their_size < ours_size):
                warnings.append(f"{qualified} is {theirs_text}, shorter than ours ({ours_text})")

    case_only[:0] = _table_case_notes(names)
    warnings += _table_case_warnings(names, number) + charsets
    fields = sorted(
        (
            column["name"]
            for column in columns_of.get(names.actual.get("accountinfo", ""), {}).values()
            if _ACCOUNTINFO_FIELD.match(column["name"])
        ),
        key=lambda name: int(name.split("_")[1]),
    )
    ocs_tables = [table for table in tables if server_only(table.info) is None]
    report = SchemaReport(
        url=safe_url(engine.url),
        version=version,
        expected_tables=len(ocs_tables),
        present_tables=sum(1 for table in ocs_tables if names.found(table.name)),
        missing_tables=tuple(missing_tables),
        missing_columns=tuple(missing_columns),
        incompatible_columns=tuple(mismatches),
        not_in_version=tuple(not_in_version),
        warnings=tuple(warnings),
        accountinfo_fields=tuple(fields),
        case_only=tuple(case_only),
        for_servers=tuple(for_servers),
    )
    return _explained(engine, report)


def _explained(engine: Engine, report: SchemaReport) -> SchemaReport:
    """The report with ``legacy.diagnose``'s verdict: whether the database must be upgraded
    before use, and the next step to take."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
    missing = len(report.missing_tables) + len(report.missing_columns)
    found = diagnose(report.url, _version_number(report.version), tables, missing)
    return replace(report, outdated=found.outdated, explanation=found.lines)


def _add_column_need(
    needs: list[ServerNeed], server: str, table: str, column: str, reads: str
) -> None:
    """Add a missing server column, on the line of its table's others with the same use."""
    last = needs[-1] if needs else None
    if last and last.columns and (last.server, last.table, last.reads) == (server, table, reads):
        needs[-1] = ServerNeed(server, table, (*last.columns, column), reads)
    else:
        needs.append(ServerNeed(server, table, (column,), reads))


def _table_case_notes(names: TableNames) -> list[str]:
    """One line per table found under another spelling: harmless, we use the name found."""
    how = (
        "this server compares table names as written"
        if names.case_sensitive
        else "this server ignores letter case in table names"
    )
    return [f"table {found} (ours {ours}); {how}" for ours, found in names.case_only()]


def _table_case_warnings(names: TableNames, version: int | None) -> list[str]:
    """Tables the OCS console of this schema version will not find, and twin tables."""
    warnings = [
        f"table {found}: the OCS console of schema {version or 'unknown'} reads {expected}, "
        "which this server (lower_case_table_names=0) does not match to it; "
        "'ocs-desktop db fix-table-case URL' renames it"
        for found, expected in misspelt(names, version)
    ]
    warnings += [
        f"tables {', '.join((names.actual[ours], *others))} differ only in letter case; we use "
        f"{names.actual[ours]}: keep the one the OCS console uses and move its rows"
        for ours, others in sorted(names.twins.items())
    ]
    return warnings


#: Character sets that hold every character an agent may send (utf8mb3 loses only those
#: outside the BMP, which the Ingestor replaces).
_FULL_CHARSETS = ("utf8", "utf8mb3", "utf8mb4")


def _narrow_charsets(connection: Connection, names: TableNames) -> list[str]:
    """Warnings for our text columns stored in a character set narrower than Unicode."""
    ours = {
        (names.actual[table.name].lower(), column.name.upper()): f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        if names.found(table.name)
        for column in table.columns
    }
    rows = connection.execute(
        text(
            "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL"
        )
    )
    warnings = []
    for table, column, charset in rows:
        qualified = ours.get((str(table).lower(), str(column).upper()))
        if qualified is not None and str(charset).lower() not in _FULL_CHARSETS:
            warnings.append(
                f"{qualified} is in character set {charset}: text outside it cannot be stored"
            )
    return sorted(warnings)


def ensure_database(url: str) -> None:
    """Initialise the database at ``url`` if it has no ``hardware`` table yet.

    An existing OCS database is left alone (check it with ``check_database``). The MySQL
    database itself must already exist; ``ocs-desktop db init`` can create it.
    """
    engine = create_engine_for(url)
    try:
        if not inspect(engine).has_table("hardware"):
            log.info("initialising OCS database %s", safe_url(url))
            init_database(engine)
    finally:
        engine.dispose()
