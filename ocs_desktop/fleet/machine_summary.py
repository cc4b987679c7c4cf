"""The card an administrator reads first about a machine: what it is, where, whose, how fresh.

Built from the detail already read (no second pass over the components) plus two small
queries: the groups the machine is in and its deployment statuses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from ocs_desktop.fleet.admin_data import AdminField
from ocs_desktop.fleet.admin_fields import Choice, decode_checks
from ocs_desktop.fleet.machine_detail import CategoryRows, MachineDetail
from ocs_desktop.models import (
    Device,
    DownloadAvailable,
    DownloadEnable,
    GroupCache,
    Hardware,
)


@dataclass(frozen=True)
class Disk:
    name: str
    total_mib: int | None
    free_mib: int | None


@dataclass(frozen=True)
class Address:
    interface: str
    ip: str
    mac: str


@dataclass(frozen=True)
class MachineSummary:
    """Everything the card shows; empty strings and lists where the inventory says nothing."""

    name: str
    manufacturer: str
    model: str
    serial: str
    os: str
    os_version: str
    architecture: str
    cpu: str
    cpu_count: int
    memory_mib: int | None
    disks: list[Disk]
    addresses: list[Address]
    user: str
    tag: str
    admin: list[tuple[str, str]]
    last_inventory: dt.datetime | None
    last_contact: dt.datetime | None
    agent: str
    #: (group name, static) — static members first.
    groups: list[tuple[str, bool]]
    #: (package name, status); status None = waiting for the agent.
    packages: list[tuple[str, str | None]]


def _first(rows: CategoryRows | None) -> dict[str, Any]:
    if rows is None or not rows.rows:
        return {}
    return dict(zip(rows.columns, rows.rows[0], strict=True))


def _all(rows: CategoryRows | None) -> list[dict[str, Any]]:
    if rows is None:
        return []
    return [dict(zip(rows.columns, row, strict=True)) for row in rows.rows]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip()) if value not in (None, "") else None
    except ValueError:
        return None


def _disks(detail: MachineDetail) -> list[Disk]:
    """Mounted volumes with a size: the drives (free space is what matters to an admin)."""
    disks = []
    for row in _all(detail.categories.get("drives")):
        total = _int(row.get("TOTAL"))
        if not total:
            continue
        name = _text(row.get("LETTER")) or _text(row.get("TYPE")) or _text(row.get("VOLUMN"))
        disks.append(Disk(name, total, _int(row.get("FREE"))))
    return disks


def _addresses(detail: MachineDetail) -> list[Address]:
    found = []
    for row in _all(detail.categories.get("networks")):
        ip, mac = _text(row.get("IPADDRESS")), _text(row.get("MACADDR"))
        if not ip and not mac:
            continue
        if ip.startswith("127.") or ip == "::1":
            continue
        found.append(Address(_text(row.get("DESCRIPTION")), ip, mac))
    return found


def _groups(conn: Connection, hardware_id: int) -> list[tuple[str, bool]]:
    rows = conn.execute(
        select(Hardware.NAME, GroupCache.STATIC)
        .join(GroupCache, GroupCache.GROUP_ID == Hardware.ID)
        .where(GroupCache.HARDWARE_ID == hardware_id, GroupCache.STATIC != 2)
        .order_by(GroupCache.STATIC.desc(), Hardware.NAME)
    )
    return [(_text(name), static == 1) for name, static in rows]


def _packages(conn: Connection, hardware_id: int) -> list[tuple[str, str | None]]:
    rows = conn.execute(
        select(DownloadAvailable.NAME, Device.TVALUE)
        .select_from(Device)
        .join(DownloadEnable, DownloadEnable.ID == Device.IVALUE)
        .join(DownloadAvailable, DownloadAvailable.FILEID == DownloadEnable.FILEID)
        .where(Device.HARDWARE_ID == hardware_id, Device.NAME == "DOWNLOAD")
        .order_by(DownloadAvailable.NAME)
    )
    return [(_text(name), status) for name, status in rows]


def _admin_text(value: str | None, choices: list[Choice] | None) -> str:
    """A stored admin value as read: a list, radio or checkbox field shows its choices' text."""
    if not choices:
        return _text(value)
    texts = {choice.value: choice.text for choice in choices}
    return "; ".join(texts.get(number, str(number)) for number in decode_checks(value))


def machine_summary(
    conn: Connection,
    detail: MachineDetail,
    fields: list[AdminField],
    values: dict[str, str | None],
    choices: dict[str, list[Choice]] | None = None,
) -> MachineSummary:
    """The card of the machine ``detail`` describes (``fields``/``values``: admin data)."""
    choices = choices or {}
    hardware = _first(detail.categories.get("hardware"))
    bios = _first(detail.categories.get("bios"))
    cpus = _all(detail.categories.get("cpus"))
    cpu = _text(cpus[0].get("TYPE")) if cpus else ""
    admin = [
        (field.label, _admin_text(values.get(field.column), choices.get(field.column)))
        for field in fields
        if field.column != "TAG" and _text(values.get(field.column))
    ]
    return MachineSummary(
        name=_text(hardware.get("NAME")) or _text(detail.name),
        manufacturer=_text(bios.get("SMANUFACTURER")),
        model=_text(bios.get("SMODEL")),
        serial=_text(bios.get("SSN")),
        os=_text(hardware.get("OSNAME")),
        os_version=_text(hardware.get("OSVERSION")),
        architecture=_text(hardware.get("ARCH")),
        cpu=cpu or _text(hardware.get("PROCESSORT")),
        cpu_count=len(cpus) or (_int(hardware.get("PROCESSORN")) or 0),
        memory_mib=_int(hardware.get("MEMORY")),
        disks=_disks(detail),
        addresses=_addresses(detail),
        user=_text(hardware.get("USERID")),
        tag=_text(values.get("TAG")),
        admin=admin,
        last_inventory=hardware.get("LASTDATE"),
        last_contact=hardware.get("LASTCOME"),
        agent=_text(hardware.get("USERAGENT")),
        groups=_groups(conn, detail.id),
        packages=_packages(conn, detail.id),
    )
