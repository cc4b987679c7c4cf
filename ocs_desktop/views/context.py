"""What every page of the console shares: the database, the worker, the settings, signals.

Pages never open connections themselves: they hand a function of a ``Connection`` to
:meth:`ConsoleContext.read` or :meth:`ConsoleContext.write`, which run it in the worker,
in its own connection (and transaction, for writes), and call back in the GUI thread.
After a write, a page emits :attr:`ConsoleContext.changed` with a topic so the others
refresh what they show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine

from ocs_desktop.common.progress import Progress
from ocs_desktop.views.qt import QtCore, Signal
from ocs_desktop.views.settings import Settings
from ocs_desktop.views.worker import Task, TaskRunner

T = TypeVar("T")

DbFn = Callable[[Connection, Progress], Any]

# Topics of ``changed``.
MACHINES = "machines"
TAGS = "tags"
GROUPS = "groups"
SOFTWARE = "software"
DUPLICATES = "duplicates"
CONFIG = "config"  # the server's config table (views/admin/config_tab.py)


class ConsoleContext(QtCore.QObject):
    """The connected database and the services around it, one per main window."""

    changed = Signal(str)
    showMachines = Signal(object, str)
    openMachine = Signal(int)
    error = Signal(str)
    status = Signal(str)

    def __init__(
        self,
        engine: Engine,
        label: str,
        settings: Settings | None = None,
        runner: TaskRunner | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.url = label
        self.settings = settings if settings is not None else Settings()
        self.runner = runner if runner is not None else TaskRunner(parent=self)

    def read(
        self,
        fn: DbFn,
        on_done: Callable[[Any], None],
        *,
        key: str | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run ``fn(conn, progress)`` on a fresh connection in the worker."""

        def job(progress: Progress) -> Any:
            with self.engine.connect() as conn:
                return fn(conn, progress)

        return self.runner.run(
            job,
            on_done=on_done,
            on_failed=on_failed or self.error.emit,
            on_progress=on_progress,
            key=key,
        )

    def write(
        self,
        fn: DbFn,
        on_done: Callable[[Any], None] | None = None,
        *,
        topics: tuple[str, ...] = (),
        key: str | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run ``fn(conn, progress)`` in one transaction; on success emit ``changed`` per topic."""

        def job(progress: Progress) -> Any:
            with self.engine.begin() as conn:
                return fn(conn, progress)

        def finished(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            for topic in topics:
                self.changed.emit(topic)

        return self.runner.run(
            job,
            on_done=finished,
            on_failed=on_failed or self.error.emit,
            on_progress=on_progress,
            key=key,
        )
