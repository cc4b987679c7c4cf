"""Candidate duplicate sets for the console's Duplicates page (PROTOCOL.md 5.2).

Machines look like duplicates when they share a hostname, a serial, a MAC address, a
UUID (which OCS does not list), or two of the first three at once. Each set says why:
the criterion, the matching values, and per machine what tells a reinstalled or cloned
PC from its twin (DEVICEID and its creation date, last inventory and contact, agent,
serial, MACs, UUID). Blacklisted serials and MACs never make a set; they are returned
apart (:attr:`DuplicateReport.excluded`) so the page can show what was left out and why.

At fleet scale the work is four grouped queries (hostname, serial, MAC, UUID) that
return only the shared values, then the details of the machines involved; the pairs of
criteria are refined from those sets in Python, since machines sharing a hostname and a
serial share the hostname first. A set an operator marked "not duplicates" is hidden
(:mod:`duplicates_ignore`) until its data changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select, text
from sqlalchemy.orm import InstrumentedAttribute

from ocs_desktop.common.batches import batches
from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.duplicate_identity import Blacklists, identity_key, load_blacklists
from ocs_desktop.fleet.duplicates_ignore import ignored_signatures
from ocs_desktop.fleet.filters import machines_only
from ocs_desktop.models import Bios, Hardware, Network

#: Ids per IN list.
CHUNK = 2000
#: GROUP_CONCAT's cap on MariaDB, for the ids sharing one value.
GROUP_CONCAT_BYTES = 64 * 2**20
_DEVICEID_STAMP = re.compile(r"-(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$")


class SetCriterion(StrEnum):
    """Why machines are in one set: the values they share."""

    HOSTNAME = "hostname"
    SERIAL = "serial"
    MAC = "mac"
    HOSTNAME_SERIAL = "hostname+serial"
    HOSTNAME_MAC = "hostname+mac"
    MAC_SERIAL = "mac+serial"
    UUID = "uuid"

    @property
    def parts(self) -> tuple[str, ...]:
        """The single criteria this one combines (``hostname``, ``serial``...)."""
        return tuple(self.value.split("+"))


class ExcludedKind(StrEnum):
    SERIAL = "serial"
    MAC = "mac"


@dataclass(frozen=True)
class DuplicateMachine:
    """One machine of a set, with what tells it from the others."""

    id: int
    name: str | None
    deviceid: str
    #: When the agent made its DEVICEID (its first run), read from the DEVICEID's date.
    first_inventory: dt.datetime | None
    last_inventory: dt.datetime | None
    last_contact: dt.datetime | None
    useragent: str | None
    serial: str | None
    macs: tuple[str, ...]
    uuid: str | None


@dataclass(frozen=True)
class DuplicateSet:
    """Machines that look like one: ``values`` are the matching values by part."""

    criterion: SetCriterion
    values: tuple[tuple[str, str], ...]
    machines: tuple[DuplicateMachine, ...]
    #: Names the set for "not duplicates": criterion and matching values, digested.
    key: str
    #: Digest of the set's data (machines and their identifying values).
    signature: str
    ignored: bool = False

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(machine.id for machine in self.machines)


@dataclass(frozen=True)
class ExcludedValue:
    """A blacklisted value several machines share, left out of the sets."""

    kind: ExcludedKind
    value: str
    machines: int


@dataclass(frozen=True)
class DuplicateReport:
    sets: tuple[DuplicateSet, ...]
    excluded: tuple[ExcludedValue, ...] = ()
    #: Sets hidden because an operator said they are not duplicates.
    hidden: int = 0
    by_criterion: dict[SetCriterion, int] = field(default_factory=dict)


ALL_SETS = tuple(SetCriterion)


def first_inventory(deviceid: str) -> dt.datetime | None:
    """The date agents write into a new DEVICEID (``name-YYYY-MM-DD-HH-MM-SS``)."""
    found = _DEVICEID_STAMP.search(deviceid or "")
    if found is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in found.groups())
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def find_duplicates(
    conn: Connection,
    criteria: Iterable[SetCriterion] = ALL_SETS,
    *,
    include_ignored: bool = False,
    progress: Progress = None,
) -> DuplicateReport:
    """Every candidate set of these criteria, newest machine first in each set."""
    wanted = [c for c in ALL_SETS if c in set(criteria)]
    blacklists = load_blacklists(conn)
    sqlite = conn.dialect.name == "sqlite"
    if not sqlite:
        # A value on every machine lists them all; the default cap (1 MB) would cut it.
        conn.execute(text("SET SESSION group_concat_max_len = :n"), {"n": GROUP_CONCAT_BYTES})
    needed = {part for criterion in wanted for part in criterion.parts}
    base: dict[str, dict[str, set[int]]] = {}
    excluded: list[ExcludedValue] = []
    steps = len(needed) + 1
    for step, part in enumerate(sorted(needed)):
        report(progress, step, steps)
        groups = _shared_values(conn, part, sqlite)
        base[part], dropped = _usable(part, groups, blacklists)
        excluded += dropped
    ids = sorted({i for groups in base.values() for members in groups.values() for i in members})
    machines = _details(conn, ids)
    for part, groups in base.items():
        # Group rows and orphans out: a value shared with those alone is no set.
        base[part] = {
            value: kept
            for value, members in groups.items()
            if len(kept := members & machines.keys()) > 1
        }
    report(progress, steps - 1, steps)
    sets: list[DuplicateSet] = []
    memo: dict[tuple[int, str], list[str]] = {}
    for criterion in wanted:
        for values, members in _sets_of(criterion, base, machines, blacklists, memo):
            sets.append(_make_set(criterion, values, [machines[i] for i in members]))
    ignored = ignored_signatures(conn)
    shown, hidden = [], 0
    for found in sets:
        is_ignored = ignored.get((found.criterion.value, found.key)) == found.signature
        if is_ignored:
            hidden += 1
            if not include_ignored:
                continue
            found = replace(found, ignored=True)
        shown.append(found)
    report(progress, steps, steps)
    counts: dict[SetCriterion, int] = defaultdict(int)
    for found in shown:
        counts[found.criterion] += 1
    excluded.sort(key=lambda e: (e.kind.value, -e.machines, e.value))
    return DuplicateReport(tuple(shown), tuple(excluded), hidden, dict(counts))


# -- the shared values -----------------------------------------------------------------


def _source(
    part: str,
) -> tuple[InstrumentedAttribute[str | None], InstrumentedAttribute[int]]:
    column = {
        "hostname": Hardware.NAME,
        "uuid": Hardware.UUID,
        "serial": Bios.SSN,
        "mac": Network.MACADDR,
    }[part]
    owner = {"serial": Bios.HARDWARE_ID, "mac": Network.HARDWARE_ID}.get(part, Hardware.ID)
    return column, owner


def _shared_values(conn: Connection, part: str, sqlite: bool) -> dict[str, set[int]]:
    """The values of ``part`` two machines or more share, with the machines, in one
    grouped query (by the database's comparison; SQLite is told to ignore case and
    blanks as MariaDB does). Group rows and orphans are left to :func:`_details`: a
    join or a ``hardware`` condition here would read every row instead of an index."""
    column, owner = _source(part)
    key: ColumnElement[Any] = func.upper(func.trim(column)) if sqlite else column.expression
    query = (
        select(key, func.group_concat(owner.distinct()))
        .where(column.is_not(None), column != "")
        .group_by(key)
        .having(func.count(owner.distinct()) > 1)
    )
    found: dict[str, set[int]] = defaultdict(set)
    for value, owners in conn.execute(query):
        if value is not None:
            found[str(value).strip().upper()].update(int(i) for i in str(owners).split(","))
    return found


def _usable(
    part: str, groups: dict[str, set[int]], blacklists: Blacklists
) -> tuple[dict[str, set[int]], list[ExcludedValue]]:
    """The groups whose value identifies a machine, and the blacklisted ones left out."""
    listed = {"serial": blacklists.serials, "mac": blacklists.macs}.get(part, frozenset())
    kept: dict[str, set[int]] = {}
    dropped: list[ExcludedValue] = []
    for value, members in groups.items():
        if len(members) < 2:
            continue
        if value in listed:
            dropped.append(ExcludedValue(ExcludedKind(part), value, len(members)))
        elif identity_key(value) is not None:
            kept[value] = members
    return kept, dropped


def _details(conn: Connection, ids: Sequence[int]) -> dict[int, DuplicateMachine]:
    """What each set shows of its machines (group rows left out), one row per machine:
    at fleet scale the rows, not the statements, are what costs."""
    macs = (
        select(func.group_concat(Network.MACADDR.distinct()))
        .where(Network.HARDWARE_ID == Hardware.ID)
        .scalar_subquery()
    )
    found: dict[int, DuplicateMachine] = {}
    for chunk in batches(ids, CHUNK):
        query = (
            select(
                Hardware.ID,
                Hardware.NAME,
                Hardware.DEVICEID,
                Hardware.LASTDATE,
                Hardware.LASTCOME,
                Hardware.USERAGENT,
                Hardware.UUID,
                Bios.SSN,
                macs,
            )
            .select_from(Hardware)
            .outerjoin(Bios, Bios.HARDWARE_ID == Hardware.ID)
            .where(Hardware.ID.in_(chunk), machines_only())
        )
        for i, name, deviceid, lastdate, lastcome, agent, uuid, serial, mac_list in conn.execute(
            query
        ):
            found[int(i)] = DuplicateMachine(
                id=int(i),
                name=name,
                deviceid=str(deviceid),
                first_inventory=first_inventory(str(deviceid)),
                last_inventory=lastdate,
                last_contact=lastcome,
                useragent=agent,
                serial=serial,
                macs=tuple(sorted(set(mac_list.split(",")))) if mac_list else (),
                uuid=uuid,
            )
    return found


# -- the sets ------------------------------------------------------------------------------


def _keys_of(machine: DuplicateMachine, part: str, blacklists: Blacklists) -> list[str]:
    """The machine's usable keys for one part (several for MACs)."""
    if part == "mac":
        return blacklists.mac_keys(machine.macs)
    if part == "serial":
        key = blacklists.serial(machine.serial)
    else:
        key = identity_key(machine.name if part == "hostname" else machine.uuid)
    return [key] if key is not None else []


def _sets_of(
    criterion: SetCriterion,
    base: dict[str, dict[str, set[int]]],
    machines: dict[int, DuplicateMachine],
    blacklists: Blacklists,
    memo: dict[tuple[int, str], list[str]],
) -> list[tuple[tuple[tuple[str, str], ...], list[int]]]:
    """(matching values, member ids) of each set of ``criterion``. Sets with the same
    machines are one set (two MACs of one cloned PC), listing every shared value.
    ``memo`` keeps each machine's keys from one criterion to the next."""
    first, *rest = criterion.parts
    found: dict[tuple[str, frozenset[int]], list[str]] = defaultdict(list)
    for value, members in sorted(base[first].items()):
        grouping: dict[str, set[int]] = defaultdict(set)
        if not rest:
            grouping[""] = members
        else:
            for i in members:
                keys = memo.get((i, rest[0]))
                if keys is None:
                    keys = memo[(i, rest[0])] = _keys_of(machines[i], rest[0], blacklists)
                for key in keys:
                    grouping[key].add(i)
        for other, group in sorted(grouping.items()):
            if len(group) > 1:
                if first == "mac":  # a MAC set's identity is its machines, then the MACs
                    found[(other, frozenset(group))].append(value)
                else:
                    found[(value, frozenset(group))].append(other)
    result = []
    for (lead, machines_of), others in found.items():
        if first == "mac":
            values = [("mac", ", ".join(sorted(set(others))))]
            if rest:
                values.append((rest[0], lead))
        else:
            values = [(first, lead)]
            if rest:
                values.append((rest[0], ", ".join(sorted(set(others)))))
        result.append((tuple(values), sorted(machines_of)))
    return sorted(result)


def _make_set(
    criterion: SetCriterion,
    values: tuple[tuple[str, str], ...],
    members: list[DuplicateMachine],
) -> DuplicateSet:
    newest_first = sorted(
        members,
        key=lambda m: (m.last_contact is not None, m.last_contact or dt.datetime.min, m.id),
        reverse=True,
    )
    key = _digest([criterion.value, *(f"{part}={value}" for part, value in values)])
    signature = _digest(
        repr((m.id, m.deviceid, m.name, m.serial, m.macs, m.uuid))
        for m in sorted(members, key=lambda m: m.id)
    )
    return DuplicateSet(criterion, values, tuple(newest_first), key, signature)


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
