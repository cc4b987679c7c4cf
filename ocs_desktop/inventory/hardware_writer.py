"""The machine's ``hardware`` row: the agent's values plus what the server owns in it.

Every other section hangs off this row's id, so the Ingestor writes it first, itself,
rather than as one of its writers. The rules here are the reference server's: dates,
CHECKSUM, user agent and source address are the server's; the address kept is the one
the server saw when an interface has it; a SYSTEM user does not replace a real one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import Connection, Row, insert, update

from ocs_desktop.inventory.coerce import RowShaper, parse_datetime
from ocs_desktop.inventory.schema import Schema
from ocs_desktop.inventory.sections import SERVER_OWNED_HARDWARE
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import Inventory

_SYSTEM_USER = re.compile(r"^(system|localsystem)$", re.IGNORECASE)
_EPOCH_YEAR = 1970
#: The numbers the reference writes as 0 when the agent sent none; it leaves the other
#: HARDWARE fields NULL (see ``coerce.perl_empties`` for why the difference matters).
_ZERO_WHEN_EMPTY = ("PROCESSORS", "PROCESSORN", "MEMORY", "SWAP", "TYPE")


class HardwareWriter:
    """Shapes the agent's HARDWARE values and writes the row with the server's own."""

    def __init__(self, schema: Schema) -> None:
        self.table = Base.metadata.tables["hardware"]
        #: Built once (its columns are the values given): building costs as much as running.
        self._insert = insert(self.table)
        columns = schema.columns("hardware", leaving_out=SERVER_OWNED_HARDWARE)
        self._shaper = RowShaper(
            self.table,
            columns,
            bmp_only=schema.bmp_only,
            empties={name: "0" for name in _ZERO_WHEN_EMPTY if name in columns},
        )
        self._identity_shaper = RowShaper(
            self.table, ["USERID", "IPADDR"], bmp_only=schema.bmp_only
        )

    def shape(self, inventory: Inventory) -> dict[str, object]:
        """The agent's values, shaped before the transaction."""
        shaper = self._shaper
        return dict(zip(shaper.columns, shaper.shape(inventory.hardware), strict=True))

    def values(
        self,
        inventory: Inventory,
        shaped: dict[str, object],
        existing: Row[Any] | None,
        remote_addr: str | None,
        useragent: str | None,
    ) -> dict[str, object]:
        """The row to write: the ``shaped`` agent values and the server's, given the row
        ``existing`` (its CHECKSUM) if the machine is known."""
        now = dt.datetime.now().replace(microsecond=0)
        values = dict(shaped)
        lastdate = parse_datetime(inventory.hardware.get("LASTDATE"))
        # Whole seconds either way (parse_datetime reads no fraction), as DATETIME stores
        # them: the digests' stamp compares this value with the one read back.
        values["LASTDATE"] = lastdate if lastdate and lastdate.year > _EPOCH_YEAR else now
        values["LASTCOME"] = now
        values["ETIME"] = None
        old_checksum = getattr(existing, "CHECKSUM", None)
        values["CHECKSUM"] = inventory.checksum or old_checksum or 1
        if useragent:
            values["USERAGENT"] = useragent[:50]
        if remote_addr:
            values["IPSRC"] = remote_addr[:255]
        agent_user, agent_ip = self._identity_shaper.shape(
            {
                "USERID": inventory.hardware.get("USERID"),
                "IPADDR": _ip_address(inventory, remote_addr),
            }
        )
        values["IPADDR"] = agent_ip
        # The reference keeps the last real user over SYSTEM / LocalSystem.
        if not (existing is not None and agent_user and _SYSTEM_USER.match(agent_user)):
            values["USERID"] = agent_user
        return values

    def write(
        self, conn: Connection, deviceid: str, existing_id: int | None, values: dict[str, object]
    ) -> int:
        """Insert the machine's row, or update row ``existing_id``; returns the row's id."""
        hw = self.table
        if existing_id is None:
            inserted = conn.execute(
                self._insert, {"DEVICEID": deviceid, **values}
            ).inserted_primary_key
            assert inserted is not None
            return int(inserted[0])
        conn.execute(update(hw).where(hw.c.ID == existing_id).values(**values))
        return existing_id


def _ip_address(inventory: Inventory, remote_addr: str | None) -> str | None:
    """The agent's address as the server saw it when one interface has it (PROTOCOL.md 1.7)."""
    if remote_addr:
        for network in inventory.sections.get("NETWORKS", []):
            if network.get("IPADDRESS") == remote_addr:
                return remote_addr
    return inventory.hardware.get("IPADDR")
