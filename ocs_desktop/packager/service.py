"""A new package, from choices to recorded row, in one call that leaves nothing on failure.

The command line (``package build``) and the wizard both go through
:func:`build_and_record`: a free FILEID, the build into the store with progress and
cancel, the ``download_available`` row. A build that fails or is cancelled removes its
files (``build_package``); a record that fails or is cancelled rolls its row back and
removes the files. :func:`discard_package` takes back a package that was recorded when a
cancel came too late to stop it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection, Engine, delete

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.db.options import Options, load_options
from ocs_desktop.models import DownloadAvailable
from ocs_desktop.packager.build import build_package, new_fileid, record_package
from ocs_desktop.packager.built import BuiltPackage
from ocs_desktop.packager.fragments import console_fragment_mib, mib_bytes
from ocs_desktop.packager.spec import PackageSpec
from ocs_desktop.packager.store import remove_package_files


def build_and_record(
    engine: Engine,
    spec: PackageSpec,
    sources: Sequence[Path],
    store: Path,
    *,
    archive: Path | None = None,
    progress: Progress = None,
    console_fragmentation: bool = False,
    on_fileid: Callable[[str], None] | None = None,
) -> BuiltPackage:
    """Build ``spec`` into ``store`` under a new FILEID and record it; the built package.

    The payload is ``sources`` or ``archive`` or neither, as for ``build_package``. With
    ``console_fragmentation``, a spec that says nothing of fragments is cut as the OCS
    console's settings say (:func:`with_console_fragmentation`). ``on_fileid`` learns the
    FILEID before the build starts. ``progress(done, total)`` follows the build; it is
    asked once more while the row is being written, so a cancel up to the commit still
    leaves nothing.

    Raises what ``build_package`` raises (``ValueError``, ``OSError``...), ``Cancelled``,
    and SQLAlchemy's errors for the database; in every case the store and the database
    are as they were.
    """
    with engine.connect() as conn:
        if console_fragmentation:
            spec = with_console_fragmentation(spec, load_options(conn))
        fileid = new_fileid(conn, store)
    if on_fileid is not None:
        on_fileid(fileid)
    last = [(1, 1)]

    def tracked(done: int, total: int) -> bool:
        last[0] = (done, total)
        return progress is None or progress(done, total)

    built = build_package(spec, sources, store, archive=archive, fileid=fileid, progress=tracked)
    try:
        with engine.begin() as conn:
            record_package(conn, built)
            report(progress, *last[0])  # a cancel now still rolls the row back
    except BaseException:
        remove_package_files(store, built.fileid)
        raise
    return built


def with_console_fragmentation(spec: PackageSpec, options: Options) -> PackageSpec:
    """``spec`` cut by the console's ``DOWNLOAD_RATIO_FRAG`` when it gives no fragmentation
    of its own and the console's ``DOWNLOAD_ACTIVATE_FRAG`` is on."""
    if spec.fragments is not None or spec.fragment_size is not None:
        return spec
    mib = console_fragment_mib(options)
    return spec if mib is None else replace(spec, fragment_size=mib_bytes(mib))


def discard_package(conn: Connection, store: Path, fileid: str) -> None:
    """Remove a package ``build_and_record`` made: its row, then its files."""
    conn.execute(delete(DownloadAvailable).where(DownloadAvailable.FILEID == fileid))
    remove_package_files(store, fileid)
