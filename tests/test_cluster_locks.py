"""The writers' lock as a row (``db.writer_lock``), as a Galera node takes it: writers of
one DEVICEID wait for each other on real MariaDB connections and store one machine; the
lock's timeout is the same 503 as a named lock's; SQLite and a plain MariaDB keep theirs."""

from __future__ import annotations

import threading
from functools import partial

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.db import named_locks, writer_lock
from ocs_desktop.db.named_locks import LockBusy, device_lock_name
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models.extensions import writer_lock as lock_table
from ocs_desktop.protocol.document import parse_inventory
from tests.support.duplicate_fleet import identity_xml
from tests.support.live_server import maria
from tests.support.row_locks import row_locked
from tests.support.threads import catching, wait_until

__all__ = ["maria", "row_locked"]  # the fixtures, imported for pytest

DEVICEID = "race-2026-01-01-00-00-00"


def _count(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar() or 0)


def _machines(engine: Engine) -> int:
    """How many machines are stored under :data:`DEVICEID`."""
    return _count(engine, "SELECT COUNT(*) FROM hardware WHERE DEVICEID = :d", d=DEVICEID)


def _running(engine: Engine, statement: str) -> int:
    """Other sessions of this database running ``statement`` (a LIKE pattern) now."""
    return _count(
        engine,
        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
        "AND INFO LIKE :s AND ID <> CONNECTION_ID()",
        s=statement,
    )


def test_sqlite_and_plain_mariadb_keep_their_locks(engine: Engine) -> None:
    """No lock rows where the server is not a Galera node: SQLite has one writer at a
    time, a plain MariaDB its named locks (measured as fast, bench/cluster/lock_bench.py)."""
    with engine.connect() as conn:
        assert not writer_lock.uses_rows(conn)
        if engine.dialect.name != "sqlite":
            assert not writer_lock.is_galera(conn)
    Ingestor(engine).ingest(parse_inventory(identity_xml(DEVICEID, software=True)))
    assert _machines(engine) == 1
    assert _count(engine, f"SELECT COUNT(*) FROM {lock_table.name}") == 0


@pytest.mark.mariadb
def test_a_writer_waits_for_the_lock_row_then_updates_the_one_machine(
    row_locked: Engine,
) -> None:
    engine = row_locked
    ingestor = Ingestor(engine)
    inventory = parse_inventory(identity_xml(DEVICEID, software=True))
    errors: list[BaseException] = []
    with engine.connect() as holder:
        holder.begin()
        assert writer_lock.take(holder, device_lock_name(DEVICEID), 30)
        writer = threading.Thread(target=catching(errors, lambda: ingestor.ingest(inventory)))
        writer.start()
        wait_until(
            lambda: _running(engine, "SET STATEMENT innodb_lock_wait_timeout%") >= 1
        )  # blocked on our row, nothing written
        assert _machines(engine) == 0
        holder.commit()
    writer.join(60)
    assert not writer.is_alive() and not errors
    assert _machines(engine) == 1
    uses = _count(
        engine, f"SELECT USES FROM {lock_table.name} WHERE NAME = :n", n=device_lock_name(DEVICEID)
    )
    assert uses == 0  # taken twice: each take changes the row (1, then 0), or Galera
    # would see no write and certify both writers


@pytest.mark.mariadb
def test_concurrent_first_inventories_of_one_deviceid_store_one_machine(
    row_locked: Engine,
) -> None:
    engine = row_locked
    ingestor = Ingestor(engine)
    inventories = [parse_inventory(identity_xml(DEVICEID, software=True)) for _ in range(6)]
    start = threading.Barrier(len(inventories))
    created: list[bool] = []
    errors: list[BaseException] = []

    def ingest(index: int) -> None:
        start.wait()
        created.append(ingestor.ingest(inventories[index]).created)

    threads = [
        threading.Thread(target=catching(errors, partial(ingest, i)))
        for i in range(len(inventories))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    assert sorted(created) == [False] * 5 + [True]
    assert _machines(engine) == 1
    hardware_id = _count(engine, "SELECT ID FROM hardware WHERE DEVICEID = :d", d=DEVICEID)
    software = _count(engine, "SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :h", h=hardware_id)
    assert software == sum(1 for s in inventories[0].sections.get("SOFTWARES", []) if s.get("NAME"))
    assert (
        _count(engine, "SELECT COUNT(*) FROM software WHERE HARDWARE_ID <> :h", h=hardware_id) == 0
    )


@pytest.mark.mariadb
def test_a_lock_row_held_too_long_is_lock_busy_and_nothing_is_written(
    row_locked: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = row_locked
    monkeypatch.setattr(named_locks, "LOCK_TIMEOUT_S", 1)
    ingestor = Ingestor(engine)
    with engine.connect() as holder:
        holder.begin()
        assert writer_lock.take(holder, device_lock_name(DEVICEID), 30)
        with pytest.raises(LockBusy, match=f"machine {DEVICEID} is locked"):
            ingestor.ingest(parse_inventory(identity_xml(DEVICEID)))
        holder.rollback()
    assert _machines(engine) == 0
