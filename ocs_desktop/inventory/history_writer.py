"""The DOWNLOAD section: which deployment packages the agent says it has installed.

The agent sends its whole history each time, a few package ids, so ``download_history``
is simply replaced, each id named after the package the server still offers (if any).
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, select

from ocs_desktop.inventory.writing import Machine, WritePath
from ocs_desktop.models import Base

SECTION = "DOWNLOAD"
_MAX_ID = 2**31  # PKG_ID is a signed INT


class HistoryWriter:
    """Replaces the machine's ``download_history`` with the ids the agent sent."""

    digested: tuple[str, ...] = ()

    def __init__(self) -> None:
        self._history = Base.metadata.tables["download_history"]
        self._available = Base.metadata.tables["download_available"]
        #: Built once: building a statement costs as much CPU as running it.
        self._clear = delete(self._history).where(
            self._history.c.HARDWARE_ID == bindparam("hardware_id")
        )

    def refresh(self) -> None:
        """Nothing to re-read."""

    def write(self, machine: Machine) -> None:
        if SECTION not in machine.inventory.present_sections:
            return
        conn, hardware_id, history = machine.conn, machine.hardware_id, self._history
        machine.paths[SECTION] = WritePath.WRITTEN
        conn.execute(self._clear, {"hardware_id": hardware_id})
        package_ids = machine.inventory.download_history
        wanted = sorted(
            {int(pid) for pid in package_ids if pid.strip().isdigit() and int(pid) < _MAX_ID}
        )
        if not wanted:
            return
        available = self._available
        names = dict(
            conn.execute(
                select(available.c.FILEID, available.c.NAME).where(
                    available.c.FILEID.in_([str(pid) for pid in wanted])
                )
            ).all()
        )
        conn.execute(
            insert(history),
            [
                {"HARDWARE_ID": hardware_id, "PKG_ID": pid, "PKG_NAME": names.get(str(pid))}
                for pid in wanted
            ],
        )
