"""Machine filters: composable WHERE clauses over ``hardware``.

Every view that narrows the machines list (a TAG, a dashboard bar, a search, a group, a
software) hands the list a filter; the list pages, sorts and counts with it server-side.
A filter only ever adds a condition on ``hardware``; joins live inside EXISTS sub-queries
so a filter can never multiply rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    exists,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import aliased

from ocs_desktop.db.machine_rows import GROUP_DEVICEIDS
from ocs_desktop.models import AccountInfo, Bios, Device, Drive, Hardware

#: ``hardware`` again, for the group rows' IDs inside a condition on ``hardware``.
_GROUP_ROWS = aliased(Hardware, name="group_rows")


@runtime_checkable
class MachineFilter(Protocol):
    """A condition on ``hardware`` rows, with a label for the user."""

    def where(self) -> ColumnElement[bool]: ...

    def describe(self) -> str: ...


def machines_only() -> ColumnElement[bool]:
    """Real machines: group pseudo-rows in ``hardware`` are never listed.

    Said by ID: the few group rows' IDs come from the DEVICEID index once, and every index
    of ``hardware`` holds ID, so a sort or a count walks one narrow index and reads no
    row for DEVICEID. The IP sorts then read (IPADDR), 4.5 MiB at 100,000 machines,
    instead of (IPADDR, DEVICEID), 10.6 MiB (bench/console_bench.py, cold).
    """
    groups = select(_GROUP_ROWS.ID).where(_GROUP_ROWS.DEVICEID.in_(GROUP_DEVICEIDS))
    return Hardware.ID.not_in(groups)


@dataclass(frozen=True)
class TagFilter:
    """Machines whose TAG is ``tag``; ``None`` means machines without an accountinfo TAG."""

    tag: str | None

    def where(self) -> ColumnElement[bool]:
        if self.tag is None:
            return ~exists().where(
                AccountInfo.HARDWARE_ID == Hardware.ID, AccountInfo.TAG.is_not(None)
            )
        return exists().where(AccountInfo.HARDWARE_ID == Hardware.ID, AccountInfo.TAG == self.tag)

    def describe(self) -> str:
        return f"TAG = {self.tag}" if self.tag is not None else "no TAG"


@dataclass(frozen=True)
class FieldFilter:
    """Machines whose ``hardware`` column equals ``value`` (``None``: is NULL or empty)."""

    column: str
    value: str | int | None

    def where(self) -> ColumnElement[bool]:
        column = getattr(Hardware, self.column)
        if self.value is None:
            return or_(column.is_(None), column == "")
        return column == self.value

    def describe(self) -> str:
        return f"{self.column} = {self.value if self.value is not None else '(empty)'}"


@dataclass(frozen=True)
class AgeFilter:
    """Machines last inventoried between ``min_days`` and ``max_days`` ago.

    ``max_days`` None means no upper bound; ``min_days`` None selects machines that never
    sent an inventory (LASTDATE NULL). Bounds are computed against ``now`` (local time, as
    the server writes LASTDATE) so a bar's count and its filter agree.
    """

    min_days: int | None
    max_days: int | None
    now: dt.datetime | None = None

    def where(self) -> ColumnElement[bool]:
        if self.min_days is None:
            return Hardware.LASTDATE.is_(None)
        now = self.now or dt.datetime.now()
        newest = now - dt.timedelta(days=self.min_days)
        condition: ColumnElement[bool] = Hardware.LASTDATE <= newest if self.min_days else true()
        condition = and_(Hardware.LASTDATE.is_not(None), condition)
        if self.max_days is not None:
            condition = and_(condition, Hardware.LASTDATE > now - dt.timedelta(days=self.max_days))
        return condition

    def describe(self) -> str:
        if self.min_days is None:
            return "never inventoried"
        if self.max_days is None:
            return f"last inventory over {self.min_days} days ago"
        return f"last inventory {self.min_days} to {self.max_days} days ago"


@dataclass(frozen=True)
class IdsFilter:
    """Exactly these machines (a selection, a drag, a group's cached members)."""

    ids: frozenset[int]
    label: str = "selection"

    @classmethod
    def of(cls, ids: Iterable[int], label: str = "selection") -> IdsFilter:
        return cls(frozenset(int(i) for i in ids), label)

    def where(self) -> ColumnElement[bool]:
        if not self.ids:
            return false()
        return Hardware.ID.in_(sorted(self.ids))

    def describe(self) -> str:
        return f"{self.label} ({len(self.ids)})"


@dataclass(frozen=True)
class AllOf:
    """Every filter holds."""

    filters: tuple[MachineFilter, ...]

    def where(self) -> ColumnElement[bool]:
        if not self.filters:
            return true()
        return and_(*(f.where() for f in self.filters))

    def describe(self) -> str:
        return " and ".join(f.describe() for f in self.filters) or "all machines"

    def bound(self, conn: Connection) -> AllOf:
        return AllOf(tuple(bound_filter(conn, f) or f for f in self.filters))


def bound_filter(conn: Connection, filter_: MachineFilter | None) -> MachineFilter | None:
    """``filter_`` with what it can look up beforehand looked up (a search's software IDs),
    for one query: the optimiser then plans on constants (``Search.bound``)."""
    bind = getattr(filter_, "bound", None)
    return bind(conn) if callable(bind) else filter_


def machine_ids(filter_: MachineFilter | None) -> ColumnElement[bool]:
    """The full condition for listing: real machines, narrowed by ``filter_`` if any."""
    if filter_ is None:
        return machines_only()
    return and_(machines_only(), filter_.where())


def ids_select(filter_: MachineFilter | None) -> Select[int]:
    """``SELECT hardware.ID`` of the machines ``filter_`` keeps (for IN and INSERT…SELECT)."""
    return select(Hardware.ID).where(machine_ids(filter_))


@dataclass(frozen=True)
class BiosModelFilter:
    """Machines of this manufacturer and model (``bios`` SMANUFACTURER, SMODEL).

    ``None`` for either means NULL or empty; ``(None, None)`` also keeps machines that have
    no ``bios`` row at all, so the dashboard's model bars partition the fleet.
    """

    manufacturer: str | None
    model: str | None

    def where(self) -> ColumnElement[bool]:
        pairs = ((Bios.SMANUFACTURER, self.manufacturer), (Bios.SMODEL, self.model))
        conditions = [
            or_(column.is_(None), column == "") if value is None else column == value
            for column, value in pairs
        ]
        having = Hardware.ID.in_(select(Bios.HARDWARE_ID).where(*conditions))
        if self.manufacturer is None and self.model is None:
            return or_(having, Hardware.ID.not_in(select(Bios.HARDWARE_ID)))
        return having

    def describe(self) -> str:
        return f"model = {self.manufacturer or '(empty)'} {self.model or '(empty)'}"


@dataclass(frozen=True)
class OtherBiosModelsFilter:
    """Machines of none of these (manufacturer, model) pairs: a model chart's "Other" bar."""

    shown: tuple[tuple[str | None, str | None], ...]

    def where(self) -> ColumnElement[bool]:
        if not self.shown:
            return true()
        return and_(*(~BiosModelFilter(*pair).where() for pair in self.shown))

    def describe(self) -> str:
        return f"model not among {len(self.shown)} shown"


#: File systems that are full by design (snap images, optical discs): never "low space".
FULL_BY_DESIGN = ("squashfs", "iso9660", "udf", "cdfs")


def measured_drive() -> ColumnElement[bool]:
    """A ``drives`` row whose free share means something."""
    filesystem = func.lower(Drive.FILESYSTEM)
    return and_(
        Drive.TOTAL > 0,
        Drive.FREE.is_not(None),
        or_(Drive.FILESYSTEM.is_(None), filesystem.not_in(FULL_BY_DESIGN)),
    )


def _drive_below(percent: int) -> ColumnElement[bool]:
    return and_(measured_drive(), Drive.FREE * 100 < Drive.TOTAL * percent)


@dataclass(frozen=True)
class FreeDiskFilter:
    """Machines whose fullest drive has between ``min_percent`` and ``max_percent`` free.

    The fullest drive decides (its FREE/TOTAL share); ``max_percent`` None is no upper bound.
    ``min_percent`` None selects machines with no measured drive. Snap images and optical
    discs (:data:`FULL_BY_DESIGN`) are ignored.
    """

    min_percent: int | None
    max_percent: int | None

    def where(self) -> ColumnElement[bool]:
        measured = select(Drive.HARDWARE_ID).where(measured_drive())
        if self.min_percent is None:
            return Hardware.ID.not_in(measured)
        upper = measured_drive() if self.max_percent is None else _drive_below(self.max_percent)
        condition: ColumnElement[bool] = Hardware.ID.in_(select(Drive.HARDWARE_ID).where(upper))
        if self.min_percent > 0:
            below = select(Drive.HARDWARE_ID).where(_drive_below(self.min_percent))
            condition = and_(condition, Hardware.ID.not_in(below))
        return condition

    def describe(self) -> str:
        if self.min_percent is None:
            return "no measured drive"
        high = f"{self.max_percent} %" if self.max_percent is not None else "100 %"
        return f"fullest drive {self.min_percent} % to {high} free"


@dataclass(frozen=True)
class MemoryFilter:
    """Machines with ``min_mib`` <= hardware.MEMORY < ``max_mib`` (MiB; None: no bound).

    Both None selects machines whose memory is unknown (NULL or 0).
    """

    min_mib: int | None
    max_mib: int | None

    def where(self) -> ColumnElement[bool]:
        if self.min_mib is None and self.max_mib is None:
            return or_(Hardware.MEMORY.is_(None), Hardware.MEMORY <= 0)
        condition = and_(Hardware.MEMORY > 0, Hardware.MEMORY >= (self.min_mib or 0))
        if self.max_mib is not None:
            condition = and_(condition, Hardware.MEMORY < self.max_mib)
        return condition

    def describe(self) -> str:
        if self.min_mib is None and self.max_mib is None:
            return "memory unknown"
        return f"memory {self.min_mib or 0} to {self.max_mib or '∞'} MiB"


#: Deployment outcome categories, as ``packager.status.Category`` names them.
DOWNLOAD_OUTCOMES = ("waiting", "notified", "success", "error")


def download_outcome(outcome: str) -> ColumnElement[bool]:
    """The condition on ``devices.TVALUE`` of a DOWNLOAD row in category ``outcome``.

    The same buckets as ``packager.status.category`` (fleet cannot import packager): NULL
    or WAITING, NOTIFIED, SUCCESS* or EXIT_CODE_0, and everything else is an error.
    """
    value = Device.TVALUE
    waiting = or_(value.is_(None), value == "WAITING")
    success = or_(func.substr(value, 1, 7) == "SUCCESS", value == "EXIT_CODE_0")
    if outcome == "waiting":
        return waiting
    if outcome == "notified":
        return value == "NOTIFIED"
    if outcome == "success":
        return success
    if outcome == "error":
        return and_(value.is_not(None), value.not_in(("WAITING", "NOTIFIED")), ~success)
    raise ValueError(f"unknown deployment outcome {outcome!r}, expected one of {DOWNLOAD_OUTCOMES}")


@dataclass(frozen=True)
class DownloadOutcomeFilter:
    """Machines with at least one package (``devices`` DOWNLOAD row) in this outcome."""

    outcome: str

    def __post_init__(self) -> None:
        download_outcome(self.outcome)  # fail early on a bad name

    def where(self) -> ColumnElement[bool]:
        rows = select(Device.HARDWARE_ID).where(
            Device.NAME == "DOWNLOAD", download_outcome(self.outcome)
        )
        return Hardware.ID.in_(rows)

    def describe(self) -> str:
        return f"a package {self.outcome}"


@dataclass(frozen=True)
class InventoryDayFilter:
    """Machines whose last inventory (hardware.LASTDATE, local time) was on ``day``."""

    day: dt.date

    def where(self) -> ColumnElement[bool]:
        start = dt.datetime.combine(self.day, dt.time())
        return and_(Hardware.LASTDATE >= start, Hardware.LASTDATE < start + dt.timedelta(days=1))

    def describe(self) -> str:
        return f"last inventory on {self.day.isoformat()}"
