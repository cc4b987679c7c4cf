"""Files for agents: the ``deploy`` rows served at ``/ocsinventory/deploy/<name>``.

OCS's console uploads agent installers and packager files here (``ms_upload_file.php``,
PROTOCOL 7), e.g. ``ocspackage.exe``; our server answers them while ``config`` DEPLOY is
on, through the same read as :func:`download_file` (``db.deploy_rows.deploy_blob``).

A name becomes the last part of a URL, so it is refused unless it is one plain file name:
no separators, no ``..``, no control characters, letters, digits and ``. _ - +`` only.
The row ``label`` is the TAG prompt (``fleet.label``), not a file: it is neither listed
nor written here. Uploads are capped (:func:`upload_limit`: :data:`MAX_FILE_BYTES`, and
on MySQL/MariaDB the server's ``max_allowed_packet``) and checked before anything is
written; downloads are written to a temporary file then renamed, so a failure leaves
no half file.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, delete, func, insert, select, text, update

from ocs_desktop.common.progress import Cancelled, Progress
from ocs_desktop.db.deploy_rows import DEPLOY, deploy_blob
from ocs_desktop.fleet.label import LABEL_NAME

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_NAME = 100
#: Room kept in a MySQL packet for the statement around the blob.
_PACKET_MARGIN = 64 * 1024
_CHUNK = 1024 * 1024

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SAFE = re.compile(r"^[A-Za-z0-9._+-]+$")


class AgentFileError(ValueError):
    """A file refused. ``reason``: ``name_empty``, ``name_control``, ``name_separator``,
    ``name_traversal``, ``name_chars``, ``name_long``, ``reserved``, ``exists``,
    ``missing``, ``not_file``, ``too_big``, ``dest_exists``; ``value`` is the name, path
    or size refused and ``limit`` the cap for ``too_big``."""

    def __init__(self, message: str, reason: str, value: object = None, limit: int = 0) -> None:
        super().__init__(message)
        self.reason = reason
        self.value = value
        self.limit = limit


@dataclass(frozen=True)
class AgentFile:
    name: str
    size: int


def check_name(name: str) -> str:
    """``name`` if it is a safe file name for ``/ocsinventory/deploy/<name>``."""
    if not name:
        raise AgentFileError("the file name is empty", "name_empty", name)
    if _CONTROL.search(name):
        raise AgentFileError(
            f"the file name {name!r} contains control characters", "name_control", name
        )
    if "/" in name or "\\" in name:
        raise AgentFileError(
            f"the file name {name!r} contains a path separator", "name_separator", name
        )
    if name.startswith(".") or ".." in name:
        raise AgentFileError(
            f"the file name {name!r} could point outside its folder", "name_traversal", name
        )
    if not _SAFE.match(name):
        raise AgentFileError(
            f"the file name {name!r} may hold only letters, digits and . _ - +",
            "name_chars",
            name,
        )
    if len(name) > MAX_NAME:
        raise AgentFileError(
            f"the file name is longer than {MAX_NAME} characters", "name_long", name
        )
    if name.casefold() == LABEL_NAME:
        raise AgentFileError(
            "'label' is the TAG prompt: edit it with `ocs-desktop label`", "reserved", name
        )
    return name


def upload_limit(conn: Connection, cap: int = MAX_FILE_BYTES) -> int:
    """The largest file this database takes: ``cap``, or less on MySQL/MariaDB whose
    ``max_allowed_packet`` bounds one statement."""
    if conn.dialect.name != "mysql":
        return cap
    packet = int(conn.execute(text("SELECT @@max_allowed_packet")).scalar_one())
    return max(0, min(cap, packet - _PACKET_MARGIN))


def list_files(conn: Connection) -> list[AgentFile]:
    """Every file for agents with its size, by name (the label excluded)."""
    rows = conn.execute(
        select(DEPLOY.c.NAME, func.length(DEPLOY.c.CONTENT))
        .where(DEPLOY.c.NAME != LABEL_NAME)
        .order_by(DEPLOY.c.NAME)
    )
    return [AgentFile(name, int(size)) for name, size in rows]  # CONTENT is NOT NULL


def _existing(conn: Connection, name: str) -> str | None:
    """The stored name matching ``name`` (MariaDB compares names without case)."""
    for stored in conn.execute(select(DEPLOY.c.NAME)).scalars():
        if stored.casefold() == name.casefold():
            return str(stored)
    return None


def _read(path: Path, limit: int, progress: Progress | None) -> bytes:
    if not path.is_file():
        raise AgentFileError(f"{path} is not a file", "not_file", str(path))
    size = path.stat().st_size
    if size > limit:
        raise AgentFileError(
            f"{path.name} is {size} bytes, above the limit of {limit}", "too_big", size, limit
        )
    parts: list[bytes] = []
    done = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            done += len(chunk)
            if done > limit:  # grew while being read
                raise AgentFileError(
                    f"{path.name} is above the limit of {limit} bytes", "too_big", done, limit
                )
            parts.append(chunk)
            if progress is not None and not progress(done, max(size, done)):
                raise Cancelled()
    return b"".join(parts)


def upload_file(
    conn: Connection,
    path: Path,
    name: str | None = None,
    *,
    replace: bool = False,
    cap: int = MAX_FILE_BYTES,
    progress: Progress | None = None,
) -> AgentFile:
    """Store the file at ``path`` as ``name`` (its own name by default).

    An existing name is refused unless ``replace``. Everything is checked before the one
    write, so a refused or cancelled upload changes nothing.
    """
    target = check_name(path.name if name is None else name)
    existing = _existing(conn, target)
    if existing is not None and not replace:
        raise AgentFileError(
            f"a file named {existing!r} exists already (replace it?)", "exists", existing
        )
    content = _read(path, upload_limit(conn, cap), progress)
    if existing is not None:
        conn.execute(update(DEPLOY).where(DEPLOY.c.NAME == existing).values(CONTENT=content))
        target = existing
    else:
        conn.execute(insert(DEPLOY).values(NAME=target, CONTENT=content))
    return AgentFile(target, len(content))


def _refuse_label(name: str) -> None:
    """Any stored name may be read or deleted (OCS's console may have stored names we
    would refuse on upload), except the label."""
    if name.casefold() == LABEL_NAME:
        raise AgentFileError(
            "'label' is the TAG prompt: edit it with `ocs-desktop label`", "reserved", name
        )


def file_content(conn: Connection, name: str) -> bytes:
    """The bytes agents receive for ``name``; ``missing`` when there is no such file."""
    _refuse_label(name)
    blob = deploy_blob(conn, name)
    if blob is None:
        raise AgentFileError(f"no file named {name!r}", "missing", name)
    return blob


def download_file(
    conn: Connection, name: str, destination: Path, *, overwrite: bool = False
) -> AgentFile:
    """Save file ``name`` to ``destination`` (a file path, or a folder to save it in
    under its name); an existing file is kept unless ``overwrite``."""
    # In a folder, the name becomes a path: it must be a plain file name.
    target = destination / check_name(name) if destination.is_dir() else destination
    content = file_content(conn, name)
    if target.exists() and not overwrite:
        raise AgentFileError(f"{target} exists already", "dest_exists", str(target))
    handle, temp = tempfile.mkstemp(prefix=".ocs-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return AgentFile(name, len(content))


def delete_file(conn: Connection, name: str) -> None:
    """Remove file ``name``; ``missing`` when there is none."""
    _refuse_label(name)
    if not conn.execute(delete(DEPLOY).where(DEPLOY.c.NAME == name)).rowcount:
        raise AgentFileError(f"no file named {name!r}", "missing", name)
