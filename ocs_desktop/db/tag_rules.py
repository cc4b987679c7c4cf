"""Automated tagging rules: what a rule is, how it is checked, and its store.

A rule sets one ``accountinfo`` column (TAG or an admin field ``fields_N``) to a value
on the machines it matches: by subnet or IP range (``hardware.IPADDR`` or any
``networks.IPADDRESS``), hostname, OS name or installed software (case-insensitive globs,
``*`` and ``?``), an admin field's value (``FIELD=glob``), or a group (its search, see
``fleet.tag_rules``). Rules are ordered; per target column the first enabled matching
rule wins (``db.tag_rule_match``). They live in our table ``ocsdesktop_tag_rules``, which
a database shared with a real OCS may lack: reading then finds no rule.

TAG is not an ordinary admin field: it is the location the agent sent (``--tag``), so a
rule may only overwrite it when created with ``overwrite_agent_tag``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select, update
from sqlalchemy import types as sqltypes

from ocs_desktop.db.column_text import to_column
from ocs_desktop.models import AccountInfoConfig
from ocs_desktop.models.extensions import (
    EXTENSION_METADATA,
    tag_rule_backup,
    tag_rule_runs,
    tag_rules,
)

TAG = "TAG"
TAG_REFUSED = (
    "TAG is the location the agent sent (ocsinventory-agent --tag); a rule overwrites it "
    "only when it says so (overwrite_agent_tag=True; CLI: --field TAG --overwrite-agent-tag)"
)
#: Our tables for rules, in creation order.
TABLES = (tag_rules, tag_rule_runs, tag_rule_backup)


class RuleKind(StrEnum):
    """What a rule looks at; the pattern's syntax follows."""

    SUBNET = "subnet"  # 10.1.0.0/16 (IPv4 or IPv6)
    IP_RANGE = "ip_range"  # 10.1.0.10-10.1.0.50
    HOSTNAME = "hostname"  # glob on hardware.NAME
    OS = "os"  # glob on hardware.OSNAME
    SOFTWARE = "software"  # glob on an installed software's name
    ADMIN_FIELD = "admin_field"  # FIELD=glob (TAG=PARIS*, fields_3=*, OWNER=)
    GROUP = "group"  # a group's id: its search, or its members


#: Kinds only the fleet layer can evaluate (they need the search module).
FLEET_ONLY_KINDS = frozenset({RuleKind.GROUP})


class TagRuleError(ValueError):
    """A rule that cannot be stored or run, with a message for the operator."""


@dataclass(frozen=True)
class TagRule:
    """One rule; ``target`` is an ``accountinfo`` column once checked (``fields_3``)."""

    name: str
    kind: RuleKind
    pattern: str
    target: str
    value: str
    enabled: bool = True
    run_after_inventory: bool = False
    overwrite_agent_tag: bool = False
    id: int | None = None
    position: int = 0

    def describe(self) -> str:
        flags = [] if self.enabled else ["disabled"]
        if self.run_after_inventory:
            flags.append("after inventory")
        extra = f" [{', '.join(flags)}]" if flags else ""
        return f"{self.kind.value} {self.pattern!r} -> {self.target} = {self.value!r}{extra}"


# -- patterns --------------------------------------------------------------------------


def ip_range(kind: RuleKind, pattern: str) -> tuple[Any, Any]:
    """The first and last address a SUBNET or IP_RANGE pattern covers."""
    text = pattern.strip()
    try:
        if kind is RuleKind.SUBNET:
            network = ipaddress.ip_network(text, strict=False)
            return network[0], network[-1]
        first_text, sep, last_text = text.partition("-")
        if not sep:
            raise ValueError("expected FIRST-LAST")
        first = ipaddress.ip_address(first_text.strip())
        last = ipaddress.ip_address(last_text.strip())
    except ValueError as exc:
        raise TagRuleError(f"{kind.value} {pattern!r}: {exc}") from None
    if first.version != last.version or int(first) > int(last):
        raise TagRuleError(f"ip_range {pattern!r}: the first address must come before the last")
    return first, last


def split_admin_pattern(pattern: str) -> tuple[str, str]:
    """``FIELD=glob`` as (field, glob); an empty glob matches an empty field."""
    field, sep, glob = pattern.partition("=")
    if not sep or not field.strip():
        raise TagRuleError(f"admin_field {pattern!r}: expected FIELD=PATTERN (e.g. OWNER=J*)")
    return field.strip(), glob


def _check_pattern(kind: RuleKind, pattern: str) -> None:
    if kind in (RuleKind.SUBNET, RuleKind.IP_RANGE):
        ip_range(kind, pattern)
    elif kind is RuleKind.ADMIN_FIELD:
        split_admin_pattern(pattern)
    elif kind is RuleKind.GROUP:
        if not pattern.strip().isdigit():
            raise TagRuleError(f"group {pattern!r}: expected a group's numeric id")
    elif not pattern.strip():
        raise TagRuleError(f"{kind.value}: the pattern is empty")


# -- the accountinfo columns -------------------------------------------------------------


@dataclass(frozen=True)
class AdminColumns:
    """The ``accountinfo`` columns (by name, with their types) and admin field names."""

    types: dict[str, sqltypes.TypeEngine[Any]]
    by_name: dict[str, str]

    @classmethod
    def read(cls, conn: Connection) -> AdminColumns:
        types = {c["name"]: c["type"] for c in inspect(conn).get_columns("accountinfo")}
        by_lower = {name.lower(): name for name in types if name != "HARDWARE_ID"}
        names: dict[str, str] = {}
        rows = conn.execute(
            select(
                AccountInfoConfig.ID, AccountInfoConfig.NAME_ACCOUNTINFO, AccountInfoConfig.NAME
            ).where(AccountInfoConfig.ACCOUNT_TYPE == "COMPUTERS")
        )
        for id_, name_accountinfo, name in rows:
            column = by_lower.get((name_accountinfo or f"fields_{id_}").lower())
            if column is not None and name:
                names.setdefault(name.lower(), column)
        return cls(types, names)

    def column(self, field: str) -> str:
        """The column a field's column name or admin name stands for."""
        wanted = field.strip().lower()
        for name in self.types:
            if name.lower() == wanted and name != "HARDWARE_ID":
                return name
        if wanted in self.by_name:
            return self.by_name[wanted]
        known = ", ".join(sorted(n for n in self.types if n != "HARDWARE_ID"))
        raise TagRuleError(f"no admin field {field!r} (accountinfo has: {known})")


def check_rule(conn: Connection, rule: TagRule, columns: AdminColumns | None = None) -> TagRule:
    """The rule with its target (and admin field) spelt as columns; ``TagRuleError`` if it
    cannot run: a bad pattern, an unknown field, a value the column cannot hold, TAG
    without ``overwrite_agent_tag``, or an after-inventory rule of a fleet-only kind."""
    kind = RuleKind(rule.kind)
    if not rule.name.strip():
        raise TagRuleError("a rule needs a name")
    _check_pattern(kind, rule.pattern)
    columns = columns or AdminColumns.read(conn)
    target = columns.column(rule.target)
    if target == TAG and not rule.overwrite_agent_tag:
        raise TagRuleError(TAG_REFUSED)
    try:
        to_column(rule.value, columns.types[target])
    except ValueError as exc:
        raise TagRuleError(f"{rule.value!r} does not fit {target}: {exc}") from None
    pattern = rule.pattern.strip() if kind is not RuleKind.ADMIN_FIELD else rule.pattern
    if kind is RuleKind.ADMIN_FIELD:
        field, glob = split_admin_pattern(rule.pattern)
        pattern = f"{columns.column(field)}={glob}"
    if rule.run_after_inventory and kind in FLEET_ONLY_KINDS:
        raise TagRuleError(
            f"a {kind.value} rule cannot run after each inventory (the inventory writer "
            "evaluates no searches); run it with `tag-rules apply`"
        )
    return replace(rule, kind=kind, name=rule.name.strip(), pattern=pattern, target=target)


# -- the store ----------------------------------------------------------------------------


def rules_present(conn: Connection) -> bool:
    """Whether this database has our rules table (a real OCS one may not)."""
    return inspect(conn).has_table(tag_rules.name)


def ensure_tables(conn: Connection) -> None:
    """Create our rule tables where missing (on MySQL DDL commits: call this first)."""
    EXTENSION_METADATA.create_all(conn, tables=list(TABLES), checkfirst=True)


def _from_row(row: Any) -> TagRule:
    return TagRule(
        name=row.NAME,
        kind=RuleKind(row.KIND),
        pattern=row.PATTERN,
        target=row.TARGET,
        value=row.VALUE,
        enabled=bool(row.ENABLED),
        run_after_inventory=bool(row.RUN_AFTER_INVENTORY),
        overwrite_agent_tag=bool(row.OVERWRITE_AGENT_TAG),
        id=int(row.ID),
        position=int(row.POSITION),
    )


def list_rules(conn: Connection) -> list[TagRule]:
    """Every rule in order (none without the table). A row of an unknown kind is skipped."""
    if not rules_present(conn):
        return []
    rows = conn.execute(select(tag_rules).order_by(tag_rules.c.POSITION, tag_rules.c.ID))
    known = {k.value for k in RuleKind}
    return [_from_row(row) for row in rows if row.KIND in known]


def get_rule(conn: Connection, rule_id: int) -> TagRule:
    for rule in list_rules(conn):
        if rule.id == rule_id:
            return rule
    raise LookupError(f"no tagging rule {rule_id}")


def _renumber(conn: Connection, ordered: Sequence[int]) -> None:
    for position, rule_id in enumerate(ordered, start=1):
        conn.execute(update(tag_rules).where(tag_rules.c.ID == rule_id).values(POSITION=position))


def add_rule(conn: Connection, rule: TagRule, position: int | None = None) -> int:
    """Check and store ``rule`` at ``position`` (1 = first; default last); its id.

    Creates our tables if missing (on MySQL: call this before other writes)."""
    checked = check_rule(conn, rule)
    ensure_tables(conn)
    order = [r.id for r in list_rules(conn) if r.id is not None]
    result = conn.execute(
        insert(tag_rules).values(
            POSITION=len(order) + 1,
            NAME=checked.name[:255],
            KIND=checked.kind.value,
            PATTERN=checked.pattern,
            TARGET=checked.target,
            VALUE=checked.value,
            ENABLED=int(checked.enabled),
            RUN_AFTER_INVENTORY=int(checked.run_after_inventory),
            OVERWRITE_AGENT_TAG=int(checked.overwrite_agent_tag),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    rule_id = int(key[0])
    at = len(order) if position is None else min(max(position, 1), len(order) + 1) - 1
    order.insert(at, rule_id)
    _renumber(conn, order)
    return rule_id


def remove_rule(conn: Connection, rule_id: int) -> None:
    """Delete a rule; ``LookupError`` if there is none with that id."""
    get_rule(conn, rule_id)
    conn.execute(delete(tag_rules).where(tag_rules.c.ID == rule_id))
    _renumber(conn, [r.id for r in list_rules(conn) if r.id is not None])


def move_rule(conn: Connection, rule_id: int, position: int) -> None:
    """Put a rule at ``position`` (1 = first, clamped to the list)."""
    get_rule(conn, rule_id)
    order = [r.id for r in list_rules(conn) if r.id is not None and r.id != rule_id]
    order.insert(min(max(position, 1), len(order) + 1) - 1, rule_id)
    _renumber(conn, order)


def set_enabled(conn: Connection, rule_id: int, enabled: bool) -> None:
    """Enable or disable a rule without losing its place."""
    get_rule(conn, rule_id)
    conn.execute(update(tag_rules).where(tag_rules.c.ID == rule_id).values(ENABLED=int(enabled)))
