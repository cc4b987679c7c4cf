"""Rebuild an ocspackage.exe from its sidecar, and say whether it came out identical."""

from __future__ import annotations

from pathlib import Path

from ocs_desktop.common.progress import Progress
from ocs_desktop.packager.agent_installer import BuiltInstaller, read_sidecar
from ocs_desktop.packager.agent_windows_build import build
from ocs_desktop.packager.agent_windows_sidecar import spec_from_record


def rebuild(
    sidecar: Path,
    *,
    output_dir: Path | None = None,
    proxy_password: str = "",
    progress: Progress = None,
) -> tuple[BuiltInstaller, bool]:
    """Build again what ``sidecar`` records; the new package, and whether its SHA-256
    equals the recorded one (it does with the same inputs and makensis)."""
    record = read_sidecar(Path(sidecar))
    spec = spec_from_record(record, output_dir=output_dir, proxy_password=proxy_password)
    built = build(spec, progress=progress)
    return built, built.sha256 == record.get("output", {}).get("sha256")
