"""Password guessing on the admin endpoints, locked out per account and per client.

A refused login used to cost its guesser only half a second, and that per request: a
thousand guesses in parallel took 6 s. Every login attempt is now counted in
``ocsdesktop_login_throttle`` *before* its password is checked, in a transaction that
locks the counter's row, so parallel guesses cannot all slip in before the first failure
is written, and the count holds across workers and hosts sharing the database. Past
``account_failures`` attempts at one login, or ``client_failures`` from one address, within
``window_s``, further attempts are refused without checking the password for
``lockout_s`` (429, with ``Retry-After``). A successful login clears both counters.

The account counter locks out the rightful operator too while someone guesses: that is
the price of stopping guesses spread over many addresses. Behind a reverse proxy every
client has the proxy's address; keep the proxy's own admin traffic small, or give
operators a path that does not cross it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.dialects import mysql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.expression import ColumnElement

from ocs_desktop.common.retry import retry_transient, writer_options
from ocs_desktop.models.extensions import login_throttle

log = logging.getLogger(__name__)

THROTTLE = login_throttle
ACCOUNT = "account"
CLIENT = "client"
#: The longest subject stored; a longer login is counted under its first 255 characters.
_SUBJECT_CHARS = 255


@dataclass(frozen=True)
class ThrottlePolicy:
    """How many failures lock what out, and for how long."""

    account_failures: int = 5
    """Failed logins of one operator (any client) before that login is locked."""
    client_failures: int = 20
    """Failed logins from one client address (any operator) before it is locked."""
    window_s: float = 900.0
    """Failures older than this are forgotten."""
    lockout_s: float = 900.0
    """How long a lock lasts."""


DEFAULT_POLICY = ThrottlePolicy()


def ensure_table(engine: Engine) -> None:
    """Create ``ocsdesktop_login_throttle`` if the database lacks it (an OCS database, or
    one made before it existed); a clear log line if that is not allowed."""
    try:
        with engine.begin() as conn:
            THROTTLE.create(conn, checkfirst=True)
    except SQLAlchemyError as error:
        log.error(
            "the table %s is missing and could not be created (%s); admin logins are refused "
            "until it exists: run `ocs-desktop db summarize` with an account that may create "
            "tables (admin.throttle_table)", THROTTLE.name, getattr(error, "orig", None) or error,
        )  # fmt: skip
        raise


def admit(
    engine: Engine, login: str, client: str, now: float, policy: ThrottlePolicy = DEFAULT_POLICY
) -> float | None:
    """Count one login attempt of ``login`` from ``client``; None if its password may be
    checked, else the seconds until it may be tried again."""
    subjects = ((ACCOUNT, login, policy.account_failures), (CLIENT, client, policy.client_failures))

    def count_both() -> list[float | None]:
        # Always the account first: two attempts never lock the rows in opposite orders.
        with engine.execution_options(**writer_options(engine)).begin() as conn:
            return [_count(conn, kind, subject, limit, now, policy)
                    for kind, subject, limit in subjects]  # fmt: skip

    locked = [wait for wait in retry_transient(count_both) if wait is not None]
    return max(locked) if locked else None


def forgive(engine: Engine, login: str, client: str) -> None:
    """A successful login: forget the failures of ``login`` and of ``client``."""

    def clear() -> None:
        with engine.execution_options(**writer_options(engine)).begin() as conn:
            for kind, subject in ((ACCOUNT, login), (CLIENT, client)):
                conn.execute(delete(THROTTLE).where(*_key(kind, subject)))

    retry_transient(clear)


def _key(kind: str, subject: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return THROTTLE.c.KIND == kind, THROTTLE.c.SUBJECT == subject[:_SUBJECT_CHARS]


def _count(
    conn: Connection, kind: str, subject: str, limit: int, now: float, policy: ThrottlePolicy
) -> float | None:
    """Add this attempt to ``subject``'s counter (row locked until the commit); the wait
    if it is locked out."""
    _ensure_row(conn, kind, subject[:_SUBJECT_CHARS], now)
    row = conn.execute(
        select(THROTTLE.c.FAILURES, THROTTLE.c.FIRST_AT, THROTTLE.c.LOCKED_UNTIL)
        .where(*_key(kind, subject))
        .with_for_update()
    ).one()
    if row.LOCKED_UNTIL > now:
        return float(row.LOCKED_UNTIL - now)
    failures, first_at, locked_until = row.FAILURES, row.FIRST_AT, 0.0
    if row.LOCKED_UNTIL or first_at < now - policy.window_s:
        failures, first_at = 0, now  # a lock that ended, or failures long past
    failures += 1
    if failures > limit:
        locked_until = now + policy.lockout_s
        log.warning(
            "admin logins of %s %r locked for %g s after %d failures in %g s (admin.locked_out)",
            kind, subject, policy.lockout_s, limit, policy.window_s,
        )  # fmt: skip
    conn.execute(
        update(THROTTLE)
        .where(*_key(kind, subject))
        .values(FAILURES=failures, FIRST_AT=first_at, LOCKED_UNTIL=locked_until)
    )
    return policy.lockout_s if locked_until else None


def _ensure_row(conn: Connection, kind: str, subject: str, now: float) -> None:
    """Insert ``subject``'s counter at zero unless it exists (never a duplicate-key error
    when two workers count the same subject's first attempt at once)."""
    values = {"KIND": kind, "SUBJECT": subject, "FAILURES": 0, "FIRST_AT": now,
              "LOCKED_UNTIL": 0.0}  # fmt: skip
    if conn.dialect.name == "sqlite":
        conn.execute(sqlite.insert(THROTTLE).values(values).on_conflict_do_nothing())
    else:
        statement = mysql.insert(THROTTLE).values(values)
        conn.execute(statement.on_duplicate_key_update(KIND=statement.inserted.KIND))
