""" "These are not duplicates": sets an operator dismissed, hidden until their data changes.

Stored in our extension table ``ocsdesktop_duplicate_ignored`` by criterion and set key
(the matching values), with the set's signature (its machines and their identifying
values) at the time: the finder hides a set only while its signature is unchanged, so a
new machine joining it, or a member renamed or re-imaged, shows it again.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert, inspect, select

from ocs_desktop.models.extensions import EXTENSION_METADATA, duplicate_ignored

if TYPE_CHECKING:
    from ocs_desktop.fleet.duplicates import DuplicateSet


def _present(conn: Connection) -> bool:
    return inspect(conn).has_table(duplicate_ignored.name)


def ignored_signatures(conn: Connection) -> dict[tuple[str, str], str]:
    """(criterion, set key) -> signature of every dismissed set (none without the table)."""
    if not _present(conn):
        return {}
    table = duplicate_ignored.c
    rows = conn.execute(select(table.CRITERION, table.SET_KEY, table.SIGNATURE))
    return {(criterion, key): signature for criterion, key, signature in rows}


def ignore_set(conn: Connection, found: DuplicateSet, user: str | None = None) -> None:
    """Hide ``found`` until its data changes. Creates our table if this database lacks it
    (on MySQL that commits what the transaction did before: call this first)."""
    if not _present(conn):
        EXTENSION_METADATA.create_all(conn, tables=[duplicate_ignored], checkfirst=True)
    unignore_set(conn, found.criterion.value, found.key)
    conn.execute(
        insert(duplicate_ignored).values(
            CRITERION=found.criterion.value,
            SET_KEY=found.key,
            SIGNATURE=found.signature,
            IGNORED_AT=dt.datetime.now().replace(microsecond=0),
            IGNORED_BY=(user or "")[:255] or None,
        )
    )


def unignore_set(conn: Connection, criterion: str, key: str) -> bool:
    """Show a dismissed set again; whether one was dismissed."""
    if not _present(conn):
        return False
    table = duplicate_ignored.c
    result = conn.execute(
        delete(duplicate_ignored).where(table.CRITERION == criterion, table.SET_KEY == key)
    )
    return bool(result.rowcount)
