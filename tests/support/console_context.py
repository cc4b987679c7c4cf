"""The console context a widget test runs its pages on, and waiting for its worker.

Settings live in a temporary INI file, never in the user's own. Any error the context
reports fails the test, and its worker is stopped before the database goes, so a query
still running cannot outlive the test (and hold a MariaDB lock that DROP DATABASE waits on).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.machines_model import MachinesModel
from ocs_desktop.views.qt import QtCore
from ocs_desktop.views.settings import Option, Settings

ROOT = QtCore.QModelIndex()
#: How long a test waits for the worker, in milliseconds.
IDLE_MS = 20_000


def console_settings(folder: Path, *values: tuple[Option[Any], Any]) -> Settings:
    """Settings in ``folder/console.ini``, with each ``(option, value)`` of ``values`` set."""
    store = QtCore.QSettings(str(folder / "console.ini"), QtCore.QSettings.Format.IniFormat)
    settings = Settings(store)
    for option, value in values:
        settings.set(option, value)
    return settings


@contextmanager
def checked_context(engine: Engine, label: str, settings: Settings) -> Iterator[ConsoleContext]:
    """A context on ``engine`` whose reported errors fail the test; its worker stopped after."""
    context = ConsoleContext(engine, label, settings)
    errors: list[str] = []
    context.error.connect(errors.append)
    yield context
    context.runner.cancel_all()
    assert context.runner.wait_idle(IDLE_MS)
    assert not errors, errors


def idle(context: ConsoleContext) -> None:
    """Wait until the worker has run everything asked of it."""
    assert context.runner.wait_idle(IDLE_MS)


def fetch_all(context: ConsoleContext, model: MachinesModel) -> None:
    """Load every page the way a view scrolling to the end does."""
    idle(context)
    while model.canFetchMore(ROOT):
        model.fetchMore(ROOT)
        idle(context)
