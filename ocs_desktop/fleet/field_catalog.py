"""What each inventory column means to a reader: its label, its unit, whether it is internal.

Declared once for every column the machine detail shows, so the console's property
sheets, tables and exports name a column the same way everywhere. Labels are English,
marked for Qt's translation (context ``Fields``); the console renders values with the
user's locale from ``kind``. A column not listed here (a later OCS release's) still
shows, under a label made from its name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP

#: How a value reads: ``mib``/``kib``/``bytes`` are sizes, ``mhz`` a frequency, ``date``
#: a day (never with a time), ``datetime`` a moment (its time hidden when it is midnight,
#: which agents send for "day only"), ``flag`` 0/1.
Kind = Literal["text", "number", "mib", "kib", "bytes", "mhz", "date", "datetime", "flag"]

CONTEXT = "Fields"


@dataclass(frozen=True)
class FieldInfo:
    column: str
    label: str
    kind: Kind = "text"
    #: Bookkeeping of the server or agent (checksums, states): behind "Show all fields".
    internal: bool = False


def _f(column: str, label: str, kind: Kind = "text", internal: bool = False) -> FieldInfo:
    return FieldInfo(column, label, kind, internal)


FIELDS: dict[str, tuple[FieldInfo, ...]] = {
    "hardware": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("DEVICEID", QT_TRANSLATE_NOOP("Fields", "Device ID"), internal=True),
        _f("WORKGROUP", QT_TRANSLATE_NOOP("Fields", "Domain or workgroup")),
        _f("USERDOMAIN", QT_TRANSLATE_NOOP("Fields", "User domain")),
        _f("OSNAME", QT_TRANSLATE_NOOP("Fields", "Operating system")),
        _f("OSVERSION", QT_TRANSLATE_NOOP("Fields", "OS version")),
        _f("OSCOMMENTS", QT_TRANSLATE_NOOP("Fields", "OS details")),
        _f("ARCH", QT_TRANSLATE_NOOP("Fields", "Architecture")),
        _f("PROCESSORT", QT_TRANSLATE_NOOP("Fields", "Processor")),
        _f("PROCESSORS", QT_TRANSLATE_NOOP("Fields", "Processor speed"), "mhz"),
        _f("PROCESSORN", QT_TRANSLATE_NOOP("Fields", "Processors"), "number"),
        _f("MEMORY", QT_TRANSLATE_NOOP("Fields", "Memory"), "mib"),
        _f("SWAP", QT_TRANSLATE_NOOP("Fields", "Swap"), "mib"),
        _f("IPADDR", QT_TRANSLATE_NOOP("Fields", "IP address")),
        _f("DNS", QT_TRANSLATE_NOOP("Fields", "DNS servers")),
        _f("DEFAULTGATEWAY", QT_TRANSLATE_NOOP("Fields", "Default gateway")),
        _f("USERID", QT_TRANSLATE_NOOP("Fields", "Last user")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("WINCOMPANY", QT_TRANSLATE_NOOP("Fields", "Registered company")),
        _f("WINOWNER", QT_TRANSLATE_NOOP("Fields", "Registered owner")),
        _f("WINPRODID", QT_TRANSLATE_NOOP("Fields", "Windows product ID")),
        _f("WINPRODKEY", QT_TRANSLATE_NOOP("Fields", "Windows product key")),
        _f("UUID", QT_TRANSLATE_NOOP("Fields", "UUID")),
        _f("USERAGENT", QT_TRANSLATE_NOOP("Fields", "Agent")),
        _f("LASTDATE", QT_TRANSLATE_NOOP("Fields", "Last inventory"), "datetime"),
        _f("LASTCOME", QT_TRANSLATE_NOOP("Fields", "Last contact"), "datetime"),
        _f("IPSRC", QT_TRANSLATE_NOOP("Fields", "Address seen by the server")),
        _f("ETIME", QT_TRANSLATE_NOOP("Fields", "Agent execution time"), "datetime", internal=True),
        _f("QUALITY", QT_TRANSLATE_NOOP("Fields", "Quality"), "number", internal=True),
        _f("FIDELITY", QT_TRANSLATE_NOOP("Fields", "Fidelity"), "number", internal=True),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type"), "number", internal=True),
        _f("CHECKSUM", QT_TRANSLATE_NOOP("Fields", "Checksum"), "number", internal=True),
        _f("SSTATE", QT_TRANSLATE_NOOP("Fields", "Session state"), "number", internal=True),
        _f("CATEGORY_ID", QT_TRANSLATE_NOOP("Fields", "Category"), "number", internal=True),
        _f("ARCHIVE", QT_TRANSLATE_NOOP("Fields", "Archived"), "flag", internal=True),
    ),
    "bios": (
        _f("SMANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("SMODEL", QT_TRANSLATE_NOOP("Fields", "Model")),
        _f("SSN", QT_TRANSLATE_NOOP("Fields", "Serial number")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Chassis type")),
        _f("ASSETTAG", QT_TRANSLATE_NOOP("Fields", "Asset tag")),
        _f("BMANUFACTURER", QT_TRANSLATE_NOOP("Fields", "BIOS manufacturer")),
        _f("BVERSION", QT_TRANSLATE_NOOP("Fields", "BIOS version")),
        _f("BDATE", QT_TRANSLATE_NOOP("Fields", "BIOS date")),
        _f("MMANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Motherboard manufacturer")),
        _f("MMODEL", QT_TRANSLATE_NOOP("Fields", "Motherboard model")),
        _f("MSN", QT_TRANSLATE_NOOP("Fields", "Motherboard serial number")),
    ),
    "cpus": (
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Model")),
        _f("MANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("SPEED", QT_TRANSLATE_NOOP("Fields", "Speed"), "mhz"),
        _f("CURRENT_SPEED", QT_TRANSLATE_NOOP("Fields", "Current speed"), "mhz"),
        _f("CORES", QT_TRANSLATE_NOOP("Fields", "Cores"), "number"),
        _f("LOGICAL_CPUS", QT_TRANSLATE_NOOP("Fields", "Logical processors"), "number"),
        _f("L2CACHESIZE", QT_TRANSLATE_NOOP("Fields", "L2 cache"), "kib"),
        _f("CPUARCH", QT_TRANSLATE_NOOP("Fields", "Architecture")),
        _f("DATA_WIDTH", QT_TRANSLATE_NOOP("Fields", "Data width (bits)"), "number"),
        _f("CURRENT_ADDRESS_WIDTH", QT_TRANSLATE_NOOP("Fields", "Address width (bits)"), "number"),
        _f("VOLTAGE", QT_TRANSLATE_NOOP("Fields", "Voltage")),
        _f("SOCKET", QT_TRANSLATE_NOOP("Fields", "Socket")),
        _f("SERIALNUMBER", QT_TRANSLATE_NOOP("Fields", "Serial number")),
    ),
    "memories": (
        _f("CAPTION", QT_TRANSLATE_NOOP("Fields", "Slot")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("CAPACITY", QT_TRANSLATE_NOOP("Fields", "Capacity"), "mib"),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("SPEED", QT_TRANSLATE_NOOP("Fields", "Speed"), "mhz"),
        _f("PURPOSE", QT_TRANSLATE_NOOP("Fields", "Purpose")),
        _f("NUMSLOTS", QT_TRANSLATE_NOOP("Fields", "Slot number"), "number"),
        _f("SERIALNUMBER", QT_TRANSLATE_NOOP("Fields", "Serial number")),
    ),
    "storages": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("MODEL", QT_TRANSLATE_NOOP("Fields", "Model")),
        _f("MANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("DISKSIZE", QT_TRANSLATE_NOOP("Fields", "Size"), "mib"),
        _f("SERIALNUMBER", QT_TRANSLATE_NOOP("Fields", "Serial number")),
        _f("FIRMWARE", QT_TRANSLATE_NOOP("Fields", "Firmware")),
    ),
    "drives": (
        _f("LETTER", QT_TRANSLATE_NOOP("Fields", "Drive")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type or mount point")),
        _f("VOLUMN", QT_TRANSLATE_NOOP("Fields", "Volume")),
        _f("FILESYSTEM", QT_TRANSLATE_NOOP("Fields", "File system")),
        _f("TOTAL", QT_TRANSLATE_NOOP("Fields", "Total size"), "mib"),
        _f("FREE", QT_TRANSLATE_NOOP("Fields", "Free space"), "mib"),
        _f("NUMFILES", QT_TRANSLATE_NOOP("Fields", "Files"), "number"),
        _f("CREATEDATE", QT_TRANSLATE_NOOP("Fields", "Created"), "date"),
    ),
    "networks": (
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Interface")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("TYPEMIB", QT_TRANSLATE_NOOP("Fields", "MIB type")),
        _f("SPEED", QT_TRANSLATE_NOOP("Fields", "Speed")),
        _f("MTU", QT_TRANSLATE_NOOP("Fields", "MTU")),
        _f("MACADDR", QT_TRANSLATE_NOOP("Fields", "MAC address")),
        _f("STATUS", QT_TRANSLATE_NOOP("Fields", "Status")),
        _f("IPADDRESS", QT_TRANSLATE_NOOP("Fields", "IP address")),
        _f("IPMASK", QT_TRANSLATE_NOOP("Fields", "Subnet mask")),
        _f("IPGATEWAY", QT_TRANSLATE_NOOP("Fields", "Gateway")),
        _f("IPSUBNET", QT_TRANSLATE_NOOP("Fields", "Subnet")),
        _f("IPDHCP", QT_TRANSLATE_NOOP("Fields", "DHCP server")),
        _f("VIRTUALDEV", QT_TRANSLATE_NOOP("Fields", "Virtual"), "flag"),
    ),
    "videos": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("CHIPSET", QT_TRANSLATE_NOOP("Fields", "Chipset")),
        _f("MEMORY", QT_TRANSLATE_NOOP("Fields", "Memory"), "mib"),
        _f("RESOLUTION", QT_TRANSLATE_NOOP("Fields", "Resolution")),
    ),
    "sounds": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("MANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
    ),
    "controllers": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("MANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("CAPTION", QT_TRANSLATE_NOOP("Fields", "Caption")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("VERSION", QT_TRANSLATE_NOOP("Fields", "Version")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
    ),
    "monitors": (
        _f("CAPTION", QT_TRANSLATE_NOOP("Fields", "Model")),
        _f("MANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("SERIAL", QT_TRANSLATE_NOOP("Fields", "Serial number")),
    ),
    "printers": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("DRIVER", QT_TRANSLATE_NOOP("Fields", "Driver")),
        _f("PORT", QT_TRANSLATE_NOOP("Fields", "Port")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("SERVERNAME", QT_TRANSLATE_NOOP("Fields", "Print server")),
        _f("SHARENAME", QT_TRANSLATE_NOOP("Fields", "Share name")),
        _f("RESOLUTION", QT_TRANSLATE_NOOP("Fields", "Resolution")),
        _f("COMMENT", QT_TRANSLATE_NOOP("Fields", "Comment")),
        _f("SHARED", QT_TRANSLATE_NOOP("Fields", "Shared"), "flag"),
        _f("NETWORK", QT_TRANSLATE_NOOP("Fields", "Network printer"), "flag"),
    ),
    "inputs": (
        _f("CAPTION", QT_TRANSLATE_NOOP("Fields", "Caption")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("MANUFACTURER", QT_TRANSLATE_NOOP("Fields", "Manufacturer")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("INTERFACE", QT_TRANSLATE_NOOP("Fields", "Interface")),
        _f("POINTTYPE", QT_TRANSLATE_NOOP("Fields", "Pointing type")),
    ),
    "modems": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("MODEL", QT_TRANSLATE_NOOP("Fields", "Model")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
    ),
    "ports": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("TYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("CAPTION", QT_TRANSLATE_NOOP("Fields", "Caption")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
    ),
    "slots": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("DESIGNATION", QT_TRANSLATE_NOOP("Fields", "Designation")),
        _f("DESCRIPTION", QT_TRANSLATE_NOOP("Fields", "Description")),
        _f("PURPOSE", QT_TRANSLATE_NOOP("Fields", "Purpose")),
        _f("STATUS", QT_TRANSLATE_NOOP("Fields", "Status")),
        _f("PSHARE", QT_TRANSLATE_NOOP("Fields", "Shared"), "flag"),
    ),
    "software": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("PUBLISHER", QT_TRANSLATE_NOOP("Fields", "Publisher")),
        _f("VERSION", QT_TRANSLATE_NOOP("Fields", "Version")),
        _f("INSTALLDATE", QT_TRANSLATE_NOOP("Fields", "Installed"), "datetime"),
        _f("FILESIZE", QT_TRANSLATE_NOOP("Fields", "Size"), "bytes"),
        _f("ARCHITECTURE", QT_TRANSLATE_NOOP("Fields", "Architecture")),
        _f("BITSWIDTH", QT_TRANSLATE_NOOP("Fields", "Bits"), "number"),
        _f("LANGUAGE", QT_TRANSLATE_NOOP("Fields", "Language")),
        _f("FOLDER", QT_TRANSLATE_NOOP("Fields", "Folder")),
        _f("FILENAME", QT_TRANSLATE_NOOP("Fields", "File")),
        _f("COMMENTS", QT_TRANSLATE_NOOP("Fields", "Comments")),
        _f("GUID", QT_TRANSLATE_NOOP("Fields", "GUID")),
        _f("SOURCE", QT_TRANSLATE_NOOP("Fields", "Source"), "number", internal=True),
    ),
    "virtualmachines": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Name")),
        _f("STATUS", QT_TRANSLATE_NOOP("Fields", "Status")),
        _f("SUBSYSTEM", QT_TRANSLATE_NOOP("Fields", "Hypervisor")),
        _f("VMTYPE", QT_TRANSLATE_NOOP("Fields", "Type")),
        _f("VCPU", QT_TRANSLATE_NOOP("Fields", "Virtual processors"), "number"),
        _f("MEMORY", QT_TRANSLATE_NOOP("Fields", "Memory"), "mib"),
        _f("UUID", QT_TRANSLATE_NOOP("Fields", "UUID")),
    ),
    "registry": (
        _f("NAME", QT_TRANSLATE_NOOP("Fields", "Query")),
        _f("REGVALUE", QT_TRANSLATE_NOOP("Fields", "Value")),
    ),
    "accountinfo": (_f("TAG", QT_TRANSLATE_NOOP("Fields", "TAG")),),
}

#: The columns whose first non-empty values name one component in the machine tree.
COMPONENT_TITLES: dict[str, tuple[str, ...]] = {
    "cpus": ("TYPE", "MANUFACTURER"),
    "memories": ("CAPTION", "DESCRIPTION"),
    "storages": ("NAME", "MODEL", "DESCRIPTION"),
    "drives": ("LETTER", "VOLUMN", "TYPE"),
    "networks": ("DESCRIPTION", "MACADDR"),
    "videos": ("NAME", "CHIPSET"),
    "sounds": ("NAME", "DESCRIPTION"),
    "controllers": ("NAME", "CAPTION"),
    "monitors": ("CAPTION", "MANUFACTURER", "DESCRIPTION"),
    "printers": ("NAME",),
    "inputs": ("CAPTION", "DESCRIPTION", "TYPE"),
    "modems": ("NAME", "MODEL"),
    "ports": ("NAME", "CAPTION", "TYPE"),
    "slots": ("NAME", "DESIGNATION"),
    "software": ("NAME",),
    "virtualmachines": ("NAME", "UUID"),
    "registry": ("NAME",),
}

_BY_TABLE: dict[str, dict[str, FieldInfo]] = {
    table: {info.column: info for info in infos} for table, infos in FIELDS.items()
}


def field_info(table: str, column: str) -> FieldInfo:
    """How ``table.column`` reads; an unknown column gets a label made from its name."""
    known = _BY_TABLE.get(table, {}).get(column)
    if known is not None:
        return known
    return FieldInfo(column, column.replace("_", " ").capitalize())


def ordered_columns(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """``columns`` in reading order: the declared order first, unknown ones after."""
    declared = [info.column for info in FIELDS.get(table, ()) if info.column in columns]
    return (*declared, *(c for c in columns if c not in declared))


def component_title(category: str, values: dict[str, object]) -> str:
    """What a component is called in the tree: the first non-empty naming column."""
    for column in COMPONENT_TITLES.get(category, ()):
        value = values.get(column)
        if value not in (None, ""):
            return str(value).strip()
    return ""
