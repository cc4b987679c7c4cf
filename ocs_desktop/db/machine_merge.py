"""Merging duplicate machines into one: the executor shared by the Ingestor's automatic
merge (PROTOCOL.md 5.1) and the console's manual merge (5.2).

Both decide the same things differently: which machine survives, and from which machine
the survivor takes its admin data. A :class:`MergeSpec` holds those decisions; this
module carries them out in the caller's transaction, in an order that loses nothing that
is meant to survive: the survivor's ``hardware`` row first, then each family of admin
rows moved (``accountinfo`` and ``devices`` replace the survivor's own, static group
memberships and comments are added, redistribution-server rows and IP discovery results
are re-pointed), ``deleted_equiv`` when traced, and only then every remaining row of the
merged machines deleted, as a console deletion does (:mod:`machine_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import Connection, delete, insert, inspect, select, update

from ocs_desktop.db.machine_rows import GROUP_DEVICEIDS, delete_machine_rows
from ocs_desktop.models import Base, DeletedEquiv, Hardware

TABLES = Base.metadata.tables

#: Static memberships (1 include, 2 exclude); 0 is a dynamic one, recomputed from the
#: group's query and so dropped with the merged machine.
STATIC_MEMBERSHIPS = (1, 2)
_SYSTEM_USER = re.compile(r"^\s*(system|localsystem)?\s*$", re.IGNORECASE)


class MergeConflict(Exception):
    """The machines are not (or no longer) all there, or one of them is a group."""


@dataclass(frozen=True)
class MergeSpec:
    """What a merge keeps: every id here is the survivor or one of ``merged``."""

    survivor: int
    merged: tuple[int, ...]
    #: The machine whose ``accountinfo`` row (TAG, admin fields) the survivor keeps.
    accountinfo_from: int
    #: The machine whose ``devices`` rows (settings, package statuses, IP discovery
    #: election) the survivor keeps.
    devices_from: int
    #: Machines whose static group memberships are added to the survivor's.
    groups_from: tuple[int, ...]
    #: Machines whose ``itmgmt_comments`` are added to the survivor's.
    comments_from: tuple[int, ...]
    #: The machine whose QUALITY and FIDELITY the survivor takes.
    quality_from: int
    #: The machine whose USERID the survivor takes when its own is empty or SYSTEM.
    userid_from: int | None = None

    def __post_init__(self) -> None:
        # A source outside the merge would take a bystander's rows: refuse it outright.
        involved = {self.survivor, *self.merged}
        sources = {self.accountinfo_from, self.devices_from, self.quality_from}
        sources |= {*self.groups_from, *self.comments_from}
        if self.userid_from is not None:
            sources.add(self.userid_from)
        outside = sorted(sources - involved)
        if outside:
            raise ValueError(f"machines {outside} are sources but not part of the merge")


@dataclass(frozen=True)
class MergeOutcome:
    """What a merge did: the rows each family moved, and the machines deleted."""

    survivor: int
    deleted: tuple[int, ...]
    moved: dict[str, int] = field(default_factory=dict)


def _ids(spec: MergeSpec) -> list[int]:
    return sorted({spec.survivor, *spec.merged})


class Locked(NamedTuple):
    """What a merge reads of each machine's ``hardware`` row."""

    deviceid: str
    checksum: int | None
    quality: Decimal | None
    fidelity: int | None
    userid: str | None


def lock_machines(conn: Connection, ids: Sequence[int]) -> dict[int, Locked]:
    """The machines' ``hardware`` rows by id, locked for the transaction;
    :class:`MergeConflict` if one is missing or a group."""
    wanted = sorted(set(ids))
    rows = conn.execute(
        select(
            Hardware.ID,
            Hardware.DEVICEID,
            Hardware.CHECKSUM,
            Hardware.QUALITY,
            Hardware.FIDELITY,
            Hardware.USERID,
        )
        .where(Hardware.ID.in_(wanted))
        .order_by(Hardware.ID)
        .with_for_update()
    ).all()
    found = {
        int(row.ID): Locked(row.DEVICEID, row.CHECKSUM, row.QUALITY, row.FIDELITY, row.USERID)
        for row in rows
    }
    missing = [i for i in wanted if i not in found]
    if missing:
        raise MergeConflict(f"machines {missing} no longer exist")
    groups = [i for i, row in found.items() if row.deviceid in GROUP_DEVICEIDS]
    if groups:
        raise MergeConflict(f"IDs {groups} are groups, not machines")
    return found


def execute_merge(conn: Connection, spec: MergeSpec, *, trace_deleted: bool) -> MergeOutcome:
    """Carry out ``spec`` in the caller's transaction (see the module's docstring).

    ``trace_deleted`` (``config.TRACE_DELETED``) writes one ``deleted_equiv`` row per
    merged machine: its DEVICEID and the survivor's, as GLPI reads them.
    """
    merged = tuple(sorted(set(spec.merged) - {spec.survivor}))
    if not merged:
        return MergeOutcome(spec.survivor, ())
    rows = lock_machines(conn, _ids(spec))
    moved: dict[str, int] = {}
    _update_survivor(conn, spec, rows)
    survivor = spec.survivor
    moved["accountinfo"] = _replace(conn, "accountinfo", survivor, spec.accountinfo_from)
    moved["devices"] = _replace(conn, "devices", survivor, spec.devices_from)
    moved["groups_cache"] = _add_static_groups(conn, survivor, spec.groups_from)
    moved["itmgmt_comments"] = _repoint(
        conn, "itmgmt_comments", "HARDWARE_ID", spec.comments_from, survivor
    )
    moved["download_servers"] = _move_download_server(conn, survivor, merged)
    moved["download_enable"] = _repoint(conn, "download_enable", "SERVER_ID", merged, survivor)
    if "HARDWARE_ID" in {c["name"].upper() for c in inspect(conn).get_columns("netmap")}:
        # IP discovery results are the network's, not the scanner's inventory: keep them.
        moved["netmap"] = _repoint(conn, "netmap", "HARDWARE_ID", merged, survivor)
    if trace_deleted:
        equivalent = rows[spec.survivor].deviceid
        conn.execute(
            insert(DeletedEquiv),
            [{"DELETED": rows[i].deviceid, "EQUIVALENT": equivalent} for i in merged],
        )
    delete_machine_rows(conn, merged)
    return MergeOutcome(spec.survivor, merged, moved)


def _update_survivor(conn: Connection, spec: MergeSpec, rows: dict[int, Locked]) -> None:
    """QUALITY and FIDELITY from their source, every CHECKSUM OR-ed (each machine's sections
    may need rewriting), USERID from its source when the survivor has no real user."""
    checksum = 0
    for row in rows.values():
        checksum |= int(row.checksum or 0)
    source = rows[spec.quality_from]
    values: dict[str, object] = {
        "CHECKSUM": checksum,
        "QUALITY": source.quality,
        "FIDELITY": source.fidelity,
    }
    if spec.userid_from is not None and _SYSTEM_USER.match(rows[spec.survivor].userid or ""):
        values["USERID"] = rows[spec.userid_from].userid
    conn.execute(update(Hardware).where(Hardware.ID == spec.survivor).values(**values))


def _replace(conn: Connection, name: str, survivor: int, source: int) -> int:
    """The survivor's rows of a one-owner family become ``source``'s; returns rows moved."""
    if source == survivor:
        return 0
    table = TABLES[name]
    conn.execute(delete(table).where(table.c.HARDWARE_ID == survivor))
    result = conn.execute(
        update(table).where(table.c.HARDWARE_ID == source).values(HARDWARE_ID=survivor)
    )
    return int(result.rowcount)


def _repoint(
    conn: Connection, name: str, column: str, sources: Sequence[int], survivor: int
) -> int:
    """Rows of table ``name`` whose ``column`` is one of ``sources`` now point at the
    survivor."""
    others = sorted(set(sources) - {survivor})
    if not others:
        return 0
    table = TABLES[name]
    result = conn.execute(
        update(table).where(table.c[column].in_(others)).values({column: survivor})
    )
    return int(result.rowcount)


def _add_static_groups(conn: Connection, survivor: int, sources: Sequence[int]) -> int:
    """Static memberships of ``sources`` added to the survivor's. Where the survivor is
    already in the group statically, its own decision stands; a dynamic membership gives
    way to the static one."""
    table = TABLES["groups_cache"]
    own = dict(
        conn.execute(
            select(table.c.GROUP_ID, table.c.STATIC).where(table.c.HARDWARE_ID == survivor)
        ).all()
    )
    wanted: dict[int, int] = {}
    for source in sources:
        if source == survivor:
            continue
        rows = conn.execute(
            select(table.c.GROUP_ID, table.c.STATIC)
            .where(table.c.HARDWARE_ID == source, table.c.STATIC.in_(STATIC_MEMBERSHIPS))
            .order_by(table.c.GROUP_ID)
        ).all()
        for group_id, static in rows:
            if own.get(group_id) not in STATIC_MEMBERSHIPS and group_id not in wanted:
                wanted[group_id] = static
    if not wanted:
        return 0
    conn.execute(
        delete(table).where(table.c.HARDWARE_ID == survivor, table.c.GROUP_ID.in_(sorted(wanted)))
    )
    conn.execute(
        insert(table),
        [
            {"HARDWARE_ID": survivor, "GROUP_ID": group_id, "STATIC": static}
            for group_id, static in sorted(wanted.items())
        ],
    )
    return len(wanted)


def _move_download_server(conn: Connection, survivor: int, merged: Sequence[int]) -> int:
    """A merged machine's redistribution-server row (one per machine) becomes the
    survivor's, unless the survivor has its own."""
    table = TABLES["download_servers"]
    owners = set(
        conn.execute(
            select(table.c.HARDWARE_ID).where(table.c.HARDWARE_ID.in_([survivor, *merged]))
        ).scalars()
    )
    if survivor in owners or not owners:
        return 0
    source = min(owners)
    conn.execute(update(table).where(table.c.HARDWARE_ID == source).values(HARDWARE_ID=survivor))
    return 1
