"""``ocs-desktop db upgrade`` and ``db restore``: an older OCS database brought to our
schema after a backup, and that backup put back if need be.

Exit codes: 0 upgraded (or nothing to do) / restored; 1 the upgrade or restore cannot be
carried out (the message says why; after the backup, the database can be restored or
the command run again); 2 the database cannot be reached; 130 interrupted (run the same
command again: it resumes).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

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
from ocs_desktop.db.backup import (
    Backup,
    BackupError,
    default_location,
    drop_backup,
    drop_hint,
    restore_backup,
    take_backup,
)
from ocs_desktop.db.cluster import convert_tables, unreplicated_tables
from ocs_desktop.db.engines import create_engine_for, is_mysql, is_sqlite, safe_url
from ocs_desktop.db.schema import check_database
from ocs_desktop.db.software_migration import BATCH_ROWS, MigrationError
from ocs_desktop.db.upgrade import (
    STATE_BACKUP,
    UpgradeError,
    read_state,
    upgrade_database,
)

_INTERRUPTED = (
    "interrupted: run the same command again to finish (it keeps the backup it took first)"
)


def register(actions: Any) -> None:
    """Add the ``upgrade``, ``restore`` and ``drop-backup`` actions to ``ocs-desktop db``."""
    upgrade = actions.add_parser(
        "upgrade",
        help="upgrade an older OCS database (before 2.8 included) to our schema, after a backup",
        description="Back up the database, then add the tables and columns of later OCS "
        "releases, move pre-2.8 software (softwares) to the 2.8 tables, verify every "
        "machine's software, rebuild the software summary and set GUI_VERSION. Stop every "
        "OCS server writing to the database first. Interrupted, it resumes when run again.",
    )
    upgrade.add_argument("url", metavar="URL", help=DB_HELP)
    upgrade.add_argument(
        "--backup",
        metavar="NAME",
        help="where the backup goes: a database on the same MySQL server, or a SQLite file "
        "(default: DB_backup_TIME, or FILE.backup-TIME.sqlite beside the file)",
    )
    upgrade.add_argument(
        "--batch-rows",
        type=int,
        default=BATCH_ROWS,
        metavar="N",
        help=f"software rows moved per transaction (default {BATCH_ROWS})",
    )
    upgrade.add_argument(
        "--cluster",
        action="store_true",
        help="also make every table replicate on a Galera cluster: InnoDB, with a primary "
        "key, and the writers' lock table (see db check --cluster); a backup is taken "
        "first if the upgrade itself took none",
    )
    upgrade.set_defaults(handler=run_upgrade)

    restore = actions.add_parser(
        "restore",
        help="replace every table of the database by a backup db upgrade took",
        description="Put back the backup that db upgrade printed: every table of the "
        "database is dropped and copied from the backup (a database on the same MySQL "
        "server, or a SQLite file). Stop every server and console using it first.",
    )
    restore.add_argument("url", metavar="URL", help=DB_HELP)
    restore.add_argument("backup", metavar="BACKUP", help="the backup database or file")
    restore.set_defaults(handler=run_restore)

    drop = actions.add_parser(
        "drop-backup",
        help="delete a backup db upgrade took, once the upgraded database has proven itself",
        description="Drop the backup database (or delete the backup file) that db upgrade "
        "printed. Only a complete backup of this very database is deleted.",
    )
    drop.add_argument("url", metavar="URL", help=DB_HELP)
    drop.add_argument("backup", metavar="BACKUP", help="the backup database or file")
    drop.set_defaults(handler=run_drop_backup)


def _target(raw: str) -> str:
    """The normalised URL; exit 2 for what is neither SQLite nor MySQL, or a missing file."""
    url = database_url(raw)
    if not (is_sqlite(url) or is_mysql(url)):
        raise CommandError(f"unsupported database: {safe_url(url)}", EXIT_DATABASE)
    database = make_url(url).database
    if is_sqlite(url) and database and not Path(database).exists():
        raise CommandError(f"no such database file: {database}", EXIT_DATABASE)
    return url


class _PhaseLines:
    """A ``phase: NN%`` line on stderr for each phase of the upgrade."""

    def __init__(self, stack: ExitStack) -> None:
        self.stack = stack
        self.phase: str | None = None
        self.line: Callable[[int, int], bool] = lambda done, total: True

    def __call__(self, phase: str, done: int, total: int) -> bool:
        if phase != self.phase:
            self.stack.close()  # ends the previous phase's line
            line = self.stack.enter_context(percent_line(phase))
            assert line is not None  # percent_line always gives a callback
            self.line = line
            self.phase = phase
        return self.line(done, total)


def _undo_hint(engine: Engine, url: str) -> str:
    """How to restore the backup an unfinished upgrade recorded, if it took one."""
    try:
        with engine.connect() as conn:
            backup = read_state(conn).get(STATE_BACKUP)
    except SQLAlchemyError:
        return ""
    return f"; to undo: ocs-desktop db restore {url} {backup}" if backup else ""


@handled("db", interrupted=_INTERRUPTED)
def run_upgrade(args: argparse.Namespace) -> int:
    """Upgrade the database, with a progress line per phase; print what was done."""
    url = _target(args.url)
    shown = safe_url(url)
    if args.batch_rows < 1:
        raise CommandError("--batch-rows must be at least 1", EXIT_FAILED)
    engine = create_engine_for(url)
    try:
        with ExitStack() as lines:
            report = upgrade_database(
                engine,
                backup_to=args.backup,
                batch_rows=args.batch_rows,
                progress=_PhaseLines(lines),
            )
    except (UpgradeError, BackupError, MigrationError) as exc:
        raise CommandError(f"{exc}{_undo_hint(engine, shown)}", EXIT_FAILED) from exc
    except SQLAlchemyError as exc:
        code = EXIT_DATABASE if isinstance(exc, OperationalError) else EXIT_FAILED
        hint = _undo_hint(engine, shown)
        raise CommandError(f"cannot upgrade {shown}: {db_reason(exc)}{hint}", code) from exc
    finally:
        engine.dispose()
    backup = report.backup
    if getattr(args, "cluster", False):
        backup = _cluster_upgrade(url, shown, args.backup, backup)
    print("\n".join(report.format(shown)))
    if backup is not None:
        print(drop_hint(backup, shown))
    return EXIT_OK if report.final is None or report.final.ok else EXIT_FAILED


def _cluster_upgrade(
    url: str, shown: str, wanted: str | None, backup: Backup | None
) -> Backup | None:
    """``--cluster``: after the upgrade's backup (or one of its own), convert the tables
    a Galera cluster would not replicate; print each statement. Returns the backup."""
    if is_sqlite(url):
        print("Cluster: SQLite is one file on one machine; nothing to convert.")
        return backup
    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            pending = unreplicated_tables(conn)
        if pending and backup is None:
            with percent_line("Backing up") as progress:
                backup = take_backup(engine, wanted or default_location(engine), progress)
            print(f"Backup: {backup.location} (undo: {backup.restore_command(shown)})")
        with percent_line("Converting for the cluster") as progress:
            statements = convert_tables(engine, progress)
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_FAILED) from exc
    except SQLAlchemyError as exc:
        hint = f"; to undo: {backup.restore_command(shown)}" if backup is not None else ""
        raise CommandError(f"cannot convert {shown}: {db_reason(exc)}{hint}", EXIT_FAILED) from exc
    finally:
        engine.dispose()
    for statement in statements:
        print(f"Cluster: {statement}")
    print(f"Cluster: {len(statements)} tables converted; every table replicates.")
    return backup


@handled("db", interrupted="interrupted: run the same command again to finish the restore")
def run_restore(args: argparse.Namespace) -> int:
    """Replace the database's tables by the backup's, then check the result."""
    url = database_url(args.url)
    shown = safe_url(url)
    engine = create_engine_for(url)
    try:
        with percent_line("Restoring") as progress:
            tables = restore_backup(engine, args.backup, progress)
        report = check_database(engine)
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_FAILED) from exc
    except OperationalError as exc:
        raise CommandError(f"cannot restore {shown}: {db_reason(exc)}", EXIT_DATABASE) from exc
    except SQLAlchemyError as exc:
        raise CommandError(f"cannot restore {shown}: {db_reason(exc)}", EXIT_FAILED) from exc
    finally:
        engine.dispose()
    print(f"Restored {shown} from {args.backup}: {tables} tables")
    print(f"Schema version (GUI_VERSION): {report.version or 'unknown'}")
    return EXIT_OK


@handled("db")
def run_drop_backup(args: argparse.Namespace) -> int:
    """Delete the backup after checking it is one of this database's."""
    url = _target(args.url)
    shown = safe_url(url)
    engine = create_engine_for(url)
    try:
        drop_backup(engine, args.backup)
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_FAILED) from exc
    except OperationalError as exc:
        raise CommandError(f"cannot reach {shown}: {db_reason(exc)}", EXIT_DATABASE) from exc
    except SQLAlchemyError as exc:
        raise CommandError(f"cannot drop {args.backup}: {db_reason(exc)}", EXIT_FAILED) from exc
    finally:
        engine.dispose()
    print(f"Dropped the backup {args.backup} of {shown}")
    return EXIT_OK
