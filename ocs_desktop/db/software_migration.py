"""Move installed software from the pre-2.8 ``softwares`` table to ``software`` (OCS 2.8).

``softwares`` holds each package's name, publisher and version as text; ``software``
holds ids into ``software_name``, ``software_publisher`` and ``software_version``. The
move is what the OCS 2.8 update 7037 does, with three differences:

* No row is lost. OCS joins the text to the dictionaries, so a row whose publisher or
  version is NULL matched nothing and vanished. Here an empty or NULL publisher or
  version takes ID 1, ``Unavailable``, as the communication server does for new
  inventories, and a NULL name the empty name.
* ``INSTALLDATE`` keeps real dates only: the zero dates MySQL allowed (``0000-00-00``, or
  a zero month or day) and, in SQLite, text that is not a calendar date become NULL.
  Replacing them by the day of the upgrade, as the server does for a new inventory's
  malformed dates, would invent install dates for years of history.
* The rows move in batches of machines (``HARDWARE_ID`` ranges), each one set-based
  ``INSERT ... SELECT`` run by the database in its own transaction, together with the
  mark of how far the move got. A batch first deletes what ``software`` holds for its
  machines, so a batch run twice (after an interruption, or to repair a machine) never
  duplicates a row.

:func:`verify` then compares, machine by machine, the rows of both tables; only then may
``softwares`` be dropped (as 7037 does; the upgrade's backup still holds it).
``softwares.CATEGORY`` (7013) is not carried over: OCS did not either (2.8 keeps software
categories per name, version and publisher in ``software_categories_link``).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    MetaData,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    inspect,
    select,
)

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.console_indexes import CONSOLE_INDEXES
from ocs_desktop.db.legacy import LEGACY_SOFTWARE
from ocs_desktop.db.schema import type_family
from ocs_desktop.db.seed import SOFTWARE_PUBLISHERS, SOFTWARE_VERSIONS
from ocs_desktop.models import Base

log = logging.getLogger(__name__)

#: The ``Unavailable`` rows an empty publisher or version points to.
UNAVAILABLE_PUBLISHER = next(
    r["ID"] for r in SOFTWARE_PUBLISHERS if r["PUBLISHER"] == "Unavailable"
)
UNAVAILABLE_VERSION = next(r["ID"] for r in SOFTWARE_VERSIONS if r["VERSION"] == "Unavailable")
#: The ``software`` columns copied as they are, when ``softwares`` has them.
COPIED = (
    "FOLDER", "COMMENTS", "FILENAME", "FILESIZE", "SOURCE", "GUID", "LANGUAGE", "BITSWIDTH",
)  # fmt: skip
#: Rows per batch: one transaction of the database, one progress report.
BATCH_ROWS = 100_000

#: Called in a batch's transaction with the HARDWARE_ID below which all is copied.
Mark = Callable[[Connection, int], None]


class MigrationError(Exception):
    """The software cannot be moved as it is; the message says why and what to do."""


@dataclass(frozen=True)
class Verification:
    """Rows per machine in ``softwares`` and ``software``; ``differing`` maps each machine
    whose counts differ to (legacy rows, new rows)."""

    machines: int
    rows: int
    differing: dict[int, tuple[int, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.differing

    def describe(self, shown: int = 10) -> str:
        """The first ``shown`` machines that differ, with their counts."""
        listed = ", ".join(
            f"{machine} ({before} in softwares, {after} in software)"
            for machine, (before, after) in list(self.differing.items())[:shown]
        )
        more = len(self.differing) - shown
        return listed + (f" and {more} more" if more > 0 else "")


def legacy_table(conn: Connection) -> Table | None:
    """``softwares`` with the columns this database has, or None when it has none."""
    inspector = inspect(conn)
    actual = {name.lower(): name for name in inspector.get_table_names()}.get(LEGACY_SOFTWARE)
    if actual is None:
        return None
    columns = {column["name"]: column["type"] for column in inspector.get_columns(actual)}
    for needed in ("ID", "HARDWARE_ID", "NAME", "PUBLISHER", "VERSION"):
        if needed not in columns:
            raise MigrationError(f"{actual} has no {needed} column: it is not OCS's table")
    date = columns.get("INSTALLDATE")
    sqlite = conn.dialect.name == "sqlite"  # SQLite dates are text: checked row by row
    if date is not None and not sqlite and type_family(date) not in ("date", "datetime"):
        raise MigrationError(
            f"{actual}.INSTALLDATE is {date}, not a date: convert it to DATETIME first"
        )
    # Untyped columns: the rows only move inside the database, never through Python.
    return Table(actual, MetaData(), *(Column(name) for name in columns))


def machine_counts(conn: Connection, table: Table) -> dict[int, int]:
    """Rows per HARDWARE_ID."""
    hardware = table.c.HARDWARE_ID
    rows = conn.execute(select(hardware, func.count()).group_by(hardware))
    return {int(machine): int(count) for machine, count in rows}


def plan_batches(counts: dict[int, int], rows: int = BATCH_ROWS) -> list[tuple[int, int, int]]:
    """HARDWARE_ID ranges ``[low, high)`` of about ``rows`` rows each, with their rows; a
    machine is never split."""
    batches: list[tuple[int, int, int]] = []
    low, size = None, 0
    for machine in sorted(counts):
        if low is None:
            low = machine
        size += counts[machine]
        if size >= rows:
            batches.append((low, machine + 1, size))
            low, size = None, 0
    if low is not None:
        batches.append((low, max(counts) + 1, size))
    return batches


def _ignore(conn: Connection) -> str:
    return "OR IGNORE" if conn.dialect.name == "sqlite" else "IGNORE"


def _given(column: ColumnElement[str]) -> ColumnElement[bool]:
    return and_(column.is_not(None), column != "")


def fill_dictionaries(engine: Engine, legacy: Table, progress: Progress = None) -> None:
    """Add every name, publisher and version of ``softwares`` to its dictionary.

    ``INSERT IGNORE ... SELECT DISTINCT``: the database's collation decides which values
    are the same (OCS's is case-insensitive, so ``Foo`` and ``foo`` share one id, as with
    the communication server), and a value already there is left as it is.
    """
    tables = Base.metadata.tables
    steps = (
        (tables["software_name"].c.NAME, func.coalesce(legacy.c.NAME, ""), None),
        (tables["software_publisher"].c.PUBLISHER, legacy.c.PUBLISHER, legacy.c.PUBLISHER),
        (tables["software_version"].c.VERSION, legacy.c.VERSION, legacy.c.VERSION),
    )
    for done, (target, value, given) in enumerate(steps):
        report(progress, done, len(steps))
        query = select(value).distinct()
        if given is not None:
            query = query.where(_given(given))
        with engine.begin() as conn:
            conn.execute(
                insert(target.table).prefix_with(_ignore(conn)).from_select([target], query)
            )
    report(progress, len(steps), len(steps))


def _install_date(conn: Connection, column: ColumnElement[object]) -> ColumnElement[object]:
    """The install date if it is a real calendar date, else NULL."""
    if conn.dialect.name == "sqlite":
        # SQLite's datetime() reads YYYY-MM-DD (here also YYYY/MM/DD) and gives NULL for
        # what it cannot; '+0 days' normalises a 31 February, which then differs.
        parsed = func.datetime(func.replace(column, "/", "-"))
        real = and_(parsed >= "0001-01-01", parsed == func.datetime(parsed, "+0 days"))
        return case((real, parsed), else_=None)
    real = and_(func.year(column) > 0, func.month(column) > 0, func.dayofmonth(column) > 0)
    return case((real, column), else_=None)


def copy_range(conn: Connection, legacy: Table, low: int, high: int) -> None:
    """Replace ``software``'s rows of machines ``[low, high)`` by their ``softwares`` rows,
    in the caller's transaction."""
    tables = Base.metadata.tables
    software = tables["software"]
    name = tables["software_name"].alias("n")
    publisher = tables["software_publisher"].alias("p")
    version = tables["software_version"].alias("v")
    s = legacy.c
    conn.execute(
        delete(software).where(software.c.HARDWARE_ID >= low, software.c.HARDWARE_ID < high)
    )
    copied = [column for column in COPIED if column in s]
    values: list[ColumnElement[object]] = [
        s.HARDWARE_ID,
        name.c.ID,
        func.coalesce(publisher.c.ID, UNAVAILABLE_PUBLISHER),
        func.coalesce(version.c.ID, UNAVAILABLE_VERSION),
        *(s[column] for column in copied),
    ]
    targets = ["HARDWARE_ID", "NAME_ID", "PUBLISHER_ID", "VERSION_ID", *copied]
    if "INSTALLDATE" in s:
        values.append(_install_date(conn, s.INSTALLDATE))
        targets.append("INSTALLDATE")
    joined = (
        legacy.join(name, name.c.NAME == func.coalesce(s.NAME, ""))
        .outerjoin(publisher, and_(publisher.c.PUBLISHER == s.PUBLISHER, _given(s.PUBLISHER)))
        .outerjoin(version, and_(version.c.VERSION == s.VERSION, _given(s.VERSION)))
    )
    query = select(*values).select_from(joined).where(s.HARDWARE_ID >= low, s.HARDWARE_ID < high)
    conn.execute(insert(software).from_select(targets, query))


def copy_software(
    engine: Engine,
    legacy: Table,
    batches: Iterable[tuple[int, int, int]],
    mark: Mark,
    progress: Progress,
    *,
    done: int,
    total: int,
) -> None:
    """Copy each batch in its own transaction, marking it done in the same transaction;
    ``done`` of ``total`` rows were copied by an earlier run."""
    report(progress, done, total)
    for low, high, rows in batches:
        with engine.begin() as conn:
            copy_range(conn, legacy, low, high)
            mark(conn, high)
        done += rows
        report(progress, done, total)


def defer_indexes(engine: Engine) -> None:
    """Drop ``software``'s indexes on names, publishers and versions while the rows arrive.

    Each of them is written at random by every row, which on a large fleet costs more than
    building it once, sorted, after the move (:func:`restore_indexes` for the models',
    ``ensure_console_indexes`` for the console's). The HARDWARE_ID index stays (the batches
    find their rows by it), and so does any index not ours, which nothing would rebuild.
    """
    software = Base.metadata.tables["software"]
    ours = [[column.name for column in index.columns] for index in software.indexes]
    ours += [list(columns) for table, columns in CONSOLE_INDEXES if table == software.name]
    with engine.begin() as conn:
        quote = conn.dialect.identifier_preparer.quote
        # SQLite index names are the database's; MySQL's, the table's.
        where = "" if conn.dialect.name == "sqlite" else " ON software"
        for index in inspect(conn).get_indexes(software.name):
            columns = index["column_names"]
            if columns in ours and columns[0] != "HARDWARE_ID":
                conn.exec_driver_sql(f"DROP INDEX {quote(str(index['name']))}{where}")


def restore_indexes(engine: Engine) -> None:
    """Create the model's ``software`` indexes the table lacks, in one statement on MySQL
    (InnoDB then reads the rows once for all of them)."""
    software = Base.metadata.tables["software"]
    with engine.begin() as conn:
        have = [list(index["column_names"]) for index in inspect(conn).get_indexes(software.name)]
        missing = [i for i in software.indexes if [c.name for c in i.columns] not in have]
        if missing and conn.dialect.name != "sqlite":
            quote = conn.dialect.identifier_preparer.quote
            adds = ", ".join(
                f"ADD INDEX {quote(str(i.name))} ({', '.join(quote(c.name) for c in i.columns)})"
                for i in missing
            )
            conn.exec_driver_sql(f"ALTER TABLE {quote(software.name)} {adds}")
        else:
            for index in missing:
                index.create(conn)


def verify(engine: Engine, legacy: Table) -> Verification:
    """Compare, machine by machine, the rows of ``softwares`` and ``software``."""
    with engine.connect() as conn:
        before = Counter(machine_counts(conn, legacy))
        after = Counter(machine_counts(conn, Base.metadata.tables["software"]))
    differing = {
        machine: (before[machine], after[machine])
        for machine in sorted(before.keys() | after.keys())
        if before[machine] != after[machine]
    }
    return Verification(len(before), before.total(), differing)


def repair(engine: Engine, legacy: Table, machines: Iterable[int]) -> None:
    """Copy these machines again, one transaction each."""
    for machine in machines:
        with engine.begin() as conn:
            copy_range(conn, legacy, machine, machine + 1)


def drop_legacy(engine: Engine, legacy: Table) -> None:
    """Drop ``softwares`` (only once :func:`verify` found every machine whole)."""
    with engine.begin() as conn:
        legacy.drop(conn)
    log.info("dropped %s", legacy.name)
