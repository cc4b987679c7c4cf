"""Inventory files into the connected database, from the console, in the worker.

The File menu's import and the connect dialog's sample offer both go through
:class:`InventoryImport`: the core importer's per-file rule (one transaction per file, a
broken file costs only itself) with the worker's progress and cancel. Cancelling stops
between files; the files already imported stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.inventory.importer import ImportSummary, Outcome, discover, import_file
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.views.qt import QtCore, Signal
from ocs_desktop.views.resources import RESOURCES_DIR
from ocs_desktop.views.worker import Task, TaskRunner

SAMPLES_DIR = RESOURCES_DIR / "samples"


def sample_files() -> list[Path]:
    """The real agent inventories shipped with the console (a first run, then its update)."""
    return sorted(SAMPLES_DIR.glob("*.xml"), key=lambda path: "update" in path.name)


def import_inventories(engine: Engine, files: Sequence[Path], progress: Progress) -> ImportSummary:
    """Import ``files`` in order; reports ``(done, total)`` and stops when cancelled."""
    ingestor = Ingestor(engine)
    summary = ImportSummary()
    total = len(files)
    report(progress, 0, total)
    for done, path in enumerate(files, start=1):
        summary.results.append(import_file(ingestor, path))
        report(progress, done, total)
    ingestor.fold_summary()  # the software list counts the new machines at once
    return summary


class InventoryImport(QtCore.QObject):
    """One import run in the worker; ``finished`` carries the summary, or None if cancelled."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        engine: Engine,
        paths: Sequence[str | Path],
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.engine = engine
        self.files = discover(paths)
        self.task: Task | None = None

    def start(self) -> Task:
        files = list(self.files)
        task = self.runner.run(
            lambda progress: import_inventories(self.engine, files, progress),
            on_done=self.finished.emit,
            on_failed=self.failed.emit,
            on_progress=self.progress.emit,
        )
        task.cancelled.connect(lambda: self.finished.emit(None))
        self.task = task
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def describe(self, summary: ImportSummary | None) -> str:
        """One line for the status bar."""
        if summary is None:
            return self.tr("Import cancelled; the files already imported are kept.")
        imported = self.tr("Imported %n file(s):", "", len(summary.results))
        counts = self.tr("{0} new, {1} updated, {2} failed.").format(
            summary.count(Outcome.NEW),
            summary.count(Outcome.UPDATED),
            summary.count(Outcome.FAILED),
        )
        return f"{imported} {counts}"
