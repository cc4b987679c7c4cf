"""``ocs-desktop agent-files``: files served to agents at ``/ocsinventory/deploy/<name>``.

    agent-files list     --db DB [--json]
    agent-files upload   --db DB PATH [--name NAME] [--replace]
    agent-files download --db DB NAME PATH [--overwrite]
    agent-files delete   --db DB NAME...

Names are plain file names (letters, digits, ``. _ - +``); the TAG prompt ``label`` is
``ocs-desktop label``'s. The work is ``fleet.agent_files``'s.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import EXIT_OK, add_db_option, database_error, fleet_connection, handled
from ocs_desktop.cli.common import open_database as _open
from ocs_desktop.fleet.agent_files import (
    AgentFileError,
    delete_file,
    download_file,
    list_files,
    upload_file,
)


def register(subparsers: Any) -> None:
    """Add the ``agent-files`` command and its actions."""
    parser = subparsers.add_parser(
        "agent-files",
        help="files served to agents (deploy table)",
        description="Files agents fetch at /ocsinventory/deploy/NAME while config DEPLOY "
        "is on, such as ocspackage.exe.",
    )
    actions = parser.add_subparsers(dest="files_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="names and sizes")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="JSON instead of text")
    listing.set_defaults(handler=run_list)
    upload = actions.add_parser("upload", help="store a file for agents")
    add_db_option(upload)
    upload.add_argument("path", type=Path)
    upload.add_argument("--name", help="the name agents ask for (default: the file's)")
    upload.add_argument("--replace", action="store_true", help="replace a file of that name")
    upload.set_defaults(handler=run_upload)
    download = actions.add_parser("download", help="save a stored file")
    add_db_option(download)
    download.add_argument("name")
    download.add_argument("path", type=Path, help="a file, or a folder to save it in")
    download.add_argument("--overwrite", action="store_true", help="replace an existing file")
    download.set_defaults(handler=run_download)
    remove = actions.add_parser("delete", help="delete stored files")
    add_db_option(remove)
    remove.add_argument("names", nargs="+", metavar="NAME")
    remove.set_defaults(handler=run_delete)


@handled("agent-files list")
def run_list(args: argparse.Namespace) -> int:
    with _open(args.db, table="deploy") as engine:
        try:
            with engine.connect() as conn:
                files = list_files(conn)
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    if args.json:
        print(json.dumps([{"name": f.name, "size": f.size} for f in files], indent=2))
    else:
        for f in files:
            print(f"{f.size:>12}  {f.name}")
    return EXIT_OK


def _run(args: argparse.Namespace, *, write: bool, work: Any) -> Any:
    with fleet_connection(args.db, write=write, table="deploy", refused=(AgentFileError,)) as conn:
        return work(conn)


@handled("agent-files upload")
def run_upload(args: argparse.Namespace) -> int:
    stored = _run(
        args,
        write=True,
        work=lambda conn: upload_file(conn, args.path, args.name, replace=args.replace),
    )
    print(f"{stored.name}: {stored.size} bytes")
    return EXIT_OK


@handled("agent-files download")
def run_download(args: argparse.Namespace) -> int:
    saved = _run(
        args,
        write=False,
        work=lambda conn: download_file(conn, args.name, args.path, overwrite=args.overwrite),
    )
    print(f"{saved.name}: {saved.size} bytes saved")
    return EXIT_OK


@handled("agent-files delete")
def run_delete(args: argparse.Namespace) -> int:
    def work(conn: Any) -> None:
        for name in args.names:
            delete_file(conn, name)

    _run(args, write=True, work=work)
    print(f"deleted {len(args.names)} file(s)")
    return EXIT_OK
