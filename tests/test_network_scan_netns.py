"""The workstation's sweep against real hosts, on a private segment of network namespaces.

The sweep runs in host 0's namespace (``ip netns exec``), so its packets can only reach
the three other hosts of 198.51.100.0/24 (``tests/support/netns.py``). It must find
exactly them, with the MACs the kernel resolved, by ICMP where the namespace lets any
group open ICMP sockets and by TCP connections where it does not, and write them to a
SQLite ``netmap``. The segment helper's own promises (cleanup on failure, leftovers of
dead runs removed, live ones kept) are checked here too.

Needs root; skips with the reason elsewhere, fails in CI (``CI=true``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from tests.support import netns
from tests.support.ipdiscover import netmap_hosts
from tests.support.netns import Segment, require_namespaces, segment

pytestmark = [pytest.mark.slow]

#: Sweep the segment from inside a namespace, record into the database, print a summary.
RUNNER = """
import json, sys
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.fleet.network_scan import record, sweep
from ocs_desktop.fleet.network_scope import Scope
result = sweep(Scope.of([sys.argv[1]]), timeout=0.5)
engine = create_engine_for(sys.argv[2])
with engine.begin() as conn:
    recorded = record(conn, result)
print(json.dumps({
    "method": result.method.value,
    "probed": result.probed,
    "hosts": [[h.ip, h.mac, h.answered] for h in result.hosts],
    "written": recorded.written,
    "new": recorded.new,
}))
"""


@pytest.fixture
def root_only() -> None:
    require_namespaces()


@pytest.fixture(params=[True, False], ids=["icmp", "tcp-fallback"])
def lan(request: pytest.FixtureRequest, root_only: None) -> Iterator[tuple[Segment, bool]]:
    """The segment, and whether its namespaces let every group open ICMP sockets."""
    with segment(4, ping_sockets=request.param) as made:
        yield made, request.param


def test_the_sweep_finds_exactly_the_other_hosts_with_their_macs(
    lan: tuple[Segment, bool], tmp_path: Path
) -> None:
    made, icmp_allowed = lan
    db = tmp_path / "ocsweb.sqlite"
    engine = create_engine_for(str(db))
    init_database(engine)
    scanner, *others = made.hosts
    done = scanner.run(sys.executable, "-c", RUNNER, str(made.network), str(db), timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["method"] == ("icmp" if icmp_allowed else "tcp")
    assert summary["probed"] == 254
    # Like the agent's ipdiscover, the sweep does not list the workstation itself.
    assert summary["hosts"] == [[host.ip, host.mac, True] for host in others]
    assert (summary["written"], summary["new"]) == (3, 3)
    recorded = netmap_hosts(engine)
    engine.dispose()
    assert recorded == {host.mac: (host.ip, made.netid, made.mask, "-", None) for host in others}


def test_the_segment_is_removed_even_when_the_test_fails(root_only: None) -> None:
    with pytest.raises(RuntimeError, match="boom"), segment(2) as made:
        names = [made.bridge_netns, *(host.netns for host in made.hosts)]
        assert set(names) <= set(netns._namespaces())
        raise RuntimeError("boom")
    assert not set(names) & set(netns._namespaces())


def test_leftovers_of_dead_runs_go_and_those_of_live_runs_stay(root_only: None) -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()
    dead = f"{netns.PREFIX}{gone.pid}-1-h0"
    live = f"{netns.PREFIX}{os.getppid()}-1-h0"
    for name in (dead, live):
        subprocess.run(["ip", "netns", "add", name], check=True)
    try:
        assert netns.remove_leftovers() == [dead]
        assert dead not in netns._namespaces()
        assert live in netns._namespaces()
    finally:
        netns.delete_namespaces([dead, live])
