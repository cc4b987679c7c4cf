"""What the Windows and Linux agent installers share: the error they raise and what a build returns.

Errors carry a stable ``code`` (for tests and logs), an English ``message`` template marked
with ``QT_TRANSLATE_NOOP("AgentInstaller", ...)`` so the console can translate it, and the
``params`` substituted into the template with ``str.format``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP

TRANSLATION_CONTEXT = "AgentInstaller"


class InstallerError(Exception):
    """An agent installer cannot be built from these inputs (or the build failed).

    The console shows ``QCoreApplication.translate("AgentInstaller", err.message)
    .format(**err.params)``; ``str(err)`` is the English text.
    """

    def __init__(self, code: str, message: str, **params: Any) -> None:
        self.code = code
        self.message = message
        self.params = params
        super().__init__(message.format(**params))


@dataclass(frozen=True)
class BuiltInstaller:
    """An installer on disk, its sidecar JSON (inputs, to rebuild it) and its digest."""

    path: Path
    sidecar: Path
    sha256: str
    size: int


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in blocks (setups weigh tens of MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sidecar(path: Path, record: dict[str, Any]) -> None:
    """Write ``record`` as stable, sorted JSON, so equal inputs give equal sidecars."""
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_sidecar(path: Path) -> dict[str, Any]:
    """Load a sidecar written by :func:`write_sidecar`; a clear error when it is not one."""
    unreadable = QT_TRANSLATE_NOOP("AgentInstaller", "Cannot read the sidecar {path}: {reason}")
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InstallerError(
            "sidecar-unreadable", unreadable, path=str(path), reason=str(exc)
        ) from exc
    if not isinstance(record, dict):
        raise InstallerError(
            "sidecar-unreadable", unreadable, path=str(path), reason="not a JSON object"
        )
    return record
