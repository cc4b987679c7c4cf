"""The one worker helper: run a callable off the GUI thread, report back through signals.

Every query, import and build in the console goes through :class:`TaskRunner`, so the GUI
thread never waits on the database. The callable receives a ``progress(done, total)``
function (the core's :data:`~ocs_desktop.common.progress.Progress`) that answers ``False``
once the task is cancelled, so core loops stop at their next report. A task started with
the ``key`` of a running one cancels it: typing in a filter box only ever delivers the
result of the last query.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from ocs_desktop.common.coded_error import CodedError
from ocs_desktop.common.progress import Cancelled
from ocs_desktop.views.i18n import core_error_text
from ocs_desktop.views.qt import Qt, QtCore, Signal, Slot

log = logging.getLogger(__name__)

# Progress signals are throttled: a core loop may report thousands of times a second.
PROGRESS_INTERVAL = 0.05

TaskFn = Callable[[Callable[[int, int], bool]], Any]


class Task(QtCore.QObject):
    """One background job, living in the GUI thread; its signals arrive there.

    Exactly one of ``done``, ``failed`` or ``cancelled`` is emitted, then ``finished``.
    """

    progress = Signal(int, int)
    partial = Signal(object)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    # Emitted from the pool thread; queued to the GUI thread by the connection below.
    _report = Signal(str, object)

    def __init__(self, fn: TaskFn, key: str | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.key = key
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.running = True
        self._report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the task to stop; its result, if it still comes, is dropped."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def send_partial(self, value: object) -> None:
        """For callables that stream results: emit ``partial(value)`` in the GUI thread."""
        if not self._cancel.is_set():
            self._report.emit("partial", value)

    # --- pool thread -------------------------------------------------------------------
    def _progress(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self._report.emit("progress", (done, total))
        return not self._cancel.is_set()

    def execute(self) -> None:
        try:
            result = self.fn(self._progress)
        except Cancelled:
            self._report.emit("cancelled", None)
        except Exception as exc:  # any failure must reach the GUI, not kill the pool
            log.exception("background task %s failed", self.key or self.fn)
            # A coded refusal travels whole: the GUI thread words it in the console's language.
            self._report.emit("failed", exc if isinstance(exc, CodedError) else _message(exc))
        else:
            self._report.emit("cancelled" if self._cancel.is_set() else "done", result)

    # --- GUI thread ----------------------------------------------------------------------
    @Slot(str, object)
    def _deliver(self, kind: str, value: object) -> None:
        if kind == "progress":
            if not self._cancel.is_set():
                assert isinstance(value, tuple)
                done, total = value
                self.progress.emit(done, total)
            return
        if kind == "partial":
            if not self._cancel.is_set():
                self.partial.emit(value)
            return
        if kind == "done" and self._cancel.is_set():
            kind = "cancelled"
        self.running = False
        if kind == "done":
            self.done.emit(value)
        elif kind == "failed":
            self.failed.emit(
                core_error_text(value) if isinstance(value, BaseException) else str(value)
            )
        else:
            self.cancelled.emit()
        self.finished.emit()


def _message(exc: BaseException) -> str:
    """A one-line message for the status bar; database errors keep only their first line."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class _Runnable(QtCore.QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.execute()


class TaskRunner(QtCore.QObject):
    """Runs tasks on its own thread pool and keeps them alive until they finish."""

    busyChanged = Signal(bool)

    def __init__(self, max_threads: int = 4, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: set[Task] = set()
        self._by_key: dict[str, Task] = {}

    def run(
        self,
        fn: TaskFn,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        key: str | None = None,
    ) -> Task:
        """Start ``fn(progress)`` in the pool; callbacks run in the GUI thread."""
        if key is not None and (previous := self._by_key.get(key)) is not None:
            previous.cancel()
        task = Task(fn, key)
        if on_done is not None:
            task.done.connect(on_done)
        if on_failed is not None:
            task.failed.connect(on_failed)
        if on_progress is not None:
            task.progress.connect(on_progress)
        task.finished.connect(lambda: self._forget(task))
        was_idle = not self._active
        self._active.add(task)
        if key is not None:
            self._by_key[key] = task
        if was_idle:
            self.busyChanged.emit(True)
        self.pool.start(_Runnable(task))
        return task

    def _forget(self, task: Task) -> None:
        self._active.discard(task)
        if task.key is not None and self._by_key.get(task.key) is task:
            del self._by_key[task.key]
        if not self._active:
            self.busyChanged.emit(False)

    def active_count(self) -> int:
        return len(self._active)

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every task has delivered its outcome (tests, shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._active:
            if time.monotonic() > deadline:
                return False
            QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
            self.pool.waitForDone(5)
        return True
