"""Get-or-create ids in ``software_name``, ``software_publisher`` and ``software_version``.

OCS 2.8+ stores software as ids into three dictionary tables. Looking up 900 names
per inventory one by one is what makes the reference server slow, so ids are
cached per process and resolved in bulk, in a short transaction of their own:
a dictionary row is harmless if the inventory that wanted it later fails, and
keeping these unique-key inserts out of the inventory transaction keeps that one
free of cross-machine lock waits.

The database's collation decides what "the same name" is (OCS databases are
case- and accent-insensitive), so a value the bulk lookup cannot pair exactly is
asked for with ``=`` and takes the id of its collation twin.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, insert, select

from ocs_desktop.common.batches import batches
from ocs_desktop.common.retry import retry_transient, writer_options
from ocs_desktop.models import Base

_CHUNK = 500
_CACHE_LIMIT = 250_000
UNAVAILABLE_ID = 1  # software_publisher / software_version row 1 = 'Unavailable'


@dataclass(frozen=True, slots=True)
class _Kind:
    table: Table
    column: str


class SoftwareDictionary:
    """Process-wide id cache for the three software dictionary tables."""

    def __init__(self, engine: Engine) -> None:
        tables = Base.metadata.tables
        self.engine = engine
        self.kinds = {
            "name": _Kind(tables["software_name"], "NAME"),
            "publisher": _Kind(tables["software_publisher"], "PUBLISHER"),
            "version": _Kind(tables["software_version"], "VERSION"),
        }
        self._cache: dict[str, dict[str, int]] = {kind: {} for kind in self.kinds}
        self._ignore_prefix = "OR IGNORE" if engine.dialect.name == "sqlite" else "IGNORE"

    def resolve(self, wanted: dict[str, Iterable[str]]) -> dict[str, dict[str, int]]:
        """Ids for ``{"name": names, "publisher": ..., "version": ...}``, creating missing ones."""
        for cache in self._cache.values():
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
        missing = {
            kind: sorted({v for v in values if v not in self._cache[kind]})
            for kind, values in wanted.items()
        }
        if any(missing.values()):
            retry_transient(lambda: self._fetch_or_create(missing))
        return self._cache

    def _fetch_or_create(self, missing: dict[str, list[str]]) -> None:
        with self.engine.connect() as conn:
            conn.execution_options(**writer_options(self.engine))
            with conn.begin():
                for kind, values in missing.items():
                    if values:
                        self._fetch_or_create_kind(conn, kind, values)

    def _fetch_or_create_kind(self, conn: Connection, kind: str, values: list[str]) -> None:
        cache = self._cache[kind]
        spec = self.kinds[kind]
        column = spec.table.c[spec.column]
        self._fetch(conn, kind, values)
        absent = [v for v in values if v not in cache]
        if absent:
            # Sorted inserts: two writers always take the unique-key locks in one order.
            conn.execute(
                insert(spec.table).prefix_with(self._ignore_prefix),
                [{spec.column: value} for value in absent],
            )
            self._fetch(conn, kind, absent)
        for value in values:
            if value not in cache:
                found = conn.execute(select(spec.table.c.ID).where(column == value)).scalar()
                if found is None:
                    raise RuntimeError(f"software_{kind} has no row for {value!r} after insert")
                cache[value] = found

    def _fetch(self, conn: Connection, kind: str, values: list[str]) -> None:
        cache = self._cache[kind]
        spec = self.kinds[kind]
        column = spec.table.c[spec.column]
        for chunk in batches(values, _CHUNK):
            for row_id, value in conn.execute(
                select(spec.table.c.ID, column).where(column.in_(chunk))
            ):
                cache[value] = row_id
