"""``ocs-desktop group``: static and dynamic machine groups, for scripts.

    group list      --db DB [--machines NAME] [--json]
    group fields    [--json]
    group create    --db DB NAME --static [--description TEXT]
    group create    --db DB NAME --dynamic --where FIELD OP [VALUE] ... [--any]
    group add       --db DB NAME [ID...] [--id ID] [--name GLOB] [--group NAME]
    group remove    --db DB NAME [ID...] [--id ID] [--name GLOB] [--group NAME]
    group recompute --db DB (NAME | --all)
    group delete    --db DB NAME [--yes]

Groups are stored as OCS stores them, by the console's own code (``fleet.groups``), so an
OCS server and console use them too. A dynamic group is the console's search: criteria
``FIELD OP VALUE`` on the fields ``group fields`` lists, all of them true (or any, with
``--any``). ``delete`` asks first; without a terminal it refuses unless ``--yes``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from ocs_desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_db_option,
    fleet_connection,
    handled,
)
from ocs_desktop.cli.machine_selection import (
    SELECTORS_HELP,
    add_json_option,
    add_machine_selectors,
    listed_machines,
    print_machines,
    require_group,
    selected_machines,
)
from ocs_desktop.fleet import groups
from ocs_desktop.fleet.groups import GroupFilter, GroupInfo
from ocs_desktop.fleet.search import (
    SEARCH_FIELDS,
    VALUELESS,
    Criterion,
    Operator,
    Search,
    operators_for,
)

#: Short spellings of the operators, besides their names (``equals``, ``starts_with``...).
OPERATOR_SYMBOLS = {
    "=": Operator.equals,
    "==": Operator.equals,
    "!=": Operator.not_equals,
    "<>": Operator.not_equals,
    "<": Operator.less,
    ">": Operator.greater,
}

WHERE_HELP = (
    "a criterion of a dynamic group (repeatable): FIELD is a field of `group fields` "
    "(e.g. hardware.OSNAME, software.NAME, accountinfo.TAG; case ignored); OP one of "
    + ", ".join(o.value for o in Operator)
    + " or = != < > (quote them); VALUE is absent for is_empty and is_not_empty"
)


class _CriterionAction(argparse.Action):
    """``--where`` / ``--where-not``: collect ``(negate, [FIELD, OP, VALUE?])`` in order."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        items = list(getattr(namespace, self.dest) or [])
        items.append((self.const, list(values or [])))
        setattr(namespace, self.dest, items)


def register(subparsers: Any) -> None:
    """Add the ``group`` command and its actions."""
    parser = subparsers.add_parser(
        "group",
        help="list, create, fill, recompute and delete machine groups",
        description="Static groups (members chosen by hand) and dynamic groups (members "
        "found by a search, recomputed), stored as OCS stores them.",
    )
    actions = parser.add_subparsers(dest="group_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="groups with their kind and member count")
    add_db_option(listing)
    listing.add_argument("--machines", metavar="NAME", help="list this group's members instead")
    add_json_option(listing)
    listing.set_defaults(handler=run_list)

    fields = actions.add_parser("fields", help="the fields a dynamic group's --where can use")
    add_json_option(fields)
    fields.set_defaults(handler=run_fields)

    creating = actions.add_parser(
        "create",
        help="create a static or dynamic group",
        usage="%(prog)s --db DB NAME (--static | --dynamic --where FIELD OP [VALUE] ... "
        "[--where-not FIELD OP [VALUE] ...] [--any]) [--description TEXT]",
        description="Create a group. A dynamic group needs one --where (or --where-not) per "
        "criterion; its members are computed at once.",
        epilog="example: group create --db DB 'Windows with Firefox' --dynamic "
        "--where hardware.OSNAME contains windows --where software.NAME = Firefox",
    )
    add_db_option(creating)
    creating.add_argument("group_name", metavar="NAME", help="unique, case ignored")
    kind = creating.add_mutually_exclusive_group(required=True)
    kind.add_argument("--static", action="store_true", help="members chosen by hand")
    kind.add_argument("--dynamic", action="store_true", help="members found by --where")
    creating.add_argument(
        "--where",
        dest="criteria",
        nargs="+",
        action=_CriterionAction,
        const=False,
        metavar="FIELD OP [VALUE]",
        help=WHERE_HELP,
    )
    creating.add_argument(
        "--where-not",
        dest="criteria",
        nargs="+",
        action=_CriterionAction,
        const=True,
        metavar="FIELD OP [VALUE]",
        help="a criterion that keeps machines with no row matching it (repeatable)",
    )
    creating.add_argument(
        "--any", action="store_true", help="members match any criterion (default: all)"
    )
    creating.add_argument("--description", default="", metavar="TEXT")
    creating.set_defaults(handler=run_create)

    for action, summary in (
        ("add", "include machines by hand"),
        ("remove", "take machines out (a dynamic group excludes them)"),
    ):
        editing = actions.add_parser(
            action,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}: {SELECTORS_HELP}.",
        )
        add_db_option(editing)
        editing.add_argument("group_name", metavar="NAME", help="the group")
        add_machine_selectors(editing)
        editing.set_defaults(handler=run_add if action == "add" else run_remove)

    recomputing = actions.add_parser("recompute", help="recompute dynamic groups' members")
    add_db_option(recomputing)
    target = recomputing.add_mutually_exclusive_group(required=True)
    target.add_argument("group_name", nargs="?", metavar="NAME")
    target.add_argument("--all", action="store_true", help="every dynamic group made here")
    recomputing.set_defaults(handler=run_recompute)

    deleting = actions.add_parser("delete", help="delete a group (its machines stay)")
    add_db_option(deleting)
    deleting.add_argument("group_name", metavar="NAME")
    deleting.add_argument("--yes", action="store_true", help="delete without asking")
    deleting.set_defaults(handler=run_delete)


# -- list and fields ------------------------------------------------------------------


def _definition(group: GroupInfo) -> str | None:
    if group.kind == "static":
        return None
    if group.search is None:
        return "defined in OCS's web console"
    return group.search.describe()


def _group_json(group: GroupInfo) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "kind": group.kind,
        "members": group.members,
        "description": group.description,
        "computed": None if group.cache_time is None else group.cache_time.isoformat(sep=" "),
        "definition": _definition(group),
        "search": None if group.search is None else json.loads(group.search.to_json()),
    }


@handled("group list")
def run_list(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=False) as conn:
        if args.machines is not None:
            group = require_group(conn, args.machines)
            rows = listed_machines(conn, GroupFilter(group.id, group.name))
            print_machines(rows, as_json=args.json)
            return EXIT_OK
        found = groups.list_groups(conn)
    if args.json:
        print(json.dumps([_group_json(g) for g in found], indent=2, ensure_ascii=False))
        return EXIT_OK
    for g in found:
        definition = _definition(g)
        print(
            f"{g.id:>8}  {g.kind:<7}  {g.members:>6} member(s)  {g.name}"
            + (f"  [{definition}]" if definition else "")
        )
    return EXIT_OK


@handled("group fields")
def run_fields(args: argparse.Namespace) -> int:
    if args.json:
        rows = [
            {
                "field": f.key,
                "kind": f.kind,
                "label": f.label,
                "operators": [o.value for o in operators_for(f.key)],
            }
            for f in SEARCH_FIELDS.values()
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for f in SEARCH_FIELDS.values():
        print(f"{f.key:<36} {f.kind:<7} {f.label}")
    return EXIT_OK


# -- create ---------------------------------------------------------------------------


def _field_key(text: str) -> str:
    by_lower = {key.lower(): key for key in SEARCH_FIELDS}
    key = by_lower.get(text.strip().lower())
    if key is None:
        raise CommandError(f"unknown field {text!r}: see `ocs-desktop group fields`", EXIT_USAGE)
    return key


def _operator(text: str) -> Operator:
    cleaned = text.strip().lower().replace("-", "_")
    if cleaned in OPERATOR_SYMBOLS:
        return OPERATOR_SYMBOLS[cleaned]
    try:
        return Operator(cleaned)
    except ValueError:
        known = ", ".join([o.value for o in Operator] + list(OPERATOR_SYMBOLS))
        raise CommandError(f"unknown operator {text!r}; use one of {known}", EXIT_USAGE) from None


def parse_criterion(words: Sequence[str], negate: bool = False) -> Criterion:
    """``FIELD OP [VALUE]`` as a :class:`Criterion`; exit 2 when it is not one."""
    if len(words) < 2 or len(words) > 3:
        raise CommandError(f"--where takes FIELD OP [VALUE], not {' '.join(words)!r}", EXIT_USAGE)
    key, operator = _field_key(words[0]), _operator(words[1])
    if operator in VALUELESS and len(words) == 3:
        raise CommandError(f"{operator.value} takes no value: {' '.join(words)!r}", EXIT_USAGE)
    if operator not in VALUELESS and len(words) == 2:
        raise CommandError(f"{operator.value} needs a value: {' '.join(words)!r}", EXIT_USAGE)
    try:
        return Criterion(key, operator, words[2] if len(words) == 3 else "", negate)
    except ValueError as exc:
        raise CommandError(f"{' '.join(words)!r}: {exc}", EXIT_USAGE) from exc


def search_from_args(args: argparse.Namespace) -> Search:
    """The Search the ``--where`` and ``--where-not`` options describe."""
    criteria = tuple(parse_criterion(words, negate) for negate, words in args.criteria or [])
    return Search(criteria, "or" if args.any else "and")


@handled("group create")
def run_create(args: argparse.Namespace) -> int:
    if args.static and (args.criteria or args.any):
        raise CommandError("a static group takes no --where or --any", EXIT_USAGE)
    if args.dynamic and not args.criteria:
        raise CommandError("a dynamic group needs at least one --where", EXIT_USAGE)
    search = search_from_args(args) if args.dynamic else None
    with fleet_connection(args.db, write=True) as conn:
        try:
            if search is None:
                group_id = groups.create_static_group(conn, args.group_name, args.description)
            else:
                group_id = groups.create_dynamic_group(
                    conn, args.group_name, search, args.description
                )
        except ValueError as exc:
            raise CommandError(f"not created: {exc}") from exc
        created = next(g for g in groups.list_groups(conn) if g.id == group_id)
    if search is None:
        print(f"created static group {created.name!r} (ID {group_id})")
    else:
        print(
            f"created dynamic group {created.name!r} (ID {group_id}): {created.members} "
            f"member(s) where {search.describe()}"
        )
    return EXIT_OK


# -- add and remove -------------------------------------------------------------------


@handled("group add")
def run_add(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        group = require_group(conn, args.group_name)
        added = groups.add_members(conn, group.id, selected_machines(conn, args))
    print(f"{added} machine(s) included in {group.name!r}")
    return EXIT_OK


@handled("group remove")
def run_remove(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        group = require_group(conn, args.group_name)
        removed = groups.remove_members(conn, group.id, selected_machines(conn, args))
    if group.kind == "dynamic":
        print(f"{removed} machine(s) excluded from {group.name!r} (kept out when recomputed)")
    else:
        print(f"{removed} machine(s) removed from {group.name!r}")
    return EXIT_OK


# -- recompute ------------------------------------------------------------------------


@handled("group recompute")
def run_recompute(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        if args.all:
            chosen = [g for g in groups.list_groups(conn) if g.kind == "dynamic"]
        else:
            chosen = [require_group(conn, args.group_name)]
        for group in chosen:
            if args.all and group.search is None:
                print(f"skipped {group.name!r}: defined in OCS's web console")
                continue
            try:
                computed = groups.recompute_group(conn, group.id)
            except ValueError as exc:
                raise CommandError(f"{group.name!r} not recomputed: {exc}") from exc
            print(f"{group.name!r}: {computed} computed member(s)")
    if args.all and not chosen:
        print("no dynamic groups")
    return EXIT_OK


# -- delete ---------------------------------------------------------------------------


def _confirmed(args: argparse.Namespace, group: GroupInfo) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CommandError("not deleted: add --yes to delete without a terminal to confirm")
    answer = input(f"Delete {group.kind} group {group.name!r} ({group.members} member(s))? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


@handled("group delete", interrupted="delete interrupted: nothing was deleted")
def run_delete(args: argparse.Namespace) -> int:
    # Ask outside any transaction: a prompt must not hold the database.
    with fleet_connection(args.db, write=False) as conn:
        group = require_group(conn, args.group_name)
    if not _confirmed(args, group):
        print("nothing deleted")
        return EXIT_OK
    with fleet_connection(args.db, write=True) as conn:
        try:
            groups.delete_group(conn, group.id)
        except LookupError as exc:
            raise CommandError(f"not deleted: {exc}") from exc
    print(f"deleted group {group.name!r} (its machines stay)")
    return EXIT_OK
