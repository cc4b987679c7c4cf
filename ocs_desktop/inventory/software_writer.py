"""The SOFTWARES section: ~900 rows a machine, so the writer with the shortcuts.

A software row holds dictionary ids (name, publisher, version) besides its own columns,
and most of a re-inventory's software is what the machine sent last time. So rows are
shaped only when needed, by element; a machine whose row map (:mod:`row_map`) still holds
gets only its new elements inserted and its stale rows deleted; any other is brought up
to date by full comparison (:mod:`rows`), which writes a fresh map. Either way the
software summary of a machine already counted moves by exactly the rows changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from sqlalchemy import Connection, Engine

from ocs_desktop.db.software_summary import SummaryMaintainer
from ocs_desktop.inventory import row_map
from ocs_desktop.inventory.coerce import RowShaper, perl_empties
from ocs_desktop.inventory.dictionary import UNAVAILABLE_ID, SoftwareDictionary
from ocs_desktop.inventory.digests import EMPTY_DIGEST
from ocs_desktop.inventory.rows import (
    RowChanges,
    RowDelta,
    TableStatements,
    count_rows,
    delete_owned,
    inserted_ids,
    stored_ids,
    sync_rows,
)
from ocs_desktop.inventory.schema import Schema
from ocs_desktop.inventory.sections import SOFTWARE_MASK
from ocs_desktop.inventory.writing import Machine, Prepared, WritePath
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import Inventory

SECTION = "SOFTWARES"
SOFTWARE_COLUMNS = (
    "FOLDER", "COMMENTS", "FILENAME", "FILESIZE", "SOURCE", "GUID", "LANGUAGE",
    "INSTALLDATE", "BITSWIDTH", "ARCHITECTURE",
)  # fmt: skip


class SoftwareNeeded(Exception):
    """Raised in the transaction when software must be written but was not prepared."""


class SoftwareWriter:
    """Writes a machine's software rows and keeps its row map and its summary counts."""

    digested: tuple[str, ...] = (SECTION,)

    def __init__(self, engine: Engine, schema: Schema, summary: SummaryMaintainer) -> None:
        tables = Base.metadata.tables
        software = tables["software"]
        self._is_mysql = schema.is_mysql
        self._summary = summary
        #: The software columns this database has, besides the dictionary ids.
        self.columns = tuple(
            name for name in SOFTWARE_COLUMNS if name in schema.present["software"]
        )
        #: What an element is read for: the columns (by position, for ``shape_values``),
        #: then the three dictionary values.
        self.fields = (*self.columns, "NAME", "PUBLISHER", "VERSION")
        self._shaper = RowShaper(
            software,
            self.columns,
            bmp_only=schema.bmp_only,
            driver_values=schema.driver_values,
            # The reference writes '' and 0 for what a software element lacks.
            empties=perl_empties(software, self.columns),
        )
        self._sql = TableStatements(
            schema.dialect, software, ("NAME_ID", "PUBLISHER_ID", "VERSION_ID", *self.columns)
        )
        self._dictionary_value = RowShaper(
            tables["software_name"], ["NAME"], bmp_only=schema.bmp_only
        ).coercer("NAME")
        self.dictionary = SoftwareDictionary(engine)

    def refresh(self) -> None:
        """Nothing to re-read: the Ingestor refreshes the summary it shares with us."""

    # -- shaping ---------------------------------------------------------------------
    def rows(
        self,
        inventory: Inventory,
        prepared: Prepared,
        indexes: Sequence[int] | None = None,
        *,
        in_transaction: bool = True,
    ) -> list[tuple | None]:
        """The rows of these software elements (all by default), shaped once each.

        SQLite cannot shape in the transaction (the dictionary's own transaction could not
        write while ours holds the write lock): what it lacks there raises SoftwareNeeded.
        """
        if indexes is None:
            indexes = range(inventory.sections.sent(SECTION))
        shaped = prepared.software
        missing = [index for index in indexes if index not in shaped]
        if missing:
            if in_transaction and not self._is_mysql:
                raise SoftwareNeeded
            sent = inventory.sections.element_values(SECTION, self.fields, missing)
            rows, skipped = self._shape(sent)
            shaped.update(zip(missing, rows, strict=True))
            prepared.shaped_software += len(missing)
            prepared.skipped_software += skipped
            if len(missing) == len(indexes):  # all of them, in order: a new machine's
                return rows
        return [shaped[index] for index in indexes]

    def _shape(self, elements: list[list[str | None] | None]) -> tuple[list[tuple | None], int]:
        """Shape software elements (their ``fields`` values) and resolve their dictionary
        ids; one without a name gives None (and is counted as skipped), as does an element
        that gave no row. Hot (900 elements a new machine): locals, one tuple a row."""
        value = self._dictionary_value
        shape = self._shaper.shape_values
        at = len(self.columns)  # NAME, then PUBLISHER and VERSION
        keyed: list[tuple | None] = []
        append = keyed.append
        given = 0
        for values in elements:
            if values is None:
                append(None)
                continue
            given += 1
            name = value(values[at])
            append(
                (name, value(values[at + 1]), value(values[at + 2]), shape(values))
                if name
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
            )
            + k[3]
            for k in keyed
        ]
        return software, given - len(present)

    def needed(
        self,
        conn: Connection,
        hardware_id: int,
        stored: dict[str, str],
        inventory: Inventory,
        prepared: Prepared,
    ) -> Sequence[int]:
        """The elements a write of the known machine will shape, as far as its trusted
        digests ``stored`` tell before the transaction: none if unchanged, the new ones if
        the row map knows the rest, else all."""
        if stored.get(SECTION) == prepared.digests.get(SECTION, EMPTY_DIGEST):
            return ()
        pairs = row_map.load(conn, hardware_id, stored.get(SECTION))
        if pairs is None:
            return range(inventory.sections.sent(SECTION))
        return row_map.match(pairs, inventory.sections.element_keys(SECTION)).new

    # -- writing ---------------------------------------------------------------------
    def write(self, machine: Machine) -> None:
        checksum = machine.checksum
        if SECTION in machine.inventory.present_sections or (
            checksum is not None and checksum & SOFTWARE_MASK
        ):
            machine.write_section(SECTION, partial(self._write, machine))

    def _write(self, machine: Machine) -> tuple[RowChanges, WritePath]:
        conn, hardware_id, created = machine.conn, machine.hardware_id, machine.created
        summary = self._summary
        delta = None  # the rows changed, for a summary that counts this machine already
        if summary.active:
            if created:
                summary.mark_new(conn, hardware_id)
            # Locks the pending row, if any, before the rows change (see fold_pending).
            elif not summary.is_pending(conn, hardware_id):
                delta = RowDelta()
        keys = machine.inventory.sections.element_keys(SECTION)
        written: tuple[RowChanges, WritePath] | None = None
        if not created and machine.keeps_digests:
            pairs = row_map.load(conn, hardware_id, machine.stored.get(SECTION))
            if pairs is not None:
                changes = self._write_by_map(machine, keys, pairs, delta)
                if changes is not None:
                    written = changes, WritePath.ROW_MAP
        if written is None:
            path = WritePath.WRITTEN if created else WritePath.COMPARE
            written = self._write_by_compare(machine, keys, delta), path
        if delta is not None:
            summary.apply_changes(conn, delta.inserted, delta.removed)
        return written

    def _write_by_map(
        self,
        machine: Machine,
        keys: list[str],
        pairs: list[tuple[str, int]],
        delta: RowDelta | None,
    ) -> RowChanges | None:
        """Insert the elements the map does not know, delete the rows no element claims;
        None if the rows turn out not to be what the map says (then compare them all)."""
        conn, hardware_id, sql = machine.conn, machine.hardware_id, self._sql
        found = row_map.match(pairs, keys)
        rows = self.rows(machine.inventory, machine.prepared, found.new)
        new = [(keys[index], row) for index, row in zip(found.new, rows, strict=True) if row]
        ids: list[int] | None = []
        if new:
            # Before any DELETE, so no id is handed out again (see inserted_ids).
            handed_out = sql.write_rows(conn, hardware_id, [row for _, row in new])
            ids = inserted_ids(conn, sql, hardware_id, found.last_id, len(new), handed_out)
            if delta is not None:
                delta.inserted.extend(row for _, row in new)
        if ids is None or not delete_owned(conn, sql, hardware_id, found.stale, delta):
            return None
        written = found.kept + [(key, row_id) for (key, _), row_id in zip(new, ids, strict=True)]
        if count_rows(conn, sql, hardware_id) != len(written):
            return None
        row_map.save(conn, hardware_id, _sent_digest(machine), written)
        return RowChanges(len(new), len(found.stale), len(found.kept))

    def _write_by_compare(
        self, machine: Machine, keys: list[str], delta: RowDelta | None
    ) -> RowChanges:
        """Bring the stored rows to all the sent ones by comparing them; then map them."""
        conn, hardware_id, created, sql = (
            machine.conn,
            machine.hardware_id,
            machine.created,
            self._sql,
        )
        rows = self.rows(machine.inventory, machine.prepared)
        wanted = [(key, row) for key, row in zip(keys, rows, strict=True) if row]
        values = [row for _, row in wanted]
        changes = sync_rows(conn, sql, hardware_id, values, may_exist=not created, delta=delta)
        if machine.keeps_digests:
            ids = (
                inserted_ids(conn, sql, hardware_id, 0, len(values), changes.ids)
                if created
                else stored_ids(conn, sql, hardware_id, values)
            )
            if ids is None:
                row_map.forget(conn, hardware_id)
            else:
                pairs = [(key, row_id) for (key, _), row_id in zip(wanted, ids, strict=True)]
                row_map.save(conn, hardware_id, _sent_digest(machine), pairs)
        return changes


def _sent_digest(machine: Machine) -> str:
    """The SOFTWARES digest sent: what the rows and their map will match."""
    return machine.prepared.digests.get(SECTION, EMPTY_DIGEST)
