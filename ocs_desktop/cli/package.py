"""``ocs-desktop package``: build and deploy OCS packages from scripts.

One function pair per action: ``_add_<action>(actions)`` declares its arguments and
``run_<action>(args)`` does the work; ``register`` lists the ``_add_*`` functions. This
module builds; ``cli/package_deploy.py`` publishes, assigns, follows and deletes. The
options of ``build`` that describe the package are those ``PackageSpec`` declares
(``SPEC_FIELDS``); exit codes and the shared helpers are those of ``cli/common.py``.
"""

from __future__ import annotations

import argparse
import sys
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    byte_progress,
    database_error,
)
from ocs_desktop.cli.package_deploy import (
    DEPLOY_ACTIONS,
    add_store_option,
    open_packages,
    package_command,
    store_of,
)
from ocs_desktop.packager.fields import SpecField
from ocs_desktop.packager.fragments import mib_bytes
from ocs_desktop.packager.service import build_and_record
from ocs_desktop.packager.spec import SPEC_FIELDS, PackageSpec


def register(subparsers: Any) -> None:
    """Add the ``package`` command and its actions."""
    parser = subparsers.add_parser(
        "package",
        help="build and deploy packages (teledeploy)",
        description="Build, activate, assign and follow OCS deployment packages.",
    )
    actions = parser.add_subparsers(dest="package_action", metavar="ACTION", required=True)
    for add in (_add_build, *DEPLOY_ACTIONS):
        add(actions)


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
    add_db_option(build)
    groups: dict[str, Any] = {}
    for field in SPEC_FIELDS:
        if field.flag is not None:
            where = build
            if field.group is not None:
                if field.group not in groups:
                    groups[field.group] = build.add_mutually_exclusive_group()
                where = groups[field.group]
            where.add_argument(field.flag, dest=_dest(field), **_option(field))
    add_store_option(build)
    build.add_argument("--archive", type=Path, help="a ready-made zip or tar.gz to use as is")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("sources", nargs="*", type=Path, metavar="FILE_OR_DIR")
    build.set_defaults(handler=run_build)


def _dest(field: SpecField) -> str:
    return f"spec_{field.name}"


def _option(field: SpecField) -> dict[str, Any]:
    """``add_argument`` keywords of a declared field: its type, choices and default."""
    option: dict[str, Any] = {"help": field.help}
    if field.required:
        option["required"] = True
    else:
        option["default"] = field.default
    if field.kind is bool:
        option["action"] = "store_true"
    elif issubclass(field.kind, Enum):
        option["choices"] = [member.value for member in field.kind]
    elif field.mib:
        option["type"] = float
    elif field.kind is int:
        option["type"] = int
    if field.choices is not None:
        option["choices"] = field.choices
    if field.metavar is not None:
        option["metavar"] = field.metavar
    elif field.kind is not bool and "choices" not in option:  # as argparse names the flag's
        option["metavar"] = str(field.flag).lstrip("-").replace("-", "_").upper()
    return option


def spec_from_args(args: argparse.Namespace) -> PackageSpec:
    """The package the options of ``package build`` describe (not validated)."""
    values: dict[str, Any] = {}
    for field in SPEC_FIELDS:
        if field.flag is None:
            continue
        value = getattr(args, _dest(field))
        if field.mib and value is not None:
            try:
                value = mib_bytes(value)
            except ValueError:
                raise CommandError(f"{field.flag} must be a positive number of MB") from None
        values[field.name] = value
    for field in SPEC_FIELDS:
        if field.implied_by is not None:
            values[field.name] = bool(values[field.implied_by])
    return PackageSpec(**values)


@package_command
def run_build(args: argparse.Namespace) -> int:
    """Build the package, record it, print its FILEID."""
    spec = spec_from_args(args)
    try:
        spec.validate()
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    store = store_of(args)
    with open_packages(args.db) as engine, byte_progress(args.quiet, "package") as progress:
        try:
            built = build_and_record(
                engine,
                spec,
                args.sources,
                store,
                archive=args.archive,
                progress=progress,
                console_fragmentation=True,
                on_fileid=lambda fileid: progress.relabel(f"package {fileid}"),
            )
        except (ValueError, OSError) as exc:
            raise CommandError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise database_error(exc, "cannot record the package") from exc
    print(
        f"built {built.fileid}: {built.size} bytes in {built.fragment_count} fragment(s) "
        f"in {built.directory}",
        file=sys.stderr,
    )
    print(built.fileid)
    return EXIT_OK
