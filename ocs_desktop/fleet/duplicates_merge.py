"""Merging a selection of duplicates by hand (PROTOCOL.md 5.2): a plan, then that plan.

:func:`plan_merge` decides, and says before anything is written, what survives and what
goes: the machine heard from last survives; ``devices`` (settings, package statuses, IP
discovery election), static group memberships, QUALITY and FIDELITY come from the oldest;
``accountinfo`` (TAG, admin fields) from the machine whose admin fields are filled in
(the most of them; else the oldest). Unlike the OCS console, which keeps the comments of
one machine only, every machine's comments are kept: an operator's note is never lost
to a merge. :func:`merge` carries out exactly a plan, in one transaction: it refuses
(:class:`StalePlan`) when the machines changed since it was made, writes the FUSION entry
of the OCS console's log (``history``) and, with TRACE_DELETED, ``deleted_equiv``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    column,
    func,
    insert,
    inspect,
    select,
    table,
)

from ocs_desktop.common.retry import writer_options
from ocs_desktop.db.machine_merge import STATIC_MEMBERSHIPS, MergeOutcome, MergeSpec, execute_merge
from ocs_desktop.db.machine_rows import GROUP_DEVICEIDS, machine_tables
from ocs_desktop.db.named_locks import acquire, device_lock_name, release
from ocs_desktop.db.options import load_options
from ocs_desktop.models import Base, Hardware, History

log = logging.getLogger(__name__)

TABLES = Base.metadata.tables
#: The OCS console's log action for a merge.
FUSION = "FUSION"


class StalePlan(Exception):
    """The machines changed since the plan was made: plan again and confirm again."""


@dataclass(frozen=True)
class PlanMachine:
    """A machine of the selection as the plan shows it."""

    id: int
    name: str | None
    deviceid: str
    last_contact: dt.datetime | None
    tag: str | None
    #: How many admin fields (``fields_N``) are filled in.
    admin_fields: int


@dataclass(frozen=True)
class PlanRows:
    """``rows`` rows of ``table`` belonging to machine ``machine``."""

    table: str
    machine: int
    rows: int


@dataclass(frozen=True)
class MergePlan:
    """What :func:`merge` will do: ``keep`` the survivor ends with, ``delete`` what goes."""

    survivor: PlanMachine
    merged: tuple[PlanMachine, ...]
    spec: MergeSpec
    #: Admin rows the survivor will have, by the machine they come from.
    keep: tuple[PlanRows, ...]
    #: Rows deleted: the merged machines' (``hardware`` and inventory included) and the
    #: survivor's own admin rows the moved ones replace.
    delete: tuple[PlanRows, ...]
    trace_deleted: bool

    @property
    def oldest(self) -> int:
        return self.spec.devices_from


def plan_merge(conn: Connection, ids: Iterable[int]) -> MergePlan:
    """The plan for merging these machines. ``ValueError`` for fewer than two machines or
    a group among them, ``LookupError`` for an unknown id."""
    wanted = sorted({int(i) for i in ids})
    if len(wanted) < 2:
        raise ValueError("a merge needs at least two machines")
    machines = _machines(conn, wanted)
    # Oldest first: never heard from before everything, then by last contact, then by ID.
    by_age = sorted(machines.values(), key=_age)
    oldest, survivor = by_age[0], by_age[-1]
    admin = max(by_age, key=lambda m: (m.admin_fields, -by_age.index(m)))
    admin_from = admin.id if admin.admin_fields else oldest.id
    merged = tuple(m.id for m in by_age if m.id != survivor.id)
    spec = MergeSpec(
        survivor=survivor.id,
        merged=tuple(sorted(merged)),
        accountinfo_from=admin_from,
        devices_from=oldest.id,
        groups_from=(oldest.id,),
        comments_from=tuple(sorted(merged)),
        quality_from=oldest.id,
    )
    keep, delete = _rows(conn, spec)
    return MergePlan(
        survivor=survivor,
        merged=tuple(machines[i] for i in spec.merged),
        spec=spec,
        keep=keep,
        delete=delete,
        trace_deleted=load_options(conn).enabled("TRACE_DELETED"),
    )


def merge(engine: Engine, plan: MergePlan, *, user: str | None = None) -> MergeOutcome:
    """Carry out ``plan`` in one transaction of its own (it holds the machines' locks
    until the commit, as the Ingestor does); ``StalePlan`` if they changed since."""
    with engine.connect() as conn:
        mysql = conn.dialect.name != "sqlite"
        conn.execution_options(**writer_options(engine))
        held: list[str] = []
        try:
            with conn.begin():
                if mysql:
                    names = {device_lock_name(m.deviceid) for m in (plan.survivor, *plan.merged)}
                    for name in sorted(names):
                        acquire(conn, name, held, "one of the machines to merge")
                fresh = plan_merge(conn, [plan.survivor.id, *(m.id for m in plan.merged)])
                if fresh != plan:
                    raise StalePlan("the machines changed since the merge was planned")
                outcome = execute_merge(conn, plan.spec, trace_deleted=fresh.trace_deleted)
                _log_fusion(conn, plan, user)
        finally:
            release(conn, held)
    log.info(
        "merged machines %s into %d (%s)", list(outcome.deleted), outcome.survivor, user or "-"
    )
    return outcome


def _age(machine: PlanMachine) -> tuple[dt.datetime, int]:
    return (machine.last_contact or dt.datetime.min, machine.id)


def _machines(conn: Connection, ids: list[int]) -> dict[int, PlanMachine]:
    fields = [
        c["name"]
        for c in inspect(conn).get_columns("accountinfo")
        if str(c["name"]).lower().startswith("fields_")
    ]
    live = table("accountinfo", column("HARDWARE_ID"), column("TAG"), *map(column, fields))
    admin = {
        int(row[0]): (row[1], sum(1 for value in row[2:] if str(value or "").strip()))
        for row in conn.execute(select(live).where(live.c.HARDWARE_ID.in_(ids)))
    }
    rows = conn.execute(
        select(Hardware.ID, Hardware.NAME, Hardware.DEVICEID, Hardware.LASTCOME).where(
            Hardware.ID.in_(ids)
        )
    ).all()
    found = {int(row.ID): row for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise LookupError(f"no machine with ID {', '.join(map(str, missing))}")
    groups = [i for i, row in found.items() if row.DEVICEID in GROUP_DEVICEIDS]
    if groups:
        raise ValueError(f"IDs {groups} are groups, not machines")
    return {
        i: PlanMachine(i, row.NAME, row.DEVICEID, row.LASTCOME, *admin.get(i, (None, 0)))
        for i, row in found.items()
    }


def _count(conn: Connection, name: str, machine: int, *where: ColumnElement[bool]) -> int:
    target = TABLES[name]
    query = select(func.count()).select_from(target).where(target.c.HARDWARE_ID == machine)
    return int(conn.execute(query.where(*where)).scalar_one())


def _rows(conn: Connection, spec: MergeSpec) -> tuple[tuple[PlanRows, ...], tuple[PlanRows, ...]]:
    """What the survivor keeps and what is deleted, counted now."""
    static = TABLES["groups_cache"].c.STATIC.in_(STATIC_MEMBERSHIPS)
    survivor = spec.survivor
    keep = [
        PlanRows(
            "accountinfo", spec.accountinfo_from, _count(conn, "accountinfo", spec.accountinfo_from)
        ),
        PlanRows("devices", spec.devices_from, _count(conn, "devices", spec.devices_from)),
    ]
    keep += [
        PlanRows("groups_cache", g, _count(conn, "groups_cache", g, static))
        for g in spec.groups_from
    ]
    keep += [
        PlanRows("itmgmt_comments", m, _count(conn, "itmgmt_comments", m))
        for m in (survivor, *spec.comments_from)
    ]
    delete: list[PlanRows] = []
    for name, source in (("accountinfo", spec.accountinfo_from), ("devices", spec.devices_from)):
        if source != survivor:
            delete.append(PlanRows(name, survivor, _count(conn, name, survivor)))
    moved = {
        ("accountinfo", spec.accountinfo_from),
        ("devices", spec.devices_from),
        *(("itmgmt_comments", m) for m in spec.comments_from),
    }
    tables = [t.name for t in machine_tables(conn)]
    for machine in spec.merged:
        delete.append(PlanRows("hardware", machine, 1))
        for name in tables:
            if (name, machine) in moved:
                continue
            where: list[ColumnElement[bool]] = (
                [~static] if name == "groups_cache" and machine in spec.groups_from else []
            )
            rows = _count(conn, name, machine, *where)
            if rows:
                delete.append(PlanRows(name, machine, rows))
    return (
        tuple(row for row in keep if row.rows),
        tuple(row for row in delete if row.rows),
    )


def _log_fusion(conn: Connection, plan: MergePlan, user: str | None) -> None:
    """The FUSION line of the OCS console's log, where this database has ``history``."""
    if not inspect(conn).has_table("history"):
        return
    target = f"{plan.survivor.deviceid} <- " + ", ".join(m.deviceid for m in plan.merged)
    conn.execute(
        insert(History).values(
            USER=(user or "ocs-desktop")[:255],
            DATETIME_ACTION=dt.datetime.now().replace(microsecond=0),
            ACTION=FUSION,
            TARGET=target[:255],
        )
    )
