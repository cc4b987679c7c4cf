"""End to end, IP discovery with real parts on a private segment of network namespaces.

Four hosts share a bridge in 198.51.100.0/24 (``tests/support/netns.py``). Host 0 runs
``ocs-desktop serve`` on its own loopback and the real Debian ``ocsinventory-agent``
against it, so the server needs no address outside the namespaces and every packet stays
on the segment. The configuration is set through the product's own API
(``fleet/config_edit``): IPDISCOVER_NO_POSTPONE so a first inventory qualifies, and a
short IPDISCOVER_LATENCY. The agent's first inventory gets it elected for the subnet; on
its next run the PROLOG orders the scan, the agent's ``ipdiscover`` ARP-scans eth0 (the
interface of its default route, which is why the hosts get one) and the inventory brings
the other three hosts into ``netmap``: ``ipdiscover`` never lists the scanning host itself.
The console's Network page and map, real widgets, then count and draw them, in English
and in French, with screenshots (into ``OCS_NETNS_SHOTS`` when set).

Needs root (namespaces). Skips with the reason elsewhere, fails in CI (``CI=true``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.config_edit import write_changes
from ocs_desktop.fleet.network_hosts import HostKind, MachineHost
from ocs_desktop.fleet.network_map import HostState
from ocs_desktop.models import Base
from ocs_desktop.views import i18n
from ocs_desktop.views.context import ConsoleContext
from ocs_desktop.views.fleet.network_map import NetworkMapView
from ocs_desktop.views.fleet.network_page import NetworkPage
from tests.support.agent import agent_command
from tests.support.ipdiscover import elections
from tests.support.netns import NsHost, Segment, segment, unavailable_reason
from tests.support.services import unavailable

pytestmark = [pytest.mark.agent, pytest.mark.slow]

T = Base.metadata.tables
PORT = 8080
LATENCY_MS = 5


@pytest.fixture
def lan() -> Iterator[Segment]:
    reason = unavailable_reason()
    if reason:
        unavailable(reason)
    with segment(4, gateway=True) as made:
        yield made


def _wait_healthy(host: NsHost, server: subprocess.Popen[bytes], log: Path) -> None:
    probe = (
        "import sys, urllib.request\n"
        f"sys.exit(urllib.request.urlopen('http://127.0.0.1:{PORT}/health', timeout=2).status"
        " != 200)"
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited:\n{log.read_text(errors='replace')}")
        if host.run(sys.executable, "-c", probe, timeout=10).returncode == 0:
            return
        time.sleep(0.2)
    raise RuntimeError(f"the server never became healthy:\n{log.read_text(errors='replace')}")


def _serve(host: NsHost, db: Path, workdir: Path) -> tuple[subprocess.Popen[bytes], Path]:
    log = workdir / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            host.command(
                sys.executable,
                "-m",
                "ocs_desktop",
                "serve",
                "--db",
                str(db),
                "--host",
                "127.0.0.1",
                "--port",
                str(PORT),
            ),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_healthy(host, server, log)
    except BaseException:
        _stop(server)
        raise
    return server, log


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(5)


def _agent(host: NsHost, state: Path) -> str:
    """One agent run in ``host``'s namespace (debug log, so the server's replies are in
    it); returns the log of this run."""
    log = state / "agent.log"
    before = log.read_text(errors="replace") if log.exists() else ""
    result = subprocess.run(
        host.command(*agent_command(f"http://127.0.0.1:{PORT}", state, "--debug")),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    text = log.read_text(errors="replace")[len(before) :]
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\n{text}"
    return text


def _replies(log: str) -> list[etree._Element]:
    """The server's replies as the agent logged them (``$VAR1 = '<?xml ...';``)."""
    dumps = re.findall(r"=BEGIN=SERVER RET======\n.*?\$VAR1 = '(.*?)';\n", log, re.S)
    return [etree.fromstring(dump.replace("\\'", "'").encode()) for dump in dumps]


def _ipdiscover_order(log: str) -> tuple[dict[str, str], str | None] | None:
    """The IPDISCOVER option of this run's PROLOG reply: (PARAM attributes, subnet)."""
    prolog = _replies(log)[0]
    assert prolog.findtext("RESPONSE") == "SEND"
    for option in prolog.iterfind("OPTION"):
        if option.findtext("NAME") == "IPDISCOVER":
            [param] = option.iterfind("PARAM")
            return dict(param.attrib), param.text
    return None


def _hardware_ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(T["hardware"].c.ID)).scalars())


def _netmap(engine: Engine) -> dict[str, tuple[str, str, str, int | None]]:
    netmap = T["netmap"]
    with engine.connect() as conn:
        rows = conn.execute(
            select(netmap.c.MAC, netmap.c.IP, netmap.c.NETID, netmap.c.MASK, netmap.c.HARDWARE_ID)
        ).all()
    return {row.MAC: (row.IP, row.NETID, row.MASK, row.HARDWARE_ID) for row in rows}


def test_agent_elected_then_scans_the_segment(lan: Segment, tmp_path: Path, qtbot: QtBot) -> None:
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    try:
        init_database(engine)
        with engine.begin() as conn:
            write_changes(
                conn,
                {"IPDISCOVER": 2, "IPDISCOVER_NO_POSTPONE": 1, "IPDISCOVER_LATENCY": LATENCY_MS},
            )
        scanner, *others = lan.hosts
        server, server_log = _serve(scanner, db, tmp_path)
        try:
            first = _agent(scanner, tmp_path / "agent")
            [hardware_id] = _hardware_ids(engine)
            assert elections(engine) == {hardware_id: (1, lan.netid)}
            assert _netmap(engine) == {}

            second = _agent(scanner, tmp_path / "agent")
        finally:
            _stop(server)
        # The PROLOG reply carried the order (the agent dumps it in debug) and it obeyed.
        assert _ipdiscover_order(first) is None
        assert _ipdiscover_order(second) == (
            {
                "IPDISC_LAT": str(LATENCY_MS),
                "SCAN_TYPE_IPDISCOVER": "ICMP",
                "SCAN_ARP_BANDWIDTH": "256",
            },
            lan.netid,
        )
        assert _netmap(engine) == {
            host.mac: (host.ip, lan.netid, lan.mask, hardware_id) for host in others
        }, server_log.read_text(errors="replace")
        assert scanner.mac not in _netmap(engine)
        assert _hardware_ids(engine) == [hardware_id]
        assert elections(engine) == {hardware_id: (1, lan.netid)}
        _check_widgets(qtbot, engine, lan, hardware_id, _shots_dir(tmp_path))
    finally:
        engine.dispose()


def _shots_dir(tmp_path: Path) -> Path:
    """Where the page and map screenshots go: ``OCS_NETNS_SHOTS`` when set (for review),
    else the test's own folder."""
    shots = Path(os.environ.get("OCS_NETNS_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def _check_widgets(
    qtbot: QtBot, engine: Engine, lan: Segment, hardware_id: int, shots: Path
) -> None:
    """The Network page counts the segment right and the map draws it, in English and in
    French, with a screenshot of each."""
    scanner, *others = lan.hosts
    i18n.ensure_compiled()
    for lang in ("en", "fr"):
        try:
            assert i18n.install_translators(lang) == lang
            context = ConsoleContext(engine, "netns under test")
            page = NetworkPage(context)
            qtbot.addWidget(page)
            page.resize(1200, 760)
            page.show()
            with qtbot.waitSignals([page.loaded, page.hostsLoaded], timeout=20_000):
                page.refresh()
            [summary] = [page.subnets.summary(row) for row in range(page.subnets.rowCount())]
            assert summary is not None
            assert (summary.netid, summary.mask) == (lan.netid, lan.mask)
            counts = (
                summary.inventoried,
                summary.non_inventoried,
                summary.identified,
                summary.elected,
            )
            assert counts == (1, 3, 0, 1)
            assert page.current_subnet() == summary
            unknown = page.models[HostKind.NON_INVENTORIED].hosts()
            assert sorted((h.mac, h.ip) for h in unknown) == [(h.mac, h.ip) for h in others]
            [elected] = page.models[HostKind.ELECTED].hosts()
            assert isinstance(elected, MachineHost) and elected.hardware_id == hardware_id
            page.grab().save(str(shots / f"network-page-{lang}.png"))

            page.tabs.setCurrentWidget(page.map_tab)
            view = page.map_view
            assert isinstance(view, NetworkMapView)
            qtbot.waitUntil(lambda v=view: len(v.nodes) == 4, timeout=20_000)
            states = {node.host.mac.lower(): node.host.state for node in view.nodes}
            assert states == {
                **{host.mac: HostState.UNKNOWN for host in others},
                scanner.mac: HostState.ELECTED,
            }
            assert view.tr("%n not inventoried", "", 3) in view.status.text()
            page.grab().save(str(shots / f"network-map-{lang}.png"))
            context.runner.wait_idle()
        finally:
            i18n.remove_translators()
