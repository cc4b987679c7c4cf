"""Operator profiles as the OCS console names them, and TAG perimeters (PROTOCOL 9).

OCS keeps an operator's profile by name in ``operators.NEW_ACCESSLVL`` and reads what it
allows from ``config/profiles/<name>.xml``. We have no such files, so the four profiles
the OCS console ships are described here from its XML:

- ``sadmin`` (super administrator) and ``admin`` (administrator) see every machine and
  may activate packages (the ``ms_tele_activate`` page): they may publish packages;
- ``ladmin`` (local administrator) is restricted (``GUI=YES``) to the machines whose TAG
  is in its perimeter, and has no deployment page;
- ``read-only`` sees every machine and may change nothing.

A profile name we do not know (a custom XML on the OCS server) is treated the careful way:
restricted to its perimeter and not allowed to publish. An operator without a profile
gets no access in OCS (``backend/identity/methode/local.php``): it sees nothing here.

A perimeter is rows of table ``tags`` (``Login``, ``Tag``); a pattern may hold the
wildcards ``*`` (any characters) and ``?`` (one character). TAGs compare without case,
as MySQL's collation compares them in the OCS console's own queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, delete, func, insert, select

from ocs_desktop.models import Base

TAGS = Base.metadata.tables["tags"]
_OPERATORS = Base.metadata.tables["operators"]

SUPER_ADMIN = "sadmin"
ADMIN = "admin"
LOCAL_ADMIN = "ladmin"
READ_ONLY = "read-only"
#: The profiles the OCS console ships, most powerful first.
PROFILES: tuple[str, ...] = (SUPER_ADMIN, ADMIN, LOCAL_ADMIN, READ_ONLY)
#: Profiles that see every machine (``GUI`` restriction ``NO`` in their XML).
UNRESTRICTED_PROFILES = frozenset({SUPER_ADMIN, ADMIN, READ_ONLY})
#: Profiles that may deploy packages, hence upload and publish them on our server.
PUBLISHING_PROFILES = frozenset({SUPER_ADMIN, ADMIN})
#: The longest TAG pattern and login the ``tags`` table holds.
TAG_COLUMN_CHARS = 100
#: What marks a disabled operator's ``PASSWD`` (see ``fleet.operators``).
DISABLED_MARK = "!"


class PerimeterError(ValueError):
    """A perimeter edit refused; ``code`` names why (for translated messages)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def may_deploy(profile: str | None) -> bool:
    """Whether an operator of ``profile`` may deploy packages (None: OCS gives no access)."""
    return profile in PUBLISHING_PROFILES


def is_restricted(profile: str | None) -> bool:
    """Whether ``profile`` only sees the machines of its perimeter."""
    return profile not in UNRESTRICTED_PROFILES


@lru_cache(maxsize=256)
def _pattern(pattern: str) -> re.Pattern[str]:
    parts = []
    for char in pattern:
        if char == "*":
            parts.append(".*")
        elif char == "?":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def tag_matches(pattern: str, tag: str | None) -> bool:
    """Whether ``tag`` is in the perimeter row ``pattern`` (``*`` and ``?`` wildcards)."""
    if tag is None or not pattern:
        return False
    return _pattern(pattern).fullmatch(tag) is not None


@dataclass(frozen=True)
class Visibility:
    """Which machines an operator sees, by TAG: every one, or those its patterns match."""

    everything: bool
    patterns: tuple[str, ...] = ()

    def allows(self, tag: str | None) -> bool:
        """Whether a machine whose TAG is ``tag`` (None: no TAG) is visible."""
        return self.everything or any(tag_matches(p, tag) for p in self.patterns)


NOTHING = Visibility(everything=False)


def visibility(conn: Connection, login: str) -> Visibility:
    """What operator ``login`` (exactly) sees: nothing when it does not exist, is disabled
    or has no profile; everything for an unrestricted profile; else its perimeter."""
    row = conn.execute(
        select(_OPERATORS.c.ID, _OPERATORS.c.NEW_ACCESSLVL, _OPERATORS.c.PASSWD).where(
            _OPERATORS.c.ID == login
        )
    ).first()
    if row is None or row.ID != login or not row.NEW_ACCESSLVL:
        return NOTHING
    if (row.PASSWD or "").startswith(DISABLED_MARK):
        return NOTHING
    if not is_restricted(row.NEW_ACCESSLVL):
        return Visibility(everything=True)
    return Visibility(everything=False, patterns=tuple(list_perimeter(conn, login)))


def may_see(conn: Connection, login: str, tag: str | None) -> bool:
    """Whether operator ``login`` may see a machine whose TAG is ``tag``."""
    return visibility(conn, login).allows(tag)


def list_perimeter(conn: Connection, login: str) -> list[str]:
    """The TAG patterns of operator ``login`` (exactly), sorted."""
    rows = conn.execute(select(TAGS.c.Login, TAGS.c.Tag).where(TAGS.c.Login == login)).all()
    return sorted(row.Tag for row in rows if row.Login == login)


def perimeters(conn: Connection) -> dict[str, list[str]]:
    """Every operator's TAG patterns, by login (for lists)."""
    found: dict[str, list[str]] = {}
    for row in conn.execute(select(TAGS.c.Login, TAGS.c.Tag).order_by(TAGS.c.Tag)):
        found.setdefault(row.Login, []).append(row.Tag)
    return found


def _check_operator(conn: Connection, login: str) -> None:
    found = conn.execute(select(_OPERATORS.c.ID).where(_OPERATORS.c.ID == login)).scalars()
    if login not in found.all():
        raise PerimeterError("unknown", f"no operator {login!r}")


def add_perimeter(conn: Connection, login: str, pattern: str) -> bool:
    """Add ``pattern`` to ``login``'s perimeter; False when it was there already."""
    pattern = pattern.strip()
    if not pattern:
        raise PerimeterError("empty", "a TAG pattern cannot be empty")
    if len(pattern) > TAG_COLUMN_CHARS or len(login) > TAG_COLUMN_CHARS:
        raise PerimeterError(
            "too_long", f"the tags table holds at most {TAG_COLUMN_CHARS} characters"
        )
    _check_operator(conn, login)
    # MariaDB's collation takes "PARIS" for "paris": the same row for the key.
    same = conn.execute(
        select(TAGS.c.Tag).where(TAGS.c.Login == login, func.lower(TAGS.c.Tag) == pattern.lower())
    ).first()
    if same is not None:
        return False
    conn.execute(insert(TAGS).values(Login=login, Tag=pattern))
    return True


def remove_perimeter(conn: Connection, login: str, pattern: str) -> bool:
    """Remove ``pattern`` from ``login``'s perimeter; whether it was there."""
    if pattern not in list_perimeter(conn, login):
        return False
    conn.execute(delete(TAGS).where(TAGS.c.Login == login, TAGS.c.Tag == pattern))
    return True
