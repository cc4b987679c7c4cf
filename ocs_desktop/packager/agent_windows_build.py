"""Build an ocspackage.exe: validate, stage in a temporary folder, run makensis, write the
exe and its sidecar into the output folder.

makensis runs with no shell and a fixed, constant script (the architecture is a Target from
a fixed table, on its command line); the build is reproducible
(``SetDateSave off``: no file times inside), so equal inputs give an equal exe.
Progress goes through :mod:`ocs_desktop.common.progress` in :data:`STEPS` steps, and a
cancel, seen while makensis runs too, leaves the output folder as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.packager.agent_installer import (
    BuiltInstaller,
    InstallerError,
    sha256_file,
    write_sidecar,
)
from ocs_desktop.packager.agent_windows import (
    PACKAGE_NAME,
    SIDECAR_NAME,
    WindowsAgentSpec,
    validate,
)
from ocs_desktop.packager.agent_windows_nsis import SCRIPT_NAME, stage, target_define
from ocs_desktop.packager.agent_windows_sidecar import sidecar_record

log = logging.getLogger(__name__)

STEPS = 4
MAKENSIS = "makensis"
TIMEOUT = 300.0
_POLL = 0.1


def build(
    spec: WindowsAgentSpec,
    *,
    progress: Progress = None,
    makensis: str = MAKENSIS,
    timeout: float = TIMEOUT,
) -> BuiltInstaller:
    """Validate ``spec`` and build ``<output_dir>/ocspackage.exe`` and ``ocspackage.json``.

    Raises :class:`InstallerError` (bad input, makensis missing or failing, output folder
    not writable) and :class:`~ocs_desktop.common.progress.Cancelled`.
    """
    validate(spec)
    report(progress, 0, STEPS)
    with tempfile.TemporaryDirectory(prefix="ocspackage-") as temp:
        work = Path(temp)
        try:
            stage(spec, work / "src")
        except OSError as exc:
            raise _os_error(exc) from exc
        report(progress, 1, STEPS)
        version = _run_makensis(makensis, work / "src", spec.arch, progress, timeout)
        report(progress, 3, STEPS)
        target, sidecar = spec.output_dir / PACKAGE_NAME, spec.output_dir / SIDECAR_NAME
        try:
            spec.output_dir.mkdir(parents=True, exist_ok=True)
            os.replace(_copy_beside(work / "src" / PACKAGE_NAME, target), target)
            sha256, size = sha256_file(target), target.stat().st_size
            write_sidecar(sidecar, sidecar_record(spec, sha256, size, version))
        except OSError as exc:
            raise _os_error(exc) from exc
    if progress is not None:
        progress(STEPS, STEPS)  # past the point of no return: a cancel now changes nothing
    log.info("built %s (%d bytes, sha256 %s)", target, size, sha256)
    return BuiltInstaller(path=target, sidecar=sidecar, sha256=sha256, size=size)


def _copy_beside(source: Path, target: Path) -> Path:
    """``source`` copied to a temporary name next to ``target`` (same file system)."""
    temp = target.with_name(f".{target.name}.part")
    temp.write_bytes(source.read_bytes())
    return temp


def makensis_version(makensis: str = MAKENSIS) -> str:
    """``makensis -VERSION``; :class:`InstallerError` when it cannot run."""
    return _output([makensis, "-VERSION"], Path.cwd(), None, 30.0).strip()


def _run_makensis(makensis: str, work: Path, arch: str, progress: Progress, timeout: float) -> str:
    version = makensis_version(makensis)
    command = [makensis, "-V2", "-NOCD", "-INPUTCHARSET", "UTF8", target_define(arch), SCRIPT_NAME]
    _output(command, work, progress, timeout)
    return version


def _output(command: list[str], cwd: Path, progress: Progress, timeout: float) -> str:
    """What ``command`` printed; its output goes to a file, so no pipe can fill and block it."""
    with tempfile.TemporaryFile() as sink:
        code = _wait(command, cwd, sink, progress, timeout)
        sink.seek(0)
        output = sink.read().decode("utf-8", errors="replace")
    if code != 0:
        reason = " ".join(output.strip().splitlines()[-3:]) or f"exit {code}"
        log.error("makensis failed (%s): %s", code, output)
        raise InstallerError(
            "makensis-failed",
            QT_TRANSLATE_NOOP("AgentInstaller", "makensis failed: {reason}"),
            reason=reason,
        )
    return output


def _wait(
    command: list[str], cwd: Path, sink: IO[bytes], progress: Progress, timeout: float
) -> int:
    try:
        process = subprocess.Popen(
            command, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    except OSError as exc:
        raise InstallerError(
            "makensis-missing",
            QT_TRANSLATE_NOOP("AgentInstaller", "Cannot run {program} (install NSIS): {reason}"),
            program=command[0],
            reason=exc.strerror or str(exc),
        ) from exc
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None:
            report(progress, 2, STEPS)
            if time.monotonic() > deadline:
                raise InstallerError(
                    "makensis-failed",
                    QT_TRANSLATE_NOOP("AgentInstaller", "makensis failed: {reason}"),
                    reason=f"no answer in {timeout:.0f} s",
                )
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(_POLL)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode


def _os_error(exc: OSError) -> InstallerError:
    return InstallerError(
        "output-failed",
        QT_TRANSLATE_NOOP("AgentInstaller", "Cannot write {path}: {reason}"),
        path=str(exc.filename or ""),
        reason=exc.strerror or str(exc),
    )
