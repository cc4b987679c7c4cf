"""End to end deployment: the real ocsinventory-agent installs packages we built.

``ocs-desktop serve`` runs over HTTPS with a CA of ``cert init`` on MariaDB. Four Linux
packages are built, published, activated and assigned with the ``ocs-desktop package``
commands, as an administrator would script it:

- ``direct``: uploaded to the server (``activate --upload``), assigned to the machine by
  name; its command writes a marker file;
- ``group``: copied into the download folder (``activate --download-dir``), assigned to a
  static group the machine belongs to;
- ``multi``: four fragments, uploaded; its command checks the payload survived the cut;
- ``corrupt``: published, then one fragment is damaged on the server: the agent must
  report ERR_BAD_DIGEST and run nothing.

The agent then runs once with download latencies of 0-1 s (server ``config``), and its
detached download worker fetches, checks, runs and reports each package.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text, update

from ocs_desktop.cli.main import main
from ocs_desktop.db.engines import create_database_if_missing, create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.models import Base
from tests.support.agent import run_agent
from tests.support.live_server import LiveServer, live_server
from tests.support.reference_schema import drop_database
from tests.support.services import mysql_database_url

pytestmark = [pytest.mark.agent, pytest.mark.slow, pytest.mark.mariadb]

T = Base.metadata.tables
GROUP_NAME = "deploy-e2e"
PACKAGES = ("direct", "group", "multi", "corrupt")
#: server config for a quick run: latencies of 0-1 s instead of 10-60 s
QUICK_DOWNLOAD = {
    "DOWNLOAD": 1,
    "DOWNLOAD_FRAG_LATENCY": 0,
    "DOWNLOAD_CYCLE_LATENCY": 1,
    "DOWNLOAD_PERIOD_LATENCY": 1,
    "DOWNLOAD_PERIOD_LENGTH": 10,
}


@dataclass
class Deployment:
    engine: Engine
    server: LiveServer
    fileids: dict[str, str]
    markers: dict[str, Path]
    agent_state: Path
    statuses: dict[str, str | None]
    payload_md5: str
    agent_log: str


def _cli(*args: str) -> str:
    """Run ``ocs-desktop`` in-process; its stdout (the FILEID, the activation ID...)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    assert code == 0, (args, out.getvalue())
    return out.getvalue().strip()


def _sources(root: Path, name: str, marker: Path, payload: bytes | None) -> list[Path]:
    folder = root / f"src-{name}"
    folder.mkdir(parents=True)
    script = f"#!/bin/sh\nset -e\necho {name} > {marker}\n"
    files = [folder / "run.sh"]
    if payload is not None:
        (folder / "payload.bin").write_bytes(payload)
        files.append(folder / "payload.bin")
        script += f"md5sum payload.bin | cut -d' ' -f1 >> {marker}\n"
    (folder / "run.sh").write_text(script)
    return files


def _status(engine: Engine, fileid: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT d.TVALUE FROM devices d JOIN download_enable e ON e.ID = d.IVALUE "
                "JOIN hardware h ON h.ID = d.HARDWARE_ID "
                "WHERE d.NAME = 'DOWNLOAD' AND e.FILEID = :f AND h.DEVICEID <> '_SYSTEMGROUP_'"
            ),
            {"f": fileid},
        ).scalar()


@pytest.fixture(scope="module")
def deployment(
    mysql_server_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    root = tmp_path_factory.mktemp("deploy")
    url = mysql_database_url(mysql_server_url, f"ocs_test_{secrets.token_hex(4)}")
    create_database_if_missing(url)
    engine = create_engine_for(url)
    try:
        init_database(engine)
        yield _deploy(url, engine, root)
    finally:
        engine.dispose()
        drop_database(url)


def _deploy(url: str, engine: Engine, root: Path) -> Deployment:
    certs, download, store, state = (root / n for n in ("certs", "download", "store", "agent"))
    download.mkdir()
    _cli("cert", "init", "--dir", str(certs), "--host", "localhost", "--ip", "127.0.0.1")
    ca = str(certs / "cacert.pem")
    config = T["config"]
    with engine.begin() as conn:
        for name, value in QUICK_DOWNLOAD.items():
            conn.execute(update(config).where(config.c.NAME == name).values(IVALUE=value))
    markers = {name: root / f"marker-{name}" for name in PACKAGES}
    payload = os.urandom(700_000)
    extra = ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"),
             "--download-dir", str(download)]  # fmt: skip
    agent = ["--ssl=1", f"--ca={ca}"]
    with live_server(url, root, extra, ca_file=certs / "cacert.pem") as server:
        run_agent(server.url, state, *agent)  # the machine now exists
        machine = socket.gethostname().split(".")[0]
        with engine.begin() as conn:
            hardware_id = conn.execute(select(T["hardware"].c.ID)).scalar_one()
            group = insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME=GROUP_NAME)
            group_id = conn.execute(group).inserted_primary_key[0]
            conn.execute(insert(T["groups"]).values(HARDWARE_ID=group_id, CREATE_TIME=0))
            conn.execute(insert(T["groups_cache"]).values(
                HARDWARE_ID=hardware_id, GROUP_ID=group_id, STATIC=1))  # fmt: skip
        location = f"127.0.0.1:{server.port}/download"
        fileids = {}
        os.environ["OCS_DESKTOP_PASSWORD"] = "admin"
        try:
            for name in PACKAGES:
                fragments = {"multi": "4", "corrupt": "2"}.get(name, "1")
                files = _sources(root, name, markers[name], payload if name != "direct" else None)
                fileid = _cli("package", "build", "--db", url, "--name", f"e2e {name}",
                              "--os", "linux", "--action", "execute", "--command", "sh run.sh",
                              "--priority", "1", "--fragments", fragments, "--proto", "https",
                              "--store", str(store), "--quiet", *map(str, files))  # fmt: skip
                fileids[name] = fileid
                publish = (["--upload", server.url] if name in ("direct", "multi")
                           else ["--download-dir", str(download)])  # fmt: skip
                _cli("package", "activate", "--db", url, fileid, "--info-loc", location,
                     "--pack-loc", location, "--store", str(store), "--ca", ca, "--quiet",
                     *publish)  # fmt: skip
                target = ["--group", GROUP_NAME] if name == "group" else ["--machine", machine]
                _cli("package", "assign", "--db", url, fileid, *target)
                time.sleep(1.05)  # FILEIDs are seconds: one package per second, as in OCS
        finally:
            os.environ.pop("OCS_DESKTOP_PASSWORD", None)
        damaged = download / fileids["corrupt"] / f"{fileids['corrupt']}-2"
        data = bytearray(damaged.read_bytes())
        data[len(data) // 2] ^= 0xFF
        damaged.write_bytes(bytes(data))
        run_agent(server.url, state, *agent)
        deadline = time.monotonic() + 300  # the agent's download worker runs detached
        statuses: dict[str, str | None] = {}
        while time.monotonic() < deadline:
            statuses = {name: _status(engine, fid) for name, fid in fileids.items()}
            if all(s not in (None, "NOTIFIED") for s in statuses.values()):
                break
            time.sleep(1)
        run_agent(server.url, state, *agent)  # reports the agent's history in its inventory
    log_file = state / "agent.log"
    return Deployment(
        engine, server, fileids, markers, state, statuses,
        hashlib.md5(payload).hexdigest(), log_file.read_text(errors="replace")[-4000:],
    )  # fmt: skip


def _history(deployment: Deployment) -> list[str]:
    """The agent's own history file (in its per-server folder under --basevardir)."""
    return [
        fileid
        for history in deployment.agent_state.glob("*/download/history")
        for fileid in history.read_text().split()
    ]


def _db_history(deployment: Deployment) -> set[str]:
    with deployment.engine.connect() as conn:
        return {str(p) for p in conn.execute(select(T["download_history"].c.PKG_ID)).scalars()}


def test_package_assigned_to_the_machine_is_installed(deployment: Deployment):
    fileid = deployment.fileids["direct"]
    assert deployment.statuses["direct"] == "SUCCESS", deployment.agent_log
    assert deployment.markers["direct"].read_text().split() == ["direct"]
    assert fileid in _history(deployment)
    assert fileid in _db_history(deployment)
    log = deployment.server.log_text()
    assert f"/download/{fileid}/info" in log and f"/download/{fileid}/{fileid}-1" in log
    assert f"package {fileid} published by operator admin" in log


def test_package_assigned_through_a_static_group_is_installed(deployment: Deployment):
    assert deployment.statuses["group"] == "SUCCESS", deployment.agent_log
    assert deployment.markers["group"].read_text().split() == ["group", deployment.payload_md5]
    assert deployment.fileids["group"] in _history(deployment)


def test_package_in_several_fragments_is_installed(deployment: Deployment):
    fileid = deployment.fileids["multi"]
    assert deployment.statuses["multi"] == "SUCCESS", deployment.agent_log
    assert deployment.markers["multi"].read_text().split() == ["multi", deployment.payload_md5]
    log = deployment.server.log_text()
    assert all(f"/download/{fileid}/{fileid}-{i}" in log for i in range(1, 5))


def test_corrupted_fragment_ends_in_bad_digest(deployment: Deployment):
    assert deployment.statuses["corrupt"] == "ERR_BAD_DIGEST", deployment.agent_log
    assert not deployment.markers["corrupt"].exists()
    assert deployment.fileids["corrupt"] not in _history(deployment)


def test_status_command_shows_the_outcome(deployment: Deployment, capsys):
    url = deployment.engine.url.render_as_string(hide_password=False)
    assert main(["package", "status", "--db", url, deployment.fileids["corrupt"]]) == 0
    assert "ERR_BAD_DIGEST: 1" in capsys.readouterr().out
    assert main(["package", "retry-failed", "--db", url, deployment.fileids["corrupt"]]) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert _status(deployment.engine, deployment.fileids["corrupt"]) is None
