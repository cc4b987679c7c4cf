"""The maintained install count of every (name, publisher, version): the software view's data.

Counting installs with ``GROUP BY`` reads all of ``software`` on every display (22.8 M
rows at 100,000 machines: 2 s for the bare count per name, over ten minutes with the joins
and order the list needs), so the console reads ``ocsdesktop_software_summary`` instead
(10 ms a page). An install is a ``software`` row: the summary holds exactly what ``SELECT
NAME_ID, PUBLISHER_ID, VERSION_ID, COUNT(*) FROM software GROUP BY 1, 2, 3`` gives (a
machine listing one package twice counts twice).

Our Ingestor keeps it exact in each inventory's own transaction (:class:`SummaryMaintainer`)
and machine deletion subtracts (:func:`forget_machines`). Writers that do not know it, a
real OCS server sharing the database above all, make it stale: :func:`summary_state` says
when it was last rebuilt and can compare it with ``software`` (``verify=True``), and
:func:`rebuild_summary` (``ocs-desktop db summarize URL``) recomputes it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    and_,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    tuple_,
)
from sqlalchemy.dialects import mysql, sqlite
from sqlalchemy.engine import Dialect

from ocs_desktop.inventory.cancel import Progress, report
from ocs_desktop.models import Software
from ocs_desktop.models.extensions import EXTENSION_METADATA, software_summary, state

log = logging.getLogger(__name__)

Triple = tuple[int, int, int]
_COLUMNS = ("NAME_ID", "PUBLISHER_ID", "VERSION_ID", "INSTALLS")

REBUILT_AT = "software_summary.rebuilt_at"
TRUSTED = "software_summary.trusted"
#: ``software`` rows the last rebuild counted, to show how far the fleet has moved since.
REBUILT_ROWS = "software_summary.rebuilt_rows"

#: ``software`` ids per rebuild step: one range scan of the clustered key, one progress
#: report.
REBUILD_CHUNK = 500_000
_DELETE_CHUNK = 500
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class SummaryState:
    """What we know of the summary's freshness.

    ``consistent`` is only computed on request (it counts ``software``): True when the
    summary's install total equals the rows of ``software``, False when another writer
    changed ``software`` behind our back, None when not checked.
    """

    present: bool
    rebuilt_at: dt.datetime | None = None
    trusted: bool = False
    entries: int = 0
    installs: int = 0
    rebuilt_rows: int | None = None
    software_rows: int | None = None

    @property
    def consistent(self) -> bool | None:
        if self.software_rows is None:
            return None
        return self.software_rows == self.installs

    def describe(self) -> str:
        """One line for the command line and the status bar."""
        if not self.present:
            return "Software summary: absent (run: ocs-desktop db summarize URL)"
        if self.rebuilt_at is None:
            return "Software summary: never built (run: ocs-desktop db summarize URL)"
        line = (
            f"Software summary: {self.entries} entries, {self.installs} installs, "
            f"rebuilt {self.rebuilt_at:%Y-%m-%d %H:%M:%S}"
        )
        if not self.trusted:
            line += ", not trusted (rebuild it)"
        if self.consistent is False:
            line += f"; STALE: software has {self.software_rows} rows (rebuild it)"
        elif self.consistent:
            line += "; matches software"
        return line


def summary_present(conn: Connection) -> bool:
    """Whether this database has our summary tables (an OCS database may not, yet)."""
    inspector = inspect(conn)
    return inspector.has_table(software_summary.name) and inspector.has_table(state.name)


def _read_state(conn: Connection) -> dict[str, str | None]:
    rows = conn.execute(select(state.c.KEY, state.c.VALUE).where(state.c.KEY.like("software_%")))
    return {key: value for key, value in rows}


def _write_state(conn: Connection, values: Mapping[str, str]) -> None:
    conn.execute(delete(state).where(state.c.KEY.in_(sorted(values))))
    conn.execute(insert(state), [{"KEY": k, "VALUE": v} for k, v in sorted(values.items())])


def summary_state(conn: Connection, *, verify: bool = False) -> SummaryState:
    """When the summary was rebuilt, whether it is trusted, and its size.

    ``verify`` also counts ``software`` to detect writers that bypassed the summary; the
    count reads a whole index (about a second per ten million rows on MariaDB), so the
    console asks for it on demand, not on every display.
    """
    if not summary_present(conn):
        return SummaryState(present=False)
    values = _read_state(conn)
    entries, installs = conn.execute(
        select(func.count(), func.coalesce(func.sum(software_summary.c.INSTALLS), 0))
    ).one()
    rebuilt = values.get(REBUILT_AT)
    rebuilt_rows = values.get(REBUILT_ROWS)
    software_rows = None
    if verify:
        # Plain COUNT(*): MariaDB reads its smallest index (the ids are NOT NULL columns;
        # spelling that out in a WHERE would make it scan the whole table, 4x slower).
        software_rows = int(conn.execute(select(func.count()).select_from(Software)).scalar_one())
    return SummaryState(
        present=True,
        rebuilt_at=dt.datetime.strptime(rebuilt, _TIME_FORMAT) if rebuilt else None,
        trusted=values.get(TRUSTED) == "1",
        entries=int(entries),
        installs=int(installs),
        rebuilt_rows=int(rebuilt_rows) if rebuilt_rows else None,
        software_rows=software_rows,
    )


def _accumulate(dialect: Dialect) -> Insert:
    """INSERT that adds to INSTALLS when the triple is already there (dialect's upsert)."""
    table = software_summary
    if dialect.name == "sqlite":
        lite = sqlite.insert(table)
        return lite.on_conflict_do_update(
            index_elements=[table.c.NAME_ID, table.c.PUBLISHER_ID, table.c.VERSION_ID],
            set_={"INSTALLS": table.c.INSTALLS + lite.excluded.INSTALLS},
        )
    if dialect.name in ("mysql", "mariadb"):
        my = mysql.insert(table)
        return my.on_duplicate_key_update(INSTALLS=table.c.INSTALLS + my.inserted.INSTALLS)
    raise NotImplementedError(f"no upsert for {dialect.name}")


@lru_cache(maxsize=8)
def _upsert_sql(dialect: Dialect) -> str:
    """The upsert compiled once to driver SQL: an inventory upserts ~900 entries, and
    going through the driver directly halves the client's cost (as ``rows`` does)."""
    values: dict[str, Any] = {name: bindparam(name) for name in _COLUMNS}
    compiled = _accumulate(dialect).values(values).compile(dialect=dialect)
    if dialect.positional:
        assert tuple(compiled.positiontup or ()) == _COLUMNS
    return compiled.string


def rebuild_summary(conn: Connection, progress: Progress = None) -> int:
    """Recompute the summary from ``software``; return its number of entries.

    Runs in the caller's transaction. The DELETE first locks the whole summary, so an
    Ingestor finishing meanwhile waits for our commit and adds its delta after it;
    ``software`` is only read with plain SELECTs, which take no row locks (MariaDB would
    otherwise need lock memory for 20 M rows) and, at the default REPEATABLE READ, all see
    one snapshot taken after that lock: each inventory is counted exactly once. One range
    of ``software`` ids per step lets ``progress`` follow, and cancel (the caller then
    rolls back).
    """
    table = software_summary
    conn.execute(delete(table))
    low, high = conn.execute(select(func.min(Software.ID), func.max(Software.ID))).one()
    counts: Counter[Triple] = Counter()
    if low is not None:
        span = high - low + 1
        report(progress, 0, span)
        for start in range(low, high + 1, REBUILD_CHUNK):
            stop = min(start + REBUILD_CHUNK, high + 1)
            grouped = conn.execute(
                select(Software.NAME_ID, Software.PUBLISHER_ID, Software.VERSION_ID, func.count())
                .where(Software.ID >= start, Software.ID < stop)
                .group_by(Software.NAME_ID, Software.PUBLISHER_ID, Software.VERSION_ID)
            )
            for name_id, publisher_id, version_id, count in grouped:
                counts[(name_id, publisher_id, version_id)] += count
            report(progress, stop - low, span)
    apply_delta(conn, counts)
    now = dt.datetime.now().replace(microsecond=0)
    _write_state(
        conn,
        {
            REBUILT_AT: now.strftime(_TIME_FORMAT),
            TRUSTED: "1",
            REBUILT_ROWS: str(sum(counts.values())),
        },
    )
    log.info("software summary rebuilt: %d entries, %d installs", len(counts), counts.total())
    return len(counts)


def ensure_summary(engine: Engine, progress: Progress = None) -> bool:
    """Create our tables in this database if missing and build the summary if never built.

    Safe on a database a real OCS installation uses: it only adds our own tables. Returns
    whether it (re)built the summary.
    """
    EXTENSION_METADATA.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        if _read_state(conn).get(REBUILT_AT):
            return False
        rebuild_summary(conn, progress)
    return True


def triples(rows: Iterable[tuple]) -> Counter[Triple]:
    """Installs per triple of rows whose first three values are NAME_ID, PUBLISHER_ID,
    VERSION_ID (the Ingestor's prepared software rows, or rows read back)."""
    return Counter((row[0], row[1], row[2]) for row in rows)


def apply_delta(conn: Connection, delta: Mapping[Triple, int]) -> None:
    """Add ``delta`` to the installs of each triple; entries reaching zero are removed.

    Upserts go in key order so two inventories touching the same entries lock them in the
    same order and cannot deadlock each other.
    """
    changed = sorted((key, count) for key, count in delta.items() if count)
    if not changed:
        return
    rows: list[Any]
    if conn.dialect.positional:
        rows = [(n, p, v, count) for (n, p, v), count in changed]
    else:
        rows = [dict(zip(_COLUMNS, (n, p, v, count), strict=True)) for (n, p, v), count in changed]
    conn.exec_driver_sql(_upsert_sql(conn.dialect), rows)
    # Only a decrement can reach zero (or below, on a summary another writer made stale).
    lowered = [key for key, count in changed if count < 0]
    table = software_summary.c
    for start in range(0, len(lowered), _DELETE_CHUNK):
        keys = lowered[start : start + _DELETE_CHUNK]
        conn.execute(
            delete(software_summary).where(
                and_(
                    tuple_(table.NAME_ID, table.PUBLISHER_ID, table.VERSION_ID).in_(keys),
                    table.INSTALLS <= 0,
                )
            )
        )


def forget_machines(conn: Connection, ids: Iterable[int]) -> None:
    """Subtract these machines' software from the summary; call before deleting their rows.

    Does nothing on a database without the summary.
    """
    wanted = sorted({int(i) for i in ids})
    if not wanted or not summary_present(conn):
        return
    delta: Counter[Triple] = Counter()
    for start in range(0, len(wanted), _DELETE_CHUNK):
        rows = conn.execute(
            select(Software.NAME_ID, Software.PUBLISHER_ID, Software.VERSION_ID, func.count())
            .where(Software.HARDWARE_ID.in_(wanted[start : start + _DELETE_CHUNK]))
            .group_by(Software.NAME_ID, Software.PUBLISHER_ID, Software.VERSION_ID)
        )
        for name_id, publisher_id, version_id, count in rows:
            delta[(name_id, publisher_id, version_id)] -= count
    apply_delta(conn, delta)


class SummaryMaintainer:
    """The Ingestor's side: the delta of one machine's software, in its transaction.

    ``active`` caches whether the database has the summary; the Ingestor calls
    :meth:`refresh` with its other periodic re-reads, so an OCS database given the summary
    later (``db summarize``) is maintained from then on without restarting the server.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.active = False
        quote = engine.dialect.identifier_preparer.quote
        mark = "?" if engine.dialect.paramstyle == "qmark" else "%s"
        columns = ", ".join(quote(c) for c in ("NAME_ID", "PUBLISHER_ID", "VERSION_ID"))
        self._select = (
            f"SELECT {columns} FROM {quote(Software.__tablename__)} "
            f"WHERE {quote('HARDWARE_ID')} = {mark}"
        )

    def refresh(self) -> None:
        """Re-read whether the database has the summary."""
        with self.engine.connect() as conn:
            self.active = summary_present(conn)

    def stored(self, conn: Connection, hardware_id: int) -> Counter[Triple]:
        """The machine's current triples, read before its software rows are rewritten."""
        return triples(conn.exec_driver_sql(self._select, (hardware_id,)))

    def apply(self, conn: Connection, before: Counter[Triple], after: Iterable[tuple]) -> None:
        """Move the summary from ``before`` to the rows ``after`` (prepared software rows)."""
        delta = triples(after)
        delta.subtract(before)
        apply_delta(conn, delta)
