"""``ocs-desktop duplicates``: find, merge and dismiss duplicate machines; edit the blacklists.

    duplicates list --db DB [--criterion hostname ...] [--all]
    duplicates merge --db DB ID ID [ID...] [--yes | --dry-run]
    duplicates ignore --db DB SET [--undo]
    duplicates blacklist list|add|remove --db DB --kind serial|mac [VALUE]

``list`` prints each candidate set with a short key; ``ignore`` takes that key (any
unique prefix). ``merge`` prints its plan and asks before doing it (``--yes`` does not
ask; without a terminal it refuses unless ``--yes``). Exit codes are ``cli/common.py``'s.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    add_db_option,
    database_error,
    fleet_connection,
    handled,
    open_database,
)
from ocs_desktop.db.machine_merge import MergeConflict
from ocs_desktop.fleet.duplicates import (
    DuplicateReport,
    DuplicateSet,
    SetCriterion,
    find_duplicates,
)
from ocs_desktop.fleet.duplicates_blacklist import (
    BlacklistKind,
    add_to_blacklist,
    list_blacklist,
    remove_from_blacklist,
)
from ocs_desktop.fleet.duplicates_ignore import ignore_set, unignore_set
from ocs_desktop.fleet.duplicates_merge import MergePlan, StalePlan, merge, plan_merge

KEY_SHOWN = 12


def register(subparsers: Any) -> None:
    """Add the ``duplicates`` command and its actions."""
    parser = subparsers.add_parser(
        "duplicates",
        help="find and merge duplicate machines",
        description="Machines that share a hostname, serial, MAC address or UUID: list them, "
        "merge a selection (the machine heard from last survives), dismiss a set, and edit "
        "the serial and MAC blacklists.",
    )
    actions = parser.add_subparsers(dest="duplicates_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list the candidate duplicate sets")
    add_db_option(listing)
    listing.add_argument(
        "--criterion",
        action="append",
        choices=[c.value for c in SetCriterion],
        help="only sets of this criterion (repeatable; default: all)",
    )
    listing.add_argument("--all", action="store_true", help="include dismissed sets")
    listing.set_defaults(handler=run_list)

    merging = actions.add_parser("merge", help="merge machines into the one heard from last")
    add_db_option(merging)
    merging.add_argument("ids", nargs="+", type=int, metavar="ID", help="hardware IDs (2 or more)")
    how = merging.add_mutually_exclusive_group()
    how.add_argument("--yes", action="store_true", help="merge without asking")
    how.add_argument("--dry-run", action="store_true", help="print the plan only")
    merging.set_defaults(handler=run_merge)

    ignoring = actions.add_parser("ignore", help='mark a set "not duplicates" (hidden)')
    add_db_option(ignoring)
    ignoring.add_argument("set_key", metavar="SET", help="the set's key as `list` prints it")
    ignoring.add_argument("--undo", action="store_true", help="show a dismissed set again")
    ignoring.set_defaults(handler=run_ignore)

    blacklist = actions.add_parser("blacklist", help="serials and MACs that identify nothing")
    edits = blacklist.add_subparsers(dest="blacklist_action", metavar="EDIT", required=True)
    for edit, summary in (
        ("list", "print the blacklisted values"),
        ("add", "blacklist a value"),
        ("remove", "take a value off the blacklist"),
    ):
        editing = edits.add_parser(edit, help=summary)
        add_db_option(editing)
        editing.add_argument("--kind", required=True, choices=[k.value for k in BlacklistKind])
        if edit != "list":
            editing.add_argument("value", metavar="VALUE")
        editing.set_defaults(handler=run_blacklist)


# -- list -------------------------------------------------------------------------------


def _when(value: object) -> str:
    return "-" if value is None else str(value)[:19]


def print_set(found: DuplicateSet) -> None:
    values = "; ".join(f"{part} {value}" for part, value in found.values)
    flag = " (dismissed)" if found.ignored else ""
    print(f"[{found.key[:KEY_SHOWN]}] {found.criterion.value}: {values}{flag}")
    for m in found.machines:
        print(
            f"    {m.id:>8}  {m.name or '-'}  {m.deviceid}  first {_when(m.first_inventory)}"
            f"  last {_when(m.last_inventory)}  {m.useragent or '-'}"
            f"  serial {m.serial or '-'}  uuid {m.uuid or '-'}  macs {', '.join(m.macs) or '-'}"
        )


def print_report(report: DuplicateReport) -> None:
    for found in report.sets:
        print_set(found)
    counts = ", ".join(f"{c.value} {n}" for c, n in report.by_criterion.items()) or "none"
    print(f"{len(report.sets)} set(s): {counts}; {report.hidden} dismissed")
    for excluded in report.excluded:
        print(
            f"  blacklisted {excluded.kind.value} {excluded.value!r} "
            f"shared by {excluded.machines} machines: not a duplicate criterion"
        )


@handled("duplicates list")
def run_list(args: argparse.Namespace) -> int:
    criteria = [SetCriterion(c) for c in args.criterion or [c.value for c in SetCriterion]]
    with fleet_connection(args.db, write=False) as conn:
        report = find_duplicates(conn, criteria, include_ignored=args.all)
    print_report(report)
    return EXIT_OK


# -- merge ------------------------------------------------------------------------------


def print_plan(plan: MergePlan) -> None:
    survivor = plan.survivor
    print(f"survives: {survivor.id} {survivor.name or '-'} {survivor.deviceid}")
    for machine in plan.merged:
        print(f"deleted:  {machine.id} {machine.name or '-'} {machine.deviceid}")
    print("the survivor keeps:")
    for row in plan.keep:
        print(f"  {row.table}: {row.rows} row(s) of {row.machine}")
    print("deleted rows:")
    for row in plan.delete:
        print(f"  {row.table}: {row.rows} row(s) of {row.machine}")
    if plan.trace_deleted:
        print("deleted_equiv gets one row per deleted machine (TRACE_DELETED)")


def _confirmed(args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CommandError("not merged: add --yes to merge without a terminal to confirm")
    return input("Merge these machines? [y/N] ").strip().lower() in ("y", "yes")


@handled("duplicates merge", interrupted="merge interrupted: nothing was merged")
def run_merge(args: argparse.Namespace) -> int:
    with open_database(args.db, table="hardware") as engine:
        try:
            with engine.connect() as conn:
                plan = plan_merge(conn, args.ids)
            print_plan(plan)
            if args.dry_run or not _confirmed(args):
                print("nothing merged")
                return EXIT_OK
            outcome = merge(engine, plan, user=_user())
        except (ValueError, LookupError, StalePlan, MergeConflict, TimeoutError) as exc:
            raise CommandError(f"not merged: {exc}", EXIT_FAILED) from exc
        except SQLAlchemyError as exc:
            raise database_error(exc, "not merged") from exc
    print(f"merged {len(outcome.deleted)} machine(s) into {outcome.survivor}")
    return EXIT_OK


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ocs-desktop"


# -- ignore -----------------------------------------------------------------------------


@handled("duplicates ignore")
def run_ignore(args: argparse.Namespace) -> int:
    prefix = args.set_key.strip().lower()
    if len(prefix) < 4:
        raise CommandError("give at least 4 characters of the set's key")
    with fleet_connection(args.db, write=True) as conn:
        report = find_duplicates(conn, include_ignored=True)
        matches = [s for s in report.sets if s.key.startswith(prefix)]
        if len(matches) != 1:
            found = "no set" if not matches else f"{len(matches)} sets"
            raise CommandError(f"{found} with key {prefix!r}: see `duplicates list --all`")
        [chosen] = matches
        if args.undo:
            if not unignore_set(conn, chosen.criterion.value, chosen.key):
                raise CommandError(f"set {prefix!r} was not dismissed")
            print(f"set {chosen.key[:KEY_SHOWN]} shown again")
        else:
            ignore_set(conn, chosen, _user())
            print(f"set {chosen.key[:KEY_SHOWN]} dismissed until its machines change")
    return EXIT_OK


# -- blacklist --------------------------------------------------------------------------


@handled("duplicates blacklist")
def run_blacklist(args: argparse.Namespace) -> int:
    kind = BlacklistKind(args.kind)
    action = args.blacklist_action
    with fleet_connection(args.db, write=action != "list") as conn:
        try:
            if action == "list":
                for entry in list_blacklist(conn, kind):
                    print(entry.value)
            elif action == "add":
                entry = add_to_blacklist(conn, kind, args.value)
                print(f"blacklisted {kind.value} {entry.value}")
            else:
                removed = remove_from_blacklist(conn, kind, args.value)
                print(f"removed {removed} {kind.value} entr{'y' if removed == 1 else 'ies'}")
        except (ValueError, LookupError) as exc:
            raise CommandError(str(exc), EXIT_FAILED) from exc
    return EXIT_OK
