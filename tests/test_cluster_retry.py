"""Whole-transaction retries (``common.transaction_retry``): a real deadlock on MariaDB
makes the Ingestor run its transaction again from the parsed document and the machine
lands complete; what a cluster answers is told apart from what must not be retried."""

from __future__ import annotations

import logging
import threading

import pymysql
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from ocs_desktop.common import transaction_retry
from ocs_desktop.common.transaction_retry import is_retryable, retry_whole
from ocs_desktop.db import writer_lock
from ocs_desktop.db.named_locks import device_lock_name
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory
from tests.support.duplicate_fleet import identity_xml
from tests.support.live_server import maria
from tests.support.row_locks import row_locked
from tests.support.threads import catching, wait_until

__all__ = ["maria", "row_locked"]  # the fixtures, imported for pytest

DEVICEID = "deadlock-2026-01-01-00-00-00"


def _error(code: int, message: str) -> OperationalError:
    return OperationalError("COMMIT", {}, pymysql.err.OperationalError(code, message))


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (1213, "Deadlock found when trying to get lock; try restarting transaction"),
        (1213, "WSREP detected deadlock/conflict and aborted the transaction. Try restarting"),
        (1205, "Lock wait timeout exceeded; try restarting transaction"),
        (1047, "WSREP has not yet prepared node for application use"),
        (
            1180,
            "Error while appending streaming replication fragment(provider status: Not "
            "connected to Primary Component)",
        ),
        (2013, "Lost connection to MySQL server during query"),
        (2006, "MySQL server has gone away"),
    ],
)
def test_what_a_cluster_refuses_is_retried(code: int, message: str) -> None:
    assert is_retryable(_error(code, message))


def test_a_wrong_statement_is_not_retried() -> None:
    duplicate = IntegrityError(
        "INSERT", {}, pymysql.err.IntegrityError(1062, "Duplicate entry '1' for key 'PRIMARY'")
    )
    assert not is_retryable(duplicate)
    assert not is_retryable(_error(1054, "Unknown column 'X' in 'field list'"))


def test_attempts_are_bounded_and_pauses_jittered_under_the_cap() -> None:
    calls: list[int] = []
    pauses: list[float] = []

    def refused() -> None:
        calls.append(1)
        raise _error(1213, "Deadlock found when trying to get lock; try restarting transaction")

    with pytest.raises(OperationalError):
        retry_whole(refused, attempts=7, sleep=pauses.append)
    assert len(calls) == 7 and len(pauses) == 6
    assert all(0 <= p <= transaction_retry.CAP_S for p in pauses)
    assert len(set(pauses)) > 1  # jittered, not in step with the other writer


@pytest.mark.mariadb
def test_two_connections_locking_in_opposite_order_both_complete(
    maria: tuple[str, Engine],
) -> None:
    """The textbook deadlock: A locks row 1 then 2, B row 2 then 1; InnoDB kills one, and
    retry_whole runs its whole transaction again, so both increments land once each."""
    _, engine = maria
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE pair (ID INT PRIMARY KEY, N INT NOT NULL)"))
        conn.execute(text("INSERT INTO pair VALUES (1, 0), (2, 0)"))
    both_hold_one = threading.Barrier(2)
    attempts: list[str] = []
    errors: list[BaseException] = []

    def transfer(name: str, first: int, second: int) -> None:
        def work() -> None:
            attempts.append(name)
            with engine.begin() as conn:
                conn.execute(text("UPDATE pair SET N = N + 1 WHERE ID = :i"), {"i": first})
                if attempts.count(name) == 1:
                    both_hold_one.wait(10)
                conn.execute(text("UPDATE pair SET N = N + 10 WHERE ID = :i"), {"i": second})

        try:
            retry_whole(work)
        except BaseException as error:
            errors.append(error)

    threads = [
        threading.Thread(target=transfer, args=("a", 1, 2)),
        threading.Thread(target=transfer, args=("b", 2, 1)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert len(attempts) == 3  # one of the two ran twice
    with engine.connect() as conn:
        assert conn.execute(text("SELECT N FROM pair ORDER BY ID")).scalars().all() == [11, 11]


@pytest.mark.mariadb
def test_an_inventory_chosen_as_deadlock_victim_is_written_again_whole(
    row_locked: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A real deadlock between the Ingestor and another writer: the inventory holds its
    machine's lock row and waits for ``hardware``; the other holds ``hardware`` (and has
    written more, so InnoDB picks the inventory) and asks for the lock row. The inventory's
    transaction is rolled back and run again: one machine, every row of the new document."""
    engine = row_locked
    ingestor = Ingestor(engine)
    first = ingestor.ingest(parse_inventory(identity_xml(DEVICEID, software=True)))
    update = parse_inventory(identity_xml(DEVICEID, software=True, name="pc-renamed"))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE ballast (ID INT PRIMARY KEY)"))
    errors: list[BaseException] = []

    def waiting() -> bool:
        # INNODB_TRX does not always show the wait (seen on 10.11 under load); the statement
        # stuck on hardware for a second does.
        with engine.connect() as conn:
            trx = "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"
            stuck = (
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                "WHERE INFO LIKE 'UPDATE hardware SET%' AND TIME >= 1"
            )
            return bool(conn.execute(text(trx)).scalar() or conn.execute(text(stuck)).scalar())

    caplog.set_level(logging.INFO, logger="ocs_desktop.common.retry")  # retry_on logs the retry
    # Straight onto the logger: an earlier test may have configured "ocs_desktop" not to
    # propagate (the server's logging config does).
    retry_log = logging.getLogger("ocs_desktop.common.retry")
    monkeypatch.setattr(retry_log, "handlers", [*retry_log.handlers, caplog.handler])
    monkeypatch.setattr(retry_log, "propagate", False)
    with engine.connect() as other:
        other.begin()
        # Heavier than the inventory's transaction: InnoDB rolls back the lighter one.
        other.execute(text("INSERT INTO ballast SELECT seq FROM seq_1_to_5000"))
        other.execute(
            text("SELECT ID FROM hardware WHERE ID = :h FOR UPDATE"), {"h": first.hardware_id}
        )
        writer = threading.Thread(target=catching(errors, lambda: ingestor.ingest(update)))
        writer.start()
        wait_until(waiting)  # the inventory holds its lock row and waits for hardware
        assert writer_lock.take(other, device_lock_name(DEVICEID), 30)  # closes the cycle
        other.commit()
    writer.join(60)
    assert not writer.is_alive() and not errors
    assert "Deadlock found" in caplog.text  # the inventory was the victim, and retried
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT ID, NAME FROM hardware WHERE DEVICEID = :d"), {"d": DEVICEID}
        ).all()
        assert rows == [(first.hardware_id, "pc-renamed")]
        software = conn.execute(
            text("SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :h"), {"h": first.hardware_id}
        ).scalar()
        sent = sum(1 for s in update.sections.get("SOFTWARES", []) if s.get("NAME"))
        assert software == sent
