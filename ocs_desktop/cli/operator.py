"""``ocs-desktop operator passwd LOGIN --db DB``: change a console operator's password.

The server refuses nothing while ``admin``/``admin`` works, but warns in its log and the
console shows a red band: this is the command both point to. The password is asked twice
on the terminal, or read from the first line of stdin with ``--password-stdin`` (scripts);
it is never taken from the command line, where ``ps`` and the shell history would show it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    database_error,
    handled,
    open_database,
)
from ocs_desktop.fleet.operators import set_password


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
