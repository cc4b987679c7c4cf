"""MariaDB named locks between writers of the same machines, in every process.

``hardware.DEVICEID`` is not unique and a merge deletes machines other writers may be
writing, so the Ingestor, its duplicate merge and the console's manual merge serialise on
named locks (``GET_LOCK``): they belong to the session, not the transaction, and are
released after the commit so the next holder sees the rows. Names are digests, within
MariaDB's 64 characters whatever the value. SQLite needs none: one writer at a time.

On a Galera node a named lock holds on that node only, so there the same names are rows
of ``ocsdesktop_writer_lock`` instead (``db.writer_lock``), upserted in the writer's
transaction and held to its commit; nothing is appended to ``held`` for them.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, text

from ocs_desktop.db import writer_lock

LOCK_TIMEOUT_S = 60


class LockBusy(TimeoutError):
    """Another writer held the lock for :data:`LOCK_TIMEOUT_S`: nothing was written, and
    the same message sent again later is stored (the server answers 503)."""


def device_lock_name(deviceid: str) -> str:
    """The lock of one DEVICEID (the Ingestor's, held while it writes that machine)."""
    return "ocsdesktop:" + hashlib.sha1(deviceid.encode()).hexdigest()[:40]


def identity_lock_name(key: str) -> str:
    """The lock of one identifying value (duplicate detection)."""
    return "ocsdesktop:dup:" + hashlib.sha1(key.encode()).hexdigest()[:40]


def subnet_lock_name(subnet: str) -> str:
    """The lock of one subnet's IP discovery election (held while an inventory decides it)."""
    return "ocsdesktop:ipd:" + hashlib.sha1(subnet.encode()).hexdigest()[:40]


_GET_LOCK = text("SELECT GET_LOCK(:name, :timeout)")


def acquire(conn: Connection, name: str, held: list[str], what: str) -> None:
    """Wait for lock ``name`` and append it to ``held``; ``LockBusy`` naming ``what``
    after :data:`LOCK_TIMEOUT_S`. On a Galera node: the lock row, held to the commit."""
    if writer_lock.uses_rows(conn):
        if not writer_lock.take(conn, name, LOCK_TIMEOUT_S):
            raise LockBusy(f"{what} is locked by another writer")
        return
    got = conn.execute(_GET_LOCK, {"name": name, "timeout": LOCK_TIMEOUT_S}).scalar()
    if got != 1:
        raise LockBusy(f"{what} is locked by another writer")
    held.append(name)


def release(conn: Connection, held: list[str]) -> None:
    """Release the locks in ``held``, last taken first."""
    for name in reversed(held):
        conn.execute(text("SELECT RELEASE_LOCK(:name)"), {"name": name})
    held.clear()
