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

from sqlalchemy import Connection, Engine, Insert, Select, Table, bindparam, insert, select

from ocs_desktop.common.batches import batches
from ocs_desktop.common.retry import retry_transient, writer_transaction
from ocs_desktop.models import Base

_CHUNK = 500
_CACHE_LIMIT = 250_000
UNAVAILABLE_ID = 1  # software_publisher / software_version row 1 = 'Unavailable'


@dataclass(frozen=True, slots=True)
class _Kind:
    table: Table
    column: str
    #: Built once: building a statement costs as much CPU as running it.
    fetch: Select
    """The ids of the values bound as ``:values``."""
    create: Insert
    """Inserts the values not stored yet, the others left alone."""


def _kind(table: Table, column: str, ignore: str) -> _Kind:
    values = table.c[column]
    fetch = select(table.c.ID, values).where(values.in_(bindparam("values", expanding=True)))
    return _Kind(table, column, fetch, insert(table).prefix_with(ignore))


class SoftwareDictionary:
    """Process-wide id cache for the three software dictionary tables."""

    def __init__(self, engine: Engine) -> None:
        tables = Base.metadata.tables
        self.engine = engine
        ignore = "OR IGNORE" if engine.dialect.name == "sqlite" else "IGNORE"
        self.kinds = {
            "name": _kind(tables["software_name"], "NAME", ignore),
            "publisher": _kind(tables["software_publisher"], "PUBLISHER", ignore),
            "version": _kind(tables["software_version"], "VERSION", ignore),
        }
        self._cache: dict[str, dict[str, int]] = {kind: {} for kind in self.kinds}

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
        found: dict[str, dict[str, int]] = {kind: {} for kind in missing}
        with self.engine.connect() as conn, writer_transaction(conn):
            for kind, values in missing.items():
                if values:
                    self._fetch_or_create_kind(conn, kind, values, found[kind])
        # Cached once committed, not before: the id of a row whose transaction then failed
        # (a deadlock, retried) would be handed to every later inventory, pointing at nothing.
        for kind, ids in found.items():
            self._cache[kind].update(ids)

    def _fetch_or_create_kind(
        self, conn: Connection, kind: str, values: list[str], found: dict[str, int]
    ) -> None:
        spec = self.kinds[kind]
        column = spec.table.c[spec.column]
        self._fetch(conn, kind, values, found)
        absent = [v for v in values if v not in found]
        if absent:
            # Sorted inserts: two writers always take the unique-key locks in one order.
            conn.execute(spec.create, [{spec.column: value} for value in absent])
            self._fetch(conn, kind, absent, found)
        for value in values:
            if value not in found:
                twin = conn.execute(select(spec.table.c.ID).where(column == value)).scalar()
                if twin is None:
                    raise RuntimeError(f"software_{kind} has no row for {value!r} after insert")
                found[value] = twin

    def _fetch(self, conn: Connection, kind: str, values: list[str], found: dict[str, int]) -> None:
        fetch = self.kinds[kind].fetch
        for chunk in batches(values, _CHUNK):
            for row_id, value in conn.execute(fetch, {"values": chunk}):
                found[value] = row_id
