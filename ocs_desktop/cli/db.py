"""``ocs-desktop db``: create an OCS database, or check that an existing one suits us.

``db init`` is what an administrator runs once (or again, harmlessly) before pointing the
server and console at a database; ``db check`` tells whether a database made by a real OCS
installation has everything our code reads and writes. ``db summarize`` rebuilds the
software summary (install counts) after other writers, such as a real OCS server sharing
the database, changed ``software`` without maintaining it. ``db fix-table-case`` renames a
table an OCS console cannot find because of its letter case (``db.table_names``).

Exit codes (``cli/common.py``): 0 done / compatible, 1 the database lacks something we
need or init failed, 2 the database cannot be reached.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ocs_desktop.cli import db_upgrade
from ocs_desktop.cli.common import (
    DB_HELP,
    EXIT_DATABASE,
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    database_url,
    db_reason,
    handled,
    percent_line,
)
from ocs_desktop.cli.db_gate import refuse_outdated, require_checked
from ocs_desktop.db.cluster import inspect_cluster
from ocs_desktop.db.console_indexes import ensure_console_indexes
from ocs_desktop.db.engines import (
    create_database_if_missing,
    create_engine_for,
    default_database_url,
    is_mysql,
    is_sqlite,
    safe_url,
)
from ocs_desktop.db.schema import check_database, init_database, schema_version
from ocs_desktop.db.server_columns import add_server_columns
from ocs_desktop.db.software_summary import rebuild_summary, summary_state
from ocs_desktop.db.table_names import fix_table_case
from ocs_desktop.models.extensions import EXTENSION_METADATA

_URL_HELP = f"{DB_HELP} (default: ocsweb.sqlite in the user's data folder)"


def register(subparsers: Any) -> None:
    """Add the ``db`` command and its ``init`` and ``check`` actions."""
    parser = subparsers.add_parser(
        "db",
        help="create or check an OCS Inventory database",
        description="Create or check an OCS Inventory NG (ocsweb) database.",
    )
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)

    init = actions.add_parser(
        "init",
        help="create the database, its tables and default rows (safe to repeat)",
        description="Create the database (MySQL: CREATE DATABASE in utf8mb4 if missing), every "
        "missing OCS table, and the default rows (config, admin/admin operator, "
        "blacklists...). Existing tables and rows are never changed.",
    )
    init.add_argument("url", metavar="URL", nargs="?", help=_URL_HELP)
    init.add_argument(
        "--server-columns",
        action="store_true",
        help="also add to existing tables the columns an OCS 2.8.1 or 2.12 communication "
        "server reads that this database lacks (see db check)",
    )
    init.set_defaults(handler=run_init)

    check = actions.add_parser(
        "check",
        help="check that an existing database has the tables and columns we use",
        description="Report the schema version, missing tables and columns and incompatible "
        "column types of an existing database, without changing it. Exit 0 if compatible, "
        "1 if something we need is missing, 2 if the database cannot be reached.",
    )
    check.add_argument("url", metavar="URL", nargs="?", help=_URL_HELP)
    check.add_argument(
        "--cluster",
        action="store_true",
        help="also report every table a Galera cluster would not replicate (not InnoDB, or "
        "no primary key) and the writers' lock table; exit 1 if any (see db upgrade --cluster)",
    )
    check.set_defaults(handler=run_check)

    fix_case = actions.add_parser(
        "fix-table-case",
        help="rename tables the OCS console cannot find because of their letter case",
        description="On a server that compares table names as written "
        "(lower_case_table_names=0), rename each table whose name differs only in letter "
        "case from the spelling the OCS console of this schema version reads (e.g. "
        "schedule_wol from a Windows dump of a 2.11 database). Nothing else is changed.",
    )
    fix_case.add_argument("url", metavar="URL", nargs="?", help=_URL_HELP)
    fix_case.set_defaults(handler=run_fix_table_case)

    summarize = actions.add_parser(
        "summarize",
        help="rebuild the software summary (installs per software) from the software table",
        description="Recompute ocsdesktop_software_summary, the install counts the console's "
        "software view reads, from the software table. Our server and importer keep it up to "
        "date; run this after a real OCS server (or anything else) wrote inventories into the "
        "same database. Creates our own tables if the database lacks them; OCS tables are "
        "never changed.",
    )
    summarize.add_argument("url", metavar="URL", nargs="?", help=_URL_HELP)
    summarize.set_defaults(handler=run_summarize)
    db_upgrade.register(actions)


def _target(args: argparse.Namespace) -> str:
    """The normalised URL to work on; exit 2 for what is not SQLite or MySQL."""
    url = database_url(args.url) if args.url else default_database_url()
    if not (is_sqlite(url) or is_mysql(url)):
        raise CommandError(
            f"unsupported database (use SQLite or MySQL/MariaDB): {safe_url(url)}",
            EXIT_DATABASE,
        )
    return url


@handled("db")
def run_init(args: argparse.Namespace) -> int:
    """Create the database if needed, then its missing tables and default rows."""
    url = _target(args)
    shown = safe_url(url)
    try:
        created = create_database_if_missing(url)
    except (OperationalError, OSError) as exc:
        raise _failed("connect to", shown, exc, EXIT_DATABASE) from exc
    except (SQLAlchemyError, ValueError) as exc:
        raise _failed("create", shown, exc, EXIT_FAILED) from exc
    if not created:
        refuse_outdated(url)  # a pre-2.8 database is db upgrade's, not init's
    engine = create_engine_for(url)
    added: list[str] = []
    try:
        report = init_database(engine)
        if args.server_columns:
            added = add_server_columns(engine)
    except OperationalError as exc:
        raise _failed("initialise", shown, exc, EXIT_DATABASE) from exc
    except SQLAlchemyError as exc:
        raise _failed("initialise", shown, exc, EXIT_FAILED) from exc
    finally:
        engine.dispose()
    if created:
        print(f"Created database {shown}")
    print("\n".join(report.format()))
    if args.server_columns:
        print(f"Added columns for OCS servers: {', '.join(added) if added else 'none missing'}")
    print(_summary_line(url, verify=False))
    return EXIT_OK


def _failed(doing: str, shown: str, exc: BaseException, code: int) -> CommandError:
    return CommandError(f"cannot {doing} {shown}: {db_reason(exc)}", code)


def _summary_line(url: str, *, verify: bool) -> str:
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            return summary_state(connection, verify=verify).describe()
    except SQLAlchemyError as exc:
        return f"Software summary: unreadable ({db_reason(exc)})"
    finally:
        engine.dispose()


@handled("db")
def run_check(args: argparse.Namespace) -> int:
    """Print how the database compares with our models; the exit code says if it is usable."""
    url = _target(args)
    shown = safe_url(url)
    database = make_url(url).database
    # Connecting to a missing SQLite file would create it: a check must change nothing.
    if is_sqlite(url) and database and database != ":memory:" and not Path(database).exists():
        raise CommandError(f"no such database file: {database}", EXIT_DATABASE)
    engine = create_engine_for(url)
    try:
        with engine.connect():
            pass
        report = check_database(engine)
        cluster = inspect_cluster(engine) if getattr(args, "cluster", False) else None
        # Ours, not OCS's: reported, but never a reason to call the database unusable.
        summary = None if report.outdated else _summary_line(url, verify=True)
    except OperationalError as exc:
        raise _failed("connect to", shown, exc, EXIT_DATABASE) from exc
    except SQLAlchemyError as exc:
        raise _failed("check", shown, exc, EXIT_DATABASE) from exc
    finally:
        engine.dispose()
    print("\n".join(report.format()))
    if summary is not None:
        print(summary)
    if cluster is not None:
        print("\n".join(cluster.format()))
        if cluster.supported and not cluster.ok:
            return EXIT_FAILED
    return EXIT_OK if report.ok else EXIT_FAILED


@handled("db")
def run_fix_table_case(args: argparse.Namespace) -> int:
    """Rename the tables ``table_names.misspelt`` lists; print what was renamed."""
    url = _target(args)
    shown = safe_url(url)
    if is_sqlite(url):  # connecting would create a missing file; and SQLite ignores case
        print(f"Database: {shown}\nSQLite ignores letter case in table names: nothing to do.")
        return EXIT_OK
    engine = create_engine_for(url)
    try:
        renamed = fix_table_case(engine, schema_version(engine))
    except OperationalError as exc:
        raise _failed("connect to", shown, exc, EXIT_DATABASE) from exc
    except SQLAlchemyError as exc:
        raise _failed("rename tables of", shown, exc, EXIT_FAILED) from exc
    finally:
        engine.dispose()
    print(f"Database: {shown}")
    for old, new in renamed:
        print(f"Renamed table {old} to {new}")
    if not renamed:
        print("No table to rename.")
    return EXIT_OK


@handled("db")
def run_summarize(args: argparse.Namespace) -> int:
    """Rebuild the software summary in one transaction, with a progress line on stderr."""
    url = _target(args)
    shown = safe_url(url)
    require_checked(url)  # before our tables are created in a database we cannot use
    engine = create_engine_for(url)
    started = time.monotonic()
    try:
        with percent_line("Summarizing software") as progress:
            EXTENSION_METADATA.create_all(engine, checkfirst=True)
            indexes = ensure_console_indexes(engine)
            with engine.begin() as connection:
                entries = rebuild_summary(connection, progress)
    except OperationalError as exc:
        raise _failed("summarize", shown, exc, EXIT_DATABASE) from exc
    except SQLAlchemyError as exc:
        raise _failed("summarize", shown, exc, EXIT_FAILED) from exc
    finally:
        engine.dispose()
    print(f"Database: {shown}")
    if indexes:
        print(f"Created the console's indexes: {', '.join(indexes)}")
    print(f"Rebuilt the software summary: {entries} entries in {time.monotonic() - started:.1f} s")
    print(_summary_line(url, verify=False))
    return EXIT_OK
