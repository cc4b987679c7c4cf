"""Scan this subnet now: the workstation's own discovery sweep, which OCS does not have.

An elected agent scans its subnet when the server tells it to; the operator may not want
to wait. The sweep probes every address of the picked subnets (``network_scope`` refuses
anything else, before any packet) without privileges (``network_probe``: ICMP through an
unprivileged datagram socket, else TCP connections), a bounded number at a time, each
with its own timeout, reporting progress and stopping when asked
(``common.progress``). Then the OS ARP cache (``neighbour_cache``) gives the MAC of every
host of a local segment that answered ARP, even one that ignored the probes.

Results go to ``netmap`` exactly as an elected agent's do (``db/netmap_rows``): one row
per MAC, NETID and MASK of the picked subnet, NAME ``-`` (what an agent's ``ipdiscover``
sends). The workstation is no machine of the fleet, so the scanner's HARDWARE_ID is NULL:
that is what "found by the console" looks like in ``netmap``, and an OCS console shows such
rows like any other. The workstation's own addresses are left out, as an agent's scan
leaves itself out. A host that answered but has no MAC (a routed subnet: the cache only
knows the local segment) cannot be keyed by MAC: it is counted but not stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select

from ocs_desktop.common.batches import batches
from ocs_desktop.common.progress import Cancelled, Progress, report
from ocs_desktop.db.netmap_rows import Host, Source, present_netmap, upsert_hosts
from ocs_desktop.fleet.neighbour_cache import read_cache
from ocs_desktop.fleet.network_probe import (
    Method,
    icmp_sockets_allowed,
    is_local_address,
    probe,
)
from ocs_desktop.fleet.network_scope import Scope

log = logging.getLogger(__name__)

#: Probes in flight at once.
CONCURRENCY = 64
#: Seconds one probe waits for its host.
TIMEOUT = 1.0
#: NAME of a host found by the sweep (an agent's ipdiscover sends the same).
NO_NAME = "-"

#: ``probe(ip) -> alive``; the default is network_probe.probe with the chosen method.
Prober = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Found:
    """One live host: how it showed itself and, when on a local segment, its MAC."""

    ip: str
    mac: str | None
    netid: str
    mask: str
    answered: bool


@dataclass(frozen=True, slots=True)
class SweepResult:
    method: Method
    probed: int
    hosts: tuple[Found, ...]

    @property
    def with_mac(self) -> tuple[Found, ...]:
        return tuple(host for host in self.hosts if host.mac is not None)


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the sweep wrote to ``netmap``: rows written, and how many MACs were new."""

    written: int
    new: int


def choose_method() -> Method:
    return Method.ICMP if icmp_sockets_allowed() else Method.TCP


def _probe_all(
    addresses: list[str], prober: Prober, concurrency: int, progress: Progress
) -> set[str]:
    """The addresses that answered, ``concurrency`` probes at a time; on cancel, waits
    for the probes in flight (each bounded by its timeout) and raises Cancelled."""
    alive: set[str] = set()
    done = 0
    report(progress, 0, len(addresses))
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        queue = iter(addresses)
        running: dict[Future[bool], str] = {}

        def refill() -> None:
            while len(running) < concurrency:
                address = next(queue, None)
                if address is None:
                    return
                running[pool.submit(prober, address)] = address

        refill()
        try:
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    address = running.pop(future)
                    if future.result():
                        alive.add(address)
                    done += 1
                report(progress, done, len(addresses))
                refill()
        except Cancelled:
            log.info("network scan cancelled after %d of %d addresses", done, len(addresses))
            raise
    return alive


def sweep(
    scope: Scope,
    *,
    method: Method | None = None,
    timeout: float = TIMEOUT,
    concurrency: int = CONCURRENCY,
    progress: Progress = None,
    prober: Prober | None = None,
    neighbours: Callable[[], dict[str, str]] = read_cache,
) -> SweepResult:
    """Probe every address of ``scope``, then read the ARP cache; the live hosts found."""
    chosen = method or choose_method()
    addresses = [str(address) for address in scope.targets()]
    log.info(
        "network scan of %s: %d addresses by %s", scope.describe(), len(addresses), chosen.value
    )

    def checked(ip: str) -> bool:
        scope.require(ip)
        if prober is not None:
            return prober(ip)
        return probe(scope, ip, chosen, timeout)

    alive = _probe_all(addresses, checked, concurrency, progress)
    # The workstation answers its own probe; like an agent's scan, it does not list itself.
    alive = {ip for ip in alive if not is_local_address(ip)}
    macs = {ip: mac for ip, mac in neighbours().items() if scope.network_of(ip) is not None}
    hosts = []
    for ip in sorted({*alive, *macs}, key=lambda text: tuple(int(p) for p in text.split("."))):
        network = scope.network_of(ip)
        assert network is not None
        hosts.append(
            Found(ip, macs.get(ip), str(network.network_address), str(network.netmask), ip in alive)
        )
    log.info(
        "network scan of %s: %d hosts alive, %d with a MAC", scope.describe(), len(hosts), len(macs)
    )
    return SweepResult(chosen, len(addresses), tuple(hosts))


def _stored_macs(conn: Connection, netmap: Table, macs: Iterable[str]) -> dict[str, str]:
    """The stored spelling of each of ``macs`` already in ``netmap``, by lower case."""
    stored: dict[str, str] = {}
    for batch in batches(sorted(set(macs)), 500):
        query = select(netmap.c.MAC).where(func.lower(netmap.c.MAC).in_(batch))
        for (mac,) in conn.execute(query):
            stored[str(mac).lower()] = str(mac)
    return stored


def record(conn: Connection, result: SweepResult) -> Recorded:
    """Write the hosts with a MAC into ``netmap`` (in the caller's transaction). A MAC
    already stored in another case keeps its row (SQLite compares case-sensitively)."""
    netmap = present_netmap(conn)
    if netmap is None:
        raise RuntimeError("this database has no netmap table")
    found = result.with_mac
    stored = _stored_macs(conn, netmap, (host.mac or "" for host in found))
    by_subnet: dict[tuple[str, str], list[Host]] = {}
    for host in found:
        assert host.mac is not None
        mac = stored.get(host.mac, host.mac)
        by_subnet.setdefault((host.netid, host.mask), []).append(Host(mac, host.ip, NO_NAME))
    written = 0
    for (netid, mask), hosts in by_subnet.items():
        written += upsert_hosts(conn, netmap, Source(netid, mask, None), hosts)
    new = len({host.mac for host in found} - set(stored))
    log.info("network scan: %d netmap rows written, %d new MACs", written, new)
    return Recorded(written, new)
