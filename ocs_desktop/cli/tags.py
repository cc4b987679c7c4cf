"""``ocs-desktop tag``: list TAGs and set TAGs or other admin fields, for scripts.

    tag list --db DB [--machines TAG | --untagged] [--json]
    tag set  --db DB (--value TEXT | --clear) [--field NAME] [--overwrite-agent-tag]
             [ID...] [--id ID] [--name GLOB] [--group NAME]

The TAG is the location each agent sends (``ocs-agent --tag``): ``set`` refuses (exit 1)
to replace a different, non-empty TAG unless ``--overwrite-agent-tag`` says so. The value
is an option, never a positional, so a numeric TAG cannot be taken for a machine ID. The
work is the console's: ``fleet.admin_data``. Exit codes are ``cli/common.py``'s.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ocs_desktop.cli.common import EXIT_OK, CommandError, add_db_option, fleet_connection, handled
from ocs_desktop.cli.machine_selection import (
    SELECTORS_HELP,
    add_json_option,
    add_machine_selectors,
    listed_machines,
    print_machines,
    selected_machines,
)
from ocs_desktop.fleet.admin_data import (
    TAG_COLUMN,
    find_admin_field,
    set_admin_value,
    set_tag,
    tag_counts,
    tag_overwrites,
)
from ocs_desktop.fleet.filters import TagFilter


def register(subparsers: Any) -> None:
    """Add the ``tag`` command and its actions."""
    parser = subparsers.add_parser(
        "tag",
        help="list and set machine TAGs and admin fields",
        description="The TAGs of the fleet with their machine counts, and setting a TAG "
        "(or any admin field) on machines chosen by ID, hostname or group.",
    )
    actions = parser.add_subparsers(dest="tag_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="TAGs with their machine counts")
    add_db_option(listing)
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--machines", metavar="TAG", help="list the machines of this TAG instead")
    which.add_argument("--untagged", action="store_true", help="list the machines without a TAG")
    add_json_option(listing)
    listing.set_defaults(handler=run_list)

    setting = actions.add_parser(
        "set",
        help="set the TAG (or --field) of machines",
        description="Set the TAG, or the admin field --field, of the selected machines. "
        "A TAG the agent sent is replaced only with --overwrite-agent-tag. "
        f"Selecting {SELECTORS_HELP}.",
        epilog="examples: tag set --db DB --value PARIS 12 13;  "
        "tag set --db DB --value LYON --name 'lyon-*' --overwrite-agent-tag;  "
        "tag set --db DB --field OWNER --value alice --group Accounting",
    )
    add_db_option(setting)
    value = setting.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", metavar="TEXT", help="the new value")
    value.add_argument("--clear", action="store_true", help="empty the value (NULL)")
    setting.add_argument(
        "--field",
        metavar="NAME",
        help="an admin field instead of the TAG: its column (fields_3), name or label",
    )
    setting.add_argument(
        "--overwrite-agent-tag",
        action="store_true",
        help="replace TAGs that differ from the new value (the agents' own locations)",
    )
    add_machine_selectors(setting)
    setting.set_defaults(handler=run_set)


def _shown(tag: str | None) -> str:
    return "(no TAG)" if tag is None else tag


@handled("tag list")
def run_list(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=False) as conn:
        if args.machines is not None or args.untagged:
            tag = None if args.untagged else args.machines
            print_machines(listed_machines(conn, TagFilter(tag)), as_json=args.json)
            return EXIT_OK
        counts = tag_counts(conn)
    if args.json:
        rows = [{"tag": c.tag, "machines": c.count} for c in counts]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for c in counts:
            print(f"{c.count:>8}  {_shown(c.tag)}")
    return EXIT_OK


@handled("tag set")
def run_set(args: argparse.Namespace) -> int:
    value: str | None = None if args.clear else args.value
    with fleet_connection(args.db, write=True) as conn:
        ids = selected_machines(conn, args)
        try:
            field = find_admin_field(conn, args.field) if args.field else None
            if field is None or field.column == TAG_COLUMN:
                _check_agent_tags(tag_overwrites(conn, ids, value), len(ids), args)
                done = set_tag(conn, ids, value)
                label = "TAG"
            else:
                done = set_admin_value(conn, ids, field.column, value)
                label = field.label
        except ValueError as exc:
            raise CommandError(f"nothing set: {exc}") from exc
    shown = "cleared" if value is None else f"set to {value!r}"
    print(f"{label} {shown} on {done} machine(s)")
    return EXIT_OK


def _check_agent_tags(overwritten: list[int], selected: int, args: argparse.Namespace) -> None:
    if overwritten and not args.overwrite_agent_tag:
        raise CommandError(
            f"nothing set: {len(overwritten)} of {selected} machine(s) have a different TAG, "
            "the location their agent sends; add --overwrite-agent-tag to replace it "
            f"(IDs {', '.join(map(str, overwritten[:10]))}"
            f"{', ...' if len(overwritten) > 10 else ''})"
        )
