"""Operators and profiles (issue 13): the core on SQLite and MariaDB, and the CLI.

The hash vectors are what OCS stores (PROTOCOL 9): SHA-256 hex at PASSWORD_VERSION 2 (OCS
2.10+, the default ``admin`` row), MD5 hex at 0, and a PHP ``password_hash`` bcrypt at 1
(taken from an OCS 2.x ``ocsweb`` dump: ``admin``'s row as its installer wrote it). We
write exactly what the OCS console writes and compares, so it accepts our rows; we check
its rows with ``check_password``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json

import pytest
from sqlalchemy import Engine, insert, select

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.operator_profiles import (
    NOTHING,
    TAGS,
    PerimeterError,
    Visibility,
    add_perimeter,
    is_restricted,
    list_perimeter,
    may_deploy,
    may_see,
    perimeters,
    remove_perimeter,
    tag_matches,
    visibility,
)
from ocs_desktop.fleet.operators import (
    OPERATORS,
    OperatorError,
    UnknownOperator,
    change_own_password,
    check_password,
    create_operator,
    delete_operator,
    disable_operator,
    edit_operator,
    enable_operator,
    get_operator,
    list_operators,
    set_password,
)
from ocs_desktop.server.operator_auth import authenticate

#: PROTOCOL 9: the default admin row of OCS 2.10+ (sha256 of "admin").
SHA256_ADMIN = "8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918"
#: MD5 hex of "admin" (PASSWORD_VERSION 0, before OCS 2.2).
MD5_ADMIN = "21232f297a57a5a743894a0e4a801fc3"
#: PHP password_hash("admin", PASSWORD_BCRYPT) from an OCS 2.x database (version 1).
BCRYPT_ADMIN = "$2y$10$uOaVpKaJe7qdB6VNu8D9L.exU8IpLVFJFOU3Y9NyCJmOvbUqfkFZO"


def _row(engine: Engine, login: str) -> dict[str, object]:
    with engine.connect() as conn:
        return dict(conn.execute(select(OPERATORS).where(OPERATORS.c.ID == login)).one()._mapping)


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


# -- hash vectors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "version"),
    [(SHA256_ADMIN, 2), (MD5_ADMIN, 0), (MD5_ADMIN, None), (BCRYPT_ADMIN, 1),
     (BCRYPT_ADMIN, None)],
)  # fmt: skip
def test_every_ocs_scheme_is_verified_with_the_vectors(
    engine: Engine, stored: str, version: int | None
):
    assert check_password(stored, version, "admin")
    for wrong in ("Admin", "admin ", "", "admi"):
        assert not check_password(stored, version, wrong)
    with engine.begin() as conn:
        row = {"ID": "ocsrow", "PASSWD": stored, "PASSWORD_VERSION": version}
        conn.execute(insert(OPERATORS).values(**row, NEW_ACCESSLVL="admin"))
    with engine.connect() as conn:
        assert authenticate(conn, "ocsrow", "admin") is not None
        assert authenticate(conn, "OCSROW", "admin") is None  # logins compare exactly
    with engine.begin() as conn:  # the operator changes it: written the way OCS 2.10 does
        change_own_password(conn, "ocsrow", "admin", "n3w")
    row = _row(engine, "ocsrow")
    assert (row["PASSWD"], row["PASSWORD_VERSION"]) == (hashlib.sha256(b"n3w").hexdigest(), 2)


def test_what_we_write_is_what_ocs_2_10_writes(engine: Engine):
    with engine.begin() as conn:
        info = create_operator(conn, "jdoe", "admin", "admin", first_name="Jane",
                               last_name="Doe", email="j@example.org", comments="ops")  # fmt: skip
    row = _row(engine, "jdoe")
    # OCS compares hash('sha256', $pwd) with PASSWD for PASSWORD_VERSION 2: the vector.
    assert row["PASSWD"] == SHA256_ADMIN and row["PASSWORD_VERSION"] == 2
    assert row["NEW_ACCESSLVL"] == "admin"
    assert (row["FIRSTNAME"], row["LASTNAME"], row["EMAIL"], row["COMMENTS"]) == (
        "Jane", "Doe", "j@example.org", "ops",
    )  # fmt: skip
    assert info.name == "Jane Doe" and not info.disabled and info.password_version == 2
    assert "PASSWD" not in repr(info) and SHA256_ADMIN not in repr(info)


# -- create / edit / list -------------------------------------------------------------


def test_create_refuses_bad_logins_profiles_passwords_and_twins(engine: Engine):
    cases = [
        (("", "pw", "admin"), "bad_login"),
        ((" bob", "pw", "admin"), "bad_login"),
        (("bob ", "pw", "admin"), "bad_login"),
        (("b" * 101, "pw", "admin"), "bad_login"),
        (("bob", "pw", "root"), "bad_profile"),
        (("bob", "", "admin"), "empty_password"),
        (("ADMIN", "pw", "admin"), "exists"),  # MariaDB's collation would collide
        (("admin", "pw", "admin"), "exists"),
    ]
    for args, code in cases:
        with engine.begin() as conn, pytest.raises(OperatorError) as raised:
            create_operator(conn, *args)
        assert raised.value.code == code, args
    with engine.connect() as conn:
        assert [op.login for op in list_operators(conn)] == ["admin"]


def test_edit_changes_only_what_is_given(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "bob", "pw", "read-only", first_name="Bob", email="b@x")
        edited = edit_operator(conn, "bob", last_name="Smith", profile="ladmin")
    assert (edited.first_name, edited.last_name, edited.email, edited.profile) == (
        "Bob", "Smith", "b@x", "ladmin",
    )  # fmt: skip
    with engine.begin() as conn:
        edited = edit_operator(conn, "bob", email=None)
        assert edited.email is None and edited.last_name == "Smith"
        with pytest.raises(OperatorError) as raised:
            edit_operator(conn, "bob", profile="god")
        assert raised.value.code == "bad_profile"
        with pytest.raises(UnknownOperator):
            edit_operator(conn, "BOB", first_name="x")
    assert _row(engine, "bob")["PASSWD"] == hashlib.sha256(b"pw").hexdigest()


def test_list_never_carries_a_password(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "zed", "secret-pw", "read-only")
        found = list_operators(conn)
    assert [op.login for op in found] == ["admin", "zed"]
    assert found[0].profile == "sadmin" and found[1].profile == "read-only"
    text = repr(found)
    assert "secret" not in text and hashlib.sha256(b"secret-pw").hexdigest() not in text
    assert SHA256_ADMIN not in text


# -- disable / enable / delete / last sadmin ------------------------------------------


def test_disable_blocks_login_here_and_in_ocs_and_enable_restores_it(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "bob", "pw", "admin")
        assert disable_operator(conn, "bob") is True
        assert disable_operator(conn, "bob") is False
    row = _row(engine, "bob")
    stored = str(row["PASSWD"])
    # OCS compares sha256(pwd) == PASSWD: no hex digest starts with "!"
    assert stored == "!" + hashlib.sha256(b"pw").hexdigest()
    assert not check_password(stored, 2, "pw")
    with engine.connect() as conn:
        assert get_operator(conn, "bob").disabled
        assert authenticate(conn, "bob", "pw") is None
    with engine.begin() as conn:
        assert enable_operator(conn, "bob") is True
        assert enable_operator(conn, "bob") is False
        assert authenticate(conn, "bob", "pw") is not None
        assert not get_operator(conn, "bob").disabled


@pytest.mark.parametrize("stored", [MD5_ADMIN, BCRYPT_ADMIN])
def test_disabling_an_older_scheme_keeps_it_for_enable(engine: Engine, stored: str):
    version = 1 if stored.startswith("$2") else 0
    with engine.begin() as conn:
        conn.execute(insert(OPERATORS).values(ID="old", PASSWD=stored, PASSWORD_VERSION=version,
                                              NEW_ACCESSLVL="admin"))  # fmt: skip
        disable_operator(conn, "old")
        assert authenticate(conn, "old", "admin") is None
        for v in (None, 0, 1, 2):
            assert not check_password("!" + stored, v, "admin")
        enable_operator(conn, "old")
        assert authenticate(conn, "old", "admin") is not None


def test_the_last_enabled_super_admin_is_protected(engine: Engine):
    for action in (
        lambda conn: delete_operator(conn, "admin"),
        lambda conn: disable_operator(conn, "admin"),
        lambda conn: edit_operator(conn, "admin", profile="admin"),
    ):
        with engine.begin() as conn, pytest.raises(OperatorError) as raised:
            action(conn)
        assert raised.value.code == "last_super_admin"
    assert _row(engine, "admin")["NEW_ACCESSLVL"] == "sadmin"
    with engine.begin() as conn:
        create_operator(conn, "boss", "pw", "sadmin")
        disable_operator(conn, "boss")  # a disabled sadmin does not count
        with pytest.raises(OperatorError):
            delete_operator(conn, "admin")
        enable_operator(conn, "boss")
        edit_operator(conn, "admin", profile="admin")  # now there is another one
        with pytest.raises(OperatorError):
            disable_operator(conn, "boss")
        delete_operator(conn, "admin")
        assert [op.login for op in list_operators(conn)] == ["boss"]


def test_delete_removes_the_perimeter_and_unknown_logins_are_refused(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "loc", "pw", "ladmin")
        add_perimeter(conn, "loc", "PARIS*")
        add_perimeter(conn, "admin", "LYON")
        delete_operator(conn, "loc")
        assert perimeters(conn) == {"admin": ["LYON"]}
        for action in (delete_operator, disable_operator, enable_operator, get_operator):
            with pytest.raises(UnknownOperator):
                action(conn, "loc")


def test_change_own_password_needs_the_old_one(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "bob", "old-pw", "admin")
        for login, old in (("bob", "wrong"), ("BOB", "old-pw"), ("nobody", "old-pw")):
            with pytest.raises(OperatorError) as raised:
                change_own_password(conn, login, old, "new-pw")
            assert raised.value.code == "wrong_password"
        with pytest.raises(OperatorError) as raised:
            change_own_password(conn, "bob", "old-pw", "")
        assert raised.value.code == "empty_password"
        with pytest.raises(OperatorError) as raised:
            change_own_password(conn, "admin", "admin", "admin")
        assert raised.value.code == "default_password"
        change_own_password(conn, "bob", "old-pw", "new-pw")
        assert authenticate(conn, "bob", "new-pw") is not None
        assert authenticate(conn, "bob", "old-pw") is None


def test_set_password_enables_a_disabled_operator(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "bob", "pw", "admin")
        disable_operator(conn, "bob")
        set_password(conn, "bob", "fresh")
        assert not get_operator(conn, "bob").disabled
        assert authenticate(conn, "bob", "fresh") is not None


# -- profiles and perimeters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "tag", "expected"),
    [
        ("PARIS", "PARIS", True),
        ("PARIS", "paris", True),  # MySQL's collation, as the OCS console compares
        ("PARIS", "PARIS-2", False),
        ("PAR*", "PARIS-2", True),
        ("PAR*", "PAR", True),
        ("PAR*", "XPARIS", False),
        ("*-RH", "LYON-RH", True),
        ("SITE?", "SITE1", True),
        ("SITE?", "SITE12", False),
        ("SITE?", "SITE", False),
        ("a.b", "axb", False),  # only * and ? are wildcards
        ("a[1]", "a1", False),
        ("a[1]", "a[1]", True),
        ("*", None, False),  # a machine without TAG is in no perimeter
        ("", "", False),
    ],
)
def test_tag_patterns(pattern: str, tag: str | None, expected: bool):
    assert tag_matches(pattern, tag) is expected


def test_profiles_as_ocs_ships_them():
    assert [p for p in ("sadmin", "admin", "ladmin", "read-only", None, "x") if may_deploy(p)] == [
        "sadmin",
        "admin",
    ]
    assert [
        p for p in ("sadmin", "admin", "ladmin", "read-only", None, "x") if is_restricted(p)
    ] == [
        "ladmin",
        None,
        "x",
    ]


def test_perimeters_and_who_sees_what(engine: Engine):
    with engine.begin() as conn:
        create_operator(conn, "loc", "pw", "ladmin")
        create_operator(conn, "ro", "pw", "read-only")
        assert add_perimeter(conn, "loc", " PAR* ") is True
        assert add_perimeter(conn, "loc", "SITE?") is True
        assert add_perimeter(conn, "loc", "par*") is False  # the same row for MariaDB
        for bad, code in (("", "empty"), ("x" * 101, "too_long")):
            with pytest.raises(PerimeterError) as raised:
                add_perimeter(conn, "loc", bad)
            assert raised.value.code == code
        with pytest.raises(PerimeterError) as raised:
            add_perimeter(conn, "LOC", "X")
        assert raised.value.code == "unknown"
        conn.execute(insert(OPERATORS).values(ID="noprof", PASSWD="x", PASSWORD_VERSION=2))
    with engine.connect() as conn:
        assert list_perimeter(conn, "loc") == ["PAR*", "SITE?"]
        assert visibility(conn, "loc") == Visibility(False, ("PAR*", "SITE?"))
        assert [t for t in ("PARIS", "SITE7", "LYON", None) if may_see(conn, "loc", t)] == [
            "PARIS",
            "SITE7",
        ]
        assert may_see(conn, "ro", "LYON") and may_see(conn, "ro", None)
        assert may_see(conn, "admin", None)
        assert visibility(conn, "noprof") is NOTHING  # OCS gives no access without profile
        assert visibility(conn, "LOC") is NOTHING and visibility(conn, "nobody") is NOTHING
    with engine.begin() as conn:
        disable_operator(conn, "loc")
        assert not may_see(conn, "loc", "PARIS")
        enable_operator(conn, "loc")
        assert remove_perimeter(conn, "loc", "PAR*") is True
        assert remove_perimeter(conn, "loc", "PAR*") is False
        assert not may_see(conn, "loc", "PARIS") and may_see(conn, "loc", "SITE1")
        rows = conn.execute(select(TAGS.c.Login, TAGS.c.Tag)).all()
    assert [tuple(r) for r in rows] == [("loc", "SITE?")]


# -- CLI ------------------------------------------------------------------------------


def _cli(monkeypatch: pytest.MonkeyPatch, engine: Engine, *args: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["operator", *args, "--db", _url(engine)])


def test_cli_manages_operators_without_showing_passwords(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    assert _cli(monkeypatch, engine, "create", "bob", "--profile", "ladmin", "--password-stdin",
                "--first-name", "Bob", stdin="Pw-bob-1\n") == 0  # fmt: skip
    assert _cli(monkeypatch, engine, "perimeter", "add", "bob", "PAR*") == 0
    assert _cli(monkeypatch, engine, "edit", "bob", "--email", "bob@example.org") == 0
    assert _cli(monkeypatch, engine, "disable", "bob") == 0
    capsys.readouterr()
    assert _cli(monkeypatch, engine, "list", "--json") == 0
    out = capsys.readouterr().out
    listed = {row["login"]: row for row in json.loads(out)}
    assert listed["bob"]["profile"] == "ladmin" and listed["bob"]["disabled"] is True
    assert listed["bob"]["perimeter"] == ["PAR*"] and listed["bob"]["email"] == "bob@example.org"
    assert "Pw-bob-1" not in out and hashlib.sha256(b"Pw-bob-1").hexdigest() not in out
    assert SHA256_ADMIN not in out
    assert _cli(monkeypatch, engine, "list") == 0
    assert "bob\tladmin\tdisabled\tBob\tPAR*" in capsys.readouterr().out
    assert _cli(monkeypatch, engine, "perimeter", "list", "bob") == 0
    assert capsys.readouterr().out == "PAR*\n"
    assert _cli(monkeypatch, engine, "enable", "bob") == 0
    with engine.connect() as conn:
        assert authenticate(conn, "bob", "Pw-bob-1") is not None
    assert _cli(monkeypatch, engine, "perimeter", "remove", "bob", "PAR*") == 0
    assert _cli(monkeypatch, engine, "perimeter", "remove", "bob", "PAR*") == 1
    assert _cli(monkeypatch, engine, "delete", "bob") == 1  # no terminal, no --yes
    assert "add --yes" in capsys.readouterr().err
    assert _cli(monkeypatch, engine, "delete", "bob", "--yes") == 0
    assert _cli(monkeypatch, engine, "delete", "admin", "--yes") == 1
    err = capsys.readouterr().err
    assert "last enabled super administrator" in err and "nothing changed" in err
    with engine.connect() as conn:
        assert [op.login for op in list_operators(conn)] == ["admin"]


def test_cli_never_takes_a_password_argument(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    with pytest.raises(SystemExit):
        _cli(monkeypatch, engine, "create", "bob", "--profile", "admin", "--password", "x")
    with pytest.raises(SystemExit):
        _cli(monkeypatch, engine, "create", "bob", "--profile", "root", "--password-stdin")
    assert _cli(monkeypatch, engine, "create", "bob", "--profile", "admin") == 1  # no tty
    assert "--password-stdin" in capsys.readouterr().err
    with engine.connect() as conn:
        assert [op.login for op in list_operators(conn)] == ["admin"]


def test_perimeter_limits_are_the_tags_columns(engine: Engine):
    """``tags.Tag`` and ``tags.Login`` hold 100 characters: exactly 100 is taken."""
    longest = "L" * 100
    with engine.begin() as conn:
        create_operator(conn, longest, "pw", "ladmin")
        assert add_perimeter(conn, longest, "T" * 100) is True
        with pytest.raises(PerimeterError) as raised:
            add_perimeter(conn, longest, "T" * 101)
        assert str(raised.value) == "the tags table holds at most 100 characters"
        conn.execute(insert(OPERATORS).values(ID="n" * 101, PASSWD=None, NEW_ACCESSLVL="admin"))
        with pytest.raises(PerimeterError):
            add_perimeter(conn, "n" * 101, "X")
        assert list_perimeter(conn, longest) == ["T" * 100]
        assert visibility(conn, "n" * 101).everything  # no password is not "disabled"
    with pytest.raises(dataclasses.FrozenInstanceError):
        NOTHING.everything = True  # type: ignore[misc]
