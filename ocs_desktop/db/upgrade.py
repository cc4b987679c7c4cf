"""``ocs-desktop db upgrade``: bring an OCS database of any schema from 7006 up to ours.

The steps, each of which looks first at what is already done, so that a run interrupted
anywhere (Ctrl+C, a kill, a lost connection) is finished by running it again:

1. Check: refuse what no upgrade can fix (no OCS tables, column types of another kind),
   before anything changes; a database already at our schema needs nothing.
2. Back up every table (:mod:`backup`). A rerun finds the backup the first run recorded
   and keeps it: a backup of a half-upgraded database would be worth less.
3. Tables and columns from our models (:mod:`schema_upgrade`).
4. Pre-2.8 databases: the software moves from ``softwares`` to ``software``
   (:mod:`software_migration`), batch by batch, each batch's transaction recording how far
   the move got; then every machine's rows are counted in both tables, a machine that
   differs is copied again, and ``softwares`` is dropped only when all match.
5. Our software summary and the console's indexes.
6. ``GUI_VERSION`` last, once no table or column of our models is missing: until it is
   set, ``db check`` calls a pre-2.8 database outdated, so the server, the importer and
   ``db summarize`` keep refusing a half-upgraded one.

How far it got lives in ``ocsdesktop_state`` (``upgrade.*`` keys), which the last step
clears.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, Table, delete, insert, inspect, select, update

from ocs_desktop.common.progress import Progress
from ocs_desktop.db.backup import Backup, backup_complete, default_location, take_backup
from ocs_desktop.db.console_indexes import ensure_console_indexes
from ocs_desktop.db.engines import safe_url
from ocs_desktop.db.legacy import release_of
from ocs_desktop.db.schema import SchemaReport, check_database
from ocs_desktop.db.schema_upgrade import SchemaChanges, missing_objects, upgrade_schema
from ocs_desktop.db.seed import CONFIG, GUI_VERSION
from ocs_desktop.db.software_migration import (
    BATCH_ROWS,
    Verification,
    copy_software,
    defer_indexes,
    drop_legacy,
    fill_dictionaries,
    legacy_table,
    machine_counts,
    plan_batches,
    repair,
    restore_indexes,
    verify,
)
from ocs_desktop.db.software_summary import rebuild_summary
from ocs_desktop.models.extensions import EXTENSION_METADATA, state
from ocs_desktop.models.settings import Config

log = logging.getLogger(__name__)

#: ``progress(phase, done, total)``; answering False stops the upgrade between two steps.
PhaseProgress = Callable[[str, int, int], bool] | None

BACKING_UP = "Backing up"
SCHEMA = "Upgrading the schema"
DICTIONARIES = "Filling the software dictionaries"
COPYING = "Moving software"
SUMMARY = "Summarizing software"

STATE_BACKUP = "upgrade.backup"
STATE_COPIED = "upgrade.copied_below"


class UpgradeError(Exception):
    """The upgrade cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class UpgradeReport:
    """What :func:`upgrade_database` did (``backup`` is None when it had nothing to do)."""

    url: str
    from_version: str | None
    to_version: str | None
    backup: Backup | None = None
    resumed: bool = False
    schema: SchemaChanges = field(default_factory=SchemaChanges)
    software: Verification | None = None
    #: Machines whose software was copied again after the first verification.
    repaired: tuple[int, ...] = ()
    summary_entries: int = 0
    final: SchemaReport | None = None

    def format(self, url: str | None = None) -> list[str]:
        """Lines for the command line; ``url`` is how the database was named to us."""
        shown = url or self.url
        lines = [f"Database: {self.url}"]
        if self.backup is None:
            lines.append(
                f"Schema version {self.from_version} is ours ({GUI_VERSION}) or newer, and "
                "nothing is missing: nothing to upgrade."
            )
            return lines
        lines.append(f"Schema: {_describe(self.from_version)} -> {self.to_version}")
        how = "taken by the interrupted run, kept" if self.resumed else "taken before any change"
        lines.append(f"Backup: {self.backup.location} ({how})")
        schema = self.schema
        lines.append(
            f"Tables created: {len(schema.created_tables)}; columns added: "
            f"{len(schema.added_columns)}; renamed: {len(schema.renamed_columns)}; tables "
            f"rebuilt: {len(schema.rebuilt_tables)}; default rows added: {schema.seeded_rows}"
        )
        if self.software is not None:
            lines.append(
                f"Software: {self.software.rows} rows of {self.software.machines} machines "
                "moved from softwares to software, the same count for every machine; "
                "softwares dropped (the backup keeps it)"
            )
        if self.repaired:
            machines = ", ".join(str(machine) for machine in self.repaired)
            lines.append(f"Copied again after a first count differed: machines {machines}")
        lines.append(f"Software summary: rebuilt, {self.summary_entries} entries")
        lines.append(f"To undo: {self.backup.restore_command(shown)}")
        if self.final is not None:
            lines.append(f"db check: {self.final.format()[-1].removeprefix('Result: ')}")
        return lines


def _describe(version: str | None) -> str:
    number = _number(version)
    return "unknown" if number is None else f"{number} ({release_of(number)})"


def _number(version: str | None) -> int | None:
    return int(version) if version is not None and version.isdigit() else None


def _phase(progress: PhaseProgress, name: str) -> Progress:
    if progress is None:
        return None

    def report(done: int, total: int) -> bool:
        return progress(name, done, total)

    return report


# -- the state of an unfinished upgrade ------------------------------------------------


def read_state(conn: Connection) -> dict[str, str]:
    """The ``upgrade.*`` facts an unfinished upgrade left (none: it never started)."""
    if not inspect(conn).has_table(state.name):
        return {}
    rows = conn.execute(select(state.c.KEY, state.c.VALUE).where(state.c.KEY.like("upgrade.%")))
    return {str(key): str(value) for key, value in rows}


def _write_state(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(state).where(state.c.KEY == key))
    conn.execute(insert(state).values(KEY=key, VALUE=value))


def _set_version(conn: Connection, version: str) -> None:
    changed = conn.execute(
        update(Config).where(Config.NAME == "GUI_VERSION").values(TVALUE=version)
    )
    if not changed.rowcount:
        row = next(row for row in CONFIG if row["NAME"] == "GUI_VERSION")
        conn.execute(insert(Config).values({**row, "TVALUE": version}))


# -- the upgrade -----------------------------------------------------------------------


def upgrade_database(
    engine: Engine,
    *,
    backup_to: str | None = None,
    batch_rows: int = BATCH_ROWS,
    progress: PhaseProgress = None,
) -> UpgradeReport:
    """Upgrade the database behind ``engine`` to our schema (see the module's steps).

    ``backup_to`` names the backup (a database on the same server, or a SQLite file);
    ``batch_rows`` is about how many software rows each transaction moves. Raises
    UpgradeError (nothing changed before the backup; after it, run again or restore),
    or Cancelled when ``progress`` answered False.
    """
    url = safe_url(engine.url)
    before = check_database(engine)
    with engine.connect() as conn:
        tables = {name.lower() for name in inspect(conn).get_table_names()}
        legacy = legacy_table(conn)
        recorded = read_state(conn)
    version = _number(before.version)
    if "hardware" not in tables:
        raise UpgradeError(f"{url} holds no OCS tables: create them with ocs-desktop db init")
    if before.incompatible_columns:
        kinds = "; ".join(str(mismatch) for mismatch in before.incompatible_columns)
        raise UpgradeError(f"columns of another kind than ours, which db upgrade leaves: {kinds}")
    current = version is not None and version >= int(GUI_VERSION)
    if before.ok and current and legacy is None and not recorded:
        return UpgradeReport(url, before.version, before.version)

    backup, resumed = _backup(engine, recorded.get(STATE_BACKUP), backup_to, progress)
    EXTENSION_METADATA.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        _write_state(conn, STATE_BACKUP, backup.location)
    changes = upgrade_schema(engine, _phase(progress, SCHEMA))
    moved: Verification | None = None
    repaired: tuple[int, ...] = ()
    if legacy is not None:
        moved, repaired = _move_software(engine, legacy, batch_rows, progress)
    with engine.begin() as conn:
        entries = rebuild_summary(conn, _phase(progress, SUMMARY))
    ensure_console_indexes(engine)
    target = str(max(int(GUI_VERSION), version or 0))
    _finish(engine, target)
    return UpgradeReport(
        url,
        before.version,
        target,
        backup,
        resumed,
        changes,
        moved,
        repaired,
        entries,
        check_database(engine),
    )


def _backup(
    engine: Engine, recorded: str | None, wanted: str | None, progress: PhaseProgress
) -> tuple[Backup, bool]:
    """The backup an interrupted run took, if it is still whole; else a new one."""
    if recorded and backup_complete(engine, recorded):
        return Backup(recorded), True
    if recorded:
        log.warning("the backup %s of the interrupted upgrade is gone; taking a new one", recorded)
    location = wanted or default_location(engine)
    return take_backup(engine, location, _phase(progress, BACKING_UP)), False


def _move_software(
    engine: Engine, legacy: Table, batch_rows: int, progress: PhaseProgress
) -> tuple[Verification, tuple[int, ...]]:
    """Move the rows, verify, copy again the machines that differ; the verification and
    those machines."""
    fill_dictionaries(engine, legacy, _phase(progress, DICTIONARIES))
    with engine.connect() as conn:
        counts = machine_counts(conn, legacy)
        copied = read_state(conn).get(STATE_COPIED)  # by an interrupted run: below this
    left = {m: rows for m, rows in counts.items() if copied is None or m >= int(copied)}

    def mark(conn: Connection, high: int) -> None:
        _write_state(conn, STATE_COPIED, str(high))

    total = sum(counts.values())
    defer_indexes(engine)
    copy_software(
        engine,
        legacy,
        plan_batches(left, batch_rows),
        mark,
        _phase(progress, COPYING),
        done=total - sum(left.values()),
        total=total,
    )
    found = verify(engine, legacy)
    repaired = tuple(found.differing)
    if repaired:
        repair(engine, legacy, repaired)
        found = verify(engine, legacy)
    restore_indexes(engine)
    if not found.ok:
        raise UpgradeError(
            f"the software of {len(found.differing)} machines differs after the move, even "
            f"copied again: {found.describe()}. softwares is kept and GUI_VERSION unchanged: "
            "stop whatever writes to softwares (an OCS server) and run the upgrade again, "
            "or restore the backup"
        )
    drop_legacy(engine, legacy)
    return found, repaired


def _finish(engine: Engine, target: str) -> None:
    """Refuse to call the upgrade done while something is still missing; else set the
    version and forget the run."""
    with engine.connect() as conn:
        left = missing_objects(conn)
    if left:
        raise UpgradeError(f"still missing after the upgrade: {', '.join(left)}")
    with engine.begin() as conn:
        _set_version(conn, target)
        conn.execute(delete(state).where(state.c.KEY.like("upgrade.%")))
    log.info("database upgraded to schema %s", target)
