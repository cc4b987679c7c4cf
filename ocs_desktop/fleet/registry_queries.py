"""Registry queries: the ``regconfig`` rows the server asks Windows agents to read.

Each row names a registry value (PROTOCOL 7): NAME is the label its answers are stored
under (``registry.NAME``), REGTREE the hive as OCS numbers it (:data:`HIVES`), REGKEY the
key path without the hive and REGVALUE a value name or ``*`` for every value of the key.
The server sends them all in the REGISTRY option of its PROLOG reply while ``config``
REGISTRY is on (``server/queries/prolog.py``); agents answer with REGISTRY sections,
stored in ``registry`` and shown in the machine detail's Registry category.

Every edit is validated here, so the console and the CLI refuse the same things with the
same :class:`RegistryQueryError` reasons (the console words them in its language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select, update

from ocs_desktop.db.options import load_options
from ocs_desktop.models import Base

REGCONFIG = Base.metadata.tables["regconfig"]

#: OCS's hive numbers (GUI function_regconfig.php, WIN SysInfo/RegistryValue.h).
HIVES: dict[int, str] = {
    0: "HKEY_CLASSES_ROOT",
    1: "HKEY_CURRENT_USER",
    2: "HKEY_LOCAL_MACHINE",
    3: "HKEY_USERS",
    4: "HKEY_CURRENT_CONFIG",
    5: "HKEY_DYN_DATA",
}
#: Short names accepted for a hive (HKLM...), besides its number and full name.
HIVE_ALIASES: dict[str, int] = {"HKCR": 0, "HKCU": 1, "HKLM": 2, "HKU": 3, "HKCC": 4, "HKDD": 5}

ALL_VALUES = "*"
MAX_NAME = 255  # regconfig.NAME and REGVALUE are VARCHAR(255)
MAX_KEY = 1024  # REGKEY is TEXT; Windows caps a key name at 255, its path far beyond

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RegistryQueryError(ValueError):
    """A query refused. ``reason`` says why (``name_empty``, ``name_long``,
    ``name_control``, ``hive``, ``key_empty``, ``key_long``, ``key_control``,
    ``key_hive``, ``value_empty``, ``value_long``, ``value_control``, ``missing``) and
    ``value`` is what was refused; the message is the CLI's English."""

    def __init__(self, message: str, reason: str, value: object = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.value = value


@dataclass(frozen=True)
class RegistryQuery:
    id: int
    name: str
    hive: int
    key: str
    value: str

    @property
    def hive_name(self) -> str:
        return HIVES.get(self.hive, str(self.hive))

    @property
    def path(self) -> str:
        """``HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor`` then the value, as regedit shows it."""
        return f"{self.hive_name}\\{self.key}"


def parse_hive(text: str | int) -> int:
    """A hive from its OCS number, full name or short name (``2``, ``HKEY_LOCAL_MACHINE``,
    ``HKLM``); ``RegistryQueryError`` otherwise."""
    if isinstance(text, int):
        if text in HIVES:
            return text
        raise RegistryQueryError(f"unknown hive {text}: use 0-5 or a name", "hive", text)
    word = text.strip().upper()
    if word.isdigit() and int(word) in HIVES:
        return int(word)
    for number, name in HIVES.items():
        if word == name:
            return number
    if word in HIVE_ALIASES:
        return HIVE_ALIASES[word]
    names = ", ".join(f"{n}={name}" for n, name in HIVES.items())
    raise RegistryQueryError(f"unknown hive {text!r}: one of {names}", "hive", text)


def _text(what: str, text: str, limit: int) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise RegistryQueryError(f"the {what} is empty", f"{what}_empty", text)
    if _CONTROL.search(cleaned):
        raise RegistryQueryError(f"the {what} contains control characters", f"{what}_control", text)
    if len(cleaned) > limit:
        raise RegistryQueryError(f"the {what} is longer than {limit}", f"{what}_long", text)
    return cleaned


def validated(name: str, hive: int | str, key: str, value: str) -> tuple[str, int, str, str]:
    """The row as stored: texts trimmed, the key without leading or trailing backslashes.

    A key that starts with a hive name is refused: the hive is its own field, and agents
    would look for ``HKLM\\HKEY_LOCAL_MACHINE\\...``.
    """
    clean_name = _text("name", name, MAX_NAME)
    number = parse_hive(hive)
    clean_key = _text("key", key, MAX_KEY).strip("\\")
    if not clean_key:
        raise RegistryQueryError("the key is empty", "key_empty", key)
    first = clean_key.split("\\", 1)[0].upper()
    if first in HIVES.values() or first in HIVE_ALIASES:
        raise RegistryQueryError(
            f"give the key without its hive ({first} is chosen as the hive)", "key_hive", key
        )
    clean_value = _text("value", value, MAX_NAME)
    return clean_name, number, clean_key, clean_value


_COLUMNS = (REGCONFIG.c.ID, REGCONFIG.c.NAME, REGCONFIG.c.REGTREE, REGCONFIG.c.REGKEY,
            REGCONFIG.c.REGVALUE)  # fmt: skip


def _row(row: Row[Any, Any, Any, Any, Any]) -> RegistryQuery:
    id_, name, tree, key, value = row
    return RegistryQuery(int(id_), name or "", int(tree or 0), key or "", value or "")


def list_queries(conn: Connection) -> list[RegistryQuery]:
    """Every query, in the order the server sends them (by ID)."""
    return [_row(row) for row in conn.execute(select(*_COLUMNS).order_by(REGCONFIG.c.ID))]


def get_query(conn: Connection, query_id: int) -> RegistryQuery:
    row = conn.execute(select(*_COLUMNS).where(REGCONFIG.c.ID == query_id)).first()
    if row is None:
        raise RegistryQueryError(f"no registry query with ID {query_id}", "missing", query_id)
    return _row(row)


def find_queries(conn: Connection, id_or_name: str) -> list[RegistryQuery]:
    """The queries ``id_or_name`` designates: by ID when it is a number, else by NAME
    (several queries may share a name: their answers share it too)."""
    if id_or_name.strip().isdigit():
        return [get_query(conn, int(id_or_name))]
    wanted = id_or_name.strip().casefold()
    found = [q for q in list_queries(conn) if q.name.casefold() == wanted]
    if not found:
        raise RegistryQueryError(f"no registry query named {id_or_name!r}", "missing", id_or_name)
    return found


def add_query(conn: Connection, name: str, hive: int | str, key: str, value: str) -> RegistryQuery:
    """Validate and insert one query; the new row."""
    clean = validated(name, hive, key, value)
    result = conn.execute(
        insert(REGCONFIG).values(
            NAME=clean[0], REGTREE=clean[1], REGKEY=clean[2], REGVALUE=clean[3]
        )
    )
    new_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
    if new_id is None:  # some drivers do not hand the key back
        new_id = conn.execute(select(func.max(REGCONFIG.c.ID))).scalar_one()
    return RegistryQuery(int(new_id), *clean)


def edit_query(
    conn: Connection, query_id: int, name: str, hive: int | str, key: str, value: str
) -> RegistryQuery:
    """Validate and replace query ``query_id``; ``missing`` when it is gone."""
    clean = validated(name, hive, key, value)
    changed = conn.execute(
        update(REGCONFIG)
        .where(REGCONFIG.c.ID == query_id)
        .values(NAME=clean[0], REGTREE=clean[1], REGKEY=clean[2], REGVALUE=clean[3])
    ).rowcount
    if not changed:
        get_query(conn, query_id)  # raises "missing"; a no-op update on MariaDB counts 0
    return RegistryQuery(query_id, *clean)


def delete_query(conn: Connection, query_id: int) -> None:
    """Remove query ``query_id`` (answers already stored in ``registry`` stay)."""
    if not conn.execute(delete(REGCONFIG).where(REGCONFIG.c.ID == query_id)).rowcount:
        raise RegistryQueryError(f"no registry query with ID {query_id}", "missing", query_id)


def registry_option_on(conn: Connection) -> bool:
    """Whether the server sends the queries: ``config`` REGISTRY, on when missing as in
    the PROLOG handler."""
    return load_options(conn).ivalue("REGISTRY", 1) != 0
