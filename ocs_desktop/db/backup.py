"""A restorable copy of a whole database, taken before ``db upgrade`` changes anything.

MySQL/MariaDB: a sibling database ``<db>_backup_<YYYYmmdd_HHMMSS>`` on the same server,
filled server-side (``CREATE TABLE ... LIKE``, then ``INSERT ... SELECT``). No row crosses
the network, where a dump would stream 4.5 M software rows through the workstation twice
(out, and back for a restore) and need ``mysqldump`` there.

Consistency: every source table is held under ``LOCK TABLES ... READ`` while the copies
are filled. Old OCS databases keep ``config``, ``operators``, ``groups``, the blacklists
and more in MyISAM, which ignores transactions, so a ``START TRANSACTION WITH CONSISTENT
SNAPSHOT`` would be consistent for the InnoDB tables only; the read lock makes a writer
still running (an OCS server) wait for the copy instead of slipping rows in between.

Fidelity: ``LIKE`` keeps engines and charsets but not foreign keys nor AUTO_INCREMENT
counters, so each table's ``SHOW CREATE TABLE`` is stored in ``ocsdesktop_backup_info``
and the restore replays it. The copies keep only their keys (primary, unique, the one an
AUTO_INCREMENT column needs): the plain indexes of a big table (``softwares``' NAME,
VERSION, FULLTEXT), written in random order, would slow the backup down several times
for nothing, since nothing queries a copy and the restore rebuilds them from the
definition. ``ocsdesktop_backup_info`` is written last: a backup without it was
interrupted and is never restored from.

SQLite: the sqlite3 backup API, into ``<file>.backup-<YYYYmmdd-HHMMSS>.sqlite`` beside the
database. It copies pages under a read transaction and starts again by itself if another
connection writes meanwhile, so the copy is one consistent state; it is written as
``.partial`` and renamed when complete. A restore copies it back the same way.

Both keep the copy until the administrator drops it; both restores replace every table of
the database by the backup's.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.engines import is_sqlite

log = logging.getLogger(__name__)

#: The table of a MySQL backup listing each table's definition and the backup's facts.
INFO_TABLE = "ocsdesktop_backup_info"
#: MySQL database names are at most 64 characters.
_MYSQL_NAME_MAX = 64
#: SQLite pages copied per step of the backup API (a progress report each).
_PAGES_PER_STEP = 1024


class BackupError(Exception):
    """A backup cannot be taken or restored; the message says why and what to do."""


@dataclass(frozen=True)
class Backup:
    """Where a backup is: a database on the same server, or a SQLite file."""

    location: str

    def restore_command(self, url: str) -> str:
        """The command that puts this backup back into the database ``url``."""
        return f"ocs-desktop db restore {url} {self.location}"


def drop_hint(backup: Backup, url: str) -> str:
    """How to get rid of the backup once the upgraded database has proven itself."""
    return f"When satisfied, drop the backup: ocs-desktop db drop-backup {url} {backup.location}"


def drop_backup(engine: Engine, location: str) -> None:
    """Delete a complete backup of this very database, and nothing else: a database or
    file that is not one of our backups of it is refused (BackupError)."""
    if is_sqlite(engine.url):
        path = Path(location)
        if path.resolve() == _sqlite_path(engine).resolve():
            raise BackupError(f"{location} is the database itself, not a backup of it")
        if not path.is_file() or not _is_sqlite_file(path):
            raise BackupError(f"{location} is not a SQLite backup file: nothing deleted")
        path.unlink()
        log.info("deleted the backup %s", location)
        return
    with engine.connect() as conn:
        database = str(conn.engine.url.database)
        info = _mysql_info(conn, location)
        if info is None:
            raise BackupError(
                f"{location} is not a complete backup (no {INFO_TABLE}): nothing dropped"
            )
        if info.get("source") != database:
            raise BackupError(
                f"{location} is a backup of {info.get('source')}, not of {database}: "
                "nothing dropped"
            )
        _run(conn, f"DROP DATABASE {_quote(conn, location)}")
        conn.commit()
    log.info("dropped the backup database %s", location)


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d_%H%M%S")


def default_location(engine: Engine) -> str:
    """Where a backup of this database goes unless told otherwise."""
    database = str(make_url(engine.url).database)
    if is_sqlite(engine.url):
        return f"{database}.backup-{_stamp().replace('_', '-')}.sqlite"
    suffix = f"_backup_{_stamp()}"
    return database[: _MYSQL_NAME_MAX - len(suffix)] + suffix


def take_backup(engine: Engine, location: str, progress: Progress = None) -> Backup:
    """Copy every table of the database to ``location``; raise BackupError if it cannot."""
    if is_sqlite(engine.url):
        return _sqlite_backup(_sqlite_path(engine), Path(location), progress)
    with engine.connect() as conn:
        return _mysql_backup(conn, location, progress)


def backup_complete(engine: Engine, location: str) -> bool:
    """Whether ``location`` holds a complete backup this module took."""
    if is_sqlite(engine.url):
        return Path(location).is_file()
    with engine.connect() as conn:
        return _mysql_info(conn, location) is not None


def restore_backup(engine: Engine, location: str, progress: Progress = None) -> int:
    """Replace the database's tables by the backup's; return how many tables it holds.

    Stop every server and console using the database first. Safe to run again if
    interrupted: each run starts by dropping what the database holds.
    """
    if is_sqlite(engine.url):
        return _sqlite_restore(Path(location), _sqlite_path(engine), progress)
    with engine.connect() as conn:
        return _mysql_restore(conn, location, progress)


# -- SQLite ----------------------------------------------------------------------------


def _sqlite_path(engine: Engine) -> Path:
    database = make_url(engine.url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(database)


def _sqlite_copy(source: Path, target: Path, progress: Progress) -> int:
    """Copy ``source`` over ``target`` page by page; return the tables it holds."""

    def step(_status: int, remaining: int, total: int) -> None:
        report(progress, total - remaining, total)

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst, pages=_PAGES_PER_STEP, progress=step)
        found = dst.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    finally:
        src.close()
        dst.close()
    return int(found[0])


def _sqlite_backup(source: Path, target: Path, progress: Progress) -> Backup:
    if target.exists():
        raise BackupError(f"{target} already exists: name another backup file")
    partial = target.with_name(target.name + ".partial")
    try:
        _sqlite_copy(source, partial, progress)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot write the backup {target}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    log.info("backed up %s to %s", source, target)
    return Backup(str(target))


def _sqlite_restore(backup: Path, target: Path, progress: Progress) -> int:
    if not backup.is_file():
        raise BackupError(f"no backup file {backup}: nothing restored")
    try:
        tables = _sqlite_copy(backup, target, progress)
    except sqlite3.Error as exc:
        raise BackupError(f"cannot restore from {backup}: {exc}") from exc
    log.info("restored %s from %s", target, backup)
    return tables


# -- MySQL / MariaDB -------------------------------------------------------------------


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _run(conn: Connection, statement: str) -> None:
    """A statement built of quoted names, or a stored definition: sent as it is, so a
    ``%`` or ``:name`` in a default or a comment is not taken for a parameter."""
    conn.exec_driver_sql(statement, execution_options={"no_parameters": True})


def _base_tables(conn: Connection, database: str) -> list[str]:
    rows = conn.execute(
        text(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = :db "
            "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"
        ),
        {"db": database},
    )
    return [str(name) for name in rows.scalars()]


def _mysql_info(conn: Connection, location: str) -> dict[str, str] | None:
    """The facts of a complete backup, or None when ``location`` holds none."""
    if INFO_TABLE not in _base_tables(conn, location):
        return None
    table = f"{_quote(conn, location)}.{INFO_TABLE}"
    rows = conn.execute(text(f"SELECT NAME, VALUE FROM {table} WHERE KIND = 'info'"))
    return {str(name): str(value) for name, value in rows}


@contextmanager
def _copy_session(conn: Connection) -> Iterator[None]:
    """Copy rows as they are: an id of 0 stays 0 (it would otherwise take a new
    AUTO_INCREMENT value) and tables go in any order whatever their foreign keys. The
    connection gets its own settings back after, locks released, before it goes back to
    the pool."""
    mode, checks = conn.execute(
        text("SELECT @@SESSION.sql_mode, @@SESSION.foreign_key_checks")
    ).one()
    conn.execute(text("SET SESSION sql_mode = :mode"), {"mode": f"{mode},NO_AUTO_VALUE_ON_ZERO"})
    conn.execute(text("SET SESSION foreign_key_checks = 0"))
    try:
        yield
    finally:
        conn.rollback()
        _run(conn, "UNLOCK TABLES")
        conn.execute(text("SET SESSION sql_mode = :mode"), {"mode": mode})
        conn.execute(text("SET SESSION foreign_key_checks = :checks"), {"checks": checks})
        conn.commit()


def _mysql_backup(conn: Connection, location: str, progress: Progress) -> Backup:
    database = str(conn.engine.url.database)
    tables = _base_tables(conn, database)
    charset, collation = conn.execute(
        text(
            "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
            "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :n"
        ),
        {"n": database},
    ).one()
    target = _quote(conn, location)
    try:
        _run(conn, f"CREATE DATABASE {target} CHARACTER SET {charset} COLLATE {collation}")
    except DBAPIError as exc:
        raise BackupError(
            f"cannot create the backup database {location}: {exc.orig}; it must not exist "
            "yet, and the account needs the CREATE privilege (or name another with --backup)"
        ) from exc
    try:
        with _copy_session(conn):
            _mysql_copy_all(conn, database, location, tables, progress)
    except BaseException:
        _run(conn, f"DROP DATABASE IF EXISTS {target}")
        raise
    log.info("backed up %s to %s (%d tables)", database, location, len(tables))
    return Backup(location)


def _mysql_copy_all(
    conn: Connection, database: str, location: str, tables: list[str], progress: Progress
) -> None:
    source, target = _quote(conn, database), _quote(conn, location)
    definitions = []
    for table in tables:
        name = _quote(conn, table)
        definitions.append(str(conn.execute(text(f"SHOW CREATE TABLE {source}.{name}")).one()[1]))
        _run(conn, f"CREATE TABLE {target}.{name} LIKE {source}.{name}")
        _lighten(conn, location, table)
    locks = [f"{source}.{_quote(conn, t)} READ" for t in tables]
    locks += [f"{target}.{_quote(conn, t)} WRITE" for t in tables]
    report(progress, 0, len(tables))
    _run(conn, f"LOCK TABLES {', '.join(locks)}")
    for done, table in enumerate(tables, start=1):
        name = _quote(conn, table)
        _run(conn, f"INSERT INTO {target}.{name} SELECT * FROM {source}.{name}")
        report(progress, done, len(tables))
    _run(conn, "UNLOCK TABLES")  # commits the copies
    info = f"{target}.{INFO_TABLE}"
    _run(
        conn,
        f"CREATE TABLE {info} (KIND VARCHAR(16) NOT NULL, NAME VARCHAR(64) NOT NULL, "
        "VALUE LONGTEXT NOT NULL, PRIMARY KEY (KIND, NAME))",
    )
    rows = [{"k": "table", "n": t, "v": d} for t, d in zip(tables, definitions, strict=True)]
    rows.append({"k": "info", "n": "source", "v": database})
    rows.append({"k": "info", "n": "taken_at", "v": dt.datetime.now().isoformat(" ", "seconds")})
    conn.execute(text(f"INSERT INTO {info} (KIND, NAME, VALUE) VALUES (:k, :n, :v)"), rows)
    conn.commit()


def _lighten(conn: Connection, location: str, table: str) -> None:
    """Drop the backup table's plain indexes before it is filled: it is never queried,
    and the restore rebuilds every index from the stored definition. Keys stay (primary,
    unique, and one that an AUTO_INCREMENT column needs), so the copy holds what the
    table held, and filling it is not slowed by indexes written in random order."""
    rows = conn.execute(
        text(
            "SELECT DISTINCT s.INDEX_NAME FROM information_schema.STATISTICS s "
            "JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA "
            "AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME "
            "WHERE s.TABLE_SCHEMA = :db AND s.TABLE_NAME = :t AND s.NON_UNIQUE = 1 "
            "AND s.SEQ_IN_INDEX = 1 AND c.EXTRA NOT LIKE '%auto_increment%' "
            "ORDER BY s.INDEX_NAME"
        ),
        {"db": location, "t": table},
    )
    drops = [f"DROP INDEX {_quote(conn, str(index))}" for index in rows.scalars()]
    if drops:
        _run(conn, f"ALTER TABLE {_quote(conn, location)}.{_quote(conn, table)} {', '.join(drops)}")


def _mysql_restore(conn: Connection, location: str, progress: Progress) -> int:
    database = str(conn.engine.url.database)
    info = _mysql_info(conn, location)
    if info is None:
        raise BackupError(
            f"{location} is not a complete backup (no {INFO_TABLE}): nothing restored"
        )
    if info.get("source") != database:
        raise BackupError(
            f"{location} is a backup of {info.get('source')}, not of {database}: nothing restored"
        )
    backup, target = _quote(conn, location), _quote(conn, database)
    definitions = conn.execute(
        text(f"SELECT NAME, VALUE FROM {backup}.{INFO_TABLE} WHERE KIND = 'table' ORDER BY NAME")
    ).all()
    with _copy_session(conn):
        for table in _base_tables(conn, database):
            _run(conn, f"DROP TABLE {target}.{_quote(conn, table)}")
        report(progress, 0, len(definitions))
        for done, (table, definition) in enumerate(definitions, start=1):
            name = _quote(conn, str(table))
            _run(conn, str(definition))  # names its table unqualified: ours, the connection's
            _run(conn, f"INSERT INTO {target}.{name} SELECT * FROM {backup}.{name}")
            conn.commit()
            report(progress, done, len(definitions))
    log.info("restored %s from %s (%d tables)", database, location, len(definitions))
    return len(definitions)
