"""The real ``ocsinventory-agent`` installs a package with default settings from a server
listening on HTTPS and HTTP at once, as from an Apache-hosted OCS.

The package is built with the defaults (fragments over HTTP), activated with the info
file on the HTTPS port and the fragments on the HTTP port of the same server, and
assigned to the machine; deployment is switched on with short latencies through the
configuration code the console uses (``fleet.config_edit``). The package's command
writes a marker file; its status must come back SUCCESS.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.cli.main import main
from ocs_desktop.fleet.config_edit import write_changes
from tests.support.agent import run_agent
from tests.support.dual_server import dual_server
from tests.support.live_server import maria

__all__ = ["maria"]
pytestmark = [pytest.mark.agent, pytest.mark.slow, pytest.mark.mariadb]

QUICK_DOWNLOAD = {
    "DOWNLOAD": 1,
    "DOWNLOAD_FRAG_LATENCY": 0,
    "DOWNLOAD_CYCLE_LATENCY": 1,
    "DOWNLOAD_PERIOD_LATENCY": 1,
    "DOWNLOAD_PERIOD_LENGTH": 10,
}


def _cli(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    assert code == 0, (args, out.getvalue())
    return out.getvalue().strip()


def _status(engine: Engine, fileid: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT d.TVALUE FROM devices d JOIN download_enable e ON e.ID = d.IVALUE "
                "WHERE d.NAME = 'DOWNLOAD' AND e.FILEID = :f"
            ),
            {"f": fileid},
        ).scalar()


def test_agent_installs_a_default_package_over_http_and_https(
    tmp_path: Path, maria: tuple[str, Engine]
) -> None:
    url, engine = maria
    certs, download, store, state = (tmp_path / n for n in ("certs", "download", "store", "agent"))
    download.mkdir()
    _cli("cert", "init", "--dir", str(certs), "--host", "localhost", "--ip", "127.0.0.1")
    ca = str(certs / "cacert.pem")
    with engine.begin() as conn:
        write_changes(conn, QUICK_DOWNLOAD)
    marker = tmp_path / "marker"
    source = tmp_path / "src"
    source.mkdir()
    (source / "run.sh").write_text(f"#!/bin/sh\nset -e\necho installed > {marker}\n")
    agent = ["--ssl=1", f"--ca={ca}"]
    extra = ["--download-dir", str(download), "--workers", "2"]
    with dual_server(url, tmp_path, certs, extra) as server:
        first = run_agent(server.https_url, state, *agent)  # the machine now exists
        assert first.returncode == 0, first.stderr
        fileid = _cli("package", "build", "--db", url, "--name", "dual default",
                      "--os", "linux", "--action", "execute", "--command", "sh run.sh",
                      "--store", str(store), "--quiet", str(source / "run.sh"))  # fmt: skip
        info = (store / fileid / "info").read_text()
        assert 'PROTO="HTTP"' in info  # the default
        _cli("package", "activate", "--db", url, fileid, "--store", str(store), "--ca", ca,
             "--info-loc", f"127.0.0.1:{server.https_port}/download",
             "--pack-loc", f"127.0.0.1:{server.http_port}/download",
             "--download-dir", str(download), "--quiet")  # fmt: skip
        machine = socket.gethostname().split(".")[0]
        _cli("package", "assign", "--db", url, fileid, "--machine", machine)
        run_agent(server.https_url, state, *agent)
        deadline = time.monotonic() + 240  # the agent's download worker runs detached
        status = _status(engine, fileid)
        while time.monotonic() < deadline and status in (None, "NOTIFIED", "WAITING NOTIFICATION"):
            time.sleep(1)
            status = _status(engine, fileid)
        log = server.log_text()
    agent_log = (
        (state / "agent.log").read_text(errors="replace")[-3000:]
        if (state / "agent.log").exists()
        else ""
    )
    assert status == "SUCCESS", (status, agent_log)
    assert marker.read_text().strip() == "installed"
    # the fragment came over plain HTTP and the info file over HTTPS, from the same server
    assert f"path=/download/{fileid}/{fileid}-1 status=200" in log
    assert os.path.exists(download / fileid / "info")
