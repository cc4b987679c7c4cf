"""``ocs-desktop operator passwd`` and the console's band while admin/admin still works:
the warning the server logs points to a command that exists and ends it."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.operators import (
    OPERATORS,
    check_password,
    default_login_works,
    set_password,
)
from ocs_desktop.views.app import MainWindow
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.qt import QtCore


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _stored(engine: Engine, login: str) -> tuple[str, int]:
    with engine.connect() as conn:
        row = conn.execute(
            select(OPERATORS.c.PASSWD, OPERATORS.c.PASSWORD_VERSION).where(OPERATORS.c.ID == login)
        ).one()
    return str(row.PASSWD), int(row.PASSWORD_VERSION)


def _passwd(monkeypatch: pytest.MonkeyPatch, engine: Engine, login: str, password: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main(["operator", "passwd", login, "--db", _url(engine), "--password-stdin"])


def test_passwd_ends_the_default_login_and_is_stored_as_ocs_2_10_does(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with engine.connect() as conn:
        assert default_login_works(conn)
    assert _passwd(monkeypatch, engine, "admin", "S3cret pass") == 0
    assert "Password of admin changed" in capsys.readouterr().out
    stored, version = _stored(engine, "admin")
    # SHA-256 of "S3cret pass", as OCS 2.10 writes it (PASSWORD_VERSION 2).
    assert version == 2
    assert stored == hashlib.sha256(b"S3cret pass").hexdigest()
    assert check_password(stored, version, "S3cret pass")
    assert not check_password(stored, version, "admin")
    with engine.connect() as conn:
        assert not default_login_works(conn)


@pytest.mark.parametrize(
    ("login", "password", "message"),
    [
        ("admin", "admin", "the login everyone knows"),
        ("admin", "", "cannot be empty"),
        ("nobody", "x", "no operator 'nobody'"),
        ("ADMIN", "x", "no operator 'ADMIN'"),  # logins compare exactly, as OCS does
    ],
)
def test_passwd_refuses_and_changes_nothing(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    login: str,
    password: str,
    message: str,
) -> None:
    before = _stored(engine, "admin")
    assert _passwd(monkeypatch, engine, login, password) == 1
    err = capsys.readouterr().err
    assert message in err and "nothing changed" in err
    assert _stored(engine, "admin") == before


def test_passwd_without_a_terminal_asks_for_stdin(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("typed\n"))
    assert main(["operator", "passwd", "admin", "--db", _url(engine)]) == 1
    assert "--password-stdin" in capsys.readouterr().err
    with engine.connect() as conn:
        assert default_login_works(conn)


def test_set_password_of_another_operator_leaves_admin_alone(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(OPERATORS.insert().values(ID="jdoe", PASSWD="x", PASSWORD_VERSION=0))
        set_password(conn, "jdoe", "pw")
    assert check_password(*_stored(engine, "jdoe"), "pw")
    with engine.connect() as conn:
        assert default_login_works(conn)


def test_the_console_shows_the_band_until_the_password_changes(
    qtbot: QtBot, tmp_path: Path, engine: Engine
) -> None:
    QtCore.QSettings.setPath(
        QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, str(tmp_path)
    )
    context = ConsoleContext(engine, "fleet")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    band = window.default_login_banner
    qtbot.waitUntil(band.isVisible, timeout=10_000)
    assert "operator passwd admin" in band.text()
    with engine.begin() as conn:
        set_password(conn, "admin", "changed")
    band.check()
    qtbot.waitUntil(lambda: not band.isVisible(), timeout=10_000)
    context.runner.cancel_all()
    assert context.runner.wait_idle(10_000)
