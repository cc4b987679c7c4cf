"""The SQL the OCS web console runs to show IP discovery data (PROTOCOL.md 4.5), written
out independently of our implementation so tests can read our writes back the OCS way.

Modelled on ocsreports ``ms_ipdiscover.php`` (the four counts per NETID, TAG-link off),
``ms_custom_info.php`` (the non-inventoried, identified, inventoried and IpDiscover lists;
the identify form's type list), ``ms_admin_ipdiscover.php`` (subnet names) and the
server's ``Ipdiscover.pm`` (the election and blacklist rows). Plain text SQL, one
``:netid`` parameter; identifiers as OCS writes them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

COUNTS = {
    "inventoried": """
        SELECT COUNT(DISTINCT h.ID) FROM networks n
        LEFT JOIN hardware h ON h.ID = n.HARDWARE_ID
        WHERE n.IPSUBNET = :netid AND n.STATUS = 'Up'""",
    "non_inventoried": """
        SELECT COUNT(DISTINCT n.MAC) FROM netmap n
        LEFT JOIN networks ns ON ns.MACADDR = n.MAC
        WHERE n.MAC NOT IN (SELECT DISTINCT(MACADDR) FROM network_devices)
        AND (ns.MACADDR IS NULL) AND n.NETID = :netid""",
    "identified": """
        SELECT COUNT(DISTINCT MAC) FROM netmap
        WHERE MAC IN (SELECT DISTINCT(MACADDR) FROM network_devices) AND NETID = :netid""",
    "elected": """
        SELECT COUNT(DISTINCT d.HARDWARE_ID) FROM devices d
        WHERE d.NAME = 'IPDISCOVER' AND d.TVALUE = :netid""",
}

LISTS = {
    "non-inventoried": """
        SELECT n.IP, n.MAC, n.MASK, n.DATE, n.NAME, n.TAG FROM netmap n
        LEFT JOIN networks ns ON ns.MACADDR = n.MAC
        WHERE n.MAC NOT IN (SELECT DISTINCT(MACADDR) FROM network_devices)
        AND (ns.MACADDR IS NULL) AND n.NETID IN (:netid)
        ORDER BY n.MAC""",
    "identified": """
        SELECT n.ID, n.TYPE, n.DESCRIPTION, a.IP, a.MAC, a.MASK, a.NETID, a.NAME, a.DATE,
        n.USER FROM network_devices n LEFT JOIN netmap a ON a.MAC = n.MACADDR
        WHERE NETID = :netid ORDER BY a.MAC""",
    "inventoried": """
        SELECT h.ID, h.NAME FROM accountinfo a, hardware h
        LEFT JOIN networks n ON n.HARDWARE_ID = h.ID
        WHERE IPSUBNET = :netid AND STATUS = 'Up' AND a.HARDWARE_ID = h.ID
        GROUP BY h.ID, h.NAME ORDER BY h.ID""",
    "elected": """
        SELECT h.ID, h.NAME, d.IVALUE FROM accountinfo a, hardware h
        LEFT JOIN devices d ON d.HARDWARE_ID = h.ID
        WHERE a.HARDWARE_ID = h.ID AND (d.IVALUE = 1 OR d.IVALUE = 2)
        AND d.NAME = 'IPDISCOVER' AND d.TVALUE = :netid
        GROUP BY h.ID, h.NAME, d.IVALUE ORDER BY h.ID""",
}

#: The identify form's list of types.
DEVICE_TYPES = "SELECT DISTINCT NAME FROM devicetype"
#: The admin page's subnet label for a NETID.
SUBNET_NAME = "SELECT NAME, MASK, TAG FROM subnet WHERE NETID = :netid"
#: The identified device of a MAC, as the identify form reloads it.
IDENTIFICATION = "SELECT DESCRIPTION, TYPE, MACADDR, USER FROM network_devices WHERE MACADDR = :mac"
#: What the server reads of a machine's election (``Ipdiscover.pm``).
ELECTION = (
    "SELECT IVALUE, TVALUE FROM devices WHERE HARDWARE_ID = :hardware_id AND NAME = 'IPDISCOVER'"
)
#: The server's blacklist check.
BLACKLISTED = "SELECT COUNT(*) FROM blacklist_subnet WHERE SUBNET = :subnet AND MASK = :mask"
NETMAP_ROW = "SELECT MAC FROM netmap WHERE MAC = :mac"


def counts(conn: Connection, netid: str) -> tuple[int, int, int, int]:
    """(inventoried, non-inventoried, identified, elected) as OCS counts them."""
    values = [int(conn.scalar(text(sql), {"netid": netid}) or 0) for sql in COUNTS.values()]
    return values[0], values[1], values[2], values[3]


def rows(conn: Connection, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(text(sql), params)]
