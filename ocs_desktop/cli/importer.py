"""``ocs-desktop import``: load agent inventory files into a database."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.inventory.importer import FileResult, Outcome, discover, import_files


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import inventory files (.ocs, .xml) or folders of them",
        description="Import OCS agent inventories (zlib-compressed or plain XML) into a "
        "database. Folders are searched recursively for *.ocs and *.xml. Exits 1 if any "
        "file failed; every other file is still imported.",
    )
    parser.add_argument("--db", required=True, help="database URL or SQLite file path")
    parser.add_argument(
        "--workers",
        type=int,
        default=min(os.cpu_count() or 1, 4),
        help="parallel worker processes (default: the number of CPUs, at most 4)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    url = normalize_url(args.db)
    files = discover(args.paths)
    if not files:
        print("no inventory files found", file=sys.stderr)
        return 1
    problem = _database_problem(url)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    bar = tqdm(
        total=len(files),
        unit="file",
        disable=args.quiet or None,
        file=sys.stderr,
        dynamic_ncols=True,
    )

    def progress(result: FileResult) -> None:
        bar.update(1)
        if result.outcome is Outcome.FAILED:
            bar.write(f"FAILED {result.path}: {result.error}", file=sys.stderr)

    try:
        workers = max(1, min(args.workers, len(files)))
        summary = import_files(url, files, workers=workers, progress=progress)
    finally:
        bar.close()
    print(
        f"{len(summary.results)} file(s): {summary.count(Outcome.NEW)} new, "
        f"{summary.count(Outcome.UPDATED)} updated, {summary.count(Outcome.FAILED)} failed"
    )
    for failed in summary.failed:
        print(f"  failed: {os.fspath(failed.path)}: {failed.error}")
    return 1 if summary.failed else 0


def _database_problem(url: str) -> str | None:
    """Refuse early, with a hint, rather than failing every file the same way."""
    engine = create_engine_for(url)
    try:
        if not inspect(engine).has_table("hardware"):
            return (
                f"{engine.url.render_as_string(hide_password=True)} is not an OCS database "
                "(no hardware table); create it with: ocs-desktop db init URL"
            )
    except SQLAlchemyError as error:
        return f"cannot open the database: {getattr(error, 'orig', None) or error}"
    finally:
        engine.dispose()
    return None
