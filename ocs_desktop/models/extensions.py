"""Tables of our own, kept beside the OCS schema in the same database.

They live on their own ``MetaData``, not ``Base.metadata``: a real OCS database has none
of them, and ``db check`` must not call it broken for that. ``init_database`` creates them
with the OCS tables; ``software_summary.ensure_summary`` adds them to an existing OCS
database. The OCS server and console never read them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

from ocs_desktop.models.base import LongText, table_args

EXTENSION_METADATA = MetaData()


def _options() -> dict[str, Any]:
    """The MySQL engine and charset options ``table_args`` gives the OCS models."""
    options: dict[str, Any] = table_args()[-1]
    return options


#: Installs per (name, publisher, version): ``COUNT(*)`` of ``software`` grouped by the
#: triple, kept up to date by the Ingestor so the software view never groups 20 M rows.
#: OCS's own ``software_link`` has a ``COUNT`` but no unique key to upsert on.
software_summary = Table(
    "ocsdesktop_software_summary",
    EXTENSION_METADATA,
    Column("NAME_ID", Integer, primary_key=True, autoincrement=False),
    Column("PUBLISHER_ID", Integer, primary_key=True, autoincrement=False),
    Column("VERSION_ID", Integer, primary_key=True, autoincrement=False),
    Column("INSTALLS", Integer, nullable=False),
    # Sorting by install count pages through this index; the primary key leads with
    # NAME_ID, so joining from software_name needs no other.
    Index(
        "ocsdesktop_software_summary_installs", "INSTALLS", "NAME_ID", "PUBLISHER_ID", "VERSION_ID"
    ),
    **_options(),
)

#: Small facts about our own tables (when the summary was last rebuilt, whether it is
#: trusted), one row per key.
state = Table(
    "ocsdesktop_state",
    EXTENSION_METADATA,
    Column("KEY", String(64), primary_key=True),
    Column("VALUE", String(255)),
    **_options(),
)


#: Machines whose software rows the summary does not count yet. A first inventory adds
#: one row here instead of upserting ~900 summary entries in its own transaction (the
#: entries every new machine shares would serialise concurrent writers); folding counts
#: them in batches (``software_summary.fold_pending``) before the summary is read.
def _per_machine(name: str, *columns: Column[Any]) -> Table:
    """A table of one row per machine, keyed by ``hardware.ID`` (no foreign key, as in the
    OCS schema: the console's machine deletion clears these rows itself)."""
    key = Column("HARDWARE_ID", Integer, primary_key=True, autoincrement=False)
    return Table(name, EXTENSION_METADATA, key, *columns, **_options())


summary_pending = _per_machine("ocsdesktop_summary_pending")

#: Per machine, a digest of each inventory section as last written by our Ingestor, so a
#: re-inventory skips reading and comparing the sections that did not change. ``STAMP``
#: ties the digests to the ``hardware`` row they were written with: when another writer
#: (an OCS server) rewrites the machine, the stamp no longer matches and they are ignored.
inventory_digest = _per_machine(
    "ocsdesktop_inventory_digest",
    Column("STAMP", String(128), nullable=False),
    Column("DIGESTS", Text, nullable=False),
)

#: Per machine, which ``software.ID`` holds which software element it last sent (see
#: ``inventory.row_map``), so a next-day inventory inserts and deletes only the packages
#: that changed without reading the 900 others back. ``DIGEST`` is the SOFTWARES digest
#: the map was written with: it is used only while the trusted digests still say that.
software_rowmap = _per_machine(
    "ocsdesktop_software_rowmap",
    Column("DIGEST", String(64), nullable=False),
    Column("ROWMAP", LongText, nullable=False),
)
