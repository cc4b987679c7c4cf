"""The blacklists of duplicate detection: serials and MAC addresses that identify nothing.

Vendors ship placeholder serials ("To Be Filled By O.E.M.") and virtual adapters share
MACs; such a value would merge unrelated machines, so ``blacklist_serials`` and
``blacklist_macaddresses`` (the OCS tables, read by the automatic merge and the finder)
exclude them. Values are checked before they are stored: a MAC must be six hex pairs
(stored upper case with colons, as OCS ships them), a serial printable text; a value
already listed (in any case) is refused rather than stored twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, delete, insert, select

from ocs_desktop.db.duplicate_identity import identity_key
from ocs_desktop.models import Base

MAX_LENGTH = 255
_MAC = re.compile(r"^[0-9A-F]{2}([:-]?)[0-9A-F]{2}(\1[0-9A-F]{2}){4}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BlacklistKind(StrEnum):
    SERIAL = "serial"
    MAC = "mac"


_TABLES = {
    BlacklistKind.SERIAL: (Base.metadata.tables["blacklist_serials"], "SERIAL"),
    BlacklistKind.MAC: (Base.metadata.tables["blacklist_macaddresses"], "MACADDRESS"),
}


class BlacklistError(ValueError):
    """A value refused, with a ``reason`` code and its ``kind`` and ``value``, so the
    console can say why in the operator's language (the message stays the CLI's)."""

    def __init__(self, message: str, reason: str, kind: BlacklistKind, value: str) -> None:
        super().__init__(message)
        #: ``empty``, ``too_long``, ``control``, ``not_mac`` or ``listed``.
        self.reason = reason
        self.kind = kind
        self.value = value


class NotBlacklisted(LookupError):
    """The value to take off is not on the blacklist."""

    def __init__(self, message: str, kind: BlacklistKind, value: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.value = value


@dataclass(frozen=True)
class BlacklistEntry:
    id: int
    value: str


def normalize(kind: BlacklistKind, value: str) -> str:
    """``value`` as it is stored; ``ValueError`` saying what is wrong with it."""
    text = value.strip()
    if not text:
        raise BlacklistError(f"an empty {kind.value} cannot be blacklisted", "empty", kind, text)
    if len(text) > MAX_LENGTH:
        raise BlacklistError(
            f"a {kind.value} is at most {MAX_LENGTH} characters", "too_long", kind, text
        )
    if _CONTROL.search(text):
        raise BlacklistError(f"the {kind.value} contains control characters", "control", kind, text)
    if kind is BlacklistKind.MAC:
        upper = text.upper()
        if not _MAC.match(upper):
            raise BlacklistError(
                f"{text!r} is not a MAC address (six hex pairs, e.g. 00:11:22:AA:BB:CC)",
                "not_mac",
                kind,
                text,
            )
        digits = re.sub(r"[:-]", "", upper)
        return ":".join(digits[i : i + 2] for i in range(0, 12, 2))
    return text


def list_blacklist(conn: Connection, kind: BlacklistKind) -> list[BlacklistEntry]:
    """The blacklisted values, in the order they were added."""
    table, column = _TABLES[kind]
    rows = conn.execute(select(table.c.ID, table.c[column]).order_by(table.c.ID))
    return [BlacklistEntry(int(i), str(value)) for i, value in rows]


def _find(conn: Connection, kind: BlacklistKind, value: str) -> list[BlacklistEntry]:
    wanted = identity_key(value) or value.strip().upper()
    return [
        entry
        for entry in list_blacklist(conn, kind)
        if (identity_key(entry.value) or entry.value.strip().upper()) == wanted
    ]


def add_to_blacklist(conn: Connection, kind: BlacklistKind, value: str) -> BlacklistEntry:
    """Blacklist ``value``; ``ValueError`` if it is malformed or already listed."""
    stored = normalize(kind, value)
    if _find(conn, kind, stored):
        raise BlacklistError(
            f"{kind.value} {stored!r} is already blacklisted", "listed", kind, stored
        )
    table, column = _TABLES[kind]
    inserted = conn.execute(insert(table).values({column: stored})).inserted_primary_key
    assert inserted is not None
    return BlacklistEntry(int(inserted[0]), stored)


def remove_from_blacklist(conn: Connection, kind: BlacklistKind, value: str) -> int:
    """Take ``value`` (in any case) off the blacklist; ``LookupError`` if it is not on it.
    Returns how many rows went (an OCS database may hold it more than once)."""
    found = _find(conn, kind, value)
    if not found:
        raise NotBlacklisted(
            f"{kind.value} {value.strip()!r} is not blacklisted", kind, value.strip()
        )
    table, _ = _TABLES[kind]
    conn.execute(delete(table).where(table.c.ID.in_([entry.id for entry in found])))
    return len(found)
