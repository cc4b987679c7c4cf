"""The generic sections (:data:`sections.SECTIONS`): one table each, rows as sent.

They differ only by table, checksum bit and whether a machine has one row or many, so one
writer serves them all: it shapes a section's rows when it must write it and brings the
stored rows to them by comparison (:mod:`rows`).
"""

from __future__ import annotations

from functools import partial

from ocs_desktop.inventory.coerce import RowShaper, perl_empties
from ocs_desktop.inventory.rows import RowChanges, TableStatements, replace_single_row, sync_rows
from ocs_desktop.inventory.schema import Schema
from ocs_desktop.inventory.sections import SECTIONS, SectionSpec, section_changed
from ocs_desktop.inventory.writing import Machine, Prepared, WritePath
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import Inventory


class SectionWriter:
    """Writes every generic section this database has a table for."""

    def __init__(self, schema: Schema) -> None:
        tables = Base.metadata.tables
        self.specs = tuple(spec for spec in SECTIONS if spec.table in schema.present)
        self.digested = tuple(spec.section for spec in self.specs)
        self._shapers = {}
        for spec in self.specs:
            columns = schema.columns(spec.table, leaving_out=("ID", "HARDWARE_ID"))
            self._shapers[spec.section] = RowShaper(
                tables[spec.table],
                columns,
                bmp_only=schema.bmp_only,
                driver_values=schema.driver_values,
                # The reference binds '' for every field a sent row lacks: see perl_empties.
                empties=perl_empties(tables[spec.table], columns),
            )
        self._sql = {
            spec.section: TableStatements(
                schema.dialect, tables[spec.table], self._shapers[spec.section].columns
            )
            for spec in self.specs
        }

    def shaping(self) -> list[tuple[str, tuple[str, ...]]]:
        """The columns each section is shaped to, for the digests' salt."""
        return sorted((name, tuple(shaper.columns)) for name, shaper in self._shapers.items())

    def refresh(self) -> None:
        """Nothing to re-read: the columns are the schema's."""

    def write(self, machine: Machine) -> None:
        for spec in self.specs:
            if must_write(spec, machine.inventory, machine.checksum, machine.created):
                machine.write_section(spec.section, partial(self._write, machine, spec))

    def _write(self, machine: Machine, spec: SectionSpec) -> tuple[RowChanges, WritePath]:
        conn, hardware_id, created = machine.conn, machine.hardware_id, machine.created
        rows = self._rows(machine.inventory, machine.prepared, spec)
        statements = self._sql[spec.section]
        if not spec.multi:  # its one row is always read back, even for a new machine
            single = rows[0] if rows else None
            return replace_single_row(conn, statements, hardware_id, single), WritePath.COMPARE
        changes = sync_rows(conn, statements, hardware_id, rows, may_exist=not created)
        return changes, WritePath.WRITTEN if created else WritePath.COMPARE

    def _rows(self, inventory: Inventory, prepared: Prepared, spec: SectionSpec) -> list[tuple]:
        rows = prepared.shaped.get(spec.section)
        if rows is None:
            shape = self._shapers[spec.section].shape
            rows = [shape(row, spec.fallbacks) for row in inventory.sections.get(spec.section, [])]
            prepared.shaped[spec.section] = rows
        return rows


def must_write(
    spec: SectionSpec, inventory: Inventory, checksum: int | None, created: bool
) -> bool:
    """Sections sent (even empty) are written unless the checksum says unchanged; a
    section flagged as changed but not sent was emptied on the machine: cleared."""
    present = spec.section in inventory.present_sections
    if created or checksum is None or spec.mask == 0:
        return present
    return section_changed(spec, checksum)
