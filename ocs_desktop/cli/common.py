"""What every ``ocs-desktop`` command shares: exit codes, ``--db``, opening a database,
progress on stderr, and turning a failure into one line and an exit code.

Exit codes: 0 done; 1 the request cannot be carried out (bad request, unsafe files, a
database lacking what we need...); 2 the database cannot be used, or, as argparse says
it, the options cannot; 130 interrupted. A command raises :class:`CommandError` and its
``run`` function, wrapped by :func:`handled`, prints ``ocs-desktop COMMAND: message``.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from tqdm import tqdm

from ocs_desktop.common.environment import DB_ENV
from ocs_desktop.common.progress import Cancelled, Progress
from ocs_desktop.db.engines import create_engine_for, normalize_url, safe_url

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_DATABASE: Final = 2
EXIT_USAGE: Final = 2  # as argparse
EXIT_INTERRUPTED: Final = 130

DB_HELP: Final = "database URL (e.g. mysql://user:pass@host/ocsweb) or SQLite file path"

Run = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A failure to report as ``ocs-desktop COMMAND: <message>`` with exit ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def add_db_option(
    parser: argparse.ArgumentParser,
    *,
    required: bool = True,
    dest: str = "db",
    metavar: str = "DB",
    help: str = DB_HELP,
) -> None:
    """The ``--db`` option: where the command works.

    Without ``--db`` a command that needs one reads :data:`DB_ENV`, so a URL holding a
    password (the console starting its own server, a service unit) stays out of process
    lists and shell histories.
    """
    from_env = os.environ.get(DB_ENV) or None if dest == "db" else None
    parser.add_argument(
        "--db",
        required=required and from_env is None,
        default=from_env,
        dest=dest,
        metavar=metavar,
        help=f"{help} (default: ${DB_ENV})" if dest == "db" else help,
    )


# -- failures -------------------------------------------------------------------------


def fail(command: str, message: str, code: int) -> int:
    """Print ``message`` to stderr the house way and return ``code``."""
    print(f"ocs-desktop {command}: {message}", file=sys.stderr)
    return code


def handled(command: str, *, interrupted: str | None = None) -> Callable[[Run], Run]:
    """Wrap a ``run`` function: ``CommandError`` becomes its message and code; with
    ``interrupted``, ``Cancelled`` and Ctrl-C become that message and exit 130."""
    stops: tuple[type[BaseException], ...] = (
        (Cancelled, KeyboardInterrupt) if interrupted is not None else ()
    )

    def decorate(run: Run) -> Run:
        @functools.wraps(run)
        def wrapper(args: argparse.Namespace) -> int:
            try:
                return run(args)
            except CommandError as exc:
                return fail(command, str(exc), exc.code)
            except stops:
                return fail(command, str(interrupted), EXIT_INTERRUPTED)

        return wrapper

    return decorate


def db_reason(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's SQL and background-link boilerplate."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def database_error(exc: SQLAlchemyError, doing: str = "database error") -> CommandError:
    """``doing: <the driver's reason>``, exit 2."""
    return CommandError(f"{doing}: {db_reason(exc)}", EXIT_DATABASE)


# -- databases ------------------------------------------------------------------------


def database_url(url_or_path: str) -> str:
    """The canonical URL of ``--db`` (``normalize_url``); exit 2 when it is not one."""
    try:
        return normalize_url(url_or_path)
    except (ArgumentError, ValueError) as exc:
        raise CommandError(f"invalid database URL: {exc}", EXIT_DATABASE) from None


@contextmanager
def open_database(url_or_path: str, *, table: str) -> Iterator[Engine]:
    """An engine on an OCS database; exit 2 when it is unreachable or lacks ``table``."""
    url = database_url(url_or_path)
    engine = create_engine_for(url)
    try:
        try:
            present = inspect(engine).has_table(table)
        except SQLAlchemyError as exc:
            raise database_error(exc, f"cannot open {safe_url(url)}") from exc
        if not present:
            raise CommandError(
                f"{safe_url(url)} is not an OCS database (no {table} table); "
                "create it with: ocs-desktop db init URL",
                EXIT_DATABASE,
            )
        yield engine
    finally:
        engine.dispose()


def check_database(url_or_path: str, *, table: str) -> str:
    """The canonical URL of an OCS database, checked as :func:`open_database` does."""
    url = database_url(url_or_path)
    with open_database(url, table=table):
        return url


# -- progress on stderr ---------------------------------------------------------------


@contextmanager
def fleet_connection(
    url: str,
    *,
    write: bool,
    table: str = "hardware",
    refused: tuple[type[Exception], ...] = (),
) -> Iterator[Connection]:
    """A connection on an OCS database (exit 2 unless it has ``table``), in one
    transaction when ``write``: the core's ``refused`` errors exit 1 with their message,
    database errors exit 2. Nothing is written when either is raised."""
    with open_database(url, table=table) as engine:
        try:
            with engine.begin() if write else engine.connect() as conn:
                yield conn
        except refused as exc:
            raise CommandError(str(exc), EXIT_FAILED) from exc
        except SQLAlchemyError as exc:
            raise database_error(exc) from exc


@contextmanager
def progress_bar(
    quiet: bool, label: str | None = None, *, unit: str = "B", total: int = 0
) -> Iterator[tqdm[Any]]:
    """A bar on stderr (bytes scaled to KiB, MiB... unless another ``unit``), shown on a
    terminal unless ``quiet``."""
    bar: tqdm[Any] = tqdm(
        total=total,
        unit=unit,
        unit_scale=unit == "B",
        unit_divisor=1024,
        desc=label,
        disable=quiet or None,
        file=sys.stderr,
        dynamic_ncols=True,
    )
    try:
        yield bar
    finally:
        bar.close()


class ByteProgress:
    """A core ``progress(done, total)`` callback drawing its bytes on a bar."""

    def __init__(self, bar: tqdm[Any]) -> None:
        self.bar = bar

    def __call__(self, done: int, total: int) -> bool:
        if self.bar.total != total:
            self.bar.total = total
        self.bar.update(done - self.bar.n)
        return True

    def relabel(self, label: str) -> None:
        """Name the bar anew (once the FILEID is known)."""
        self.bar.set_description_str(label, refresh=False)


@contextmanager
def byte_progress(quiet: bool, label: str) -> Iterator[ByteProgress]:
    """A :class:`ByteProgress` on a byte bar labelled ``label``."""
    with progress_bar(quiet, label) as bar:
        yield ByteProgress(bar)


@contextmanager
def percent_line(label: str) -> Iterator[Progress]:
    """A ``progress(done, total)`` callback rewriting ``label: NN%`` on one stderr line."""

    def progress(done: int, total: int) -> bool:
        percent = 100 * done // total if total else 100
        print(f"\r{label}: {percent:3d}%", end="", file=sys.stderr, flush=True)
        return True

    try:
        yield progress
    finally:
        print(file=sys.stderr)
