"""End to end: the built Linux installer configures the real ``ocsinventory-agent``, which
sends its first inventory to ``ocs-desktop serve`` over HTTPS, trusting only the bundled
``cacert.pem`` (made by ``cert init``), on SQLite and MariaDB.

The Debian agent (2.10) reads its cfg only from /etc/ocsinventory and a few fixed folders
(``Config.pm`` ignores any other file), so an install into a throwaway root is proved
twice: the installer's own first run passes the values of the cfg it wrote on the agent's
command line, and a second agent run, in a private mount namespace where the root's
``etc/ocsinventory`` is mounted over /etc/ocsinventory, reads that cfg file itself.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.support.agent_linux import build, cert_init, read_cfg, run_installer, server_dir
from tests.support.live_server import live_server

pytestmark = [pytest.mark.agent, pytest.mark.slow]


def _agent() -> str:
    path = shutil.which("ocsinventory-agent")
    if path is None:
        pytest.fail("ocsinventory-agent is not installed (tools/bootstrap.sh test installs it)")
    return path


def _machines(engine: Engine) -> list[tuple[str, str | None]]:
    with engine.connect() as conn:
        return [
            (row.NAME, row.TAG)
            for row in conn.execute(
                text(
                    "SELECT h.NAME, a.TAG FROM hardware h "
                    "LEFT JOIN accountinfo a ON a.HARDWARE_ID = h.ID ORDER BY h.ID"
                )
            )
        ]


def _hardware_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one())


def test_installer_first_run_reaches_our_https_server(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    _agent()
    certs, other = cert_init(tmp_path / "certs"), cert_init(tmp_path / "other-ca")
    tls = ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key")]
    with live_server(db_url, tmp_path, tls, ca_file=certs / "cacert.pem") as server:
        endpoint = f"{server.url}/ocsinventory"
        wrong = build(tmp_path / "wrong", endpoint, other / "cacert.pem", tag="Wrong")
        refused = run_installer(
            wrong.path, "--root", str(tmp_path / "wrong-root"), "--schedule=none"
        )
        assert refused.returncode == 5, refused.stdout + refused.stderr
        assert _hardware_count(engine) == 0

        right = build(tmp_path / "right", "https://placeholder.invalid", certs / "cacert.pem")
        root = tmp_path / "root"
        result = run_installer(
            right.path, "--server", endpoint, "--tag", "Paris-1", "--root", str(root),
            "--schedule=cron",
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        assert "first inventory sent" in result.stdout
        log = server.log_text()
    assert _machines(engine) == [(_hostname(), "Paris-1")]
    assert log.count("query=INVENTORY") == 1  # --force: straight to the inventory
    cfg = read_cfg(root)
    vardir = root / "var/lib/ocsinventory-agent" / server_dir(endpoint)
    assert cfg["server"] == endpoint and cfg["ca"] == str(vardir / "cacert.pem")
    assert (vardir / "cacert.pem").read_bytes() == (certs / "cacert.pem").read_bytes()
    assert (vardir / "ocsinv.adm").exists() or (vardir / "ocsinv.conf").exists()
    assert (root / "etc/cron.d/ocsinventory-agent").exists()


def _hostname() -> str:
    return subprocess.run(["hostname"], capture_output=True, text=True, check=True).stdout.strip()


def test_the_agent_reads_the_cfg_the_installer_wrote(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    """The root's cfg, mounted over /etc/ocsinventory for this one run, is all the agent
    is given: server, TAG, ssl, ca and basevardir all come from the file."""
    agent = _agent()
    if shutil.which("unshare") is None:
        pytest.skip("no unshare")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here (needs root)")
    certs = cert_init(tmp_path / "certs")
    tls = ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key")]
    with live_server(db_url, tmp_path, tls, ca_file=certs / "cacert.pem") as server:
        endpoint = f"{server.url}/ocsinventory"
        built = build(tmp_path / "out", endpoint, certs / "cacert.pem", tag="From-Cfg")
        root = tmp_path / "root"
        installed = run_installer(built.path, "--root", str(root), "--no-first-run")
        assert installed.returncode == 0, installed.stderr
        assert _hardware_count(engine) == 0
        script = 'mount --bind "$1" /etc/ocsinventory && exec "$2" --force'
        run = subprocess.run(
            ["unshare", "-m", "sh", "-c", script, "sh", str(root / "etc/ocsinventory"), agent],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stdout + run.stderr
    assert _machines(engine) == [(_hostname(), "From-Cfg")]
    vardir = root / "var/lib/ocsinventory-agent" / server_dir(endpoint)
    assert (vardir / "ocsinv.adm").exists() or (vardir / "ocsinv.conf").exists()
    log = root / "var/log/ocsinventory-client/ocsinventory-agent.log"
    assert log.exists() and log.stat().st_size > 0  # logger=Stderr,File from the cfg
