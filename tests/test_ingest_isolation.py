"""The inventory transaction reads READ COMMITTED on MariaDB, and only that transaction.

The Ingestor sets the level for its one transaction (``SET TRANSACTION``) instead of
switching the session back and forth: the writers rely on the level (IP discovery's
election reads what the previous lock holder committed), and the pool's other users must
get the connection back at the engine's default level. The prolog's transaction does the
same (``common.retry.writer_transaction``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

from bench.fleet import Fleet
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory
from tests.support.server_helpers import client_for, post, prolog_xml

FLEET = Fleet(software_limit=20)
_LIST_REFRESH_S = 0.15
_LEVEL_NOW = (
    "SELECT TRX_ISOLATION_LEVEL FROM information_schema.INNODB_TRX "
    "WHERE trx_mysql_thread_id = CONNECTION_ID()"
)


@contextmanager
def levels_at(engine: Engine, prefix: str) -> Iterator[list[str]]:
    """The isolation level InnoDB lists for the transaction that first runs ``prefix...``
    (once: the test clears the list before the next transaction)."""
    seen: list[str] = []

    def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        # Once the transaction wrote, InnoDB lists it with its level; the list is
        # refreshed at most every 0.1 s.
        if statement.startswith(prefix) and not seen:
            time.sleep(_LIST_REFRESH_S)
            probe = cursor.connection.cursor()
            probe.execute(_LEVEL_NOW)
            seen.extend(level for (level,) in probe.fetchall())

    event.listen(engine, "after_cursor_execute", after)
    try:
        yield seen
    finally:
        event.remove(engine, "after_cursor_execute", after)


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_the_inventory_transaction_is_read_committed_and_only_it(engine: Engine) -> None:
    with levels_at(engine, "INSERT INTO software ") as seen:
        ingestor = Ingestor(engine)
        for index in range(2):  # the second one on the pooled connection
            result = ingestor.ingest(parse_inventory(FLEET.machine(index).body))
            assert result.created
            assert seen == ["READ COMMITTED"]
            seen.clear()
    _assert_pool_default(engine)


def _assert_pool_default(engine: Engine) -> None:
    """The pool hands the connection back at the engine's level, for the next transaction."""
    with engine.connect() as conn:
        default = conn.exec_driver_sql("SELECT @@SESSION.tx_isolation").scalar_one()
        conn.exec_driver_sql("INSERT INTO download_history (HARDWARE_ID, PKG_ID) VALUES (0, 0)")
        time.sleep(_LIST_REFRESH_S)
        assert conn.exec_driver_sql(_LEVEL_NOW).scalar_one() == default.replace("-", " ")
        conn.rollback()


@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_the_prolog_transaction_is_read_committed_and_only_it(engine: Engine) -> None:
    with levels_at(engine, "INSERT INTO prolog_conntrack") as seen, client_for(engine) as client:
        for _ in range(2):  # the second one on the pooled connection
            assert post(client, prolog_xml()).status_code == 200
            assert seen == ["READ COMMITTED"]
            seen.clear()
    _assert_pool_default(engine)
