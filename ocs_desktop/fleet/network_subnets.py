"""The subnets IP discovery knows, each with its four counts as the OCS console shows them.

PROTOCOL.md 4.5 (ocsreports ``ms_ipdiscover.php``), per network NETID:

- **inventoried**: distinct machines with a ``networks`` row ``IPSUBNET = NETID`` and
  ``STATUS = 'Up'``;
- **non-inventoried**: ``netmap`` MACs of that NETID found neither in ``networks.MACADDR``
  (any machine) nor in ``network_devices.MACADDR``: what an administrator hunts for;
- **identified**: ``netmap`` MACs of that NETID present in ``network_devices``;
- **elected**: machines with ``devices`` NAME ``IPDISCOVER``, IVALUE 1 or 2, TVALUE NETID.

With ``IPDISCOVER_LINK_TAG_NETWORK`` on, a network is a (NETID, TAG) pair: ``netmap`` rows
by their TAG, machines by their ``accountinfo`` TAG. MACs compare in any case, as the
reference's MariaDB collation does (agents send them in either case). A subnet is listed
when it has ``netmap`` entries, an elected machine or a ``subnet`` row (its name, mask).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, exists, func, null, select
from sqlalchemy.sql import ColumnElement

from ocs_desktop.db.options import load_options
from ocs_desktop.models import Base

T = Base.metadata.tables
NETMAP = T["netmap"]
NETWORKS = T["networks"]
NETWORK_DEVICES = T["network_devices"]
DEVICES = T["devices"]
ACCOUNTINFO = T["accountinfo"]
HARDWARE = T["hardware"]
SUBNET = T["subnet"]

#: ``devices`` IVALUEs of an elected machine: 1 elected by the server, 2 forced.
ELECTED_IVALUES = (1, 2)

#: A network: its NETID and, with TAG-link, the TAG ("" for none).
Key = tuple[str, str]


@dataclass(frozen=True)
class SubnetSummary:
    """One line of the Network page's subnets table."""

    netid: str
    tag: str | None
    name: str | None
    mask: str | None
    inventoried: int = 0
    non_inventoried: int = 0
    identified: int = 0
    elected: int = 0


def link_tag(conn: Connection) -> bool:
    """Whether networks are counted per TAG (``IPDISCOVER_LINK_TAG_NETWORK``)."""
    return load_options(conn).ivalue("IPDISCOVER_LINK_TAG_NETWORK", 0) != 0


def known_mac(mac: ColumnElement[str]) -> ColumnElement[bool]:
    """``mac`` (any case) belongs to an inventoried machine's interface."""
    return exists().where(func.lower(NETWORKS.c.MACADDR) == func.lower(mac))


def identified_mac(mac: ColumnElement[str]) -> ColumnElement[bool]:
    """``mac`` (any case) is an operator-identified device."""
    return exists().where(func.lower(NETWORK_DEVICES.c.MACADDR) == func.lower(mac))


def _tag(value: object) -> str:
    return "" if value is None else str(value)


def _counts(conn: Connection, query: object, linked: bool) -> dict[Key, int]:
    result: dict[Key, int] = {}
    for netid, tag, count in conn.execute(query):  # type: ignore[call-overload]
        key = (str(netid), _tag(tag) if linked else "")
        result[key] = result.get(key, 0) + int(count)
    return result


def subnet_summaries(conn: Connection, netids: Iterable[str] | None = None) -> list[SubnetSummary]:
    """Every subnet (or those of ``netids``) with its name, mask and four counts,
    ordered by NETID then TAG."""
    linked = link_tag(conn)
    wanted = list(netids) if netids is not None else None

    def only(column: ColumnElement[str | None]) -> list[ColumnElement[bool]]:
        return [column.in_(wanted)] if wanted is not None else []

    def by_tag(column: ColumnElement[str | None]) -> ColumnElement[Any]:
        return column if linked else null()

    def grouped(column: ColumnElement[str | None], tag: ColumnElement[str | None]) -> list[Any]:
        return [column, tag] if linked else [column]

    nm_tag = by_tag(NETMAP.c.TAG)
    netmap_group = grouped(NETMAP.c.NETID, NETMAP.c.TAG)

    non_inventoried = _counts(
        conn,
        select(NETMAP.c.NETID, nm_tag, func.count(NETMAP.c.MAC.distinct()))
        .where(~known_mac(NETMAP.c.MAC), ~identified_mac(NETMAP.c.MAC), *only(NETMAP.c.NETID))
        .group_by(*netmap_group),
        linked,
    )
    identified = _counts(
        conn,
        select(NETMAP.c.NETID, nm_tag, func.count(NETMAP.c.MAC.distinct()))
        .where(identified_mac(NETMAP.c.MAC), *only(NETMAP.c.NETID))
        .group_by(*netmap_group),
        linked,
    )
    seen = _counts(
        conn,
        select(NETMAP.c.NETID, nm_tag, func.count())
        .where(*only(NETMAP.c.NETID))
        .group_by(*netmap_group),
        linked,
    )
    ai_tag = ACCOUNTINFO.c.TAG
    inventoried = _counts(
        conn,
        select(NETWORKS.c.IPSUBNET, by_tag(ai_tag), func.count(HARDWARE.c.ID.distinct()))
        .join(HARDWARE, HARDWARE.c.ID == NETWORKS.c.HARDWARE_ID)
        .outerjoin(ACCOUNTINFO, ACCOUNTINFO.c.HARDWARE_ID == HARDWARE.c.ID)
        .where(
            NETWORKS.c.STATUS == "Up", NETWORKS.c.IPSUBNET.is_not(None), *only(NETWORKS.c.IPSUBNET)
        )
        .group_by(*grouped(NETWORKS.c.IPSUBNET, ai_tag)),
        linked,
    )
    elected = _counts(
        conn,
        select(DEVICES.c.TVALUE, by_tag(ai_tag), func.count(DEVICES.c.HARDWARE_ID.distinct()))
        .outerjoin(ACCOUNTINFO, ACCOUNTINFO.c.HARDWARE_ID == DEVICES.c.HARDWARE_ID)
        .where(
            DEVICES.c.NAME == "IPDISCOVER",
            DEVICES.c.IVALUE.in_(ELECTED_IVALUES),
            DEVICES.c.TVALUE.is_not(None),
            *only(DEVICES.c.TVALUE),
        )
        .group_by(*grouped(DEVICES.c.TVALUE, ai_tag)),
        linked,
    )
    labels = _labels(conn, linked, wanted)
    masks = _netmap_masks(conn, wanted)
    keys = set(seen) | set(elected) | set(labels)
    rows = []
    for key in sorted(keys):
        netid, tag = key
        name, mask = labels.get(key, (None, None))
        rows.append(
            SubnetSummary(
                netid=netid,
                tag=(tag or None) if linked else None,
                name=name,
                mask=mask or masks.get(netid),
                inventoried=inventoried.get(key, 0),
                non_inventoried=non_inventoried.get(key, 0),
                identified=identified.get(key, 0),
                elected=elected.get(key, 0),
            )
        )
    return rows


def _labels(
    conn: Connection, linked: bool, wanted: list[str] | None
) -> dict[Key, tuple[str | None, str | None]]:
    """``subnet`` NAME and MASK per network (the first row when several name one)."""
    query = select(SUBNET.c.NETID, SUBNET.c.TAG, SUBNET.c.NAME, SUBNET.c.MASK).order_by(SUBNET.c.PK)
    if wanted is not None:
        query = query.where(SUBNET.c.NETID.in_(wanted))
    labels: dict[Key, tuple[str | None, str | None]] = {}
    for netid, tag, name, mask in conn.execute(query):
        labels.setdefault((str(netid), _tag(tag) if linked else ""), (name, mask))
    return labels


def _netmap_masks(conn: Connection, wanted: list[str] | None) -> dict[str, str]:
    """The mask the scanners reported per NETID (the most frequent one)."""
    query = select(NETMAP.c.NETID, NETMAP.c.MASK, func.count()).group_by(
        NETMAP.c.NETID, NETMAP.c.MASK
    )
    if wanted is not None:
        query = query.where(NETMAP.c.NETID.in_(wanted))
    best: dict[str, tuple[int, str]] = defaultdict(lambda: (0, ""))
    for netid, mask, count in conn.execute(query):
        if mask and int(count) > best[str(netid)][0]:
            best[str(netid)] = (int(count), str(mask))
    return {netid: mask for netid, (_, mask) in best.items()}


def netmap_tag_filter(tag: str | None, linked: bool) -> list[ColumnElement[bool]]:
    """The ``netmap`` condition of one network's TAG (nothing unless TAG-link)."""
    if not linked:
        return []
    if not tag:
        return [func.coalesce(NETMAP.c.TAG, "") == ""]
    return [NETMAP.c.TAG == tag]
