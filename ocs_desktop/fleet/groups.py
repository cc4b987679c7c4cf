"""Static and dynamic machine groups, stored exactly as OCS stores them.

A group is a ``hardware`` pseudo-row (DEVICEID ``_SYSTEMGROUP_``, NAME, DESCRIPTION,
LASTDATE) plus a ``groups`` row with the same ID, and its membership is ``groups_cache``:
STATIC 0 = computed member of a dynamic group, 1 = included by hand, 2 = excluded by hand
(PROTOCOL.md 2.4). Only 0 and 1 make a machine a member. A real OCS server and console
therefore see, use and recompute the groups made here.

Where the definition lives: a dynamic group made here has REQUEST NULL (as OCS's console
leaves it; the server only falls back to XMLDEF when REQUEST is empty) and XMLDEF =
:func:`~ocs_desktop.fleet.search.ocs_xmldef`: one ``<REQUEST>`` with the literal SQL the
OCS server runs to rebuild the cache, preceded by an ``<OCSDESKTOP_SEARCH>`` element holding
our Search as JSON. The server's XML::Simple parse reads only the REQUEST list, and
ocsreports splits XMLDEF on ``<REQUEST>`` and drops whatever precedes the first one, so
both ignore the element; our JSON contains no ``<``, ``>`` or ``&`` so no entity decoding can
turn it into markup. If OCS's console later rewrites the group, the element disappears and
the group reads as one defined by OCS (``search`` None): listed, shown, not recomputable
here. A static group has REQUEST NULL and XMLDEF '' (OCS's "no request" test).

Cache age follows the server: rebuilding sets CREATE_TIME = now and REVALIDATE_FROM = now
plus a random offset below ``GROUPS_CACHE_OFFSET``; the server rebuilds a group again once
``now - REVALIDATE_FROM > GROUPS_CACHE_REVALIDATE``. :attr:`GroupInfo.cache_time` is
CREATE_TIME, the moment the members were last computed.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.fleet.filters import ids_select, machines_only
from ocs_desktop.fleet.group_xmldef import ocs_xmldef, search_from_xmldef
from ocs_desktop.fleet.search import Search
from ocs_desktop.models import (
    AccountInfo,
    Config,
    Device,
    DownloadEnable,
    DownloadServer,
    Group,
    GroupCache,
    Hardware,
)

GROUP_DEVICEID = "_SYSTEMGROUP_"
#: groups_cache.STATIC values.
DYNAMIC, INCLUDED, EXCLUDED = 0, 1, 2
#: Default of config GROUPS_CACHE_OFFSET (seconds).
DEFAULT_CACHE_OFFSET = 43200
#: Rows per INSERT batch when writing a cache.
_BATCH = 1000

GroupKind = Literal["static", "dynamic"]


@dataclass(frozen=True)
class GroupInfo:
    """One group for the groups view; ``search`` is None for static and OCS-made groups."""

    id: int
    name: str
    description: str
    kind: GroupKind
    members: int
    cache_time: dt.datetime | None
    search: Search | None


@dataclass(frozen=True)
class GroupFilter:
    """Machines that are members of a group (cache rows STATIC 0 or 1)."""

    group_id: int
    label: str = ""

    def where(self) -> ColumnElement[bool]:
        return exists().where(
            GroupCache.GROUP_ID == self.group_id,
            GroupCache.HARDWARE_ID == Hardware.ID,
            GroupCache.STATIC.in_((DYNAMIC, INCLUDED)),
        )

    def describe(self) -> str:
        return f"group {self.label or self.group_id}"


def _is_dynamic(request: str | None, xmldef: str | None) -> bool:
    """OCS's own test: a non-blank REQUEST or XMLDEF makes a group dynamic."""
    has_request = bool(request and request.strip() and request.strip() != "NULL")
    return has_request or bool(xmldef and xmldef.strip())


def _from_unix(value: int | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value) if value else None


def list_groups(conn: Connection) -> list[GroupInfo]:
    """Every ``_SYSTEMGROUP_`` group, by name, with its member count."""
    members = (
        select(GroupCache.GROUP_ID, func.count().label("members"))
        .join(Hardware, Hardware.ID == GroupCache.HARDWARE_ID)
        .where(GroupCache.STATIC.in_((DYNAMIC, INCLUDED)), machines_only())
        .group_by(GroupCache.GROUP_ID)
        .subquery()
    )
    rows = conn.execute(
        select(
            Hardware.ID,
            Hardware.NAME,
            Hardware.DESCRIPTION,
            Group.REQUEST,
            Group.XMLDEF,
            Group.CREATE_TIME,
            func.coalesce(members.c.members, 0),
        )
        .outerjoin(Group, Group.HARDWARE_ID == Hardware.ID)
        .outerjoin(members, members.c.GROUP_ID == Hardware.ID)
        .where(Hardware.DEVICEID == GROUP_DEVICEID)
        .order_by(Hardware.NAME, Hardware.ID)
    ).all()
    groups = []
    for group_id, name, description, request, xmldef, create_time, count in rows:
        dynamic = _is_dynamic(request, xmldef)
        groups.append(
            GroupInfo(
                id=group_id,
                name=name or "",
                description=description or "",
                kind="dynamic" if dynamic else "static",
                members=int(count),
                cache_time=_from_unix(create_time) if dynamic else None,
                search=search_from_xmldef(xmldef) if dynamic else None,
            )
        )
    return groups


def _clean_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise CodedError(
            "GroupErrors", "empty-name", QT_TRANSLATE_NOOP("GroupErrors", "a group needs a name")
        )
    return cleaned


def _check_name_free(conn: Connection, name: str, exclude_id: int | None = None) -> None:
    """Names are unique among groups, ignoring case (as on OCS's MySQL collation)."""
    query = select(Hardware.ID).where(
        Hardware.DEVICEID == GROUP_DEVICEID, func.lower(Hardware.NAME) == name.lower()
    )
    if exclude_id is not None:
        query = query.where(Hardware.ID != exclude_id)
    if conn.scalar(query.limit(1)) is not None:
        raise CodedError(
            "GroupErrors",
            "taken-name",
            QT_TRANSLATE_NOOP("GroupErrors", "a group named {name!r} already exists"),
            name=name,
        )


def _insert_group(conn: Connection, name: str, description: str, xmldef: str) -> int:
    name = _clean_name(name)
    _check_name_free(conn, name)
    # The columns OCS's console sets; the rest keep their defaults.
    result = conn.execute(
        insert(Hardware).values(
            DEVICEID=GROUP_DEVICEID,
            NAME=name,
            DESCRIPTION=description,
            LASTDATE=dt.datetime.now().replace(microsecond=0),
        )
    )
    primary_key = result.inserted_primary_key
    assert primary_key is not None
    group_id = int(primary_key[0])
    conn.execute(
        insert(Group).values(
            HARDWARE_ID=group_id,
            REQUEST=None,
            XMLDEF=xmldef,
            CREATE_TIME=int(time.time()),
            REVALIDATE_FROM=0,
        )
    )
    return group_id


def create_static_group(conn: Connection, name: str, description: str = "") -> int:
    """A new empty static group; its id. ``ValueError`` if the name is taken or blank."""
    return _insert_group(conn, name, description, "")


def _xmldef_for(conn: Connection, search: Search) -> str:
    dialect = conn.dialect.name if conn.dialect.name in ("mysql", "mariadb", "sqlite") else "mysql"
    return ocs_xmldef(search, dialect)


def create_dynamic_group(conn: Connection, name: str, search: Search, description: str = "") -> int:
    """A new dynamic group defined by ``search``, its members computed at once; its id."""
    group_id = _insert_group(conn, name, description, _xmldef_for(conn, search))
    recompute_group(conn, group_id)
    return group_id


def _group_row(conn: Connection, group_id: int) -> tuple[str | None, str | None]:
    row = conn.execute(
        select(Group.REQUEST, Group.XMLDEF)
        .select_from(Hardware)
        .outerjoin(Group, Group.HARDWARE_ID == Hardware.ID)
        .where(Hardware.ID == group_id, Hardware.DEVICEID == GROUP_DEVICEID)
    ).first()
    if row is None:
        raise LookupError(f"no group with id {group_id}")
    return row[0], row[1]


def group_search(conn: Connection, group_id: int) -> Search | None:
    """The Search defining a group made here; None for static and OCS-made groups."""
    request, xmldef = _group_row(conn, group_id)
    return search_from_xmldef(xmldef) if _is_dynamic(request, xmldef) else None


def set_group_search(conn: Connection, group_id: int, search: Search) -> int:
    """Redefine a dynamic group made here and recompute it; the dynamic member count."""
    request, xmldef = _group_row(conn, group_id)
    if not _is_dynamic(request, xmldef):
        raise CodedError(
            "GroupErrors",
            "static-search",
            QT_TRANSLATE_NOOP(
                "GroupErrors", "a static group has no search; create a dynamic group instead"
            ),
        )
    conn.execute(
        update(Group)
        .where(Group.HARDWARE_ID == group_id)
        .values(REQUEST=None, XMLDEF=_xmldef_for(conn, search))
    )
    return recompute_group(conn, group_id)


def rename_group(
    conn: Connection, group_id: int, name: str, description: str | None = None
) -> None:
    """New name (and description if given). ``ValueError`` if the name is taken or blank."""
    _group_row(conn, group_id)
    name = _clean_name(name)
    _check_name_free(conn, name, exclude_id=group_id)
    values: dict[str, str] = {"NAME": name}
    if description is not None:
        values["DESCRIPTION"] = description
    conn.execute(update(Hardware).where(Hardware.ID == group_id).values(**values))


def delete_group(conn: Connection, group_id: int) -> None:
    """Remove the group and every row pointing at it, as OCS's console does.

    Its cache, its settings and package assignments in ``devices``, its accountinfo row and
    any redistribution rows, then the ``groups`` and ``hardware`` rows.
    """
    _group_row(conn, group_id)
    conn.execute(delete(GroupCache).where(GroupCache.GROUP_ID == group_id))
    conn.execute(delete(Device).where(Device.HARDWARE_ID == group_id))
    conn.execute(delete(AccountInfo).where(AccountInfo.HARDWARE_ID == group_id))
    conn.execute(delete(DownloadServer).where(DownloadServer.GROUP_ID == group_id))
    conn.execute(delete(DownloadEnable).where(DownloadEnable.GROUP_ID == group_id))
    conn.execute(delete(Group).where(Group.HARDWARE_ID == group_id))
    conn.execute(delete(Hardware).where(Hardware.ID == group_id))


def _real_machines(conn: Connection, ids: Iterable[int]) -> list[int]:
    """The given ids that are machines (not groups, not unknown), sorted."""
    wanted = sorted({int(i) for i in ids})
    found: list[int] = []
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start : start + _BATCH]
        found.extend(
            conn.scalars(select(Hardware.ID).where(Hardware.ID.in_(chunk), machines_only())).all()
        )
    return sorted(found)


def _write_rows(conn: Connection, group_id: int, ids: list[int], static: int) -> None:
    """Replace this group's rows for ``ids`` with rows of kind ``static``."""
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(
            delete(GroupCache).where(
                GroupCache.GROUP_ID == group_id, GroupCache.HARDWARE_ID.in_(chunk)
            )
        )
        conn.execute(
            insert(GroupCache),
            [{"HARDWARE_ID": i, "GROUP_ID": group_id, "STATIC": static} for i in chunk],
        )


def add_members(conn: Connection, group_id: int, ids: Iterable[int]) -> int:
    """Include machines by hand (STATIC 1, also lifting an exclusion); machines written."""
    _group_row(conn, group_id)
    machines = _real_machines(conn, ids)
    _write_rows(conn, group_id, machines, INCLUDED)
    return len(machines)


def remove_members(conn: Connection, group_id: int, ids: Iterable[int]) -> int:
    """Take machines out: deleted from a static group, excluded (STATIC 2) from a dynamic one.

    An exclusion survives recomputation, as in OCS. Returns the machines affected.
    """
    request, xmldef = _group_row(conn, group_id)
    if _is_dynamic(request, xmldef):
        machines = _real_machines(conn, ids)
        _write_rows(conn, group_id, machines, EXCLUDED)
        return len(machines)
    wanted = sorted({int(i) for i in ids})
    removed = 0
    for start in range(0, len(wanted), _BATCH):
        result = conn.execute(
            delete(GroupCache).where(
                GroupCache.GROUP_ID == group_id,
                GroupCache.HARDWARE_ID.in_(wanted[start : start + _BATCH]),
            )
        )
        removed += result.rowcount
    return removed


def clear_overrides(conn: Connection, group_id: int, ids: Iterable[int]) -> int:
    """Drop hand-made inclusions and exclusions (STATIC 1/2) of a dynamic group's machines.

    The next recomputation decides their membership again; rows removed.
    """
    _group_row(conn, group_id)
    wanted = sorted({int(i) for i in ids})
    removed = 0
    for start in range(0, len(wanted), _BATCH):
        result = conn.execute(
            delete(GroupCache).where(
                GroupCache.GROUP_ID == group_id,
                GroupCache.STATIC.in_((INCLUDED, EXCLUDED)),
                GroupCache.HARDWARE_ID.in_(wanted[start : start + _BATCH]),
            )
        )
        removed += result.rowcount
    return removed


def _cache_offset(conn: Connection) -> int:
    value = conn.scalar(select(Config.IVALUE).where(Config.NAME == "GROUPS_CACHE_OFFSET"))
    return DEFAULT_CACHE_OFFSET if value is None else max(int(value), 0)


def recompute_group(conn: Connection, group_id: int, now: dt.datetime | None = None) -> int:
    """Rebuild a dynamic group's computed members (STATIC 0) from its Search.

    Hand-made rows (STATIC 1 and 2) stay, and a machine with one gets no STATIC 0 row, as
    on the OCS server. CREATE_TIME becomes ``now`` and REVALIDATE_FROM ``now`` plus a random
    offset below GROUPS_CACHE_OFFSET, as the server sets them. The member ids are read
    first and then written (never INSERT…SELECT: MariaDB's strict mode turns a numeric cast
    of a text column into an error there). Returns the number of STATIC 0 rows.

    ``ValueError`` for a static group or a group whose definition we cannot read (made by
    OCS's console); ``LookupError`` for an unknown id.
    """
    request, xmldef = _group_row(conn, group_id)
    if not _is_dynamic(request, xmldef):
        raise CodedError(
            "GroupErrors",
            "static-recompute",
            QT_TRANSLATE_NOOP("GroupErrors", "a static group has no search to recompute"),
        )
    search = search_from_xmldef(xmldef)
    if search is None:
        raise CodedError(
            "GroupErrors",
            "ocs-defined",
            QT_TRANSLATE_NOOP(
                "GroupErrors",
                "this group was defined in OCS's web console; its members are recomputed by "
                "the OCS server, not here",
            ),
        )
    matching = set(conn.scalars(ids_select(search)).all())
    manual = set(
        conn.scalars(
            select(GroupCache.HARDWARE_ID).where(
                GroupCache.GROUP_ID == group_id, GroupCache.STATIC.in_((INCLUDED, EXCLUDED))
            )
        ).all()
    )
    members = sorted(matching - manual)
    conn.execute(
        delete(GroupCache).where(GroupCache.GROUP_ID == group_id, GroupCache.STATIC == DYNAMIC)
    )
    for start in range(0, len(members), _BATCH):
        conn.execute(
            insert(GroupCache),
            [
                {"HARDWARE_ID": i, "GROUP_ID": group_id, "STATIC": DYNAMIC}
                for i in members[start : start + _BATCH]
            ],
        )
    stamp = int((now or dt.datetime.now()).timestamp())
    offset = _cache_offset(conn)
    conn.execute(
        update(Group)
        .where(Group.HARDWARE_ID == group_id)
        .values(
            CREATE_TIME=stamp,
            REVALIDATE_FROM=stamp + (random.randrange(offset) if offset else 0),
        )
    )
    return len(members)
