"""Example IP discovery results for a database that has none (the console's screenshots).

A database holding only imported inventories has no ``netmap`` rows, and an empty Network
page shows a reviewer nothing. This writes, on the subnets the machines' interfaces are up
on, what a scan would have stored: a few unknown hosts, one identified printer, one
machine elected to scan, and a subnet name. Only ever run on a scratch copy.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, delete, func, insert, select

from ocs_desktop.fleet.network_subnets import DEVICES, NETMAP, NETWORK_DEVICES, NETWORKS, SUBNET
from ocs_desktop.models import Base

DEVICETYPE = Base.metadata.tables["devicetype"]
TYPES = ("Printer", "Switch", "IP phone")


def has_discovery(conn: Connection) -> bool:
    return bool(conn.scalar(select(func.count()).select_from(NETMAP)))


def stage_example_discovery(conn: Connection, hosts_per_subnet: int = 6) -> int:
    """Write example results on the machines' subnets; ``netmap`` rows written."""
    rows = conn.execute(
        select(NETWORKS.c.HARDWARE_ID, NETWORKS.c.IPSUBNET, NETWORKS.c.IPMASK)
        .where(NETWORKS.c.STATUS == "Up", NETWORKS.c.IPSUBNET.like("%.%.%.0"))
        .order_by(NETWORKS.c.IPSUBNET, NETWORKS.c.HARDWARE_ID)
    ).all()
    subnets: dict[str, tuple[int, str]] = {}
    for hardware_id, subnet, mask in rows:
        subnets.setdefault(str(subnet), (int(hardware_id), str(mask or "255.255.255.0")))
    now = dt.datetime.now().replace(microsecond=0)
    conn.execute(insert(DEVICETYPE), [{"NAME": name} for name in TYPES])
    written = 0
    for number, (subnet, (scanner, mask)) in enumerate(sorted(subnets.items())):
        prefix = subnet.rsplit(".", 1)[0]
        entries = [
            {
                "IP": f"{prefix}.{200 + host}",
                "MAC": f"00:1b:{number:02x}:5e:00:{host:02x}",
                "MASK": mask,
                "NETID": subnet,
                "DATE": now - dt.timedelta(hours=host),
                "NAME": f"device-{host}" if host % 2 else "-",
                "HARDWARE_ID": scanner,
            }
            for host in range(hosts_per_subnet)
        ]
        conn.execute(insert(NETMAP), entries)
        written += len(entries)
        conn.execute(
            insert(NETWORK_DEVICES).values(
                DESCRIPTION="Printer, 2nd floor",
                TYPE="Printer",
                MACADDR=entries[0]["MAC"],
                USER="admin",
            )
        )
        conn.execute(
            delete(DEVICES).where(DEVICES.c.HARDWARE_ID == scanner, DEVICES.c.NAME == "IPDISCOVER")
        )
        conn.execute(
            insert(DEVICES).values(HARDWARE_ID=scanner, NAME="IPDISCOVER", IVALUE=1, TVALUE=subnet)
        )
        if number == 0:
            conn.execute(insert(SUBNET).values(NETID=subnet, NAME="Head office", MASK=mask))
    return written
