"""The network map's data (``fleet.network_map``) on SQLite and MariaDB: every host gets the
state PROTOCOL.md §4.5 gives it, so the map's counts match the queries OCS's console runs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, insert, text

from ocs_desktop.fleet.network_map import HostState, NetworkMap, load_network_map
from ocs_desktop.fleet.network_subnets import subnet_summaries
from ocs_desktop.models import Base
from tests.support.network_map_fleet import (
    TYPES,
    build_network_map_fleet,
    hardware_id_of,
    mac_of,
    netid_of,
)

T = Base.metadata.tables

#: The four counts as OCS's ipdiscover page computes them (§4.5), per NETID.
REFERENCE = {
    "inventoried": "SELECT COUNT(DISTINCT h.ID) FROM networks n JOIN hardware h"
    " ON n.HARDWARE_ID = h.ID WHERE n.IPSUBNET = :net AND n.STATUS = 'Up'",
    "non_inventoried": "SELECT COUNT(*) FROM netmap WHERE NETID = :net"
    " AND MAC NOT IN (SELECT MACADDR FROM networks WHERE MACADDR IS NOT NULL)"
    " AND MAC NOT IN (SELECT MACADDR FROM network_devices WHERE MACADDR IS NOT NULL)",
    "identified": "SELECT COUNT(*) FROM netmap WHERE NETID = :net"
    " AND MAC IN (SELECT MACADDR FROM network_devices)",
    "elected": "SELECT COUNT(DISTINCT HARDWARE_ID) FROM devices WHERE NAME = 'IPDISCOVER'"
    " AND IVALUE IN (1, 2) AND TVALUE = :net",
}


def _reference(conn: Connection, netid: str) -> dict[str, int]:
    return {key: int(conn.scalar(text(sql), {"net": netid}) or 0) for key, sql in REFERENCE.items()}


def _load(engine: Engine) -> NetworkMap:
    with engine.connect() as conn:
        return load_network_map(conn)


def _check_against_reference(engine: Engine, data: NetworkMap) -> None:
    """Counts agree with §4.5's SQL and with the Network page's (``subnet_summaries``)."""
    with engine.connect() as conn:
        page = {s.netid: s for s in subnet_summaries(conn)}
        for subnet in data.subnets:
            if subnet.netid in page:
                summary, counts = page[subnet.netid], subnet.counts()
                assert (summary.inventoried, summary.non_inventoried) == (
                    counts.inventoried,
                    counts.non_inventoried,
                ), subnet.netid
                assert (summary.identified, summary.elected) == (
                    counts.identified,
                    counts.elected,
                ), subnet.netid
            else:
                assert not subnet.hosts, subnet.netid
        for subnet in data.subnets:
            counts = subnet.counts()
            assert _reference(conn, subnet.netid) == {
                "inventoried": counts.inventoried,
                "non_inventoried": counts.non_inventoried,
                "identified": counts.identified,
                "elected": counts.elected,
            }, subnet.netid


def test_states_and_counts_follow_section_4_5(engine: Engine) -> None:
    expected = build_network_map_fleet(engine, subnets=3, hosts=120)
    data = _load(engine)

    assert [s.netid for s in data.subnets] == [netid_of(i) for i in range(3)]
    assert data.host_count == 120
    assert data.device_types == tuple(sorted(TYPES, key=str.casefold))
    for subnet in data.subnets:
        counts = subnet.counts()
        assert (counts.inventoried, counts.non_inventoried) == (
            expected[subnet.netid].inventoried,
            expected[subnet.netid].non_inventoried,
        )
        assert (counts.identified, counts.elected) == (
            expected[subnet.netid].identified,
            expected[subnet.netid].elected,
        )
        assert subnet.name and subnet.mask == "255.255.255.0"
    _check_against_reference(engine, data)

    hosts = {h.mac: h for h in data.hosts()}
    scanner = hosts[mac_of(0, 0)]  # forced on subnet 0, elected on subnet 0 only
    assert scanner.state is HostState.ELECTED and scanner.forced and scanner.inventoried
    assert scanner.hardware_id == hardware_id_of(0, 0) and scanner.name == "pc-00-000"
    second = hosts[mac_of(1, 20)]
    assert second.state is HostState.ELECTED and not second.forced
    machine = hosts[mac_of(1, 6)]  # inventoried, never scanned
    assert machine.state is HostState.INVENTORIED and machine.seen is None
    assert hosts[mac_of(1, 1)].seen == dt.datetime(2026, 12, 1, 12, 0, 0)
    device = hosts[mac_of(2, 9)]
    assert device.state is HostState.IDENTIFIED and device.hardware_id is None
    assert device.device_type == TYPES[(2 + 9) % len(TYPES)] and device.description
    unknown = hosts[mac_of(2, 12)]
    assert unknown.state is HostState.UNKNOWN and unknown.ip == "10.20.2.13"
    assert unknown.device_type is None and unknown.hardware_id is None
    assert hosts[mac_of(2, 11)].name == "host-2-11" and hosts[mac_of(2, 15)].name == ""


def _row(conn: Connection, table: str, **values: object) -> None:
    conn.execute(insert(T[table]).values(**values))


def test_edge_cases_keep_the_counts_of_section_4_5(engine: Engine) -> None:
    net_a, net_b = "192.168.1.0", "192.168.2.0"
    with engine.begin() as conn:
        _row(conn, "subnet", NETID="172.16.0.0", NAME="Empty lab", ID="", MASK="255.255.0.0")
        _row(conn, "hardware", ID=501, DEVICEID="a-1", NAME="alpha")
        _row(conn, "hardware", ID=502, DEVICEID="b-1", NAME="bravo")
        _row(conn, "hardware", ID=503, DEVICEID="c-1", NAME="charlie")
        # alpha: two Up interfaces on A (one node), a Down one on B, and loopback.
        for mac, ip, net, status in (
            ("aa:00:00:00:00:01", "192.168.1.10", net_a, "Up"),
            ("aa:00:00:00:00:02", "192.168.1.11", net_a, "Up"),
            ("aa:00:00:00:00:03", "192.168.2.10", net_b, "Down"),
            ("00:00:00:00:00:00", "127.0.0.1", "127.0.0.0", "Up"),
        ):
            _row(
                conn, "networks", HARDWARE_ID=501, MACADDR=mac, IPADDRESS=ip,
                IPMASK="255.255.255.0", IPSUBNET=net, STATUS=status,
            )  # fmt: skip
        # bravo is elected on B but has no interface there any more; charlie's IVALUE 0.
        _row(conn, "devices", HARDWARE_ID=502, NAME="IPDISCOVER", IVALUE=1, TVALUE=net_b)
        _row(conn, "devices", HARDWARE_ID=503, NAME="IPDISCOVER", IVALUE=0, TVALUE=net_b)
        # Scans: alpha's first MAC on A (itself, identified too), alpha's Down MAC seen on B
        # (none of the four states), an identified printer and an unknown host on B.
        for ip, mac, net, name in (
            ("192.168.1.10", "aa:00:00:00:00:01", net_a, "alpha"),
            ("192.168.2.10", "aa:00:00:00:00:03", net_b, "alpha"),
            ("192.168.2.50", "bb:00:00:00:00:01", net_b, "printer"),
            ("192.168.2.60", "cc:00:00:00:00:01", net_b, "-"),
        ):
            _row(conn, "netmap", IP=ip, MAC=mac, MASK="255.255.255.0", NETID=net, NAME=name)
        _row(conn, "network_devices", MACADDR="bb:00:00:00:00:01", TYPE="Printer", USER="admin")
        _row(conn, "network_devices", MACADDR="aa:00:00:00:00:01", TYPE="Server", USER="admin")
    data = _load(engine)

    assert [s.netid for s in data.subnets] == ["172.16.0.0", net_a, net_b]
    lab, a, b = data.subnets
    assert (lab.name, lab.mask, lab.hosts) == ("Empty lab", "255.255.0.0", ())
    (alpha,) = a.hosts
    assert alpha.state is HostState.INVENTORIED and alpha.hardware_id == 501
    assert alpha.identified and alpha.device_type == "Server" and alpha.seen is not None
    assert alpha.ip == "192.168.1.10"
    states = {h.name or h.ip: h.state for h in b.hosts}
    assert states == {
        "bravo": HostState.ELECTED,
        "printer": HostState.IDENTIFIED,
        "192.168.2.60": HostState.UNKNOWN,
    }
    bravo = next(h for h in b.hosts if h.name == "bravo")
    assert not bravo.inventoried and bravo.hardware_id == 502 and bravo.ip == ""
    _check_against_reference(engine, data)


def test_macs_match_whatever_their_case(engine: Engine) -> None:
    """OCS on MySQL compares MACs without regard to case; the map does on SQLite too."""
    with engine.begin() as conn:
        _row(conn, "hardware", ID=601, DEVICEID="d-1", NAME="delta")
        _row(
            conn, "networks", HARDWARE_ID=601, MACADDR="AA:BB:CC:00:00:01",
            IPADDRESS="10.9.0.5", IPMASK="255.255.255.0", IPSUBNET="10.9.0.0", STATUS="Up",
        )  # fmt: skip
        for ip, mac in (("10.9.0.5", "aa:bb:cc:00:00:01"), ("10.9.0.6", "aa:bb:cc:00:00:02")):
            _row(conn, "netmap", IP=ip, MAC=mac, MASK="255.255.255.0", NETID="10.9.0.0")
        _row(conn, "network_devices", MACADDR="AA:BB:CC:00:00:02", TYPE="Switch", USER="admin")
    (subnet,) = _load(engine).subnets
    assert [(h.name, h.state) for h in subnet.hosts] == [
        ("delta", HostState.INVENTORIED),
        ("", HostState.IDENTIFIED),
    ]
    assert subnet.hosts[1].device_type == "Switch"
    assert subnet.counts().non_inventoried == 0
    with engine.connect() as conn:
        (summary,) = subnet_summaries(conn)
    assert (summary.inventoried, summary.non_inventoried, summary.identified) == (1, 0, 1)


def test_an_empty_database_gives_an_empty_map(engine: Engine) -> None:
    data = _load(engine)
    assert data.subnets == () and data.host_count == 0
