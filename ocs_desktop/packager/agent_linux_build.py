"""Build the Linux agent installer: a ``makeself`` archive of the install script, the CA
and the build-time settings, plus a sidecar JSON to build the same one again.

makeself writes its own command line into the archive's header script, so it only ever
sees names of ours, relative to a private temporary folder; the user's values travel as
plain files inside the archive. The result reaches the output folder by rename: a
cancelled or failed build leaves nothing there.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ocs_desktop.common.progress import Progress, report
from ocs_desktop.common.translate_marks import QT_TRANSLATE_NOOP
from ocs_desktop.packager.agent_installer import (
    BuiltInstaller,
    InstallerError,
    sha256_file,
    write_sidecar,
)
from ocs_desktop.packager.agent_linux import (
    INSTALLER_NAME,
    SIDECAR_KIND,
    SIDECAR_NAME,
    LinuxAgentSpec,
    ValidLinuxAgent,
    sidecar_inputs,
    validate,
)
from ocs_desktop.packager.agent_linux_script import (
    CACERT_NAME,
    SCRIPT,
    SCRIPT_NAME,
    SETTINGS_DIR,
)

log = logging.getLogger(__name__)

STEPS = 4
LABEL = "OCS Inventory agent installer"
STAGE_NAME = "ocs-agent"
# Same inputs, same bytes: fixed date, owners, order and times in the archive.
MAKESELF_OPTIONS = (
    "--nox11",
    "--sha256",
    "--tar-quietly",
    "--quiet",
    "--packaging-date",
    "1970-01-01",
    "--tar-extra",
    "--mtime=@0 --owner=0 --group=0 --numeric-owner --sort=name",
)
POLL_SECONDS = 0.1
MAKESELF_TIMEOUT = 600


def stage(valid: ValidLinuxAgent, folder: Path) -> None:
    """Lay out the archive's content in ``folder``: script, settings, ``cacert.pem``."""
    spec = valid.spec
    settings = folder / SETTINGS_DIR
    settings.mkdir(parents=True)
    values = {
        "server": spec.server,
        "tag": spec.tag,
        "ssl": "1" if spec.ssl else "0",
        "first_run": "1" if spec.first_run else "0",
    }
    for name, value in values.items():
        (settings / name).write_text(value + "\n", encoding="utf-8")
    script = folder / SCRIPT_NAME
    script.write_text(SCRIPT, encoding="utf-8")
    script.chmod(0o755)
    if valid.cacert_pem is not None:
        (folder / CACERT_NAME).write_bytes(valid.cacert_pem)


def _makeself() -> str:
    path = shutil.which("makeself")
    if path is None:
        raise InstallerError(
            "makeself-missing",
            QT_TRANSLATE_NOOP("AgentInstaller", "makeself is not installed (Debian package "
                              "makeself)"),
        )  # fmt: skip
    return path


def _failed(reason: str) -> InstallerError:
    log.error("makeself failed: %s", reason)
    return InstallerError(
        "makeself-failed",
        QT_TRANSLATE_NOOP("AgentInstaller", "makeself failed: {reason}"),
        reason=reason,
    )


def _reproducible_env(workdir: Path) -> dict[str, str]:
    """makeself's environment with a ``gzip`` that writes no time in its header (``-n``;
    from a pipe gzip stamps the current time, so two builds would differ)."""
    gzip = shutil.which("gzip")
    env = dict(os.environ)
    if gzip is not None:
        wrapper = workdir / "bin" / "gzip"
        wrapper.parent.mkdir()
        wrapper.write_text(f'#!/bin/sh\nexec "{gzip}" -n "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
        env["PATH"] = f"{wrapper.parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def run_makeself(workdir: Path, progress: Progress, done: int) -> Path:
    """Archive ``workdir/ocs-agent`` into ``workdir/<installer>``, asking ``progress``
    while it runs; a cancel kills makeself."""
    command = [_makeself(), *MAKESELF_OPTIONS, STAGE_NAME, INSTALLER_NAME, LABEL]
    command.append(f"./{SCRIPT_NAME}")
    process = subprocess.Popen(
        command,
        cwd=workdir,
        env=_reproducible_env(workdir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(int(MAKESELF_TIMEOUT / POLL_SECONDS)):
            try:
                process.wait(POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                report(progress, done, STEPS)
        else:
            raise _failed(f"no answer in {MAKESELF_TIMEOUT} s")
    finally:
        if process.poll() is None:
            process.kill()
        output = process.communicate()[0].decode(errors="replace").strip()
    if process.returncode != 0:
        raise _failed(output.splitlines()[-1] if output else f"exit {process.returncode}")
    return workdir / INSTALLER_NAME


def _publish(source: Path, target: Path, mode: int) -> None:
    """Copy ``source`` beside ``target`` and rename it over ``target`` (atomic there)."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(source, partial)
        partial.chmod(mode)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def build_linux_installer(spec: LinuxAgentSpec, progress: Progress = None) -> BuiltInstaller:
    """Validate ``spec`` and write ``ocs-agent-installer.run`` and its sidecar into
    ``spec.output_dir``. :class:`InstallerError` on bad input or a makeself failure;
    ``Cancelled`` when ``progress`` answers ``False``. Nothing is left behind on either."""
    valid = validate(spec)
    report(progress, 0, STEPS)
    output_dir = valid.spec.output_dir
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InstallerError(
            "output-invalid",
            QT_TRANSLATE_NOOP("AgentInstaller", "Cannot write to {path}: {reason}"),
            path=str(output_dir),
            reason=exc.strerror or str(exc),
        ) from None
    installer, sidecar = output_dir / INSTALLER_NAME, output_dir / SIDECAR_NAME
    with tempfile.TemporaryDirectory(prefix="ocs-agent-linux-") as temporary:
        workdir = Path(temporary)
        stage(valid, workdir / STAGE_NAME)
        report(progress, 1, STEPS)
        built = run_makeself(workdir, progress, 1)
        report(progress, 2, STEPS)
        digest, size = sha256_file(built), built.stat().st_size
        inputs = sidecar_inputs(valid.spec)
        inputs["cacert_sha256"] = (
            hashlib.sha256(valid.cacert_pem).hexdigest() if valid.cacert_pem else None
        )
        record = {
            "kind": SIDECAR_KIND,
            "inputs": inputs,
            "installer": INSTALLER_NAME,
            "sha256": digest,
            "size": size,
            "built_with": "makeself",
        }
        write_sidecar(workdir / SIDECAR_NAME, record)
        report(progress, 3, STEPS)
        _publish(built, installer, 0o755)
        try:
            _publish(workdir / SIDECAR_NAME, sidecar, 0o644)
        except OSError:
            installer.unlink(missing_ok=True)
            raise
    if progress is not None:
        progress(STEPS, STEPS)  # done: too late to cancel
    log.info("Linux agent installer built: %s (%d bytes, sha256 %s)", installer, size, digest)
    return BuiltInstaller(installer, sidecar, digest, size)
