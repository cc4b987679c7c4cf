"""A private Ethernet segment made of network namespaces, for tests that send real packets.

One namespace holds a bridge; each host namespace gets a veth whose other end is plugged
into that bridge, its own locally administered MAC and an address in one /24 (TEST-NET-2,
198.51.100.0/24, by default). Nothing is added to the namespace the tests run in, so no
probe of a test can reach a real network: the segment's only links are the veths.

Namespaces are named ``ocsnt<pid>-...`` after the test process. Leaving the context
deletes them whatever happened; at start, namespaces left by a process that no longer
runs (a test killed outright) are deleted too, and those of a live process are left
alone, so two runs never tear each other's segment down. Needs root and ``ip``
(iproute2).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from tests.support.services import unavailable

log = logging.getLogger(__name__)

PREFIX = "ocsnt"
SUBNET = "198.51.100.0/24"
PING_GROUP_RANGE = "/proc/sys/net/ipv4/ping_group_range"
#: Host i gets address <subnet> + FIRST_HOST + i.
FIRST_HOST = 10


def unavailable_reason() -> str | None:
    """Why these namespaces cannot be made here (None: they can)."""
    if os.geteuid() != 0:
        return "network namespaces need root (CI runs tests as root)"
    if shutil.which("ip") is None:
        return "the ip command (iproute2) is missing; tools/bootstrap.sh installs it"
    return None


def require_namespaces() -> None:
    """Skip the test where the namespaces cannot be made (fail it in CI): see ``unavailable``."""
    reason = unavailable_reason()
    if reason:
        unavailable(reason)


def mac_for(index: int) -> str:
    """Host ``index``'s MAC: locally administered (02:...), unicast, stable across runs."""
    return f"02:0c:5d:00:{index // 256:02x}:{index % 256:02x}"


@dataclass(frozen=True)
class NsHost:
    """One host of the segment: its namespace, interface, MAC and address."""

    netns: str
    ifname: str
    mac: str
    ip: str

    def command(self, *argv: str) -> list[str]:
        """``argv`` run inside this host's namespace."""
        return ["ip", "netns", "exec", self.netns, *argv]

    def run(self, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*argv), capture_output=True, text=True, timeout=timeout, check=False
        )


@dataclass(frozen=True)
class Segment:
    """The bridge's namespace and the hosts plugged into it."""

    bridge_netns: str
    network: ipaddress.IPv4Network
    hosts: tuple[NsHost, ...]

    @property
    def netid(self) -> str:
        return str(self.network.network_address)

    @property
    def mask(self) -> str:
        return str(self.network.netmask)


def _ip(*argv: str) -> None:
    result = subprocess.run(["ip", *argv], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"ip {' '.join(argv)} failed: {result.stderr.strip()}")


def _namespaces() -> list[str]:
    listed = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def delete_namespaces(names: Sequence[str]) -> None:
    """Delete these namespaces (their veths and bridge go with them); missing ones are fine."""
    for name in names:
        result = subprocess.run(
            ["ip", "netns", "delete", name], capture_output=True, text=True, check=False
        )
        if result.returncode != 0 and name in _namespaces():
            log.warning("could not delete network namespace %s: %s", name, result.stderr)


def remove_leftovers() -> list[str]:
    """Delete the namespaces of earlier runs whose process is gone; returns their names."""
    stale = []
    for name in _namespaces():
        owner = name[len(PREFIX) :].split("-", 1)[0]
        if name.startswith(PREFIX) and owner.isdigit() and not _alive(int(owner)):
            stale.append(name)
    delete_namespaces(stale)
    return stale


_runs = 0


@contextmanager
def segment(
    count: int, *, subnet: str = SUBNET, gateway: bool = False, ping_sockets: bool = True
) -> Iterator[Segment]:
    """``count`` hosts on one bridge, addressed from ``subnet``'s FIRST_HOST-th address.

    ``gateway``: give each host a default route to the last address of the subnet (nobody
    has it), for programs that pick their interface from the default route, as the
    agent's IP discovery does. ``ping_sockets``: let every group open unprivileged ICMP
    sockets in the hosts (``net.ipv4.ping_group_range``, per namespace, off by default).
    """
    global _runs
    remove_leftovers()
    _runs += 1
    network = ipaddress.ip_network(subnet)
    assert isinstance(network, ipaddress.IPv4Network)
    if count < 1 or FIRST_HOST + count >= network.num_addresses - 1:
        raise ValueError(f"{count} hosts do not fit in {subnet}")
    run = f"{PREFIX}{os.getpid()}-{_runs}"
    bridge_ns = f"{run}-br"
    created: list[str] = []
    try:
        _ip("netns", "add", bridge_ns)
        created.append(bridge_ns)
        _ip("-n", bridge_ns, "link", "set", "lo", "up")
        _ip("-n", bridge_ns, "link", "add", "br0", "type", "bridge")
        _ip("-n", bridge_ns, "link", "set", "br0", "up")
        hosts = []
        for index in range(count):
            host = NsHost(
                netns=f"{run}-h{index}",
                ifname="eth0",
                mac=mac_for(index),
                ip=str(network.network_address + FIRST_HOST + index),
            )
            _ip("netns", "add", host.netns)
            created.append(host.netns)
            port = f"p{index}"
            _ip(
                "-n",
                bridge_ns,
                "link",
                "add",
                port,
                "type",
                "veth",
                "peer",
                "name",
                host.ifname,
                "netns",
                host.netns,
            )
            _ip("-n", bridge_ns, "link", "set", port, "master", "br0", "up")
            _ip("-n", host.netns, "link", "set", "lo", "up")
            _ip("-n", host.netns, "link", "set", host.ifname, "address", host.mac)
            _ip(
                "-n",
                host.netns,
                "addr",
                "add",
                f"{host.ip}/{network.prefixlen}",
                "dev",
                host.ifname,
            )
            _ip("-n", host.netns, "link", "set", host.ifname, "up")
            if gateway:
                _ip(
                    "-n",
                    host.netns,
                    "route",
                    "add",
                    "default",
                    "via",
                    str(network.broadcast_address - 1),
                    "dev",
                    host.ifname,
                )
            if ping_sockets:
                subprocess.run(
                    host.command("sh", "-c", f"echo '0 {2**31 - 1}' > {PING_GROUP_RANGE}"),
                    check=True,
                )
            hosts.append(host)
        yield Segment(bridge_ns, network, tuple(hosts))
    finally:
        delete_namespaces(created)
