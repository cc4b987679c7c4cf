"""What makes two machines the same machine: the duplicate criteria and their blacklists.

Both halves of duplicate handling (PROTOCOL.md 5) read these: the Ingestor's automatic
merge (``AUTO_DUPLICATE_LVL``, a bitmask of :class:`Criterion`) and the console's lists of
candidate sets. A value identifies a machine only when it is usable: not empty, not one
of the values agents send for "unknown", and not in ``blacklist_serials`` /
``blacklist_macaddresses`` (placeholder serials, virtual and broken MACs that many
machines share). Values compare without case and surrounding blanks, as the OCS
database's collation compares them, on SQLite too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntFlag

from sqlalchemy import Connection, select

from ocs_desktop.models import BlacklistMacaddress, BlacklistSerial


class Criterion(IntFlag):
    """The ``AUTO_DUPLICATE_LVL`` bits (PROTOCOL.md 5.1)."""

    HOSTNAME = 1
    SERIAL = 2
    MAC = 4
    MODEL = 8
    UUID = 16
    ASSETTAG = 32


#: Every criterion: the bits of a level beyond these mean nothing.
ALL_CRITERIA = Criterion(63)
#: Values agents send for "no value" (the Perl server's empty values, and the MAC fallback
#: of an interface without one).
_EMPTY = frozenset({"", "??", "N/A", "NA", "00:00:00:00:00:00"})


def identity_key(value: object) -> str | None:
    """``value`` as duplicates compare it (trimmed, upper case), or None when it is empty."""
    if value is None:
        return None
    key = str(value).strip().upper()
    return None if key in _EMPTY else key


def level_criteria(level: int) -> Criterion:
    """The criteria a level asks for (unknown bits dropped; 0 means automatic merge off)."""
    return Criterion(level & ALL_CRITERIA)


@dataclass(frozen=True)
class Blacklists:
    """The blacklisted serials and MAC addresses, as :func:`identity_key` gives them."""

    serials: frozenset[str] = frozenset()
    macs: frozenset[str] = frozenset()

    def serial(self, value: object) -> str | None:
        """The serial's key if it identifies a machine, else None."""
        key = identity_key(value)
        return None if key is None or key in self.serials else key

    def mac_keys(self, values: Iterable[object]) -> list[str]:
        """The sorted keys of the MACs that identify a machine."""
        keys = {identity_key(value) for value in values}
        return sorted(key for key in keys if key is not None and key not in self.macs)


def load_blacklists(conn: Connection) -> Blacklists:
    """Both blacklists (a few dozen rows each)."""
    serials = conn.execute(select(BlacklistSerial.SERIAL)).scalars()
    macs = conn.execute(select(BlacklistMacaddress.MACADDRESS)).scalars()
    return Blacklists(
        frozenset(key for value in serials if (key := identity_key(value)) is not None),
        frozenset(key for value in macs if (key := identity_key(value)) is not None),
    )
