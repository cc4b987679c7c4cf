"""The real services tests need, and what a test does when one is missing here.

MariaDB comes from ``OCS_TEST_MYSQL_URL`` (default ``mysql+pymysql://root@127.0.0.1:3306``).
A missing service skips a test locally and fails it in CI (``CI=true``), so CI never passes
by silently testing less.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest
from sqlalchemy.engine import make_url

DEFAULT_MYSQL_URL = "mysql+pymysql://root@127.0.0.1:3306"


def unavailable(reason: str) -> NoReturn:
    """Skip a test that needs something missing here; in CI, fail it instead."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def mysql_database_url(server_url: str, name: str) -> str:
    """URL of database ``name`` on the server ``server_url``."""
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)
