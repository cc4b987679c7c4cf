"""Fleets of duplicate machines for the console's Duplicates page, written through the real
Ingestor (automatic merge off) from :func:`duplicate_fleet.identity_xml`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import Engine, update

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.duplicate_fleet import identity_xml, set_config

T = Base.metadata.tables


def make_machines(engine: Engine, *identities: Mapping[str, object], first: int = 0) -> list[int]:
    """Machines with these identities (each value not given is the machine's own: name
    ``pc-N``, serial ``SER-N``, one MAC, UUID ``UUID-N``), automatic merge off."""
    set_config(engine, AUTO_DUPLICATE_LVL=0)
    ingestor = Ingestor(engine)
    ids = []
    for index, identity in enumerate(identities, start=first):
        deviceid = f"m{index}-202{index % 10}-01-0{1 + index % 9}-00-00-00"
        own: dict[str, object] = {
            "name": f"pc-{index}",
            "serial": f"SER-{index}",
            "macs": (f"02:00:00:00:ff:{index:02x}",),
            "uuid": f"UUID-{index}",
        }
        body = identity_xml(deviceid, **{**own, **identity})  # type: ignore[arg-type]
        ids.append(ingestor.ingest(parse_inventory(body)).hardware_id)
    return ids


def set_lastcome(engine: Engine, by_id: Mapping[int, dt.datetime]) -> None:
    hardware = T["hardware"]
    with engine.begin() as conn:
        for machine, when in by_id.items():
            conn.execute(update(hardware).where(hardware.c.ID == machine).values(LASTCOME=when))


def demo_fleet(engine: Engine) -> dict[str, int]:
    """A fleet showing every kind of set: a reinstalled PC (hostname + serial), a cloned
    image (MAC), a UUID twin, and placeholder serials and MACs the blacklists exclude."""
    names = (
        "reinstalled-old",
        "reinstalled-new",
        "clone-a",
        "clone-b",
        "uuid-a",
        "uuid-b",
        "oem-1",
        "oem-2",
        "alone",
    )
    ids = make_machines(
        engine,
        {"name": "ACCOUNTING-07", "serial": "CZC4521XYZ", "macs": ("3C:52:82:10:AA:01",)},
        {"name": "accounting-07", "serial": "CZC4521XYZ", "macs": ("3C:52:82:10:AA:02",)},
        {"name": "LAB-PC-12", "serial": "PF3K9Q01", "macs": ("08:00:27:5E:11:C4",)},
        {"name": "LAB-PC-13", "serial": "PF3K9Q02", "macs": ("08:00:27:5E:11:C4",)},
        {"name": "KIOSK-1", "uuid": "4C4C4544-0042-3510-8051-B7C04F4E3132"},
        {"name": "KIOSK-2", "uuid": "4C4C4544-0042-3510-8051-B7C04F4E3132"},
        {"name": "SHOP-1", "serial": "To Be Filled By O.E.M.", "macs": ("FF:FF:FF:FF:FF:FF",)},
        {"name": "SHOP-2", "serial": "To Be Filled By O.E.M.", "macs": ("FF:FF:FF:FF:FF:FF",)},
        {"name": "RECEPTION"},
    )
    by_name = dict(zip(names, ids, strict=True))
    base = dt.datetime(2026, 11, 20, 9, 0, 0)
    set_lastcome(
        engine,
        {machine: base + dt.timedelta(days=index) for index, machine in enumerate(ids)},
    )
    return by_name
