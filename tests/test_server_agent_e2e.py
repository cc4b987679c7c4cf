"""End to end: the real ocsinventory-agent against ``ocs-desktop serve`` on MariaDB.

The agent runs exactly as on a machine in the field (PROLOG, then INVENTORY, with its own
state folder), over HTTP and over HTTPS with a CA made by ``ocs-desktop cert init``, and
installs a package served by the same process (info file and fragment over HTTPS).
"""

from __future__ import annotations

import hashlib
import io
import json
import socket
import tarfile
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text, update

from ocs_desktop.cli.main import main
from ocs_desktop.models import Base
from tests.support.agent import run_agent
from tests.support.live_server import live_server, maria

__all__ = ["maria"]  # the fixture, imported for pytest

pytestmark = [pytest.mark.agent, pytest.mark.slow, pytest.mark.mariadb]

HARDWARE = Base.metadata.tables["hardware"]
COMPONENT_TABLES = ("cpus", "memories", "networks", "drives", "storages", "software", "bios")


def _machine_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        [hardware_id] = conn.execute(select(HARDWARE.c.ID)).scalars().all()
        return {
            table: conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE HARDWARE_ID = :id"), {"id": hardware_id}
            ).scalar_one()
            for table in COMPONENT_TABLES
        }


def _hardware(engine: Engine):
    with engine.connect() as conn:
        return conn.execute(
            select(HARDWARE.c.NAME, HARDWARE.c.LASTDATE, HARDWARE.c.LASTCOME, HARDWARE.c.FIDELITY)
        ).one()


def _software_ids(engine: Engine) -> set[int]:
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT ID FROM software")).scalars())


def _pretend_software_changed(engine: Engine) -> str:
    """Make the stored SOFTWARES digest (and its row map's) differ from what the agent will
    send, so its next inventory goes through the row map; returns the fake digest."""
    fake = "0" * 32
    with engine.begin() as conn:
        stored = conn.execute(text("SELECT DIGESTS FROM ocsdesktop_inventory_digest")).scalar_one()
        digests = json.loads(stored)
        digests["SOFTWARES"] = fake
        conn.execute(
            text("UPDATE ocsdesktop_inventory_digest SET DIGESTS = :d"), {"d": json.dumps(digests)}
        )
        mapped = conn.execute(
            text("UPDATE ocsdesktop_software_rowmap SET DIGEST = :d"), {"d": fake}
        )
        assert mapped.rowcount == 1
    return fake


def test_agent_inventory_then_update(maria: tuple[str, Engine], tmp_path: Path) -> None:
    url, engine = maria
    with live_server(url, tmp_path) as server:
        run_agent(server.url, tmp_path / "agent")
        first = _machine_counts(engine)
        assert _hardware(engine).NAME == socket.gethostname().split(".")[0]
        assert first["cpus"] >= 1 and first["software"] > 50 and first["networks"] >= 1, first
        ids = _software_ids(engine)
        fake = _pretend_software_changed(engine)
        time.sleep(1.1)
        run_agent(server.url, tmp_path / "agent")
        assert _machine_counts(engine) == first  # updated in place, nothing duplicated
        assert server.log_text().count("query=INVENTORY") == 2
    assert _hardware(engine).FIDELITY >= 2
    # The agent's software, sent again behind a stale digest, was matched against the row
    # map: every row kept (same ids), and the map now carries the digest really sent.
    assert _software_ids(engine) == ids
    with engine.connect() as conn:
        digest = conn.execute(text("SELECT DIGEST FROM ocsdesktop_software_rowmap")).scalar_one()
    assert digest != fake


def test_frequency_stops_the_second_inventory(maria: tuple[str, Engine], tmp_path: Path) -> None:
    url, engine = maria
    config = Base.metadata.tables["config"]
    with live_server(url, tmp_path, ["--log-dir", str(tmp_path / "logs")]) as server:
        run_agent(server.url, tmp_path / "agent")
        before = _hardware(engine)
        with engine.begin() as conn:
            conn.execute(update(config).where(config.c.NAME == "FREQUENCY").values(IVALUE=3))
            conn.execute(update(config).where(config.c.NAME == "LOGLEVEL").values(IVALUE=1))
        time.sleep(4.1)  # past the config cache, and a new second for LASTCOME
        run_agent(server.url, tmp_path / "agent")
        after = _hardware(engine)
        log = server.log_text()
    assert log.count("query=PROLOG") == 2
    assert log.count("query=INVENTORY") == 1
    assert after.LASTDATE == before.LASTDATE
    assert after.LASTCOME > before.LASTCOME
    activity = (tmp_path / "logs" / "activity.log").read_text().splitlines()
    assert activity and activity[-1].split(";")[6:] == ["prolog", "STOP"]


def test_agent_over_https(maria: tuple[str, Engine], tmp_path: Path) -> None:
    url, engine = maria
    certs, other = tmp_path / "certs", tmp_path / "other-ca"
    assert (
        main(["cert", "init", "--dir", str(certs), "--host", "localhost", "--ip", "127.0.0.1"]) == 0
    )
    assert (
        main(["cert", "init", "--dir", str(other), "--host", "localhost", "--ip", "127.0.0.1"]) == 0
    )
    tls = ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key")]
    with live_server(url, tmp_path, tls, ca_file=certs / "cacert.pem") as server:
        assert server.url.startswith("https://")
        refused = run_agent(
            server.url, tmp_path / "wrong", "--ssl=1", f"--ca={other / 'cacert.pem'}"
        )
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one() == 0
        assert "query=PROLOG" not in server.log_text(), refused.stdout
        run_agent(server.url, tmp_path / "right", "--ssl=1", f"--ca={certs / 'cacert.pem'}")
        counts = _machine_counts(engine)
    assert counts["software"] > 50


def _build_package(download: Path, fileid: str, marker: Path) -> tuple[str, int]:
    """A one-fragment Linux package (tar.gz) whose command writes ``marker``."""
    script = f"#!/bin/sh\necho deployed > {marker}\n".encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("run.sh")
        info.size, info.mode = len(script), 0o755
        archive.addfile(info, io.BytesIO(script))
    data = buffer.getvalue()
    folder = download / fileid
    folder.mkdir(parents=True)
    (folder / f"{fileid}-1").write_bytes(data)
    (folder / "info").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<DOWNLOAD ID="{fileid}" PRI="1" ACT="EXECUTE" DIGEST="{hashlib.md5(data).hexdigest()}" '
        'PROTO="HTTPS" FRAGS="1" DIGEST_ALGO="MD5" DIGEST_ENCODE="Hexa" COMMAND="sh run.sh" '
        'NOTIFY_USER="0" NOTIFY_TEXT="" NOTIFY_COUNTDOWN="" NOTIFY_CAN_ABORT="0" '
        'NOTIFY_CAN_DELAY="0" NEED_DONE_ACTION="0" NEED_DONE_ACTION_TEXT="" GARDEFOU="rien" />\n'
    )
    return fileid, len(data)


def test_agent_deploys_a_package(maria: tuple[str, Engine], tmp_path: Path) -> None:
    """PROLOG sends the PACK, the agent fetches info and fragment from this server over
    HTTPS, runs the command and reports SUCCESS, which lands in ``devices``."""
    url, engine = maria
    tables = Base.metadata.tables
    certs, download, marker = tmp_path / "certs", tmp_path / "download", tmp_path / "marker"
    assert (
        main(["cert", "init", "--dir", str(certs), "--host", "localhost", "--ip", "127.0.0.1"]) == 0
    )
    fileid, size = _build_package(download, "1700000042", marker)
    with engine.begin() as conn:
        for name, value in (
            ("DOWNLOAD", 1),
            ("DOWNLOAD_FRAG_LATENCY", 1),
            ("DOWNLOAD_CYCLE_LATENCY", 1),
            ("DOWNLOAD_PERIOD_LATENCY", 1),
        ):
            conn.execute(update(tables["config"]).where(tables["config"].c.NAME == name)
                         .values(IVALUE=value))  # fmt: skip
        conn.execute(
            insert(tables["download_available"]).values(
                FILEID=fileid, NAME="marker", PRIORITY=1, FRAGMENTS=1, SIZE=size, OSNAME="LINUX"
            )
        )
    extra = ["--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"),
             "--download-dir", str(download)]  # fmt: skip
    agent = ["--ssl=1", f"--ca={certs / 'cacert.pem'}"]
    with live_server(url, tmp_path, extra, ca_file=certs / "cacert.pem") as server:
        run_agent(server.url, tmp_path / "agent", *agent)  # the machine now exists
        location = f"127.0.0.1:{server.port}/download"
        with engine.begin() as conn:
            hardware_id = conn.execute(select(HARDWARE.c.ID)).scalar_one()
            enable_id = conn.execute(insert(tables["download_enable"]).values(
                FILEID=fileid, INFO_LOC=location, PACK_LOC=location, CERT_PATH="INSTALL_PATH",
                CERT_FILE="INSTALL_PATH/cacert.pem")).inserted_primary_key[0]  # fmt: skip
            conn.execute(
                insert(tables["devices"]).values(
                    HARDWARE_ID=hardware_id, NAME="DOWNLOAD", IVALUE=enable_id, TVALUE=None
                )
            )
        run_agent(server.url, tmp_path / "agent", *agent)
        deadline = time.monotonic() + 120  # the agent's download worker runs detached
        status = None
        while time.monotonic() < deadline and status in (None, "NOTIFIED"):
            time.sleep(1)
            with engine.connect() as conn:
                status = conn.execute(
                    text("SELECT TVALUE FROM devices WHERE NAME = 'DOWNLOAD'")
                ).scalar_one()
        log = server.log_text()
    assert status == "SUCCESS", (status, (tmp_path / "agent" / "agent.log").read_text()[-3000:])
    assert marker.read_text().strip() == "deployed"
    assert f"/download/{fileid}/info" in log and f"/download/{fileid}/{fileid}-1" in log
    assert "query=DOWNLOAD" in log
