"""``ocs-desktop agent-package windows``: ocspackage.exe around the official agent setup.

    agent-package windows --setup FILE --server URL --output DIR
        [--cacert FILE | --cert-dir DIR] [--no-ssl] [--tag T | --notag] [--label TEXT]
        [--plugin FILE ...] [--now] [--nosplash] [--proxy-type N --proxy-host H
        --proxy-port P [--proxy-user U] [--proxy-password-env VAR]] [--debug N]
        [--option /X=... ...] [--arch x86|x64] [--publish-agent-file] [--publish-package]
        [--db DB]
    agent-package windows --from-json DIR/ocspackage.json [--output DIR] [--publish-...]

The work is ``packager.agent_windows*``'s; publishing the exe as an agent file is
``fleet.agent_files``'s. The proxy password is read from an environment variable, never
from the command line (other users can read it there).
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    database_error,
    fleet_connection,
    handled,
    percent_line,
)
from ocs_desktop.cli.package_deploy import add_store_option, open_packages, store_of
from ocs_desktop.common.cert_admin import files_in
from ocs_desktop.common.progress import Progress
from ocs_desktop.fleet.agent_files import AgentFileError, upload_file
from ocs_desktop.packager.agent_installer import BuiltInstaller, InstallerError, read_sidecar
from ocs_desktop.packager.agent_windows import (
    ARCHES,
    DEBUG_LEVELS,
    DEFAULT_ARCH,
    PACKAGE_NAME,
    PROXY_TYPES,
    WindowsAgentSpec,
)
from ocs_desktop.packager.agent_windows_build import build
from ocs_desktop.packager.agent_windows_publish import DEFAULT_NAME, publish_upgrade_package
from ocs_desktop.packager.agent_windows_sidecar import spec_from_record

COMMAND = "agent-package windows"
#: Build options that --from-json takes from the sidecar instead.
_SPEC_OPTIONS = (
    "setup", "server", "cacert", "cert_dir", "tag", "label", "plugins", "proxy_host",
    "proxy_port", "proxy_user", "debug", "options", "proxy_type", "arch",
)  # fmt: skip
_SPEC_SWITCHES = ("no_ssl", "notag", "now", "nosplash")


def add_parser(kinds: Any) -> None:
    """Add the ``windows`` installer kind."""
    parser = kinds.add_parser(
        "windows",
        help="ocspackage.exe: the official Windows agent setup, configured, silent",
        description="Build ocspackage.exe (NSIS, makensis) around the official "
        "OCS-NG-Windows-Agent-Setup.exe you supply, with its ocspackage.json sidecar.",
    )
    inputs = parser.add_argument_group("inputs")
    inputs.add_argument("--setup", type=Path, help="the official OCS-NG-Windows-Agent-Setup.exe")
    inputs.add_argument("--server", help="server URL, e.g. https://ocs.example.org/ocsinventory")
    inputs.add_argument("--output", type=Path, help="folder for ocspackage.exe and its .json")
    inputs.add_argument("--cacert", type=Path, help="CA certificate (PEM) the agents trust")
    inputs.add_argument(
        "--cert-dir", type=Path, help="folder of 'cert init': its cacert.pem unless --cacert"
    )
    inputs.add_argument("--no-ssl", action="store_true", help="/SSL=0: no certificate check")
    tag = inputs.add_mutually_exclusive_group()
    tag.add_argument("--tag", help="the agents' TAG")
    tag.add_argument("--notag", action="store_true", help="/NOTAG: never ask for a TAG")
    inputs.add_argument("--label", help="text of the TAG prompt (Label file)")
    inputs.add_argument(
        "--plugin", dest="plugins", action="append", type=Path, metavar="FILE",
        help="a plugin for <install>\\Plugins (repeat)",
    )  # fmt: skip
    inputs.add_argument("--now", action="store_true", help="/NOW: inventory right after setup")
    inputs.add_argument("--nosplash", action="store_true", help="/NOSPLASH")
    inputs.add_argument(
        "--proxy-type", type=int, choices=list(PROXY_TYPES),
        help="0 none, 1 HTTP, 2 SOCKS4, 3 SOCKS5",
    )  # fmt: skip
    inputs.add_argument("--proxy-host")
    inputs.add_argument("--proxy-port", type=int)
    inputs.add_argument("--proxy-user")
    inputs.add_argument(
        "--proxy-password-env",
        metavar="VAR",
        help="environment variable holding the proxy password",
    )
    inputs.add_argument("--debug", type=int, choices=DEBUG_LEVELS, help="/DEBUG level")
    inputs.add_argument(
        "--option", dest="options", action="append", metavar="/NAME[=VALUE]",
        help="another setup switch, e.g. /NO_SYSTRAY (repeat)",
    )  # fmt: skip
    inputs.add_argument(
        "--arch", choices=ARCHES,
        help="architecture of ocspackage.exe itself: x86 (the default; 32-bit, every Windows) "
        "or x64 (64-bit Windows only); the setup inside keeps its own",
    )  # fmt: skip
    inputs.add_argument(
        "--from-json", type=Path, metavar="SIDECAR",
        help="rebuild what an ocspackage.json records (files must be unchanged)",
    )  # fmt: skip
    publish = parser.add_argument_group("publishing")
    publish.add_argument(
        "--publish-agent-file", action="store_true",
        help=f"store it as /ocsinventory/deploy/{PACKAGE_NAME} (needs --db)",
    )  # fmt: skip
    publish.add_argument(
        "--publish-package", action="store_true",
        help="record a deployment package upgrading agents with the plain setup /UPGRADE "
        "(needs --db)",
    )  # fmt: skip
    publish.add_argument("--db", help="database URL or SQLite file, for publishing")
    add_store_option(publish)
    publish.add_argument("--package-name", default=DEFAULT_NAME, help="deployment package name")
    parser.add_argument("--quiet", action="store_true", help="no progress line")
    parser.set_defaults(handler=run)


def _proxy_password(args: argparse.Namespace) -> str:
    if not args.proxy_password_env:
        return ""
    value = os.environ.get(args.proxy_password_env)
    if value is None:
        raise CommandError(f"the environment variable {args.proxy_password_env} is not set")
    return value


def _cacert(args: argparse.Namespace) -> Path | None:
    if args.cacert is not None:
        return Path(args.cacert)
    if args.cert_dir is not None:
        return files_in(args.cert_dir).agent_ca
    if args.no_ssl:
        return None
    raise CommandError(
        "give --cacert FILE or --cert-dir DIR (the folder of cert init), or --no-ssl",
        EXIT_USAGE,
    )


def spec_from_args(args: argparse.Namespace) -> WindowsAgentSpec:
    """The spec the options describe (not validated)."""
    if args.from_json is not None:
        given = [name for name in _SPEC_OPTIONS if getattr(args, name) is not None]
        given += [name for name in _SPEC_SWITCHES if getattr(args, name)]
        if given:
            flags = ", ".join("--" + name.replace("_", "-") for name in given)
            raise CommandError(
                f"--from-json takes every input from the sidecar, not {flags}", EXIT_USAGE
            )
        return spec_from_record(
            read_sidecar(args.from_json),
            output_dir=args.output,
            proxy_password=_proxy_password(args),
        )
    missing = [flag for flag, value in (("--setup", args.setup), ("--server", args.server),
               ("--output", args.output)) if value is None]  # fmt: skip
    if missing:
        raise CommandError(f"{', '.join(missing)} needed (or --from-json)", EXIT_USAGE)
    return WindowsAgentSpec(
        setup=args.setup,
        server=args.server,
        output_dir=args.output,
        cacert=_cacert(args),
        ssl=not args.no_ssl,
        tag=args.tag or "",
        notag=args.notag,
        label=args.label or "",
        plugins=tuple(args.plugins or ()),
        now=args.now,
        nosplash=args.nosplash,
        proxy_type=args.proxy_type or 0,
        proxy_host=args.proxy_host or "",
        proxy_port=args.proxy_port,
        proxy_user=args.proxy_user or "",
        proxy_password=_proxy_password(args),
        debug=args.debug,
        options=tuple(args.options or ()),
        arch=args.arch or DEFAULT_ARCH,
    )


@handled(COMMAND, interrupted="interrupted: nothing was written")
def run(args: argparse.Namespace) -> int:
    """Build the package (and publish it); print the exe's path."""
    if (args.publish_agent_file or args.publish_package) and not args.db:
        raise CommandError("publishing needs --db", EXIT_USAGE)
    try:
        spec = spec_from_args(args)
        recorded = read_sidecar(args.from_json) if args.from_json is not None else None
        with _progress(args.quiet, "ocspackage.exe") as progress:
            built = build(spec, progress=progress)
    except InstallerError as exc:
        raise CommandError(str(exc)) from None
    print(f"built {built.path}: {built.size} bytes, sha256 {built.sha256}", file=sys.stderr)
    if recorded is not None and recorded.get("output", {}).get("sha256") != built.sha256:
        print("warning: the rebuilt exe differs from the recorded one", file=sys.stderr)
    if args.publish_agent_file:
        _publish_agent_file(args.db, built)
    if args.publish_package:
        _publish_package(args, spec)
    print(built.path)
    return EXIT_OK


def _progress(quiet: bool, label: str) -> AbstractContextManager[Progress]:
    return nullcontext(None) if quiet else percent_line(label)


def _publish_agent_file(db: str, built: BuiltInstaller) -> None:
    with fleet_connection(db, write=True, table="deploy", refused=(AgentFileError,)) as conn:
        upload_file(conn, built.path, PACKAGE_NAME, replace=True)
    print(f"published as /ocsinventory/deploy/{PACKAGE_NAME}", file=sys.stderr)


def _publish_package(args: argparse.Namespace, spec: WindowsAgentSpec) -> None:
    with open_packages(args.db) as engine:
        try:
            package = publish_upgrade_package(engine, spec, store_of(args), name=args.package_name)
        except (InstallerError, ValueError, OSError) as exc:
            raise CommandError(str(exc)) from None
        except SQLAlchemyError as exc:
            raise database_error(exc, "cannot record the package") from exc
    print(f"upgrade package {package.fileid} recorded", file=sys.stderr)
