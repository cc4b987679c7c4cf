"""Where the ``ocsweb`` database lives and how we connect to it.

A database is named by a SQLAlchemy URL: a MySQL/MariaDB server shared with a real OCS
server and console, or a SQLite file for a console on one machine. Users may also give a
bare file path or the ``mysql://`` spelling used by OCS tools; ``normalize_url`` turns all of
them into one canonical form so the rest of the code sees a single shape.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from ocs_desktop.models.base import MYSQL_CHARSET, MYSQL_COLLATION

log = logging.getLogger(__name__)

APP_DIR_NAME = "ocs-desktop"
DEFAULT_SQLITE_NAME = "ocsweb.sqlite"

#: SQLite waits this long for a lock held by another process (the server and the console
#: may share one file) before failing with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Seconds after which a pooled MySQL connection is replaced: MySQL drops idle connections
#: after ``wait_timeout`` (8 h by default, often much less behind proxies).
MYSQL_POOL_RECYCLE_S = 3600
#: Seconds to open a TCP connection to a MySQL server (PyMySQL's own default is 10).
MYSQL_CONNECT_TIMEOUT_S = 5
#: Seconds a thread waits for a free pooled connection before giving up (SQLAlchemy: 30).
POOL_TIMEOUT_S = 10


def is_mysql(url: str | URL) -> bool:
    """Whether the URL names a MySQL or MariaDB server."""
    return make_url(url).get_backend_name() in ("mysql", "mariadb")


def is_sqlite(url: str | URL) -> bool:
    """Whether the URL names a SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def safe_url(url: str | URL) -> str:
    """The URL as text with the password masked, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid database URL>"


def normalize_url(url_or_path: str) -> str:
    """Canonical SQLAlchemy URL for a URL or a bare SQLite file path.

    A path or ``sqlite:///relative`` becomes an absolute ``sqlite:///`` URL (so a URL stays
    valid whatever the working directory); ``mysql://`` gets the PyMySQL driver, and MySQL
    URLs get ``charset=utf8mb4`` unless they set a charset, because the connection charset
    decides how non-ASCII inventory text is stored. The result keeps the password: mask it
    with ``safe_url`` before showing it.
    """
    text = url_or_path.strip()
    if "://" not in text:
        path = Path(text).expanduser().resolve()
        return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
    url = make_url(text)
    backend = url.get_backend_name()
    if backend == "sqlite":
        database = url.database
        if database and database != ":memory:" and not database.startswith("file:"):
            url = url.set(database=str(Path(database).expanduser().resolve()))
        return url.render_as_string(hide_password=False)
    if backend in ("mysql", "mariadb"):
        if url.drivername == backend:  # no driver named: use the one we ship
            url = url.set(drivername=f"{backend}+pymysql")
        if "charset" not in url.query:
            url = url.update_query_dict({"charset": "utf8mb4"})
        return url.render_as_string(hide_password=False)
    return url.render_as_string(hide_password=False)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 driver would open transactions itself, only before DML, so a SELECT
    # that decides an INSERT would run outside the transaction. Let SQLAlchemy's
    # begin event below open every transaction instead (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets the console read while the server writes an inventory.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # The real schema declares (almost) no foreign keys and OCS deletes in any order.
        cursor.execute("PRAGMA foreign_keys=OFF")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Any) -> None:
    # A writer asks for BEGIN IMMEDIATE (execution option ``sqlite_immediate``): it takes
    # the write lock up front, so read-then-write never fails to upgrade half-way.
    immediate = connection.get_execution_options().get("sqlite_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine_for(url: str, **kw: Any) -> Engine:
    """Engine for an ``ocsweb`` database with the settings each backend needs.

    ``url`` is normalised first. SQLite gets WAL, ``synchronous=NORMAL``, a 30 s busy
    timeout and foreign keys off on every connection; MySQL gets ``pool_pre_ping`` and a
    one-hour ``pool_recycle``. Extra keyword arguments go to ``create_engine``.
    """
    normalized = normalize_url(url)
    if is_sqlite(normalized):
        kw.setdefault("connect_args", {}).setdefault("timeout", SQLITE_BUSY_TIMEOUT_MS / 1000)
        engine = create_engine(normalized, **kw)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    else:
        kw.setdefault("pool_pre_ping", True)
        kw.setdefault("pool_recycle", MYSQL_POOL_RECYCLE_S)
        engine = create_engine(normalized, **kw)
    log.debug("engine for %s", safe_url(normalized))
    return engine


def timeout_options(url: str, io_timeout_s: float) -> dict[str, Any]:
    """``create_engine_for`` keywords that bound every wait on the database.

    Without them a frozen MySQL server (not down: not answering) made every call wait for
    ever. The connect timeout bounds the TCP connection, the read and write timeouts each
    exchange with the server (the login handshake included), the pool timeout the wait for
    a free connection. A statement that may run long (``GET_LOCK`` waits up to a minute)
    needs ``io_timeout_s`` above its own limit. SQLite keeps its busy timeout.
    """
    if not is_mysql(url):
        return {}
    return {
        "connect_args": {
            "connect_timeout": MYSQL_CONNECT_TIMEOUT_S,
            "read_timeout": io_timeout_s,
            "write_timeout": io_timeout_s,
        },
        "pool_timeout": POOL_TIMEOUT_S,
    }


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Session maker bound to ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def default_data_dir() -> Path:
    """The user's data folder for ocs-desktop, created if missing.

    ``%LOCALAPPDATA%\\ocs-desktop`` on Windows, ``~/Library/Application Support/ocs-desktop``
    on macOS, otherwise ``$XDG_DATA_HOME/ocs-desktop`` (default ``~/.local/share``).
    """
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        # The XDG spec says to ignore a relative value.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    path = base / APP_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """URL of the default SQLite database, ``ocsweb.sqlite`` in the user's data folder."""
    return normalize_url(str(default_data_dir() / DEFAULT_SQLITE_NAME))


def create_database_if_missing(url: str) -> bool:
    """Create the database ``url`` names if it does not exist; return whether it did.

    On MySQL this runs ``CREATE DATABASE`` in utf8mb4 on the server (the account needs
    the right to); on SQLite it creates the file's folder, and the first connection creates
    the file. The schema itself is ``init_database``'s job.
    """
    target = make_url(normalize_url(url))
    if is_sqlite(target):
        if not target.database or target.database == ":memory:":
            return False
        path = Path(target.database)
        if path.exists():
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        return True
    if not is_mysql(target):
        raise ValueError(f"not a SQLite or MySQL URL: {safe_url(target)}")
    name = target.database
    if not name:
        raise ValueError(f"the URL names no database: {safe_url(target)}")
    server = create_engine(target._replace(database=None), pool_pre_ping=True)
    try:
        with server.connect() as connection:
            found = connection.scalar(
                text("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :n"),
                {"n": name},
            )
            if found is not None:
                return False
            quoted = server.dialect.identifier_preparer.quote_identifier(name)
            charset = f"CHARACTER SET {MYSQL_CHARSET} COLLATE {MYSQL_COLLATION}"
            connection.execute(text(f"CREATE DATABASE {quoted} {charset}"))
            log.info("created database %s", safe_url(target))
            return True
    finally:
        server.dispose()
