"""The administrative data of a machine (``accountinfo``) and the ACCOUNT_UPDATE reply.

The agent keeps its own copy of TAG and the admin fields and sends it with every
inventory; the database copy wins unless ``ACCEPT_TAG_UPDATE_FROM_CLIENT`` is on
(PROTOCOL.md 1.7). When the two copies disagree, the reply carries every column
so the agent can rewrite its file, as the reference server does. The console adds
``fields_N`` columns while servers run, so the table is re-read on every refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    RowMapping,
    Table,
    bindparam,
    insert,
    select,
    update,
)

from ocs_desktop.inventory.coerce import RowShaper
from ocs_desktop.inventory.writing import Machine

LOST_TAG = "LOST"


def reflect_accountinfo(engine: Engine) -> Table:
    """``accountinfo`` as it is in this database, with the console's ``fields_N`` columns."""
    return Table("accountinfo", MetaData(), autoload_with=engine)


class AccountInfoWriter:
    """The Ingestor's writer of ACCOUNTINFO, over the table as last re-read."""

    digested: tuple[str, ...] = ()

    def __init__(self, engine: Engine, *, bmp_only: bool) -> None:
        self._engine = engine
        self._bmp_only = bmp_only
        self._table: AccountInfoTable | None = None

    def refresh(self) -> None:
        self._table = AccountInfoTable(reflect_accountinfo(self._engine), bmp_only=self._bmp_only)

    def write(self, machine: Machine) -> None:
        assert self._table is not None, "refresh() reads the table"
        machine.account_update = self._table.write(
            machine.conn,
            machine.hardware_id,
            machine.inventory.accountinfo,
            created=machine.created,
            accept_update=machine.options.enabled("ACCEPT_TAG_UPDATE_FROM_CLIENT"),
        )


class AccountInfoTable:
    """Applies the agent's ACCOUNTINFO pairs under the reference server's rules."""

    def __init__(self, table: Table, *, bmp_only: bool) -> None:
        self.table = table
        self.keys = tuple(name for name in table.c.keys() if name != "HARDWARE_ID")
        self._shaper = RowShaper(table, self.keys, bmp_only=bmp_only)
        #: Built once per re-read: building a statement costs as much CPU as running it.
        self._read = select(table).where(table.c.HARDWARE_ID == bindparam("hardware_id"))
        self._insert = insert(table)
        self._lower = {name.lower(): name for name in self.keys}

    def _agent_values(self, pairs: Sequence[tuple[str, str | None]]) -> dict[str, Any]:
        known = {}
        for key, value in pairs:
            name = self._lower.get(key.lower())
            if name is not None:
                known[name] = value
        shaped = self._shaper.shape(known)
        return {name: shaped[i] for i, name in enumerate(self.keys) if name in known}

    def write(
        self,
        conn: Connection,
        hardware_id: int,
        pairs: Sequence[tuple[str, str | None]],
        *,
        created: bool,
        accept_update: bool,
    ) -> tuple[tuple[str, str], ...] | None:
        """Store the pairs; return the ACCOUNT_UPDATE pairs, or None for NO_ACCOUNT_UPDATE."""
        agent = self._agent_values(pairs)
        stored = conn.execute(self._read, {"hardware_id": hardware_id}).first()
        if stored is None:
            values = dict(agent)
            if not created:
                values["TAG"] = LOST_TAG
            conn.execute(self._insert, {**values, "HARDWARE_ID": hardware_id})
        elif accept_update and agent:
            conn.execute(
                update(self.table).where(self.table.c.HARDWARE_ID == hardware_id).values(**agent)
            )
        else:  # nothing written: what was read is current
            return self._account_update(pairs, stored._mapping)
        row = conn.execute(self._read, {"hardware_id": hardware_id}).one()._mapping
        return self._account_update(pairs, row)

    def reply(
        self, conn: Connection, hardware_id: int, pairs: Sequence[tuple[str, str | None]]
    ) -> tuple[tuple[str, str], ...] | None:
        """The ACCOUNT_UPDATE pairs for the row as it is now, once a later writer (the
        tagging rules) changed it."""
        row = conn.execute(select(self.table).where(self.table.c.HARDWARE_ID == hardware_id))
        return self._account_update(pairs, row.one()._mapping)

    def _account_update(
        self, pairs: Sequence[tuple[str, str | None]], row: RowMapping
    ) -> tuple[tuple[str, str], ...] | None:
        """The stored values to send back when they differ from the agent's, else None."""
        current = {name: _as_text(row[name]) for name in self.keys}
        agent_text = {key: (value or "") for key, value in pairs}
        differs = any(
            agent_text[key] != current[self._lower[key.lower()]]
            for key in agent_text
            if key.lower() in self._lower
        )
        if differs or len(pairs) != len(self.keys):
            return tuple(current.items())
        return None


def _as_text(value: object) -> str:
    return "" if value is None else str(value)
