"""The dashboard's bar charts: the fleet by OS, age, agent, model, memory, disk, software.

Operating systems, inventory age, agent versions, manufacturers and models, memory
classes, free disk space, top software, deployment outcomes and inventories per day.

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

from ocs_desktop.fleet.filters import (
    DOWNLOAD_OUTCOMES,
    AgeFilter,
    BiosModelFilter,
    DownloadOutcomeFilter,
    FieldFilter,
    FreeDiskFilter,
    InventoryDayFilter,
    MachineFilter,
    MemoryFilter,
    OtherBiosModelsFilter,
    download_outcome,
    machines_only,
    measured_drive,
)
from ocs_desktop.fleet.software_catalog import SoftwareFilter, SoftwareQuery, fetch_software
from ocs_desktop.models import Bios, Device, Drive, Hardware

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


def model_bars(conn: Connection, limit: int = 10) -> list[Bar]:
    """Machines per manufacturer and model (``bios``), biggest first, the rest as "Other"."""
    manufacturer = func.nullif(Bios.SMANUFACTURER, "")
    model = func.nullif(Bios.SMODEL, "")
    count = func.count(literal_column("*"))
    rows = conn.execute(
        select(manufacturer, model, count)
        .select_from(Hardware)
        .outerjoin(Bios, Bios.HARDWARE_ID == Hardware.ID)
        .where(machines_only())
        .group_by(manufacturer, model)
        .order_by(count.desc(), manufacturer, model)
    ).all()
    bars = []
    for maker, name, n in rows[:limit]:
        label = " ".join(part for part in (maker, name) if part) or UNKNOWN_LABEL
        bars.append(Bar(label, int(n), BiosModelFilter(maker, name)))
    rest = sum(int(n) for _, _, n in rows[limit:])
    if rest:
        shown = tuple((maker, name) for maker, name, _ in rows[:limit])
        bars.append(Bar(OTHER_LABEL, rest, OtherBiosModelsFilter(shown)))
    return bars


#: (label, min_mib, max_mib) of the memory chart; both None = unknown.
MEMORY_BUCKETS: tuple[tuple[str, int | None, int | None], ...] = (
    ("< 4 GiB", 0, 4096),
    ("4–8 GiB", 4096, 8192),  # noqa: RUF001 (the en dash is meant)
    ("8–16 GiB", 8192, 16384),  # noqa: RUF001
    ("16–32 GiB", 16384, 32768),  # noqa: RUF001
    ("≥ 32 GiB", 32768, None),
    (UNKNOWN_LABEL, None, None),
)

#: (label, min_percent, max_percent) of free space on the fullest drive; None = no drive.
DISK_BUCKETS: tuple[tuple[str, int | None, int | None], ...] = (
    ("< 10 % free", 0, 10),
    ("10–20 % free", 10, 20),  # noqa: RUF001
    ("≥ 20 % free", 20, None),
    ("No drive data", None, None),
)


def _bucket_bars(conn: Connection, labelled: list[tuple[str, MachineFilter]]) -> list[Bar]:
    """One bar per (label, filter), counted by one CASE sum each over the machines."""
    sums: list[Any] = [func.sum(case((f.where(), 1), else_=0)) for _, f in labelled]
    row = conn.execute(select(*sums).where(machines_only())).one()
    return [Bar(label, int(n or 0), f) for (label, f), n in zip(labelled, row, strict=True)]


def memory_bars(conn: Connection) -> list[Bar]:
    """Machines by memory class (hardware.MEMORY, MiB); the classes partition the fleet."""
    return _bucket_bars(
        conn, [(label, MemoryFilter(low, high)) for label, low, high in MEMORY_BUCKETS]
    )


def disk_bars(conn: Connection) -> list[Bar]:
    """Machines by the free share of their fullest drive; the buckets partition the fleet.

    Counted per machine from its fullest drive in one pass over ``drives``; each bar's
    :class:`FreeDiskFilter` selects the same machines.
    """
    drive = Drive.__table__.c
    worst = (
        select(
            drive.HARDWARE_ID.label("hid"),
            func.min(
                case(
                    (Drive.FREE * 100 < Drive.TOTAL * 10, 0),
                    (Drive.FREE * 100 < Drive.TOTAL * 20, 1),
                    else_=2,
                )
            ).label("worst"),
        )
        .where(measured_drive())
        .group_by(drive.HARDWARE_ID)
        .subquery()
    )
    bucket = func.coalesce(worst.c.worst, 3)
    rows: dict[Any, Any] = dict(
        conn.execute(
            select(bucket, func.count())
            .select_from(Hardware)
            .outerjoin(worst, worst.c.hid == Hardware.ID)
            .where(machines_only())
            .group_by(bucket)
        ).all()
    )
    return [
        Bar(label, int(rows.get(index, 0)), FreeDiskFilter(low, high))
        for index, (label, low, high) in enumerate(DISK_BUCKETS)
    ]


def software_bars(conn: Connection, limit: int = 10) -> list[Bar]:
    """The ``limit`` software with the most installs (all versions added up).

    Read from the maintained summary (:mod:`software_catalog`), so it costs one GROUP BY
    over the summary whatever the size of ``software``. A bar counts installs (``software``
    rows); its :class:`SoftwareFilter` lists the machines that have it, the same number
    unless a machine lists the package twice. Counting distinct machines per name instead
    took over 17 s at 20,000 machines on MariaDB.
    """
    query = SoftwareQuery(sort_key="installs", descending=True, rollup=True)
    return [
        Bar(entry.name, entry.installs, SoftwareFilter.of(entry))
        for entry in fetch_software(conn, query, 0, limit)
    ]


#: Labels of the deployment outcomes (views translate them), by category.
OUTCOME_LABELS = {
    "waiting": "Waiting",
    "notified": "Notified",
    "success": "Success",
    "error": "Error",
}


def outcome_bars(conn: Connection) -> list[Bar]:
    """Machines with a package in each deployment outcome (a machine may be in several).

    One row per machine of ``devices`` alone, with a 0/1 flag per outcome, then the sum of
    each flag: grouped by machine, MariaDB reads the (NAME, HARDWARE_ID, TVALUE) console
    index in order, with no temporary table of distinct (machine, outcome) pairs (250,000
    DOWNLOAD rows at 100,000 machines: 0.25-0.4 s that way). No join with ``hardware``;
    the group pseudo-machines' rows are left out by their few IDs. Rows a deleted machine
    left behind would be counted but not listed; the console's and the server's deletions
    remove them.
    """
    named = [download_outcome(name) for name in DOWNLOAD_OUTCOMES[:-1]]
    flags = [
        func.max(case((condition, 1), else_=0)).label(name)
        for name, condition in zip(DOWNLOAD_OUTCOMES[:-1], named, strict=True)
    ]
    flags.append(func.max(case((or_(*named), 0), else_=1)).label(DOWNLOAD_OUTCOMES[-1]))
    groups = select(Hardware.ID).where(~machines_only())
    per_machine = (
        select(Device.HARDWARE_ID, *flags)
        .where(Device.NAME == "DOWNLOAD", Device.HARDWARE_ID.not_in(groups))
        .group_by(Device.HARDWARE_ID)
        .subquery()
    )
    sums = conn.execute(
        select(*(func.sum(per_machine.c[name]) for name in DOWNLOAD_OUTCOMES))
    ).one()
    return [
        Bar(OUTCOME_LABELS[name], int(total or 0), DownloadOutcomeFilter(name))
        for name, total in zip(DOWNLOAD_OUTCOMES, sums, strict=True)
    ]


#: Days shown by the inventories-per-day chart.
DAYS = 30


def day_bars(conn: Connection, today: dt.date | None = None, days: int = DAYS) -> list[Bar]:
    """Machines by the day of their last inventory, over the last ``days`` days, oldest first.

    Labels are ISO dates (views format them in the locale).
    """
    today = today or dt.date.today()
    first = today - dt.timedelta(days=days - 1)
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())
    day = func.date(Hardware.LASTDATE)
    rows = conn.execute(
        select(day, func.count())
        .where(machines_only(), Hardware.LASTDATE >= start, Hardware.LASTDATE < end)
        .group_by(day)
    ).all()
    per_day = {_as_date(value): int(n) for value, n in rows}
    bars = []
    for offset in range(days):
        date = first + dt.timedelta(days=offset)
        bars.append(Bar(date.isoformat(), per_day.get(date, 0), InventoryDayFilter(date)))
    return bars


def _as_date(value: Any) -> dt.date:
    """DATE() gives a date on MariaDB and an ISO string on SQLite."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def fleet_size(conn: Connection) -> int:
    """Machines in the fleet: the denominator of every bar's share."""
    return int(
        conn.execute(select(func.count()).select_from(Hardware).where(machines_only())).scalar_one()
    )
