"""Prolog sessions: an inventory may be required to follow a SEND answer (PROTOCOL 1.6).

A SEND answer records ``prolog_conntrack(DEVICEID, TIMESTAMP, PID)``. With
``INVENTORY_SESSION_ONLY`` on, an INVENTORY from an address that is not trusted is
refused (403) unless that DEVICEID got a SEND within ``SESSION_VALIDITY_TIME``
seconds: it keeps agents that skip the prolog (``--force``, scripts) from flooding the
server. Rows older than ``SESSION_CLEAN_TIME`` are removed as new ones are written.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select

from ocs_desktop.db.options import Options
from ocs_desktop.models import Base

SESSIONS = Base.metadata.tables["prolog_conntrack"]


#: Built once: building a statement costs as much CPU as running it.
_CLEAN_SESSIONS = delete(SESSIONS).where(SESSIONS.c.TIMESTAMP < bindparam("before"))
_OPEN_SESSION = insert(SESSIONS)


def open_session(conn: Connection, options: Options, deviceid: str) -> None:
    """Record a SEND answer (inside the prolog's transaction)."""
    now = int(time.time())
    clean = options.ivalue("SESSION_CLEAN_TIME", 86400)
    conn.execute(_CLEAN_SESSIONS, {"before": now - clean})
    conn.execute(_OPEN_SESSION, {"DEVICEID": deviceid, "TIMESTAMP": now, "PID": os.getpid()})


def trusted(remote_addr: str | None, patterns: Sequence[str]) -> bool:
    """Whether the peer matches one of the ``--trusted-ip`` regexes (OCS_OPT_TRUSTED_IP)."""
    return remote_addr is not None and any(re.match(p, remote_addr) for p in patterns)


def inventory_allowed(
    engine: Engine,
    options: Options,
    deviceid: str,
    remote_addr: str | None,
    patterns: Sequence[str],
) -> bool:
    """False when sessions are required and this machine has no fresh one (blocking)."""
    if not options.ivalue("INVENTORY_SESSION_ONLY", 0) or trusted(remote_addr, patterns):
        return True
    since = int(time.time()) - options.ivalue("SESSION_VALIDITY_TIME", 3600)
    with engine.connect() as conn:
        found = conn.execute(
            select(SESSIONS.c.ID)
            .where(SESSIONS.c.DEVICEID == deviceid, SESSIONS.c.TIMESTAMP >= since)
            .limit(1)
        ).first()
    return found is not None
