"""The IP discovery election and result rules of PROTOCOL.md 4.2 and 4.3, as pure decisions.

No database and no Qt here: the writer (:mod:`ipdiscover_election`) reads the state, asks
these functions what to do and writes the answer, so every rule is testable on plain
values. Election: an agent scans its subnet for the server (ARP, nmap or arp-scan) when
it is one of at most ``IPDISCOVER`` machines elected there; it is elected after an
inventory when it is a real agent, warmed up (FIDELITY > 2, QUALITY != 0), and one of its
interfaces is on a subnet that is up, not ppp, at most a /16, IPv4, not blacklisted and
not full; otherwise it may take the place of an elected machine gone silent for
``IPDISCOVER_MAX_ALIVE`` days, or of the worst one (highest QUALITY, the mean days between
contacts) when it is better by more than ``IPDISCOVER_BETTER_THRESHOLD``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ocs_desktop.db.options import Options

#: The User-Agent names that may be elected (PROTOCOL.md 4.2 step 3a); the UA is NAME_v<ver>.
QUALIFYING_AGENTS = ("OCS-NG_unified_unix_agent", "OCS-NG_windows_client", "OCS-NG_WINDOWS_AGENT")
#: IVALUE of an election an operator forced: never dropped, never replaced.
FORCED = 2
ELECTED = 1

_IPV4 = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")
_MAC = re.compile(r"^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$")
#: netmap.NAME's width: a longer name is refused, not cut (it is not a host name).
NAME_CHARS = 255
#: Entries one inventory may store: a scanned subnet is at most a /16 (65,536 addresses),
#: so more entries than that are not a scan; the rest are dropped, with one log line.
MAX_ENTRIES = 65_536


@dataclass(frozen=True, slots=True)
class Settings:
    """The ``config`` keys of the election (PROTOCOL.md 4.1), with the reference defaults."""

    maximum: int = 2
    max_alive_days: int = 14
    better_threshold: float = 1.0
    no_postpone: bool = False
    use_groups: bool = True
    link_tag: bool = False

    @classmethod
    def from_options(cls, options: Options) -> Settings:
        return cls(
            maximum=options.ivalue("IPDISCOVER", 2),
            # The Perl server's own default (14) when the table has no row (the DB seeds 7).
            max_alive_days=options.ivalue("IPDISCOVER_MAX_ALIVE", 14),
            better_threshold=float(options.ivalue("IPDISCOVER_BETTER_THRESHOLD", 1)),
            no_postpone=options.ivalue("IPDISCOVER_NO_POSTPONE", 0) != 0,
            use_groups=options.ivalue("ENABLE_GROUPS", 1) != 0
            and options.ivalue("IPDISCOVER_USE_GROUPS", 1) != 0,
            link_tag=options.ivalue("IPDISCOVER_LINK_TAG_NETWORK", 0) != 0,
        )


@dataclass(frozen=True, slots=True)
class Interface:
    """A subnet the machine could scan: its network address and mask as the agent sent."""

    subnet: str
    mask: str


@dataclass(frozen=True, slots=True)
class Elected:
    """A machine elected on a subnet, as the replacement rule compares it."""

    hardware_id: int
    forced: bool
    lastdate: dt.datetime | None
    quality: float
    tag: str | None = None


@dataclass(frozen=True, slots=True)
class Elect:
    """Elect the machine on ``subnet`` (a free place)."""

    subnet: str


@dataclass(frozen=True, slots=True)
class Replace:
    """Give ``replaced``'s election on ``subnet`` to the machine."""

    subnet: str
    replaced: int
    why: str


Choice = Elect | Replace | None


# -- who takes part -------------------------------------------------------------------
def is_local(useragent: str | None) -> bool:
    """An inventory imported, not sent by an agent on its network: the console's local
    import (UA ``OCS_local_<ver>``) or an offline import (no UA); never elects or stores."""
    return useragent is None or "local" in useragent.lower()


def qualifies(useragent: str | None) -> bool:
    """Whether this kind of agent can scan (PROTOCOL.md 4.2 step 3a)."""
    return useragent is not None and useragent.startswith(QUALIFYING_AGENTS)


def warmed_up(fidelity: int, quality: float, settings: Settings) -> bool:
    """FIDELITY > 2 and QUALITY != 0: the machine has been heard from often enough to know
    how regularly it comes (step 3b), unless IPDISCOVER_NO_POSTPONE."""
    return settings.no_postpone or (fidelity > 2 and quality != 0)


def vetoed(group_ivalues: Iterable[int | None], settings: Settings) -> bool:
    """A group of the machine with IPDISCOVER IVALUE 0 keeps its members out (step 1)."""
    return settings.use_groups and any(value == 0 for value in group_ivalues)


# -- interfaces -----------------------------------------------------------------------
def is_ipv4(value: str | None) -> bool:
    """A dotted IPv4 address, every part at most 255."""
    match = _IPV4.match(value or "")
    return match is not None and all(int(part) <= 255 for part in match.groups())


def candidate_interfaces(networks: Iterable[Mapping[str, str | None]]) -> list[Interface]:
    """The interfaces whose subnet may be scanned, first sent first, one per subnet (step
    3c): not ppp, up, a mask of at most a /16 (``255.255.`` or ``0xffff``), IPv4."""
    found: dict[str, Interface] = {}
    for row in networks:
        description = (row.get("DESCRIPTION") or "").lower()
        status = (row.get("STATUS") or "").lower()
        mask = row.get("IPMASK") or ""
        subnet = row.get("IPSUBNET") or ""
        if "ppp" in description or "up" not in status:
            continue
        if not (mask.startswith("255.255.") or mask.lower().startswith("0xffff")):
            continue
        if not is_ipv4(subnet) or subnet in found:
            continue
        found[subnet] = Interface(subnet, mask)
    return list(found.values())


def blacklisted(
    subnet: str, mask: str | None, blacklist: Iterable[tuple[str | None, str | None]]
) -> bool:
    """Whether ``blacklist_subnet`` names this subnet: same SUBNET, and same MASK unless the
    row or the interface gives none."""
    for black_subnet, black_mask in blacklist:
        if (black_subnet or "").strip() != subnet:
            continue
        black_mask = (black_mask or "").strip()
        if not black_mask or not mask or black_mask == mask:
            return True
    return False


# -- the decisions --------------------------------------------------------------------
def drop_reason(
    *, forced: bool, section_sent: bool, elected_count: int, is_blacklisted: bool, maximum: int
) -> str | None:
    """Why an elected machine loses its election after this inventory, None to keep it
    (step 2b, 2c): no IPDISCOVER section sent, too many elected on its subnet, or its
    subnet blacklisted; a forced election is never dropped."""
    if forced:
        return None
    if not section_sent:
        return "its inventory had no IPDISCOVER section"
    if elected_count > maximum:
        return f"{elected_count} machines are elected on its subnet, at most {maximum}"
    if is_blacklisted:
        return "its subnet is blacklisted"
    return None


def choose(
    interfaces: Sequence[Interface],
    elected: Callable[[str], Sequence[Elected]],
    *,
    quality: float,
    settings: Settings,
    now: dt.datetime,
) -> Choice:
    """Where a not-elected machine goes (steps 3c to 3e), ``interfaces`` already rid of
    blacklisted subnets and ``elected(subnet)`` the machines counted there (those of the
    machine's TAG when TAG-link is on): the first subnet with a free place; otherwise, in
    the same order, the place of a non-forced machine silent for too long, or of the worst
    one when this machine is better by more than the threshold; otherwise nowhere."""
    if settings.maximum <= 0:
        return None
    for interface in interfaces:
        if len(elected(interface.subnet)) < settings.maximum:
            return Elect(interface.subnet)
    oldest_allowed = now - dt.timedelta(days=settings.max_alive_days)
    for interface in interfaces:
        replaceable = [host for host in elected(interface.subnet) if not host.forced]
        if not replaceable:
            continue
        # No LASTDATE compares as not old, as NULL does in the reference's SQL.
        stale = [h for h in replaceable if h.lastdate is not None and h.lastdate < oldest_allowed]
        if stale:
            gone = min(stale, key=lambda h: (h.lastdate or now, h.hardware_id))
            return Replace(interface.subnet, gone.hardware_id, "not seen for too long")
        worst = max(replaceable, key=lambda h: (h.quality, h.hardware_id))
        if worst.quality - quality > settings.better_threshold:
            return Replace(interface.subnet, worst.hardware_id, "comes more regularly")
    return None


# -- results --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entry:
    """One host a scan found, valid for ``netmap``."""

    ip: str
    mac: str
    name: str | None


def check_entry(row: Mapping[str, str | None], *, bmp_only: bool) -> Entry | str:
    """The entry, or why it is refused (PROTOCOL.md 4.3: I an IPv4, M ``xx:xx:xx:xx:xx:xx``;
    a name wider than the column, or with characters a utf8mb3 database cannot hold)."""
    ip, mac, name = row.get("I"), row.get("M"), row.get("N")
    if not is_ipv4(ip):
        return f"I {_shown(ip)} is not an IPv4 address"
    if mac is None or not _MAC.match(mac):
        return f"M {_shown(mac)} is not a MAC address xx:xx:xx:xx:xx:xx"
    if name is not None and len(name) > NAME_CHARS:
        return f"N is {len(name)} characters long, at most {NAME_CHARS}"
    if name is not None and bmp_only and any(ord(ch) > 0xFFFF for ch in name):
        return "N has characters this database cannot hold"
    assert ip is not None
    return Entry(ip, mac, name)


def _shown(value: str | None, width: int = 40) -> str:
    """A value for a log line: quoted, cut, never a flood."""
    if value is None:
        return "(missing)"
    return repr(value if len(value) <= width else value[:width] + "...")
