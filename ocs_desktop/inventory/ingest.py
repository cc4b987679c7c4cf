"""Write one parsed inventory into the database, in one transaction (PROTOCOL.md 1.7).

Everything that can be computed without the database (shaping every value to its
column, the software dictionary ids) is done before the transaction opens, so
the transaction itself is short: look up the machine, upsert ``hardware``, bring
each section to what the agent sent, apply the admin data rules, rebuild the
download history, commit. Either all of it lands or none of it does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from time import monotonic
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    FromClause,
    Row,
    Select,
    Table,
    delete,
    insert,
    inspect,
    select,
    text,
    update,
)

from ocs_desktop.common.retry import retry_transient, writer_options
from ocs_desktop.db.engines import is_mysql
from ocs_desktop.db.options import Options, load_options
from ocs_desktop.db.software_summary import SummaryMaintainer, fold_all
from ocs_desktop.inventory import row_map
from ocs_desktop.inventory.accountinfo import AccountInfoWriter, reflect_accountinfo
from ocs_desktop.inventory.coerce import RowShaper, parse_datetime
from ocs_desktop.inventory.dictionary import UNAVAILABLE_ID, SoftwareDictionary
from ocs_desktop.inventory.digests import (
    EMPTY_DIGEST,
    make_stamp,
    save_digests,
    shaping_salt,
    trusted_digests,
)
from ocs_desktop.inventory.rows import (
    RowChanges,
    RowDelta,
    TableStatements,
    count_rows,
    delete_owned,
    inserted_ids,
    replace_single_row,
    stored_ids,
    sync_rows,
)
from ocs_desktop.inventory.sections import (
    SECTIONS,
    SERVER_OWNED_HARDWARE,
    SOFTWARE_MASK,
    SectionSpec,
    section_changed,
)
from ocs_desktop.models import Base
from ocs_desktop.models.extensions import inventory_digest
from ocs_desktop.protocol.document import Inventory
from ocs_desktop.protocol.document import Row as SentRow

log = logging.getLogger(__name__)

SOFTWARE_COLUMNS = (
    "FOLDER", "COMMENTS", "FILENAME", "FILESIZE", "SOURCE", "GUID", "LANGUAGE",
    "INSTALLDATE", "BITSWIDTH", "ARCHITECTURE",
)  # fmt: skip
_SYSTEM_USER = re.compile(r"^(system|localsystem)$", re.IGNORECASE)
_EPOCH_YEAR = 1970
_LOCK_TIMEOUT_S = 60
#: A process folds the software summary's pending machines after this many first
#: inventories of its own, or this long after its last fold, whichever comes first.
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


@dataclass(slots=True)
class _Prepared:
    """An inventory's hardware values and section digests; its sections are shaped on
    demand (and kept, for a retried transaction), since unchanged ones are never shaped."""

    hardware: dict[str, object]
    digests: dict[str, str]
    shaped: dict[str, list[tuple]] = field(default_factory=dict)
    #: Software rows shaped so far, by element index; None for an element that gives none.
    software: dict[int, tuple | None] = field(default_factory=dict)
    skipped_software: int = 0


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
    ) -> None:
        self.engine = engine
        self.refresh_seconds = refresh_seconds
        # A server that already caches ``config`` hands its snapshot in; one reader, one view.
        self._options_source = options_source
        # A server folds from a background task instead, so no agent waits for a fold.
        self._fold_in_ingest = fold_in_ingest
        self._is_mysql = is_mysql(engine.url)
        tables = Base.metadata.tables
        self.bmp_only = _bmp_only(engine)
        # An OCS 2.8 database lacks columns added later (software.ARCHITECTURE...): write
        # only what this database has.
        present = _present_columns(
            engine, [spec.table for spec in SECTIONS] + ["hardware", "software"]
        )
        self._hardware: Table = tables["hardware"]
        self._software: Table = tables["software"]
        self._history: Table = tables["download_history"]
        self._available: Table = tables["download_available"]
        self._hardware_shaper = RowShaper(
            self._hardware,
            [name for name in present["hardware"] if name not in SERVER_OWNED_HARDWARE],
            bmp_only=self.bmp_only,
        )
        driver_values = "sqlite" if engine.dialect.name == "sqlite" else ""
        self._sections = tuple(spec for spec in SECTIONS if spec.table in present)
        self._digested = (*(spec.section for spec in self._sections), "SOFTWARES")
        self._section_shapers = {
            spec.section: RowShaper(
                tables[spec.table],
                [name for name in present[spec.table] if name not in ("ID", "HARDWARE_ID")],
                bmp_only=self.bmp_only,
                driver_values=driver_values,
            )
            for spec in self._sections
        }
        software_columns = tuple(name for name in SOFTWARE_COLUMNS if name in present["software"])
        self._section_sql = {
            spec.section: TableStatements(
                engine.dialect, tables[spec.table], self._section_shapers[spec.section].columns
            )
            for spec in self._sections
        }
        self._identity_shaper = RowShaper(
            self._hardware, ["USERID", "IPADDR"], bmp_only=self.bmp_only
        )
        self._software_shaper = RowShaper(
            self._software, software_columns, bmp_only=self.bmp_only, driver_values=driver_values
        )
        self._software_sql = TableStatements(
            engine.dialect,
            self._software,
            ("NAME_ID", "PUBLISHER_ID", "VERSION_ID", *software_columns),
        )
        self._dictionary_value = RowShaper(
            tables["software_name"], ["NAME"], bmp_only=self.bmp_only
        ).coercer("NAME")
        self.dictionary = SoftwareDictionary(engine)
        self._summary = SummaryMaintainer(engine)
        self._salt = shaping_salt(
            self.bmp_only,
            driver_values,
            software_columns,
            sorted((name, tuple(shaper.columns)) for name, shaper in self._section_shapers.items()),
        )
        self._last_fold = monotonic()
        self._loaded_at = float("-inf")
        self.options = Options()
        self._accountinfo: AccountInfoWriter | None = None

    # -- configuration ---------------------------------------------------------------
    def refresh(self, *, force: bool = False) -> None:
        """Re-read ``config`` and the ``accountinfo`` columns if they are older than allowed."""
        if not force and monotonic() - self._loaded_at < self.refresh_seconds:
            return
        if self._options_source is not None:
            self.options = self._options_source()
        else:
            with self.engine.connect() as conn:
                self.options = load_options(conn)
        self._accountinfo = AccountInfoWriter(
            reflect_accountinfo(self.engine), bmp_only=self.bmp_only
        )
        self._summary.refresh()
        self._loaded_at = monotonic()

    # -- preparation, outside any transaction -----------------------------------------
    def _prepare(self, inventory: Inventory) -> _Prepared:
        shaper = self._hardware_shaper
        hardware = dict(zip(shaper.columns, shaper.shape(inventory.hardware), strict=True))
        digest = inventory.sections.digest
        digests = {
            section: digest(section)
            for section in self._digested
            if section in inventory.present_sections
        }
        return _Prepared(hardware, digests)

    def _section_rows(
        self, inventory: Inventory, prepared: _Prepared, spec: SectionSpec
    ) -> list[tuple]:
        rows = prepared.shaped.get(spec.section)
        if rows is None:
            shape = self._section_shapers[spec.section].shape
            rows = [shape(row, spec.fallbacks) for row in inventory.sections.get(spec.section, [])]
            prepared.shaped[spec.section] = rows
        return rows

    def _software_rows(
        self,
        inventory: Inventory,
        prepared: _Prepared,
        indexes: Sequence[int] | None = None,
        *,
        in_transaction: bool = True,
    ) -> list[tuple | None]:
        """The rows of these software elements (all by default), shaped once each.

        SQLite cannot shape in the transaction (the dictionary's own transaction could not
        write while ours holds the write lock): what it lacks there raises _SoftwareNeeded.
        """
        if indexes is None:
            indexes = range(inventory.sections.sent("SOFTWARES"))
        shaped = prepared.software
        missing = [index for index in indexes if index not in shaped]
        if missing:
            if in_transaction and not self._is_mysql:
                raise _SoftwareNeeded
            rows, skipped = self._prepare_software(
                inventory.sections.element_rows("SOFTWARES", missing)
            )
            shaped.update(zip(missing, rows, strict=True))
            prepared.skipped_software += skipped
        return [shaped[index] for index in indexes]

    def _prepare_software(self, rows: list[SentRow | None]) -> tuple[list[tuple | None], int]:
        """Shape software rows and resolve their dictionary ids; a row without a name
        gives None (and is counted as skipped), as does an element that gave no row."""
        value = self._dictionary_value
        shape = self._software_shaper.shape
        keyed: list[tuple | None] = []
        for row in rows:
            name = value(row.get("NAME")) if row is not None else None
            keyed.append(
                (name, value(row.get("PUBLISHER")), value(row.get("VERSION")), shape(row))
                if name and row is not None
                else None
            )
        present = [k for k in keyed if k is not None]
        ids = self.dictionary.resolve(
            {
                "name": {k[0] for k in present},
                "publisher": {k[1] for k in present if k[1]},
                "version": {k[2] for k in present if k[2]},
            }
        )
        names, publishers, versions = ids["name"], ids["publisher"], ids["version"]
        software = [
            None
            if k is None
            else (
                names[k[0]],
                publishers[k[1]] if k[1] else UNAVAILABLE_ID,
                versions[k[2]] if k[2] else UNAVAILABLE_ID,
                *k[3],
            )
            for k in keyed
        ]
        given = sum(1 for row in rows if row is not None)
        return software, given - len(present)

    # -- the transaction -------------------------------------------------------------
    def ingest(
        self,
        inventory: Inventory,
        *,
        remote_addr: str | None = None,
        useragent: str | None = None,
    ) -> IngestResult:
        """Store ``inventory``; retried whole if another writer deadlocks it."""
        self.refresh()
        prepared = self._prepare(inventory)
        if not self._is_mysql:
            # SQLite shapes software before the transaction (see _software_rows): what the
            # digests and the row map say it will need. MariaDB shapes it in the transaction.
            needed = self._peek_software(inventory, prepared)
            if needed:
                self._software_rows(inventory, prepared, needed, in_transaction=False)

        def write() -> IngestResult:
            try:
                return self._write(inventory, prepared, remote_addr, useragent)
            except _SoftwareNeeded:
                # The machine changed between the peek and the transaction: shape all the
                # software after all and write again.
                self._software_rows(inventory, prepared, in_transaction=False)
                return self._write(inventory, prepared, remote_addr, useragent)

        result = retry_transient(write)
        self._maybe_fold()
        return result

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
            marked >= FOLD_EVERY or monotonic() - self._last_fold >= FOLD_SECONDS
        )

    def _maybe_fold(self) -> None:
        if self._fold_in_ingest and self.fold_due():
            self.fold_summary()

    @property
    def _digests_active(self) -> bool:
        # Our tables come together: SummaryMaintainer.refresh adds the newer ones.
        return self._summary.active

    def _peek_software(self, inventory: Inventory, prepared: _Prepared) -> Sequence[int]:
        """The software elements the transaction will shape, as far as can be told before
        it: none if the digests say unchanged, the new ones if the row map knows the rest."""
        everything = range(inventory.sections.sent("SOFTWARES"))
        if not self._digests_active:
            return everything
        with self.engine.connect() as conn:
            row = conn.execute(self._digest_query(inventory.deviceid)).first()
            stored = {} if row is None else self._trusted(row)
            sent = prepared.digests.get("SOFTWARES", EMPTY_DIGEST)
            if stored.get("SOFTWARES") == sent:
                return ()
            pairs = None if row is None else row_map.load(conn, row.ID, stored.get("SOFTWARES"))
        if pairs is None:
            return everything
        return row_map.match(pairs, inventory.sections.element_keys("SOFTWARES")).new

    def _digest_query(self, deviceid: str) -> Select:
        hw = self._hardware
        digest = inventory_digest
        columns = [hw.c.ID, hw.c.CHECKSUM, hw.c.USERID, hw.c.LASTDATE]
        source: FromClause = hw
        if self._digests_active:
            columns += [digest.c.STAMP, digest.c.DIGESTS]
            source = hw.outerjoin(digest, digest.c.HARDWARE_ID == hw.c.ID)
        return (
            select(*columns)
            .select_from(source)
            .where(hw.c.DEVICEID == deviceid)
            .order_by(hw.c.ID.desc())
            .limit(1)
        )

    def _trusted(self, row: Row[Any]) -> dict[str, str]:
        """The digests of a ``_digest_query`` row, if its stamp is still ours."""
        return trusted_digests(row.STAMP, row.DIGESTS, self._stamp(row.LASTDATE, row.CHECKSUM))

    def _stamp(self, lastdate: object, checksum: object) -> str:
        when = lastdate if isinstance(lastdate, dt.datetime) else None
        return make_stamp(self._salt, when, checksum if isinstance(checksum, int) else None)

    def _write(
        self,
        inventory: Inventory,
        prepared: _Prepared,
        remote_addr: str | None,
        useragent: str | None,
    ) -> IngestResult:
        with self.engine.connect() as conn:
            conn.execution_options(**writer_options(self.engine))
            lock = None
            try:
                with conn.begin():
                    lock = self._lock_device(conn, inventory.deviceid)
                    result = self._write_in_transaction(
                        conn, inventory, prepared, remote_addr, useragent
                    )
            finally:
                if lock is not None:
                    # After the commit, so the next writer of this DEVICEID sees our rows;
                    # the pool's reset ends the statement's transaction.
                    conn.execute(text("SELECT RELEASE_LOCK(:name)"), {"name": lock})
        return result

    def _lock_device(self, conn: Connection, deviceid: str) -> str | None:
        """Serialise writers of one DEVICEID across processes (MariaDB named lock).

        ``hardware.DEVICEID`` is not unique in the OCS schema, so without this two
        concurrent first inventories of one machine would create two machines. The lock
        belongs to the session, not the transaction: it is released after the commit.
        SQLite serialises all writers already. Returns the lock's name.
        """
        if not self._is_mysql:
            return None
        name = "ocsdesktop:" + hashlib.sha1(deviceid.encode()).hexdigest()[:40]
        got = conn.execute(
            text("SELECT GET_LOCK(:name, :timeout)"), {"name": name, "timeout": _LOCK_TIMEOUT_S}
        ).scalar()
        if got != 1:
            raise TimeoutError(f"machine {deviceid} is locked by another writer")
        return name

    def _write_in_transaction(
        self,
        conn: Connection,
        inventory: Inventory,
        prepared: _Prepared,
        remote_addr: str | None,
        useragent: str | None,
    ) -> IngestResult:
        hw = self._hardware
        existing = conn.execute(self._digest_query(inventory.deviceid)).first()
        created = existing is None
        stored = self._trusted(existing) if existing is not None and self._digests_active else {}
        values = self._hardware_values(inventory, prepared, existing, remote_addr, useragent)
        if existing is None:
            inserted = conn.execute(
                insert(hw).values(DEVICEID=inventory.deviceid, **values)
            ).inserted_primary_key
            assert inserted is not None
            hardware_id = int(inserted[0])
        else:
            hardware_id = int(existing.ID)
            conn.execute(update(hw).where(hw.c.ID == hardware_id).values(**values))

        diff = self.options.enabled("INVENTORY_DIFF") and not created
        checksum = inventory.checksum if diff else None
        changes: dict[str, RowChanges] = {}
        # What the stored rows match after this transaction: kept digests of sections not
        # written, new ones of sections written; a new machine has no rows anywhere.
        digests = dict.fromkeys(self._digested, EMPTY_DIGEST) if created else dict(stored)
        for spec in self._sections:
            if self._must_write(spec, inventory, checksum, created):
                changes[spec.section] = _unless_unchanged(
                    spec.section,
                    inventory,
                    prepared,
                    stored,
                    digests,
                    partial(
                        self._write_section, conn, spec, hardware_id, inventory, prepared, created
                    ),
                )
        if "SOFTWARES" in inventory.present_sections or _flagged(checksum, SOFTWARE_MASK):
            changes["SOFTWARES"] = _unless_unchanged(
                "SOFTWARES",
                inventory,
                prepared,
                stored,
                digests,
                partial(
                    self._write_software, conn, inventory, hardware_id, prepared, created, stored
                ),
            )
        assert self._accountinfo is not None
        account_update = self._accountinfo.write(
            conn,
            hardware_id,
            inventory.accountinfo,
            created=created,
            accept_update=self.options.enabled("ACCEPT_TAG_UPDATE_FROM_CLIENT"),
        )
        if "DOWNLOAD" in inventory.present_sections:
            self._write_history(conn, hardware_id, inventory.download_history)
        if self._digests_active:
            stamp = self._stamp(values["LASTDATE"], values["CHECKSUM"])
            save_digests(conn, hardware_id, stamp, digests)
        return IngestResult(
            inventory.deviceid,
            hardware_id,
            created,
            changes,
            account_update,
            prepared.skipped_software,
        )

    def _write_software(
        self,
        conn: Connection,
        inventory: Inventory,
        hardware_id: int,
        prepared: _Prepared,
        created: bool,
        stored: dict[str, str],
    ) -> RowChanges:
        summary = self._summary
        delta = None  # the rows changed, for a summary that counts this machine already
        if summary.active:
            if created:
                summary.mark_new(conn, hardware_id)
            # Locks the pending row, if any, before the rows change (see fold_pending).
            elif not summary.is_pending(conn, hardware_id):
                delta = RowDelta()
        target = _SoftwareWrite(
            conn,
            inventory,
            hardware_id,
            prepared,
            inventory.sections.element_keys("SOFTWARES"),
            prepared.digests.get("SOFTWARES", EMPTY_DIGEST),
            delta,
        )
        changes = None
        if not created and self._digests_active:
            pairs = row_map.load(conn, hardware_id, stored.get("SOFTWARES"))
            if pairs is not None:
                changes = self._write_by_map(target, pairs)
        if changes is None:
            changes = self._write_by_compare(target, created)
        if delta is not None:
            summary.apply_changes(conn, delta.inserted, delta.removed)
        return changes

    def _write_by_map(
        self, target: _SoftwareWrite, pairs: list[tuple[str, int]]
    ) -> RowChanges | None:
        """Insert the elements the map does not know, delete the rows no element claims;
        None if the rows turn out not to be what the map says (then compare them all)."""
        conn, hardware_id, keys, delta = target.conn, target.hardware_id, target.keys, target.delta
        sql = self._software_sql
        found = row_map.match(pairs, keys)
        rows = self._software_rows(target.inventory, target.prepared, found.new)
        new = [(keys[index], row) for index, row in zip(found.new, rows, strict=True) if row]
        ids: list[int] | None = []
        if new:
            # Before any DELETE, so no id is handed out again (see inserted_ids).
            conn.exec_driver_sql(*sql.insert_rows(hardware_id, [row for _, row in new]))
            ids = inserted_ids(conn, sql, hardware_id, found.last_id, len(new))
            if delta is not None:
                delta.inserted.extend(row for _, row in new)
        if ids is None or not delete_owned(conn, sql, hardware_id, found.stale, delta):
            return None
        written = found.kept + [(key, row_id) for (key, _), row_id in zip(new, ids, strict=True)]
        if count_rows(conn, sql, hardware_id) != len(written):
            return None
        row_map.save(conn, hardware_id, target.digest, written)
        return RowChanges(len(new), len(found.stale), len(found.kept))

    def _write_by_compare(self, target: _SoftwareWrite, created: bool) -> RowChanges:
        """Bring the stored rows to all the sent ones by comparing them; then map them."""
        conn, hardware_id = target.conn, target.hardware_id
        sql = self._software_sql
        rows = self._software_rows(target.inventory, target.prepared)
        wanted = [(key, row) for key, row in zip(target.keys, rows, strict=True) if row]
        values = [row for _, row in wanted]
        changes = sync_rows(
            conn, sql, hardware_id, values, may_exist=not created, delta=target.delta
        )
        if self._digests_active:
            ids = (
                inserted_ids(conn, sql, hardware_id, 0, len(values))
                if created
                else stored_ids(conn, sql, hardware_id, values)
            )
            if ids is None:
                row_map.forget(conn, hardware_id)
            else:
                pairs = [(key, row_id) for (key, _), row_id in zip(wanted, ids, strict=True)]
                row_map.save(conn, hardware_id, target.digest, pairs)
        return changes

    @staticmethod
    def _must_write(
        spec: SectionSpec, inventory: Inventory, checksum: int | None, created: bool
    ) -> bool:
        """Sections sent (even empty) are written unless the checksum says unchanged; a
        section flagged as changed but not sent was emptied on the machine: cleared."""
        present = spec.section in inventory.present_sections
        if created or checksum is None or spec.mask == 0:
            return present
        return section_changed(spec, checksum)

    def _write_section(
        self,
        conn: Connection,
        spec: SectionSpec,
        hardware_id: int,
        inventory: Inventory,
        prepared: _Prepared,
        created: bool,
    ) -> RowChanges:
        rows = self._section_rows(inventory, prepared, spec)
        statements = self._section_sql[spec.section]
        if spec.multi:
            return sync_rows(conn, statements, hardware_id, rows, may_exist=not created)
        return replace_single_row(conn, statements, hardware_id, rows[0] if rows else None)

    def _hardware_values(
        self,
        inventory: Inventory,
        prepared: _Prepared,
        existing: object | None,
        remote_addr: str | None,
        useragent: str | None,
    ) -> dict[str, object]:
        now = dt.datetime.now().replace(microsecond=0)
        values = dict(prepared.hardware)
        lastdate = parse_datetime(inventory.hardware.get("LASTDATE"))
        # Whole seconds either way (parse_datetime reads no fraction), as DATETIME stores
        # them: the digests' stamp compares this value with the one read back.
        values["LASTDATE"] = lastdate if lastdate and lastdate.year > _EPOCH_YEAR else now
        values["LASTCOME"] = now
        values["ETIME"] = None
        old_checksum = getattr(existing, "CHECKSUM", None)
        values["CHECKSUM"] = inventory.checksum or old_checksum or 1
        if useragent:
            values["USERAGENT"] = useragent[:50]
        if remote_addr:
            values["IPSRC"] = remote_addr[:255]
        agent_user, agent_ip = self._identity_shaper.shape(
            {
                "USERID": inventory.hardware.get("USERID"),
                "IPADDR": _ip_address(inventory, remote_addr),
            }
        )
        values["IPADDR"] = agent_ip
        # The reference keeps the last real user over SYSTEM / LocalSystem.
        if not (existing is not None and agent_user and _SYSTEM_USER.match(agent_user)):
            values["USERID"] = agent_user
        return values

    def _write_history(self, conn: Connection, hardware_id: int, package_ids: list[str]) -> None:
        history = self._history
        conn.execute(delete(history).where(history.c.HARDWARE_ID == hardware_id))
        wanted = sorted({int(pid) for pid in package_ids if pid.strip().isdigit()})
        if not wanted:
            return
        available = self._available
        names = dict(
            conn.execute(
                select(available.c.FILEID, available.c.NAME).where(
                    available.c.FILEID.in_([str(pid) for pid in wanted])
                )
            ).all()
        )
        conn.execute(
            insert(history),
            [
                {"HARDWARE_ID": hardware_id, "PKG_ID": pid, "PKG_NAME": names.get(str(pid))}
                for pid in wanted
                if pid < 2**31
            ],
        )


def _unless_unchanged(
    section: str,
    inventory: Inventory,
    prepared: _Prepared,
    stored: dict[str, str],
    digests: dict[str, str],
    write: Callable[[], RowChanges],
) -> RowChanges:
    """Skip a section whose stored digest matches what was sent, else ``write`` it and
    note its new digest. A section flagged as changed but not sent is written empty: the
    digest of no rows."""
    sent = prepared.digests.get(section, EMPTY_DIGEST)
    if stored.get(section) == sent:
        return RowChanges(0, 0, _sent(inventory, section))
    changes = write()
    digests[section] = sent
    return changes


def _sent(inventory: Inventory, section: str) -> int:
    """Rows of a skipped section, counted without reading them (elements sent)."""
    return inventory.sections.sent(section)


@dataclass(frozen=True, slots=True)
class _SoftwareWrite:
    """One machine's software section being written, in its transaction."""

    conn: Connection
    inventory: Inventory
    hardware_id: int
    prepared: _Prepared
    keys: list[str]
    """The element keys sent, one per element."""
    digest: str
    """The SOFTWARES digest sent: what the rows and their map will match."""
    delta: RowDelta | None


class _SoftwareNeeded(Exception):
    """Raised in the transaction when software must be written but was not prepared."""


def _flagged(checksum: int | None, mask: int) -> bool:
    return checksum is not None and bool(checksum & mask)


def _ip_address(inventory: Inventory, remote_addr: str | None) -> str | None:
    """The agent's address as the server saw it when one interface has it (PROTOCOL.md 1.7)."""
    if remote_addr:
        for network in inventory.sections.get("NETWORKS", []):
            if network.get("IPADDRESS") == remote_addr:
                return remote_addr
    return inventory.hardware.get("IPADDR")


def _present_columns(engine: Engine, names: list[str]) -> dict[str, list[str]]:
    """The mapped columns of each table this database really has, in mapped order; tables
    it lacks (``local_users`` came after OCS 2.8) are left out."""
    inspector = inspect(engine)
    tables = Base.metadata.tables
    existing = set(inspector.get_table_names())
    present = {}
    for name in set(names) & existing:
        found = {column["name"] for column in inspector.get_columns(name)}
        present[name] = [column for column in tables[name].c.keys() if column in found]
    return present


def _bmp_only(engine: Engine) -> bool:
    """True for utf8mb3 databases (every OCS install), which reject 4-byte characters."""
    if not is_mysql(engine.url):
        return False
    with engine.connect() as conn:
        count = conn.execute(
            text(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                "AND TABLE_COLLATION NOT LIKE 'utf8mb4%'"
            )
        ).scalar()
    return bool(count)
