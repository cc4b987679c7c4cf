"""Machines as a script names them: hardware IDs, hostname globs, group names.

The ``tag`` and ``group`` commands select machines the way an administrator thinks of
them; this turns those names into hardware IDs. Group membership is the console's own
(:class:`~ocs_desktop.fleet.groups.GroupFilter`: cache rows STATIC 0 or 1), and a group is
found by name ignoring case, as group names are unique ignoring case.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from ocs_desktop.common.like import LIKE_ESCAPE, like_escape
from ocs_desktop.fleet.filters import ids_select, machines_only
from ocs_desktop.fleet.groups import GroupFilter, GroupInfo, list_groups
from ocs_desktop.models import Hardware

#: Ids per IN list, as the rest of the fleet room.
_CHUNK = 500


def glob_to_like(pattern: str) -> str:
    """A shell-style glob (``*`` any text, ``?`` one character) as a LIKE pattern.

    Every other character, LIKE's own wildcards included, is matched literally.
    """
    parts = []
    for char in pattern:
        if char == "*":
            parts.append("%")
        elif char == "?":
            parts.append("_")
        else:
            parts.append(like_escape(char))
    return "".join(parts)


def machines_named(conn: Connection, pattern: str) -> list[int]:
    """IDs of the machines whose hostname matches the glob ``pattern``, ignoring case."""
    like = glob_to_like(pattern.lower())
    return list(
        conn.scalars(
            select(Hardware.ID)
            .where(machines_only(), func.lower(Hardware.NAME).like(like, escape=LIKE_ESCAPE))
            .order_by(Hardware.ID)
        )
    )


def existing_machines(conn: Connection, ids: Iterable[int]) -> list[int]:
    """The given IDs that are machines (not groups, not unknown), sorted."""
    wanted = sorted({int(i) for i in ids})
    found: list[int] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.extend(
            conn.scalars(select(Hardware.ID).where(Hardware.ID.in_(chunk), machines_only()))
        )
    return sorted(found)


def find_group(conn: Connection, name: str) -> GroupInfo | None:
    """The group called ``name`` (surrounding blanks and case ignored), or None.

    ``ValueError`` when several share the name (possible in a database OCS's console
    filled: only this console keeps names unique).
    """
    wanted = name.strip().lower()
    matches = [g for g in list_groups(conn) if g.name.strip().lower() == wanted]
    if len(matches) > 1:
        ids = ", ".join(str(g.id) for g in matches)
        raise ValueError(f"{len(matches)} groups are named {name!r} (IDs {ids}); rename one")
    return matches[0] if matches else None


def group_machine_ids(conn: Connection, group_id: int) -> list[int]:
    """The machines that are members of a group, sorted."""
    return sorted(conn.scalars(ids_select(GroupFilter(group_id))))
