"""``ocs-desktop package``: build and deploy OCS packages from scripts.

One function pair per action: ``_add_<action>(actions)`` declares its arguments and
``run_<action>(args)`` does the work; ``register`` lists the ``_add_*`` functions. The
helpers below (database opening, progress bar, error exit) are shared by every action.

Exit codes: 0 done, 1 the request cannot be carried out (bad options, unsafe files,
package exists...), 2 the database cannot be used, 130 interrupted.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db.engines import create_engine_for, normalize_url, safe_url
from ocs_desktop.db.options import Options, load_options
from ocs_desktop.packager.build import build_package, new_fileid, record_package
from ocs_desktop.packager.spec import MAX_PRIORITY, MIN_PRIORITY, Action, PackageSpec, TargetOs
from ocs_desktop.packager.store import default_store, remove_package_files

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_DATABASE = 2
EXIT_INTERRUPTED = 130
MIB = 1024 * 1024

_DB_HELP = "database URL (mysql://user:pass@host/ocsweb) or SQLite file path"


class CommandError(Exception):
    """A failure to report as ``ocs-desktop package: <message>`` with exit ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def register(subparsers: Any) -> None:
    """Add the ``package`` command and its actions."""
    parser = subparsers.add_parser(
        "package",
        help="build and deploy packages (teledeploy)",
        description="Build, activate, assign and follow OCS deployment packages.",
    )
    actions = parser.add_subparsers(dest="package_action", metavar="ACTION", required=True)
    from ocs_desktop.cli.package_deploy import DEPLOY_ACTIONS  # it imports this module

    for add in (_add_build, *DEPLOY_ACTIONS):
        add(actions)


# -- shared helpers -------------------------------------------------------------------


def fail(message: str, code: int = EXIT_FAILED) -> int:
    """Print ``message`` to stderr the house way and return ``code``."""
    print(f"ocs-desktop package: {message}", file=sys.stderr)
    return code


def handled(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn ``CommandError``, ``Cancelled`` and Ctrl-C into a message and an exit code."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except CommandError as exc:
            return fail(str(exc), exc.code)
        except (Cancelled, KeyboardInterrupt):
            return fail("interrupted; nothing was left behind", EXIT_INTERRUPTED)

    wrapper.__doc__ = run.__doc__
    return wrapper


@contextmanager
def open_database(url_or_path: str) -> Iterator[Engine]:
    """An engine on an OCS database; ``CommandError`` (exit 2) when it is not usable."""
    url = normalize_url(url_or_path)
    engine = create_engine_for(url)
    try:
        try:
            if not inspect(engine).has_table("download_available"):
                raise CommandError(
                    f"{safe_url(url)} is not an OCS database (no download_available table); "
                    "create it with: ocs-desktop db init URL",
                    EXIT_DATABASE,
                )
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise CommandError(f"cannot open {safe_url(url)}: {reason}", EXIT_DATABASE) from exc
        yield engine
    finally:
        engine.dispose()


@contextmanager
def byte_progress(quiet: bool, label: str) -> Iterator[Callable[[int, int], bool]]:
    """A ``progress(done, total)`` callback drawing a byte bar on stderr."""
    bar = tqdm(
        total=0,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc=label,
        disable=quiet or None,
        file=sys.stderr,
        dynamic_ncols=True,
    )

    def progress(done: int, total: int) -> bool:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        return True

    try:
        yield progress
    finally:
        bar.close()


# -- build ----------------------------------------------------------------------------


def _add_build(actions: Any) -> None:
    build = actions.add_parser(
        "build",
        help="build a package from files and folders, an archive, or a command alone",
        description="Build a package into STORE/<FILEID>/ (info file and fragments), record "
        "it in download_available and print its FILEID. Files and folders are archived as "
        "zip for Windows and tar.gz for Linux and macOS; a folder keeps its name inside the "
        "archive. With no file, the package is a command alone (execute only). Without "
        "--fragments or --fragment-size, the database's DOWNLOAD_ACTIVATE_FRAG / "
        "DOWNLOAD_RATIO_FRAG settings apply as in the OCS console, else one fragment.",
    )
    build.add_argument("--db", required=True, help=_DB_HELP)
    build.add_argument("--name", required=True, help="package name")
    build.add_argument("--os", required=True, choices=[o.value for o in TargetOs])
    build.add_argument("--action", required=True, choices=[a.value for a in Action])
    order = build.add_mutually_exclusive_group()
    order.add_argument("--command", default="", help="execute: the command to run")
    order.add_argument("--path", default="", help="store: the destination folder")
    order.add_argument("--launch", default="", help="launch: the package file to run")
    build.add_argument(
        "--priority",
        type=int,
        default=5,
        choices=range(MIN_PRIORITY, MAX_PRIORITY + 1),
        metavar=f"{MIN_PRIORITY}-{MAX_PRIORITY}",
        help="0 = before everything else, 1 fastest ... 9 slowest (default 5)",
    )
    cut = build.add_mutually_exclusive_group()
    cut.add_argument("--fragments", type=int, metavar="K", help="cut into K fragments")
    cut.add_argument(
        "--fragment-size", type=float, metavar="MB", help="cut into fragments of MB MiB"
    )
    build.add_argument(
        "--proto",
        choices=("http", "https"),
        default="http",
        help="protocol agents use for the fragments (default http)",
    )
    build.add_argument("--store", type=Path, help="packages folder (default: in the data folder)")
    build.add_argument("--description", default="", help="comment shown in the console")
    build.add_argument("--archive", type=Path, help="a ready-made zip or tar.gz to use as is")
    build.add_argument("--notify-text", default="", help="Windows: message shown before install")
    build.add_argument("--notify-countdown", type=int, default=0, metavar="SECONDS")
    build.add_argument("--notify-can-abort", action="store_true")
    build.add_argument("--notify-can-delay", action="store_true")
    build.add_argument("--done-text", default="", help="Windows: message shown after install")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("sources", nargs="*", type=Path, metavar="FILE_OR_DIR")
    build.set_defaults(handler=run_build)


@handled
def run_build(args: argparse.Namespace) -> int:
    """Build the package, record it, print its FILEID."""
    fragment_size = None
    if args.fragment_size is not None:
        if not math.isfinite(args.fragment_size) or args.fragment_size <= 0:
            raise CommandError("--fragment-size must be a positive number of MB")
        fragment_size = max(1, round(args.fragment_size * MIB))
    spec = PackageSpec(
        name=args.name,
        os=args.os,
        action=args.action,
        command=args.command,
        path=args.path,
        launch=args.launch,
        priority=args.priority,
        fragments=args.fragments,
        fragment_size=fragment_size,
        proto=args.proto,
        notify_user=bool(args.notify_text),
        notify_text=args.notify_text,
        notify_countdown=args.notify_countdown,
        notify_can_abort=args.notify_can_abort,
        notify_can_delay=args.notify_can_delay,
        need_done_action=bool(args.done_text),
        done_action_text=args.done_text,
        description=args.description,
    )
    try:
        spec.validate()
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    store = args.store if args.store is not None else default_store()
    with open_database(args.db) as engine:
        with engine.connect() as conn:
            if spec.fragments is None and spec.fragment_size is None:
                spec = _config_fragmentation(spec, load_options(conn))
            fileid = new_fileid(conn, store)
        try:
            with byte_progress(args.quiet, f"package {fileid}") as progress:
                built = build_package(
                    spec,
                    args.sources,
                    store,
                    archive=args.archive,
                    fileid=fileid,
                    progress=progress,
                )
        except (ValueError, OSError) as exc:
            raise CommandError(str(exc)) from None
        try:
            with engine.begin() as conn:
                record_package(conn, built)
        except SQLAlchemyError as exc:
            remove_package_files(store, built.fileid)
            reason = getattr(exc, "orig", None) or exc
            raise CommandError(f"cannot record the package: {reason}", EXIT_DATABASE) from exc
    print(
        f"built {built.fileid}: {built.size} bytes in {built.fragment_count} fragment(s) "
        f"in {built.directory}",
        file=sys.stderr,
    )
    print(built.fileid)
    return EXIT_OK


def _config_fragmentation(spec: PackageSpec, options: Options) -> PackageSpec:
    """Apply the console's DOWNLOAD_ACTIVATE_FRAG / DOWNLOAD_RATIO_FRAG (MB) when set."""
    if options.ivalue("DOWNLOAD_ACTIVATE_FRAG", 0) == 1:
        ratio = options.ivalue("DOWNLOAD_RATIO_FRAG", 0)
        if ratio > 0:
            return replace(spec, fragment_size=ratio * MIB)
    return spec
