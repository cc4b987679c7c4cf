"""Tables of our own, kept beside the OCS schema in the same database.

They live on their own ``MetaData``, not ``Base.metadata``: a real OCS database has none
of them, and ``db check`` must not call it broken for that. ``init_database`` creates them
with the OCS tables; ``software_summary.ensure_summary`` adds them to an existing OCS
database. The OCS server and console never read them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    DDL,
    BigInteger,
    Column,
    DateTime,
    Double,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    event,
)

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

#: Duplicate sets an operator said are not duplicates ("These are not duplicates"), by
#: criterion and matching value (``SET_KEY``, a digest). ``SIGNATURE`` digests the set as
#: it was then (its machines and their identifying values): the set stays hidden while
#: it still matches, and shows again once its data changes.
duplicate_ignored = Table(
    "ocsdesktop_duplicate_ignored",
    EXTENSION_METADATA,
    Column("CRITERION", String(32), primary_key=True),
    Column("SET_KEY", String(64), primary_key=True),
    Column("SIGNATURE", String(64), nullable=False),
    Column("IGNORED_AT", DateTime, nullable=False),
    Column("IGNORED_BY", String(255)),
    **_options(),
)

#: Operator logins to the admin endpoints, counted per account (``KIND`` 'account', the
#: login) and per client (``KIND`` 'client', its address) so that password guessing is
#: locked out across workers and hosts (``server.login_throttle``). Times are Unix seconds;
#: ``LOCKED_UNTIL`` is 0 while not locked. The server creates the table on first use.
login_throttle = Table(
    "ocsdesktop_login_throttle",
    EXTENSION_METADATA,
    Column("KIND", String(16), primary_key=True),
    Column("SUBJECT", String(255), primary_key=True),
    Column("FAILURES", Integer, nullable=False),
    Column("FIRST_AT", Double, nullable=False),
    Column("LOCKED_UNTIL", Double, nullable=False),
    **_options(),
)

#: Automated tagging rules (``db.tag_rules``): ordered by ``POSITION``; each sets one
#: ``accountinfo`` column (``TARGET``) to ``VALUE`` on the machines its ``KIND`` and
#: ``PATTERN`` match. The first enabled matching rule per target wins. TAG is the location
#: the agent sent, so a rule may set it only with ``OVERWRITE_AGENT_TAG``.
tag_rules = Table(
    "ocsdesktop_tag_rules",
    EXTENSION_METADATA,
    Column("ID", Integer, primary_key=True, autoincrement=True),
    Column("POSITION", Integer, nullable=False),
    Column("NAME", String(255), nullable=False),
    Column("KIND", String(32), nullable=False),
    Column("PATTERN", Text, nullable=False),
    Column("TARGET", String(255), nullable=False),
    Column("VALUE", Text, nullable=False),
    Column("ENABLED", Integer, nullable=False),
    Column("RUN_AFTER_INVENTORY", Integer, nullable=False),
    Column("OVERWRITE_AGENT_TAG", Integer, nullable=False),
    **_options(),
)

#: One row per applied batch of tagging rules, for "undo the last rule run".
tag_rule_runs = Table(
    "ocsdesktop_tag_rule_runs",
    EXTENSION_METADATA,
    Column("ID", Integer, primary_key=True, autoincrement=True),
    Column("APPLIED_AT", DateTime, nullable=False),
    Column("APPLIED_BY", String(255)),
    Column("CHANGES", Integer, nullable=False),
    Column("UNDONE_AT", DateTime),
    **_options(),
)

#: The whole ``accountinfo`` row of each machine a run touched, as it was before (JSON,
#: every column with its type); ``HAD_ROW`` 0: the machine had none, undo deletes it.
tag_rule_backup = Table(
    "ocsdesktop_tag_rule_backup",
    EXTENSION_METADATA,
    Column("RUN_ID", Integer, primary_key=True, autoincrement=False),
    Column("HARDWARE_ID", Integer, primary_key=True, autoincrement=False),
    Column("HAD_ROW", Integer, nullable=False),
    Column("ROW_JSON", LongText),
    **_options(),
)

#: Writers' locks on a cluster (``db.named_locks``): one row per lock name (a digest of a
#: DEVICEID, identity value or subnet). A writer upserts its rows in its own transaction,
#: which holds them to its commit; on a Galera cluster two nodes writing one row conflict
#: at certification, where ``GET_LOCK`` would have locked one node only.
writer_lock = Table(
    "ocsdesktop_writer_lock",
    EXTENSION_METADATA,
    Column("NAME", String(64), primary_key=True),
    Column("USES", Integer, nullable=False),
    **_options(),
)

#: SQLite only: each machine's IPv4 addresses as 32-bit numbers, so the machines list sorts
#: by IP through an index (0.1 ms for a first page at 100,000 machines instead of a 180 ms
#: scan and sort). Triggers on ``hardware`` keep it (``db.console_indexes``), so every
#: writer, ours or not, leaves it right. An index on the expression itself would do, but
#: SQLAlchemy cannot reflect expression indexes and warns on each ``get_indexes``. MySQL
#: sorts by ``INET_ATON`` over a covering index instead and leaves this table empty.
ip_order = Table(
    "ocsdesktop_ip_order",
    EXTENSION_METADATA,
    Column("HARDWARE_ID", Integer, primary_key=True, autoincrement=False),
    Column("IPADDR_NUM", BigInteger),
    Column("IPSRC_NUM", BigInteger),
    Index("ocsdesktop_ip_order_ipaddr", "IPADDR_NUM", "HARDWARE_ID"),
    Index("ocsdesktop_ip_order_ipsrc", "IPSRC_NUM", "HARDWARE_ID"),
    **_options(),
)
#: The triggers on ``hardware`` that keep ``ocsdesktop_ip_order`` (``db.console_indexes``).
IP_ORDER_TRIGGERS = (
    "ocsdesktop_ip_order_insert",
    "ocsdesktop_ip_order_update",
    "ocsdesktop_ip_order_delete",
)
# They go with the table: left behind, they would fail every write to hardware.
for _trigger in IP_ORDER_TRIGGERS:
    event.listen(
        ip_order,
        "before_drop",
        DDL(f'DROP TRIGGER IF EXISTS "{_trigger}"').execute_if(dialect="sqlite"),
    )
