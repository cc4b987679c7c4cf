"""Password guessing on /admin/packages (issue 15, defect 3).

Logins compare exactly (MariaDB found ``admin`` for ``ADMIN`` and ``admin ``). Attempts
are counted before their password is checked, per account and per client, in a table
every worker shares: past 5 failures of one login (or 20 from one address) within 15
minutes, attempts get 429 for 15 minutes without their password being looked at. The
live test throws 30 parallel guesses at two workers and measures when lockout sets in.
While admin/admin works, the server says so loudly, and ``fleet.operators`` tells the
console.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import bcrypt
import pytest
import requests
from sqlalchemy import Engine, create_engine, insert, select, text, update
from sqlalchemy.exc import OperationalError
from starlette.testclient import TestClient

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.operators import OPERATORS, default_login_works, sha256_passwd
from ocs_desktop.server import admin_upload, login_throttle
from ocs_desktop.server.login_throttle import THROTTLE, ThrottlePolicy, admit, forgive
from ocs_desktop.server.operator_auth import OperatorAccount, authenticate
from tests.support.live_server import live_server, maria
from tests.support.server_helpers import client_for

__all__ = ["maria"]  # the fixture, imported for pytest

LOGGER = "ocs_desktop.server"
BASE = "https://testserver/admin/packages/1740000001/upload"
POLICY = ThrottlePolicy(account_failures=5, client_failures=20, window_s=900, lockout_s=900)


def _basic(login: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _set_password(engine: Engine, login: str, passwd: str, version: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(OPERATORS)
            .where(OPERATORS.c.ID == login)
            .values(PASSWD=passwd, PASSWORD_VERSION=version)
        )


# -- exact logins ----------------------------------------------------------------------


@pytest.mark.parametrize("login", ["ADMIN", "Admin", "admin ", " admin", "admin\t"])
def test_a_login_must_match_exactly(engine: Engine, login: str) -> None:
    with engine.connect() as conn:
        assert authenticate(conn, login, "admin") is None
        assert authenticate(conn, "admin", "admin") == OperatorAccount("admin", "sadmin")


# -- the counter -----------------------------------------------------------------------


def test_the_sixth_attempt_at_a_login_is_locked_out_unchecked(engine: Engine) -> None:
    login_throttle.ensure_table(engine)
    now = 1_000_000.0
    waits = [admit(engine, "admin", f"10.0.0.{n}", now + n, POLICY) for n in range(7)]
    assert waits == [None] * 5 + [900.0, 900.0 - 1]  # the 7th: 899 s left of the lock
    # still locked just before the end, from anywhere, and open again at the end
    assert admit(engine, "admin", "10.9.9.9", now + 5 + 899.5, POLICY) == pytest.approx(0.5)
    assert admit(engine, "admin", "10.9.9.9", now + 5 + 900, POLICY) is None
    # a lock that ended starts the count again: four more attempts, then locked
    more = [admit(engine, "admin", "10.9.9.9", now + 906 + n, POLICY) for n in range(5)]
    assert more == [None] * 4 + [900.0]


def test_failures_older_than_the_window_are_forgotten(engine: Engine) -> None:
    login_throttle.ensure_table(engine)
    for login, client in (("ops", "10.0.0.1"), ("ops1", "10.0.0.2")):
        for n in range(5):
            assert admit(engine, login, client, 1000.0 + n, POLICY) is None
    # the first failure was at 1000: not yet older than the 900 s window at 1900
    assert admit(engine, "ops", "10.0.0.1", 1900.0, POLICY) == 900.0
    # at 1900.5 it is: the count starts over
    assert admit(engine, "ops1", "10.0.0.2", 1900.5, POLICY) is None
    with engine.connect() as conn:
        row = conn.execute(
            select(THROTTLE.c.FAILURES, THROTTLE.c.FIRST_AT).where(THROTTLE.c.SUBJECT == "ops1")
        ).one()
    assert (row.FAILURES, row.FIRST_AT) == (1, 1900.5)


def test_one_client_is_locked_out_after_20_failures_whatever_the_logins(engine: Engine) -> None:
    login_throttle.ensure_table(engine)
    waits = [admit(engine, f"user{n}", "192.0.2.7", 5000.0, POLICY) for n in range(21)]
    assert waits == [None] * 20 + [900.0]
    assert admit(engine, "someone", "192.0.2.8", 5000.0, POLICY) is None  # another client


def test_a_success_clears_the_account_and_the_client(engine: Engine) -> None:
    login_throttle.ensure_table(engine)
    for _ in range(4):
        assert admit(engine, "admin", "10.0.0.1", 10.0, POLICY) is None
    forgive(engine, "admin", "10.0.0.1")
    with engine.connect() as conn:
        assert conn.execute(select(THROTTLE)).all() == []
    assert [admit(engine, "admin", "10.0.0.1", 11.0, POLICY) for _ in range(6)] == [None] * 5 + [
        900.0
    ]


def test_the_default_policy_and_what_the_table_holds(engine: Engine) -> None:
    assert login_throttle.DEFAULT_POLICY == ThrottlePolicy(
        account_failures=5, client_failures=20, window_s=900.0, lockout_s=900.0
    )
    login_throttle.ensure_table(engine)
    assert admit(engine, "admin", "10.0.0.1", 50.0) is None  # the default policy
    with engine.connect() as conn:
        rows = conn.execute(select(THROTTLE).order_by(THROTTLE.c.KIND)).all()
    assert [tuple(row) for row in rows] == [
        ("account", "admin", 1, 50.0, 0.0),
        ("client", "10.0.0.1", 1, 50.0, 0.0),
    ]


def test_the_longer_of_two_locks_is_the_wait(engine: Engine) -> None:
    login_throttle.ensure_table(engine)
    policy = ThrottlePolicy(account_failures=1, client_failures=3, window_s=10_000, lockout_s=1000)
    assert admit(engine, "a1", "10.0.0.9", 0.0, policy) is None
    assert admit(engine, "a1", "10.0.0.9", 0.0, policy) == 1000.0  # a1 locked until 1000
    assert admit(engine, "a2", "10.0.0.9", 500.0, policy) is None  # the client's 3rd
    # a1 has 400 s to go; this 4th attempt locks the client for 1000 s: the wait is 1000
    assert admit(engine, "a1", "10.0.0.9", 600.0, policy) == 1000.0
    assert admit(engine, "a3", "10.0.0.9", 1500.0, policy) == 100.0  # the client's lock


def test_a_table_that_cannot_be_created_is_said_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "ocsweb.sqlite"
    writer = create_engine_for(normalize_url(str(db)))
    init_database(writer)
    with writer.begin() as conn:
        conn.execute(text(f"DROP TABLE {THROTTLE.name}"))
    writer.dispose()
    reader = create_engine(f"sqlite:///file:{db}?mode=ro&uri=true")
    try:
        with caplog.at_level(logging.ERROR, logger=LOGGER), pytest.raises(OperationalError):
            login_throttle.ensure_table(reader)
    finally:
        reader.dispose()
    assert [r.getMessage() for r in caplog.records] == [
        "the table ocsdesktop_login_throttle is missing and could not be created (attempt to "
        "write a readonly database); admin logins are refused until it exists: run "
        "`ocs-desktop db summarize` with an account that may create tables "
        "(admin.throttle_table)"
    ]


def test_logins_are_counted_under_their_first_255_characters(engine: Engine) -> None:
    login_throttle.ensure_table(engine)
    long = "x" * 300
    waits = [admit(engine, long[: 255 + n], "10.0.0.1", 0.0, POLICY) for n in range(6)]
    assert waits == [None] * 5 + [900.0]
    with engine.connect() as conn:
        subjects = conn.execute(select(THROTTLE.c.SUBJECT).where(THROTTLE.c.KIND == "account"))
        assert subjects.scalars().all() == ["x" * 255]


@pytest.mark.mariadb
def test_parallel_guesses_cannot_slip_past_the_count(maria: tuple[str, Engine]) -> None:
    _, engine = maria
    login_throttle.ensure_table(engine)
    with ThreadPoolExecutor(16) as pool:
        waits = list(pool.map(lambda n: admit(engine, "admin", f"10.1.0.{n}", 7.0, POLICY),
                              range(60)))  # fmt: skip
    assert waits.count(None) == 5
    assert len(waits) == 60


def test_the_table_is_created_on_first_use(tmp_path: Path) -> None:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    try:
        init_database(engine)
        with engine.begin() as conn:
            conn.execute(text(f"DROP TABLE {THROTTLE.name}"))  # a database made before it
        with client_for(engine, download_dir=str(tmp_path)) as client:
            answer = client.get(BASE, headers=_basic("admin", "admin"))
        assert answer.status_code == 200
        with engine.connect() as conn:
            assert conn.execute(select(THROTTLE)).all() == []  # created, then cleared
    finally:
        engine.dispose()


# -- through the endpoint, in process ---------------------------------------------------


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    with client_for(engine, download_dir=str(tmp_path)) as client:
        yield client


def test_the_endpoint_locks_an_account_out_with_429_and_retry_after(
    engine: Engine,
    client: TestClient,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(admin_upload, "FAILED_LOGIN_DELAY_S", 0)
    statuses = [client.get(BASE, headers=_basic("admin", f"guess{n}")).status_code
                for n in range(5)]  # fmt: skip
    assert statuses == [401] * 5
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        locked = client.get(BASE, headers=_basic("admin", "admin"))  # even the right one
    assert locked.status_code == 429
    assert locked.json() == {"error": "too many failed logins; try again in 900 s",
                             "retry_after": 900}  # fmt: skip
    assert locked.headers["Retry-After"] == "900"
    messages = [r.getMessage() for r in caplog.records]
    assert "admin logins of account 'admin' locked for 900 s after 5 failures in 900 s " \
        "(admin.locked_out)" in messages  # fmt: skip
    assert "admin login of operator 'admin' from testclient refused unchecked: locked out " \
        "for 900 s after repeated failures (admin.locked_out)" in messages  # fmt: skip
    # another operator from this client still gets in: only 6 failures from it so far
    with engine.begin() as conn:
        conn.execute(insert(OPERATORS).values(ID="ops", PASSWD=sha256_passwd("pw"),
                                              PASSWORD_VERSION=2))  # fmt: skip
    assert client.get(BASE, headers=_basic("ops", "pw")).status_code == 200


@pytest.mark.parametrize("login", ["ADMIN", "admin "])
def test_near_miss_logins_are_refused_by_the_endpoint(
    client: TestClient, login: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(admin_upload, "FAILED_LOGIN_DELAY_S", 0)
    answer = client.get(BASE, headers=_basic(login, "admin"))
    assert (answer.status_code, answer.json()) == (
        401,
        {"error": "wrong operator login or password"},
    )


# -- across workers, live ----------------------------------------------------------------


@pytest.mark.mariadb
def test_lockout_holds_across_two_workers_and_sets_in_at_once(
    maria: tuple[str, Engine], tmp_path: Path
) -> None:
    url, _ = maria
    download = tmp_path / "download"
    download.mkdir()
    with live_server(url, tmp_path, ["--workers", "2", "--download-dir", str(download)]) as server:
        target = f"{server.url}/admin/packages/1740000001/upload"

        def guess(n: int) -> tuple[int, float]:
            started = time.monotonic()
            answer = requests.get(target, auth=("admin", f"guess{n}"), timeout=60)
            return answer.status_code, time.monotonic() - started

        started = time.monotonic()
        with ThreadPoolExecutor(30) as pool:
            results = list(pool.map(guess, range(30)))
        elapsed = time.monotonic() - started
        right = requests.get(target, auth=("admin", "admin"), timeout=60)
        log = server.log_text()
    statuses = [status for status, _ in results]
    print(f"30 parallel guesses on 2 workers: {statuses.count(401)} checked (401), "
          f"{statuses.count(429)} locked out (429), all answered in {elapsed:.2f} s")  # fmt: skip
    assert statuses.count(401) == 5 and statuses.count(429) == 25
    assert right.status_code == 429 and int(right.headers["Retry-After"]) > 890
    assert max(seconds for status, seconds in results if status == 429) < 5
    assert "(admin.locked_out)" in log


# -- admin/admin, loudly ---------------------------------------------------------------


def test_default_login_works_follows_the_admin_password(engine: Engine) -> None:
    with engine.connect() as conn:
        assert default_login_works(conn) is True  # as db init seeds it
    for passwd, version, works in [
        (sha256_passwd("s3cret"), 2, False),
        ("21232f297a57a5a743894a0e4a801fc3", 0, True),  # MD5 of 'admin'
        (bcrypt.hashpw(b"admin", bcrypt.gensalt(4)).decode(), 1, True),  # as the installer
        (bcrypt.hashpw(b"other", bcrypt.gensalt(4)).decode(), 1, False),
    ]:
        _set_password(engine, "admin", passwd, version)
        with engine.connect() as conn:
            assert default_login_works(conn) is works, (passwd, version)
    with engine.begin() as conn:
        conn.execute(OPERATORS.delete())
        assert default_login_works(conn) is False


@pytest.mark.mariadb
def test_default_login_works_wants_exactly_admin(maria: tuple[str, Engine]) -> None:
    _, engine = maria
    with engine.begin() as conn:
        conn.execute(update(OPERATORS).values(ID="ADMIN"))  # MariaDB would find it for 'admin'
        assert default_login_works(conn) is False


def test_a_worker_warns_at_start_and_on_default_logins(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        with client_for(engine, download_dir=str(tmp_path)) as client:
            uploads_warned = [r.getMessage() for r in caplog.records]
            client.get(BASE, headers=_basic("admin", "admin"))
        assert uploads_warned.count(admin_upload.DEFAULT_PASSWORD_WARNING) == 1
        # repeated at most hourly: the login right after start did not say it again
        assert [r.getMessage() for r in caplog.records].count(
            admin_upload.DEFAULT_PASSWORD_WARNING
        ) == 1
        caplog.clear()
        _set_password(engine, "admin", sha256_passwd("s3cret"), 2)
        with client_for(engine, download_dir=str(tmp_path)):
            pass
    assert admin_upload.DEFAULT_PASSWORD_WARNING not in [r.getMessage() for r in caplog.records]
    assert "security.default_password" in admin_upload.DEFAULT_PASSWORD_WARNING


def test_a_default_login_warns_again_after_an_hour(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with client_for(engine, download_dir=str(tmp_path)) as client:
        uploads = next(
            r.endpoint.__self__
            for r in client.app.routes  # type: ignore[attr-defined]
            if getattr(r, "path", "") == "/admin/packages/{fileid}/upload"
        )
        uploads._default_warned_at -= admin_upload.DEFAULT_WARNING_EVERY_S
        caplog.clear()  # the warning at start
        with caplog.at_level(logging.WARNING, logger=LOGGER):
            assert client.get(BASE, headers=_basic("admin", "admin")).status_code == 200
            assert client.get(BASE, headers=_basic("admin", "admin")).status_code == 200
    warned = [r.getMessage() for r in caplog.records]
    assert warned.count(admin_upload.DEFAULT_PASSWORD_WARNING) == 1
