"""The dashboard's bar charts: operating systems, inventory age, agent versions.

Each bar carries the machine filter that selects exactly the machines it counts, so
clicking a bar opens the machines list on the same set; the counts come from one
aggregate query per chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    case,
    func,
    literal_column,
    or_,
    select,
    true,
)

from ocs_desktop.fleet.filters import AgeFilter, FieldFilter, MachineFilter, machines_only
from ocs_desktop.models import Hardware

#: Label of the bar for machines whose value is NULL or empty (views translate it).
UNKNOWN_LABEL = "Unknown"
OTHER_LABEL = "Other"


@dataclass(frozen=True)
class Bar:
    """One bar: its label (English; views translate), count, and the machines behind it."""

    label: str
    count: int
    filter: MachineFilter


@dataclass(frozen=True)
class OtherValuesFilter:
    """Machines whose ``hardware`` column is none of ``values`` (``None``: NULL or empty).

    The "Other" bar of a chart that shows only its biggest values.
    """

    column: str
    values: tuple[str | None, ...]

    def where(self) -> ColumnElement[bool]:
        column = getattr(Hardware, self.column)
        names = sorted({v for v in self.values if v is not None})
        empty = or_(column.is_(None), column == "")
        if None in self.values:
            # NULL NOT IN (...) is NULL, so the NULLs need no further exclusion.
            return and_(~empty, column.not_in(names)) if names else ~empty
        if not names:
            return true()
        return or_(empty, column.not_in(names))

    def describe(self) -> str:
        shown = ", ".join(v if v is not None else "(empty)" for v in self.values)
        return f"{self.column} not in ({shown})"


def _value_bars(conn: Connection, column_name: str, limit: int) -> list[Bar]:
    """Bars of the ``limit`` most frequent values of a column, plus "Other"."""
    column = getattr(Hardware, column_name)
    value = func.nullif(column, "")
    count = func.count(literal_column("*"))
    rows = conn.execute(
        select(value, count).where(machines_only()).group_by(value).order_by(count.desc(), value)
    ).all()
    bars = [
        Bar(name if name is not None else UNKNOWN_LABEL, int(n), FieldFilter(column_name, name))
        for name, n in rows[:limit]
    ]
    rest = sum(int(n) for _, n in rows[limit:])
    if rest:
        shown = tuple(name for name, _ in rows[:limit])
        bars.append(Bar(OTHER_LABEL, rest, OtherValuesFilter(column_name, shown)))
    return bars


def os_bars(conn: Connection, limit: int = 12) -> list[Bar]:
    """Machines per operating system (``hardware.OSNAME``), biggest first."""
    return _value_bars(conn, "OSNAME", limit)


def agent_bars(conn: Connection, limit: int = 12) -> list[Bar]:
    """Machines per agent version (``hardware.USERAGENT``), biggest first."""
    return _value_bars(conn, "USERAGENT", limit)


#: (label, min_days, max_days) of the age chart; min None = never inventoried.
AGE_BUCKETS: tuple[tuple[str, int | None, int | None], ...] = (
    ("Last day", 0, 1),
    ("1–7 days", 1, 7),  # noqa: RUF001 (the en dash is meant)
    ("7–30 days", 7, 30),  # noqa: RUF001
    ("Older", 30, None),
    ("Never", None, None),
)


def age_bars(conn: Connection, now: dt.datetime | None = None) -> list[Bar]:
    """Machines by time since their last inventory; the buckets partition the fleet.

    Every bar's filter uses the same ``now`` as the count, so they agree.
    """
    now = now or dt.datetime.now().replace(microsecond=0)
    filters = [AgeFilter(low, high, now) for _, low, high in AGE_BUCKETS]
    sums: list[Any] = [func.sum(case((f.where(), 1), else_=0)) for f in filters]
    row = conn.execute(select(*sums).where(machines_only())).one()
    return [
        Bar(label, int(n or 0), filter_)
        for (label, _, _), n, filter_ in zip(AGE_BUCKETS, row, filters, strict=True)
    ]
