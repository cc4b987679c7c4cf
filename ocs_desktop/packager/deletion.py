"""Deleting a package as the OCS console does, and its files with it.

OCS keeps the ``download_available`` row with ``DELETED=1`` (inventories still name the
package in ``download_history``), removes the ``download_enable`` rows, and with them the
assignment rows that pointed at them (PROTOCOL 3.4). We also remove the built package
from the local store and the published copy from a download folder, so agents asking for
it get 404 rather than a package nobody tracks any more.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, delete, select, update

from ocs_desktop.models import Device, DownloadAvailable, DownloadEnable
from ocs_desktop.packager.activation import (
    activation_ids,
    check_fileid,
    forget_published,
    published_dirs,
    unpublish_from_dir,
)
from ocs_desktop.packager.assignment import ASSIGNMENT_NAMES
from ocs_desktop.packager.store import remove_package_files


class DeletionError(Exception):
    """The package cannot be deleted as asked; the message says why."""


@dataclass(frozen=True)
class Deletion:
    """What ``delete_package`` removed."""

    fileid: str
    activations: int
    device_rows: int
    store_removed: bool
    published_removed: bool


def delete_package(
    conn: Connection,
    fileid: str,
    store: Path | None = None,
    download_dir: Path | None = None,
) -> Deletion:
    """Mark the package deleted, drop its activations and assignments, remove its files.

    The published copy is removed from ``download_dir`` and from every folder an
    activation recorded for it in ``store``, so the folder need not be given again.

    Runs inside the caller's transaction. The published copy goes first (renamed away, so
    agents see it whole or not at all), then the rows, then the stored build; a failure
    to remove files raises, so the caller's transaction rolls back.
    """
    check_fileid(fileid)
    known = conn.execute(
        select(DownloadAvailable.FILEID).where(DownloadAvailable.FILEID == fileid)
    ).first()
    enables = activation_ids(conn, fileid)
    if known is None and not enables:
        raise DeletionError(f"no package {fileid}")
    published = False
    folders = [Path(download_dir)] if download_dir is not None else []
    if store is not None:  # where activations published it (activation.record_published)
        folders += [p for p in published_dirs(Path(store), fileid) if p not in folders]
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            published = unpublish_from_dir(folder, fileid) or published
        except OSError as exc:
            raise DeletionError(f"cannot remove {folder / fileid}: {exc}") from exc
    rows = 0
    if enables:
        rows = int(
            conn.execute(
                delete(Device).where(Device.NAME.in_(ASSIGNMENT_NAMES), Device.IVALUE.in_(enables))
            ).rowcount
            or 0
        )
        conn.execute(delete(DownloadEnable).where(DownloadEnable.FILEID == fileid))
    conn.execute(
        update(DownloadAvailable).where(DownloadAvailable.FILEID == fileid).values(DELETED=1)
    )
    stored = False
    if store is not None:
        stored = _remove_stored(Path(store), fileid)
        forget_published(Path(store), fileid)
    return Deletion(fileid, len(enables), rows, stored, published)


def _remove_stored(store: Path, fileid: str) -> bool:
    if not (store / fileid).exists():
        return False
    try:
        remove_package_files(store, fileid)
    except OSError as exc:
        raise DeletionError(f"cannot remove {store / fileid}: {exc}") from exc
    return True
