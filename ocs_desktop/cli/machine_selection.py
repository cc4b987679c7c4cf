"""What ``tag`` and ``group`` share: the machine selectors, group lookup, a connection,
and printing machines for people or scripts.

Selectors add up: ``ID...`` or ``--id ID`` hardware IDs, ``--name GLOB`` hostnames (``*``, ``?``,
ignoring case) and ``--group NAME`` a group's members, each repeatable. A selector that
finds nothing is an error (exit 1): a script that meant some machines should hear it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.cli.common import CommandError
from ocs_desktop.fleet.filters import MachineFilter
from ocs_desktop.fleet.groups import GroupInfo
from ocs_desktop.fleet.machine_selection import (
    existing_machines,
    find_group,
    group_machine_ids,
    machines_named,
)
from ocs_desktop.fleet.machines import MachineQuery, MachineRow, count_machines, fetch_machines

SELECTORS_HELP = (
    "machines: hardware IDs (ID... or --id ID), --name GLOB and --group NAME, each "
    "repeatable, added together"
)


def add_machine_selectors(parser: argparse.ArgumentParser) -> None:
    """``ID...``, ``--id ID``, ``--name GLOB``, ``--group NAME``.

    ``--id`` exists because argparse takes positionals in one run: after an option that
    follows the first positionals, a bare ID is an error.
    """
    parser.add_argument(
        "ids",
        nargs="*",
        type=int,
        metavar="ID",
        help="hardware IDs, side by side (--id ID goes anywhere)",
    )
    parser.add_argument(
        "--id",
        dest="more_ids",
        action="append",
        type=int,
        default=[],
        metavar="ID",
        help="a hardware ID, anywhere on the line (repeatable)",
    )
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="GLOB",
        help="machines whose hostname matches (* and ?, case ignored; quote it)",
    )
    parser.add_argument(
        "--group", action="append", default=[], metavar="NAME", help="the members of a group"
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def require_group(conn: Connection, name: str) -> GroupInfo:
    """The group called ``name``; exit 1 when there is none (or several)."""
    try:
        group = find_group(conn, name)
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    if group is None:
        raise CommandError(f"no group named {name!r}: see `ocs-desktop group list`")
    return group


def selected_machines(conn: Connection, args: argparse.Namespace) -> list[int]:
    """The machines the selectors name, sorted; exit 1 if one finds nothing."""
    ids = [*args.ids, *args.more_ids]
    if not (ids or args.name or args.group):
        raise CommandError("no machines selected: give IDs, --name GLOB or --group NAME")
    chosen: set[int] = set()
    if ids:
        found = set(existing_machines(conn, ids))
        unknown = sorted(set(ids) - found)
        if unknown:
            raise CommandError(f"no machine with ID {', '.join(map(str, unknown))}")
        chosen |= found
    for pattern in args.name:
        named = machines_named(conn, pattern)
        if not named:
            raise CommandError(f"no machine name matches {pattern!r}")
        chosen.update(named)
    for name in args.group:
        group = require_group(conn, name)
        members = group_machine_ids(conn, group.id)
        if not members:
            raise CommandError(f"group {group.name!r} has no members")
        chosen.update(members)
    return sorted(chosen)


def listed_machines(conn: Connection, filter_: MachineFilter) -> list[MachineRow]:
    """Every machine ``filter_`` keeps, sorted by name, as the machines list shows them."""
    query = MachineQuery(filter=filter_)
    return fetch_machines(conn, query, 0, count_machines(conn, query))


def _when(value: Any) -> str | None:
    return None if value is None else value.isoformat(sep=" ")


def print_machines(rows: Sequence[MachineRow], *, as_json: bool) -> None:
    """One machine a line (ID, name, TAG, OS, last inventory), or a JSON list."""
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "tag": r.tag,
                        "osname": r.osname,
                        "lastdate": _when(r.lastdate),
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    for r in rows:
        print(
            f"{r.id:>8}  {r.name or '-'}  TAG {r.tag or '-'}  {r.osname or '-'}"
            f"  last {_when(r.lastdate) or '-'}"
        )
    print(f"{len(rows)} machine(s)")
