"""The admin upload API enforces the operator's profile (issue 13).

OCS lets ``sadmin`` and ``admin`` deploy packages; ``ladmin`` and ``read-only`` have no
deployment page. Our upload endpoints follow: an operator whose profile may not deploy
logs in but gets 403 on every endpoint, and the server logs who tried what; a disabled
operator does not log in at all (401). A row without a profile (older tools) keeps the
access it had.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert
from starlette.testclient import TestClient

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.operators import create_operator, disable_operator
from ocs_desktop.server import admin_upload
from ocs_desktop.server.operator_auth import (
    OPERATORS,
    OperatorAccount,
    may_publish,
    sha256_passwd,
)
from tests.support.info_files import info_of_size
from tests.support.server_helpers import client_for
from tests.support.upload_fixtures import download

__all__ = ["download"]  # the fixture, imported for pytest

FILEID = "1720000042"
BASE = f"/admin/packages/{FILEID}"
LOGGER = "ocs_desktop.server.admin_upload"


def _auth(login: str, password: str = "pw-Op3rator") -> dict[str, str]:
    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    with engine.begin() as conn:
        for login, profile in (("boss", "sadmin"), ("deployer", "admin"),
                               ("local", "ladmin"), ("viewer", "read-only")):  # fmt: skip
            create_operator(conn, login, "pw-Op3rator", profile)
        conn.execute(insert(OPERATORS).values(
            ID="custom", PASSWD=sha256_passwd("pw-Op3rator"), PASSWORD_VERSION=2,
            NEW_ACCESSLVL="dde_teledeploy",
        ))  # fmt: skip
        conn.execute(insert(OPERATORS).values(
            ID="legacy", PASSWD=sha256_passwd("pw-Op3rator"), PASSWORD_VERSION=2,
        ))  # fmt: skip
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def client(sqlite_engine: Engine, download: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(admin_upload, "FAILED_LOGIN_DELAY_S", 0)
    with client_for(sqlite_engine, download_dir=str(download)) as client:
        client.base_url = client.base_url.copy_with(scheme="https")  # type: ignore[attr-defined]
        yield client


def test_may_publish_follows_the_ocs_profiles():
    allowed = [p for p in ("sadmin", "admin", "ladmin", "read-only", "dde_teledeploy", "",
                           "ADMIN", None) if may_publish(OperatorAccount("x", p))]  # fmt: skip
    assert allowed == ["sadmin", "admin", None]


@pytest.mark.parametrize("login", ["viewer", "local", "custom"])
def test_a_profile_that_may_not_deploy_gets_403_everywhere_and_a_log_line(
    client: TestClient, download: Path, caplog: pytest.LogCaptureFixture, login: str
):
    profile = {"viewer": "read-only", "local": "ladmin", "custom": "dde_teledeploy"}[login]
    calls = [
        ("PUT", f"{BASE}/upload/info", info_of_size(200, FILEID)),
        ("POST", f"{BASE}/commit", None),
        ("DELETE", f"{BASE}/upload", None),
        ("GET", f"{BASE}/upload", None),
    ]
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        for method, path, body in calls:
            answer = client.request(method, path, content=body, headers=_auth(login))
            assert answer.status_code == 403, (method, answer.text)
            assert answer.json() == {
                "error": f"operator {login} (profile {profile}) may not publish packages"
            }
            assert "WWW-Authenticate" not in answer.headers
    assert list(download.iterdir()) == []  # nothing staged, not even the folder
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings[0] == (
        f"admin call PUT {BASE}/upload/info refused for operator {login!r} from testclient: "
        f"profile {profile!r} may not deploy packages (admin.forbidden_profile)"
    )
    assert len(warnings) == 4 and all("admin.forbidden_profile" in w for w in warnings)


@pytest.mark.parametrize("login", ["boss", "deployer", "legacy"])
def test_an_admin_profile_uploads_and_publishes(
    client: TestClient, download: Path, caplog: pytest.LogCaptureFixture, login: str
):
    info = (
        f'<DOWNLOAD ID="{FILEID}" PRI="5" ACT="STORE" DIGEST="" PROTO="HTTP" FRAGS="0" '
        'DIGEST_ALGO="MD5" DIGEST_ENCODE="Hexa" PATH="" NAME="" COMMAND="" NOTIFY_USER="0" '
        'NOTIFY_TEXT="" NOTIFY_COUNTDOWN="" NOTIFY_CAN_ABORT="0" NOTIFY_CAN_DELAY="0" '
        'NEED_DONE_ACTION="0" NEED_DONE_ACTION_TEXT="" GARDEFOU="rien" />'
    ).encode()
    with caplog.at_level(logging.INFO, logger=LOGGER):
        put = client.put(f"{BASE}/upload/info", content=info, headers=_auth(login))
        assert put.status_code == 200, put.text
        assert client.get(f"{BASE}/upload", headers=_auth(login)).status_code == 200
        commit = client.post(f"{BASE}/commit", headers=_auth(login))
    assert commit.status_code == 200, commit.text
    assert commit.json()["published"] is True
    assert (download / FILEID / "info").read_bytes() == info
    assert not any("forbidden_profile" in r.getMessage() for r in caplog.records)
    assert f"package {FILEID} published by operator {login} (0 fragments, 0 bytes)" in [
        r.getMessage() for r in caplog.records
    ]


def test_a_disabled_admin_cannot_log_in(client: TestClient, sqlite_engine: Engine):
    assert client.get(f"{BASE}/upload", headers=_auth("deployer")).status_code == 200
    with sqlite_engine.begin() as conn:
        disable_operator(conn, "deployer")
    answer = client.get(f"{BASE}/upload", headers=_auth("deployer"))
    assert (answer.status_code, answer.json()) == (
        401,
        {"error": "wrong operator login or password"},
    )


def test_a_wrong_password_is_401_before_any_profile_check(client: TestClient):
    answer = client.get(f"{BASE}/upload", headers=_auth("viewer", "nope"))
    assert answer.status_code == 401
