"""Activating a built package: publishing its files and writing ``download_enable``.

PROTOCOL 3.4 step 2. A package becomes deployable once its ``<FILEID>/`` folder (the info
file and the fragments) is where agents fetch it, and a ``download_enable`` row says where
that is: INFO_LOC (always fetched over HTTPS) and PACK_LOC (host and path, no scheme),
plus the agent-side certificate settings. The files get there by ``publish_to_dir`` (a
local or mounted download folder: ours, or a real OCS server's
``/var/lib/ocsinventory-reports/download``) or by ``upload.upload_package`` to our server.
``check_published`` then asks the server for the info file and the first fragment, as
the OCS console does before it activates, so a typo in a location is caught now and not
as ERR_DOWNLOAD_INFO on every machine later.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from ocs_desktop.models import DownloadAvailable, DownloadEnable
from ocs_desktop.packager.built import INFO_NAME, BuiltPackage
from ocs_desktop.packager.fragments import fragment_name
from ocs_desktop.packager.info_file import MAX_INFO_BYTES, PackageInfo, parse_info
from ocs_desktop.packager.remote import RemoteError, fetch
from ocs_desktop.packager.store import is_fileid, load_built

log = logging.getLogger(__name__)
DEFAULT_CERT_PATH = "INSTALL_PATH"
DEFAULT_CERT_FILE = "INSTALL_PATH/cacert.pem"
_LOCATION = re.compile(r"^[A-Za-z0-9.\-\[\]:_$]+(/[A-Za-z0-9._~\-/$%]*)?$", re.ASCII)


class ActivationError(Exception):
    """The package cannot be activated or published as asked; the message says why."""


@dataclass(frozen=True)
class PublishCheck:
    """What ``check_published`` fetched."""

    info_url: str
    fragment_url: str | None
    info: PackageInfo


def check_fileid(fileid: str) -> str:
    """``fileid`` when it is a FILEID (digits only), else ``ActivationError``."""
    if not is_fileid(fileid):
        raise ActivationError(f"{fileid!r} is not a FILEID (a number)")
    return fileid


def normalize_location(location: str) -> str:
    """An INFO_LOC / PACK_LOC value: host[:port]/path, no scheme, no trailing slash.

    A pasted URL (``https://host/download/``) is accepted and reduced; ``$IP$`` and
    ``$NAME$`` (redistribution servers) are kept.
    """
    text = location.strip()
    text = re.sub(r"^[A-Za-z]+://", "", text).rstrip("/")
    if not text or not _LOCATION.match(text):
        raise ActivationError(
            f"{location!r} is not a location of the form HOST[:PORT]/PATH (no spaces, no query)"
        )
    return text


def activation_ids(conn: Connection, fileid: str) -> list[int]:
    """Every ``download_enable.ID`` of the package, oldest first."""
    return [
        int(i)
        for i in conn.execute(
            select(DownloadEnable.ID)
            .where(DownloadEnable.FILEID == fileid)
            .order_by(DownloadEnable.ID)
        ).scalars()
    ]


def latest_activation(conn: Connection, fileid: str) -> int | None:
    """The newest activation of the package that is not a redistribution server's."""
    found = conn.execute(
        select(DownloadEnable.ID)
        .where(DownloadEnable.FILEID == fileid, DownloadEnable.SERVER_ID.is_(None))
        .order_by(DownloadEnable.ID.desc())
        .limit(1)
    ).scalar()
    return int(found) if found is not None else None


def activate(
    conn: Connection,
    fileid: str,
    info_loc: str,
    pack_loc: str,
    cert_path: str = DEFAULT_CERT_PATH,
    cert_file: str = DEFAULT_CERT_FILE,
) -> int:
    """Write the ``download_enable`` row of the package for these locations; its ID.

    There is one row per distinct pair of locations, as in OCS: activating again at the
    same place returns the existing row (with the certificate settings updated), so
    machines already assigned keep their status. The package must have been built here
    (``download_available``) and not deleted.
    """
    check_fileid(fileid)
    info_loc, pack_loc = normalize_location(info_loc), normalize_location(pack_loc)
    deleted = conn.execute(
        select(DownloadAvailable.DELETED).where(DownloadAvailable.FILEID == fileid)
    ).first()
    if deleted is None:
        raise ActivationError(f"package {fileid} is unknown to this database; build it first")
    if deleted[0]:
        raise ActivationError(f"package {fileid} was deleted")
    existing = conn.execute(
        select(DownloadEnable.ID).where(
            DownloadEnable.FILEID == fileid,
            DownloadEnable.INFO_LOC == info_loc,
            DownloadEnable.PACK_LOC == pack_loc,
            DownloadEnable.SERVER_ID.is_(None),
        )
    ).scalar()
    if existing is not None:
        conn.execute(
            update(DownloadEnable)
            .where(DownloadEnable.ID == existing)
            .values(CERT_PATH=cert_path, CERT_FILE=cert_file)
        )
        return int(existing)
    result = conn.execute(
        insert(DownloadEnable).values(
            FILEID=fileid,
            INFO_LOC=info_loc,
            PACK_LOC=pack_loc,
            CERT_PATH=cert_path,
            CERT_FILE=cert_file,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def load_package(store: Path, fileid: str) -> BuiltPackage:
    """The built package ``store/<FILEID>``, checked complete, or ``ActivationError``."""
    check_fileid(fileid)
    try:
        return load_built(Path(store), fileid)
    except (FileNotFoundError, ValueError) as exc:
        raise ActivationError(str(exc)) from None


def publish_to_dir(store: Path, fileid: str, download_dir: Path, *, replace: bool = False) -> Path:
    """Copy ``store/<FILEID>/`` into ``download_dir/<FILEID>/`` in one atomic step.

    The copy is written to a hidden temporary folder beside the target and renamed into
    place, so agents never see a half-copied package, and a failure leaves nothing. A
    target that already exists with the same files is left as is; one with different
    files is an error unless ``replace``.
    """
    files = load_package(store, fileid).files
    download_dir = Path(download_dir)
    if not download_dir.is_dir():
        raise ActivationError(f"download folder {download_dir} does not exist")
    target = download_dir / fileid
    if target.exists() and not replace:
        if _same_files(files, target):
            return target
        raise ActivationError(
            f"{target} already exists with other files; delete that package first"
        )
    staging = Path(tempfile.mkdtemp(prefix=f".{fileid}.", dir=download_dir))
    try:
        for path in files:
            shutil.copyfile(path, staging / path.name)
            _fsync(staging / path.name)
        staging.chmod(0o755)
        if target.exists():  # replace: move the old one away first, then swap in
            old = Path(tempfile.mkdtemp(prefix=f".{fileid}.old.", dir=download_dir))
            os.rename(target, old / fileid)
            os.rename(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ActivationError(f"cannot publish into {download_dir}: {exc}") from exc
    return target


def unpublish_from_dir(download_dir: Path, fileid: str) -> bool:
    """Remove ``download_dir/<FILEID>/`` (renamed away first, so removal is atomic)."""
    check_fileid(fileid)
    target = Path(download_dir) / fileid
    if not target.exists():
        return False
    trash = Path(tempfile.mkdtemp(prefix=f".{fileid}.deleted.", dir=download_dir))
    os.rename(target, trash / fileid)
    shutil.rmtree(trash, ignore_errors=True)
    return True


@contextlib.contextmanager
def publishing(store: Path, fileid: str, download_dir: Path) -> Iterator[Path]:
    """Publish into ``download_dir`` for an activation that may still fail after it.

    Inside the ``with``, the caller checks the URLs and writes ``download_enable``; if
    that raises, a copy made here is removed again (one that was there before is kept),
    so a failed activation leaves nothing in the download folder. On success the folder
    is recorded beside the build (:func:`published_dirs`) for ``delete_package``.
    """
    existed = (Path(download_dir) / check_fileid(fileid)).exists()
    target = publish_to_dir(store, fileid, download_dir)
    try:
        yield target
    except BaseException:
        if not existed:
            with contextlib.suppress(OSError):
                unpublish_from_dir(download_dir, fileid)
        raise
    record_published(store, fileid, download_dir)


def _record(store: Path, fileid: str) -> Path:
    return Path(store) / f".{check_fileid(fileid)}.published"


def record_published(store: Path, fileid: str, download_dir: Path) -> None:
    """Remember (in ``store/.<FILEID>.published``, one folder a line) that the package
    was published into ``download_dir``, so deleting it finds the copy unaided."""
    folder = str(Path(download_dir).resolve())
    known = [str(p) for p in published_dirs(store, fileid)]
    if folder not in known and Path(store).is_dir():
        _record(store, fileid).write_text("\n".join([*known, folder]) + "\n", encoding="utf-8")


def published_dirs(store: Path, fileid: str) -> list[Path]:
    """The download folders the package was published into by an activation here."""
    path = _record(store, fileid)
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Path(line) for line in lines if line.strip()]


def forget_published(store: Path, fileid: str) -> None:
    """Drop the record of :func:`record_published` (the package is deleted)."""
    _record(store, fileid).unlink(missing_ok=True)


def check_published(
    info_loc: str,
    pack_loc: str,
    fileid: str,
    verify: bool | str = True,
    *,
    timeout: float = 30.0,
) -> PublishCheck:
    """Fetch ``https://INFO_LOC/FILEID/info`` and the first fragment, as agents will.

    The info file must come over HTTPS with a certificate that ``verify`` trusts (True:
    the system's CAs, or the path of a CA bundle such as our ``cacert.pem``); fragments
    are fetched with the info file's PROTO. Raises ``ActivationError`` saying what failed.
    """
    check_fileid(fileid)
    info_loc, pack_loc = normalize_location(info_loc), normalize_location(pack_loc)
    info_url = f"https://{info_loc}/{fileid}/{INFO_NAME}"
    try:
        data = fetch(info_url, verify=verify, timeout=timeout, limit=MAX_INFO_BYTES)
        info = parse_info(data)
    except RemoteError as exc:
        log.warning("activation check of package %s: %s", fileid, exc)
        raise ActivationError(f"cannot fetch the info file: {exc}") from None
    except ValueError as exc:
        log.warning("activation check of package %s: %s refused: %s", fileid, info_url, exc)
        raise ActivationError(f"{info_url} is not a package info file: {exc}") from None
    if info.fileid != fileid:
        raise ActivationError(f"{info_url} describes package {info.fileid}, not {fileid}")
    fragment_url = None
    if info.frags:
        proto = "https" if info.values["proto"] == "https" else "http"
        fragment_url = f"{proto}://{pack_loc}/{fileid}/{fragment_name(fileid, 1)}"
        try:
            fetch(fragment_url, verify=verify, timeout=timeout, limit=0)
        except RemoteError as exc:
            raise ActivationError(f"the first fragment is not reachable: {exc}") from None
    return PublishCheck(info_url, fragment_url, info)


def _same_files(files: list[Path], target: Path) -> bool:
    for path in files:
        other = target / path.name
        if not other.is_file() or other.stat().st_size != path.stat().st_size:
            return False
    return (target / INFO_NAME).read_bytes() == files[0].read_bytes()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
