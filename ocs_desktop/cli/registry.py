"""``ocs-desktop registry``: the registry queries the server sends Windows agents.

    registry list   --db DB [--json]
    registry add    --db DB NAME HIVE KEY VALUE     (HIVE: 0-5, HKLM or HKEY_LOCAL_MACHINE)
    registry remove --db DB ID|NAME...

VALUE is a value name, or ``*`` for every value of the key. The queries are sent in the
PROLOG reply while ``config`` REGISTRY is on. The work is ``fleet.registry_queries``'s.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import EXIT_OK, CommandError, add_db_option, database_error, handled
from ocs_desktop.cli.common import open_database as _open
from ocs_desktop.fleet.registry_queries import (
    HIVES,
    RegistryQueryError,
    add_query,
    delete_query,
    find_queries,
    list_queries,
    registry_option_on,
)


def register(subparsers: Any) -> None:
    """Add the ``registry`` command and its actions."""
    parser = subparsers.add_parser(
        "registry",
        help="registry queries sent to Windows agents",
        description="The registry values Windows agents read and send back with their "
        "inventory (regconfig). Hives: " + ", ".join(f"{n}={h}" for n, h in HIVES.items()),
    )
    actions = parser.add_subparsers(dest="registry_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the queries")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="JSON instead of text")
    listing.set_defaults(handler=run_list)

    adding = actions.add_parser(
        "add",
        help="add a query",
        epilog=r"example: registry add --db DB AppVersion HKLM 'SOFTWARE\Vendor\App' Version",
    )
    add_db_option(adding)
    adding.add_argument("name", help="the label its answers are stored under")
    adding.add_argument("hive", help="0-5, HKLM, HKEY_LOCAL_MACHINE...")
    adding.add_argument("key", help=r"the key path without the hive, e.g. SOFTWARE\Vendor\App")
    adding.add_argument("value", help="the value name, or * for every value of the key")
    adding.set_defaults(handler=run_add)

    removing = actions.add_parser("remove", help="remove queries by ID or NAME")
    add_db_option(removing)
    removing.add_argument("queries", nargs="+", metavar="ID|NAME")
    removing.set_defaults(handler=run_remove)


@handled("registry list")
def run_list(args: argparse.Namespace) -> int:
    with _open(args.db, table="regconfig") as engine:
        try:
            with engine.connect() as conn:
                queries, on = list_queries(conn), registry_option_on(conn)
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    if args.json:
        rows = [
            {"id": q.id, "name": q.name, "hive": q.hive, "key": q.key, "value": q.value}
            for q in queries
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for q in queries:
        print(f"{q.id:>6}  {q.name}  {q.path}  {q.value}")
    if not on:
        print("(config REGISTRY is off: the server does not send these queries)")
    return EXIT_OK


@handled("registry add")
def run_add(args: argparse.Namespace) -> int:
    with _open(args.db, table="regconfig") as engine:
        try:
            with engine.begin() as conn:
                query = add_query(conn, args.name, args.hive, args.key, args.value)
        except RegistryQueryError as exc:
            raise CommandError(str(exc)) from exc
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    print(query.id)
    return EXIT_OK


@handled("registry remove")
def run_remove(args: argparse.Namespace) -> int:
    with _open(args.db, table="regconfig") as engine:
        try:
            with engine.begin() as conn:
                doomed = [q for wanted in args.queries for q in find_queries(conn, wanted)]
                for query in {q.id: q for q in doomed}.values():
                    delete_query(conn, query.id)
        except RegistryQueryError as exc:
            raise CommandError(str(exc)) from exc
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    print(f"removed {len({q.id for q in doomed})} registry quer(ies)")
    return EXIT_OK
