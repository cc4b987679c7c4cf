"""A fresh MariaDB database whose writers lock a machine as on a Galera node: with a row of
``ocsdesktop_writer_lock`` (``db.writer_lock``), since Galera does not replicate named locks.

Imported with ``maria``, which it builds on, by each test module that needs it (``__all__``).
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from ocs_desktop.db import writer_lock


@pytest.fixture
def row_locked(maria: tuple[str, Engine], monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The engine of ``maria``, its writers taking their lock as a row."""
    monkeypatch.setenv(writer_lock.ENV, "rows")
    return maria[1]
