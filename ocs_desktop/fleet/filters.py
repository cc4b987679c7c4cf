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

from sqlalchemy import ColumnElement, Select, and_, exists, false, or_, select, true

from ocs_desktop.models import AccountInfo, Hardware

GROUP_DEVICEIDS = ("_SYSTEMGROUP_", "_DOWNLOADGROUP_")


@runtime_checkable
class MachineFilter(Protocol):
    """A condition on ``hardware`` rows, with a label for the user."""

    def where(self) -> ColumnElement[bool]: ...

    def describe(self) -> str: ...


def machines_only() -> ColumnElement[bool]:
    """Real machines: group pseudo-rows in ``hardware`` are never listed."""
    return Hardware.DEVICEID.not_in(GROUP_DEVICEIDS)


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


def machine_ids(filter_: MachineFilter | None) -> ColumnElement[bool]:
    """The full condition for listing: real machines, narrowed by ``filter_`` if any."""
    if filter_ is None:
        return machines_only()
    return and_(machines_only(), filter_.where())


def ids_select(filter_: MachineFilter | None) -> Select[int]:
    """``SELECT hardware.ID`` of the machines ``filter_`` keeps (for IN and INSERT…SELECT)."""
    return select(Hardware.ID).where(machine_ids(filter_))
