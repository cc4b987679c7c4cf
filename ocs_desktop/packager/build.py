"""Building a package: archive, fragments, digest and ``info`` into ``store/<FILEID>/``.

The steps of PROTOCOL 3.3 and 3.4 step 1. Everything is written into a hidden staging
folder inside the store, which is renamed to ``<FILEID>`` only once complete: a build that
fails or is cancelled leaves nothing behind, and an existing package is never touched.
Temporary space: the archive and its fragments coexist until the archive is deleted, so
a build needs about twice the archive's size free in the store (none for a ready-made
archive, which is cut where it lies).

FILEID is the Unix time of the build, as the OCS console makes it; ``new_fileid`` moves on
to the next second while a FILEID is taken in the database or the store.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Connection, delete, insert, select

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.models import DownloadAvailable
from ocs_desktop.packager.archive import (
    DEFAULT_COMPRESSLEVEL,
    TAR_GZ,
    Member,
    build_archive,
    check_archive,
    collect_members,
)
from ocs_desktop.packager.built import INFO_NAME, BuiltPackage
from ocs_desktop.packager.fragments import plan_fragments, write_fragments
from ocs_desktop.packager.info_file import render_info
from ocs_desktop.packager.spec import Action, PackageSpec
from ocs_desktop.packager.store import is_taken, package_dir, staging_dir

__all__ = ["BuiltPackage", "build_package", "new_fileid", "record_package"]

_ARCHIVE_TMP = "archive.tmp"
_MAX_SIZE_COLUMN = 2**31 - 1  # download_available.SIZE is INT(11) in the OCS schema


def new_fileid(
    conn: Connection | None = None, store: Path | None = None, *, now: float | None = None
) -> str:
    """A free FILEID: the current Unix time, or the next free second after it.

    Taken means present in ``download_available`` (when ``conn`` is given) or built or being
    built in ``store`` (when given).
    """
    candidate = int(time.time() if now is None else now)
    while True:
        fileid = str(candidate)
        in_db = conn is not None and (
            conn.execute(
                select(DownloadAvailable.FILEID).where(DownloadAvailable.FILEID == fileid)
            ).first()
            is not None
        )
        if not in_db and not (store is not None and is_taken(store, fileid)):
            return fileid
        candidate += 1


def build_package(
    spec: PackageSpec,
    sources: Sequence[Path],
    store: Path,
    *,
    archive: Path | None = None,
    fileid: str | None = None,
    progress: Progress = None,
    compresslevel: int = DEFAULT_COMPRESSLEVEL,
) -> BuiltPackage:
    """Build ``spec`` into ``store/<FILEID>/`` (the info file and the fragments).

    The payload is one of: ``sources`` (files and folders, archived as zip for Windows and
    tar.gz otherwise), ``archive`` (a ready-made zip or tar.gz, checked and used as is), or
    neither (a command-only EXECUTE package: ``FRAGS=0``, no digest). Without ``fileid`` a
    free one is chosen from the clock (``new_fileid``; pass one from
    ``new_fileid(conn, store)`` to avoid FILEIDs already in the database).

    ``progress(done, total)`` is called as bytes are archived, checked and cut; answering
    ``False`` cancels (``Cancelled``). Raises ``ValueError`` (including ``UnsafeArchive``)
    for a spec or payload that cannot be built, ``FileExistsError`` when ``store/<FILEID>``
    exists, ``FileNotFoundError`` for a missing source, ``OSError`` for disk errors; in
    every case nothing is left in the store.
    """
    spec.validate()
    if archive is not None and sources:
        raise ValueError("give files and folders, or a ready-made archive, not both")
    if archive is None and not sources and spec.action is not Action.EXECUTE:
        raise ValueError(
            f"a {spec.action.value} package needs files; only an execute package "
            "can be a command alone"
        )
    members = collect_members(sources, spec.os) if sources else []
    if archive is not None:
        archive = Path(archive)
        if not archive.is_file():
            raise FileNotFoundError(f"no such archive: {archive}")
    store = Path(store)
    store.mkdir(parents=True, exist_ok=True)
    fileid, staging = _reserve(store, fileid)
    try:
        built = _build_into(spec, members, archive, fileid, staging, progress, compresslevel)
        final = package_dir(store, fileid)
        if final.exists():  # made by someone else while we built
            raise FileExistsError(f"package folder {final} already exists")
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuiltPackage(
        fileid, final, spec, built.digest, built.size, len(built.sizes), built.sizes
    )


def _reserve(store: Path, fileid: str | None) -> tuple[str, Path]:
    """Claim a FILEID by creating its staging folder (atomic: two builds cannot share one)."""
    if fileid is not None:
        final = package_dir(store, fileid)
        if final.exists():
            raise FileExistsError(f"package folder {final} already exists")
        staging = staging_dir(store, fileid)
        try:
            staging.mkdir()
        except FileExistsError:
            raise FileExistsError(
                f"package {fileid} is already being built in {store} "
                f"(remove {staging} if no build is running)"
            ) from None
        return fileid, staging
    now = time.time()
    while True:
        candidate = new_fileid(None, store, now=now)
        staging = staging_dir(store, candidate)
        try:
            staging.mkdir()
        except FileExistsError:
            now = int(candidate) + 1
            continue
        return candidate, staging


class _Result(NamedTuple):
    digest: str
    size: int
    sizes: tuple[int, ...]


def _build_into(
    spec: PackageSpec,
    members: Sequence[Member],
    archive: Path | None,
    fileid: str,
    staging: Path,
    progress: Progress,
    compresslevel: int,
) -> _Result:
    if members:
        source_bytes = sum(m.size for m in members)
        archive = staging / _ARCHIVE_TMP
        # The archive's size is unknown until it is written: count it as the sources' size.
        size = build_archive(
            members,
            archive,
            spec.os,
            progress,
            total=2 * source_bytes,
            compresslevel=compresslevel,
        )
        done = source_bytes
    elif archive is not None:
        size = archive.stat().st_size
        # Checking a tar.gz reads it through; a zip's member list is read in a blink.
        kind = check_archive(archive, spec.os, _offset(progress, 0, 2 * size))
        done = size if kind == TAR_GZ else 0
    else:
        size, done = 0, 0
    sizes = plan_fragments(size, count=spec.fragments, size=spec.fragment_size)
    digest = ""
    if sizes:
        assert archive is not None
        digest = write_fragments(
            archive, staging, fileid, sizes, progress, done_before=done, total=done + size
        )
    else:
        report(progress, 1, 1)
    if members:
        (staging / _ARCHIVE_TMP).unlink()
    (staging / INFO_NAME).write_bytes(render_info(spec, fileid, digest, len(sizes)))
    return _Result(digest, size, sizes)


def _offset(progress: Progress, done_before: int, total: int) -> Progress:
    """``progress`` seen by a step that counts from 0 over part of a longer operation."""
    if progress is None:
        return None
    return lambda done, _total: progress(done_before + done, total)


def record_package(conn: Connection, built: BuiltPackage) -> None:
    """Write the package's ``download_available`` row, replacing any row of that FILEID.

    As the OCS console does (PROTOCOL 3.4 step 1): NAME, PRIORITY, FRAGMENTS, SIZE in
    bytes, OSNAME upper-cased, COMMENT the description, not deleted. SIZE is capped at the
    OCS column's maximum (2 GiB - 1); the true size is on disk.
    """
    spec = built.spec
    conn.execute(delete(DownloadAvailable).where(DownloadAvailable.FILEID == built.fileid))
    conn.execute(
        insert(DownloadAvailable).values(
            FILEID=built.fileid,
            NAME=spec.name,
            PRIORITY=spec.priority,
            FRAGMENTS=built.fragment_count,
            SIZE=min(built.size, _MAX_SIZE_COLUMN),
            OSNAME=spec.os.osname,
            COMMENT=spec.description,
            DELETED=0,
        )
    )
