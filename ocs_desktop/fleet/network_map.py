"""What the network map draws: every subnet and every host on it, with its IP discovery state.

One read of five plain queries (named subnets, ``netmap`` with its identified devices,
inventoried interfaces, elections, device types), merged in Python: at 10,000 hosts
this is a few tens of milliseconds, where a join per state would scan ``netmap`` four times.

The states follow PROTOCOL.md §4.5, so the map's counts agree with the Network page's:

- **inventoried**: a machine with a ``networks`` row ``STATUS='Up'`` and ``IPSUBNET=NETID``
  (one node per machine and subnet, whether or not a scan has seen it);
- **elected**: a machine with ``devices`` ``IPDISCOVER`` IVALUE 1 or 2 and ``TVALUE=NETID``
  (drawn as the scanner, counted as inventoried too when it has an Up interface there);
- **identified**: a ``netmap`` MAC present in ``network_devices`` (its TYPE picks the colour);
- **unknown** (non-inventoried): a ``netmap`` MAC in neither ``networks`` nor
  ``network_devices``: what an administrator hunts for.

A ``netmap`` MAC that belongs to a machine's interface elsewhere (another subnet, or down)
is none of the four in §4.5, so the map leaves it to the machine's own node. MACs compare
without regard to case, as on OCS's MySQL. Loopback and
non-IPv4 subnets are left out. With TAG-link on, OCS splits a subnet by TAG; the map
draws one hub per NETID.
"""

from __future__ import annotations

import datetime as dt
import functools
import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import Connection, func, select

from ocs_desktop.models import Base

T = Base.metadata.tables


class HostState(StrEnum):
    """How a node is drawn; one per node, the first that applies in this order."""

    ELECTED = "elected"
    INVENTORIED = "inventoried"
    IDENTIFIED = "identified"
    UNKNOWN = "unknown"


class MapHost(NamedTuple):
    """One node: a machine on a subnet, or a device a scan found there.

    A named tuple: the map builds ten thousand of them per read, and a tuple costs the
    least to make.
    """

    netid: str
    ip: str
    mac: str
    name: str
    state: HostState
    hardware_id: int | None = None
    #: ``network_devices.TYPE`` (a device type name) and DESCRIPTION of an identified MAC.
    device_type: str | None = None
    description: str | None = None
    #: The §4.5 facts behind ``state`` (an elected machine is usually inventoried too).
    inventoried: bool = False
    identified: bool = False
    elected: bool = False
    #: IVALUE 2: the operator forced this election.
    forced: bool = False
    #: ``netmap.DATE``, when a scan saw it.
    seen: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class SubnetCounts:
    """The four counts of PROTOCOL.md §4.5 for one subnet."""

    inventoried: int
    non_inventoried: int
    identified: int
    elected: int


@dataclass(frozen=True, slots=True)
class MapSubnet:
    """A hub: the subnet's network address, mask, operator name, and its hosts by IP."""

    netid: str
    mask: str
    name: str
    hosts: tuple[MapHost, ...]

    def counts(self) -> SubnetCounts:
        return SubnetCounts(
            inventoried=sum(1 for h in self.hosts if h.inventoried),
            non_inventoried=sum(1 for h in self.hosts if h.state is HostState.UNKNOWN),
            identified=sum(1 for h in self.hosts if h.identified),
            elected=sum(1 for h in self.hosts if h.elected),
        )


@dataclass(frozen=True, slots=True)
class NetworkMap:
    """Every subnet (by network address) and the device types, for the legend."""

    subnets: tuple[MapSubnet, ...]
    device_types: tuple[str, ...] = field(default=())

    def hosts(self) -> Iterator[MapHost]:
        for subnet in self.subnets:
            yield from subnet.hosts

    @property
    def host_count(self) -> int:
        return sum(len(s.hosts) for s in self.subnets)

    def subnet(self, netid: str) -> MapSubnet | None:
        return next((s for s in self.subnets if s.netid == netid), None)


@functools.lru_cache(maxsize=4096)  # a fleet has few subnets and many rows
def usable_subnet(netid: str | None) -> bool:
    """A dotted IPv4 network address worth a hub (not loopback, not 0.0.0.0)."""
    if not netid:
        return False
    try:
        address = ipaddress.IPv4Address(netid.strip())
    except ValueError:
        return False
    return not (address.is_loopback or address.is_unspecified)


def _ip_key(ip: str) -> tuple[int, str]:
    """Numeric order of dotted IPv4 addresses (anything else after them), without the cost
    of ``ipaddress`` on every host."""
    try:
        return (int.from_bytes(socket.inet_aton(ip), "big"), ip)
    except OSError:
        return (1 << 33, ip)


class _Machine:
    """A machine's node on one subnet while the rows are merged."""

    __slots__ = (
        "description", "elected", "forced", "hardware_id", "identified", "inventoried", "ip",
        "mac", "name", "seen", "type",
    )  # fmt: skip

    def __init__(self, hardware_id: int, name: str) -> None:
        self.hardware_id = hardware_id
        self.name = name
        self.ip = ""
        self.mac = ""
        self.inventoried = False
        self.elected = False
        self.forced = False
        self.identified = False
        self.seen: dt.datetime | None = None
        self.type: str | None = None
        self.description: str | None = None

    def host(self, netid: str) -> MapHost:
        return MapHost(
            netid=netid,
            ip=self.ip,
            mac=self.mac,
            name=self.name,
            state=HostState.ELECTED if self.elected else HostState.INVENTORIED,
            hardware_id=self.hardware_id,
            device_type=self.type,
            description=self.description,
            inventoried=self.inventoried,
            identified=self.identified,
            elected=self.elected,
            forced=self.forced,
            seen=self.seen,
        )


def load_network_map(conn: Connection) -> NetworkMap:
    """Every subnet and host the map draws, read on ``conn`` (works on SQLite and MariaDB)."""
    netmap, networks, hardware = T["netmap"], T["networks"], T["hardware"]
    devices, identified_t, subnet_t = T["devices"], T["network_devices"], T["subnet"]

    # --- inventoried interfaces: machine nodes, and every MAC that belongs to a machine
    machines: dict[str, dict[int, _Machine]] = {}
    masks: dict[str, str] = {}
    machine_macs: set[str] = set()
    by_mac: dict[tuple[str, str], _Machine] = {}
    interfaces = conn.execute(
        select(
            networks.c.HARDWARE_ID,
            networks.c.MACADDR,
            networks.c.IPADDRESS,
            networks.c.IPMASK,
            networks.c.IPSUBNET,
            networks.c.STATUS,
            hardware.c.NAME,
        ).join(hardware, hardware.c.ID == networks.c.HARDWARE_ID)
    ).all()
    for hardware_id, mac, ip, mask, netid, status, name in interfaces:
        mac = (mac or "").lower()
        if mac:
            machine_macs.add(mac)
        if status != "Up" or not usable_subnet(netid):
            continue
        node = machines.setdefault(netid, {}).get(hardware_id)
        if node is None:
            node = machines[netid][hardware_id] = _Machine(hardware_id, name or "")
        if not node.inventoried:
            node.inventoried = True
            node.ip, node.mac = ip or "", mac
        if mac:
            by_mac[(netid, mac)] = node
        if mask:
            masks.setdefault(netid, mask)

    # --- elected scanners (a machine may be elected where it has no Up interface left)
    elections = conn.execute(
        select(devices.c.HARDWARE_ID, devices.c.IVALUE, devices.c.TVALUE, hardware.c.NAME)
        .join(hardware, hardware.c.ID == devices.c.HARDWARE_ID)
        .where(devices.c.NAME == "IPDISCOVER", devices.c.IVALUE.in_((1, 2)))
    ).all()
    for hardware_id, ivalue, netid, name in elections:
        if not usable_subnet(netid):
            continue
        node = machines.setdefault(netid, {}).get(hardware_id)
        if node is None:
            node = machines[netid][hardware_id] = _Machine(hardware_id, name or "")
        node.elected = True
        node.forced = ivalue == 2

    # --- identified devices, one row per MAC (OCS may hold several; any TYPE will do)
    identified: dict[str, tuple[str | None, str | None]] = {
        mac.lower(): (kind, description)
        for mac, kind, description in conn.execute(
            select(
                identified_t.c.MACADDR,
                func.max(identified_t.c.TYPE),
                func.max(identified_t.c.DESCRIPTION),
            )
            .where(identified_t.c.MACADDR.is_not(None))
            .group_by(identified_t.c.MACADDR)
        )
    }

    # --- what the scans found
    found: dict[str, list[MapHost]] = {}
    scans = conn.execute(
        select(
            netmap.c.IP,
            netmap.c.MAC,
            netmap.c.MASK,
            netmap.c.NETID,
            netmap.c.NAME,
            netmap.c.DATE,
        )
    ).all()
    for ip, mac, mask, netid, name, seen in scans:
        if not usable_subnet(netid):
            continue
        if mask:
            masks.setdefault(netid, mask)
        mac = (mac or "").lower()
        kind, description = identified.get(mac, (None, None))
        is_identified = mac in identified
        node = by_mac.get((netid, mac))
        if node is not None:  # the scan saw an inventoried machine's interface
            node.seen = seen
            if is_identified:
                node.identified, node.type, node.description = True, kind, description
            continue
        if is_identified:
            state = HostState.IDENTIFIED
        elif mac in machine_macs:
            continue  # a machine's interface on another subnet: none of §4.5's states here
        else:
            state = HostState.UNKNOWN
        found.setdefault(netid, []).append(
            MapHost(
                netid=netid,
                ip=ip or "",
                mac=mac,
                name=name if name and name != "-" else "",
                state=state,
                device_type=kind,
                description=description,
                identified=is_identified,
                seen=seen,
            )
        )

    # --- operator names and masks of subnets
    names: dict[str, str] = {}
    for netid, name, mask in conn.execute(
        select(subnet_t.c.NETID, subnet_t.c.NAME, subnet_t.c.MASK).order_by(subnet_t.c.PK)
    ):
        if usable_subnet(netid):
            if name:
                names.setdefault(netid, name)
            if mask:
                masks[netid] = mask
    types = conn.scalars(
        select(T["devicetype"].c.NAME).where(T["devicetype"].c.NAME.is_not(None))
    ).all()

    subnets = []
    for netid in sorted(set(machines) | set(found) | set(names), key=_ip_key):
        hosts = [node.host(netid) for node in machines.get(netid, {}).values()]
        hosts += found.get(netid, [])
        hosts.sort(key=lambda h: (_ip_key(h.ip), h.mac))
        subnets.append(MapSubnet(netid, masks.get(netid, ""), names.get(netid, ""), tuple(hosts)))
    used = {h.device_type for s in subnets for h in s.hosts if h.device_type}
    return NetworkMap(tuple(subnets), tuple(sorted(set(types) | used, key=str.casefold)))
