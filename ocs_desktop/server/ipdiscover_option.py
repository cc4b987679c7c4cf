"""The IPDISCOVER option of a PROLOG reply: "scan this subnet" for an elected agent.

PROTOCOL 1.6 "OPTION IPDISCOVER". The election itself happens after inventories (PROTOCOL
4.2) and is stored as the machine's ``devices`` row IPDISCOVER (IVALUE 1 elected, 2 forced
by an operator, TVALUE the subnet); here it is only read. An elected agent must always
inventory, so the option forces SEND, and the reference closes the connection.
"""

from __future__ import annotations

import re

from ocs_desktop.db.options import Options
from ocs_desktop.server.machine import Machine

_LEGACY = (
    (re.compile(r"^OCS-NG_windows_client_v(\d+)$"), 4027),
    (re.compile(r"^OCS-NG_linux_client_v(\d+)$"), 13),
)


def _legacy(useragent: str) -> bool:
    for pattern, last in _LEGACY:
        match = pattern.match(useragent)
        if match and int(match.group(1)) <= last:
            return True
    return False


def ipdiscover_params(
    options: Options, machine: Machine | None, useragent: str
) -> list[tuple[dict[str, object], str | None]] | None:
    """The PARAM to send, or None when this machine is not elected to scan."""
    if machine is None or options.ivalue("IPDISCOVER", 2) <= 0:
        return None
    own = machine.params.get("IPDISCOVER")
    if own is None or not own.ivalue or not own.tvalue:
        return None
    vetoed = 0 in machine.group_ivalues("IPDISCOVER")
    if vetoed and options.ivalue("ENABLE_GROUPS", 1) and options.ivalue("IPDISCOVER_USE_GROUPS", 1):
        return None
    if _legacy(useragent):
        return [({}, own.tvalue)]
    latency = machine.ivalue("IPDISCOVER_LATENCY")
    if not latency:
        latency = max(machine.group_ivalues("IPDISCOVER_LATENCY"), default=0) or options.ivalue(
            "IPDISCOVER_LATENCY", 100
        )
    attributes: dict[str, object] = {
        "IPDISC_LAT": latency,
        "SCAN_TYPE_IPDISCOVER": options.tvalue("SCAN_TYPE_IPDISCOVER") or "ICMP",
        "SCAN_ARP_BANDWIDTH": options.ivalue("SCAN_ARP_BANDWIDTH", 256),
    }
    return [(attributes, own.tvalue)]
