"""Assigning an activated package to machines and groups, as the OCS console does.

PROTOCOL 3.4 step 3: for each target (a machine, or a group's pseudo-``hardware`` row)
any earlier row is deleted, then ``devices(NAME='DOWNLOAD', IVALUE=download_enable.ID,
TVALUE=NULL)`` is written, with the optional ``DOWNLOAD_FORCE`` / ``DOWNLOAD_SCHEDULE`` /
``DOWNLOAD_POSTCMD`` rows on the same IVALUE. The communication server then moves NULL to
NOTIFIED and the agent reports its status (PROTOCOL 1.6, 1.9); a group's members get
their own row on their next prolog (``DOWNLOAD_GROUPS_TRACE_EVENTS``).

Every function works inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, and_, delete, insert, or_, select, update

from ocs_desktop.models import Device, Group, GroupCache, Hardware
from ocs_desktop.packager.activation import activation_ids, latest_activation

#: The four ``devices`` NAMEs one assignment consists of.
ASSIGNMENT_NAMES = ("DOWNLOAD", "DOWNLOAD_FORCE", "DOWNLOAD_SCHEDULE", "DOWNLOAD_POSTCMD")
POSTCMDS = ("REBOOT", "SHUTDOWN")
SYSTEM_GROUP = "_SYSTEMGROUP_"
_SCHEDULE = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}$")


class AssignmentError(Exception):
    """The assignment cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class Targets:
    """Machines and groups, by ``hardware.ID``."""

    machine_ids: tuple[int, ...] = ()
    group_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Assignment:
    """What ``assign`` wrote."""

    fileid: str
    enable_id: int
    machine_ids: tuple[int, ...]
    group_ids: tuple[int, ...]


def schedule_text(schedule: str | dt.datetime) -> str:
    """A DOWNLOAD_SCHEDULE value, ``YYYY/MM/DD HH:MM``, from a datetime or such a string."""
    if isinstance(schedule, dt.datetime):
        return schedule.strftime("%Y/%m/%d %H:%M")
    text = schedule.strip()
    if not _SCHEDULE.match(text):
        raise AssignmentError(f"schedule {schedule!r} is not of the form YYYY/MM/DD HH:MM")
    try:
        dt.datetime.strptime(text, "%Y/%m/%d %H:%M")
    except ValueError:
        raise AssignmentError(f"schedule {schedule!r} is not a real date and time") from None
    return text


def assign(
    conn: Connection,
    fileid: str,
    machine_ids: Iterable[int] = (),
    group_ids: Iterable[int] = (),
    *,
    force: bool = False,
    schedule: str | dt.datetime | None = None,
    postcmd: str | None = None,
    enable_id: int | None = None,
) -> Assignment:
    """Assign package ``fileid`` to machines and groups (re-assigning resets their status).

    ``enable_id`` picks one activation of the package; by default its newest one that
    is not a redistribution server's.
    """
    machines, groups = _unique(machine_ids), _unique(group_ids)
    if not machines and not groups:
        raise AssignmentError("no machine and no group to assign the package to")
    extras: list[tuple[str, str]] = []
    if force:
        extras.append(("DOWNLOAD_FORCE", "1"))
    if schedule is not None:
        extras.append(("DOWNLOAD_SCHEDULE", schedule_text(schedule)))
    if postcmd is not None:
        command = postcmd.strip().upper()
        if command not in POSTCMDS:
            raise AssignmentError(f"post-command {postcmd!r} is none of {', '.join(POSTCMDS)}")
        extras.append(("DOWNLOAD_POSTCMD", command))
    enable = _activation(conn, fileid, enable_id)
    _check_kind(conn, machines, groups)
    targets = [*machines, *groups]
    _delete_rows(conn, activation_ids(conn, fileid), targets)
    rows = [{"NAME": "DOWNLOAD", "TVALUE": None}]
    rows += [{"NAME": name, "TVALUE": value} for name, value in extras]
    conn.execute(
        insert(Device),
        [
            {"HARDWARE_ID": hid, "IVALUE": enable, "COMMENTS": None, **row}
            for hid in targets
            for row in rows
        ],
    )
    return Assignment(fileid, enable, machines, groups)


def unassign(
    conn: Connection,
    fileid: str,
    machine_ids: Iterable[int] = (),
    group_ids: Iterable[int] = (),
    *,
    pending_members: bool = True,
) -> int:
    """Remove the assignment rows of ``fileid`` from machines and groups; rows deleted.

    With ``pending_members``, a group's members lose their own rows for the package too
    while these are still waiting or notified: the server wrote them on the group's
    behalf, and left there they would keep the package coming. Finished statuses stay.
    """
    machines, groups = _unique(machine_ids), _unique(group_ids)
    enables = activation_ids(conn, fileid)
    if not enables:
        return 0
    removed = _delete_rows(conn, enables, [*machines, *groups])
    if groups and pending_members:
        members = select(GroupCache.HARDWARE_ID).where(
            GroupCache.GROUP_ID.in_(groups), GroupCache.STATIC.in_((0, 1))
        )
        pending = select(Device.HARDWARE_ID, Device.IVALUE).where(
            Device.NAME == "DOWNLOAD",
            Device.IVALUE.in_(enables),
            Device.HARDWARE_ID.in_(members),
            or_(Device.TVALUE.is_(None), Device.TVALUE == "NOTIFIED"),
        )
        for hardware_id, ivalue in conn.execute(pending).all():
            if ivalue is not None:
                removed += _delete_rows(conn, [ivalue], [hardware_id])
    return removed


def retry_failed(conn: Connection, fileid: str) -> int:
    """Put machines whose deployment of ``fileid`` failed back to waiting; how many.

    Failed means an ``ERR_*`` status or a non-zero ``EXIT_CODE_*``. The next prolog sends
    the package again; the agent only keeps successes in its history, so it retries.
    """
    enables = activation_ids(conn, fileid)
    if not enables:
        return 0
    changed = conn.execute(
        update(Device)
        .where(
            Device.NAME == "DOWNLOAD",
            Device.IVALUE.in_(enables),
            or_(
                Device.TVALUE.like("ERR\\_%", escape="\\"),
                and_(
                    Device.TVALUE.like("EXIT\\_CODE\\_%", escape="\\"),
                    Device.TVALUE != "EXIT_CODE_0",
                ),
            ),
        )
        .values(TVALUE=None, COMMENTS=f"retry asked {time.ctime()}")
    )
    return int(changed.rowcount or 0)


def resolve_targets(
    conn: Connection,
    names: Iterable[str],
    kind: Literal["machine", "group", "any"] = "any",
) -> Targets:
    """Machines and groups by NAME (``#<ID>`` names a ``hardware.ID`` directly).

    A name must designate exactly one machine or group of the asked kind; an unknown or
    ambiguous one (two machines called the same) is an error listing what matched.
    """
    machines: list[int] = []
    groups: list[int] = []
    problems: list[str] = []
    for name in names:
        found = _lookup(conn, name.strip(), kind)
        if not found:
            problems.append(f"no {'machine or group' if kind == 'any' else kind} named {name!r}")
        elif len(found) > 1:
            ids = ", ".join(f"#{hid}" for hid, _ in found)
            problems.append(f"{name!r} names {len(found)} machines or groups ({ids}); use #ID")
        else:
            hid, is_group = found[0]
            (groups if is_group else machines).append(hid)
    if problems:
        raise AssignmentError("; ".join(problems))
    return Targets(_unique(machines), _unique(groups))


def _lookup(conn: Connection, name: str, kind: str) -> list[tuple[int, bool]]:
    query = select(Hardware.ID, Hardware.DEVICEID)
    if name.startswith("#") and name[1:].isdigit():
        query = query.where(Hardware.ID == int(name[1:]))
    else:
        query = query.where(Hardware.NAME == name)
    if kind == "machine":
        query = query.where(Hardware.DEVICEID != SYSTEM_GROUP)
    elif kind == "group":
        query = query.where(Hardware.DEVICEID == SYSTEM_GROUP)
    found = []
    for hid, deviceid in conn.execute(query.order_by(Hardware.ID)).all():
        if deviceid == SYSTEM_GROUP:
            found.append((int(hid), True))
        elif not deviceid.startswith("_"):  # _DOWNLOADGROUP_ and the like are no targets
            found.append((int(hid), False))
    return found


def _activation(conn: Connection, fileid: str, enable_id: int | None) -> int:
    if enable_id is None:
        found = latest_activation(conn, fileid)
        if found is None:
            raise AssignmentError(f"package {fileid} is not activated; activate it first")
        return found
    if enable_id not in activation_ids(conn, fileid):
        raise AssignmentError(f"activation {enable_id} is not one of package {fileid}")
    return enable_id


def _check_kind(conn: Connection, machines: Sequence[int], groups: Sequence[int]) -> None:
    """Machines must be machines and groups groups, or a row would point at nothing."""
    if machines:
        rows = conn.execute(
            select(Hardware.ID, Hardware.DEVICEID).where(Hardware.ID.in_(machines))
        ).all()
        real = {hid for hid, deviceid in rows if not deviceid.startswith("_")}
        missing = [hid for hid in machines if hid not in real]
        if missing:
            raise AssignmentError(f"not machines: {', '.join(map(str, missing))}")
    if groups:
        found = set(
            conn.execute(
                select(Hardware.ID)
                .join(Group, Group.HARDWARE_ID == Hardware.ID)
                .where(Hardware.ID.in_(groups), Hardware.DEVICEID == SYSTEM_GROUP)
            ).scalars()
        )
        missing = [gid for gid in groups if gid not in found]
        if missing:
            raise AssignmentError(f"not groups: {', '.join(map(str, missing))}")


def _delete_rows(conn: Connection, enables: Sequence[int], hardware_ids: Sequence[int]) -> int:
    if not enables or not hardware_ids:
        return 0
    deleted = conn.execute(
        delete(Device).where(
            Device.HARDWARE_ID.in_(hardware_ids),
            Device.NAME.in_(ASSIGNMENT_NAMES),
            Device.IVALUE.in_(enables),
        )
    )
    return int(deleted.rowcount or 0)


def _unique(ids: Iterable[int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(int(i) for i in ids))
