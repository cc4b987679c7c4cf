"""Refuse, before writing anything, a database that fails ``db check``.

``serve``, ``import`` and ``db summarize`` write what our models describe. On a database
that lacks part of it they used to get half-way (creating our tables in a pre-2.8
database, then failing on its ``softwares`` layout; answering HTTP 500 to every agent),
so they run the check first and stop with its explanation and exit 2. ``db init``, which
creates what is missing, stops only on a pre-2.8 database: that one is ``db upgrade``'s.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import EXIT_DATABASE, CommandError, database_error
from ocs_desktop.db.engines import create_engine_for, is_sqlite, safe_url
from ocs_desktop.db.schema import SchemaReport, check_database


def _checked(url: str) -> SchemaReport:
    database = make_url(url).database
    # Connecting to a missing SQLite file would create it.
    if is_sqlite(url) and database and database != ":memory:" and not Path(database).exists():
        raise CommandError(f"no such database file: {database}", EXIT_DATABASE)
    engine = create_engine_for(url)
    try:
        return check_database(engine)
    except SQLAlchemyError as exc:
        raise database_error(exc, f"cannot check {safe_url(url)}") from exc
    finally:
        engine.dispose()


def _why(report: SchemaReport) -> list[str]:
    """The check's explanation, or else the lines that make it fail."""
    if report.explanation:
        return list(report.explanation)
    lines = [f"  missing table: {name}" for name in report.missing_tables]
    lines += [f"  missing column: {name}" for name in report.missing_columns]
    lines += [f"  incompatible column: {mismatch}" for mismatch in report.incompatible_columns]
    return lines


def _refuse(report: SchemaReport, what: str) -> CommandError:
    for line in _why(report):
        print(line, file=sys.stderr)
    return CommandError(
        f"{report.url} {what}: nothing was written (details: ocs-desktop db check URL)",
        EXIT_DATABASE,
    )


def require_checked(url: str) -> SchemaReport:
    """The check of the database at ``url``; exit 2 with its explanation unless it is OK."""
    report = _checked(url)
    if not report.ok:
        raise _refuse(report, "is outdated" if report.outdated else "fails db check")
    return report


def refuse_outdated(url: str) -> None:
    """Exit 2 with the check's explanation if the database at ``url`` is outdated."""
    report = _checked(url)
    if report.outdated:
        raise _refuse(report, "is outdated")
