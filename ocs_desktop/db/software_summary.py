"""The maintained install count of every (name, publisher, version): the software view's data.

Counting installs with ``GROUP BY`` reads all of ``software`` on every display (22.8 M
rows at 100,000 machines: 2 s for the bare count per name, over ten minutes with the joins
and order the list needs), so the console reads ``ocsdesktop_software_summary`` instead
(10 ms a page). An install is a ``software`` row: the summary holds exactly what ``SELECT
NAME_ID, PUBLISHER_ID, VERSION_ID, COUNT(*) FROM software GROUP BY 1, 2, 3`` gives (a
machine listing one package twice counts twice).

Our Ingestor keeps it exact (:class:`SummaryMaintainer`): a re-inventory applies the rows it
changed in its own transaction; a first inventory only marks its machine as pending, and
:func:`fold_pending` counts pending machines in batches (the console folds before it reads,
the Ingestor every so often), because ~900 upserts per new machine on entries that every new
machine shares cost more than storing its rows. Machine deletion subtracts
(:func:`forget_machines`). Writers that do not know it, a
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
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    tuple_,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

from ocs_desktop.common.batches import batches
from ocs_desktop.common.progress import Progress, report
from ocs_desktop.common.retry import retry_transient, writer_transaction
from ocs_desktop.db.upsert import upsert
from ocs_desktop.models import Software
from ocs_desktop.models.extensions import (
    EXTENSION_METADATA,
    inventory_digest,
    software_rowmap,
    software_summary,
    state,
    summary_pending,
)

log = logging.getLogger(__name__)
#: Joins a row's values into its MySQL signature text (``rows.signature``); a removed
#: software row's key leads with its three dictionary ids, so the summary can read them back.
SIGNATURE_SEPARATOR = "\x1f"

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
    #: Machines inventoried since the last fold, not counted yet.
    pending: int = 0

    @property
    def consistent(self) -> bool | None:
        if self.software_rows is None:
            return None
        return self.software_rows == self.installs and not self.pending

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
        if self.pending:
            line += f"; {self.pending} new machines not counted yet"
        if self.consistent is False and not self.pending:
            line += f"; STALE: software has {self.software_rows} rows (rebuild it)"
        elif self.consistent:
            line += "; matches software"
        return line


def summary_present(conn: Connection) -> bool:
    """Whether this database has our summary tables (an OCS database may not, yet)."""
    inspector = inspect(conn)
    return inspector.has_table(software_summary.name) and inspector.has_table(state.name)


def _pending_present(conn: Connection) -> bool:
    """Summaries built before pending machines existed lack the table until an Ingestor
    or a rebuild adds it."""
    return inspect(conn).has_table(summary_pending.name)


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
    pending = (
        conn.execute(select(func.count()).select_from(summary_pending)).scalar_one()
        if _pending_present(conn)
        else 0
    )
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
        pending=int(pending),
    )


def current_state(conn: Connection, *, verify: bool = False) -> SummaryState:
    """Fold the pending machines (committing), then :func:`summary_state`.

    What the console calls before it shows the software list. A database account that
    may not write still gets the state, with its pending machines counted in it.
    """
    if summary_present(conn) and _pending_present(conn):
        try:
            fold_pending(conn)
            conn.commit()
        except DBAPIError as error:
            conn.rollback()
            log.warning("cannot fold the software summary's pending machines: %s", error.orig)
    return summary_state(conn, verify=verify)


def _accumulate(dialect: Dialect) -> Insert:
    """INSERT that adds to INSTALLS when the triple is already there."""
    installs = software_summary.c.INSTALLS
    return upsert(dialect, software_summary, lambda new: {"INSTALLS": installs + new.INSTALLS})


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
    if _pending_present(conn):
        conn.execute(delete(summary_pending))  # the rebuild counts every machine
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
    same order and cannot deadlock each other; the DELETE of entries at zero goes through
    the primary key, as the upsert does.
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
    for keys in batches(lowered, _DELETE_CHUNK):
        conn.execute(
            delete(software_summary).where(
                and_(
                    tuple_(table.NAME_ID, table.PUBLISHER_ID, table.VERSION_ID).in_(keys),
                    # "+ 0" keeps MariaDB off the INSTALLS index: reached through it, the
                    # DELETE locked the index entry before the row, the upsert the row
                    # before the entry, and two re-inventories deadlocked (c=16 lost one).
                    table.INSTALLS + 0 <= 0,
                )
            )
        )


def forget_machines(conn: Connection, ids: Iterable[int]) -> None:
    """Subtract these machines' software from the summary; call before deleting their rows.

    Machines still pending were never counted: they only leave the pending list. Their
    section digests and software row maps go too. Does nothing on a database without the
    summary.
    """
    wanted = sorted({int(i) for i in ids})
    if not wanted or not summary_present(conn):
        return
    for table in (inventory_digest, software_rowmap):
        if inspect(conn).has_table(table.name):
            _delete_machines(conn, table, wanted)
    if _pending_present(conn):
        pending = summary_pending.c.HARDWARE_ID
        uncounted: set[int] = set()
        for chunk in batches(wanted, _DELETE_CHUNK):
            uncounted.update(
                conn.execute(select(pending).where(pending.in_(chunk)).with_for_update()).scalars()
            )
        _delete_machines(conn, summary_pending, wanted)
        wanted = [i for i in wanted if i not in uncounted]
    apply_delta(conn, _installs_of(conn, wanted, negate=True))


def _delete_machines(conn: Connection, table: Table, ids: list[int]) -> None:
    """Delete ``table``'s rows of these machines, a chunk of ids per statement."""
    for chunk in batches(ids, _DELETE_CHUNK):
        conn.execute(delete(table).where(table.c.HARDWARE_ID.in_(chunk)))


def _installs_of(conn: Connection, ids: list[int], *, negate: bool = False) -> Counter[Triple]:
    """Installs per triple of these machines' current software rows."""
    counts: Counter[Triple] = Counter()
    sign = -1 if negate else 1
    for chunk in batches(ids, _DELETE_CHUNK):
        rows = conn.execute(
            select(Software.NAME_ID, Software.PUBLISHER_ID, Software.VERSION_ID, func.count())
            .where(Software.HARDWARE_ID.in_(chunk))
            .group_by(Software.NAME_ID, Software.PUBLISHER_ID, Software.VERSION_ID)
        )
        for name_id, publisher_id, version_id, count in rows:
            counts[(name_id, publisher_id, version_id)] += sign * count
    return counts


#: Pending machines counted per fold transaction.
FOLD_BATCH = 2000


def fold_pending(conn: Connection, limit: int | None = None) -> int:
    """Count pending machines into the summary, in the caller's transaction; return how many.

    The pending rows are locked first: an Ingestor re-inventorying one of them holds that
    row until it commits, so the fold then reads its final rows (a fresh statement snapshot
    under READ COMMITTED, or the snapshot taken after the lock under REPEATABLE READ, as in
    :func:`rebuild_summary`), and that Ingestor, seeing its machine pending, added nothing.
    """
    pending = summary_pending.c.HARDWARE_ID
    query = select(pending).order_by(pending).with_for_update()
    ids = list(conn.execute(query.limit(limit or FOLD_BATCH)).scalars())
    if not ids:
        return 0
    apply_delta(conn, _installs_of(conn, ids))
    _delete_machines(conn, summary_pending, ids)
    return len(ids)


def fold_all(engine: Engine) -> int:
    """Fold every pending machine, one batch per transaction (retried if another writer
    deadlocks it); return how many."""
    with engine.connect() as conn:
        if not (summary_present(conn) and _pending_present(conn)):
            return 0
    total = 0
    while True:
        done = retry_transient(lambda: _fold_batch(engine))
        total += done
        if done < FOLD_BATCH:
            return total


def _fold_batch(engine: Engine) -> int:
    with engine.connect() as conn, writer_transaction(conn):
        return fold_pending(conn)


def removed_triples(keys: Iterable[object]) -> Counter[Triple]:
    """Installs per triple of software rows ``sync_rows`` removed, from their keys: the
    row's values (SQLite) or its MySQL signature text, both leading with the three ids."""
    counts: Counter[Triple] = Counter()
    for key in keys:
        if isinstance(key, str):
            name_id, publisher_id, version_id = key.split(SIGNATURE_SEPARATOR, 3)[:3]
            counts[(int(name_id), int(publisher_id), int(version_id))] += 1
        else:
            assert isinstance(key, tuple)
            counts[(key[0], key[1], key[2])] += 1
    return counts


#: Built once: building a statement costs as much CPU as running it.
_MARK_NEW = insert(summary_pending)


class SummaryMaintainer:
    """The Ingestor's side: keep the summary right for one machine, in its transaction.

    ``active`` caches whether the database has the summary; the Ingestor calls
    :meth:`refresh` with its other periodic re-reads, so an OCS database given the summary
    later (``db summarize``) is maintained from then on without restarting the server.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.active = False
        #: New machines this process marked pending since it last folded.
        self.marked = 0

    def refresh(self) -> None:
        """Re-read whether the database has the summary; add our newer tables beside it."""
        with self.engine.connect() as conn:
            self.active = summary_present(conn)
            missing = self.active and not all(
                inspect(conn).has_table(table.name) for table in EXTENSION_METADATA.sorted_tables
            )
        if missing:
            EXTENSION_METADATA.create_all(self.engine, checkfirst=True)

    def mark_new(self, conn: Connection, hardware_id: int) -> None:
        """A first inventory: its rows will be counted by the next fold."""
        conn.execute(_MARK_NEW, {"HARDWARE_ID": hardware_id})
        self.marked += 1

    def is_pending(self, conn: Connection, hardware_id: int) -> bool:
        """Whether the machine's rows are uncounted; locks its pending row until commit so a
        fold cannot count it half-way. Call before rewriting its software."""
        pending = summary_pending.c.HARDWARE_ID
        query = select(pending).where(pending == hardware_id).with_for_update()
        return conn.execute(query).first() is not None

    def apply_changes(
        self, conn: Connection, inserted: Iterable[tuple], removed: Iterable[object]
    ) -> None:
        """Move the summary by the rows a re-inventory inserted and removed."""
        delta = triples(inserted)
        delta.subtract(removed_triples(removed))
        apply_delta(conn, delta)
