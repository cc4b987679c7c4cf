"""Who may call the admin endpoints: an operator of the ``operators`` table whose password
matches (schemes in ``fleet.operators``, as the OCS console checks them, PROTOCOL 9).

The login is compared exactly. On MariaDB the ``operators.ID`` column compares without
case and trailing spaces, so ``ADMIN`` and ``admin `` used to find ``admin``: the row
found must carry the very login given.

An operator who logs in may still not be allowed to publish: ``may_publish`` follows the
profile (``fleet.operator_profiles``). ``sadmin`` and ``admin`` may; ``ladmin``,
``read-only`` and profiles we do not know may not. A row without a profile (written by
hand or by a tool older than profiles) keeps the access it had before profiles were
enforced; every operator this project creates has one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from ocs_desktop.fleet.operator_profiles import PUBLISHING_PROFILES
from ocs_desktop.fleet.operators import OPERATORS as OPERATORS
from ocs_desktop.fleet.operators import check_password as check_password
from ocs_desktop.fleet.operators import sha256_passwd as sha256_passwd

#: What an unknown login's password is checked against: a PASSWORD_VERSION 2 value (the
#: scheme we write) that no password matches, SHA-256 hex being lower-case hex digits.
_NO_OPERATOR: tuple[str, int] = ("-" * 64, 2)


@dataclass(frozen=True)
class OperatorAccount:
    """An operator whose password matched."""

    login: str
    profile: str | None
    """``NEW_ACCESSLVL``: the console profile name (``sadmin``, ``admin``, …)."""


def authenticate(conn: Connection, login: str, password: str) -> OperatorAccount | None:
    """The operator ``login`` (exactly that login) when ``password`` is right, else None."""
    if not login or not password:
        return None
    row = conn.execute(
        select(OPERATORS.c.ID, OPERATORS.c.PASSWD, OPERATORS.c.PASSWORD_VERSION,
               OPERATORS.c.NEW_ACCESSLVL).where(OPERATORS.c.ID == login)
    ).first()  # fmt: skip
    if row is None or row.ID != login:
        # Do a real check's work, so timing does not tell which logins exist.
        check_password(*_NO_OPERATOR, password)
        return None
    if not check_password(row.PASSWD, row.PASSWORD_VERSION, password):
        return None
    return OperatorAccount(login=row.ID, profile=row.NEW_ACCESSLVL)


def may_publish(account: OperatorAccount) -> bool:
    """Whether ``account`` may upload, publish and discard packages: a publishing profile,
    or none at all (a row older than profiles)."""
    return account.profile is None or account.profile in PUBLISHING_PROFILES
