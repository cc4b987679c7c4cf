"""Shared fixtures: real databases (a SQLite file and the local MariaDB), fresh per test.

MariaDB comes from ``OCS_TEST_MYSQL_URL`` (default ``mysql+pymysql://root@127.0.0.1:3306``).
When it cannot be reached, MariaDB tests are skipped locally and fail in CI (``CI=true``),
so CI never passes by silently testing less.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.db.engines import (
    create_database_if_missing,
    create_engine_for,
    normalize_url,
    safe_url,
)
from ocs_desktop.db.schema import init_database
from tests.support.console_fleet import FleetFacts, fill_fleet
from tests.support.reference_schema import (
    ReferenceUnavailable,
    drop_database,
    load_reference_schema,
)
from tests.support.services import DEFAULT_MYSQL_URL, mysql_database_url, unavailable

# Before any test creates a QApplication: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def mysql_server_url() -> str:
    """URL of the test MariaDB server, without a database."""
    url = normalize_url(os.environ.get("OCS_TEST_MYSQL_URL", DEFAULT_MYSQL_URL))
    engine = create_engine(url)
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        unavailable(f"MariaDB not reachable at {safe_url(url)}: {exc.__cause__ or exc}")
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty database: a SQLite file, or a new ``ocs_test_*`` on MariaDB."""
    if request.param == "sqlite":
        yield normalize_url(str(tmp_path / "ocsweb.sqlite"))
        return
    server = request.getfixturevalue("mysql_server_url")
    url = mysql_database_url(server, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """Engine on a fresh database initialised with our schema and seed rows."""
    engine = create_engine_for(db_url)
    init_database(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def reference_schema_url(mysql_server_url: str) -> Iterator[str]:
    """URL of a MariaDB database holding the real OCS schema (see ``reference_schema``).

    Built once per session by replaying the OCS installer and updater; read-only for tests
    (copy what you change into your own database).
    """
    try:
        url = load_reference_schema(mysql_server_url)
    except ReferenceUnavailable as exc:
        unavailable(str(exc))
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture
def fleet(engine: Engine) -> tuple[Engine, FleetFacts]:
    """A fresh database (SQLite and MariaDB) holding the small fleet of ``console_fleet``."""
    return engine, fill_fleet(engine)
