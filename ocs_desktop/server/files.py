"""Deployment files: ``/download/<FILEID>/info`` and ``/download/<FILEID>/<FILEID>-<n>``.

The same process can be the deployment server (PROTOCOL 3.1). Names are checked against
the only two shapes agents ask for before touching the file system, and the resolved path
must still lie inside the download directory, so no request can read anything else.
"""

from __future__ import annotations

import re
from pathlib import Path

_FILEID = re.compile(r"^[0-9]{1,20}$", re.ASCII)


def package_file(root: Path, fileid: str, name: str) -> Path | None:
    """The file to serve, or None when the name is not a package file or does not exist."""
    if not _FILEID.match(fileid):
        return None
    if name != "info" and not re.fullmatch(rf"{fileid}-[0-9]{{1,6}}", name, re.ASCII):
        return None
    base = root.resolve()
    candidate = (base / fileid / name).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate
