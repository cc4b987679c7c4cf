"""Duplicates through the real server on MariaDB: concurrent agents racing through one
merge, and the real ``ocsinventory-agent`` reinstalled (its state deleted) on one PC."""

from __future__ import annotations

import http.client
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, text

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.agent import run_agent
from tests.support.duplicate_fleet import identity_xml, orphans, set_config
from tests.support.live_server import live_server, maria
from tests.support.server_helpers import UNIX_UA

__all__ = ["maria"]  # the fixture, imported for pytest

pytestmark = [pytest.mark.mariadb, pytest.mark.slow]

T = Base.metadata.tables
OUR_TABLES = (
    "ocsdesktop_inventory_digest",
    "ocsdesktop_software_rowmap",
    "ocsdesktop_summary_pending",
)


def _machines(engine: Engine) -> list[tuple[int, str]]:
    with engine.connect() as conn:
        return [
            (int(i), str(d))
            for i, d in conn.execute(
                text(
                    "SELECT ID, DEVICEID FROM hardware WHERE DEVICEID NOT IN "
                    "('_SYSTEMGROUP_', '_DOWNLOADGROUP_') ORDER BY ID"
                )
            )
        ]


def _our_orphans(engine: Engine) -> dict[str, list[int]]:
    found = {}
    with engine.connect() as conn:
        for table in OUR_TABLES:
            lost = (
                conn.execute(
                    text(
                        f"SELECT HARDWARE_ID FROM {table} "
                        "WHERE HARDWARE_ID NOT IN (SELECT ID FROM hardware)"
                    )
                )
                .scalars()
                .all()
            )
            if lost:
                found[table] = list(lost)
    return found


def test_twenty_concurrent_duplicates_end_as_one_machine(
    maria: tuple[str, Engine], tmp_path: Path
) -> None:
    """20 reinstalled agents of one PC (new DEVICEIDs, same name, serial and MAC) send
    their first inventory at once to 2 workers: one machine is left, with the old
    machine's TAG, and no row of the 20 others anywhere."""
    url, engine = maria
    set_config(engine, AUTO_DUPLICATE_LVL=7)
    original = Ingestor(engine).ingest(
        parse_inventory(identity_xml("pc-2024-01-01-00-00-00", accountinfo=[("TAG", "ORIGINAL")]))
    )
    bodies = [
        zlib.compress(identity_xml(f"pc-2025-01-01-00-00-{i:02d}", software=True))
        for i in range(20)
    ]

    def send(args: tuple[int, bytes]) -> list[int]:
        """Send like an agent: a 503 (the machine stayed locked by the others longer than
        the lock timeout, which a loaded machine can reach) is sent again, as the agent
        does at its next run; every answer is kept."""
        port, body = args
        statuses: list[int] = []
        while len(statuses) < 5 and (not statuses or statuses[-1] == 503):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=180)
            conn.request("POST", "/ocsinventory", body=body, headers={"User-Agent": UNIX_UA})
            statuses.append(conn.getresponse().status)
            conn.close()
        return statuses

    with live_server(url, tmp_path, ["--workers", "2"]) as server, ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(send, [(server.port, body) for body in bodies]))
        log = server.log_text()
    assert [statuses[-1] for statuses in answers] == [200] * 20, log[-3000:]
    assert all(set(statuses) <= {200, 503} for statuses in answers), answers
    [(survivor, deviceid)] = _machines(engine)
    assert survivor != original.hardware_id and deviceid.startswith("pc-2025-")
    assert orphans(engine) == {}
    assert _our_orphans(engine) == {}
    with engine.connect() as conn:
        tag = conn.execute(
            select(T["accountinfo"].c.TAG).where(T["accountinfo"].c.HARDWARE_ID == survivor)
        ).scalar_one()
        owners = set(conn.execute(text("SELECT DISTINCT HARDWARE_ID FROM software")).scalars())
    assert tag == "ORIGINAL"
    assert owners == {survivor}


FIRMWARE = """package Ocsinventory::Agent::Backend::OS::Generic::TestFirmware;
use strict;
sub check { 1 }
sub run {
    my $params = shift;
    $params->{common}->setBios({
        SSN => 'OCSD-TEST-SERIAL-0001', SMODEL => 'Test model', SMANUFACTURER => 'Test'
    });
}
1;
"""


def _firmware(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This VM has no DMI table (no /dev/mem, no /sys/class/dmi), so the agent would send
    no BIOS serial. A backend module, the agent's own extension point, reports the one the
    PC's firmware would; everything else the agent collects itself."""
    module = tmp_path / "perl" / "Ocsinventory/Agent/Backend/OS/Generic/TestFirmware.pm"
    module.parent.mkdir(parents=True)
    module.write_text(FIRMWARE)
    monkeypatch.setenv("PERL5LIB", str(tmp_path / "perl"))


@pytest.mark.agent
def test_real_agent_reinstalled_ends_as_one_machine_keeping_its_admin_data(
    maria: tuple[str, Engine], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, engine = maria
    set_config(engine, AUTO_DUPLICATE_LVL=7)
    _firmware(tmp_path, monkeypatch)
    state = tmp_path / "agent"
    with live_server(url, tmp_path) as server:
        run_agent(server.url, state)
        [(first, first_deviceid)] = _machines(engine)
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE accountinfo SET TAG = 'BORDEAUX' WHERE HARDWARE_ID = :id"),
                {"id": first},
            )
            group = conn.execute(
                insert(T["hardware"]).values(DEVICEID="_SYSTEMGROUP_", NAME="Servers")
            ).inserted_primary_key[0]
            conn.execute(
                insert(T["groups_cache"]).values(HARDWARE_ID=first, GROUP_ID=group, STATIC=1)
            )
            conn.execute(
                insert(T["download_available"]).values(
                    FILEID="1700000042",
                    NAME="tool",
                    PRIORITY=5,
                    FRAGMENTS=1,
                    SIZE=1,
                    OSNAME="LINUX",
                )
            )
            enable = conn.execute(
                insert(T["download_enable"]).values(
                    FILEID="1700000042", INFO_LOC="x/download", PACK_LOC="x/download"
                )
            ).inserted_primary_key[0]
            conn.execute(
                insert(T["devices"]).values(
                    HARDWARE_ID=first, NAME="DOWNLOAD", IVALUE=enable, TVALUE="SUCCESS"
                )
            )
        # Reinstalled: the agent's state is gone, so it makes a new DEVICEID (a new second).
        for path in sorted(state.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        time.sleep(1.1)
        run_agent(server.url, state)
        log = server.log_text()
    assert log.count("query=INVENTORY") == 2
    [(survivor, deviceid)] = _machines(engine)
    assert deviceid != first_deviceid and survivor != first
    assert orphans(engine) == {} and _our_orphans(engine) == {}
    with engine.connect() as conn:
        tag = conn.execute(
            select(T["accountinfo"].c.TAG).where(T["accountinfo"].c.HARDWARE_ID == survivor)
        ).scalar_one()
        groups = conn.execute(text("SELECT HARDWARE_ID, GROUP_ID, STATIC FROM groups_cache")).all()
        devices = conn.execute(text("SELECT HARDWARE_ID, NAME, TVALUE FROM devices")).all()
        serial = conn.execute(text("SELECT SSN FROM bios")).scalar_one()
    assert tag == "BORDEAUX"
    assert groups == [(survivor, group, 1)]
    assert devices == [(survivor, "DOWNLOAD", "SUCCESS")]
    assert serial == "OCSD-TEST-SERIAL-0001"
    # The reply gave the reinstalled agent its TAG back (ACCOUNT_UPDATE): it keeps it.
    kept = [p for p in state.rglob("ocsinv.adm")]
    assert kept and "BORDEAUX" in kept[0].read_text(errors="replace")
