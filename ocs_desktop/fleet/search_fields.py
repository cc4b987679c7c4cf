"""What a search can look at: the field catalog, its kinds, and the operators per kind.

Built once from the models, with English labels the views translate; kept apart from
the SQL of :mod:`ocs_desktop.fleet.search` so the builder's menus read it alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from sqlalchemy import Date, DateTime, Float, Integer, Numeric

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.models import (
    Base,
    Software,
    SoftwareName,
    SoftwarePublisher,
    SoftwareVersion,
)

Kind = Literal["text", "number", "date"]
Combine = Literal["and", "or"]


class Operator(StrEnum):
    """Comparison of one criterion; text comparisons ignore case."""

    equals = "equals"
    not_equals = "not_equals"
    contains = "contains"
    not_contains = "not_contains"
    starts_with = "starts_with"
    ends_with = "ends_with"
    less = "less"
    greater = "greater"
    is_empty = "is_empty"
    is_not_empty = "is_not_empty"


#: English phrases for :meth:`Search.describe` and the builder's operator menu.
OPERATOR_LABELS: dict[Operator, str] = {
    Operator.equals: "=",
    Operator.not_equals: "≠",
    Operator.contains: "contains",
    Operator.not_contains: "does not contain",
    Operator.starts_with: "starts with",
    Operator.ends_with: "ends with",
    Operator.less: "<",
    Operator.greater: ">",
    Operator.is_empty: "is empty",
    Operator.is_not_empty: "is not empty",
}

_ORDERED = (
    Operator.equals,
    Operator.not_equals,
    Operator.less,
    Operator.greater,
    Operator.is_empty,
    Operator.is_not_empty,
)
#: Operators that make sense for each kind of field (numbers and dates have no substrings).
OPERATORS_BY_KIND: dict[str, tuple[Operator, ...]] = {
    "text": tuple(Operator),
    "number": _ORDERED,
    "date": _ORDERED,
}

#: Operators that take no value.
VALUELESS = frozenset({Operator.is_empty, Operator.is_not_empty})


@dataclass(frozen=True)
class SearchField:
    """One searchable column: ``key`` is ``"table.COLUMN"``, ``label`` is English."""

    key: str
    table: str
    column: str
    label: str
    kind: Kind


# Tables in menu order: (table, English label, "COLUMN label; COLUMN label; …"). Columns not
# listed are not offered (ids, checksums, internal state).
_CATALOG: tuple[tuple[str, str, str], ...] = (
    (
        "hardware",
        "Hardware",
        "NAME name; WORKGROUP workgroup; USERDOMAIN user domain; OSNAME OS name; "
        "OSVERSION OS version; OSCOMMENTS OS comments; ARCH architecture; "
        "PROCESSORT processor type; PROCESSORS processor speed (MHz); "
        "PROCESSORN processor count; MEMORY memory (MB); SWAP swap (MB); IPADDR IP address; "
        "DNS DNS; DEFAULTGATEWAY default gateway; USERID user; DESCRIPTION description; "
        "WINCOMPANY Windows company; WINOWNER Windows owner; WINPRODID Windows product ID; "
        "WINPRODKEY Windows product key; USERAGENT agent; UUID UUID; DEVICEID device ID; "
        "LASTDATE last inventory; LASTCOME last contact",
    ),
    (
        "bios",
        "BIOS",
        "SMANUFACTURER system manufacturer; SMODEL system model; SSN serial number; "
        "TYPE type; BMANUFACTURER BIOS manufacturer; BVERSION BIOS version; BDATE BIOS date; "
        "ASSETTAG asset tag; MMANUFACTURER motherboard manufacturer; "
        "MMODEL motherboard model; MSN motherboard serial",
    ),
    (
        "accountinfo",
        "Administrative data",
        "TAG TAG",
    ),
    (
        "cpus",
        "CPU",
        "MANUFACTURER manufacturer; TYPE type; SPEED speed (MHz); "
        "CURRENT_SPEED current speed (MHz); CORES cores; LOGICAL_CPUS logical CPUs; "
        "CPUARCH architecture; DATA_WIDTH data width; L2CACHESIZE L2 cache; SOCKET socket; "
        "SERIALNUMBER serial number",
    ),
    (
        "memories",
        "Memory",
        "CAPTION caption; DESCRIPTION description; CAPACITY capacity (MB); TYPE type; "
        "SPEED speed; PURPOSE purpose; NUMSLOTS slot; SERIALNUMBER serial number",
    ),
    (
        "storages",
        "Storage",
        "MANUFACTURER manufacturer; NAME name; MODEL model; DESCRIPTION description; "
        "TYPE type; DISKSIZE size (MB); SERIALNUMBER serial number; FIRMWARE firmware",
    ),
    (
        "drives",
        "Drive",
        "LETTER letter; TYPE type / mount point; FILESYSTEM file system; TOTAL total (MB); "
        "FREE free (MB); VOLUMN volume; CREATEDATE creation date",
    ),
    (
        "networks",
        "Network",
        "DESCRIPTION description; TYPE type; SPEED speed; MACADDR MAC address; "
        "STATUS status; IPADDRESS IP address; IPMASK IP mask; IPGATEWAY gateway; "
        "IPSUBNET subnet; IPDHCP DHCP server; VIRTUALDEV virtual",
    ),
    (
        "videos",
        "Video",
        "NAME name; CHIPSET chipset; MEMORY memory (MB); RESOLUTION resolution",
    ),
    (
        "monitors",
        "Monitor",
        "MANUFACTURER manufacturer; CAPTION caption; DESCRIPTION description; TYPE type; "
        "SERIAL serial number",
    ),
    (
        "printers",
        "Printer",
        "NAME name; DRIVER driver; PORT port; DESCRIPTION description; SERVERNAME server; "
        "SHARENAME share name",
    ),
    (
        "controllers",
        "Controller",
        "MANUFACTURER manufacturer; NAME name; CAPTION caption; DESCRIPTION description; "
        "VERSION version; TYPE type",
    ),
    (
        "sounds",
        "Sound",
        "MANUFACTURER manufacturer; NAME name; DESCRIPTION description",
    ),
    (
        "inputs",
        "Input",
        "TYPE type; MANUFACTURER manufacturer; CAPTION caption; DESCRIPTION description; "
        "INTERFACE interface",
    ),
    (
        "usbdevices",
        "USB device",
        "DESCRIPTION description; MANUFACTURER manufacturer; INTERFACE interface; "
        "SERIAL serial number; TYPE type",
    ),
    (
        "software",
        "Software",
        "NAME name; PUBLISHER publisher; VERSION version; FOLDER folder; COMMENTS comments; "
        "FILENAME file name; GUID GUID; LANGUAGE language; INSTALLDATE install date; "
        "BITSWIDTH bits; ARCHITECTURE architecture",
    ),
    (
        "virtualmachines",
        "Virtual machine",
        "NAME name; STATUS status; SUBSYSTEM subsystem; VMTYPE type; UUID UUID; "
        "VCPU virtual CPUs; MEMORY memory (MB)",
    ),
    (
        "registry",
        "Registry",
        "NAME query name; REGVALUE value",
    ),
)

#: Text columns that hold numbers ("2400", "1024 MB"): compared numerically.
NUMERIC_TEXT = frozenset({"cpus.SPEED", "cpus.CURRENT_SPEED", "videos.MEMORY"})

#: software.NAME / PUBLISHER / VERSION live in lookup tables: (text column, lookup ID,
#: the software column pointing at it).
SOFTWARE_LOOKUPS: dict[str, tuple[Any, Any, Any]] = {
    "NAME": (SoftwareName.NAME, SoftwareName.ID, Software.NAME_ID),
    "PUBLISHER": (SoftwarePublisher.PUBLISHER, SoftwarePublisher.ID, Software.PUBLISHER_ID),
    "VERSION": (SoftwareVersion.VERSION, SoftwareVersion.ID, Software.VERSION_ID),
}
#: Lookup row standing for an empty publisher or version (OCS stores '' as 'Unavailable').
UNAVAILABLE_ID = 1


def _kind_of(table: str, column: str) -> Kind:
    if f"{table}.{column}" in NUMERIC_TEXT:
        return "number"
    if table == "software" and column in SOFTWARE_LOOKUPS:
        return "text"
    sql_type = Base.metadata.tables[table].c[column].type
    if isinstance(sql_type, DateTime | Date):
        return "date"
    if isinstance(sql_type, Integer | Numeric | Float):
        return "number"
    return "text"


def _build_catalog() -> dict[str, SearchField]:
    fields: dict[str, SearchField] = {}
    for table, table_label, columns in _CATALOG:
        for item in columns.split(";"):
            column, _, column_label = item.strip().partition(" ")
            key = f"{table}.{column}"
            label = f"{table_label}: {column_label}"
            fields[key] = SearchField(key, table, column, label, _kind_of(table, column))
    return fields


#: Every searchable field, keyed by ``"table.COLUMN"``, in menu order.
SEARCH_FIELDS: dict[str, SearchField] = _build_catalog()


def operators_for(field_key: str) -> tuple[Operator, ...]:
    """Operators the builder should offer for ``field_key`` (ValueError if unknown)."""
    return OPERATORS_BY_KIND[field_of(field_key).kind]


#: Admin fields are columns the OCS console adds at run time (``accountinfo.fields_<n>``).
ADMIN_TABLE = "accountinfo"
_ADMIN_COLUMN = re.compile(r"fields_[0-9]+")


def admin_search_field(column: str, label: str = "") -> SearchField:
    """The search field of admin field ``column`` (``fields_3``), compared as text.

    Text comparisons suit every admin field type: numbers and ISO dates compare as the
    database converts them, and a select stores its choice's number.
    """
    if not _ADMIN_COLUMN.fullmatch(column):
        raise ValueError(f"not an admin field column: {column!r}")
    return SearchField(
        f"{ADMIN_TABLE}.{column}",
        ADMIN_TABLE,
        column,
        f"Administrative data: {label or column}",
        "text",
    )


def field_of(key: str) -> SearchField:
    try:
        return SEARCH_FIELDS[key]
    except KeyError:
        table, _, column = key.partition(".")
        if table == ADMIN_TABLE and _ADMIN_COLUMN.fullmatch(column):
            return admin_search_field(column)
        raise CodedError(
            "SearchErrors",
            "unknown-field",
            QT_TRANSLATE_NOOP("SearchErrors", "unknown search field '{key}'"),
            key=key,
        ) from None
