"""Generate distinct machines from a real agent inventory, for benchmarks and load tests.

The sample is turned once into a text template; each machine is then a few string
substitutions: its DEVICEID, NAME, MAC addresses, serials and UUID, and a share of
its software (versions that differ between machines, a few packages unique to a
slice of the fleet), so the software dictionary grows as in a real fleet.

``machine(index, day=n)`` is the same machine ``n`` days later, as a fleet re-sends
it day to day: same DEVICEID, NAME, MACs, serials and UUID; each day about 1 % of
its software gets a new version (``DAILY_UPGRADES`` packages), one package is
removed and one added (the software count stays the same), HARDWARE/LASTDATE (if
the sample has one) and HARDWARE/DESCRIPTION (the uptime) change, and one
NETWORKS row gets a new IPADDRESS. Everything else is byte-identical to day 0,
which is exactly what ``machine(index)`` has always given.
"""

from __future__ import annotations

import datetime
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SAMPLE = DATA / "ocsinventory-agent-sent-inventory-first.xml"
DAILY_UPGRADES = 9  # packages that get a new version each day (1 % of the sample's 900)
FIRST_DAY = datetime.datetime(2026, 1, 1)  # day 0, as in the DEVICEID


@dataclass(frozen=True)
class Machine:
    index: int
    deviceid: str
    name: str
    body: bytes  # the XML document (compress with zlib for the wire)
    day: int = 0  # days after the first inventory (see Fleet.machine)

    def compressed(self) -> bytes:
        return zlib.compress(self.body)


class Fleet:
    """A template of the sample with placeholders, and machines made from it."""

    def __init__(
        self,
        sample: Path = SAMPLE,
        *,
        software_share: float = 0.1,
        software_limit: int | None = None,
        seed: int = 42,
    ) -> None:
        rng = random.Random(seed)
        root = etree.parse(str(sample)).getroot()
        content = root.find("CONTENT")
        assert content is not None
        softwares = content.findall("SOFTWARES")
        if software_limit is not None:
            for extra in softwares[software_limit:]:
                content.remove(extra)
            softwares = softwares[:software_limit]
        for position, network in enumerate(content.findall("NETWORKS")):
            mac = network.find("MACADDR")
            if mac is not None:
                mac.text = f"@@MAC{position}@@"
        hardware = content.find("HARDWARE")
        assert hardware is not None
        _set(hardware, "NAME", "@@NAME@@")
        _set(hardware, "UUID", "@@UUID@@")
        bios = content.find("BIOS")
        if bios is None:
            bios = etree.SubElement(content, "BIOS")
        _set(bios, "SSN", "@@SERIAL@@")
        _set(bios, "SMANUFACTURER", "OCS Bench")
        _set(bios, "SMODEL", "Bench model @@MODEL@@")
        varied = rng.sample(softwares, max(1, int(len(softwares) * software_share)))
        for number, software in enumerate(varied):
            version = software.find("VERSION")
            if version is None:
                version = etree.SubElement(software, "VERSION")
            marker = "@@VV@@" if number % 2 else "@@VW@@"
            version.text = f"{version.text or '0'}+{marker}"
        for number in range(3):  # packages only a slice of the fleet has
            software = etree.SubElement(content, "SOFTWARES")
            _set(software, "NAME", f"bench-tool-{number}-@@SLICE@@")
            _set(software, "VERSION", "1.0")
            _set(software, "PUBLISHER", "OCS Bench")
        devid = root.find("DEVICEID")
        assert devid is not None
        devid.text = "@@DEVICEID@@"
        self.template = etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()
        self.software_count = len(softwares) + 3
        # Later days are edited with lxml: its round trip must leave the rest untouched.
        if _serialize(etree.fromstring(self.template.encode())) != self.template.encode():
            raise ValueError(f"{sample}: lxml does not round-trip it byte for byte")

    def machine(self, index: int, *, run: str = "bench", day: int = 0) -> Machine:
        """Machine ``index`` of ``run`` as it reports itself ``day`` days after its first inventory.

        Days are cumulative: day 2 is day 1 with a second day's changes applied.
        """
        if day < 0:
            raise ValueError(f"day must be >= 0, not {day}")
        name = f"{run}-{index:06d}"
        deviceid = f"{name}-2026-01-01-00-00-00"
        macs = {f"@@MAC{n}@@": _mac(index, n) for n in range(8)}
        replacements = {
            "@@DEVICEID@@": deviceid,
            "@@NAME@@": name,
            "@@UUID@@": f"{index:08x}-0000-4000-8000-{zlib.crc32(run.encode()):012d}",
            "@@SERIAL@@": f"SN{index:09d}",
            "@@MODEL@@": str(index % 7),
            "@@VV@@": f"v{index % 50}",
            "@@VW@@": f"w{index % 13}",
            "@@SLICE@@": str(index % 100),
            **macs,
        }
        text = self.template
        for key, value in replacements.items():
            text = text.replace(key, value)
        body = text.encode()
        if day:
            root = etree.fromstring(body)
            for step in range(1, day + 1):
                _next_day(root, index, step, random.Random(f"{run}/{index}/{step}"))
            body = _serialize(root)
        return Machine(index, deviceid, name, body, day)

    def machines(
        self, count: int, *, start: int = 0, run: str = "bench", day: int = 0
    ) -> Iterator[Machine]:
        for index in range(start, start + count):
            yield self.machine(index, run=run, day=day)


def _next_day(root: etree._Element, index: int, step: int, rng: random.Random) -> None:
    """Apply day ``step``'s changes to machine ``index``'s document, in place."""
    content = root.find("CONTENT")
    assert content is not None
    softwares = content.findall("SOFTWARES")
    picked = rng.sample(softwares, min(len(softwares), DAILY_UPGRADES + 1))
    for software in picked[:DAILY_UPGRADES]:
        version = software.find("VERSION")
        if version is None:
            version = etree.SubElement(software, "VERSION")
        version.text = f"{version.text or '0'}-u{step}"
    if len(picked) > DAILY_UPGRADES:
        content.remove(picked[DAILY_UPGRADES])  # its tail (indentation) goes with it
    last = content.findall("SOFTWARES")[-1] if content.findall("SOFTWARES") else None
    added = etree.Element("SOFTWARES")
    _set(added, "NAME", f"bench-daily-{step}-{index % 10}")
    if index % 2 == 0:  # odd machines' new package has no VERSION (stored as 'Unavailable')
        _set(added, "VERSION", f"1.{step}")
    _set(added, "PUBLISHER", "OCS Bench")
    if last is None:
        content.append(added)
    else:
        added.tail = last.tail
        last.addnext(added)
    hardware = content.find("HARDWARE")
    assert hardware is not None
    when = FIRST_DAY + datetime.timedelta(days=step, seconds=rng.randrange(86_400))
    if hardware.find("LASTDATE") is not None:
        _set(hardware, "LASTDATE", when.strftime("%Y-%m-%d %H:%M:%S"))
    description = hardware.findtext("DESCRIPTION") or ""
    arch = description.split("/", 1)[0] if "/" in description else "x86_64"
    _set(hardware, "DESCRIPTION", f"{arch}/{step:02d}-00-00 {when:%H:%M:%S}")  # the uptime
    networks = [n for n in content.findall("NETWORKS") if n.findtext("IPADDRESS")]
    ipv4 = [n for n in networks if "." in (n.findtext("IPADDRESS") or "")]
    if ipv4 or networks:
        _set((ipv4 or networks)[0], "IPADDRESS", f"198.51.100.{(index + step) % 254 + 1}")


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _set(parent: etree._Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = etree.SubElement(parent, tag)
    element.text = value


def _mac(index: int, interface: int) -> str:
    raw = (0x02 << 40) | (interface << 32) | index
    return ":".join(f"{(raw >> shift) & 0xFF:02x}" for shift in range(40, -1, -8))
