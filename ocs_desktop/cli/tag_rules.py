"""``ocs-desktop tag-rules``: automated tagging rules, their preview, apply and undo.

    tag-rules list --db DB
    tag-rules add --db DB --name N --kind KIND --pattern P --field FIELD --value V
                  [--position N] [--after-inventory] [--disabled] [--overwrite-agent-tag]
    tag-rules remove --db DB ID
    tag-rules move --db DB ID POSITION
    tag-rules enable|disable --db DB ID
    tag-rules preview --db DB
    tag-rules apply --db DB
    tag-rules undo --db DB

``apply`` writes what ``preview`` prints, after backing up every row it touches; ``undo``
restores the rows of the last run not yet undone. Exit codes are ``cli/common.py``'s.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.cli.common import (
    EXIT_OK,
    add_db_option,
    fleet_connection,
    handled,
)
from ocs_desktop.db.tag_rule_match import Change
from ocs_desktop.db.tag_rule_runs import undo_last_run
from ocs_desktop.db.tag_rules import (
    RuleKind,
    TagRule,
    TagRuleError,
    list_rules,
    move_rule,
    remove_rule,
    set_enabled,
)
from ocs_desktop.fleet import tag_rules

KIND_HELP = (
    "subnet (10.1.0.0/16), ip_range (10.1.0.10-10.1.0.50), hostname, os, software "
    "(case-insensitive globs with * and ?), admin_field (FIELD=glob), group (a group's id)"
)


def register(subparsers: Any) -> None:
    """Add the ``tag-rules`` command and its actions."""
    parser = subparsers.add_parser(
        "tag-rules",
        help="automated tagging rules",
        description="Ordered rules setting TAG or an admin field from a machine's subnet, "
        "hostname, OS, software, admin data or group: the first matching rule per field "
        "wins. Preview, apply (undoable) and undo.",
    )
    actions = parser.add_subparsers(dest="tag_rules_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="print the rules in order")
    add_db_option(listing)
    listing.set_defaults(handler=run_list)

    adding = actions.add_parser("add", help="add a rule")
    add_db_option(adding)
    adding.add_argument("--name", required=True)
    adding.add_argument(
        "--kind", required=True, choices=[k.value for k in RuleKind], help=KIND_HELP
    )
    adding.add_argument("--pattern", required=True)
    adding.add_argument("--field", required=True, help="TAG, or an admin field's column or name")
    adding.add_argument("--value", required=True, help="the value the field gets")
    adding.add_argument("--position", type=int, help="1 = first (default: last)")
    adding.add_argument(
        "--after-inventory", action="store_true", help="also run after each inventory"
    )
    adding.add_argument("--disabled", action="store_true", help="store it disabled")
    adding.add_argument(
        "--overwrite-agent-tag",
        action="store_true",
        help="allow a rule on TAG, the location the agent sent",
    )
    adding.set_defaults(handler=run_add)

    removing = actions.add_parser("remove", help="delete a rule")
    add_db_option(removing)
    removing.add_argument("rule_id", type=int, metavar="ID")
    removing.set_defaults(handler=run_edit)

    moving = actions.add_parser("move", help="put a rule at a position (1 = first)")
    add_db_option(moving)
    moving.add_argument("rule_id", type=int, metavar="ID")
    moving.add_argument("position", type=int, metavar="POSITION")
    moving.set_defaults(handler=run_edit)

    for action, summary in (("enable", "enable a rule"), ("disable", "disable a rule")):
        toggling = actions.add_parser(action, help=summary)
        add_db_option(toggling)
        toggling.add_argument("rule_id", type=int, metavar="ID")
        toggling.set_defaults(handler=run_edit)

    for action, summary, handler in (
        ("preview", "print what the rules would change", run_preview),
        ("apply", "apply the rules (backed up, undoable)", run_apply),
        ("undo", "restore what the last rule run changed", run_undo),
    ):
        acting = actions.add_parser(action, help=summary)
        add_db_option(acting)
        acting.set_defaults(handler=handler)


def _connection(url: str, *, write: bool) -> AbstractContextManager[Connection]:
    """Rule problems exit 1, database errors exit 2."""
    return fleet_connection(url, write=write, refused=(TagRuleError, LookupError))


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ocs-desktop"


def _shown(value: str | None) -> str:
    return "(none)" if value is None else repr(value)


def print_changes(changes: Sequence[Change]) -> None:
    for c in changes:
        row = "" if c.had_row else " (new admin data row)"
        print(
            f"{c.hardware_id:>8}  {c.machine or '-'}  {c.field}: {_shown(c.old)} -> "
            f"{_shown(c.new)}  by rule {c.rule_id}{row}"
        )
    machines = len({c.hardware_id for c in changes})
    print(f"{len(changes)} change(s) on {machines} machine(s)")


@handled("tag-rules list")
def run_list(args: argparse.Namespace) -> int:
    with _connection(args.db, write=False) as conn:
        rules = list_rules(conn)
    for rule in rules:
        print(f"{rule.position:>3}. [{rule.id}] {rule.name}: {rule.describe()}")
    print(f"{len(rules)} rule(s)")
    return EXIT_OK


@handled("tag-rules add")
def run_add(args: argparse.Namespace) -> int:
    rule = TagRule(
        name=args.name,
        kind=RuleKind(args.kind),
        pattern=args.pattern,
        target=args.field,
        value=args.value,
        enabled=not args.disabled,
        run_after_inventory=args.after_inventory,
        overwrite_agent_tag=args.overwrite_agent_tag,
    )
    with _connection(args.db, write=True) as conn:
        rule_id = tag_rules.add_rule(conn, rule, args.position)
    print(f"added rule {rule_id}")
    return EXIT_OK


@handled("tag-rules")
def run_edit(args: argparse.Namespace) -> int:
    action = args.tag_rules_action
    with _connection(args.db, write=True) as conn:
        if action == "remove":
            remove_rule(conn, args.rule_id)
        elif action == "move":
            move_rule(conn, args.rule_id, args.position)
        else:
            set_enabled(conn, args.rule_id, action == "enable")
    print(f"rule {args.rule_id}: {action}d" if action != "move" else f"rule {args.rule_id} moved")
    return EXIT_OK


@handled("tag-rules preview")
def run_preview(args: argparse.Namespace) -> int:
    with _connection(args.db, write=False) as conn:
        changes = tag_rules.preview(conn)
    print_changes(changes)
    return EXIT_OK


@handled("tag-rules apply")
def run_apply(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        result = tag_rules.apply(conn, user=_user())
    print_changes(result.changes)
    if result.run_id is not None:
        print(f"run {result.run_id} applied; `tag-rules undo` restores what it changed")
    return EXIT_OK


@handled("tag-rules undo")
def run_undo(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        undone = undo_last_run(conn)
    print(
        f"run {undone.run_id} undone: {undone.restored} row(s) restored, "
        f"{undone.deleted} row(s) it created deleted"
    )
    return EXIT_OK
