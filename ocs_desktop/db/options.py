"""The server options of the ``config`` table, read once per batch or per few seconds.

The ``config`` table is the source of truth (PROTOCOL.md 1.5, 6): a value missing
from it falls back to the Perl server's own default, not the console's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

# Perl server defaults (SRV Server/System/Config.pm, PROTOCOL.md 6) for the keys we read.
PERL_DEFAULTS: dict[str, int] = {
    "FREQUENCY": 0,
    "PROLOG_FREQ": 12,
    "INVENTORY_ON_STARTUP": 0,
    "INVENTORY_DIFF": 1,
    "INVENTORY_WRITE_DIFF": 1,
    "INVENTORY_TRANSACTION": 1,
    "ACCEPT_TAG_UPDATE_FROM_CLIENT": 0,
    "DOWNLOAD": 0,
    "LOGLEVEL": 0,
    "TRACE_DELETED": 0,
    "AUTO_DUPLICATE_LVL": 15,
    "ENABLE_GROUPS": 1,
    "LOCK_REUSE_TIME": 600,
    "INVENTORY_SESSION_ONLY": 0,
    "SESSION_VALIDITY_TIME": 3600,
    "SESSION_CLEAN_TIME": 86400,
}


@dataclass(frozen=True)
class Options:
    """A snapshot of ``config``: ``ivalue("FREQUENCY")``, ``tvalue("DOWNLOAD_PACK_DIR")``."""

    rows: Mapping[str, tuple[int | None, str | None]] = field(default_factory=dict)

    def ivalue(self, name: str, default: int | None = None) -> int:
        value = self.rows.get(name, (None, None))[0]
        if value is not None:
            return int(value)
        if default is not None:
            return default
        return PERL_DEFAULTS.get(name, 0)

    def tvalue(self, name: str, default: str | None = None) -> str | None:
        value = self.rows.get(name, (None, None))[1]
        return value if value is not None else default

    def enabled(self, name: str) -> bool:
        return self.ivalue(name) != 0


def load_options(conn: Connection) -> Options:
    """Read the whole ``config`` table (a few hundred rows at most)."""
    result = conn.execute(text("SELECT NAME, IVALUE, TVALUE FROM config"))
    return Options({name: (ivalue, tvalue) for name, ivalue, tvalue in result})
