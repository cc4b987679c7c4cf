"""Running the real ``ocsinventory-agent`` against a server of ours."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.services import unavailable


def _agent_path() -> str:
    path = shutil.which("ocsinventory-agent") or "/usr/bin/ocsinventory-agent"
    if not os.path.exists(path):
        unavailable("ocsinventory-agent is not installed (tools/bootstrap.sh test installs it)")
    return path


def agent_command(server_url: str, state: Path, *extra: str) -> list[str]:
    """The command line of one agent run with its own state folder (DEVICEID, checksums)
    and log file; the folder is created."""
    state.mkdir(parents=True, exist_ok=True)
    return [
        _agent_path(),
        "--nolocal",
        f"--server={server_url}/ocsinventory",
        f"--basevardir={state}",
        f"--logfile={state / 'agent.log'}",
        *extra,
    ]


def run_agent(server_url: str, state: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """One agent run with its own state folder (DEVICEID, checksums) and log file."""
    return subprocess.run(
        agent_command(server_url, state, *extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
