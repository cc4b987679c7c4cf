"""Write one parsed inventory into the database, in one transaction (PROTOCOL.md 1.7).

Everything that can be computed without the database (shaping every value to its
column, the software dictionary ids) is done before the transaction opens, so
the transaction itself is short: look up the machine, upsert ``hardware``, let each
writer bring its sections to what the agent sent (generic sections, software, the
admin data, the download history), save the digests, commit. Either all of it lands
or none of it does. Each writer owns one section family (see :mod:`writing`); this
module prepares, runs the transaction, keeps the digests and schedules summary folds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from time import monotonic
from typing import Any

from sqlalchemy import Connection, Engine, FromClause, Row, Select, bindparam, select, text

from ocs_desktop.common.retry import writer_transaction
from ocs_desktop.common.transaction_retry import retry_whole
from ocs_desktop.db import named_locks
from ocs_desktop.db.named_locks import device_lock_name
from ocs_desktop.db.options import Options, load_options
from ocs_desktop.db.software_summary import SummaryMaintainer, fold_all
from ocs_desktop.inventory.accountinfo import AccountInfoWriter
from ocs_desktop.inventory.digests import (
    EMPTY_DIGEST,
    make_stamp,
    save_digests,
    shaping_salt,
    trusted_digests,
)
from ocs_desktop.inventory.duplicate_merge import DuplicateMerger
from ocs_desktop.inventory.hardware_writer import HardwareWriter
from ocs_desktop.inventory.history_writer import HistoryWriter
from ocs_desktop.inventory.ipdiscover_election import IpdiscoverElection
from ocs_desktop.inventory.rows import RowChanges
from ocs_desktop.inventory.schema import Schema
from ocs_desktop.inventory.section_writer import SectionWriter
from ocs_desktop.inventory.sections import SECTIONS
from ocs_desktop.inventory.software_writer import SoftwareNeeded, SoftwareWriter
from ocs_desktop.inventory.tag_rules_writer import TagRulesWriter
from ocs_desktop.inventory.writing import Machine, Prepared, WritePath, Writer
from ocs_desktop.models.extensions import inventory_digest
from ocs_desktop.protocol.document import Inventory

log = logging.getLogger(__name__)

#: By default a process folds the software summary's pending machines after this many
#: first inventories of its own, or this long after its last fold, whichever comes first.
FOLD_EVERY = 200
FOLD_SECONDS = 30.0


@dataclass(frozen=True)
class IngestResult:
    """What one inventory did to the database."""

    deviceid: str
    hardware_id: int
    created: bool
    sections: dict[str, RowChanges] = field(default_factory=dict)
    account_update: tuple[tuple[str, str], ...] | None = None
    skipped_software: int = 0
    #: How each section written was brought up to date (the download history included).
    paths: dict[str, WritePath] = field(default_factory=dict)
    #: Software elements shaped (dictionary ids resolved) for this inventory.
    shaped_software: int = 0
    #: Older machines merged into this one as its duplicates (PROTOCOL.md 5.1), deleted.
    merged: tuple[int, ...] = ()


class Ingestor:
    """Writes inventories into one database; keep one per process and reuse it.

    It caches what is costly to look up per inventory (software dictionary ids,
    the ``accountinfo`` columns, the ``config`` options) and re-reads the latter
    two every ``refresh_seconds`` so a change made in the console is honoured.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        refresh_seconds: float = 5.0,
        options_source: Callable[[], Options] | None = None,
        fold_in_ingest: bool = True,
        fold_every: int | None = None,
        fold_seconds: float | None = None,
    ) -> None:
        self.engine = engine
        self.refresh_seconds = refresh_seconds
        # A server that already caches ``config`` hands its snapshot in; one reader, one view.
        self._options_source = options_source
        # A server folds from a background task instead, so no agent waits for a fold.
        self._fold_in_ingest = fold_in_ingest
        self.fold_every = FOLD_EVERY if fold_every is None else fold_every
        self.fold_seconds = FOLD_SECONDS if fold_seconds is None else fold_seconds
        schema = Schema(engine, [spec.table for spec in SECTIONS] + ["hardware", "software"])
        self._is_mysql = schema.is_mysql
        self.bmp_only = schema.bmp_only
        # Shared: the software writer keeps it, this class folds it, and its tables'
        # presence says whether digests are kept (our extension tables come together).
        self._summary = SummaryMaintainer(engine)
        self._hardware = HardwareWriter(schema)
        sections = SectionWriter(schema)
        self._software = SoftwareWriter(engine, schema, self._summary)
        self.dictionary = self._software.dictionary
        self._duplicates = DuplicateMerger(engine, is_mysql=schema.is_mysql)
        #: The writers, in the order they write; a new section family is one more entry.
        #: Duplicates merge once the sections are written, before the admin data is read.
        self.writers: tuple[Writer, ...] = (
            sections,
            self._software,
            self._duplicates,
            AccountInfoWriter(engine, bmp_only=schema.bmp_only),
            # After the admin data: the agent's values are in, the rules may overwrite them.
            TagRulesWriter(engine, bmp_only=schema.bmp_only),
            # After the TAG is final: IP discovery may count elected machines per TAG.
            IpdiscoverElection(engine, is_mysql=schema.is_mysql, bmp_only=schema.bmp_only),
            HistoryWriter(),
        )
        self._digested = tuple(section for writer in self.writers for section in writer.digested)
        self._salt = shaping_salt(
            schema.bmp_only, schema.driver_values, self._software.columns, sections.shaping()
        )
        self._digest_queries: dict[bool, Select] = {}
        self._last_fold = monotonic()
        self._loaded_at = float("-inf")
        self.options = Options()

    # -- configuration ---------------------------------------------------------------
    def refresh(self, *, force: bool = False) -> None:
        """Re-read ``config`` and what the writers keep if they are older than allowed."""
        if not force and monotonic() - self._loaded_at < self.refresh_seconds:
            return
        if self._options_source is not None:
            self.options = self._options_source()
        else:
            with self.engine.connect() as conn:
                self.options = load_options(conn)
        for writer in self.writers:
            writer.refresh()
        self._summary.refresh()
        self._loaded_at = monotonic()

    # -- the transaction -------------------------------------------------------------
    def ingest(
        self,
        inventory: Inventory,
        *,
        remote_addr: str | None = None,
        useragent: str | None = None,
    ) -> IngestResult:
        """Store ``inventory``; retried whole if another writer or a cluster node refuses
        it (``common.transaction_retry``): each attempt is one transaction from the start."""
        self.refresh()
        prepared = self._prepare(inventory)
        software = self._software
        if not self._is_mysql:
            # SQLite shapes software before the transaction (see SoftwareWriter.rows): what
            # the digests and the row map say it will need. MariaDB shapes it in the
            # transaction.
            needed = self._peek_software(inventory, prepared)
            if needed:
                software.rows(inventory, prepared, needed, in_transaction=False)

        def write() -> IngestResult:
            try:
                return self._write(inventory, prepared, remote_addr, useragent)
            except SoftwareNeeded:
                # The machine changed between the peek and the transaction: shape all the
                # software after all and write again.
                software.rows(inventory, prepared, in_transaction=False)
                return self._write(inventory, prepared, remote_addr, useragent)

        result = retry_whole(write)
        self._maybe_fold()
        return result

    def _prepare(self, inventory: Inventory) -> Prepared:
        """What needs no database: the hardware values and the digests of what was sent."""
        digest = inventory.sections.digest
        digests = {
            section: digest(section)
            for section in self._digested
            if section in inventory.present_sections
        }
        return Prepared(self._hardware.shape(inventory), digests)

    def _peek_software(self, inventory: Inventory, prepared: Prepared) -> Sequence[int]:
        """The software elements the transaction will shape, as far as can be told before
        it (see SoftwareWriter.needed); all of them for a machine not known yet."""
        if self._digests_active:
            with self.engine.connect() as conn:
                row = conn.execute(self._digest_query(), {"deviceid": inventory.deviceid}).first()
                if row is not None:
                    stored = self._trusted(row)
                    return self._software.needed(conn, row.ID, stored, inventory, prepared)
        return range(inventory.sections.sent("SOFTWARES"))

    def _write(
        self,
        inventory: Inventory,
        prepared: Prepared,
        remote_addr: str | None,
        useragent: str | None,
    ) -> IngestResult:
        with self.engine.connect() as conn:
            held: list[str] = []
            try:
                with writer_transaction(conn):
                    # Identity before DEVICEID, always in this order (see duplicate_merge).
                    self._duplicates.lock(conn, inventory, prepared, self.options, held)
                    lock = self._lock_device(conn, inventory.deviceid)
                    if lock is not None:
                        held.append(lock)
                    result = self._write_in_transaction(
                        conn, inventory, prepared, remote_addr, useragent, held
                    )
            finally:
                if held:
                    # After the commit, so the next writer of this DEVICEID sees our rows;
                    # the pool's reset ends the statement's transaction. One statement.
                    names = {f"n{i}": name for i, name in enumerate(reversed(held))}
                    calls = ", ".join(f"RELEASE_LOCK(:{key})" for key in names)
                    conn.execute(text(f"SELECT {calls}"), names)
        return result

    def _lock_device(self, conn: Connection, deviceid: str) -> str | None:
        """Serialise writers of one DEVICEID across processes and hosts.

        ``hardware.DEVICEID`` is not unique in the OCS schema, so without this two
        concurrent first inventories of one machine would create two machines. MariaDB: a
        named lock, released after the commit; on a Galera node a lock row instead, held to
        the commit (``db.writer_lock``). SQLite serialises all writers already. Returns the
        name to release after the commit, if any.
        """
        if not self._is_mysql:
            return None
        held: list[str] = []
        named_locks.acquire(conn, device_lock_name(deviceid), held, f"machine {deviceid}")
        return held[0] if held else None

    def _write_in_transaction(
        self,
        conn: Connection,
        inventory: Inventory,
        prepared: Prepared,
        remote_addr: str | None,
        useragent: str | None,
        held: list[str] | None = None,
    ) -> IngestResult:
        keeps_digests = self._digests_active
        existing = conn.execute(self._digest_query(), {"deviceid": inventory.deviceid}).first()
        created = existing is None
        stored = self._trusted(existing) if existing is not None and keeps_digests else {}
        values = self._hardware.values(
            inventory, prepared.hardware, existing, remote_addr, useragent
        )
        hardware_id = self._hardware.write(
            conn, inventory.deviceid, None if existing is None else int(existing.ID), values
        )
        diff = self.options.enabled("INVENTORY_DIFF") and not created
        machine = Machine(
            conn,
            inventory,
            prepared,
            hardware_id,
            created,
            checksum=inventory.checksum if diff else None,
            options=self.options,
            keeps_digests=keeps_digests,
            stored=stored,
            # What the stored rows match after this transaction: kept digests of sections
            # not written, new ones of sections written; a new machine has no rows anywhere.
            digests=dict.fromkeys(self._digested, EMPTY_DIGEST) if created else dict(stored),
            useragent=useragent,
            held=held if held is not None else [],
        )
        for writer in self.writers:
            writer.write(machine)
        if keeps_digests:
            stamp = self._stamp(values["LASTDATE"], values["CHECKSUM"])
            save_digests(conn, hardware_id, stamp, machine.digests)
        return IngestResult(
            inventory.deviceid,
            hardware_id,
            created,
            machine.changes,
            machine.account_update,
            prepared.skipped_software,
            machine.paths,
            prepared.shaped_software,
            tuple(machine.merged),
        )

    # -- digests ---------------------------------------------------------------------
    @property
    def _digests_active(self) -> bool:
        # Our tables come together: SummaryMaintainer.refresh adds the newer ones.
        return self._summary.active

    def _digest_query(self) -> Select:
        """The newest ``hardware`` row of DEVICEID ``:deviceid``, with its digests when they
        are kept. Built once per shape: building a statement costs as much CPU as running it."""
        active = self._digests_active
        query = self._digest_queries.get(active)
        if query is None:
            hw = self._hardware.table
            digest = inventory_digest
            columns = [hw.c.ID, hw.c.CHECKSUM, hw.c.USERID, hw.c.LASTDATE]
            source: FromClause = hw
            if active:
                columns += [digest.c.STAMP, digest.c.DIGESTS]
                source = hw.outerjoin(digest, digest.c.HARDWARE_ID == hw.c.ID)
            query = self._digest_queries[active] = (
                select(*columns)
                .select_from(source)
                .where(hw.c.DEVICEID == bindparam("deviceid"))
                .order_by(hw.c.ID.desc())
                .limit(1)
            )
        return query

    def _trusted(self, row: Row[Any]) -> dict[str, str]:
        """The digests of a ``_digest_query`` row, if its stamp is still ours."""
        return trusted_digests(row.STAMP, row.DIGESTS, self._stamp(row.LASTDATE, row.CHECKSUM))

    def _stamp(self, lastdate: object, checksum: object) -> str:
        when = lastdate if isinstance(lastdate, dt.datetime) else None
        return make_stamp(self._salt, when, checksum if isinstance(checksum, int) else None)

    # -- the software summary ---------------------------------------------------------
    def fold_summary(self) -> int:
        """Count the machines this and other writers left pending into the software summary."""
        if not self._summary.active:
            return 0
        total = fold_all(self.engine)
        self._summary.marked = 0
        self._last_fold = monotonic()
        return total

    def fold_due(self) -> bool:
        """Whether this process's first inventories call for a fold: keep the pending
        backlog short without folding after every one of them."""
        marked = self._summary.marked
        return bool(marked) and (
            marked >= self.fold_every or monotonic() - self._last_fold >= self.fold_seconds
        )

    def _maybe_fold(self) -> None:
        if self._fold_in_ingest and self.fold_due():
            self.fold_summary()
