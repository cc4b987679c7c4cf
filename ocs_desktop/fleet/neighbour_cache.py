"""The operating system's ARP (neighbour) cache: which MAC answered for which IPv4 address.

After a sweep has sent something to every address, the kernel has resolved the MAC of
each host of the local segment that answered ARP, even one that ignores pings and closes
no port. Reading the cache needs no privilege: ``/proc/net/arp`` on Linux, ``arp -a`` on
Windows, ``arp -an`` on macOS and the BSDs. Each reader returns ``{ip: mac}`` with MACs
written ``aa:bb:cc:dd:ee:ff`` (lower case, two digits per byte), as an agent sends them;
incomplete, broadcast and multicast entries are left out.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

_IPV4 = r"\d{1,3}(?:\.\d{1,3}){3}"
_WINDOWS_LINE = re.compile(rf"^\s*({_IPV4})\s+([0-9a-fA-F]{{2}}(?:-[0-9a-fA-F]{{2}}){{5}})\s")
_BSD_LINE = re.compile(rf"\(({_IPV4})\) at ([0-9a-fA-F]{{1,2}}(?::[0-9a-fA-F]{{1,2}}){{5}}) ")
#: Linux ATF_COM: the entry is resolved.
_COMPLETE = 0x2


def normal_mac(text: str) -> str | None:
    """``text`` as ``aa:bb:cc:dd:ee:ff``; None when it is not a unicast, non-zero MAC."""
    parts = re.split(r"[:-]", text.strip())
    if len(parts) != 6 or not all(re.fullmatch(r"[0-9a-fA-F]{1,2}", part) for part in parts):
        return None
    octets = [int(part, 16) for part in parts]
    if not any(octets) or octets[0] & 1:
        return None
    return ":".join(f"{octet:02x}" for octet in octets)


def parse_proc_net_arp(text: str) -> dict[str, str]:
    """Linux ``/proc/net/arp``: IP, HW type, flags, MAC, mask, device."""
    found: dict[str, str] = {}
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 4:
            continue
        try:
            flags = int(fields[2], 16)
        except ValueError:
            continue
        mac = normal_mac(fields[3])
        if flags & _COMPLETE and mac is not None:
            found[fields[0]] = mac
    return found


def parse_windows_arp(text: str) -> dict[str, str]:
    """Windows ``arp -a``: ``  192.168.1.1    00-11-22-33-44-55     dynamic`` per line."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _WINDOWS_LINE.match(line)
        if match:
            mac = normal_mac(match.group(2))
            if mac is not None:
                found[match.group(1)] = mac
    return found


def parse_bsd_arp(text: str) -> dict[str, str]:
    """macOS/BSD ``arp -an``: ``? (192.168.1.1) at 0:11:22:33:44:55 on en0 ...``."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _BSD_LINE.search(line)
        if match:
            mac = normal_mac(match.group(2))
            if mac is not None:
                found[match.group(1)] = mac
    return found


def _command(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("could not read the ARP cache with %s: %s", " ".join(argv), error)
        return ""


def read_cache(platform: str = sys.platform) -> dict[str, str]:
    """This machine's ARP cache, ``{ip: mac}``; empty when it cannot be read (logged)."""
    if platform.startswith("linux"):
        try:
            return parse_proc_net_arp(Path("/proc/net/arp").read_text())
        except OSError as error:
            log.warning("could not read /proc/net/arp: %s", error)
            return {}
    if platform.startswith("win"):
        return parse_windows_arp(_command(["arp", "-a"]))
    return parse_bsd_arp(_command(["arp", "-an"]))
