"""Section digests: let a re-inventory skip what did not change without reading it back.

A machine re-inventoried the next day usually sends the same 900 software entries, disks
and cards as before. Comparing each section with the stored rows costs reading them all
back; a digest of what the agent sent, kept per machine in ``ocsdesktop_inventory_digest``,
tells the same in one small read. A section whose digest matches is left alone; any other
goes through the full row comparison of :mod:`rows`, so a wrong or missing digest costs
time, never data.

The digests are trusted only while the ``hardware`` row still carries the LASTDATE and
CHECKSUM our Ingestor wrote with them (the stamp): an OCS server writing the same machine
changes LASTDATE, and the digests are ignored from then on. The stamp also holds a salt
of the Ingestor's shaping (the columns this database has, its character range), so a
schema upgrade that adds a column rewrites every section once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping

from sqlalchemy import Connection
from sqlalchemy.sql.dml import Insert

from ocs_desktop.db.upsert import upsert
from ocs_desktop.models.extensions import inventory_digest
from ocs_desktop.protocol.document import keys_digest

#: Bump when the digest of a section or the way rows are shaped changes meaning.
DIGEST_FORMAT = 5


#: What a section sent with no rows, or flagged as changed but not sent, is written as.
EMPTY_DIGEST = keys_digest([])


def shaping_salt(*parts: object) -> str:
    """A short digest of what decides how sent rows become stored rows."""
    text = repr((DIGEST_FORMAT, parts)).encode()
    return hashlib.blake2b(text, digest_size=6).hexdigest()


def make_stamp(salt: str, lastdate: dt.datetime | None, checksum: int | None) -> str:
    """What ties digests to one state of the ``hardware`` row (see the module docstring)."""
    when = lastdate.strftime("%Y-%m-%d %H:%M:%S") if lastdate is not None else "-"
    return f"{salt}|{when}|{checksum}"


def trusted_digests(stored_stamp: str | None, stored: str | None, expected: str) -> dict[str, str]:
    """The stored digests if their stamp is the one expected, else none."""
    if stored_stamp != expected or not stored:
        return {}
    try:
        loaded = json.loads(stored)
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {str(key): str(value) for key, value in loaded.items()}


def save_digests(
    conn: Connection, hardware_id: int, stamp: str, digests: Mapping[str, str]
) -> None:
    """Store the machine's digests in the caller's transaction (an upsert: a row left by a
    deleted machine whose id SQLite hands out again is simply overwritten)."""
    values = {
        "HARDWARE_ID": hardware_id,
        "STAMP": stamp,
        "DIGESTS": json.dumps(dict(sorted(digests.items())), separators=(",", ":")),
    }
    statement = _SAVE.get(conn.dialect.name)
    if statement is None:  # built once per dialect: building costs as much as running
        statement = _SAVE[conn.dialect.name] = upsert(
            conn.dialect, inventory_digest, lambda new: {"STAMP": new.STAMP, "DIGESTS": new.DIGESTS}
        )
    conn.execute(statement, values)


#: :func:`save_digests`' statement, by dialect name.
_SAVE: dict[str, Insert] = {}
