"""``ocs-desktop import``: load agent inventory files into a database."""

from __future__ import annotations

import argparse
import os
import sys

from ocs_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    add_db_option,
    check_database,
    database_url,
    handled,
    progress_bar,
)
from ocs_desktop.cli.db_gate import require_checked
from ocs_desktop.inventory.importer import FileResult, Outcome, discover, import_files


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import inventory files (.ocs, .xml) or folders of them",
        description="Import OCS agent inventories (zlib-compressed or plain XML) into a "
        "database. Folders are searched recursively for *.ocs and *.xml. Exits 1 if any "
        "file failed; every other file is still imported.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--workers",
        type=int,
        default=min(os.cpu_count() or 1, 4),
        help="parallel worker processes (default: the number of CPUs, at most 4)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.set_defaults(handler=run)


@handled("import")
def run(args: argparse.Namespace) -> int:
    url = database_url(args.db)
    files = discover(args.paths)
    if not files:
        raise CommandError("no inventory files found", EXIT_FAILED)
    # Refuse early, with a hint, rather than failing every file the same way.
    check_database(url, table="hardware")
    require_checked(url)
    with progress_bar(args.quiet, unit="file", total=len(files)) as bar:

        def progress(result: FileResult) -> None:
            bar.update(1)
            if result.outcome is Outcome.FAILED:
                bar.write(f"FAILED {result.path}: {result.error}", file=sys.stderr)

        workers = max(1, min(args.workers, len(files)))
        summary = import_files(url, files, workers=workers, progress=progress)
    print(
        f"{len(summary.results)} file(s): {summary.count(Outcome.NEW)} new, "
        f"{summary.count(Outcome.UPDATED)} updated, {summary.count(Outcome.FAILED)} failed"
    )
    for failed in summary.failed:
        print(f"  failed: {os.fspath(failed.path)}: {failed.error}")
    return EXIT_FAILED if summary.failed else EXIT_OK
