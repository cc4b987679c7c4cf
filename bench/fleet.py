"""Generate distinct machines from a real agent inventory, for benchmarks and load tests.

The sample is turned once into a text template; each machine is then a few string
substitutions: its DEVICEID, NAME, MAC addresses, serials and UUID, and a share of
its software (versions that differ between machines, a few packages unique to a
slice of the fleet), so the software dictionary grows as in a real fleet.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SAMPLE = DATA / "ocsinventory-agent-sent-inventory-first.xml"


@dataclass(frozen=True)
class Machine:
    index: int
    deviceid: str
    name: str
    body: bytes  # the XML document (compress with zlib for the wire)

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

    def machine(self, index: int, *, run: str = "bench") -> Machine:
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
        return Machine(index, deviceid, name, text.encode())

    def machines(self, count: int, *, start: int = 0, run: str = "bench") -> Iterator[Machine]:
        for index in range(start, start + count):
            yield self.machine(index, run=run)


def _set(parent: etree._Element, tag: str, value: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = etree.SubElement(parent, tag)
    element.text = value


def _mac(index: int, interface: int) -> str:
    raw = (0x02 << 40) | (interface << 32) | index
    return ":".join(f"{(raw >> shift) & 0xFF:02x}" for shift in range(40, -1, -8))
