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

Operators are listed (never with their password), created, edited, disabled, enabled and
deleted here, for the CLI and the console. OCS has no "disabled" column: a disabled
operator's ``PASSWD`` is prefixed with ``!`` (``DISABLED_MARK``), as ``/etc/shadow`` locks
an account. No password hashes to a value starting with ``!`` under any scheme, so the OCS
console refuses the login too, and enabling removes the mark: the old password works
again. Setting a new password (here or in the OCS console) also enables the operator.
The last enabled super administrator (``sadmin``) cannot be deleted, disabled or given
another profile: someone must be able to manage the others.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

import bcrypt
from sqlalchemy import Connection, delete, func, insert, select, update

from ocs_desktop.fleet.operator_profiles import DISABLED_MARK, PROFILES, SUPER_ADMIN, TAGS
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
    if not stored or stored.startswith(DISABLED_MARK):
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
    _check_new_password(login, password)  # OperatorError, a ValueError
    # Logins compare exactly, as OCS does: MySQL's collation would take ADMIN for admin.
    found = conn.execute(select(OPERATORS.c.ID).where(OPERATORS.c.ID == login)).scalars()
    if login not in found.all():
        raise UnknownOperator(login)  # a LookupError
    conn.execute(
        update(OPERATORS)
        .where(OPERATORS.c.ID == login)
        .values(PASSWD=sha256_passwd(password), PASSWORD_VERSION=2)
    )


# -- administration of operators ------------------------------------------------------

#: The longest login: ``tags.Login`` holds 100 characters, so a longer one could not
#: have a perimeter.
MAX_LOGIN_CHARS = 100
_UNCHANGED: Any = object()


class OperatorError(ValueError):
    """An operator edit refused; ``code`` names why, for translated messages."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class UnknownOperator(OperatorError, LookupError):
    """No operator has exactly that login."""

    def __init__(self, login: str) -> None:
        super().__init__("unknown", f"no operator {login!r}")


@dataclass(frozen=True)
class OperatorInfo:
    """An operator as lists show it: never its password."""

    login: str
    first_name: str | None
    last_name: str | None
    email: str | None
    comments: str | None
    profile: str | None
    user_group: str | None
    disabled: bool
    password_version: int | None

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


def _info(row: Any) -> OperatorInfo:
    return OperatorInfo(
        login=row.ID,
        first_name=row.FIRSTNAME,
        last_name=row.LASTNAME,
        email=row.EMAIL,
        comments=row.COMMENTS,
        profile=row.NEW_ACCESSLVL,
        user_group=row.USER_GROUP,
        disabled=(row.PASSWD or "").startswith(DISABLED_MARK),
        password_version=row.PASSWORD_VERSION,
    )


_COLUMNS = (
    OPERATORS.c.ID, OPERATORS.c.FIRSTNAME, OPERATORS.c.LASTNAME, OPERATORS.c.EMAIL,
    OPERATORS.c.COMMENTS, OPERATORS.c.NEW_ACCESSLVL, OPERATORS.c.USER_GROUP,
    OPERATORS.c.PASSWD, OPERATORS.c.PASSWORD_VERSION,
)  # fmt: skip


def list_operators(conn: Connection) -> list[OperatorInfo]:
    """Every operator, by login."""
    rows = conn.execute(select(*_COLUMNS).order_by(OPERATORS.c.ID)).all()
    return [_info(row) for row in rows]


def get_operator(conn: Connection, login: str) -> OperatorInfo:
    """The operator ``login`` (exactly); ``UnknownOperator`` when there is none."""
    for row in conn.execute(select(*_COLUMNS).where(OPERATORS.c.ID == login)):
        if row.ID == login:
            return _info(row)
    raise UnknownOperator(login)


def _check_profile(profile: str) -> None:
    if profile not in PROFILES:
        raise OperatorError(
            "bad_profile", f"unknown profile {profile!r}: one of {', '.join(PROFILES)}"
        )


def _check_new_password(login: str, password: str) -> None:
    if not password:
        raise OperatorError("empty_password", "the password cannot be empty")
    if login == DEFAULT_LOGIN and password == DEFAULT_PASSWORD:
        raise OperatorError(
            "default_password", "admin/admin is the login everyone knows: choose another password"
        )


def create_operator(
    conn: Connection,
    login: str,
    password: str,
    profile: str,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    email: str | None = None,
    comments: str | None = None,
) -> OperatorInfo:
    """Add an operator as the OCS console 2.10+ does: SHA-256 at PASSWORD_VERSION 2, the
    profile name in NEW_ACCESSLVL."""
    if not login or login != login.strip() or any(ord(c) < 32 for c in login):
        raise OperatorError("bad_login", "a login cannot be empty, nor start or end with spaces")
    if len(login) > MAX_LOGIN_CHARS:
        raise OperatorError("bad_login", f"a login holds at most {MAX_LOGIN_CHARS} characters")
    _check_profile(profile)
    _check_new_password(login, password)
    # MariaDB's collation would take "ADMIN" for "admin" (a duplicate key); refuse it on
    # both backends, so a database behaves the same after a move.
    twin = conn.execute(
        select(OPERATORS.c.ID).where(func.lower(OPERATORS.c.ID) == login.lower())
    ).first()
    if twin is not None:
        raise OperatorError("exists", f"an operator {twin.ID!r} already exists")
    conn.execute(
        insert(OPERATORS).values(
            ID=login, FIRSTNAME=first_name, LASTNAME=last_name, EMAIL=email, COMMENTS=comments,
            NEW_ACCESSLVL=profile, PASSWD=sha256_passwd(password), PASSWORD_VERSION=2,
        )
    )  # fmt: skip
    return get_operator(conn, login)


def _enabled_super_admins(conn: Connection) -> list[str]:
    rows = conn.execute(
        select(OPERATORS.c.ID, OPERATORS.c.PASSWD).where(OPERATORS.c.NEW_ACCESSLVL == SUPER_ADMIN)
    ).all()
    return [row.ID for row in rows if not (row.PASSWD or "").startswith(DISABLED_MARK)]


def _keep_a_super_admin(conn: Connection, login: str, what: str) -> None:
    """Refuse ``what`` when ``login`` is the last enabled super administrator."""
    if _enabled_super_admins(conn) == [login]:
        raise OperatorError(
            "last_super_admin",
            f"{login} is the last enabled super administrator (sadmin): cannot {what} it",
        )


def edit_operator(
    conn: Connection,
    login: str,
    *,
    first_name: str | None = _UNCHANGED,
    last_name: str | None = _UNCHANGED,
    email: str | None = _UNCHANGED,
    comments: str | None = _UNCHANGED,
    profile: str = _UNCHANGED,
) -> OperatorInfo:
    """Change the given fields of operator ``login``; the others stay."""
    current = get_operator(conn, login)
    values: dict[str, Any] = {}
    for column, value in (("FIRSTNAME", first_name), ("LASTNAME", last_name),
                          ("EMAIL", email), ("COMMENTS", comments)):  # fmt: skip
        if value is not _UNCHANGED:
            values[column] = value
    if profile is not _UNCHANGED and profile != current.profile:
        _check_profile(profile)
        if current.profile == SUPER_ADMIN:
            _keep_a_super_admin(conn, login, "change the profile of")
        values["NEW_ACCESSLVL"] = profile
    if values:
        conn.execute(update(OPERATORS).where(OPERATORS.c.ID == login).values(**values))
    return get_operator(conn, login)


def _stored_password(conn: Connection, login: str) -> str:
    get_operator(conn, login)  # UnknownOperator
    stored = conn.execute(select(OPERATORS.c.PASSWD).where(OPERATORS.c.ID == login)).scalar()
    return stored or ""


def disable_operator(conn: Connection, login: str) -> bool:
    """Mark ``login`` disabled (no login here nor in OCS); False if it already was."""
    stored = _stored_password(conn, login)
    if stored.startswith(DISABLED_MARK):
        return False
    if get_operator(conn, login).profile == SUPER_ADMIN:
        _keep_a_super_admin(conn, login, "disable")
    conn.execute(
        update(OPERATORS).where(OPERATORS.c.ID == login).values(PASSWD=DISABLED_MARK + stored)
    )
    return True


def enable_operator(conn: Connection, login: str) -> bool:
    """Let ``login`` log in again with its former password; False if it was enabled."""
    stored = _stored_password(conn, login)
    if not stored.startswith(DISABLED_MARK):
        return False
    conn.execute(
        update(OPERATORS)
        .where(OPERATORS.c.ID == login)
        .values(PASSWD=stored.removeprefix(DISABLED_MARK))
    )
    return True


def delete_operator(conn: Connection, login: str) -> None:
    """Delete ``login`` and its TAG perimeter; never the last enabled super administrator."""
    current = get_operator(conn, login)
    if current.profile == SUPER_ADMIN:
        _keep_a_super_admin(conn, login, "delete")
    conn.execute(delete(TAGS).where(TAGS.c.Login == login))
    conn.execute(delete(OPERATORS).where(OPERATORS.c.ID == login))


def change_own_password(conn: Connection, login: str, old: str, new: str) -> None:
    """An operator changes its own password: the old one must be right (any scheme)."""
    row = conn.execute(
        select(OPERATORS.c.ID, OPERATORS.c.PASSWD, OPERATORS.c.PASSWORD_VERSION).where(
            OPERATORS.c.ID == login
        )
    ).first()
    if row is None or row.ID != login or not check_password(row.PASSWD, row.PASSWORD_VERSION, old):
        raise OperatorError("wrong_password", "wrong login or current password: nothing changed")
    _check_new_password(login, new)
    set_password(conn, login, new)
