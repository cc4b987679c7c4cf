"""The workstation's sweep without a segment: what it refuses before sending anything, its
cancel, the ARP cache readers, and its ``netmap`` writes on SQLite and MariaDB.

The sweep of real hosts (ICMP and the TCP fallback, MACs from the kernel's cache) runs in
network namespaces: ``tests/test_network_scan_netns.py``.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

import pytest
from sqlalchemy import Engine, insert

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.fleet.neighbour_cache import (
    normal_mac,
    parse_bsd_arp,
    parse_proc_net_arp,
    parse_windows_arp,
)
from ocs_desktop.fleet.network_probe import Method, echo_request, icmp_alive, tcp_alive
from ocs_desktop.fleet.network_scan import Found, Recorded, SweepResult, record, sweep
from ocs_desktop.fleet.network_scope import (
    NOT_IPV4,
    NOT_PRIVATE,
    NOTHING_PICKED,
    OUTSIDE,
    TOO_WIDE,
    Scope,
    ScopeError,
)
from ocs_desktop.models import Base
from tests.support.ipdiscover import netmap_hosts

NETMAP = Base.metadata.tables["netmap"]


# -- scope: refused before any packet -------------------------------------------------
@pytest.mark.parametrize(
    ("subnet", "template"),
    [
        ("10.0.0.0/15", TOO_WIDE),
        ("0.0.0.0/0", TOO_WIDE),
        ("127.0.0.0/29", NOT_PRIVATE),
        ("224.0.0.0/24", NOT_PRIVATE),
        ("169.254.1.0/24", NOT_PRIVATE),
        ("240.0.0.0/24", NOT_PRIVATE),
        ("8.8.8.0/24", NOT_PRIVATE),
        ("fd00::/64", NOT_IPV4),
        ("not a subnet", NOT_IPV4),
    ],
)
def test_subnets_a_sweep_refuses(subnet: str, template: str) -> None:
    with pytest.raises(ScopeError) as refused:
        Scope.of([subnet])
    assert refused.value.template == template


def test_nothing_picked_is_refused() -> None:
    with pytest.raises(ScopeError) as refused:
        Scope.of([])
    assert refused.value.template == NOTHING_PICKED


def test_targets_are_the_picked_hosts_only() -> None:
    scope = Scope.of(["192.168.7.0/29", "10.9.0.8/30", "192.168.7.0/29"])
    assert [str(ip) for ip in scope.targets()] == [
        *(f"192.168.7.{n}" for n in range(1, 7)),
        "10.9.0.9",
        "10.9.0.10",
    ]
    assert scope.size() == 8
    assert Scope.of(["172.16.0.0/16"]).size() == 65534


@pytest.mark.parametrize(
    "ip", ["192.168.7.0", "192.168.7.7", "192.168.8.1", "127.0.0.1", "8.8.8.8", "nonsense"]
)
def test_each_probe_refuses_an_address_outside_the_scope_before_opening_a_socket(
    ip: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    scope = Scope.of(["192.168.7.0/29"])
    opened: list[object] = []
    real = socket.socket

    def counting(*args: object, **kwargs: object) -> socket.socket:
        opened.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "socket", counting)
    for probe in (icmp_alive, tcp_alive):
        with pytest.raises(ScopeError) as refused:
            probe(scope, ip, 0.1)
        assert refused.value.template == OUTSIDE
    assert opened == []


def test_a_sweep_probes_exactly_the_scope_and_never_its_edges() -> None:
    asked: list[str] = []
    lock = threading.Lock()

    def prober(ip: str) -> bool:
        with lock:
            asked.append(ip)
        return ip.endswith(".3")

    scope = Scope.of(["192.168.7.0/29"])
    result = sweep(scope, method=Method.TCP, prober=prober, neighbours=dict)
    assert sorted(asked) == [f"192.168.7.{n}" for n in range(1, 7)]
    assert result == SweepResult(
        Method.TCP, 6, (Found("192.168.7.3", None, "192.168.7.0", "255.255.255.248", True),)
    )


def test_the_cache_adds_silent_hosts_of_the_scope_and_nothing_outside_it() -> None:
    cache = {
        "192.168.7.2": "02:00:00:00:00:02",
        "192.168.7.3": "02:00:00:00:00:03",
        "192.168.9.1": "02:00:00:00:00:99",
    }
    result = sweep(
        Scope.of(["192.168.7.0/29"]),
        method=Method.ICMP,
        prober=lambda ip: ip == "192.168.7.3",
        neighbours=lambda: cache,
    )
    assert [(h.ip, h.mac, h.answered) for h in result.hosts] == [
        ("192.168.7.2", "02:00:00:00:00:02", False),
        ("192.168.7.3", "02:00:00:00:00:03", True),
    ]


def test_cancel_stops_the_sweep_with_the_probes_in_flight_bounded() -> None:
    asked: list[str] = []
    lock = threading.Lock()

    def prober(ip: str) -> bool:
        with lock:
            asked.append(ip)
        return False

    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 20

    with pytest.raises(Cancelled):
        sweep(
            Scope.of(["10.20.0.0/24"]),
            method=Method.TCP,
            prober=prober,
            neighbours=dict,
            concurrency=4,
            progress=progress,
        )
    assert seen[0] == (0, 254)
    stopped_at = seen[-1][0]
    assert 20 <= stopped_at < 254
    # Nothing new starts once cancelled: at most the probes then in flight.
    assert stopped_at <= len(asked) <= stopped_at + 4


def test_echo_request_checksum() -> None:
    packet = echo_request(7)
    assert packet[0] == 8
    words = [int.from_bytes(packet[i : i + 2], "big") for i in range(0, len(packet) - 1, 2)]
    if len(packet) % 2:
        words.append(packet[-1] << 8)
    total = sum(words)
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    assert total == 0xFFFF


# -- the ARP cache readers ----------------------------------------------------------
def test_linux_proc_net_arp() -> None:
    text = (
        "IP address       HW type     Flags       HW address            Mask     Device\n"
        "192.168.1.1      0x1         0x2         AA:bb:cc:00:11:22     *        eth0\n"
        "192.168.1.9      0x1         0x0         00:00:00:00:00:00     *        eth0\n"
        "192.168.1.7      0x1         0x6         02:0c:5d:00:00:07     *        eth0\n"
    )
    assert parse_proc_net_arp(text) == {
        "192.168.1.1": "aa:bb:cc:00:11:22",
        "192.168.1.7": "02:0c:5d:00:00:07",
    }


def test_windows_arp_a() -> None:
    text = (
        "\r\nInterface: 192.168.1.20 --- 0xb\r\n"
        "  Internet Address      Physical Address      Type\r\n"
        "  192.168.1.1           00-11-22-33-44-55     dynamic   \r\n"
        "  192.168.1.255         ff-ff-ff-ff-ff-ff     static    \r\n"
        "  224.0.0.22            01-00-5e-00-00-16     static    \r\n"
    )
    assert parse_windows_arp(text) == {"192.168.1.1": "00:11:22:33:44:55"}


def test_macos_arp_an() -> None:
    text = (
        "? (192.168.1.1) at 0:11:22:3:44:5 on en0 ifscope [ethernet]\n"
        "? (192.168.1.4) at (incomplete) on en0 ifscope [ethernet]\n"
        "? (192.168.1.255) at ff:ff:ff:ff:ff:ff on en0 ifscope [ethernet]\n"
    )
    assert parse_bsd_arp(text) == {"192.168.1.1": "00:11:22:03:44:05"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00-11-22-33-44-55", "00:11:22:33:44:55"),
        ("00:00:00:00:00:00", None),
        ("01:00:5e:00:00:01", None),
        ("00:11:22:33:44", None),
        ("00:11:22:33:44:zz", None),
    ],
)
def test_normal_mac(text: str, expected: str | None) -> None:
    assert normal_mac(text) == expected


# -- netmap writes -------------------------------------------------------------------
def test_record_writes_hosts_with_a_mac_as_an_agent_would(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(NETMAP).values(
                MAC="02:00:00:00:00:0A",
                IP="192.168.7.99",
                MASK="255.255.0.0",
                NETID="192.168.0.0",
                NAME="old",
                HARDWARE_ID=42,
            )
        )
    mask = str(ipaddress.ip_network("192.168.7.0/29").netmask)
    result = SweepResult(
        Method.ICMP,
        6,
        (
            Found("192.168.7.2", "02:00:00:00:00:0a", "192.168.7.0", mask, True),
            Found("192.168.7.3", "02:00:00:00:00:03", "192.168.7.0", mask, False),
            Found("192.168.7.4", None, "192.168.7.0", mask, True),
        ),
    )
    with engine.begin() as conn:
        assert record(conn, result) == Recorded(written=2, new=1)
    assert netmap_hosts(engine) == {
        "02:00:00:00:00:0A": ("192.168.7.2", "192.168.7.0", mask, "-", None),
        "02:00:00:00:00:03": ("192.168.7.3", "192.168.7.0", mask, "-", None),
    }
    with engine.begin() as conn:
        assert record(conn, result) == Recorded(written=2, new=0)
    assert len(netmap_hosts(engine)) == 2
