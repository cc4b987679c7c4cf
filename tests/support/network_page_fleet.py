"""A small fleet with IP discovery results, built through the real ingestion path.

Two subnets: ``10.1.0.0/24`` (three machines, one with its interface down; pc-a1 elected
and scanning) and ``10.2.0.0/24`` (one machine, forced to scan). The scans find the
machines' own MACs, unknown hosts and a printer; types, an identification and a subnet
name are then written as the OCS console would (plain SQL, not our actions).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, insert

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from tests.support.ipdiscover import (
    ingest,
    inventory_body,
    lan,
    mac_of,
    set_election,
    warm,
)

T = Base.metadata.tables
A = "10.1.0.0"
B = "10.2.0.0"
MASK = "255.255.255.0"
PRINTER = "00:1b:a9:00:00:60"
UNKNOWN_A = ("00:1b:a9:00:00:50", "00:1b:a9:00:00:51", "00:1b:a9:00:00:52")
UNKNOWN_B = ("00:1b:a9:00:01:50", "00:1b:a9:00:01:51")


@dataclass
class NetworkFleet:
    """The ids and expectations of :func:`build_network_fleet`."""

    ids: dict[str, int] = field(default_factory=dict)

    #: (inventoried, non-inventoried, identified, elected) per subnet.
    counts = {A: (2, 3, 1, 1), B: (1, 2, 0, 1)}


def _host(mac: str, ip: str, name: str = "-") -> dict[str, str]:
    return {"I": ip, "M": mac, "N": name}


def build_network_fleet(engine: Engine, *, tag_a: str | None = None) -> NetworkFleet:
    """Machines, elections, two scans, two device types, one identification, one name."""
    ingestor = Ingestor(engine)
    fleet = NetworkFleet()
    machines = {
        "pc-a1": [lan(A)],
        "pc-a2": [lan(A)],
        "pc-a3": [(A, MASK, "Down", "eth0")],
        "pc-b1": [lan(B)],
    }
    for name, interfaces in machines.items():
        tag = tag_a if name.startswith("pc-a") else None
        fleet.ids[name] = ingest(ingestor, inventory_body(name, interfaces, tag=tag)).hardware_id
    for name in ("pc-a1", "pc-b1"):
        warm(engine, fleet.ids[name])
    set_election(engine, fleet.ids["pc-a1"], 1, A)
    set_election(engine, fleet.ids["pc-b1"], 2, B)
    hosts_a = [
        _host(mac_of("pc-a2"), "10.1.0.7", "pc-a2"),
        *(_host(mac, f"10.1.0.{50 + i}") for i, mac in enumerate(UNKNOWN_A)),
        _host(PRINTER, "10.1.0.60", "printer"),
    ]
    ingest(ingestor, inventory_body("pc-a1", machines["pc-a1"], hosts=hosts_a, tag=tag_a))
    hosts_b = [_host(mac, f"10.2.0.{50 + i}") for i, mac in enumerate(UNKNOWN_B)]
    ingest(ingestor, inventory_body("pc-b1", machines["pc-b1"], hosts=hosts_b))
    set_election(engine, fleet.ids["pc-a2"], 0, None)
    with engine.begin() as conn:
        conn.execute(insert(T["devicetype"]), [{"NAME": "Printer"}, {"NAME": "Switch"}])
        conn.execute(
            insert(T["network_devices"]).values(
                DESCRIPTION="Hall printer", TYPE="Printer", MACADDR=PRINTER, USER="admin"
            )
        )
        conn.execute(insert(T["subnet"]).values(NETID=A, NAME="Head office", MASK=MASK, TAG=tag_a))
    return fleet
