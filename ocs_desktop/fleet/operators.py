"""Console operators' passwords, checked the way the OCS console checks them (PROTOCOL 9),
and whether the default ``admin`` / ``admin`` still opens the door.

``operators.PASSWD`` is read according to the row's ``PASSWORD_VERSION``: 0 is the MD5
hex of the password (legacy), 1 a PHP ``password_hash`` bcrypt string (``$2y$…``, the
form the OCS installer seeds), 2 the unsalted SHA-256 hex (OCS 2.10 and later, what we
write). bcrypt comes from the ``bcrypt`` package: a salted, deliberately slow hash cannot
be checked with the standard library, and an operator seeded by the real installer is
stored that way. Checking lives here, and the one way we write a password: SHA-256 at version 2, as
OCS 2.10 and later write it, so either console logs in with it.

The server (``server.operator_auth``) and the console both ask ``default_login_works``:
the server to warn in its log, the console to show a banner, while anyone who read the
OCS documentation can log in as a super administrator.
"""

from __future__ import annotations

import hashlib
import hmac

import bcrypt
from sqlalchemy import Connection, select, update

from ocs_desktop.models import Base

OPERATORS = Base.metadata.tables["operators"]

#: The account ``db init`` and the OCS installer create.
DEFAULT_LOGIN = "admin"
DEFAULT_PASSWORD = "admin"
#: PHP's bcrypt only reads the first 72 bytes of a password; bcrypt>=5 refuses longer ones.
_BCRYPT_MAX_BYTES = 72


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


def default_login_works(conn: Connection) -> bool:
    """Whether the operator ``admin`` exists and its password is still ``admin``."""
    row = conn.execute(
        select(OPERATORS.c.ID, OPERATORS.c.PASSWD, OPERATORS.c.PASSWORD_VERSION).where(
            OPERATORS.c.ID == DEFAULT_LOGIN
        )
    ).first()
    return (
        row is not None
        and row.ID == DEFAULT_LOGIN
        and check_password(row.PASSWD, row.PASSWORD_VERSION, DEFAULT_PASSWORD)
    )


def set_password(conn: Connection, login: str, password: str) -> None:
    """Give the existing operator ``login`` this password (PASSWORD_VERSION 2).

    ``LookupError`` when there is no such operator; ``ValueError`` for an empty password
    or, for ``admin``, the password ``admin`` again.
    """
    if not password:
        raise ValueError("the password cannot be empty")
    if login == DEFAULT_LOGIN and password == DEFAULT_PASSWORD:
        raise ValueError("admin/admin is the login everyone knows: choose another password")
    # Logins compare exactly, as OCS does: MySQL's collation would take ADMIN for admin.
    found = conn.execute(select(OPERATORS.c.ID).where(OPERATORS.c.ID == login)).scalars()
    if login not in found.all():
        raise LookupError(f"no operator {login!r}")
    conn.execute(
        update(OPERATORS)
        .where(OPERATORS.c.ID == login)
        .values(PASSWD=sha256_passwd(password), PASSWORD_VERSION=2)
    )
