"""IP discovery fixtures: small inventories of machines on chosen subnets, and the state
of the elections and of ``netmap`` as the tests read them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence

from lxml import etree
from sqlalchemy import Engine, delete, insert, select, update

from ocs_desktop.inventory.ingest import Ingestor, IngestResult
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory

T = Base.metadata.tables
UNIX_UA = "OCS-NG_unified_unix_agent_v2.10.0"
WINDOWS_UA = "OCS-NG_WINDOWS_AGENT_v2.11.0.1"

#: (IPSUBNET, IPMASK, STATUS, DESCRIPTION); the MAC is made per machine.
Iface = tuple[str, str, str, str]


def lan(subnet: str, mask: str = "255.255.255.0") -> Iface:
    return (subnet, mask, "Up", "eth0")


def inventory_body(
    name: str,
    interfaces: Sequence[Iface] = (lan("10.1.0.0"),),
    *,
    hosts: Sequence[Mapping[str, str]] | None = None,
    tag: str | None = None,
) -> bytes:
    """An inventory of machine ``name`` (DEVICEID ``<name>-2024-01-01-00-00-00``) with these
    interfaces, an IPDISCOVER section of ``hosts`` (None: no section) and a TAG."""
    root = etree.Element("REQUEST")
    etree.SubElement(root, "DEVICEID").text = deviceid_of(name)
    etree.SubElement(root, "QUERY").text = "INVENTORY"
    content = etree.SubElement(root, "CONTENT")
    hardware = etree.SubElement(content, "HARDWARE")
    etree.SubElement(hardware, "NAME").text = name
    etree.SubElement(hardware, "OSNAME").text = "Debian"
    bios = etree.SubElement(content, "BIOS")
    etree.SubElement(bios, "SSN").text = f"SSN-{name}"
    for index, (subnet, mask, status, description) in enumerate(interfaces):
        network = etree.SubElement(content, "NETWORKS")
        fields = {
            "DESCRIPTION": description,
            "IPADDRESS": subnet.rsplit(".", 1)[0] + ".7",
            "IPMASK": mask,
            "IPSUBNET": subnet,
            "MACADDR": mac_of(name, index),
            "STATUS": status,
        }
        for key, value in fields.items():
            etree.SubElement(network, key).text = value
    if tag is not None:
        account = etree.SubElement(content, "ACCOUNTINFO")
        etree.SubElement(account, "KEYNAME").text = "TAG"
        etree.SubElement(account, "KEYVALUE").text = tag
    if hosts is not None:
        section = etree.SubElement(content, "IPDISCOVER")
        for host in hosts:
            h = etree.SubElement(section, "H")
            for key, value in host.items():
                etree.SubElement(h, key).text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def deviceid_of(name: str) -> str:
    return f"{name}-2024-01-01-00-00-00"


def mac_of(name: str, index: int = 0) -> str:
    digest = hashlib.sha1(name.encode()).hexdigest()
    return f"02:{digest[0:2]}:{digest[2:4]}:{digest[4:6]}:{digest[6:8]}:{index:02x}"


def ingest(ingestor: Ingestor, body: bytes, useragent: str | None = UNIX_UA) -> IngestResult:
    return ingestor.ingest(parse_inventory(body), remote_addr="192.0.2.50", useragent=useragent)


def warm(
    engine: Engine,
    hardware_id: int,
    *,
    fidelity: int = 3,
    quality: float = 1.0,
    lastdate: dt.datetime | None = None,
) -> None:
    """Give a machine the history PROLOG would have given it."""
    values: dict[str, object] = {"FIDELITY": fidelity, "QUALITY": quality}
    if lastdate is not None:
        values["LASTDATE"] = lastdate
    with engine.begin() as conn:
        conn.execute(update(T["hardware"]).where(T["hardware"].c.ID == hardware_id).values(values))


def set_options(engine: Engine, **values: int) -> None:
    """Set ``config`` IVALUEs (a row added when missing)."""
    config = T["config"]
    with engine.begin() as conn:
        for name, value in values.items():
            changed = conn.execute(
                update(config).where(config.c.NAME == name).values(IVALUE=value)
            ).rowcount
            if not changed:
                conn.execute(insert(config).values(NAME=name, IVALUE=value))


def elections(engine: Engine) -> dict[int, tuple[int | None, str | None]]:
    """Every machine's IPDISCOVER (IVALUE, TVALUE)."""
    devices = T["devices"]
    with engine.connect() as conn:
        rows = conn.execute(
            select(devices.c.HARDWARE_ID, devices.c.IVALUE, devices.c.TVALUE).where(
                devices.c.NAME == "IPDISCOVER"
            )
        ).all()
    return {int(row.HARDWARE_ID): (row.IVALUE, row.TVALUE) for row in rows}


def elected_on(engine: Engine, subnet: str) -> set[int]:
    return {
        hid for hid, (ivalue, tvalue) in elections(engine).items() if tvalue == subnet and ivalue
    }


def set_election(engine: Engine, hardware_id: int, ivalue: int, subnet: str | None) -> None:
    """What an operator (or an earlier election) left in ``devices``."""
    devices = T["devices"]
    with engine.begin() as conn:
        conn.execute(
            delete(devices).where(
                devices.c.HARDWARE_ID == hardware_id, devices.c.NAME == "IPDISCOVER"
            )
        )
        conn.execute(
            insert(devices).values(
                HARDWARE_ID=hardware_id, NAME="IPDISCOVER", IVALUE=ivalue, TVALUE=subnet
            )
        )


def netmap(engine: Engine) -> dict[str, dict[str, object]]:
    """``netmap`` rows by MAC."""
    table = T["netmap"]
    with engine.connect() as conn:
        rows = conn.execute(select(table)).all()
    return {row.MAC: dict(row._mapping) for row in rows}


def netmap_hosts(engine: Engine) -> dict[str, tuple[object, ...]]:
    """What a sweep or an agent wrote of each host: ``netmap`` by MAC, as (IP, NETID, MASK,
    NAME, HARDWARE_ID)."""
    table = T["netmap"]
    columns = (table.c.IP, table.c.NETID, table.c.MASK, table.c.NAME, table.c.HARDWARE_ID)
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.MAC, *columns)).all()
    return {row[0]: tuple(row[1:]) for row in rows}
