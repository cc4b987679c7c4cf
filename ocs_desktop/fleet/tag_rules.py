"""Automated tagging rules as the console and CLI use them: the ``db`` rule core plus
group rules, which need this room's search.

A GROUP rule matches what its group matches: the live search of a dynamic group made
here (so a preview is as current as the data), otherwise the group's current members
(a static group, or a dynamic one defined in OCS's web console, whose cache the OCS
server keeps). The rules, preview, apply and undo themselves live in ``db.tag_rules``,
``db.tag_rule_match`` and ``db.tag_rule_runs``, so the inventory writer shares them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, Connection

from ocs_desktop.db import tag_rule_runs, tag_rules
from ocs_desktop.db.tag_rule_match import Change
from ocs_desktop.db.tag_rule_runs import RunResult
from ocs_desktop.db.tag_rules import RuleKind, TagRule, TagRuleError
from ocs_desktop.fleet.groups import GroupFilter, group_search


def group_condition(conn: Connection, group_id: int) -> ColumnElement[bool]:
    """The machines of group ``group_id``: its search, else its members."""
    try:
        search = group_search(conn, group_id)
    except LookupError:
        raise TagRuleError(f"no group with id {group_id}") from None
    return search.where() if search is not None else GroupFilter(group_id).where()


def add_rule(conn: Connection, rule: TagRule, position: int | None = None) -> int:
    """Check (a group rule's group must exist) and store a rule; its id."""
    if RuleKind(rule.kind) is RuleKind.GROUP and rule.pattern.strip().isdigit():
        group_condition(conn, int(rule.pattern.strip()))
    return tag_rules.add_rule(conn, rule, position)


def preview(conn: Connection) -> list[Change]:
    """Which machines the enabled rules would change, field by field, and how."""
    return tag_rule_runs.preview(conn, group_condition)


def apply(
    conn: Connection,
    *,
    user: str | None = None,
    expected: Sequence[Change] | None = None,
    now: dt.datetime | None = None,
) -> RunResult:
    """Apply the enabled rules, restorably, in the caller's transaction."""
    return tag_rule_runs.apply_rules(
        conn, group_condition=group_condition, user=user, expected=expected, now=now
    )
