"""The software row map: which ``software.ID`` holds which element a machine last sent.

A next-day inventory repeats ~890 of its 900 software elements byte for byte. Knowing the
row each element became, the Ingestor inserts the new elements, deletes the rows no element
claims any more, and never reads back, shapes or compares the others: that read and that
shaping were most of a changed inventory's cost.

A map is kept per machine in ``ocsdesktop_software_rowmap`` with the SOFTWARES digest it
was written with. It is used only while the machine's trusted digests (see :mod:`digests`)
still carry that digest, so a map is never applied to rows another writer changed; and the
Ingestor checks the row counts after applying it and falls back to the full comparison of
:mod:`rows` if they disagree. Every write of a machine's software rewrites or drops its map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select
from sqlalchemy.sql.dml import Insert

from ocs_desktop.db.upsert import upsert
from ocs_desktop.inventory.rows import claim, identity
from ocs_desktop.models.extensions import software_rowmap
from ocs_desktop.protocol.document import ELEMENT_KEY_BYTES


@dataclass(frozen=True, slots=True)
class Match:
    """The sent elements against the stored map."""

    kept: list[tuple[str, int]]
    """(element key, row id) of the elements whose row is already stored."""
    new: list[int]
    """Indexes of the elements to shape and insert."""
    stale: list[int]
    """Row ids that no sent element claims: to delete."""
    last_id: int
    """The highest row id of the machine: rows inserted now get higher ones."""


def match(pairs: Sequence[tuple[str, int]], keys: Sequence[str]) -> Match:
    """Pair the sent element ``keys`` with the stored ``pairs`` (a multiset: one package
    may be listed twice, and then holds two rows)."""
    ids: defaultdict[object, list[int]] = defaultdict(list)
    for key, row_id in pairs:
        ids[key].append(row_id)
    claimed = claim(ids, identity, keys)
    kept = [(key, row_id) for key, row_id in zip(keys, claimed, strict=True) if row_id is not None]
    new = [index for index, row_id in enumerate(claimed) if row_id is None]
    stale = [row_id for held in ids.values() for row_id in held]
    return Match(kept, new, stale, max((row_id for _, row_id in pairs), default=0))


#: Characters of an element key (hexadecimal).
KEY_WIDTH = 2 * ELEMENT_KEY_BYTES


def encode(pairs: Sequence[tuple[str, int]]) -> str:
    """Keys (fixed width) on the first line, ids on the second: 25 bytes a package."""
    return "".join(key for key, _ in pairs) + "\n" + ",".join(str(row_id) for _, row_id in pairs)


def decode(text: str) -> list[tuple[str, int]] | None:
    """The pairs of :func:`encode`, or None for text that is not such a map."""
    keys, _, ids = text.partition("\n")
    try:
        numbers = [int(row_id) for row_id in ids.split(",")] if ids else []
    except ValueError:
        return None
    if len(keys) != KEY_WIDTH * len(numbers):
        return None
    return [
        (keys[index * KEY_WIDTH : (index + 1) * KEY_WIDTH], row_id)
        for index, row_id in enumerate(numbers)
    ]


def load(conn: Connection, hardware_id: int, digest: str | None) -> list[tuple[str, int]] | None:
    """The machine's map, if it was written with the SOFTWARES ``digest`` still trusted."""
    if digest is None:
        return None
    table = software_rowmap
    row = conn.execute(
        select(table.c.DIGEST, table.c.ROWMAP).where(table.c.HARDWARE_ID == hardware_id)
    ).first()
    if row is None or row.DIGEST != digest:
        return None
    return decode(row.ROWMAP)


def save(conn: Connection, hardware_id: int, digest: str, pairs: Sequence[tuple[str, int]]) -> None:
    """Store the machine's map in the caller's transaction."""
    statement = _SAVE.get(conn.dialect.name)
    if statement is None:  # built once per dialect: building costs as much as running
        statement = _SAVE[conn.dialect.name] = upsert(
            conn.dialect, software_rowmap, lambda new: {"DIGEST": new.DIGEST, "ROWMAP": new.ROWMAP}
        )
    conn.execute(statement, {"HARDWARE_ID": hardware_id, "DIGEST": digest, "ROWMAP": encode(pairs)})


#: :func:`save`'s statement, by dialect name.
_SAVE: dict[str, Insert] = {}


def forget(conn: Connection, hardware_id: int) -> None:
    """Drop the machine's map: its rows were written in a way the map cannot follow."""
    table = software_rowmap
    conn.execute(delete(table).where(table.c.HARDWARE_ID == hardware_id))
