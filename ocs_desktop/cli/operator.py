"""``ocs-desktop operator ...``: console operators (OCS users), their profiles and TAG
perimeters, and ``operator passwd LOGIN --db DB``: change an operator's password.

``list [--json]``, ``create LOGIN --profile P``, ``edit LOGIN``, ``disable``/``enable
LOGIN``, ``delete LOGIN [--yes]``, ``perimeter add|remove LOGIN PATTERN`` and ``perimeter
list LOGIN`` run the core's functions (``fleet.operators``, ``fleet.operator_profiles``).

The server refuses nothing while ``admin``/``admin`` works, but warns in its log and the
console shows a red band: this is the command both point to. The password is asked twice
on the terminal, or read from the first line of stdin with ``--password-stdin`` (scripts);
it is never taken from the command line, where ``ps`` and the shell history would show it.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    database_error,
    handled,
    open_database,
)
from ocs_desktop.fleet.operator_profiles import (
    PROFILES,
    PerimeterError,
    add_perimeter,
    list_perimeter,
    perimeters,
    remove_perimeter,
)
from ocs_desktop.fleet.operators import (
    OperatorError,
    create_operator,
    delete_operator,
    disable_operator,
    edit_operator,
    enable_operator,
    get_operator,
    list_operators,
    set_password,
)


def register(subparsers: Any) -> None:
    """Add ``operator`` and its actions."""
    command = subparsers.add_parser("operator", help="console operators (OCS users)")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True)
    passwd = actions.add_parser(
        "passwd",
        help="change an operator's password (stored as OCS 2.10+ does: SHA-256)",
        description="Change the password of an existing operator. Asked twice on the "
        "terminal, or read from stdin with --password-stdin.",
    )
    passwd.add_argument("login", metavar="LOGIN", help="the operator's login, exactly")
    add_db_option(passwd)
    passwd.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new password from the first line of stdin",
    )
    passwd.set_defaults(handler=run_passwd)
    _register_admin(actions)


def _register_admin(actions: Any) -> None:
    listing = actions.add_parser("list", help="list operators (never their passwords)")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
    listing.set_defaults(handler=run_list)

    create = actions.add_parser(
        "create",
        help="add an operator (password stored as OCS 2.10+ does: SHA-256)",
        description="Add an operator. Its password is asked twice on the terminal, or "
        "read from the first line of stdin with --password-stdin.",
    )
    create.add_argument("login", metavar="LOGIN")
    add_db_option(create)
    create.add_argument("--profile", required=True, choices=PROFILES)
    create.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of stdin")  # fmt: skip
    _identity_options(create)
    create.set_defaults(handler=run_create)

    edit = actions.add_parser("edit", help="change an operator's names, email, comments, profile")
    edit.add_argument("login", metavar="LOGIN")
    add_db_option(edit)
    edit.add_argument("--profile", choices=PROFILES)
    _identity_options(edit)
    edit.set_defaults(handler=run_edit)

    for name, helptext in (
        ("disable", "forbid an operator to log in (here and in the OCS console)"),
        ("enable", "let a disabled operator log in again with its password"),
        ("delete", "delete an operator and its TAG perimeter"),
    ):
        action = actions.add_parser(name, help=helptext)
        action.add_argument("login", metavar="LOGIN")
        add_db_option(action)
        if name == "delete":
            action.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        action.set_defaults(handler=run_state, state=name)

    perimeter = actions.add_parser("perimeter", help="TAG perimeters of restricted operators")
    kinds = perimeter.add_subparsers(dest="perimeter_action", metavar="ACTION", required=True)
    for name in ("add", "remove", "list"):
        kind = kinds.add_parser(name, help=f"{name} TAG patterns (wildcards * and ?)")
        kind.add_argument("login", metavar="LOGIN")
        if name != "list":
            kind.add_argument("pattern", metavar="PATTERN")
        add_db_option(kind)
        kind.set_defaults(handler=run_perimeter)


def _identity_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--first-name", dest="first_name")
    parser.add_argument("--last-name", dest="last_name")
    parser.add_argument("--email")
    parser.add_argument("--comments")


def _new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandError("no terminal to ask the password on: use --password-stdin")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise CommandError("the two passwords differ: nothing changed")
    return first


@handled("operator passwd", interrupted="interrupted: the password is unchanged")
def run_passwd(args: argparse.Namespace) -> int:
    password = _new_password(args.password_stdin)
    with open_database(args.db, table="operators") as engine:
        try:
            with engine.begin() as conn:
                set_password(conn, args.login, password)
        except (LookupError, ValueError) as exc:
            raise CommandError(f"{exc.args[0]}: nothing changed") from exc
        except SQLAlchemyError as exc:
            raise database_error(exc, "cannot change the password") from exc
    print(f"Password of {args.login} changed")
    return EXIT_OK


def _write(args: argparse.Namespace, doing: str, work: Callable[[Connection], Any]) -> Any:
    """``work`` in one transaction; refusals and database errors as command errors."""
    with open_database(args.db, table="operators") as engine:
        try:
            with engine.begin() as conn:
                return work(conn)
        except (OperatorError, PerimeterError) as exc:
            raise CommandError(f"{exc.args[0]}: nothing changed") from exc
        except SQLAlchemyError as exc:
            raise database_error(exc, doing) from exc


@handled("operator list")
def run_list(args: argparse.Namespace) -> int:
    def read(conn: Connection) -> tuple[list[Any], dict[str, list[str]]]:
        return list_operators(conn), perimeters(conn)

    found, scopes = _write(args, "cannot list the operators", read)
    if args.json:
        rows = [{**dataclasses.asdict(op), "perimeter": scopes.get(op.login, [])} for op in found]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for op in found:
        state = "disabled" if op.disabled else "enabled"
        scope = ", ".join(scopes.get(op.login, [])) or "-"
        print(f"{op.login}\t{op.profile or '(none)'}\t{state}\t{op.name or '-'}\t{scope}")
    return EXIT_OK


def _identity(args: argparse.Namespace) -> dict[str, Any]:
    names = ("first_name", "last_name", "email", "comments")
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


@handled("operator create", interrupted="interrupted: no operator created")
def run_create(args: argparse.Namespace) -> int:
    password = _new_password(args.password_stdin)
    _write(
        args,
        "cannot create the operator",
        lambda conn: create_operator(conn, args.login, password, args.profile, **_identity(args)),
    )
    print(f"Operator {args.login} created ({args.profile})")
    return EXIT_OK


@handled("operator edit")
def run_edit(args: argparse.Namespace) -> int:
    changes = _identity(args)
    if args.profile is not None:
        changes["profile"] = args.profile
    if not changes:
        raise CommandError("nothing to change: give --first-name, --last-name, --email, "
                           "--comments or --profile")  # fmt: skip
    _write(
        args, "cannot edit the operator", lambda conn: edit_operator(conn, args.login, **changes)
    )
    print(f"Operator {args.login} changed")
    return EXIT_OK


def _confirm_delete(login: str) -> None:
    if not sys.stdin.isatty():
        raise CommandError("no terminal to confirm on: add --yes to delete")
    if input(f"Delete operator {login} and its TAG perimeter? [y/N] ").strip().lower() != "y":
        raise CommandError("not confirmed: nothing deleted")


@handled("operator", interrupted="interrupted: nothing changed")
def run_state(args: argparse.Namespace) -> int:
    if args.state == "delete":
        if not args.yes:
            _write(args, "cannot read the operator", lambda conn: get_operator(conn, args.login))
            _confirm_delete(args.login)
        _write(args, "cannot delete", lambda conn: delete_operator(conn, args.login))
        print(f"Operator {args.login} deleted")
        return EXIT_OK
    change = disable_operator if args.state == "disable" else enable_operator
    changed = _write(args, f"cannot {args.state}", lambda conn: change(conn, args.login))
    done = f"{args.state}d" if changed else f"already {args.state}d"
    print(f"Operator {args.login} {done}")
    return EXIT_OK


@handled("operator perimeter")
def run_perimeter(args: argparse.Namespace) -> int:
    action = args.perimeter_action
    if action == "list":

        def read(conn: Connection) -> list[str]:
            get_operator(conn, args.login)
            return list_perimeter(conn, args.login)

        for pattern in _write(args, "cannot read the perimeter", read):
            print(pattern)
        return EXIT_OK
    change = add_perimeter if action == "add" else remove_perimeter
    changed = _write(
        args, "cannot change the perimeter", lambda conn: change(conn, args.login, args.pattern)
    )
    if action == "add":
        print(f"{args.pattern} {'added to' if changed else 'already in'} the perimeter of "
              f"{args.login}")  # fmt: skip
    elif not changed:
        raise CommandError(f"{args.pattern} is not in the perimeter of {args.login}")
    else:
        print(f"{args.pattern} removed from the perimeter of {args.login}")
    return EXIT_OK
