"""Retry a unit of database work that failed only because of another writer.

MariaDB answers a deadlock (1213) or a lock wait timeout (1205) by rolling the
transaction back; SQLite answers "database is locked". The work itself was
right, so it is run again, a few times, with a short growing pause.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

T = TypeVar("T")

log = logging.getLogger(__name__)

_MYSQL_TRANSIENT = {1205, 1213}
ATTEMPTS = 6


def is_transient(error: DBAPIError) -> bool:
    """Whether ``error`` is a deadlock, lock timeout or busy database."""
    orig = error.orig
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int) and args[0] in _MYSQL_TRANSIENT:
        return True
    return "database is locked" in str(orig) or "database table is locked" in str(orig)


def writer_options(engine: Engine) -> dict[str, object]:
    """Connection options for a short write transaction that must not wait on snapshots.

    MariaDB: READ COMMITTED, so a row another writer just committed (a software name
    it inserted first) is visible to the next statement, and fewer gap locks are taken.
    SQLite: BEGIN IMMEDIATE, so the write lock is taken before the first read.
    """
    if engine.dialect.name == "sqlite":
        return {"sqlite_immediate": True}
    return {"isolation_level": "READ COMMITTED"}


#: MariaDB: the isolation level of the next transaction only; run before its first statement.
READ_COMMITTED_NEXT = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED"


@contextmanager
def writer_transaction(conn: Connection) -> Iterator[Connection]:
    """One transaction on ``conn`` (no statement run on it yet) with ``writer_options``,
    for that transaction only.

    On MariaDB one ``SET TRANSACTION`` (it does not start the transaction) where the
    session-wide ``isolation_level`` option costs four round trips on both sides: SET and
    COMMIT, then both again when the pool takes the connection back.
    """
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.execution_options(**writer_options(conn.engine))
    with conn.begin():
        if not sqlite:
            conn.exec_driver_sql(READ_COMMITTED_NEXT)
        yield conn


def retry_on(
    work: Callable[[], T],
    retryable: Callable[[DBAPIError], bool],
    attempts: int,
    pause: Callable[[int], float],
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``work`` (one whole transaction); run it again while it fails with an error
    ``retryable`` accepts, at most ``attempts`` times in all, ``pause(attempt)`` apart."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except DBAPIError as error:
            if attempt == attempts or not retryable(error):
                raise
            wait = pause(attempt)
            log.info(
                "transaction refused (%s), attempt %d of %d, again in %.3f s",
                error.orig,
                attempt,
                attempts,
                wait,
            )
            sleep(wait)
    raise AssertionError("unreachable")


def retry_transient(work: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Run ``work``; on a transient failure run it again (it must be one transaction)."""
    return retry_on(
        work, is_transient, attempts, lambda attempt: 0.01 * 2**attempt * (1 + random.random())
    )
