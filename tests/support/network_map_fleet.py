"""A synthetic IP discovery fleet at any size: subnets full of machines, identified devices,
unknown hosts and elected scanners, written straight into the tables (no inventory
parsing), for the network map's tests, benchmark and screenshots.

Host ``j`` of subnet ``i`` (``10.20.i.0/24``, IP ``10.20.i.(j+1)``) is, by ``j % 20``:
0-7 an inventoried machine (0-5 also seen by a scan; the first two of a subnet are its
elected scanners, the very first forced on every fifth subnet), 8-10 an identified device
(TYPE cycling over ``TYPES``), 11-19 an unknown host.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, insert

from ocs_desktop.models import Base

T = Base.metadata.tables
TYPES = ("Printer", "Switch", "IP phone", "Camera")
MASK = "255.255.255.0"
CHUNK = 2000


@dataclass(frozen=True)
class Expected:
    """The §4.5 counts of one subnet, as built."""

    inventoried: int = 0
    non_inventoried: int = 0
    identified: int = 0
    elected: int = 0


def netid_of(index: int) -> str:
    return f"10.20.{index}.0"


def mac_of(subnet: int, host: int) -> str:
    return f"02:00:{subnet // 256:02x}:{subnet % 256:02x}:{host // 256:02x}:{host % 256:02x}"


def hardware_id_of(subnet: int, host: int) -> int:
    return subnet * 1000 + host + 1


def _machine(rows: dict[str, list[dict[str, object]]], i: int, j: int) -> None:
    hardware_id = hardware_id_of(i, j)
    rows["hardware"].append(
        {"ID": hardware_id, "DEVICEID": f"pc-{i}-{j}-2026", "NAME": f"pc-{i:02d}-{j:03d}"}
    )
    rows["networks"].append(
        {
            "HARDWARE_ID": hardware_id,
            "DESCRIPTION": "eth0",
            "MACADDR": mac_of(i, j),
            "STATUS": "Up",
            "IPADDRESS": f"10.20.{i}.{j + 1}",
            "IPMASK": MASK,
            "IPSUBNET": netid_of(i),
        }
    )


def network_map_rows(
    subnets: int, hosts: int
) -> tuple[dict[str, list[dict[str, object]]], dict[str, Expected]]:
    """The rows of each table, and the expected counts by NETID."""
    per_subnet = hosts // subnets
    seen = dt.datetime(2026, 12, 1, 12, 0, 0)
    rows: dict[str, list[dict[str, object]]] = {
        name: []
        for name in ("hardware", "networks", "netmap", "network_devices", "devices", "subnet")
    }
    expected: dict[str, Expected] = {}
    for i in range(subnets):
        netid = netid_of(i)
        counts = {"inventoried": 0, "non_inventoried": 0, "identified": 0, "elected": 0}
        rows["subnet"].append({"NETID": netid, "NAME": f"Floor {i + 1}", "ID": "", "MASK": MASK})
        for j in range(per_subnet):
            kind = j % 20
            if kind < 8:
                _machine(rows, i, j)
                counts["inventoried"] += 1
                if j < 40 and kind == 0:
                    forced = j == 0 and i % 5 == 0
                    rows["devices"].append(
                        {
                            "HARDWARE_ID": hardware_id_of(i, j),
                            "NAME": "IPDISCOVER",
                            "IVALUE": 2 if forced else 1,
                            "TVALUE": netid,
                        }
                    )
                    counts["elected"] += 1
                if kind > 5:
                    continue
            elif kind < 11:
                rows["network_devices"].append(
                    {
                        "DESCRIPTION": f"device {i}.{j}",
                        "TYPE": TYPES[(i + j) % len(TYPES)],
                        "MACADDR": mac_of(i, j),
                        "USER": "admin",
                    }
                )
                counts["identified"] += 1
            else:
                counts["non_inventoried"] += 1
            rows["netmap"].append(
                {
                    "IP": f"10.20.{i}.{j + 1}",
                    "MAC": mac_of(i, j),
                    "MASK": MASK,
                    "NETID": netid,
                    "DATE": seen,
                    "NAME": f"host-{i}-{j}" if j % 3 else "-",
                    "HARDWARE_ID": hardware_id_of(i, 0),
                }
            )
        expected[netid] = Expected(**counts)
    return rows, expected


def build_network_map_fleet(
    engine: Engine, subnets: int = 50, hosts: int = 10_000
) -> dict[str, Expected]:
    """Write the fleet into a database without machines; the expected counts by NETID."""
    rows, expected = network_map_rows(subnets, hosts)
    with engine.begin() as conn:
        conn.execute(insert(T["devicetype"]), [{"NAME": name} for name in TYPES])
        for table, values in rows.items():
            for start in range(0, len(values), CHUNK):
                conn.execute(insert(T[table]), values[start : start + CHUNK])
    return expected
