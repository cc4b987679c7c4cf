"""Console operators' passwords, checked as the OCS console checks them (PROTOCOL 9).

``authenticate`` runs on SQLite and MariaDB (the ``engine`` fixture): rows written by
older consoles (PASSWORD_VERSION NULL with an MD5 or a bcrypt hash), empty logins and
passwords, rows without a password, and the unknown-login path, which must do a real
check's hash work so that timing does not tell which logins exist.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import Any

import bcrypt
import pytest
from sqlalchemy import Engine, insert, select

from ocs_desktop.db.seed import DEFAULT_ADMIN_LOGIN, DEFAULT_ADMIN_PASSWORD
from ocs_desktop.server import operator_auth
from ocs_desktop.server.operator_auth import (
    OPERATORS,
    OperatorAccount,
    authenticate,
    check_password,
    sha256_passwd,
)


def _md5(password: str) -> str:
    return hashlib.md5(password.encode()).hexdigest()


def _bcrypt(password: str, prefix: str = "$2y$") -> str:
    """A bcrypt hash as PHP's ``password_hash`` writes it (``$2y$``) or another variant."""
    hashed = bcrypt.hashpw(password.encode()[:72], bcrypt.gensalt(4)).decode()
    return prefix + hashed.removeprefix("$2b$")


def _operators(engine: Engine, *rows: dict[str, Any]) -> None:
    with engine.begin() as conn:
        for row in rows:
            conn.execute(insert(OPERATORS).values(**row))


def _login(engine: Engine, login: str, password: str) -> OperatorAccount | None:
    with engine.connect() as conn:
        return authenticate(conn, login, password)


# -- PASSWORD_VERSION NULL: rows of older consoles ------------------------------------


def test_null_version_with_an_md5_hash_authenticates(engine: Engine):
    _operators(
        engine,
        {"ID": "legacy", "PASSWD": _md5("old pass"), "PASSWORD_VERSION": None,
         "NEW_ACCESSLVL": "admin"},
    )  # fmt: skip
    with engine.connect() as conn:
        version = conn.execute(
            select(OPERATORS.c.PASSWORD_VERSION).where(OPERATORS.c.ID == "legacy")
        ).scalar_one()
    assert version is None  # the column's default 0 did not apply: the case is really NULL
    assert _login(engine, "legacy", "old pass") == OperatorAccount("legacy", "admin")
    assert _login(engine, "legacy", "Old pass") is None
    assert _login(engine, "legacy", "old pass ") is None
    assert _login(engine, "legacy", _md5("old pass")) is None  # the hash is no password


def test_null_version_with_a_bcrypt_hash_authenticates(engine: Engine):
    _operators(
        engine,
        {"ID": "seeded", "PASSWD": _bcrypt("s3cret"), "PASSWORD_VERSION": None,
         "NEW_ACCESSLVL": "sadmin"},
    )  # fmt: skip
    assert _login(engine, "seeded", "s3cret") == OperatorAccount("seeded", "sadmin")
    assert _login(engine, "seeded", "S3cret") is None
    assert _login(engine, "seeded", "") is None


@pytest.mark.parametrize("prefix", ["$2y$", "$2b$", "$2a$"])
def test_null_version_recognises_every_bcrypt_prefix(prefix: str):
    stored = _bcrypt("s3cret", prefix)
    assert check_password(stored, None, "s3cret")
    assert not check_password(stored, None, "s3cret!")


def test_null_version_with_a_broken_bcrypt_string_is_refused_not_raised():
    assert check_password("$2y$04$short", None, "x") is False
    assert check_password("$2y$04$short", 1, "x") is False


def test_null_version_md5_is_read_like_version_0():
    stored = _md5("old")
    for version in (None, 0):
        assert check_password(stored, version, "old")
        assert check_password(stored.upper(), version, "old")
        assert check_password(f" {stored}\n", version, "old")  # CHAR padding, a pasted newline
        assert not check_password(stored, version, "OLD")


# -- the other schemes, and what is not one -------------------------------------------


def test_sha256_passwd_is_the_hex_sha256():
    assert sha256_passwd("admin") == (
        "8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918"
    )


def test_version_2_is_sha256_whatever_the_case_of_the_stored_hex():
    stored = sha256_passwd("admin")
    assert check_password(stored, 2, "admin") and check_password(stored.upper(), 2, "admin")
    assert not check_password(stored, 2, "Admin")
    assert not check_password(_md5("admin"), 2, "admin")  # an MD5 at version 2 is no match


def test_version_1_is_bcrypt_only():
    assert check_password(_bcrypt("pw"), 1, "pw") and not check_password(_bcrypt("pw"), 1, "px")
    assert not check_password(_md5("pw"), 1, "pw")  # MD5 hex is no bcrypt string
    assert not check_password(_bcrypt("pw"), 0, "pw")  # nor is bcrypt an MD5


@pytest.mark.parametrize("version", [3, -1, 99])
def test_an_unknown_version_matches_nothing(version: int):
    for stored in (_md5("pw"), sha256_passwd("pw"), _bcrypt("pw")):
        assert not check_password(stored, version, "pw")


def test_bcrypt_reads_the_first_72_bytes_as_php_does():
    first = "p" * 71 + "q"  # 72 bytes
    stored = _bcrypt(first)
    assert check_password(stored, 1, first)
    assert check_password(stored, 1, first + "anything after byte 72")
    assert check_password(stored, None, first + "x" * 100)
    assert not check_password(stored, 1, "p" * 72)  # byte 72 itself counts
    assert not check_password(stored, 1, "p" * 71)


# -- empty logins and passwords ---------------------------------------------------------


def test_an_empty_login_is_refused(engine: Engine):
    _operators(engine, {"ID": "", "PASSWD": sha256_passwd("pw"), "PASSWORD_VERSION": 2})
    assert _login(engine, "", "pw") is None


def test_an_empty_password_is_refused_even_when_the_row_holds_its_hash(engine: Engine):
    for login, passwd, version in (
        ("blank2", sha256_passwd(""), 2),
        ("blank0", _md5(""), 0),
        ("blanknull", _md5(""), None),
    ):
        _operators(engine, {"ID": login, "PASSWD": passwd, "PASSWORD_VERSION": version})
        assert check_password(passwd, version, "")  # the hash does match: the guard refuses
        assert _login(engine, login, "") is None


def test_a_row_without_a_password_cannot_be_logged_into(engine: Engine):
    rows = [
        {"ID": f"nopw-{n}", "PASSWD": passwd, "PASSWORD_VERSION": version}
        for n, (passwd, version) in enumerate(
            (passwd, version) for passwd in ("", None) for version in (0, 1, 2, None)
        )
    ]
    _operators(engine, *rows)
    for row in rows:
        for password in ("", "x", "admin", _md5(""), sha256_passwd("")):
            assert _login(engine, row["ID"], password) is None
        assert not check_password(row["PASSWD"], row["PASSWORD_VERSION"], "")


def test_the_account_is_the_stored_row(engine: Engine):
    _operators(
        engine,
        {"ID": "deployer", "PASSWD": sha256_passwd("pw"), "PASSWORD_VERSION": 2,
         "NEW_ACCESSLVL": "admin"},
        {"ID": "noprofile", "PASSWD": sha256_passwd("pw"), "PASSWORD_VERSION": 2},
    )  # fmt: skip
    assert _login(engine, "deployer", "pw") == OperatorAccount("deployer", "admin")
    assert _login(engine, "noprofile", "pw") == OperatorAccount("noprofile", None)
    account = _login(engine, "deployer", "pw")
    with pytest.raises(FrozenInstanceError):
        account.profile = "sadmin"  # type: ignore[misc, union-attr]
    assert _login(engine, DEFAULT_ADMIN_LOGIN, DEFAULT_ADMIN_PASSWORD) == OperatorAccount(
        "admin", "sadmin"
    )
    # Logins compare exactly on both backends, though MariaDB's collation finds the row
    # for "DEPLOYER" or "deployer " (issue 15): the row found must carry the login typed.
    for typed in ("DEPLOYER", "deployer ", "Deployer"):
        assert _login(engine, typed, "pw") is None


# -- unknown logins -------------------------------------------------------------------


def _count_sha256_of(monkeypatch: pytest.MonkeyPatch, secret: bytes) -> Callable[[], int]:
    """Count, from now on, the SHA-256 computations over ``secret``."""
    real = hashlib.sha256
    seen: list[bytes] = []

    def counting(data: bytes = b"", **kwargs: Any) -> Any:
        seen.append(bytes(data))
        return real(data, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", counting)
    return lambda: seen.count(secret)


def test_an_unknown_login_does_the_hash_work_of_a_known_one(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
):
    count = _count_sha256_of(monkeypatch, b"guess")
    assert _login(engine, DEFAULT_ADMIN_LOGIN, "guess") is None  # known, stored at version 2
    known = count()
    assert known == 1
    assert _login(engine, "nobody", "guess") is None
    assert count() - known == known


def test_an_unknown_login_goes_through_check_password_and_is_refused(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
):
    calls: list[tuple[str | None, int | None, str]] = []
    real = operator_auth.check_password

    def matching_everything(stored: str | None, version: int | None, password: str) -> bool:
        calls.append((stored, version, password))
        real(stored, version, password)
        return True

    monkeypatch.setattr(operator_auth, "check_password", matching_everything)
    assert _login(engine, "nobody", "guess") is None  # even a check that says yes
    assert [(version, password) for _, version, password in calls] == [(2, "guess")]
