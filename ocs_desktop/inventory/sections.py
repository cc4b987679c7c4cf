"""Which inventory section goes to which ocsweb table, and under which checksum bit.

The map is the facts of PROTOCOL.md 2.1/2.2: a section name is its table name in
upper case, and the agent flags a changed section by OR-ing its mask into
``HARDWARE/CHECKSUM``. Mask 0 means "no bit": such a section is always rewritten.
HARDWARE, SOFTWARES, ACCOUNTINFO and DOWNLOAD have writers of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SectionSpec:
    section: str
    table: str
    mask: int
    multi: bool = True
    fallbacks: dict[str, str] = field(default_factory=dict)


SECTIONS: tuple[SectionSpec, ...] = (
    # The agent has bit 2 for BIOS but the server map uses 0: always rewritten.
    SectionSpec("BIOS", "bios", 0, multi=False),
    SectionSpec("MEMORIES", "memories", 4),
    SectionSpec("SLOTS", "slots", 8),
    SectionSpec("REGISTRY", "registry", 16),
    SectionSpec("CONTROLLERS", "controllers", 32),
    SectionSpec("MONITORS", "monitors", 64),
    SectionSpec("PORTS", "ports", 128),
    SectionSpec("STORAGES", "storages", 256),
    SectionSpec("DRIVES", "drives", 512),
    SectionSpec("INPUTS", "inputs", 1024),
    SectionSpec("MODEMS", "modems", 2048),
    SectionSpec("NETWORKS", "networks", 4096, fallbacks={"MACADDR": "00:00:00:00:00:00"}),
    SectionSpec("PRINTERS", "printers", 8192),
    SectionSpec("SOUNDS", "sounds", 16384),
    SectionSpec("VIDEOS", "videos", 32768),
    SectionSpec("VIRTUALMACHINES", "virtualmachines", 131072),
    SectionSpec("CPUS", "cpus", 262144),
    SectionSpec("SIM", "sim", 524288),
    SectionSpec("BATTERIES", "batteries", 1048576),
    SectionSpec("USBDEVICES", "usbdevices", 2097152),
    SectionSpec("REPOSITORY", "repository", 0),
    SectionSpec("JAVAINFO", "javainfo", 0, multi=False, fallbacks={"JAVANAME": "noname"}),
    SectionSpec("LOCAL_USERS", "local_users", 0),
    SectionSpec("LOCAL_GROUPS", "local_groups", 0),
)

SOFTWARE_MASK = 65536

# Columns of ``hardware`` that the server owns: never taken from the agent's XML.
SERVER_OWNED_HARDWARE = frozenset(
    {
        "ID", "DEVICEID", "LASTCOME", "LASTDATE", "QUALITY", "FIDELITY", "USERAGENT",
        "SSTATE", "IPSRC", "ARCHIVE", "CHECKSUM", "ETIME", "USERID", "IPADDR",
    }
)  # fmt: skip


def section_changed(spec: SectionSpec, checksum: int | None) -> bool:
    """Whether a section must be rewritten under INVENTORY_DIFF (PROTOCOL.md 2.2)."""
    if spec.mask == 0 or checksum is None:
        return True
    return bool(checksum & spec.mask)
