"""The ``ocs-desktop`` command: one entry point, one sub-command per job.

Each sub-command lives in its own module and registers itself through a
``register(subparsers)`` function, so adding a job never touches this file
beyond one import line.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Sequence

from ocs_desktop import __version__
from ocs_desktop.cli.common import DB_HELP, EXIT_OK, add_db_option

#: The module of each command. A command given on the command line imports its module
#: alone: the other modules' imports (cryptography, lxml, the inventory and packager
#: services) cost about 0.45 CPU-s, a third of what ``package build`` spent before building
#: (``bench/package_bench.py`` times the command as a whole process).
COMMAND_MODULES: dict[str, str] = {
    "db": "db",
    "import": "importer",
    "serve": "serve",
    "cert": "cert",
    "screenshots": "screenshots",
    "package": "package",
    "duplicates": "duplicates",
    "tag": "tags",
    "group": "groups",
    "tag-rules": "tag_rules",
    "operator": "operator",
    "admin-field": "admin_fields",
    "config": "config",
    "registry": "registry",
    "label": "label",
    "agent-files": "agent_files",
    "agent-package": "agent_package",
    "network": "network",
}


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (the first word that is not a top-level option)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)  # its value
        elif not word.startswith("-"):
            return word
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with a known ``command``, only that command's part."""
    parser = argparse.ArgumentParser(
        prog="ocs-desktop",
        description="OCS Inventory NG compatible server and desktop console. "
        "With no sub-command, opens the desktop console.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output (repeatable)"
    )
    add_db_option(
        parser,
        required=False,
        dest="gui_db",
        metavar="URL",
        help=f"with no sub-command, the console opens on this {DB_HELP}, "
        "skipping the connect dialog",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if command in COMMAND_MODULES:
        importlib.import_module(f"ocs_desktop.cli.{COMMAND_MODULES[command]}").register(subparsers)
        return parser
    from ocs_desktop.cli import (
        admin_fields,
        agent_files,
        agent_package,
        cert,
        config,
        db,
        duplicates,
        groups,
        importer,
        label,
        network,
        operator,
        package,
        registry,
        screenshots,
        serve,
        tag_rules,
        tags,
    )

    modules = (db, importer, serve, cert, screenshots, package, duplicates, tags, groups)
    for module in (*modules, tag_rules, operator):
        module.register(subparsers)
    admin_fields.register(subparsers)
    config.register(subparsers)
    for module in (registry, label, agent_files, agent_package, network):
        module.register(subparsers)
    return parser


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * min(verbosity, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_command_in(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if argv is None:  # the process's own command line: the process ends with the command
        # What start-up made (modules, classes, the mapping) lives until exit: the collector
        # need not walk it again, at each full collection nor at exit. About 0.07 CPU-s of
        # ``package build`` (``bench/package_bench.py`` times it as a whole process).
        gc.freeze()
    _configure_logging(args.verbose)
    if args.command is None:
        from ocs_desktop.views.app import run_gui

        return run_gui(sys.argv[:1], db=args.gui_db)
    handler = args.handler
    return int(handler(args) or EXIT_OK)


if __name__ == "__main__":
    sys.exit(main())
