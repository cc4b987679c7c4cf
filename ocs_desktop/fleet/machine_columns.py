"""Every column the machines list can show: each hardware, bios and accountinfo field.

Labels and units come from :mod:`ocs_desktop.fleet.field_catalog`, so the list names a
column as the machine detail does. The twelve classic columns keep their short keys
(``name``, ``tag``, ``memory``…), which saved settings use; the others are keyed
``hardware.WORKGROUP`` / ``bios.SMANUFACTURER``; admin fields ``admin:fields_3``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ocs_desktop.fleet.field_catalog import FIELDS, FieldInfo, Kind
from ocs_desktop.models import Bios, Hardware

#: An admin field shown as a column of the list: ``admin:fields_3``.
ADMIN_PREFIX = "admin:"
_ADMIN_KEY = re.compile(r"admin:fields_[0-9]+")

#: The classic columns' short keys, by (table, column).
_SHORT_KEYS: dict[tuple[str, str], str] = {
    ("hardware", "NAME"): "name",
    ("accountinfo", "TAG"): "tag",
    ("hardware", "OSNAME"): "osname",
    ("hardware", "OSVERSION"): "osversion",
    ("hardware", "IPADDR"): "ipaddr",
    ("hardware", "USERID"): "userid",
    ("hardware", "PROCESSORT"): "processort",
    ("hardware", "MEMORY"): "memory",
    ("bios", "SSN"): "ssn",
    ("hardware", "USERAGENT"): "useragent",
    ("hardware", "LASTDATE"): "lastdate",
    ("hardware", "LASTCOME"): "lastcome",
}
#: Columns holding one IPv4 address: sorted by their four octets, not as text.
IP_COLUMNS = frozenset({("hardware", "IPADDR"), ("hardware", "IPSRC")})


@dataclass(frozen=True)
class ColumnSpec:
    """One column of the list: where it comes from and how it reads and sorts."""

    key: str
    table: str  # hardware, bios or accountinfo
    column: str
    label: str  # English, marked in the ``Fields`` context (admin fields: their own label)
    kind: Kind = "text"
    internal: bool = False

    @property
    def is_ip(self) -> bool:
        return (self.table, self.column) in IP_COLUMNS


def is_admin_key(key: str) -> bool:
    """Whether ``key`` names an admin field column (``admin:fields_<n>``)."""
    return bool(_ADMIN_KEY.fullmatch(key))


def _key(table: str, column: str) -> str:
    return _SHORT_KEYS.get((table, column), f"{table}.{column}")


def _model_columns(table: str) -> tuple[str, ...]:
    model = {"hardware": Hardware, "bios": Bios}[table]
    return tuple(c.name for c in model.__table__.columns if c.name not in ("ID", "HARDWARE_ID"))


def _catalogue() -> dict[str, ColumnSpec]:
    specs: dict[str, ColumnSpec] = {}
    for table in ("hardware", "bios"):
        declared = {info.column: info for info in FIELDS[table]}
        for column in (*declared, *(c for c in _model_columns(table) if c not in declared)):
            info = declared.get(column) or FieldInfo(column, column.replace("_", " ").capitalize())
            spec = ColumnSpec(_key(table, column), table, column, info.label, info.kind)
            specs[spec.key] = ColumnSpec(**{**spec.__dict__, "internal": info.internal})
    tag = FIELDS["accountinfo"][0]
    specs["tag"] = ColumnSpec("tag", "accountinfo", "TAG", tag.label)
    return specs


#: Every hardware and bios column, and TAG, in reading order (admin fields come from the
#: database: :func:`admin_spec`).
CATALOGUE: dict[str, ColumnSpec] = _catalogue()
#: The classic columns, by short key.
CLASSIC_KEYS: tuple[str, ...] = tuple(_SHORT_KEYS.values())


def admin_spec(key: str, label: str = "") -> ColumnSpec:
    """The spec of admin field column ``admin:fields_<n>`` (labelled by accountinfo_config)."""
    if not is_admin_key(key):
        raise ValueError(f"not an admin field column {key!r}")
    column = key.removeprefix(ADMIN_PREFIX)
    return ColumnSpec(key, "accountinfo", column, label or column)


def column_spec(key: str) -> ColumnSpec:
    """The spec of any column key; ``KeyError`` when unknown."""
    if is_admin_key(key):
        return admin_spec(key)
    return CATALOGUE[key]


def is_known_key(key: str) -> bool:
    return key in CATALOGUE or is_admin_key(key)
