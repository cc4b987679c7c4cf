"""Read and change the server's ``config`` keys as the OCS console does.

Values are validated against the catalogue (``fleet/config_keys``) before anything is
written; a set of changes is written in the caller's one transaction (``engine.begin()``
or the console's ``context.write``), inserting the rows a database lacks the way the
OCS console's configuration page does (NAME plus the key's column). The server re-reads
``config`` every ``config_ttl_s`` seconds (``server/context.py``), so a change reaches
agents without a restart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from ocs_desktop.fleet.config_keys import KEYS, Column, ConfigKey, config_key
from ocs_desktop.models import Base

CONFIG = Base.metadata.tables["config"]


@dataclass(frozen=True)
class ConfigValue:
    """A key's current value; ``stored`` is False when the row is missing (the value is
    then the server's fallback)."""

    key: ConfigKey
    value: int | str
    stored: bool

    @property
    def is_default(self) -> bool:
        return self.value == self.key.default


def _stored(key: ConfigKey, ivalue: int | None, tvalue: str | None) -> int | str | None:
    if key.column is Column.IVALUE:
        return int(ivalue) if ivalue is not None else None
    return tvalue


def read_values(conn: Connection, keys: Iterable[ConfigKey] = KEYS) -> dict[str, ConfigValue]:
    """Every catalogue key's value, by name, in catalogue order."""
    wanted = list(keys)
    rows = {
        name: (ivalue, tvalue)
        for name, ivalue, tvalue in conn.execute(
            select(CONFIG.c.NAME, CONFIG.c.IVALUE, CONFIG.c.TVALUE).where(
                CONFIG.c.NAME.in_([key.name for key in wanted])
            )
        )
    }
    result: dict[str, ConfigValue] = {}
    for key in wanted:
        value = _stored(key, *rows[key.name]) if key.name in rows else None
        if value is None:
            result[key.name] = ConfigValue(key, key.missing, False)
        else:
            result[key.name] = ConfigValue(key, value, True)
    return result


def read_value(conn: Connection, name: str) -> ConfigValue:
    """One key's value (``ConfigValueError`` for an unknown key)."""
    key = config_key(name)
    return read_values(conn, [key])[key.name]


def validate_changes(changes: Mapping[str, object]) -> dict[str, int | str]:
    """``{name: raw}`` as ``{NAME: stored value}``; raises on the first refused value."""
    return {key.name: key.validate(raw) for key, raw in
            ((config_key(name), raw) for name, raw in changes.items())}  # fmt: skip


def write_changes(conn: Connection, changes: Mapping[str, object]) -> dict[str, int | str]:
    """Validate all of ``changes``, then write them; returns what was written.

    Nothing is written when one value is refused. Run it inside one transaction.
    """
    values = validate_changes(changes)
    existing = set(
        conn.execute(select(CONFIG.c.NAME).where(CONFIG.c.NAME.in_(list(values)))).scalars()
    )
    for name, value in values.items():
        column = config_key(name).column.value
        if name in existing:
            conn.execute(update(CONFIG).where(CONFIG.c.NAME == name).values({column: value}))
        else:
            conn.execute(insert(CONFIG).values({"NAME": name, column: value}))
    return values


def reset_keys(conn: Connection, names: Iterable[str]) -> dict[str, int | str]:
    """Write back the OCS defaults of ``names``."""
    return write_changes(conn, {config_key(name).name: config_key(name).default for name in names})
