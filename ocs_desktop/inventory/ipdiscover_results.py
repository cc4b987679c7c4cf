"""Store what an elected agent's scan found into ``netmap`` (PROTOCOL.md 4.3).

One row per MAC ever seen: each valid ``<IPDISCOVER><H>`` entry updates the row of its MAC
or inserts one, with the IP, the scanned subnet (NETID) and its mask, the time, the name,
the scanning machine and, with IPDISCOVER_LINK_TAG_NETWORK, the scanner's TAG. It runs in
the inventory's transaction, so the scan lands with the rest of the inventory or not at
all. An agent's content is not trusted: an invalid entry is dropped with one log line
(the first few; then one line counting the rest), a MAC sent twice keeps its last entry,
and no more than a /16's worth of entries is stored, so a hostile inventory costs bounded
work and never fails the inventory.

The upsert itself is ``db/netmap_rows`` (the console's own sweep writes through it too).
MACs are stored as sent. MariaDB's collation matches a MAC whatever its case; on SQLite a
MAC sent in another case than the stored one is another row, as the reference would store.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Table

from ocs_desktop.db.netmap_rows import Host, Source, upsert_hosts
from ocs_desktop.inventory.ipdiscover_rules import MAX_ENTRIES, Entry, check_entry
from ocs_desktop.protocol.document import Row

log = logging.getLogger(__name__)

#: Invalid entries logged one by one per inventory; the rest are counted in one line.
LOGGED_ENTRIES = 10


@dataclass(frozen=True, slots=True)
class Scan:
    """Where the entries come from: the scanning machine, its subnet and its TAG."""

    deviceid: str
    hardware_id: int
    netid: str
    mask: str
    tag: str | None


@dataclass(frozen=True, slots=True)
class Stored:
    """What one inventory's scan did: entries stored and entries dropped."""

    stored: int
    dropped: int


def valid_entries(
    rows: Sequence[Row], deviceid: str, *, bmp_only: bool
) -> tuple[dict[str, Entry], int]:
    """The entries to store by MAC (case folded, last one wins) and how many were dropped,
    each dropped one logged (at most :data:`LOGGED_ENTRIES` lines, then a summary)."""
    entries: dict[str, Entry] = {}
    dropped = 0
    for index, row in enumerate(rows[:MAX_ENTRIES]):
        checked = check_entry(row, bmp_only=bmp_only)
        if isinstance(checked, Entry):
            entries[checked.mac.lower()] = checked
            continue
        dropped += 1
        if dropped <= LOGGED_ENTRIES:
            log.warning("machine %s: IPDISCOVER entry %d dropped: %s", deviceid, index + 1, checked)
    if dropped > LOGGED_ENTRIES:
        log.warning(
            "machine %s: %d more invalid IPDISCOVER entries dropped",
            deviceid,
            dropped - LOGGED_ENTRIES,
        )
    if len(rows) > MAX_ENTRIES:
        dropped += len(rows) - MAX_ENTRIES
        log.warning(
            "machine %s: IPDISCOVER sent %d entries; the %d beyond the first %d were dropped "
            "(more than a /16 holds)",
            deviceid,
            len(rows),
            len(rows) - MAX_ENTRIES,
            MAX_ENTRIES,
        )
    return entries, dropped


def store_results(
    conn: Connection, netmap: Table, scan: Scan, rows: Sequence[Row], *, bmp_only: bool
) -> Stored:
    """Upsert the valid entries of ``rows`` into ``netmap`` (a table holding only the
    columns this database has: HARDWARE_ID came with OCS 2.9's schema)."""
    entries, dropped = valid_entries(rows, scan.deviceid, bmp_only=bmp_only)
    if not entries:
        return Stored(0, dropped)
    source = Source(scan.netid, scan.mask, scan.hardware_id, scan.tag)
    hosts = [Host(entry.mac, entry.ip, entry.name) for entry in entries.values()]
    return Stored(upsert_hosts(conn, netmap, source, hosts), dropped)
