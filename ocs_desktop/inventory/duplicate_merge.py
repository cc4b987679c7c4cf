"""Automatic duplicate merge on ingestion (PROTOCOL.md 5.1): the Ingestor's last word on
which machine an inventory belongs to.

A reinstalled agent sends a new DEVICEID, so its first inventory creates a second machine.
This writer, run in the inventory's transaction once the machine's sections are written,
finds the older machines that are the same one and merges them into it: the machine named
by OLD_DEVICEID always (also where the Windows agent misplaces it, which the parser reads),
and those matching every criterion of ``AUTO_DUPLICATE_LVL`` (hostname, serial, MAC,
model, UUID, asset tag; blacklisted serials and MACs never match). The new machine
survives and takes the admin data of the older ones (:mod:`ocs_desktop.db.machine_merge`).
It runs before the admin data writer, so the reply gives the agent back its TAG.

The blacklists are re-read with the options (``refresh``).

Concurrency: two agents of one machine racing through the same merge must leave one
machine. On MariaDB every inventory first takes a named lock on its identity (the value
of one criterion of the level, which any duplicate shares), before the DEVICEID lock, and
holds it to the commit; so duplicates are written one after the other and each sees the
one before. SQLite runs one writer at a time already.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Engine,
    Result,
    String,
    bindparam,
    exists,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute

from ocs_desktop.db.duplicate_identity import (
    Blacklists,
    Criterion,
    identity_key,
    level_criteria,
    load_blacklists,
)
from ocs_desktop.db.machine_merge import MergeSpec, execute_merge
from ocs_desktop.db.machine_rows import GROUP_DEVICEIDS
from ocs_desktop.db.named_locks import acquire, identity_lock_name
from ocs_desktop.db.options import Options
from ocs_desktop.inventory.writing import Machine, Prepared
from ocs_desktop.models import Bios, Hardware, Network
from ocs_desktop.protocol.document import Inventory

log = logging.getLogger(__name__)

#: The criterion a lock is taken on: the first of these the level has. Any two duplicates
#: share the value of every criterion of the level, so one suffices; single values first.
LOCK_ORDER = (
    Criterion.HOSTNAME,
    Criterion.UUID,
    Criterion.SERIAL,
    Criterion.ASSETTAG,
    Criterion.MODEL,
    Criterion.MAC,
)
#: Where each criterion is read: ``hardware`` or ``bios`` column (MAC: ``networks``).
_COLUMNS: dict[Criterion, InstrumentedAttribute[str | None]] = {
    Criterion.HOSTNAME: Hardware.NAME,
    Criterion.UUID: Hardware.UUID,
    Criterion.SERIAL: Bios.SSN,
    Criterion.MODEL: Bios.SMODEL,
    Criterion.ASSETTAG: Bios.ASSETTAG,
}
#: The criteria the agent's HARDWARE section carries, by column.
_HARDWARE_VALUES = {Criterion.HOSTNAME: "NAME", Criterion.UUID: "UUID"}
_GLOBAL_LOCK = "global"


class DuplicateMerger:
    """The Ingestor's writer that merges older duplicates into the inventoried machine."""

    digested: tuple[str, ...] = ()

    def __init__(self, engine: Engine, *, is_mysql: bool) -> None:
        self._engine = engine
        self._is_mysql = is_mysql
        self.blacklists = Blacklists()

    def refresh(self) -> None:
        """Re-read the blacklists (with the options, every few seconds: a console edit
        applies from the next refresh, as a change of AUTO_DUPLICATE_LVL does)."""
        with self._engine.connect() as conn:
            self.blacklists = load_blacklists(conn)

    # -- before the transaction's first read ------------------------------------------
    def lock(
        self,
        conn: Connection,
        inventory: Inventory,
        prepared: Prepared,
        options: Options,
        held: list[str],
    ) -> None:
        """MariaDB: take the named locks on this inventory's identity, appending each to
        ``held`` (released by the caller after the commit). Call before any read."""
        if not self._is_mysql:
            return
        level = level_criteria(options.ivalue("AUTO_DUPLICATE_LVL"))
        for key in lock_keys(inventory, prepared, level):
            acquire(conn, identity_lock_name(key), held, f"the identity of {inventory.deviceid}")

    # -- in the transaction ------------------------------------------------------------
    def write(self, machine: Machine) -> None:
        conn, current = machine.conn, machine.hardware_id
        candidates = set(_old_deviceid_matches(conn, machine))
        level = level_criteria(machine.options.ivalue("AUTO_DUPLICATE_LVL"))
        if level:
            candidates.update(
                _level_matches(machine, level, self.blacklists, sqlite=not self._is_mysql)
            )
        if not candidates:
            return
        newest = _most_recent(conn, candidates)
        merged = tuple(sorted(candidates))
        spec = MergeSpec(
            survivor=current,
            merged=merged,
            accountinfo_from=newest,
            devices_from=newest,
            groups_from=merged,
            comments_from=merged,
            quality_from=newest,
            userid_from=newest,
        )
        outcome = execute_merge(conn, spec, trace_deleted=machine.options.enabled("TRACE_DELETED"))
        machine.merged.extend(outcome.deleted)
        log.info(
            "machine %s (ID %d): merged its duplicates %s (level %d)",
            machine.inventory.deviceid,
            current,
            list(outcome.deleted),
            int(level),
        )


def lock_keys(inventory: Inventory, prepared: Prepared, level: Criterion) -> list[str]:
    """The identity values to lock, as sorted keys: those of the level's first criterion in
    :data:`LOCK_ORDER`, from what the agent sent. None usable means no duplicate can match
    (every criterion of the level must); a section not sent means its stored values will be
    compared, unknown here, so one lock for all such inventories."""
    for criterion in LOCK_ORDER:
        if not criterion & level:
            continue
        values = _sent_values(inventory, prepared, criterion)
        if values is None:
            return [_GLOBAL_LOCK]
        keys = {key for value in values if (key := identity_key(value)) is not None}
        return sorted(f"{criterion.name}:{key.lower()}" for key in keys)
    return []


def _sent_values(
    inventory: Inventory, prepared: Prepared, criterion: Criterion
) -> list[object] | None:
    """The criterion's values in the inventory, None when their section was not sent."""
    if criterion in _HARDWARE_VALUES:
        return [prepared.hardware.get(_HARDWARE_VALUES[criterion])]
    section = "NETWORKS" if criterion is Criterion.MAC else "BIOS"
    if section not in inventory.present_sections:
        return None
    rows = inventory.sections.get(section) or []
    if criterion is Criterion.MAC:
        return [row.get("MACADDR") for row in rows]
    return [row.get(_COLUMNS[criterion].key) for row in rows[:1]]


def _old_deviceid_matches(conn: Connection, machine: Machine) -> list[int]:
    """The machines OLD_DEVICEID names, whatever the level."""
    old = machine.inventory.old_deviceid
    if not old or old == machine.inventory.deviceid:
        return []
    found = conn.execute(
        select(Hardware.ID)
        .where(Hardware.DEVICEID == old, Hardware.ID != machine.hardware_id)
        .with_for_update()
    ).scalars()
    return [int(i) for i in found]


def _level_matches(
    machine: Machine, level: Criterion, blacklists: Blacklists, *, sqlite: bool
) -> list[int]:
    """The other machines matching the current one on every criterion of ``level``."""
    conn, current = machine.conn, machine.hardware_id
    mine = _identity(machine, level, blacklists)
    if mine is None:
        return []
    conditions: list[ColumnElement[bool]] = [
        Hardware.ID != current,
        Hardware.DEVICEID.not_in(GROUP_DEVICEIDS),
    ]
    for criterion in Criterion:
        if not criterion & level:
            continue
        if criterion is Criterion.MAC:
            conditions.append(_mac_match(mine[criterion], sqlite=sqlite))
            continue
        column = _COLUMNS[criterion]
        match = _equals(column, mine[criterion][0], sqlite=sqlite)
        if column.class_ is Bios:
            match = exists().where(Bios.HARDWARE_ID == Hardware.ID, match)
        conditions.append(match)
    found = conn.execute(select(Hardware.ID).where(*conditions).with_for_update()).scalars()
    return [int(i) for i in found]


#: The machine's BIOS keys and MACs, read back in one query. Built once: building a
#: statement costs as much CPU as running it.
_STORED_KEYS: CompoundSelect = union_all(
    select(literal("bios"), Bios.SSN, Bios.SMODEL, Bios.ASSETTAG).where(
        Bios.HARDWARE_ID == bindparam("current")
    ),
    select(literal("mac"), Network.MACADDR, literal(None, String), literal(None, String)).where(
        Network.HARDWARE_ID == bindparam("current")
    ),
)


def _identity(
    machine: Machine, level: Criterion, blacklists: Blacklists
) -> dict[Criterion, list[str]] | None:
    """The current machine's usable keys per criterion of the level, as just written; None
    as soon as one criterion has none (then nothing can match them all). The ``hardware``
    values are those the Ingestor wrote; the BIOS and MACs are read back in one query,
    since a section not sent keeps its stored rows."""
    hardware = machine.prepared.hardware
    stored: dict[Criterion, object] = {
        Criterion.HOSTNAME: hardware.get("NAME"),
        Criterion.UUID: hardware.get("UUID"),
    }
    macs: list[object] = []
    if level & (Criterion.SERIAL | Criterion.MODEL | Criterion.ASSETTAG | Criterion.MAC):
        result: Result[Any] = machine.conn.execute(_STORED_KEYS, {"current": machine.hardware_id})
        rows: list[tuple[Any, ...]] = [tuple(row) for row in result]
        for kind, first, model, asset in rows:
            if kind == "mac":
                macs.append(first)
            elif kind == "bios":
                stored[Criterion.SERIAL] = blacklists.serial(first)
                stored[Criterion.MODEL], stored[Criterion.ASSETTAG] = model, asset
    keys: dict[Criterion, list[str]] = {}
    for criterion in Criterion:
        if not criterion & level:
            continue
        if criterion is Criterion.MAC:
            values = blacklists.mac_keys(macs)
        else:
            key = identity_key(stored.get(criterion))
            values = [key] if key is not None else []
        if not values:
            return None
        keys[criterion] = values
    return keys


def _equals(
    column: InstrumentedAttribute[str | None], key: str, *, sqlite: bool
) -> ColumnElement[bool]:
    """``column`` equals ``key`` as duplicates compare: MariaDB's collation ignores case and
    trailing blanks and keeps the index; SQLite compares exactly, so it is told to."""
    if sqlite:
        return func.upper(func.trim(column)) == key
    return column == key


def _mac_match(keys: list[str], *, sqlite: bool) -> ColumnElement[bool]:
    """Any of these MACs on the machine (stored as the agent wrote them, either case)."""
    if sqlite:
        found = func.upper(func.trim(Network.MACADDR)).in_(keys)
    else:
        found = Network.MACADDR.in_(keys)
    return exists().where(Network.HARDWARE_ID == Hardware.ID, found)


def _most_recent(conn: Connection, ids: Iterable[int]) -> int:
    """The machine last heard from (then the newest ID): its admin data is the current one."""
    rows = conn.execute(
        select(Hardware.ID, Hardware.LASTCOME).where(Hardware.ID.in_(sorted(ids)))
    ).all()
    return max(rows, key=lambda row: (row.LASTCOME or dt.datetime.min, row.ID)).ID
