"""``ocs-desktop network``: IP discovery results and the operator's actions, for scripts.

    network subnets --db DB [--json]
    network hosts --db DB --subnet NETID [--tag TAG]
                  [--kind inventoried|non-inventoried|identified|elected] [--csv|--json]
    network identify --db DB MAC --type T --description D [--user U]
    network types list|add|rename|delete --db DB [NAME [NEW]]
    network subnet-name --db DB NETID NAME [--mask M] [--tag TAG]
    network elect --db DB HARDWARE_ID force|forbid|release [--subnet NETID]
    network blacklist list|add|remove --db DB [SUBNET MASK]
    network delete --db DB MAC
    network purge --db DB --older-than DAYS

Counts and lists are those of the OCS console (PROTOCOL.md 4.5); writes are the rows the
OCS console writes. Refused input exits 1, database errors 2 (``cli/common.py``).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection

from ocs_desktop.cli.common import EXIT_OK, add_db_option, fleet_connection, handled
from ocs_desktop.fleet import network_actions as actions
from ocs_desktop.fleet.network_hosts import HostKind, headers, list_hosts, write_csv
from ocs_desktop.fleet.network_input import NetworkInputError
from ocs_desktop.fleet.network_subnets import subnet_summaries


def _parser(actions_: Any, name: str, helptext: str, handler: Callable[..., int]) -> Any:
    parser = actions_.add_parser(name, help=helptext, description=helptext)
    add_db_option(parser)
    parser.set_defaults(handler=handler)
    return parser


def register(subparsers: Any) -> None:
    """Add the ``network`` command and its actions."""
    parser = subparsers.add_parser(
        "network",
        help="IP discovery: subnets, discovered hosts, identification, elections",
        description="What IP discovery found, counted as the OCS console counts it, and "
        "the operator's actions on it (identify, device types, subnet names, elections, "
        "subnet blacklist, delete, purge).",
    )
    verbs = parser.add_subparsers(dest="network_action", metavar="ACTION", required=True)

    subnets = _parser(verbs, "subnets", "subnets with their four counts", run_subnets)
    subnets.add_argument("--json", action="store_true", help="JSON instead of a table")

    hosts = _parser(verbs, "hosts", "the hosts of one subnet", run_hosts)
    hosts.add_argument("--subnet", required=True, metavar="NETID")
    hosts.add_argument("--tag", help="with IPDISCOVER_LINK_TAG_NETWORK: the network's TAG")
    hosts.add_argument(
        "--kind", choices=[k.value for k in HostKind], default=HostKind.NON_INVENTORIED.value
    )
    form = hosts.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="CSV with a header line")
    form.add_argument("--json", action="store_true", help="JSON")

    ident = _parser(verbs, "identify", "identify a discovered host", run_identify)
    ident.add_argument("mac", metavar="MAC")
    ident.add_argument("--type", required=True, help="a device type (network types list)")
    ident.add_argument("--description", required=True)
    ident.add_argument("--user", help="who identifies it (default: your login)")

    types = verbs.add_parser("types", help="device types", description="device types")
    type_verbs = types.add_subparsers(dest="types_action", metavar="ACTION", required=True)
    _parser(type_verbs, "list", "list the device types", run_types_list)
    _parser(type_verbs, "add", "add a device type", run_types_edit).add_argument("name")
    renaming = _parser(type_verbs, "rename", "rename a device type", run_types_edit)
    renaming.add_argument("name")
    renaming.add_argument("new_name", metavar="NEW")
    _parser(type_verbs, "delete", "delete an unused device type", run_types_edit).add_argument(
        "name"
    )

    naming = _parser(verbs, "subnet-name", "give a subnet a name", run_subnet_name)
    naming.add_argument("netid", metavar="NETID")
    naming.add_argument("name", metavar="NAME")
    naming.add_argument("--mask", help="its mask (default: as its scanners reported it)")
    naming.add_argument("--tag", help="with IPDISCOVER_LINK_TAG_NETWORK: the network's TAG")

    elect = _parser(verbs, "elect", "force, forbid or release a machine's election", run_elect)
    elect.add_argument("hardware_id", type=int, metavar="HARDWARE_ID")
    elect.add_argument("election", choices=[e.value for e in actions.Election])
    elect.add_argument("--subnet", help="force: the subnet it scans (default: its first up)")

    black = verbs.add_parser("blacklist", help="subnets never scanned", description="subnets")
    black_verbs = black.add_subparsers(dest="blacklist_action", metavar="ACTION", required=True)
    _parser(black_verbs, "list", "list the blacklisted subnets", run_blacklist_list)
    for verb, helptext in (("add", "blacklist a subnet"), ("remove", "take a subnet off")):
        sub = _parser(black_verbs, verb, helptext, run_blacklist_edit)
        sub.add_argument("subnet", metavar="SUBNET")
        sub.add_argument("mask", metavar="MASK")

    deleting = _parser(verbs, "delete", "forget a discovered host (and its identity)", run_delete)
    deleting.add_argument("mac", metavar="MAC")

    purging = _parser(verbs, "purge", "delete hosts no scan has seen for DAYS days", run_purge)
    purging.add_argument("--older-than", type=int, required=True, metavar="DAYS")


def _connection(url: str, *, write: bool) -> AbstractContextManager[Connection]:
    return fleet_connection(url, write=write, refused=(NetworkInputError,))


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ocs-desktop"


def _json_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return value


def _dump(rows: list[dict[str, Any]]) -> None:
    clean = [{k: _json_value(v) for k, v in row.items()} for row in rows]
    print(json.dumps(clean, indent=2, ensure_ascii=False))


@handled("network subnets")
def run_subnets(args: argparse.Namespace) -> int:
    with _connection(args.db, write=False) as conn:
        rows = subnet_summaries(conn)
    if args.json:
        _dump([dataclasses.asdict(r) for r in rows])
        return EXIT_OK
    print(f"{'NETID':<15} {'MASK':<15} {'INV':>5} {'NON-INV':>7} {'IDENT':>5} {'SCAN':>4}  NAME")
    for r in rows:
        label = r.name or "-"
        if r.tag:
            label += f" [TAG {r.tag}]"
        print(
            f"{r.netid:<15} {r.mask or '-':<15} {r.inventoried:>5} {r.non_inventoried:>7} "
            f"{r.identified:>5} {r.elected:>4}  {label}"
        )
    print(f"{len(rows)} subnet(s), {sum(r.non_inventoried for r in rows)} non-inventoried host(s)")
    return EXIT_OK


@handled("network hosts")
def run_hosts(args: argparse.Namespace) -> int:
    kind = HostKind(args.kind)
    with _connection(args.db, write=False) as conn:
        hosts = list_hosts(conn, kind, args.subnet, args.tag)
    if args.csv:
        write_csv(sys.stdout, kind, hosts)
    elif args.json:
        _dump([dataclasses.asdict(h) for h in hosts])
    else:
        names = headers(kind)
        for host in hosts:
            values = dataclasses.asdict(host)
            print("  ".join(str(_json_value(values[n]) if values[n] is not None else "-")
                            for n in names))  # fmt: skip
        print(f"{len(hosts)} {kind.value} host(s) on {args.subnet}")
    return EXIT_OK


@handled("network identify")
def run_identify(args: argparse.Namespace) -> int:
    user = args.user or _user()
    with _connection(args.db, write=True) as conn:
        device_id = actions.identify(conn, args.mac, args.type, args.description, user)
    print(f"{args.mac} identified as {args.type} (network_devices {device_id}, by {user})")
    return EXIT_OK


@handled("network types")
def run_types_list(args: argparse.Namespace) -> int:
    with _connection(args.db, write=False) as conn:
        names = actions.device_types(conn)
        usage = actions.type_usage(conn)
    for name in names:
        print(f"{name}\t{usage.get(name, 0)} device(s)")
    return EXIT_OK


@handled("network types")
def run_types_edit(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        if args.types_action == "add":
            actions.add_type(conn, args.name)
            print(f"type {args.name!r} added")
        elif args.types_action == "rename":
            moved = actions.rename_type(conn, args.name, args.new_name)
            print(f"type {args.name!r} renamed to {args.new_name!r} ({moved} device(s) follow)")
        else:
            actions.delete_type(conn, args.name)
            print(f"type {args.name!r} deleted")
    return EXIT_OK


@handled("network subnet-name")
def run_subnet_name(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        actions.name_subnet(conn, args.netid, args.name, args.mask, tag=args.tag)
    print(f"subnet {args.netid} named {args.name!r}")
    return EXIT_OK


@handled("network elect")
def run_elect(args: argparse.Namespace) -> int:
    election = actions.Election(args.election)
    with _connection(args.db, write=True) as conn:
        row = actions.set_election(conn, args.hardware_id, election, args.subnet)
    if row.ivalue is None:
        print(f"machine {args.hardware_id}: the server decides (no IPDISCOVER row)")
    elif row.ivalue == actions.FORCED:
        print(f"machine {args.hardware_id}: forced to scan {row.subnet}")
    else:
        print(f"machine {args.hardware_id}: never scans")
    return EXIT_OK


@handled("network blacklist")
def run_blacklist_list(args: argparse.Namespace) -> int:
    with _connection(args.db, write=False) as conn:
        entries = actions.blacklisted_subnets(conn)
    for entry in entries:
        print(f"{entry.subnet}\t{entry.mask}")
    print(f"{len(entries)} blacklisted subnet(s)")
    return EXIT_OK


@handled("network blacklist")
def run_blacklist_edit(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        if args.blacklist_action == "add":
            entry = actions.blacklist_subnet(conn, args.subnet, args.mask)
            print(f"{entry.subnet}/{entry.mask} blacklisted")
        else:
            actions.unblacklist_subnet(conn, args.subnet, args.mask)
            print(f"{args.subnet}/{args.mask} taken off the blacklist")
    return EXIT_OK


@handled("network delete")
def run_delete(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        gone = actions.delete_host(conn, args.mac)
    print(
        f"{args.mac}: {gone.netmap} netmap row(s), {gone.network_devices} identification(s) deleted"
    )
    return EXIT_OK


@handled("network purge")
def run_purge(args: argparse.Namespace) -> int:
    with _connection(args.db, write=True) as conn:
        gone = actions.purge(conn, args.older_than)
    print(f"{gone} host(s) not seen for {args.older_than} day(s) purged")
    return EXIT_OK
