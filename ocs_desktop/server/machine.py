"""The per-request view of one machine: its ``hardware`` row, groups and ``devices`` params.

This is the reference's request context (PROTOCOL 1.5): what PROLOG and the option writers
decide from. A group is a machine's when ``groups_cache`` lists it with STATIC 0 (dynamic)
or 1 (static include); STATIC 2 is an exclusion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, select

from ocs_desktop.models import Base

HARDWARE = Base.metadata.tables["hardware"]
DEVICES = Base.metadata.tables["devices"]
GROUPS_CACHE = Base.metadata.tables["groups_cache"]


@dataclass(frozen=True, slots=True)
class Param:
    """One ``devices`` row's values."""

    ivalue: int | None
    tvalue: str | None


Params = dict[str, Param]


@dataclass(frozen=True)
class Machine:
    """A known machine as PROLOG sees it."""

    id: int
    lastcome: dt.datetime | None
    lastdate: dt.datetime | None
    quality: float
    fidelity: int
    groups: tuple[int, ...] = ()
    params: Params = field(default_factory=dict)
    group_params: dict[int, Params] = field(default_factory=dict)

    def group_ivalues(self, name: str) -> list[int]:
        """The IVALUEs the machine's groups set for ``name`` (NULLs left out)."""
        values = []
        for params in self.group_params.values():
            param = params.get(name)
            if param is not None and param.ivalue is not None:
                values.append(param.ivalue)
        return values

    def ivalue(self, name: str) -> int | None:
        param = self.params.get(name)
        return param.ivalue if param is not None else None


def find_hardware_id(conn: Connection, deviceid: str) -> int | None:
    """The newest ``hardware.ID`` with this DEVICEID (the column is not unique)."""
    found = conn.execute(
        select(HARDWARE.c.ID)
        .where(HARDWARE.c.DEVICEID == deviceid)
        .order_by(HARDWARE.c.ID.desc())
        .limit(1)
    ).scalar()
    return int(found) if found is not None else None


def load_params(conn: Connection, hardware_ids: list[int]) -> dict[int, Params]:
    """``devices`` rows by machine or group id, first row per NAME (DOWNLOAD rows left out:
    one per package, read by the download option itself)."""
    result: dict[int, Params] = {hid: {} for hid in hardware_ids}
    if not hardware_ids:
        return result
    rows = conn.execute(
        select(DEVICES.c.HARDWARE_ID, DEVICES.c.NAME, DEVICES.c.IVALUE, DEVICES.c.TVALUE)
        .where(DEVICES.c.HARDWARE_ID.in_(hardware_ids), DEVICES.c.NAME != "DOWNLOAD")
        .order_by(DEVICES.c.ID)
    )
    for hid, name, ivalue, tvalue in rows:
        result[hid].setdefault(name, Param(ivalue, tvalue))
    return result


#: Built once: building a statement costs as much CPU as running it.
_MACHINE = (
    select(
        HARDWARE.c.ID,
        HARDWARE.c.LASTCOME,
        HARDWARE.c.LASTDATE,
        HARDWARE.c.QUALITY,
        HARDWARE.c.FIDELITY,
    )
    .where(HARDWARE.c.DEVICEID == bindparam("deviceid"))
    .order_by(HARDWARE.c.ID.desc())
    .limit(1)
)


def load_machine(conn: Connection, deviceid: str, *, groups_enabled: bool = True) -> Machine | None:
    """The machine with this DEVICEID, or None for a new one."""
    row = conn.execute(_MACHINE, {"deviceid": deviceid}).first()
    if row is None:
        return None
    groups: tuple[int, ...] = ()
    if groups_enabled:
        groups = tuple(
            conn.execute(
                select(GROUPS_CACHE.c.GROUP_ID)
                .where(GROUPS_CACHE.c.HARDWARE_ID == row.ID, GROUPS_CACHE.c.STATIC.in_((0, 1)))
                .order_by(GROUPS_CACHE.c.GROUP_ID)
            ).scalars()
        )
    params = load_params(conn, [row.ID, *groups])
    return Machine(
        id=int(row.ID),
        lastcome=row.LASTCOME,
        lastdate=row.LASTDATE,
        quality=float(row.QUALITY or 0),
        fidelity=int(row.FIDELITY or 0),
        groups=groups,
        params=params[row.ID],
        group_params={gid: params[gid] for gid in groups},
    )
