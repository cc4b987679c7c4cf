"""``ocs-desktop config``: the server's ``config`` keys and per-machine/group overrides.

    config list  --db DB [--group G] [--json]
    config get   --db DB KEY
    config set   --db DB KEY VALUE [KEY VALUE...]
    config reset --db DB KEY [KEY...]
    config override set   --db DB (--machine ID | --group NAME) KEY VALUE [--subnet NET]
    config override clear --db DB (--machine ID | --group NAME) KEY
    config override show  --db DB (--machine ID | --group NAME)

The catalogue and its validation are ``fleet/config_keys`` (as in the console); a set of
values is written in one transaction, or not at all. A running server applies them within
its reload interval (``serve``'s config TTL, a few seconds).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from ocs_desktop.cli.common import EXIT_OK, CommandError, add_db_option, fleet_connection, handled
from ocs_desktop.cli.machine_selection import add_json_option
from ocs_desktop.fleet.config_edit import read_values, reset_keys, write_changes
from ocs_desktop.fleet.config_keys import GROUP_ORDER, KEYS, ConfigValueError, config_key, keys_of
from ocs_desktop.fleet.overrides import (
    OVERRIDES,
    OverrideError,
    check_machine,
    clear_override,
    effective,
    find_group,
    overrides_of,
    set_override,
)

config_command = handled("config")


def register(subparsers: Any) -> None:
    """Add the ``config`` command and its actions."""
    parser = subparsers.add_parser(
        "config",
        help="read and change the server's configuration keys",
        description="The config table's keys (FREQUENCY, DOWNLOAD, IPDISCOVER...) with "
        "their defaults and ranges, and per-machine or per-group overrides.",
    )
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="every key with its value and default")
    add_db_option(listing)
    listing.add_argument("--group", metavar="G", help=f"only one group: {', '.join(GROUP_ORDER)}")
    add_json_option(listing)
    listing.set_defaults(handler=run_list)

    getting = actions.add_parser("get", help="one key's value")
    add_db_option(getting)
    getting.add_argument("key", metavar="KEY")
    getting.set_defaults(handler=run_get)

    setting = actions.add_parser(
        "set",
        help="change keys (all or none)",
        epilog="example: config set --db DB FREQUENCY 1 PROLOG_FREQ 12 DOWNLOAD 1",
    )
    add_db_option(setting)
    setting.add_argument("pairs", nargs="+", metavar="KEY VALUE")
    setting.set_defaults(handler=run_set)

    resetting = actions.add_parser("reset", help="write back the OCS defaults")
    add_db_option(resetting)
    resetting.add_argument("keys", nargs="+", metavar="KEY")
    resetting.set_defaults(handler=run_reset)

    override = actions.add_parser(
        "override",
        help="per-machine or per-group values (the OCS Customize tab)",
        description="Keys: " + ", ".join(key.name for key in OVERRIDES),
    )
    kinds = override.add_subparsers(dest="override_action", metavar="ACTION", required=True)
    for name, helptext, handler in (
        ("set", "set a key for a machine or group", run_override_set),
        ("clear", "remove a machine's or group's value", run_override_clear),
        ("show", "overrides, and for a machine its effective values", run_override_show),
    ):
        sub = kinds.add_parser(name, help=helptext)
        add_db_option(sub)
        target = sub.add_mutually_exclusive_group(required=True)
        target.add_argument("--machine", type=int, metavar="ID", help="a machine's ID")
        target.add_argument("--group", metavar="NAME", help="a group's NAME (or #ID)")
        if name != "show":
            sub.add_argument("key", metavar="KEY")
        if name == "set":
            sub.add_argument("value", metavar="VALUE")
            sub.add_argument("--subnet", help="IPDISCOVER: the subnet an elected machine scans")
        sub.set_defaults(handler=handler)


def _refused(exc: ValueError) -> CommandError:
    return CommandError(str(exc))


def _show(value: int | str) -> str:
    return value if isinstance(value, str) else str(value)


@config_command
def run_list(args: argparse.Namespace) -> int:
    keys = keys_of(args.group) if args.group else list(KEYS)
    if args.group and not keys:
        raise CommandError(f"no group {args.group!r}; one of {', '.join(GROUP_ORDER)}")
    with fleet_connection(args.db, write=False) as conn:
        values = read_values(conn, keys)
    if args.json:
        rows = [
            {
                "name": v.key.name,
                "group": v.key.group,
                "kind": v.key.kind.value,
                "column": v.key.column.value,
                "value": v.value,
                "stored": v.stored,
                "default": v.key.default,
                "min": v.key.minimum,
                "max": v.key.maximum,
                "choices": list(v.key.choices),
                "unit": v.key.unit,
                "description": v.key.description,
            }
            for v in values.values()
        ]
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return EXIT_OK
    for v in values.values():
        mark = "" if v.is_default else " *"
        missing = "" if v.stored else " (no row)"
        print(f"{v.key.group:<16} {v.key.name:<38} {_show(v.value)}{mark}{missing}")
    return EXIT_OK


@config_command
def run_get(args: argparse.Namespace) -> int:
    try:
        key = config_key(args.key)
    except ConfigValueError as exc:
        raise _refused(exc) from None
    with fleet_connection(args.db, write=False) as conn:
        print(_show(read_values(conn, [key])[key.name].value))
    return EXIT_OK


@config_command
def run_set(args: argparse.Namespace) -> int:
    pairs = args.pairs
    if len(pairs) % 2:
        raise CommandError("give KEY VALUE pairs")
    changes = dict(zip(pairs[::2], pairs[1::2], strict=True))
    try:
        with fleet_connection(args.db, write=True) as conn:
            written = write_changes(conn, changes)
    except ConfigValueError as exc:
        raise _refused(exc) from None
    for name, value in written.items():
        print(f"{name} = {_show(value)}")
    return EXIT_OK


@config_command
def run_reset(args: argparse.Namespace) -> int:
    try:
        with fleet_connection(args.db, write=True) as conn:
            written = reset_keys(conn, args.keys)
    except ConfigValueError as exc:
        raise _refused(exc) from None
    for name, value in written.items():
        print(f"{name} = {_show(value)}")
    return EXIT_OK


def _target(conn: Any, args: argparse.Namespace) -> int:
    if args.group is not None:
        return find_group(conn, args.group)
    return check_machine(conn, args.machine)


@config_command
def run_override_set(args: argparse.Namespace) -> int:
    try:
        with fleet_connection(args.db, write=True) as conn:
            value = set_override(conn, _target(conn, args), args.key, args.value, args.subnet)
    except (ConfigValueError, OverrideError) as exc:
        raise _refused(exc) from None
    print(f"{args.key.upper()} = {value}")
    return EXIT_OK


@config_command
def run_override_clear(args: argparse.Namespace) -> int:
    try:
        with fleet_connection(args.db, write=True) as conn:
            removed = clear_override(conn, _target(conn, args), args.key)
    except OverrideError as exc:
        raise _refused(exc) from None
    print(f"removed {removed} row(s)")
    return EXIT_OK


@config_command
def run_override_show(args: argparse.Namespace) -> int:
    try:
        with fleet_connection(args.db, write=False) as conn:
            target = _target(conn, args)
            own = overrides_of(conn, target)
            found = effective(conn, target) if args.machine is not None else None
    except OverrideError as exc:
        raise _refused(exc) from None
    for key in OVERRIDES:
        ivalue, tvalue = own.get(key.name, (None, None))
        mine = "-" if ivalue is None else str(ivalue) + (f" {tvalue}" if tvalue else "")
        line = f"{key.name:<28} {mine:<10}"
        if found is not None:
            got = found[key.name]
            where = got.source.value + (f" #{got.group_id}" if got.group_id is not None else "")
            line += f" effective {got.value} ({where})"
        print(line.rstrip())
    return EXIT_OK
