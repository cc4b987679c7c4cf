"""Console operators' passwords, checked the way the OCS console checks them (PROTOCOL 9).

``operators.PASSWD`` is read according to the row's ``PASSWORD_VERSION``: 0 is the MD5
hex of the password (legacy), 1 a PHP ``password_hash`` bcrypt string (``$2y$…``, the
form the OCS installer seeds), 2 the unsalted SHA-256 hex (OCS 2.10 and later, what we
write). bcrypt comes from the ``bcrypt`` package: a salted, deliberately slow hash cannot
be checked with the standard library, and an operator seeded by the real installer is
stored that way. Only checking lives here; the server never rewrites a password.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

import bcrypt
from sqlalchemy import Connection, select

from ocs_desktop.models import Base

OPERATORS = Base.metadata.tables["operators"]

#: PHP's bcrypt only reads the first 72 bytes of a password; bcrypt>=5 refuses longer ones.
_BCRYPT_MAX_BYTES = 72
#: What an unknown login's password is checked against: a PASSWORD_VERSION 2 value (the
#: scheme we write) that no password matches, SHA-256 hex being lower-case hex digits.
_NO_OPERATOR: tuple[str, int] = ("-" * 64, 2)


@dataclass(frozen=True)
class OperatorAccount:
    """An operator whose password matched."""

    login: str
    profile: str | None
    """``NEW_ACCESSLVL``: the console profile name (``sadmin``, ``admin``, …)."""


def sha256_passwd(password: str) -> str:
    """The stored form of ``password`` at PASSWORD_VERSION 2."""
    return hashlib.sha256(password.encode()).hexdigest()


def check_password(stored: str | None, version: int | None, password: str) -> bool:
    """Whether ``password`` matches a ``PASSWD`` value stored at ``version``."""
    if not stored:
        return False
    secret = password.encode()
    if version == 1 or (version is None and stored.startswith("$2")):
        try:
            return bcrypt.checkpw(secret[:_BCRYPT_MAX_BYTES], stored.encode())
        except ValueError:  # not a bcrypt string after all
            return False
    if version == 2:
        computed = hashlib.sha256(secret).hexdigest()
    elif version in (0, None):
        computed = hashlib.md5(secret).hexdigest()
    else:
        return False
    return hmac.compare_digest(computed, stored.strip().lower())


def authenticate(conn: Connection, login: str, password: str) -> OperatorAccount | None:
    """The operator ``login`` when ``password`` is right, otherwise None."""
    if not login or not password:
        return None
    row = conn.execute(
        select(OPERATORS.c.ID, OPERATORS.c.PASSWD, OPERATORS.c.PASSWORD_VERSION,
               OPERATORS.c.NEW_ACCESSLVL).where(OPERATORS.c.ID == login)
    ).first()  # fmt: skip
    if row is None:
        # Do a real check's work, so timing does not tell which logins exist.
        check_password(*_NO_OPERATOR, password)
        return None
    if not check_password(row.PASSWD, row.PASSWORD_VERSION, password):
        return None
    return OperatorAccount(login=row.ID, profile=row.NEW_ACCESSLVL)
