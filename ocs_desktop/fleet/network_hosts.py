"""The four host lists of one subnet, as the OCS console lists them (``ms_custom_info.php``).

- **inventoried**: machines with an interface up on the subnet (name, IP, MAC, OS, user,
  last inventory, TAG);
- **non-inventoried**: ``netmap`` rows of the subnet whose MAC is neither a machine's
  interface nor an identified device (ip, mac, mask, date, name, TAG);
- **identified**: ``network_devices`` joined to ``netmap`` by MAC, on the subnet (type,
  description, ip, mac, mask, name, date, user, TAG);
- **elected**: machines elected (IVALUE 1) or forced (IVALUE 2) to scan the subnet.

Rows are plain dataclasses with :meth:`cells`, the CSV columns of :data:`HEADERS`, so the
page and the CLI export the same thing.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from enum import StrEnum
from typing import IO, Any

from sqlalchemy import Connection, func, select

from ocs_desktop.fleet.network_subnets import (
    ACCOUNTINFO,
    DEVICES,
    ELECTED_IVALUES,
    HARDWARE,
    NETMAP,
    NETWORK_DEVICES,
    NETWORKS,
    identified_mac,
    known_mac,
    link_tag,
    netmap_tag_filter,
)


class HostKind(StrEnum):
    INVENTORIED = "inventoried"
    NON_INVENTORIED = "non-inventoried"
    IDENTIFIED = "identified"
    ELECTED = "elected"


@dataclass(frozen=True)
class MachineHost:
    """An inventoried or elected machine on the subnet."""

    hardware_id: int
    name: str | None
    ip: str | None
    mac: str | None
    os: str | None
    user: str | None
    lastdate: dt.datetime | None
    tag: str | None
    #: ``devices`` IVALUE for elected machines (2: forced by an operator), else None.
    election: int | None = None


@dataclass(frozen=True)
class DiscoveredHost:
    """A ``netmap`` entry, with its identification when an operator gave one."""

    mac: str
    ip: str | None
    mask: str | None
    netid: str | None
    name: str | None
    date: dt.datetime | None
    tag: str | None
    scanner_id: int | None
    device_id: int | None = None
    type: str | None = None
    description: str | None = None
    user: str | None = None


Host = MachineHost | DiscoveredHost


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def headers(kind: HostKind) -> tuple[str, ...]:
    """CSV column names of ``kind`` (the dataclass fields)."""
    cls = DiscoveredHost if kind in (HostKind.NON_INVENTORIED, HostKind.IDENTIFIED) else MachineHost
    return tuple(f.name for f in fields(cls))


def write_csv(stream: IO[str], kind: HostKind, hosts: Sequence[Host]) -> int:
    """Write ``hosts`` with a header line; rows written."""
    writer = csv.writer(stream)
    writer.writerow(headers(kind))
    for host in hosts:
        writer.writerow([_value(v) for v in astuple(host)])
    return len(hosts)


def list_hosts(
    conn: Connection, kind: HostKind, netid: str, tag: str | None = None
) -> list[MachineHost] | list[DiscoveredHost]:
    """The hosts of ``kind`` on ``netid`` (and ``tag`` with TAG-link)."""
    linked = link_tag(conn)
    if kind is HostKind.INVENTORIED:
        return _inventoried(conn, netid, tag, linked)
    if kind is HostKind.ELECTED:
        return _elected(conn, netid, tag, linked)
    return _discovered(conn, netid, tag, linked, identified=kind is HostKind.IDENTIFIED)


def _machine_tag_filter(tag: str | None, linked: bool) -> list[Any]:
    if not linked:
        return []
    if not tag:
        return [func.coalesce(ACCOUNTINFO.c.TAG, "") == ""]
    return [ACCOUNTINFO.c.TAG == tag]


def _machines(rows: Iterable[Any], election: bool = False) -> list[MachineHost]:
    return [
        MachineHost(
            hardware_id=int(r.ID),
            name=r.NAME,
            ip=r.IPADDR,
            mac=r.MAC,
            os=r.OSNAME,
            user=r.USERID,
            lastdate=r.LASTDATE,
            tag=r.TAG,
            election=int(r.IVALUE) if election and r.IVALUE is not None else None,
        )
        for r in rows
    ]


_MACHINE_COLUMNS = (
    HARDWARE.c.ID,
    HARDWARE.c.NAME,
    HARDWARE.c.IPADDR,
    HARDWARE.c.OSNAME,
    HARDWARE.c.USERID,
    HARDWARE.c.LASTDATE,
    ACCOUNTINFO.c.TAG,
)


def _inventoried(conn: Connection, netid: str, tag: str | None, linked: bool) -> list[MachineHost]:
    query = (
        select(*_MACHINE_COLUMNS, func.min(NETWORKS.c.MACADDR).label("MAC"))
        .select_from(NETWORKS)
        .join(HARDWARE, HARDWARE.c.ID == NETWORKS.c.HARDWARE_ID)
        .outerjoin(ACCOUNTINFO, ACCOUNTINFO.c.HARDWARE_ID == HARDWARE.c.ID)
        .where(NETWORKS.c.IPSUBNET == netid, NETWORKS.c.STATUS == "Up")
        .where(*_machine_tag_filter(tag, linked))
        .group_by(*_MACHINE_COLUMNS)
        .order_by(HARDWARE.c.NAME, HARDWARE.c.ID)
    )
    return _machines(conn.execute(query))


def _elected(conn: Connection, netid: str, tag: str | None, linked: bool) -> list[MachineHost]:
    mac = (
        select(func.min(NETWORKS.c.MACADDR))
        .where(NETWORKS.c.HARDWARE_ID == HARDWARE.c.ID, NETWORKS.c.IPSUBNET == netid)
        .scalar_subquery()
    )
    query = (
        select(*_MACHINE_COLUMNS, mac.label("MAC"), func.max(DEVICES.c.IVALUE).label("IVALUE"))
        .select_from(DEVICES)
        .join(HARDWARE, HARDWARE.c.ID == DEVICES.c.HARDWARE_ID)
        .outerjoin(ACCOUNTINFO, ACCOUNTINFO.c.HARDWARE_ID == HARDWARE.c.ID)
        .where(
            DEVICES.c.NAME == "IPDISCOVER",
            DEVICES.c.IVALUE.in_(ELECTED_IVALUES),
            DEVICES.c.TVALUE == netid,
        )
        .where(*_machine_tag_filter(tag, linked))
        .group_by(*_MACHINE_COLUMNS)
        .order_by(HARDWARE.c.NAME, HARDWARE.c.ID)
    )
    return _machines(conn.execute(query), election=True)


def _discovered(
    conn: Connection, netid: str, tag: str | None, linked: bool, *, identified: bool
) -> list[DiscoveredHost]:
    columns = [NETMAP.c[name] for name in ("MAC", "IP", "MASK", "NETID", "NAME", "DATE", "TAG")]
    base = [NETMAP.c.NETID == netid, *netmap_tag_filter(tag, linked)]
    if identified:
        query = (
            select(
                *columns,
                NETMAP.c.HARDWARE_ID,
                NETWORK_DEVICES.c.ID.label("DEVICE_ID"),
                NETWORK_DEVICES.c.TYPE,
                NETWORK_DEVICES.c.DESCRIPTION,
                NETWORK_DEVICES.c.USER,
            )
            .select_from(NETWORK_DEVICES)
            .join(NETMAP, func.lower(NETMAP.c.MAC) == func.lower(NETWORK_DEVICES.c.MACADDR))
            .where(*base)
            .order_by(NETMAP.c.IP, NETMAP.c.MAC, NETWORK_DEVICES.c.ID)
        )
    else:
        query = (
            select(*columns, NETMAP.c.HARDWARE_ID)
            .where(*base, ~known_mac(NETMAP.c.MAC), ~identified_mac(NETMAP.c.MAC))
            .order_by(NETMAP.c.IP, NETMAP.c.MAC)
        )
    hosts: dict[str, DiscoveredHost] = {}
    for r in conn.execute(query):
        mapping = r._mapping
        hosts.setdefault(
            str(r.MAC).lower(),
            DiscoveredHost(
                mac=r.MAC,
                ip=r.IP,
                mask=r.MASK,
                netid=r.NETID,
                name=r.NAME,
                date=r.DATE,
                tag=r.TAG,
                scanner_id=r.HARDWARE_ID,
                device_id=mapping.get("DEVICE_ID"),
                type=mapping.get("TYPE"),
                description=mapping.get("DESCRIPTION"),
                user=mapping.get("USER"),
            ),
        )
    return sorted(hosts.values(), key=lambda h: (_ip_key(h.ip), h.mac))


def _ip_key(ip: str | None) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in (ip or "").split("."))
    except ValueError:
        return (999,)
