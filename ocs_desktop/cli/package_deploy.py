"""``ocs-desktop package activate | assign | unassign | retry-failed | status | delete``.

The deployment half of the ``package`` command (``cli/package.py`` registers the command
and builds): publishing and activating a built package, choosing its targets, following
and cleaning up. Same shape as ``package build``: ``_add_<action>`` declares,
``run_<action>`` works; both halves share ``package_command``, ``add_store_option`` and the
exit codes of ``cli/common.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import getpass
import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    byte_progress,
    database_error,
    handled,
    open_database,
)
from ocs_desktop.packager.activation import (
    DEFAULT_CERT_FILE,
    DEFAULT_CERT_PATH,
    ActivationError,
    activate,
    check_published,
    normalize_location,
    publishing,
)
from ocs_desktop.packager.assignment import (
    POSTCMDS,
    Assignment,
    AssignmentError,
    assign,
    resolve_targets,
    retry_failed,
    unassign,
)
from ocs_desktop.packager.deletion import DeletionError, delete_package
from ocs_desktop.packager.status import UnknownPackage, list_packages, package_status
from ocs_desktop.packager.store import default_store
from ocs_desktop.packager.upload import UploadError, upload_package

PASSWORD_ENV = "OCS_DESKTOP_PASSWORD"
T = TypeVar("T")
#: Every ``package`` action: its failures and interruptions as one line and an exit code.
package_command = handled("package", interrupted="interrupted; nothing was left behind")


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """``--store``: the packages folder; see :func:`store_of`."""
    parser.add_argument("--store", type=Path, help="packages folder (default: in the data folder)")


def open_packages(db: str) -> AbstractContextManager[Engine]:
    """The database ``db``, which must hold OCS's package table (exit 2 otherwise)."""
    return open_database(db, table="download_available")


def store_of(args: argparse.Namespace) -> Path:
    """The ``--store`` given, or the data folder's."""
    return Path(args.store) if args.store is not None else default_store()


def _in_transaction(db: str, work: Callable[[Connection], T], *refusals: type[Exception]) -> T:
    """Run ``work`` in one transaction on the command's database; the ``refusals`` it raises
    become plain command errors, a database failure exits with EXIT_DATABASE."""
    with open_packages(db) as engine:
        try:
            with engine.begin() as conn:
                return work(conn)
        except refusals as exc:
            raise CommandError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc


def _fileid_argument(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("fileid", metavar="FILEID", help="the package (as printed by build)")


# -- activate -------------------------------------------------------------------------


def _add_activate(actions: Any) -> None:
    parser = actions.add_parser(
        "activate",
        help="publish a built package and make it deployable",
        description="Publish STORE/<FILEID>/ into a download folder or by upload to an "
        "ocs-desktop server, check that https://INFO_LOC/FILEID/info and the first "
        "fragment answer (as the OCS console does), then write the download_enable row. "
        "Prints the activation ID.",
    )
    _fileid_argument(parser)
    parser.add_argument(
        "--info-loc",
        required=True,
        metavar="HOST[:PORT]/PATH",
        help="where agents fetch the info file (always over HTTPS)",
    )
    parser.add_argument(
        "--pack-loc",
        required=True,
        metavar="HOST[:PORT]/PATH",
        help="where agents fetch the fragments (with the package's PROTO)",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--download-dir",
        type=Path,
        metavar="DIR",
        help="copy into this download folder (ours, or a real OCS server's "
        "/var/lib/ocsinventory-reports/download)",
    )
    where.add_argument(
        "--upload",
        metavar="https://SERVER[:PORT]",
        help="upload to an ocs-desktop server (serve --download-dir)",
    )
    parser.add_argument(
        "--user",
        default="admin",
        help=f"operator login for --upload (password: ${PASSWORD_ENV} or asked)",
    )
    add_store_option(parser)
    parser.add_argument(
        "--ca",
        type=Path,
        metavar="FILE",
        help="CA file trusted for HTTPS (e.g. cacert.pem of cert init)",
    )
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="do not fetch the info file and first fragment before activating",
    )
    parser.add_argument(
        "--cert-path",
        default=DEFAULT_CERT_PATH,
        help=f"agent-side CERT_PATH (default {DEFAULT_CERT_PATH})",
    )
    parser.add_argument(
        "--cert-file",
        default=DEFAULT_CERT_FILE,
        help=f"agent-side CERT_FILE (default {DEFAULT_CERT_FILE})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(handler=run_activate)  # fmt: skip


def _password(user: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError(f"no password for {user}: set {PASSWORD_ENV} or run in a terminal")
    return getpass.getpass(f"password of operator {user}: ")


@package_command
def run_activate(args: argparse.Namespace) -> int:
    """Publish, check, then write download_enable; print the activation ID."""
    store = store_of(args)
    verify: bool | str = str(args.ca) if args.ca else True
    if args.ca and not args.ca.is_file():
        raise CommandError(f"no CA file {args.ca}")
    try:
        info_loc, pack_loc = normalize_location(args.info_loc), normalize_location(args.pack_loc)
    except ActivationError as exc:
        raise CommandError(str(exc)) from None
    with open_packages(args.db) as engine:
        try:
            with engine.connect() as conn:  # refuse early an unknown or deleted package
                activate(conn, args.fileid, info_loc, pack_loc, args.cert_path, args.cert_file)
                conn.rollback()
            with contextlib.ExitStack() as published:  # a failure below unpublishes
                if args.download_dir is not None:
                    target = published.enter_context(
                        publishing(store, args.fileid, args.download_dir)
                    )
                    print(f"published in {target}", file=sys.stderr)
                else:
                    password = _password(args.user)
                    with byte_progress(args.quiet, f"upload {args.fileid}") as progress:
                        result = upload_package(
                            args.upload, store, args.fileid, user=args.user, password=password,
                            verify=verify, progress=progress,
                        )  # fmt: skip
                    done = "already there" if result.already_published else f"{result.sent_bytes} B"
                    print(f"uploaded to {args.upload} ({done})", file=sys.stderr)
                if not args.no_check:
                    checked = check_published(info_loc, pack_loc, args.fileid, verify)
                    print(f"checked {checked.info_url}", file=sys.stderr)
                with engine.begin() as conn:
                    enable_id = activate(
                        conn, args.fileid, info_loc, pack_loc, args.cert_path, args.cert_file
                    )
        except (ActivationError, UploadError) as exc:
            raise CommandError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    print(enable_id)
    return EXIT_OK


# -- assign, unassign, retry-failed ---------------------------------------------------


def _targets_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--machine",
        action="append",
        default=[],
        metavar="NAME",
        help="a machine by NAME, or #ID (repeatable)",
    )
    parser.add_argument("--group", action="append", default=[], metavar="NAME",
                        help="a static or dynamic group by NAME, or #ID (repeatable)")  # fmt: skip


def _add_assign(actions: Any) -> None:
    parser = actions.add_parser(
        "assign",
        help="deploy an activated package to machines and groups",
        description="Assign the package to machines and groups; agents get it at their "
        "next contact. Assigning again resets the status to waiting.",
    )
    _fileid_argument(parser)
    _targets_arguments(parser)
    parser.add_argument(
        "--force", action="store_true", help="install even if the agent's history says it is done"
    )
    parser.add_argument(
        "--schedule",
        metavar='"YYYY/MM/DD HH:MM"',
        help="not before this date and time (agent's clock)",
    )
    parser.add_argument(
        "--postcmd",
        choices=POSTCMDS,
        type=str.upper,
        help="reboot or shut down after installing (Windows agent)",
    )
    parser.set_defaults(handler=run_assign)  # fmt: skip


def _resolve(conn: Any, args: argparse.Namespace) -> tuple[tuple[int, ...], tuple[int, ...]]:
    if not args.machine and not args.group:
        raise CommandError("name at least one --machine or --group")
    machines = resolve_targets(conn, args.machine, "machine").machine_ids
    groups = resolve_targets(conn, args.group, "group").group_ids
    return machines, groups


@package_command
def run_assign(args: argparse.Namespace) -> int:
    """Write the DOWNLOAD rows for the targets."""

    def work(conn: Connection) -> Assignment:
        machines, groups = _resolve(conn, args)
        return assign(
            conn, args.fileid, machines, groups,
            force=args.force, schedule=args.schedule, postcmd=args.postcmd,
        )  # fmt: skip

    done = _in_transaction(args.db, work, AssignmentError)
    print(
        f"package {done.fileid} (activation {done.enable_id}) assigned to "
        f"{len(done.machine_ids)} machine(s) and {len(done.group_ids)} group(s)"
    )
    _warn_download_off(args.db, done)
    return EXIT_OK


def _warn_download_off(db: str, done: Assignment) -> None:
    """Deployment must not fail silently: say so when agents will get ON=0 (stderr)."""
    # Imported here: it maps every table (``Base``), which ``package build`` never needs.
    from ocs_desktop.fleet.overrides import download_blocked, groups_switched_off

    server_on, off = _in_transaction(db, lambda conn: download_blocked(conn, done.machine_ids))
    groups_off = _in_transaction(db, lambda conn: groups_switched_off(conn, done.group_ids))
    if not server_on:
        print("warning: deployment (DOWNLOAD) is off for the whole server: no agent will "
              "install it; turn it on with: ocs-desktop config set --db DB DOWNLOAD 1",
              file=sys.stderr)  # fmt: skip
    elif off or groups_off:
        names = ", ".join([*(f"#{hid}" for hid in off), *(f"group #{g}" for g in groups_off)])
        print(f"warning: deployment is switched off (DOWNLOAD_SWITCH 0) for {names}; see "
              "ocs-desktop config override show", file=sys.stderr)  # fmt: skip


def _add_unassign(actions: Any) -> None:
    parser = actions.add_parser(
        "unassign",
        help="stop deploying a package to machines and groups",
        description="Remove the package's assignment rows (and the options) of the targets. "
        "For a group, members still waiting for it are removed too.",
    )
    _fileid_argument(parser)
    _targets_arguments(parser)
    parser.set_defaults(handler=run_unassign)


@package_command
def run_unassign(args: argparse.Namespace) -> int:
    """Delete the assignment rows of the targets."""

    def work(conn: Connection) -> int:
        return unassign(conn, args.fileid, *_resolve(conn, args))

    removed = _in_transaction(args.db, work, AssignmentError)
    print(f"removed {removed} row(s)")
    return EXIT_OK


def _add_retry_failed(actions: Any) -> None:
    parser = actions.add_parser(
        "retry-failed",
        help="send a package again to the machines where it failed",
        description="Machines whose status is ERR_* or a non-zero EXIT_CODE_* go back to "
        "waiting; prints how many.",
    )
    _fileid_argument(parser)
    parser.set_defaults(handler=run_retry_failed)


@package_command
def run_retry_failed(args: argparse.Namespace) -> int:
    """Reset the failed machines to waiting."""
    count = _in_transaction(args.db, lambda conn: retry_failed(conn, args.fileid))
    print(count)
    return EXIT_OK


# -- status ---------------------------------------------------------------------------


def _add_status(actions: Any) -> None:
    parser = actions.add_parser(
        "status",
        help="packages and their deployment status",
        description="Without FILEID: every package with its size, fragments, priority, "
        "activation and machines by status. With FILEID: the machines by status.",
    )
    add_db_option(parser)
    parser.add_argument("fileid", nargs="?", metavar="FILEID")
    parser.add_argument(
        "--csv", action="store_true", help="with FILEID: one CSV line per machine (export)"
    )
    parser.add_argument("--deleted", action="store_true", help="list deleted packages too")
    parser.set_defaults(handler=run_status)  # fmt: skip


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


@package_command
def run_status(args: argparse.Namespace) -> int:
    """Print the package list, or one package's machines by status."""
    with open_packages(args.db) as engine:
        try:
            with engine.connect() as conn:
                if args.fileid is None:
                    _print_list(list_packages(conn, include_deleted=args.deleted))
                    return EXIT_OK
                status = package_status(conn, args.fileid)
        except UnknownPackage as exc:
            raise CommandError(str(exc.args[0])) from None
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["FILEID", "HARDWARE_ID", "NAME", "STATUS", "COMMENTS", "VIA_GROUP"])
        for states in status.machines.values():
            for s in states:
                writer.writerow([status.fileid, s.hardware_id, s.name, s.status,
                                 s.comments or "", int(s.via_group)])  # fmt: skip
        return EXIT_OK
    print(f"{status.fileid}  {status.name}  activations: {len(status.activations)}")
    if status.groups:
        print("groups: " + ", ".join(f"{name} (#{gid})" for gid, name in status.groups))
    for name, states in status.machines.items():
        print(f"{name}: {len(states)}")
        for s in states:
            extra = " (through a group, not contacted yet)" if s.via_group else ""
            print(f"  {s.name} (#{s.hardware_id}){extra}")
    if not status.machines:
        print("not assigned to any machine")
    return EXIT_OK


def _print_list(packages: list[Any]) -> None:
    header = ("FILEID", "NAME", "OS", "SIZE", "FRAGS", "PRI", "ACTIVE", "WAIT", "NOTIF",
              "OK", "ERR")  # fmt: skip
    rows = [header]
    for p in packages:
        cats = p.by_category
        rows.append((
            p.fileid, p.name + (" (deleted)" if p.deleted else ""), p.osname, _size(p.size),
            str(p.fragments), str(p.priority), "yes" if p.activated else "no",
            *(str(cats[c]) for c in cats),
        ))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


# -- delete ---------------------------------------------------------------------------


def _add_delete(actions: Any) -> None:
    parser = actions.add_parser(
        "delete",
        help="delete a package as OCS does, and its files",
        description="Mark the package deleted (DELETED=1), remove its activations and "
        "assignments, and remove its files from the store and, if given, a download folder.",
    )
    _fileid_argument(parser)
    add_store_option(parser)
    parser.add_argument(
        "--download-dir",
        type=Path,
        metavar="DIR",
        help="also remove the published copy from this download folder (the folders "
        "activate --download-dir published it into are found without it)",
    )
    parser.set_defaults(handler=run_delete)  # fmt: skip


@package_command
def run_delete(args: argparse.Namespace) -> int:
    """Delete the package's rows and files."""
    store = store_of(args)
    done = _in_transaction(
        args.db,
        lambda conn: delete_package(conn, args.fileid, store, args.download_dir),
        DeletionError,
        ActivationError,
    )
    print(
        f"deleted {done.fileid}: {done.activations} activation(s), {done.device_rows} "
        f"assignment row(s); files removed: store {'yes' if done.store_removed else 'no'}, "
        f"download folder {'yes' if done.published_removed else 'no'}"
    )
    return EXIT_OK


DEPLOY_ACTIONS = (
    _add_activate,
    _add_assign,
    _add_unassign,
    _add_retry_failed,
    _add_status,
    _add_delete,
)
