"""Which machines tagging rules match, and what they would change.

One code path for the whole fleet (a batch preview, the same plan applied) and for one
machine (after its inventory, ``scope=[id]``): :func:`plan_changes`. Per target column
the first enabled rule, in the rules' order, that matches a machine decides its value;
a machine whose value already equals it is not a change.

Globs (``*``, ``?``) become LIKE patterns compared in lower case, so they ignore case on
both engines (for ASCII letters on SQLite, whose ``lower`` knows no others). Subnets and
IP ranges are tested in Python on ``hardware.IPADDR`` and every ``networks.IPADDRESS``
(the rows read are narrowed by a LIKE on the IPv4 octets all the range's addresses share).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    Text,
    and_,
    column,
    exists,
    func,
    insert,
    not_,
    select,
    table,
    update,
)
from sqlalchemy.sql.expression import TableClause

from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.db.column_text import as_text, to_column
from ocs_desktop.db.machine_rows import GROUP_DEVICEIDS
from ocs_desktop.db.tag_rules import (
    AdminColumns,
    RuleKind,
    TagRule,
    TagRuleError,
    check_rule,
    ip_range,
    split_admin_pattern,
)
from ocs_desktop.models import Hardware, Network, Software, SoftwareName

#: A group's condition on ``hardware`` (its search, or its members): given by the fleet.
GroupCondition = Callable[[Connection, int], ColumnElement[bool]]
#: Ids per statement: far below SQLite's bound-parameter limit.
CHUNK = 500


@dataclass(frozen=True)
class Change:
    """One machine's field going from ``old`` to ``new`` (text, None for NULL) by a rule."""

    hardware_id: int
    machine: str | None
    field: str
    old: str | None
    new: str | None
    rule_id: int | None
    had_row: bool


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start : start + CHUNK]


def accountinfo_table(columns: AdminColumns, *, typed: bool) -> TableClause:
    """``accountinfo`` with every column: typed to convert values, untyped to read and
    write them exactly as the driver gives them (backups)."""
    return table(
        "accountinfo",
        column("HARDWARE_ID"),
        *(
            column(name, type_ if typed else None)
            for name, type_ in columns.types.items()
            if name != "HARDWARE_ID"
        ),
    )


# -- conditions -----------------------------------------------------------------------------


def glob_like(glob: str) -> str:
    """A case-folded LIKE pattern (escape ``/``) for a glob of ``*`` and ``?``."""
    return like_escape(glob.lower()).replace("*", "%").replace("?", "_")


def _glob(target: Any, glob: str) -> ColumnElement[bool]:
    return and_(target.is_not(None), func.lower(target).like(glob_like(glob), escape=LIKE_ESCAPE))


def _machines(scope: Sequence[int] | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Hardware.DEVICEID.not_in(GROUP_DEVICEIDS)]
    if scope is not None:
        conditions.append(Hardware.ID.in_(list(scope)))
    return conditions


def _admin_condition(rule: TagRule, columns: AdminColumns) -> ColumnElement[bool]:
    field, glob = split_admin_pattern(rule.pattern)
    name = columns.column(field)
    accountinfo = accountinfo_table(columns, typed=True)
    target = accountinfo.c[name]
    mine = accountinfo.c.HARDWARE_ID == Hardware.ID
    if glob == "":  # empty: no row, NULL, or '' for text
        filled: ColumnElement[bool] = target.is_not(None)
        if isinstance(columns.types[name], String | Text):
            filled = and_(filled, target != "")
        return not_(exists().where(mine, filled))
    return exists().where(mine, _glob(target, glob))


def rule_condition(
    conn: Connection,
    rule: TagRule,
    columns: AdminColumns,
    group_condition: GroupCondition | None = None,
) -> ColumnElement[bool]:
    """The rule's condition on ``hardware``, for the kinds SQL decides (not IP kinds)."""
    kind = rule.kind
    if kind is RuleKind.HOSTNAME:
        return _glob(Hardware.NAME, rule.pattern)
    if kind is RuleKind.OS:
        return _glob(Hardware.OSNAME, rule.pattern)
    if kind is RuleKind.SOFTWARE:
        names = select(SoftwareName.ID).where(_glob(SoftwareName.NAME, rule.pattern))
        return exists().where(Software.HARDWARE_ID == Hardware.ID, Software.NAME_ID.in_(names))
    if kind is RuleKind.ADMIN_FIELD:
        return _admin_condition(rule, columns)
    if kind is RuleKind.GROUP:
        if group_condition is None:
            raise TagRuleError(f"rule {rule.name!r}: group rules run from the fleet only")
        return group_condition(conn, int(rule.pattern))
    raise TagRuleError(f"rule {rule.name!r}: {kind.value} is not an SQL condition")


def _ipv4_prefix(first: Any, last: Any) -> str | None:
    """``10.1.`` when every address from first to last starts so (IPv4 only)."""
    if first.version != 4:
        return None
    shared = []
    for a, b in zip(str(first).split("."), str(last).split("."), strict=True):
        if a != b:
            break
        shared.append(a)
    return "".join(f"{octet}." for octet in shared[:3]) or None


def _ip_matches(conn: Connection, rule: TagRule, scope: Sequence[int] | None) -> set[int]:
    first, last = ip_range(rule.kind, rule.pattern)

    def inside(text: str | None) -> bool:
        try:
            address = ipaddress.ip_address((text or "").strip())
        except ValueError:
            return False
        return address.version == first.version and first <= address <= last

    prefix = _ipv4_prefix(first, last)
    machines = _machines(scope)
    own = select(Hardware.ID, Hardware.IPADDR).where(*machines)
    nets = (
        select(Network.HARDWARE_ID, Network.IPADDRESS)
        .join(Hardware, Hardware.ID == Network.HARDWARE_ID)
        .where(*machines)
    )
    if prefix is not None:
        pattern = like_escape(prefix) + "%"
        own = own.where(Hardware.IPADDR.like(pattern, escape=LIKE_ESCAPE))
        nets = nets.where(Network.IPADDRESS.like(pattern, escape=LIKE_ESCAPE))
    found = {int(i) for i, address in conn.execute(own) if inside(address)}
    found.update(int(i) for i, address in conn.execute(nets) if inside(address))
    return found


def matching_ids(
    conn: Connection,
    rule: TagRule,
    columns: AdminColumns,
    scope: Sequence[int] | None = None,
    group_condition: GroupCondition | None = None,
) -> set[int]:
    """The machines (of ``scope``, default all) that ``rule`` matches."""
    if rule.kind in (RuleKind.SUBNET, RuleKind.IP_RANGE):
        return _ip_matches(conn, rule, scope)
    condition = rule_condition(conn, rule, columns, group_condition)
    statement = select(Hardware.ID).where(*_machines(scope), condition)
    return {int(i) for i in conn.execute(statement).scalars()}


# -- the plan -------------------------------------------------------------------------------


def _current_rows(
    conn: Connection, columns: AdminColumns, ids: Iterable[int]
) -> dict[int, dict[str, Any]]:
    accountinfo = accountinfo_table(columns, typed=True)
    rows: dict[int, dict[str, Any]] = {}
    for chunk in chunks(ids):
        result = conn.execute(select(accountinfo).where(accountinfo.c.HARDWARE_ID.in_(chunk)))
        for row in result.mappings():
            rows[int(row["HARDWARE_ID"])] = dict(row)
    return rows


def _names(conn: Connection, ids: Iterable[int]) -> dict[int, str | None]:
    names: dict[int, str | None] = {}
    for chunk in chunks(ids):
        names.update(
            (int(i), name)
            for i, name in conn.execute(
                select(Hardware.ID, Hardware.NAME).where(Hardware.ID.in_(chunk))
            )
        )
    return names


def plan_changes(
    conn: Connection,
    rules: Sequence[TagRule],
    *,
    scope: Sequence[int] | None = None,
    columns: AdminColumns | None = None,
    group_condition: GroupCondition | None = None,
) -> list[Change]:
    """What the enabled ``rules`` would change, by machine then field.

    ``TagRuleError`` when a rule cannot run (see ``check_rule``)."""
    columns = columns or AdminColumns.read(conn)
    winners: dict[str, dict[int, TagRule]] = {}
    for rule in rules:
        if not rule.enabled:
            continue
        checked = check_rule(conn, rule, columns)
        taken = winners.setdefault(checked.target, {})
        for hardware_id in matching_ids(conn, checked, columns, scope, group_condition):
            taken.setdefault(hardware_id, checked)
    touched = {i for by_id in winners.values() for i in by_id}
    if not touched:
        return []
    current = _current_rows(conn, columns, touched)
    changes = []
    for field, by_id in winners.items():
        for hardware_id, rule in by_id.items():
            row = current.get(hardware_id)
            old = None if row is None else as_text(row[field])
            new = as_text(to_column(rule.value, columns.types[field]))
            if old != new:
                changes.append(Change(hardware_id, None, field, old, new, rule.id, row is not None))
    names = _names(conn, {c.hardware_id for c in changes})
    changes.sort(key=lambda c: (c.hardware_id, c.field))
    return [
        Change(c.hardware_id, names.get(c.hardware_id), c.field, c.old, c.new, c.rule_id, c.had_row)
        for c in changes
    ]


def write_changes(conn: Connection, changes: Sequence[Change], columns: AdminColumns) -> None:
    """Write planned changes: an UPDATE per machine with a row, an INSERT otherwise (its
    other columns take their defaults, TAG 'NA')."""
    accountinfo = accountinfo_table(columns, typed=True)
    by_machine: dict[int, dict[str, Any]] = {}
    had_row: dict[int, bool] = {}
    for change in changes:
        converted = to_column(change.new, columns.types[change.field])
        by_machine.setdefault(change.hardware_id, {})[change.field] = converted
        had_row[change.hardware_id] = change.had_row
    for hardware_id, assigned in sorted(by_machine.items()):
        if had_row[hardware_id]:
            conn.execute(
                update(accountinfo)
                .where(accountinfo.c.HARDWARE_ID == hardware_id)
                .values(**assigned)
            )
        else:
            conn.execute(insert(accountinfo).values(HARDWARE_ID=hardware_id, **assigned))
