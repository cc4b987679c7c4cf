"""The one interface between the Ingestor and its writers, one writer per section family.

The Ingestor (:mod:`ingest`) prepares an inventory, opens the transaction, writes the
``hardware`` row and keeps the digests; everything else is a writer's. Each writer sees
the machine through :class:`Machine` and says how it brought each section up to date
(:class:`WritePath`), so a new family (IP discovery, duplicate merging) is one module and
one entry in the Ingestor's tuple, and tests read the path taken from the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from sqlalchemy import Connection

from ocs_desktop.db.options import Options
from ocs_desktop.inventory.digests import EMPTY_DIGEST
from ocs_desktop.inventory.rows import RowChanges
from ocs_desktop.protocol.document import Inventory


class WritePath(StrEnum):
    """How a section was brought to what the agent sent."""

    SKIPPED = "skipped"
    """Its stored digest matched what was sent: nothing read, shaped or written."""
    WRITTEN = "written"
    """Written whole without reading the stored rows (a new machine's, the download history)."""
    COMPARE = "compare"
    """Compared with all the stored rows; only the difference written."""
    ROW_MAP = "row_map"
    """Software by its row map: the new elements inserted, the unclaimed rows deleted."""


@dataclass(slots=True)
class Prepared:
    """An inventory's hardware values and section digests; its sections are shaped on
    demand (and kept, for a retried transaction), since unchanged ones are never shaped."""

    hardware: dict[str, object]
    digests: dict[str, str]
    shaped: dict[str, list[tuple]] = field(default_factory=dict)
    #: Software rows shaped so far, by element index; None for an element that gives none.
    software: dict[int, tuple | None] = field(default_factory=dict)
    #: Software elements shaped, and those of them without a name (no row).
    shaped_software: int = 0
    skipped_software: int = 0


@dataclass(slots=True)
class Machine:
    """One machine in its inventory's transaction, as the writers see it and report to it."""

    conn: Connection
    inventory: Inventory
    prepared: Prepared
    hardware_id: int
    created: bool
    #: The agent's CHECKSUM when INVENTORY_DIFF lets it say which sections changed.
    checksum: int | None
    options: Options
    #: Whether this database keeps digests and row maps (our extension tables).
    keeps_digests: bool
    #: The digests stored with the rows, if still trusted.
    stored: dict[str, str]
    #: What the rows will match after the transaction: updated for each section written.
    digests: dict[str, str]
    changes: dict[str, RowChanges] = field(default_factory=dict)
    paths: dict[str, WritePath] = field(default_factory=dict)
    account_update: tuple[tuple[str, str], ...] | None = None
    #: The machines merged into this one as its duplicates (deleted).
    merged: list[int] = field(default_factory=list)
    #: The User-Agent of the request (None for an offline import).
    useragent: str | None = None
    #: MariaDB named locks taken in the transaction, released by the Ingestor after the commit.
    held: list[str] = field(default_factory=list)

    def write_section(
        self, section: str, write: Callable[[], tuple[RowChanges, WritePath]]
    ) -> None:
        """Skip a section whose stored digest matches what was sent, else ``write`` it and
        note its new digest. A section flagged as changed but not sent is written empty:
        the digest of no rows."""
        sent = self.prepared.digests.get(section, EMPTY_DIGEST)
        if self.stored.get(section) == sent:
            # Counted without reading them: the elements sent.
            self.changes[section] = RowChanges(0, 0, self.inventory.sections.sent(section))
            self.paths[section] = WritePath.SKIPPED
            return
        self.changes[section], self.paths[section] = write()
        self.digests[section] = sent


class Writer(Protocol):
    """A family of sections, written into a machine in its inventory's transaction."""

    #: The sections whose digests this writer keeps, so unchanged ones are skipped.
    digested: tuple[str, ...]

    def refresh(self) -> None:
        """Re-read what may change while the process runs (the Ingestor's periodic refresh)."""

    def write(self, machine: Machine) -> None:
        """Bring the family's rows to what was sent; report into ``machine``."""
