"""NOTIFY (TYPE IP): the Windows agent tells us an interface changed address (PROTOCOL 1.4).

Each IFACE with MAC, IP and MASK updates the machine's ``networks`` row of that MAC; when
that interface was the machine's main address, ``hardware.IPADDR`` follows. Anything else
(unknown machine, other TYPE) is accepted and ignored, as the reference does: it needs
nothing and is always an empty 200.
"""

from __future__ import annotations

from lxml import etree
from sqlalchemy import Engine, select, update
from starlette.responses import Response

from ocs_desktop.common.retry import writer_transaction
from ocs_desktop.common.transaction_retry import retry_whole
from ocs_desktop.models import Base
from ocs_desktop.server.machine import HARDWARE, find_hardware_id
from ocs_desktop.server.queries.call import AgentCall
from ocs_desktop.server.replies import empty_response

NETWORKS = Base.metadata.tables["networks"]


def notify_type(root: etree._Element) -> str:
    """TYPE as an attribute or element of REQUEST or CONTENT."""
    for element in (root, root.find("CONTENT")):
        if element is None:
            continue
        value = element.get("TYPE") or element.findtext("TYPE")
        if value:
            return value.strip().upper()
    return ""


def interfaces(root: etree._Element) -> list[dict[str, str]]:
    """Every IFACE (under REQUEST or CONTENT), attributes and child elements alike."""
    found = []
    for iface in root.iter("IFACE"):
        values = {k: v.strip() for k, v in iface.attrib.items()}
        for child in iface:
            if isinstance(child.tag, str) and len(child) == 0:
                values[child.tag] = (child.text or "").strip()
        found.append(values)
    return found


def update_ips(engine: Engine, deviceid: str, ifaces: list[dict[str, str]]) -> int:
    """Apply the new addresses; returns the number of interfaces updated."""

    def work() -> int:
        with engine.connect() as conn, writer_transaction(conn):
            hardware_id = find_hardware_id(conn, deviceid)
            if hardware_id is None:
                return 0
            main_ip = conn.execute(
                select(HARDWARE.c.IPADDR).where(HARDWARE.c.ID == hardware_id)
            ).scalar()
            main_macs = set(
                conn.execute(
                    select(NETWORKS.c.MACADDR).where(
                        NETWORKS.c.HARDWARE_ID == hardware_id,
                        NETWORKS.c.IPADDRESS == main_ip,
                    )
                ).scalars()
            )
            updated = 0
            for iface in ifaces:
                mac, ip, mask = iface.get("MAC"), iface.get("IP"), iface.get("MASK")
                if not (mac and ip and mask):
                    continue
                changed = conn.execute(
                    update(NETWORKS)
                    .where(NETWORKS.c.HARDWARE_ID == hardware_id, NETWORKS.c.MACADDR == mac)
                    .values(
                        IPADDRESS=ip[:255],
                        IPMASK=mask[:255],
                        IPGATEWAY=iface.get("GW", "")[:255],
                        IPSUBNET=iface.get("SUBNET", "")[:255],
                    )
                ).rowcount
                if changed:
                    updated += 1
                    if mac in main_macs:
                        conn.execute(
                            update(HARDWARE)
                            .where(HARDWARE.c.ID == hardware_id)
                            .values(IPADDR=ip[:255])
                        )
            return updated

    return retry_whole(work)


async def handle(call: AgentCall) -> Response:
    """Apply a TYPE IP notification; any TYPE gets an empty 200."""
    kind = notify_type(call.root)
    if kind == "IP":
        await call.ctx.run(
            update_ips, call.ctx.engine, call.message.deviceid, interfaces(call.root)
        )
    call.activity(200, "notify", kind)
    return empty_response(200)
