"""Write discovered hosts into ``netmap`` the way OCS's server does (PROTOCOL.md 4.3).

One row per MAC: a host seen again gets its IP, name, subnet, mask, date, scanner and
(when given) TAG overwritten; a new MAC is inserted. Two writers share it: an elected
agent's results (``inventory/ipdiscover_results``) and the workstation's own sweep
(``fleet/network_scan``), so both leave rows OCS's console reads the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Column, Connection, MetaData, Table, inspect

from ocs_desktop.common.batches import batches
from ocs_desktop.db.upsert import upsert
from ocs_desktop.models import Base

#: Rows per upsert statement batch.
BATCH = 1000


@dataclass(frozen=True, slots=True)
class Host:
    """One discovered host: its MAC (the row's key), IPv4 address and name."""

    mac: str
    ip: str
    name: str | None


@dataclass(frozen=True, slots=True)
class Source:
    """What every row of one scan shares: the subnet, its mask, the scanner and its TAG
    (None: the TAG column is left alone)."""

    netid: str
    mask: str
    hardware_id: int | None
    tag: str | None = None


def present_netmap(conn: Connection) -> Table | None:
    """``netmap`` reduced to the columns this database has (HARDWARE_ID came with OCS 2.9's
    schema); None when the table is missing."""
    mapped = Base.metadata.tables["netmap"]
    inspector = inspect(conn)
    if not inspector.has_table("netmap"):
        return None
    found = {column["name"] for column in inspector.get_columns("netmap")}
    columns = [
        Column(column.name, column.type, primary_key=column.primary_key)
        for column in mapped.columns
        if column.name in found
    ]
    return Table("netmap", MetaData(), *columns)


def upsert_hosts(conn: Connection, netmap: Table, source: Source, hosts: Iterable[Host]) -> int:
    """Insert or update one ``netmap`` row per host (values clipped to their columns);
    returns how many rows were written."""
    common: dict[str, object] = {
        "MASK": source.mask[:15],
        "NETID": source.netid[:15],
        "DATE": dt.datetime.now().replace(microsecond=0),
    }
    if "HARDWARE_ID" in netmap.c:
        common["HARDWARE_ID"] = source.hardware_id
    if source.tag is not None and "TAG" in netmap.c:
        common["TAG"] = source.tag[:255]
    updated = ["IP", "NAME", *common]
    statement = upsert(
        conn.dialect, netmap, lambda new: {column: new[column] for column in updated}
    )
    values = [{"MAC": host.mac, "IP": host.ip, "NAME": host.name, **common} for host in hosts]
    for batch in batches(values, BATCH):
        conn.execute(statement, batch)
    return len(values)
