"""IP discovery after each inventory (PROTOCOL.md 4.2, 4.3): store the scan, hold the election.

The Ingestor's writer for the ``IPDISCOVER`` section and the ``devices`` row IPDISCOVER
(IVALUE 1 elected, 2 forced by an operator, 0 kept out; TVALUE the subnet). An elected
machine's scan results go to ``netmap`` (:mod:`ipdiscover_results`), then it loses its
election if it sent no scan, its subnet has too many elected or is blacklisted (never
when forced). A machine not elected may be elected on one of its subnets, or replace a
worse one there. The decisions are :mod:`ipdiscover_rules`; this module reads and writes.
The order to scan reaches the agent with its next prolog (``server.ipdiscover_option``).

Concurrency: two inventories of one subnet deciding at once could both see a free place
and leave more than ``IPDISCOVER`` elected. On MariaDB each takes a named lock per subnet
it may touch (sorted, after every other lock of the inventory, so no circle) and holds it
to the commit; the transaction reads READ COMMITTED, so the next holder sees the election
just made. Only a machine that would change an election waits: the decision is made once
without the locks (most find their subnets full) and again under them. SQLite has one
writer at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    bindparam,
    delete,
    insert,
    inspect,
    select,
    update,
)

from ocs_desktop.db.named_locks import acquire, subnet_lock_name
from ocs_desktop.inventory.ipdiscover_results import Scan, store_results
from ocs_desktop.inventory.ipdiscover_rules import (
    ELECTED,
    FORCED,
    Choice,
    Elect,
    Elected,
    Interface,
    Replace,
    Settings,
    blacklisted,
    candidate_interfaces,
    choose,
    drop_reason,
    is_local,
    qualifies,
    vetoed,
    warmed_up,
)
from ocs_desktop.inventory.writing import Machine
from ocs_desktop.models import AccountInfo, Base, BlacklistSubnet, Device, Hardware, Network

log = logging.getLogger(__name__)

IPDISCOVER = "IPDISCOVER"


@dataclass(frozen=True, slots=True)
class _Own:
    """The machine's own ``devices`` IPDISCOVER row."""

    id: int
    ivalue: int | None
    tvalue: str | None


class IpdiscoverElection:
    """The Ingestor's writer storing scan results and holding the subnet elections."""

    digested: tuple[str, ...] = ()

    def __init__(self, engine: Engine, *, is_mysql: bool, bmp_only: bool) -> None:
        self._is_mysql = is_mysql
        self._bmp_only = bmp_only
        self.netmap = _present_table(engine, "netmap")

    def refresh(self) -> None:
        """Nothing cached: the options come with the machine, the rest is read in place."""

    def write(self, machine: Machine) -> None:
        settings = Settings.from_options(machine.options)
        useragent = machine.useragent
        if settings.maximum <= 0 or is_local(useragent):
            return
        conn, me = machine.conn, machine.hardware_id
        own = _own_row(conn, me)
        if own is not None and own.ivalue == 0:
            return
        if settings.use_groups and vetoed(_group_ivalues(conn, me), settings):
            return
        networks = _networks(machine)
        if own is not None and own.tvalue:
            self._as_elected(machine, own, own.tvalue, networks, settings)
            return
        if not qualifies(useragent):
            return
        fidelity, quality = _fidelity_quality(conn, me)
        if not warmed_up(fidelity, quality, settings):
            return
        interfaces = candidate_interfaces(networks)
        if not interfaces:
            return
        # Most inventories find their subnets full and nobody to replace: decided without
        # waiting. A change is decided again under the subnets' locks, on what is committed.
        choice = _decide(conn, me, interfaces, quality, settings)
        if choice is None:
            return
        if self._is_mysql:
            self._lock(machine, [interface.subnet for interface in interfaces])
            choice = _decide(conn, me, interfaces, quality, settings)
        if isinstance(choice, Elect):
            _elect(conn, me, own, choice.subnet)
            log.info(
                "machine %s (ID %d) elected to scan %s",
                machine.inventory.deviceid,
                me,
                choice.subnet,
            )
        elif isinstance(choice, Replace):
            _replace(conn, me, choice)
            log.info(
                "machine %s (ID %d) replaces machine %d scanning %s: %s",
                machine.inventory.deviceid,
                me,
                choice.replaced,
                choice.subnet,
                choice.why,
            )

    # -- an elected machine -------------------------------------------------------------
    def _as_elected(
        self,
        machine: Machine,
        own: _Own,
        subnet: str,
        networks: Sequence[Mapping[str, str | None]],
        settings: Settings,
    ) -> None:
        """Store its scan, then keep or drop its election (PROTOCOL.md 4.2 step 2)."""
        conn, me, inventory = machine.conn, machine.hardware_id, machine.inventory
        self._lock(machine, [subnet])
        mask = _mask_of(networks, subnet)
        tag = _tag(conn, me) if settings.link_tag else None
        if inventory.ipdiscover and self.netmap is not None:
            scan = Scan(inventory.deviceid, me, subnet, mask, tag)
            stored = store_results(
                conn, self.netmap, scan, inventory.ipdiscover, bmp_only=self._bmp_only
            )
            log.debug(
                "machine %s: %d IPDISCOVER entries stored for %s, %d dropped",
                inventory.deviceid,
                stored.stored,
                subnet,
                stored.dropped,
            )
        if own.ivalue == FORCED:
            return
        hosts = _elected_hosts(conn, [subnet]).get(subnet, [])
        if settings.link_tag:
            hosts = [host for host in hosts if host.tag == tag]
        reason = drop_reason(
            forced=False,
            section_sent=IPDISCOVER in inventory.present_sections,
            elected_count=len(hosts),
            is_blacklisted=blacklisted(subnet, mask or None, _blacklist(conn)),
            maximum=settings.maximum,
        )
        if reason is not None:
            conn.execute(delete(Device).where(Device.ID == own.id))
            log.info(
                "machine %s (ID %d) no longer scans %s: %s",
                inventory.deviceid,
                me,
                subnet,
                reason,
            )

    def _lock(self, machine: Machine, subnets: Iterable[str]) -> None:
        """MariaDB: take the subnets' named locks, sorted, held to the commit."""
        if not self._is_mysql:
            return
        for subnet in sorted(set(subnets)):
            acquire(
                machine.conn,
                subnet_lock_name(subnet),
                machine.held,
                f"the IP discovery election of {subnet}",
            )


# -- reads ------------------------------------------------------------------------------
def _present_table(engine: Engine, name: str) -> Table | None:
    """The mapped table reduced to the columns this database has (netmap.HARDWARE_ID is
    OCS 2.9's); None when the table is missing."""
    mapped = Base.metadata.tables[name]
    inspector = inspect(engine)
    if not inspector.has_table(name):
        return None
    found = {column["name"] for column in inspector.get_columns(name)}
    columns = [
        Column(column.name, column.type, primary_key=column.primary_key)
        for column in mapped.columns
        if column.name in found
    ]
    return Table(name, MetaData(), *columns)


#: Built once, as the two below: building a statement costs as much CPU as running it.
_OWN_ROW = (
    select(Device.ID, Device.IVALUE, Device.TVALUE)
    .where(Device.HARDWARE_ID == bindparam("me"), Device.NAME == IPDISCOVER)
    .order_by(Device.ID)
    .limit(1)
)
_GROUPS_CACHE = Base.metadata.tables["groups_cache"]
_GROUP_IVALUES = (
    select(Device.IVALUE)
    .join(_GROUPS_CACHE, _GROUPS_CACHE.c.GROUP_ID == Device.HARDWARE_ID)
    .where(
        _GROUPS_CACHE.c.HARDWARE_ID == bindparam("me"),
        _GROUPS_CACHE.c.STATIC.in_((0, 1)),
        Device.NAME == IPDISCOVER,
    )
)
_FIDELITY_QUALITY = select(Hardware.FIDELITY, Hardware.QUALITY).where(
    Hardware.ID == bindparam("me")
)


def _own_row(conn: Connection, me: int) -> _Own | None:
    row = conn.execute(_OWN_ROW, {"me": me}).first()
    if row is None:
        return None
    return _Own(int(row.ID), row.IVALUE, (row.TVALUE or "").strip() or None)


def _group_ivalues(conn: Connection, me: int) -> list[int | None]:
    """IPDISCOVER IVALUEs of the machine's groups (dynamic or static include)."""
    return list(conn.execute(_GROUP_IVALUES, {"me": me}).scalars())


def _networks(machine: Machine) -> Sequence[Mapping[str, str | None]]:
    """The interfaces as sent, or as stored when this inventory did not send them."""
    inventory = machine.inventory
    if "NETWORKS" in inventory.present_sections:
        return inventory.sections.get("NETWORKS", [])
    rows = machine.conn.execute(
        select(Network.DESCRIPTION, Network.STATUS, Network.IPMASK, Network.IPSUBNET)
        .where(Network.HARDWARE_ID == machine.hardware_id)
        .order_by(Network.ID)
    ).all()
    return [dict(row._mapping) for row in rows]


def _mask_of(networks: Sequence[Mapping[str, str | None]], subnet: str) -> str:
    for row in networks:
        if row.get("IPSUBNET") == subnet and row.get("IPMASK"):
            return row["IPMASK"] or ""
    return ""


def _fidelity_quality(conn: Connection, me: int) -> tuple[int, float]:
    row = conn.execute(_FIDELITY_QUALITY, {"me": me}).one()
    return int(row.FIDELITY or 0), float(row.QUALITY or 0)


def _tag(conn: Connection, me: int) -> str | None:
    return conn.execute(select(AccountInfo.TAG).where(AccountInfo.HARDWARE_ID == me)).scalar()


def _blacklist(conn: Connection) -> list[tuple[str | None, str | None]]:
    rows = conn.execute(select(BlacklistSubnet.SUBNET, BlacklistSubnet.MASK)).all()
    return [(row.SUBNET, row.MASK) for row in rows]


def _elected_hosts(conn: Connection, subnets: Sequence[str]) -> dict[str, list[Elected]]:
    """The machines elected (or forced) on these subnets, by subnet."""
    found: dict[str, list[Elected]] = {}
    if not subnets:
        return found
    rows = conn.execute(
        select(
            Device.TVALUE,
            Device.HARDWARE_ID,
            Device.IVALUE,
            Hardware.LASTDATE,
            Hardware.QUALITY,
            AccountInfo.TAG,
        )
        .join(Hardware, Hardware.ID == Device.HARDWARE_ID)
        .outerjoin(AccountInfo, AccountInfo.HARDWARE_ID == Device.HARDWARE_ID)
        .where(
            Device.NAME == IPDISCOVER,
            Device.TVALUE.in_(sorted(set(subnets))),
            Device.IVALUE.in_((ELECTED, FORCED)),
        )
        .order_by(Device.ID)
    ).all()
    for row in rows:
        found.setdefault(row.TVALUE, []).append(
            Elected(
                int(row.HARDWARE_ID),
                row.IVALUE == FORCED,
                row.LASTDATE,
                float(row.QUALITY or 0),
                row.TAG,
            )
        )
    return found


def _decide(
    conn: Connection,
    me: int,
    interfaces: Sequence[Interface],
    quality: float,
    settings: Settings,
) -> Choice:
    """Where the machine goes given the blacklist and the elections as they are now."""
    blacklist = _blacklist(conn)
    interfaces = [i for i in interfaces if not blacklisted(i.subnet, i.mask, blacklist)]
    tag = _tag(conn, me) if settings.link_tag else None
    hosts = _elected_hosts(conn, [i.subnet for i in interfaces])

    def elected(subnet: str) -> Sequence[Elected]:
        found = hosts.get(subnet, [])
        return [h for h in found if h.tag == tag] if settings.link_tag else found

    return choose(interfaces, elected, quality=quality, settings=settings, now=dt.datetime.now())


# -- writes -----------------------------------------------------------------------------
def _elect(conn: Connection, me: int, own: _Own | None, subnet: str) -> None:
    if own is not None:  # a row without a subnet (an operator's): it becomes the election
        conn.execute(
            update(Device).where(Device.ID == own.id).values(IVALUE=ELECTED, TVALUE=subnet)
        )
        return
    conn.execute(
        insert(Device).values(
            HARDWARE_ID=me, NAME=IPDISCOVER, IVALUE=ELECTED, TVALUE=subnet, COMMENTS=""
        )
    )


def _replace(conn: Connection, me: int, choice: Replace) -> None:
    conn.execute(delete(Device).where(Device.HARDWARE_ID == me, Device.NAME == IPDISCOVER))
    conn.execute(
        update(Device)
        .where(
            Device.HARDWARE_ID == choice.replaced,
            Device.NAME == IPDISCOVER,
            Device.TVALUE == choice.subnet,
            Device.IVALUE == ELECTED,
        )
        .values(HARDWARE_ID=me)
    )
