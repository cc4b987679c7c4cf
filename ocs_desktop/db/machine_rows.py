"""Every row of a machine, and deleting them: shared by the console's "delete machines"
and by duplicate merges (the Ingestor's automatic one and the console's manual one).

OCS has no foreign keys from its tables to ``hardware``: a machine's rows are every row
whose HARDWARE_ID is its ID, in whichever of the ~80 such tables this database has.
Forgetting one table leaves orphans; so the list is derived from the models once, here.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Table, delete, inspect

from ocs_desktop.db.software_summary import forget_machines
from ocs_desktop.models import Base, Hardware

#: Ids per statement: far below SQLite's bound-parameter limit, short IN lists on MySQL.
ID_CHUNK = 500
#: Group pseudo-machines, never deleted as machines.
GROUP_DEVICEIDS = ("_SYSTEMGROUP_", "_DOWNLOADGROUP_")
#: Tables with a HARDWARE_ID that is not a machine reference to delete: ``groups`` rows are
#: the definitions of group pseudo-machines, which machine deletion refuses.
_NOT_MACHINE_DATA = frozenset({"groups"})


def machine_tables(conn: Connection) -> list[Table]:
    """The tables of this database holding per-machine rows by HARDWARE_ID."""
    inspector = inspect(conn)
    present = set(inspector.get_table_names())
    tables = []
    for candidate in reversed(Base.metadata.sorted_tables):
        if candidate.name in _NOT_MACHINE_DATA or candidate.name not in present:
            continue
        column_ = candidate.c.get("HARDWARE_ID")
        if column_ is None:
            continue
        if column_.info.get("since"):
            # A column added by a later OCS version may be missing from an older database.
            names = {c["name"].upper() for c in inspector.get_columns(candidate.name)}
            if "HARDWARE_ID" not in names:
                continue
        tables.append(candidate)
    return tables


def delete_machine_rows(conn: Connection, ids: Iterable[int]) -> int:
    """Delete these machines' ``hardware`` rows and every row pointing at them, in the
    caller's transaction; return how many machines were deleted.

    The caller has checked that the ids are machines (group rows are never deleted here)
    and written ``deleted_equiv`` if it traces deletions. The software summary forgets
    their software first.
    """
    doomed = sorted({int(i) for i in ids})
    if not doomed:
        return 0
    forget_machines(conn, doomed)
    tables = machine_tables(conn)
    deleted = 0
    for start in range(0, len(doomed), ID_CHUNK):
        chunk = doomed[start : start + ID_CHUNK]
        for target in tables:
            conn.execute(delete(target).where(target.c.HARDWARE_ID.in_(chunk)))
        result = conn.execute(
            delete(Hardware).where(
                Hardware.ID.in_(chunk), Hardware.DEVICEID.not_in(GROUP_DEVICEIDS)
            )
        )
        deleted += result.rowcount
    return deleted
