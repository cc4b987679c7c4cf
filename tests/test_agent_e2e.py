"""End to end: the real ocsinventory-agent inventories this machine, we import the file.

The database must then describe this very machine: hostname, CPUs, memory and
every installed Debian package.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main

pytestmark = [pytest.mark.agent, pytest.mark.slow]


def _agent() -> str:
    path = shutil.which("ocsinventory-agent") or "/usr/bin/ocsinventory-agent"
    if not os.path.exists(path):
        if os.environ.get("CI") == "true":
            pytest.fail("ocsinventory-agent is not installed (tools/bootstrap.sh test installs it)")
        pytest.skip("ocsinventory-agent is not installed")
    return path


@pytest.fixture(scope="module")
def agent_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("agent")
    subprocess.run(
        [_agent(), f"--local={out}"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [produced] = list(out.glob("*.ocs"))
    return produced


def _installed_packages() -> int:
    """Installed packages as the agent counts them (Packaging/Deb.pm): by ``binary:Package``,
    kept only when dpkg's file list goes by that name, which a foreign-architecture package
    that is not Multi-Arch: same (such as wine32:i386, listed as wine32.list) does not."""
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Abbrev} ${binary:Package}\n"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    info = Path("/var/lib/dpkg/info")
    return sum(
        1
        for line in listing
        if line.startswith("ii") and (info / f"{line.split()[-1]}.list").exists()
    )


def _mem_total_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no MemTotal in /proc/meminfo")


def test_agent_inventory_describes_this_machine(engine: Engine, agent_file: Path, capsys) -> None:
    url = engine.url.render_as_string(hide_password=False)
    assert main(["import", "--quiet", "--db", url, str(agent_file)]) == 0
    assert "1 new" in capsys.readouterr().out
    with engine.connect() as conn:
        name, memory, hardware_id = conn.execute(
            text("SELECT NAME, MEMORY, ID FROM hardware")
        ).one()
        logical = conn.execute(
            text("SELECT SUM(LOGICAL_CPUS), SUM(CORES) FROM cpus WHERE HARDWARE_ID = :id"),
            {"id": hardware_id},
        ).one()
        software = conn.execute(
            text("SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :id"), {"id": hardware_id}
        ).scalar()
    assert name == socket.gethostname().split(".")[0]
    cpus = os.cpu_count()
    assert cpus in (logical[0], logical[1]), (logical, cpus)
    assert abs(memory - _mem_total_mb()) <= 0.05 * _mem_total_mb(), (memory, _mem_total_mb())
    assert software == _installed_packages()

    # The same machine again: updated in place, nothing duplicated.
    assert main(["import", "--quiet", "--db", url, str(agent_file)]) == 0
    assert "1 updated" in capsys.readouterr().out
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar() == 1
        assert conn.execute(text("SELECT COUNT(*) FROM software")).scalar() == software
