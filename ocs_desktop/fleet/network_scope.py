"""Which addresses the workstation's sweep may probe: the subnets the operator picked.

A sweep sends packets from the operator's own machine, so what it may touch is decided
once, here, and checked again before every packet (``network_probe``). A subnet is
refused when it is not IPv4, wider than a /16 (the widest subnet OCS's IP discovery
scans), or not private (loopback, multicast, link-local, reserved and public ranges).
An address is allowed only inside a picked subnet and never as its network or broadcast
address.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: The widest subnet a sweep covers (65,534 hosts).
WIDEST_PREFIX = 16

NOT_IPV4 = QT_TRANSLATE_NOOP("NetworkScope", "{subnet} is not an IPv4 subnet.")
TOO_WIDE = QT_TRANSLATE_NOOP("NetworkScope", "{subnet} is wider than a /16; pick a smaller one.")
NOT_PRIVATE = QT_TRANSLATE_NOOP(
    "NetworkScope", "{subnet} is not a private network; the workstation only scans its own."
)
NOTHING_PICKED = QT_TRANSLATE_NOOP("NetworkScope", "No subnet was picked.")
OUTSIDE = QT_TRANSLATE_NOOP("NetworkScope", "{subnet} is outside the picked subnets.")


class ScopeError(ValueError):
    """A target the sweep refuses; ``template`` (a marked core text) names the reason."""

    def __init__(self, template: str, subnet: str) -> None:
        super().__init__(template.format(subnet=subnet))
        self.template = template
        self.subnet = subnet


def _network(subnet: str | ipaddress.IPv4Network) -> ipaddress.IPv4Network:
    try:
        network = ipaddress.ip_network(subnet, strict=False)
    except ValueError as error:
        raise ScopeError(NOT_IPV4, str(subnet)) from error
    if not isinstance(network, ipaddress.IPv4Network):
        raise ScopeError(NOT_IPV4, str(subnet))
    if network.prefixlen < WIDEST_PREFIX:
        raise ScopeError(TOO_WIDE, str(network))
    unusable = (
        network.is_loopback
        or network.is_multicast
        or network.is_link_local
        or network.is_reserved
        or network.is_unspecified
    )
    if unusable or not network.is_private:
        raise ScopeError(NOT_PRIVATE, str(network))
    return network


@dataclass(frozen=True)
class Scope:
    """The picked subnets; build it with :meth:`of`, which refuses bad ones."""

    networks: tuple[ipaddress.IPv4Network, ...]

    @classmethod
    def of(cls, subnets: Iterable[str | ipaddress.IPv4Network]) -> Scope:
        networks: list[ipaddress.IPv4Network] = []
        for subnet in subnets:
            try:
                network = _network(subnet)
            except ScopeError as error:
                log.warning("network scan: subnet refused: %s", error)
                raise
            if network not in networks:
                networks.append(network)
        if not networks:
            raise ScopeError(NOTHING_PICKED, "")
        return cls(tuple(networks))

    def network_of(self, ip: str | ipaddress.IPv4Address) -> ipaddress.IPv4Network | None:
        """The picked subnet ``ip`` may be probed in; None when it may not be."""
        try:
            address = ipaddress.IPv4Address(str(ip))
        except ValueError:
            return None
        for network in self.networks:
            if address in network and (
                network.prefixlen >= 31
                or address not in (network.network_address, network.broadcast_address)
            ):
                return network
        return None

    def require(self, ip: str | ipaddress.IPv4Address) -> ipaddress.IPv4Address:
        """``ip`` as an address, or :class:`ScopeError` when the sweep must not touch it."""
        if self.network_of(ip) is None:
            log.error("network scan: refused to probe %s, outside %s", ip, self.describe())
            raise ScopeError(OUTSIDE, str(ip))
        return ipaddress.IPv4Address(str(ip))

    def targets(self) -> Iterator[ipaddress.IPv4Address]:
        """Every address to probe, subnet by subnet, each once."""
        seen: set[ipaddress.IPv4Address] = set()
        for network in self.networks:
            for address in network.hosts():
                if address not in seen and self.network_of(address) is not None:
                    seen.add(address)
                    yield address

    def size(self) -> int:
        return sum(1 for _ in self.targets())

    def describe(self) -> str:
        return ", ".join(str(network) for network in self.networks)
