"""What an operator does with IP discovery results, written as the OCS web console writes it.

Each function is one step of a transaction the caller opens (the console's
``context.write``, the CLI's ``fleet_connection(write=True)``), and writes the rows the
OCS console (ocsreports ``ms_ipdiscover``) writes, so both consoles show the same data:

- identify a host: ``network_devices`` DESCRIPTION, TYPE (the ``devicetype`` NAME, a
  string), MACADDR and USER (the operator's login); an identified MAC is updated in place;
- device types: ``devicetype`` rows (a rename follows in ``network_devices.TYPE``);
- subnet names: ``subnet`` NETID, NAME, MASK, TAG (and ID, the ``ID_IPDISCOVER_*`` group);
- elections: ``devices`` NAME ``IPDISCOVER``: IVALUE 2 with the subnet (forced), IVALUE 0
  (forbidden), or no row (the server decides);
- ``blacklist_subnet`` rows; deleting a host (``netmap`` and ``network_devices`` by MAC);
  purging ``netmap`` entries not seen for N days.

Input is checked by :mod:`network_input`; refusals are its ``NetworkInputError``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, delete, func, insert, select, update

from ocs_desktop.fleet import network_input as checked
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.fleet.network_subnets import (
    DEVICES,
    HARDWARE,
    NETMAP,
    NETWORK_DEVICES,
    NETWORKS,
    SUBNET,
)
from ocs_desktop.models import Base

log = logging.getLogger(__name__)

DEVICETYPE = Base.metadata.tables["devicetype"]
BLACKLIST = Base.metadata.tables["blacklist_subnet"]

FORCED = 2
FORBIDDEN = 0


class Election(StrEnum):
    FORCE = "force"
    FORBID = "forbid"
    RELEASE = "release"


# -- identifying hosts -------------------------------------------------------------------------


def stored_mac(conn: Connection, mac: str) -> str:
    """``mac`` checked, written as ``netmap`` holds it (any case matches) or, for a MAC
    not discovered yet, in lower case."""
    wanted = checked.mac(mac)
    found = conn.execute(
        select(NETMAP.c.MAC).where(func.lower(NETMAP.c.MAC) == wanted).limit(1)
    ).scalar()
    return str(found) if found is not None else wanted


def identify(conn: Connection, mac: str, type_name: str, description: str, user: str) -> int:
    """Identify the host ``mac`` as a ``type_name`` with ``description``, by operator
    ``user``; the ``network_devices`` ID written (the existing row when re-identified)."""
    address = stored_mac(conn, mac)
    description = checked.text(description, "description")
    type_name = checked.text(type_name, "type")
    user = checked.text(user, "user")
    if type_name not in device_types(conn):
        raise NetworkInputError("unknown_type", value=type_name)
    inventoried = conn.execute(
        select(NETWORKS.c.ID).where(func.lower(NETWORKS.c.MACADDR) == address.lower()).limit(1)
    ).scalar()
    if inventoried is not None:
        raise NetworkInputError("already_inventoried", value=address)
    values = {"DESCRIPTION": description, "TYPE": type_name, "MACADDR": address, "USER": user}
    existing = (
        conn.execute(
            select(NETWORK_DEVICES.c.ID)
            .where(func.lower(NETWORK_DEVICES.c.MACADDR) == address.lower())
            .order_by(NETWORK_DEVICES.c.ID)
        )
        .scalars()
        .all()
    )
    if existing:
        conn.execute(
            update(NETWORK_DEVICES).where(NETWORK_DEVICES.c.ID.in_(existing)).values(values)
        )
        device_id = int(existing[0])
    else:
        key = conn.execute(insert(NETWORK_DEVICES).values(values)).inserted_primary_key
        assert key is not None
        device_id = int(key[0])
    log.info("network device %s identified as %r by %s", address, type_name, user)
    return device_id


# -- device types --------------------------------------------------------------------------------


def device_types(conn: Connection) -> list[str]:
    """The type names an operator can give, sorted (distinct, as OCS lists them)."""
    names = conn.execute(select(DEVICETYPE.c.NAME).distinct()).scalars()
    return sorted({str(n) for n in names if n}, key=str.casefold)


def type_usage(conn: Connection) -> dict[str, int]:
    """How many identified devices have each type."""
    rows = conn.execute(
        select(NETWORK_DEVICES.c.TYPE, func.count()).group_by(NETWORK_DEVICES.c.TYPE)
    )
    return {str(t): int(n) for t, n in rows if t is not None}


def add_type(conn: Connection, name: str) -> str:
    """Add the device type ``name``; refused when it exists."""
    name = checked.text(name, "type")
    if name in device_types(conn):
        raise NetworkInputError("type_exists", value=name)
    conn.execute(insert(DEVICETYPE).values(NAME=name))
    return name


def rename_type(conn: Connection, old: str, new: str) -> int:
    """Rename a device type, and the devices identified with it (TYPE holds the name);
    how many devices followed."""
    old = checked.text(old, "type")
    new = checked.text(new, "type")
    types = device_types(conn)
    if old not in types:
        raise NetworkInputError("unknown_type", value=old)
    if new != old and new in types:
        raise NetworkInputError("type_exists", value=new)
    conn.execute(update(DEVICETYPE).where(DEVICETYPE.c.NAME == old).values(NAME=new))
    moved = conn.execute(
        update(NETWORK_DEVICES).where(NETWORK_DEVICES.c.TYPE == old).values(TYPE=new)
    )
    return int(moved.rowcount or 0)


def delete_type(conn: Connection, name: str) -> None:
    """Delete a device type no identified device uses."""
    name = checked.text(name, "type")
    if name not in device_types(conn):
        raise NetworkInputError("unknown_type", value=name)
    used = type_usage(conn).get(name, 0)
    if used:
        raise NetworkInputError("type_in_use", value=name, count=used)
    conn.execute(delete(DEVICETYPE).where(DEVICETYPE.c.NAME == name))


# -- subnets ---------------------------------------------------------------------------------------


def name_subnet(
    conn: Connection,
    netid: str,
    name: str,
    mask: str | None = None,
    *,
    tag: str | None = None,
    group: str | None = None,
) -> int:
    """Give the network ``netid`` (with ``tag``, under TAG-link) a name, as the OCS admin
    page does: its ``subnet`` row updated, or inserted with the mask (given, or the one its
    scanners reported). The row's PK."""
    mask = checked.netmask(mask) if mask else None
    netid = checked.network(netid, mask)
    name = checked.text(name, "name")
    tag = checked.text(tag, "tag", required=False) or None
    group = checked.text(group, "name", required=False) or None
    where = [SUBNET.c.NETID == netid]
    where.append(SUBNET.c.TAG == tag if tag else func.coalesce(SUBNET.c.TAG, "") == "")
    found = conn.execute(select(SUBNET.c.PK).where(*where).order_by(SUBNET.c.PK)).scalars().all()
    if mask is None:
        mask = conn.execute(select(NETMAP.c.MASK).where(NETMAP.c.NETID == netid).limit(1)).scalar()
    values: dict[str, object] = {"NAME": name}
    if mask is not None:
        values["MASK"] = mask
    if group is not None:
        values["ID"] = group
    if found:
        conn.execute(update(SUBNET).where(SUBNET.c.PK.in_(found)).values(values))
        return int(found[0])
    key = conn.execute(insert(SUBNET).values(NETID=netid, TAG=tag, **values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def unname_subnet(conn: Connection, netid: str, tag: str | None = None) -> int:
    """Delete the ``subnet`` rows of a network (OCS's "delete" on the admin page)."""
    netid = checked.ipv4(netid)
    where = [SUBNET.c.NETID == netid]
    if tag:
        where.append(SUBNET.c.TAG == tag)
    return int(conn.execute(delete(SUBNET).where(*where)).rowcount or 0)


# -- elections ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElectionRow:
    """What a machine's ``devices`` IPDISCOVER row now says (None: no row)."""

    hardware_id: int
    ivalue: int | None
    subnet: str | None


def _machine(conn: Connection, hardware_id: int) -> int:
    deviceid = conn.execute(
        select(HARDWARE.c.DEVICEID).where(HARDWARE.c.ID == hardware_id)
    ).scalar()
    if deviceid is None or str(deviceid).startswith("_"):
        raise NetworkInputError("no_machine", value=hardware_id)
    return hardware_id


def machine_subnets(conn: Connection, hardware_id: int) -> list[str]:
    """The IPv4 subnets of a machine's interfaces that are up (what it could scan)."""
    rows = conn.execute(
        select(NETWORKS.c.IPSUBNET)
        .where(NETWORKS.c.HARDWARE_ID == hardware_id, NETWORKS.c.STATUS == "Up")
        .order_by(NETWORKS.c.ID)
    ).scalars()
    result: list[str] = []
    for subnet in rows:
        try:
            address = checked.ipv4(subnet or "")
        except NetworkInputError:
            continue
        if address not in result:
            result.append(address)
    return result


def set_election(
    conn: Connection, hardware_id: int, election: Election, subnet: str | None = None
) -> ElectionRow:
    """Force (on ``subnet``, by default the machine's first subnet up), forbid or release
    a machine's IP discovery election; the row as it now stands."""
    _machine(conn, hardware_id)
    where = (DEVICES.c.HARDWARE_ID == hardware_id, DEVICES.c.NAME == "IPDISCOVER")
    if election is Election.FORCE:
        if subnet:
            subnet = checked.ipv4(subnet)
        else:
            subnets = machine_subnets(conn, hardware_id)
            if not subnets:
                raise NetworkInputError("no_subnet", value=hardware_id)
            subnet = subnets[0]
    conn.execute(delete(DEVICES).where(*where))
    if election is Election.RELEASE:
        return ElectionRow(hardware_id, None, None)
    ivalue, tvalue = (FORCED, subnet) if election is Election.FORCE else (FORBIDDEN, None)
    conn.execute(
        insert(DEVICES).values(
            HARDWARE_ID=hardware_id, NAME="IPDISCOVER", IVALUE=ivalue, TVALUE=tvalue
        )
    )
    log.info("IP discovery election of machine %s: %s %s", hardware_id, election, tvalue or "")
    return ElectionRow(hardware_id, ivalue, tvalue)


# -- blacklist -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlacklistedSubnet:
    id: int
    subnet: str
    mask: str


def blacklisted_subnets(conn: Connection) -> list[BlacklistedSubnet]:
    rows = conn.execute(
        select(BLACKLIST.c.ID, BLACKLIST.c.SUBNET, BLACKLIST.c.MASK).order_by(BLACKLIST.c.ID)
    )
    return [BlacklistedSubnet(int(i), str(s), str(m)) for i, s, m in rows]


def _blacklist_key(subnet: str, mask: str) -> tuple[str, str]:
    mask = checked.netmask(mask)
    return checked.network(subnet, mask), mask


def blacklist_subnet(conn: Connection, subnet: str, mask: str) -> BlacklistedSubnet:
    """Keep the server from electing scanners on ``subnet``/``mask``."""
    subnet, mask = _blacklist_key(subnet, mask)
    if any(b.subnet == subnet and b.mask == mask for b in blacklisted_subnets(conn)):
        raise NetworkInputError("listed", value=f"{subnet}/{mask}")
    key = conn.execute(insert(BLACKLIST).values(SUBNET=subnet, MASK=mask)).inserted_primary_key
    assert key is not None
    return BlacklistedSubnet(int(key[0]), subnet, mask)


def unblacklist_subnet(conn: Connection, subnet: str, mask: str) -> int:
    subnet, mask = _blacklist_key(subnet, mask)
    gone = conn.execute(
        delete(BLACKLIST).where(BLACKLIST.c.SUBNET == subnet, BLACKLIST.c.MASK == mask)
    ).rowcount
    if not gone:
        raise NetworkInputError("not_listed", value=f"{subnet}/{mask}")
    return int(gone)


# -- deleting and purging --------------------------------------------------------------------------


@dataclass(frozen=True)
class Deleted:
    netmap: int
    network_devices: int


def delete_host(conn: Connection, mac: str) -> Deleted:
    """Forget a discovered host: its ``netmap`` row and its identification, by MAC."""
    wanted = checked.mac(mac)
    entries = conn.execute(delete(NETMAP).where(func.lower(NETMAP.c.MAC) == wanted)).rowcount
    devices = conn.execute(
        delete(NETWORK_DEVICES).where(func.lower(NETWORK_DEVICES.c.MACADDR) == wanted)
    ).rowcount
    if not entries and not devices:
        raise NetworkInputError("no_entry", value=wanted)
    log.info("discovered host %s deleted", wanted)
    return Deleted(int(entries or 0), int(devices or 0))


def purge(conn: Connection, older_than_days: int, *, now: dt.datetime | None = None) -> int:
    """Delete the ``netmap`` entries no scan has seen for ``older_than_days`` days
    (identifications stay: they describe the device, not the sighting); rows deleted."""
    days = checked.days(older_than_days)
    cutoff = (now or dt.datetime.now()).replace(microsecond=0) - dt.timedelta(days=days)
    gone = int(conn.execute(delete(NETMAP).where(NETMAP.c.DATE < cutoff)).rowcount or 0)
    log.info("purged %d discovered host(s) not seen since %s", gone, cutoff)
    return gone
