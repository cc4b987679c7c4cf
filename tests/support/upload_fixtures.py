"""Fixtures of the admin upload tests, and of other tests wanting a fresh SQLite ocsweb: that
database and the download folder the server publishes into. Imported by each test module that
needs them (``__all__``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ocs_desktop.db.engines import create_engine_for, normalize_url
from ocs_desktop.db.schema import init_database


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine_for(normalize_url(str(tmp_path / "ocsweb.sqlite")))
    init_database(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def download(tmp_path: Path) -> Path:
    path = tmp_path / "download"
    path.mkdir()
    return path
