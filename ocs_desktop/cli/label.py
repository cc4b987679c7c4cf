"""``ocs-desktop label``: the TAG prompt Windows agents show on their first run.

    label show  --db DB [--raw]    the label, and what an agent asking now would get
    label set   --db DB TEXT       tabs and line breaks are removed; empty clears it
    label clear --db DB

The work is ``fleet.label``'s; ``show`` answers as the server does (``preview_label``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import EXIT_OK, CommandError, add_db_option, database_error, handled
from ocs_desktop.cli.common import open_database as _open
from ocs_desktop.fleet.label import LabelError, preview_label, set_label


def register(subparsers: Any) -> None:
    """Add the ``label`` command and its actions."""
    parser = subparsers.add_parser(
        "label",
        help="the TAG prompt of Windows agents",
        description="The text Windows agents show when they ask for a TAG on their first "
        "run, served at /ocsinventory/deploy/label while config DEPLOY is on.",
    )
    actions = parser.add_subparsers(dest="label_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the label and what agents get now")
    add_db_option(show)
    show.add_argument("--raw", action="store_true", help="only the bytes served, as served")
    show.set_defaults(handler=run_show)
    setting = actions.add_parser("set", help="set the label (empty clears it)")
    add_db_option(setting)
    setting.add_argument("text")
    setting.set_defaults(handler=run_set)
    clear = actions.add_parser("clear", help="remove the label (agents use their own prompt)")
    add_db_option(clear)
    clear.set_defaults(handler=run_clear)


@handled("label show")
def run_show(args: argparse.Namespace) -> int:
    with _open(args.db, table="deploy") as engine:
        try:
            with engine.connect() as conn:
                preview = preview_label(conn)
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    if args.raw:
        sys.stdout.buffer.write(preview.body)
        sys.stdout.flush()
        return EXIT_OK
    answers = {
        200: "HTTP 200",
        400: "HTTP 400 (no label)",
        403: "HTTP 403 (config DEPLOY is off)",
    }
    print(f"served: {answers.get(preview.status, str(preview.status))}")
    print(f"prompt: {preview.prompt}")
    return EXIT_OK


def _write(args: argparse.Namespace, text: str) -> str | None:
    with _open(args.db, table="deploy") as engine:
        try:
            with engine.begin() as conn:
                return set_label(conn, text)  # an empty text deletes the row
        except LabelError as exc:
            raise CommandError(str(exc)) from exc
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc


@handled("label set")
def run_set(args: argparse.Namespace) -> int:
    stored = _write(args, args.text)
    print("label cleared" if stored is None else f"label: {stored}")
    return EXIT_OK


@handled("label clear")
def run_clear(args: argparse.Namespace) -> int:
    _write(args, "")
    print("label cleared")
    return EXIT_OK
