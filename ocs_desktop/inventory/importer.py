"""Offline import: inventory files (``.ocs``, ``.xml``) and folders into a database.

Each file is one transaction, so a broken file costs only itself: the batch goes
on and the summary names the file and the reason. Several worker processes can
share the work (parsing is CPU-bound; a database takes writers in parallel).

Nothing is skipped in silence: a folder that cannot be listed and an entry that cannot
be read are failures with their reason, so the run exits 1. Only regular files are read:
a FIFO or a device named on the command line is refused (it used to hang the import
for ever), and files are opened without blocking so a FIFO cannot hang it either.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.software_summary import fold_all
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory
from ocs_desktop.protocol.errors import InventoryError

log = logging.getLogger(__name__)

INVENTORY_SUFFIXES = frozenset({".ocs", ".xml"})
MAX_FILE_BYTES = 64 * 1024 * 1024


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    outcome: Outcome
    deviceid: str | None = None
    hardware_id: int | None = None
    error: str | None = None


@dataclass
class ImportSummary:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome is outcome)

    @property
    def failed(self) -> list[FileResult]:
        return [result for result in self.results if result.outcome is Outcome.FAILED]


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Paths named on the command line as they are; folders searched for inventory files.

    Inside a folder, every entry named ``*.ocs`` or ``*.xml`` that is not a folder is
    listed (a FIFO or a dangling link too: its import fails with the reason), and so is
    every sub-folder that cannot be listed, so that its import fails instead of the files
    it holds being skipped in silence. Links to folders are not followed.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_search(path))
        else:
            found.append(path)
    return found


def _search(folder: Path) -> list[Path]:
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename))

    for parent, _folders, names in os.walk(folder, onerror=unreadable):
        found += [Path(parent, n) for n in names if Path(n).suffix.lower() in INVENTORY_SUFFIXES]
    return sorted(found)


def read_inventory_file(path: Path) -> bytes:
    """The bytes of the regular file ``path``; ``InventoryError`` (or ``OSError``) saying
    why not: a folder that cannot be listed, anything but a regular file, too large."""
    if path.is_dir():  # listed by discover because it could not be searched
        try:
            os.scandir(path).close()
        except OSError as error:
            raise InventoryError(f"cannot read folder: {error.strerror or error}") from None
        raise InventoryError("a folder, not an inventory file")
    # O_NONBLOCK: opening a FIFO for reading waits for a writer, for ever; with it, the
    # open returns and the check below refuses the FIFO. Regular files ignore the flag.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InventoryError(f"not a regular file ({_kind(mode)}); only files are imported")
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise InventoryError(f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit")
        return handle.read(MAX_FILE_BYTES + 1)


def _kind(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}  # fmt: skip
    return next((name for test, name in kinds.items() if test(mode)), "not a file")


def import_file(ingestor: Ingestor, path: Path) -> FileResult:
    """Import one file; every failure becomes a result with a clear reason, never a raise."""
    try:
        inventory = parse_inventory(read_inventory_file(path))
        result = ingestor.ingest(inventory)
    except (InventoryError, OSError, SQLAlchemyError, TimeoutError) as error:
        reason = _reason(error)
        log.warning("import of %s failed: %s", path, reason)
        return FileResult(str(path), Outcome.FAILED, error=reason)
    outcome = Outcome.NEW if result.created else Outcome.UPDATED
    return FileResult(str(path), outcome, result.deviceid, result.hardware_id)


def _reason(error: Exception) -> str:
    if isinstance(error, SQLAlchemyError):
        orig = getattr(error, "orig", None)
        return f"database error: {orig if orig is not None else error}"
    if isinstance(error, OSError):
        return f"cannot read file: {error.strerror or error}"
    return str(error)


_worker_ingestor: Ingestor | None = None


def _worker_init(url: str) -> None:
    global _worker_ingestor
    _worker_ingestor = Ingestor(create_engine_for(url))


def _worker_import(path: str) -> FileResult:
    assert _worker_ingestor is not None
    return import_file(_worker_ingestor, Path(path))


def _results(url: str, files: list[Path], workers: int) -> Iterator[FileResult]:
    if workers <= 1:
        engine = create_engine_for(url)
        try:
            ingestor = Ingestor(engine)
            for path in files:
                yield import_file(ingestor, path)
            fold_all(engine)
        finally:
            engine.dispose()
        return
    with ProcessPoolExecutor(workers, initializer=_worker_init, initargs=(url,)) as pool:
        yield from pool.map(_worker_import, [str(p) for p in files], chunksize=4)
    engine = create_engine_for(url)
    try:
        fold_all(engine)
    finally:
        engine.dispose()


def import_files(
    url: str,
    files: list[Path],
    *,
    workers: int = 1,
    progress: Callable[[FileResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import ``files`` into the database at ``url``, reporting each file as it is done."""
    summary = ImportSummary()
    results = _results(url, files, workers)
    try:
        for result in results:
            summary.results.append(result)
            if progress is not None:
                progress(result)
            if cancelled is not None and cancelled():
                summary.cancelled = True
                break
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    return summary
