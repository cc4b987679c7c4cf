"""Where each package stands: machines by deployment status, and the package list.

A machine's status is the TVALUE of its ``devices`` DOWNLOAD row for one of the package's
activations (PROTOCOL 1.9): NULL is *waiting* (assigned, not yet told), ``NOTIFIED``, then
what the agent reported (``SUCCESS``, ``ERR_*``, ``EXIT_CODE_*``, …). Members of an
assigned group that have no row of their own yet (the server writes it at their next
prolog) are waiting too, so a group assignment never looks like nothing happened.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Connection, func, select

from ocs_desktop.models import Device, DownloadAvailable, DownloadEnable, GroupCache, Hardware
from ocs_desktop.packager.activation import activation_ids

WAITING = "WAITING"  # how the OCS console names a NULL status
NOTIFIED = "NOTIFIED"
SYSTEM_GROUP = "_SYSTEMGROUP_"


class Category(StrEnum):
    """The four buckets of the OCS statistics page."""

    WAITING = "waiting"
    NOTIFIED = "notified"
    SUCCESS = "success"
    ERROR = "error"


def category(status: str) -> Category:
    """The bucket of a status (``WAITING`` for NULL)."""
    if status == WAITING:
        return Category.WAITING
    if status == NOTIFIED:
        return Category.NOTIFIED
    if status.startswith("SUCCESS") or status == "EXIT_CODE_0":
        return Category.SUCCESS
    return Category.ERROR


def _order(status: str) -> tuple[int, str]:
    return list(Category).index(category(status)), status


def is_failure(status: str) -> bool:
    """What ``retry_failed`` retries: ``ERR_*`` and non-zero ``EXIT_CODE_*``."""
    return status.startswith("ERR_") or (
        status.startswith("EXIT_CODE_") and status != "EXIT_CODE_0"
    )


@dataclass(frozen=True)
class MachineState:
    """One machine's status for a package."""

    hardware_id: int
    name: str
    status: str
    comments: str | None = None
    via_group: bool = False
    """True when the machine only inherits the package from a group (no row yet)."""


@dataclass(frozen=True)
class PackageStatus:
    """Machines by status for one package."""

    fileid: str
    name: str
    activations: tuple[int, ...]
    groups: tuple[tuple[int, str], ...]
    """Groups the package is assigned to: (ID, NAME)."""
    machines: dict[str, list[MachineState]] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {status: len(states) for status, states in self.machines.items()}

    @property
    def by_category(self) -> dict[Category, int]:
        totals: Counter[Category] = Counter()
        for status, states in self.machines.items():
            totals[category(status)] += len(states)
        return {cat: totals.get(cat, 0) for cat in Category}

    @property
    def total(self) -> int:
        return sum(len(states) for states in self.machines.values())


@dataclass(frozen=True)
class PackageSummary:
    """One line of the package list."""

    fileid: str
    name: str
    size: int
    fragments: int
    priority: int
    osname: str
    comment: str | None
    deleted: bool
    activations: int
    counts: dict[str, int]
    """Machines by status (``WAITING`` for NULL)."""

    @property
    def activated(self) -> bool:
        return self.activations > 0

    @property
    def by_category(self) -> dict[Category, int]:
        totals: Counter[Category] = Counter()
        for status, count in self.counts.items():
            totals[category(status)] += count
        return {cat: totals.get(cat, 0) for cat in Category}


class UnknownPackage(LookupError):
    """No package with that FILEID."""


def package_status(conn: Connection, fileid: str) -> PackageStatus:
    """Every machine the package concerns, grouped by status (sorted by name)."""
    row = conn.execute(
        select(DownloadAvailable.NAME).where(DownloadAvailable.FILEID == fileid)
    ).first()
    enables = activation_ids(conn, fileid)
    if row is None and not enables:
        raise UnknownPackage(f"no package {fileid}")
    machines: dict[str, list[MachineState]] = {}
    rows = conn.execute(
        select(Hardware.ID, Hardware.NAME, Hardware.DEVICEID, Device.TVALUE, Device.COMMENTS)
        .join(Hardware, Hardware.ID == Device.HARDWARE_ID)
        .where(Device.NAME == "DOWNLOAD", Device.IVALUE.in_(enables))
        .order_by(Hardware.NAME, Hardware.ID)
    ).all()
    seen: set[int] = set()
    groups: list[tuple[int, str]] = []
    for hid, name, deviceid, tvalue, comments in rows:
        if deviceid == SYSTEM_GROUP:
            groups.append((int(hid), name or ""))
            continue
        if deviceid.startswith("_") or hid in seen:
            continue
        seen.add(int(hid))
        status = tvalue or WAITING
        machines.setdefault(status, []).append(MachineState(int(hid), name or "", status, comments))
    for hid, name in _inherited(conn, enables, [gid for gid, _ in groups]):
        if hid not in seen:
            seen.add(hid)
            machines.setdefault(WAITING, []).append(MachineState(hid, name, WAITING, None, True))
    for states in machines.values():
        states.sort(key=lambda s: (s.name.lower(), s.hardware_id))
    return PackageStatus(
        fileid=fileid,
        name=row[0] if row is not None else "",
        activations=tuple(enables),
        groups=tuple(sorted(groups, key=lambda g: g[1].lower())),
        machines=dict(sorted(machines.items(), key=lambda kv: _order(kv[0]))),
    )


def list_packages(conn: Connection, *, include_deleted: bool = False) -> list[PackageSummary]:
    """Every package with its size, fragments, priority, activation and status counts."""
    query = select(DownloadAvailable).order_by(DownloadAvailable.FILEID.desc())
    if not include_deleted:
        query = query.where(func.coalesce(DownloadAvailable.DELETED, 0) == 0)
    packages = conn.execute(query).all()
    enables: dict[str, list[int]] = {}
    for enable_id, fileid in conn.execute(select(DownloadEnable.ID, DownloadEnable.FILEID)):
        enables.setdefault(fileid, []).append(int(enable_id))
    counts = _counts(conn)
    result = []
    for pkg in packages:
        ids = enables.get(pkg.FILEID, [])
        per_status: Counter[str] = Counter()
        for enable_id in ids:
            per_status.update(counts.get(enable_id, {}))
        if ids:
            group_ids = _assigned_groups(conn, ids)
            if group_ids:
                per_status[WAITING] += len(_inherited(conn, ids, group_ids))
        result.append(
            PackageSummary(
                fileid=pkg.FILEID,
                name=pkg.NAME,
                size=int(pkg.SIZE or 0),
                fragments=int(pkg.FRAGMENTS or 0),
                priority=int(pkg.PRIORITY or 0),
                osname=pkg.OSNAME,
                comment=pkg.COMMENT,
                deleted=bool(pkg.DELETED),
                activations=len(ids),
                counts=dict(per_status),
            )
        )
    return result


def _counts(conn: Connection) -> dict[int, dict[str, int]]:
    """Machines per (activation, status), one grouped query for all packages."""
    rows = conn.execute(
        select(Device.IVALUE, Device.TVALUE, func.count())
        .join(Hardware, Hardware.ID == Device.HARDWARE_ID)
        .where(Device.NAME == "DOWNLOAD", ~Hardware.DEVICEID.startswith("_", autoescape=True))
        .group_by(Device.IVALUE, Device.TVALUE)
    ).all()
    counts: dict[int, dict[str, int]] = {}
    for ivalue, tvalue, count in rows:
        if ivalue is not None:
            bucket = counts.setdefault(int(ivalue), {})
            status = tvalue or WAITING
            bucket[status] = bucket.get(status, 0) + int(count)
    return counts


def _assigned_groups(conn: Connection, enables: list[int]) -> list[int]:
    return [
        int(gid)
        for gid in conn.execute(
            select(Device.HARDWARE_ID)
            .join(Hardware, Hardware.ID == Device.HARDWARE_ID)
            .where(
                Device.NAME == "DOWNLOAD",
                Device.IVALUE.in_(enables),
                Hardware.DEVICEID == SYSTEM_GROUP,
            )
        ).scalars()
    ]


def _inherited(conn: Connection, enables: list[int], group_ids: list[int]) -> list[tuple[int, str]]:
    """Members of ``group_ids`` with no DOWNLOAD row of their own for the package."""
    if not group_ids or not enables:
        return []
    own = select(Device.HARDWARE_ID).where(Device.NAME == "DOWNLOAD", Device.IVALUE.in_(enables))
    rows = conn.execute(
        select(Hardware.ID, Hardware.NAME)
        .join(GroupCache, GroupCache.HARDWARE_ID == Hardware.ID)
        .where(
            GroupCache.GROUP_ID.in_(group_ids),
            GroupCache.STATIC.in_((0, 1)),
            Hardware.ID.not_in(own),
        )
        .distinct()
        .order_by(Hardware.ID)
    ).all()
    return [(int(hid), name or "") for hid, name in rows]
