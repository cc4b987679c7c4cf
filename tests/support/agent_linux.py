"""Building and running the Linux agent installer (makeself) in tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ocs_desktop.cli.main import main
from ocs_desktop.packager.agent_installer import BuiltInstaller
from ocs_desktop.packager.agent_linux import LinuxAgentSpec
from ocs_desktop.packager.agent_linux_build import build_linux_installer
from tests.support.services import unavailable

CFG = "etc/ocsinventory/ocsinventory-agent.cfg"


def need_makeself() -> None:
    if shutil.which("makeself") is None:
        unavailable("makeself is not installed (tools/bootstrap.sh installs it)")


def cert_init(folder: Path) -> Path:
    """``ocs-desktop cert init`` for localhost/127.0.0.1 in ``folder``; the folder."""
    command = ["cert", "init", "--dir", str(folder), "--host", "localhost", "--ip", "127.0.0.1"]
    assert main(command) == 0
    return folder


def build(output: Path, server: str, cacert: Path | None, **options: object) -> BuiltInstaller:
    need_makeself()
    spec = LinuxAgentSpec(server=server, output_dir=output, cacert=cacert, **options)  # type: ignore[arg-type]
    return build_linux_installer(spec)


def run_installer(
    installer: Path, *args: str, user: str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``installer --quiet -- ARGS`` (makeself's own output off), as ``user`` if given."""
    command = [str(installer), "--quiet", "--", *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def read_cfg(root: Path) -> dict[str, str]:
    """The ``key=value`` lines of the cfg the installer wrote under ``root``."""
    lines = (root / CFG).read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def server_dir(server: str) -> str:
    """The agent's folder name for ``server`` (Agent.pm: every / becomes _)."""
    return server.replace("/", "_")
