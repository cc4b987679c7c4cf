"""``ocs-desktop admin-field``: define the admin fields of computers, as the OCS console does.

    admin-field list    --db DB [--json]
    admin-field add     --db DB NAME --type text|textarea|select|checkbox|radio|date|number
                        [--label TEXT]
    admin-field rename  --db DB FIELD [--name NAME] [--label TEXT]
    admin-field move    --db DB FIELD POSITION          (1 = first)
    admin-field delete  --db DB FIELD [--yes]           (every machine's value is lost)
    admin-field choices --db DB FIELD [--add TEXT] [--rename N TEXT] [--remove N]

FIELD is an ID, a column (``fields_3``), a name or a label. The work is
``fleet.admin_fields``; setting values on machines is ``tag set --field``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ocs_desktop.cli.common import EXIT_OK, CommandError, add_db_option, fleet_connection, handled
from ocs_desktop.cli.machine_selection import add_json_option
from ocs_desktop.fleet.admin_data import AdminFieldType
from ocs_desktop.fleet.admin_fields import (
    FieldDefinition,
    add_choice,
    add_field,
    delete_choice,
    delete_field,
    find_field,
    list_choices,
    list_fields,
    move_field,
    rename_choice,
    rename_field,
)

#: Command-line names of the field types (``accountinfo_config.TYPE``).
TYPE_NAMES: dict[str, AdminFieldType] = {
    "text": AdminFieldType.TEXT,
    "textarea": AdminFieldType.TEXTAREA,
    "select": AdminFieldType.SELECT,
    "checkbox": AdminFieldType.CHECKBOX,
    "radio": AdminFieldType.RADIOBUTTON,
    "date": AdminFieldType.DATE,
    "number": AdminFieldType.NUMBER,
}
_TYPE_OF = {kind: name for name, kind in TYPE_NAMES.items()}


def register(subparsers: Any) -> None:
    """Add the ``admin-field`` command and its actions."""
    parser = subparsers.add_parser(
        "admin-field",
        help="define admin fields (accountinfo columns)",
        description="List, add, rename, reorder and delete the admin fields of computers "
        "and edit the choices of select, radio and checkbox fields, leaving accountinfo "
        "and accountinfo_config as the OCS console does.",
    )
    actions = parser.add_subparsers(dest="field_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="the fields, in display order")
    add_db_option(listing)
    add_json_option(listing)
    listing.set_defaults(handler=run_list)

    adding = actions.add_parser("add", help="add a field (and its accountinfo column)")
    add_db_option(adding)
    adding.add_argument("name", help="letters and digits (upper-cased, as OCS does)")
    adding.add_argument("--type", required=True, choices=list(TYPE_NAMES), dest="kind")
    adding.add_argument("--label", default="", help="shown label (default: the name)")
    adding.set_defaults(handler=run_add)

    renaming = actions.add_parser("rename", help="change a field's name and/or label")
    add_db_option(renaming)
    renaming.add_argument("field", help="ID, column, name or label")
    renaming.add_argument("--name", help="new name")
    renaming.add_argument("--label", help="new label")
    renaming.set_defaults(handler=run_rename)

    moving = actions.add_parser("move", help="put a field at a position (1 = first)")
    add_db_option(moving)
    moving.add_argument("field", help="ID, column, name or label")
    moving.add_argument("position", type=int)
    moving.set_defaults(handler=run_move)

    deleting = actions.add_parser("delete", help="delete a field and every machine's value")
    add_db_option(deleting)
    deleting.add_argument("field", help="ID, column, name or label")
    deleting.add_argument("--yes", action="store_true", help="do not ask")
    deleting.set_defaults(handler=run_delete)

    choosing = actions.add_parser("choices", help="list or edit a field's choices")
    add_db_option(choosing)
    choosing.add_argument("field", help="ID, column, name or label")
    choosing.add_argument("--add", metavar="TEXT", action="append", default=[])
    choosing.add_argument("--rename", metavar=("N", "TEXT"), nargs=2, action="append", default=[])
    choosing.add_argument("--remove", metavar="N", type=int, action="append", default=[])
    add_json_option(choosing)
    choosing.set_defaults(handler=run_choices)


def _row(field: FieldDefinition) -> dict[str, Any]:
    return {
        "id": field.id,
        "name": field.name,
        "label": field.label,
        "type": _TYPE_OF[field.type],
        "column": field.column,
        "show_order": field.show_order,
    }


def _find(conn: Any, name: str) -> FieldDefinition:
    try:
        return find_field(conn, name)
    except LookupError as exc:
        raise CommandError(str(exc)) from exc


@handled("admin-field list")
def run_list(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=False) as conn:
        fields = list_fields(conn)
    if args.json:
        print(json.dumps([_row(f) for f in fields], indent=2, ensure_ascii=False))
        return EXIT_OK
    for f in fields:
        print(f"{f.id:>4}  {f.column:<10} {_TYPE_OF[f.type]:<9} {f.name:<16} {f.label}")
    return EXIT_OK


@handled("admin-field add")
def run_add(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        try:
            field = add_field(conn, args.name, TYPE_NAMES[args.kind], args.label)
        except ValueError as exc:
            raise CommandError(f"not added: {exc}") from exc
    print(f"added {field.name} ({_TYPE_OF[field.type]}) as column {field.column}")
    return EXIT_OK


@handled("admin-field rename")
def run_rename(args: argparse.Namespace) -> int:
    if args.name is None and args.label is None:
        raise CommandError("give --name and/or --label")
    with fleet_connection(args.db, write=True) as conn:
        field = _find(conn, args.field)
        try:
            field = rename_field(conn, field.id, name=args.name, label=args.label)
        except ValueError as exc:
            raise CommandError(f"not renamed: {exc}") from exc
    print(f"{field.column}: name {field.name}, label {field.label!r}")
    return EXIT_OK


@handled("admin-field move")
def run_move(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        field = _find(conn, args.field)
        order = move_field(conn, field.id, args.position - 1)
    print(" ".join(f.name for f in order))
    return EXIT_OK


@handled("admin-field delete")
def run_delete(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        field = _find(conn, args.field)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CommandError("add --yes to delete without a terminal")
            answer = input(
                f"Delete {field.name} ({field.column}) and every machine's value? [y/N] "
            )
            if answer.strip().lower() not in {"y", "yes"}:
                print("nothing deleted")
                return EXIT_OK
        try:
            delete_field(conn, field.id)
        except ValueError as exc:
            raise CommandError(f"not deleted: {exc}") from exc
    print(f"deleted {field.name} and column {field.column}")
    return EXIT_OK


@handled("admin-field choices")
def run_choices(args: argparse.Namespace) -> int:
    with fleet_connection(args.db, write=True) as conn:
        field = _find(conn, args.field)
        try:
            for text in args.add:
                add_choice(conn, field.id, text)
            for number, text in args.rename:
                rename_choice(conn, field.id, int(number), text)
            for number in args.remove:
                delete_choice(conn, field.id, number)
        except (ValueError, LookupError) as exc:
            raise CommandError(f"choices unchanged: {exc}") from exc
        choices = list_choices(conn, field)
    if args.json:
        print(json.dumps([{"value": c.value, "text": c.text} for c in choices], indent=2))
    else:
        for c in choices:
            print(f"{c.value:>4}  {c.text}")
    return EXIT_OK
