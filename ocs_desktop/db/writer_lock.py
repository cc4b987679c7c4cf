"""Writers' locks as rows, for a Galera cluster where ``GET_LOCK`` holds on one node only.

A writer upserts the row of each lock name (``ocsdesktop_writer_lock``) inside its own
transaction. On one server InnoDB's row lock makes the next writer of that name wait for
the commit, as ``GET_LOCK`` did. Across Galera nodes nothing waits: two transactions that
wrote the same row conflict at certification, one commit fails with 1213 and is run
again whole (``common.retry``), and by then it sees the other's rows. The upsert always
changes the row (``USES`` flips), or row-based replication would not carry it and the
nodes would never conflict.

Which one is used: rows on a Galera node (``wsrep_on``), named locks elsewhere. On one
server both hold and measured the same within noise (``bench/cluster/lock_bench.py``), so
the single-server path keeps what the rest of the code and its tests were built on, and
adds no row per machine. ``OCS_DESKTOP_WRITER_LOCK=rows|named`` forces one (benches, tests).
"""

from __future__ import annotations

import logging
import os

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import OperationalError

from ocs_desktop.models.extensions import writer_lock

log = logging.getLogger(__name__)

ENV = "OCS_DESKTOP_WRITER_LOCK"
_INFO_KEY = "ocsdesktop_galera"
_LOCK_WAIT_TIMEOUT = 1205

# Literal table name: SET STATEMENT takes no bound value, the timeout is formatted as int.
_TAKE = (
    "SET STATEMENT innodb_lock_wait_timeout={timeout} FOR "
    f"INSERT INTO {writer_lock.name} (NAME, USES) VALUES (:name, 1) "
    "ON DUPLICATE KEY UPDATE USES = 1 - USES"
)


class LockTableMissing(RuntimeError):
    """A Galera node whose database lacks ``ocsdesktop_writer_lock``."""


def is_galera(conn: Connection) -> bool:
    """Whether ``conn`` is on a Galera node with replication on (cached per connection)."""
    info = conn.connection.info
    if _INFO_KEY not in info:
        row = conn.execute(text("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")).first()
        info[_INFO_KEY] = row is not None and str(row[1]).upper() == "ON"
    return bool(info[_INFO_KEY])


def uses_rows(conn: Connection) -> bool:
    """Whether locks on ``conn`` are rows (Galera, or forced) rather than named locks."""
    forced = os.environ.get(ENV, "").strip().lower()
    if forced in ("rows", "named"):
        return forced == "rows"
    return conn.dialect.name != "sqlite" and is_galera(conn)


def take(conn: Connection, name: str, timeout_s: int) -> bool:
    """Upsert lock row ``name`` in the open transaction; False after ``timeout_s`` of
    waiting for another writer on this node (nothing written, the caller says busy)."""
    try:
        conn.execute(text(_TAKE.format(timeout=int(timeout_s))), {"name": name})
    except OperationalError as error:
        code = getattr(error.orig, "args", (None,))[0]
        if code == _LOCK_WAIT_TIMEOUT:
            return False
        if code == 1146:  # no such table
            log.error("%s is missing: run `ocs-desktop db upgrade --cluster`", writer_lock.name)
            raise LockTableMissing(
                f"{writer_lock.name} is missing; run `ocs-desktop db upgrade --cluster`"
            ) from error
        raise
    return True


def table_present(conn: Connection) -> bool:
    """Whether the database has the lock table (``db check --cluster`` reports it)."""
    return inspect(conn).has_table(writer_lock.name)
