"""Proof on this machine: a real 3-node Galera cluster, two serve nodes and HAProxy.

    bench/cluster/run.sh [--machines 300] [--concurrency 16] [--work DIR] [--keep]

Starts MariaDB Galera nodes on loopback (ports 13306-13308, group ports 14567/77/87, rsync
SST), creates ``ocsweb`` with ``ocs-desktop db init`` then ``db upgrade --cluster``, starts
two ``ocs-desktop serve`` (18081, 18082), each reaching the cluster through its own
HAProxy TCP frontend (13401 -> node1, 13402 -> node2, the other nodes as backups), and an
HAProxy HTTP frontend (18080, roundrobin, ``option httpchk GET /health``) over the two.
Then N new machines at concurrency C through 18080, with node1 killed (-9) after a third
of them and restarted after two thirds, then N re-inventories (each machine's next day).
Checks: every machine answered 200 in the end (retries of a 503 or a cut connection are
counted, as an agent's next contact), exactly N complete machines on every node, no
orphans, every table's count and checksum equal on the three nodes, node1 Synced again.
Then the same load on one plain MariaDB started the same way; prints inventories/s of both.
Exit 0 when every check passed. Never touches the system MariaDB (3306).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fleet import Fleet, Machine
from load import Load, LoadResult
from nodes import Node, galera_cluster, single_node
from proxy import HTTP_PORT, HaProxy, config
from verify import DATABASE, compare, snapshot, wait_converged

from ocs_desktop.inventory.sections import SECTIONS
from ocs_desktop.protocol import parse_inventory

ROOT = Path(__file__).resolve().parent.parent.parent
SERVE_PORTS = [18081, 18082]
DB_FRONTS = [13401, 13402]
CLI = [sys.executable, "-m", "ocs_desktop"]


def _expected_rows(machine: Machine) -> dict[str, int]:
    inventory = parse_inventory(machine.body)
    rows = {
        spec.table: len(inventory.sections.get(spec.section, [])) for spec in SECTIONS if spec.multi
    }
    rows["software"] = sum(1 for s in inventory.sections.get("SOFTWARES", []) if s.get("NAME"))
    return rows


def _cli(*args: str) -> str:
    done = subprocess.run([*CLI, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(
            f"ocs-desktop {' '.join(args)}: {done.returncode}\n{done.stdout}{done.stderr}"
        )
    return done.stdout


def _wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} not answering")


class Scenario:
    """One database setup (cluster or single node) with two serves and HAProxy."""

    def __init__(self, work: Path, nodes: list[Node], args: argparse.Namespace) -> None:
        self.work, self.nodes, self.args = work, nodes, args
        self.serves: list[subprocess.Popen[bytes]] = []
        self.proxy: HaProxy | None = None
        self.fleet = Fleet()
        self.log: list[str] = []

    def say(self, line: str) -> None:
        print(line, flush=True)
        self.log.append(line)

    def setup(self) -> None:
        ports = [node.port for node in self.nodes]
        self.proxy = HaProxy(self.work, config(self.work, SERVE_PORTS, ports, DB_FRONTS))
        url = f"{self.nodes[0].url}/{DATABASE}"
        _cli("db", "init", url)
        upgraded = _cli("db", "upgrade", "--cluster", url)
        converted = [line for line in upgraded.splitlines() if line.startswith("Cluster: ALTER")]
        self.say(f"db upgrade --cluster: {len(converted)} tables converted")
        for node in self.nodes:
            check = subprocess.run(
                [*CLI, "db", "check", "--cluster", f"{node.url}/{DATABASE}"],
                cwd=ROOT, capture_output=True, text=True,
            )  # fmt: skip
            verdict = [line for line in check.stdout.splitlines() if line.startswith("Cluster")]
            self.say(f"db check --cluster on {node.name}: exit {check.returncode}; {verdict[0]}")
            if check.returncode != 0:
                raise RuntimeError(check.stdout)
        for number, port in enumerate(SERVE_PORTS):
            db = f"mysql+pymysql://root@127.0.0.1:{DB_FRONTS[number]}/{DATABASE}"
            log = open(self.work / f"serve{number + 1}.log", "ab")  # noqa: SIM115
            self.serves.append(
                subprocess.Popen(
                    [
                        *CLI,
                        "serve",
                        "--db",
                        db,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--workers",
                        "1",
                    ],
                    cwd=ROOT,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        for port in SERVE_PORTS:
            _wait_http(f"http://127.0.0.1:{port}/health")
        _wait_http(f"http://127.0.0.1:{HTTP_PORT}/health")

    def load(self, machines: list[Machine], kill: Node | None = None) -> LoadResult:
        bodies = [(m.deviceid, m.compressed()) for m in machines]
        load = Load(HTTP_PORT, bodies, self.args.concurrency)
        if kill is None:
            return load.run()
        thread = load.start()
        total = len(machines)
        while load.done < total // 3 and thread.is_alive():
            time.sleep(0.05)
        killed_at = time.monotonic()
        kill.kill()
        self.say(f"  kill -9 {kill.name} after {load.done} of {total} machines")
        while load.done < 2 * total // 3 and thread.is_alive():
            time.sleep(0.05)
        assert self.proxy is not None
        # What a sync-aware health check (clustercheck) does: no traffic until Synced.
        self.proxy.set_db_node(int(kill.name[-1]), "maint", len(DB_FRONTS))
        restarted_at = load.done
        position = kill.recovered_position()
        offset = (kill.root / "error.log").stat().st_size
        kill.start(position=position)
        kill.wait_ready(300)
        self.proxy.set_db_node(int(kill.name[-1]), "ready", len(DB_FRONTS))
        with open(kill.root / "error.log", errors="replace") as handle:
            handle.seek(offset)
            log = handle.read()
        ist = re.search(r"Receiving IST: (\d+) writesets", log)
        full = "rsync SST completed" in log
        how = f"IST ({ist.group(1)} write-sets)" if ist and not full else "full SST (rsync)"
        self.say(
            f"  {kill.name} restarted (recovered position {position}) after {restarted_at} of "
            f"{total} machines; Synced by {how} {time.monotonic() - killed_at:.1f} s after "
            f"the kill, with {load.done} machines done"
        )
        thread.join()
        return load.result

    def report(self, label: str, result: LoadResult) -> bool:
        statuses = ", ".join(f"{key}: {n}" for key, n in sorted(result.statuses.items()))
        ok = result.stored == result.machines
        self.say(
            f"  {label}: {result.machines} machines in {result.seconds:.1f} s = "
            f"{result.rate:.1f} inventories/s; stored {result.stored}, resent {result.resent}; "
            f"answers: {statuses}"
        )
        return ok

    def verify(self, machines: list[Machine]) -> bool:
        if len(self.nodes) > 1:
            wait_converged(self.nodes)
        expected = _expected_rows(machines[0])
        deviceids = {m.deviceid for m in machines}
        snaps = {node.name: snapshot(node, expected, deviceids) for node in self.nodes}
        ok = True
        for name, snap in snaps.items():
            problems = snap["problems"]
            assert isinstance(problems, list)
            node = next(n for n in self.nodes if n.name == name)
            state = node.status("wsrep_local_state_comment") if len(self.nodes) > 1 else "-"
            self.say(
                f"  {name}: {snap['machines']} complete machines, "
                f"{snap['counts']['hardware']} hardware rows, state {state}; "  # type: ignore[index]
                + ("no orphans, every machine complete" if not problems else "; ".join(problems))
            )
            ok = ok and not problems and state in ("Synced", "-")
        if len(self.nodes) > 1:
            differ = compare(snaps)
            tables = len(snaps[self.nodes[0].name]["counts"])  # type: ignore[arg-type]
            self.say(
                f"  {tables} tables: "
                + ("same count and checksum on every node" if not differ else "; ".join(differ))
            )
            ok = ok and not differ
        return ok

    def stop(self) -> None:
        for serve in self.serves:
            serve.terminate()
        for serve in self.serves:
            try:
                serve.wait(20)
            except subprocess.TimeoutExpired:
                serve.kill()
        if self.proxy is not None:
            self.proxy.stop()
        for node in self.nodes:
            node.stop()


def _scenario(work: Path, nodes: list[Node], args: argparse.Namespace, kill: bool) -> tuple:
    scenario = Scenario(work, nodes, args)
    try:
        scenario.setup()
        first = list(scenario.fleet.machines(args.machines, run="cluster" if kill else "single"))
        one = scenario.load(first, nodes[0] if kill else None)
        ok = scenario.report("new machines", one)
        again = list(
            scenario.fleet.machines(args.machines, run="cluster" if kill else "single", day=1)
        )
        two = scenario.load(again)
        ok = scenario.report("re-inventories", two) and ok
        ok = scenario.verify(again) and ok
        return ok, one.rate, two.rate
    finally:
        scenario.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--work", type=Path, help="folder for datadirs and logs (default: tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--no-single", action="store_true", help="skip the one-node run")
    parser.add_argument("--no-cluster", action="store_true", help="only the one-node run")
    args = parser.parse_args()
    if shutil.which("haproxy") is None or not Path("/usr/lib/galera/libgalera_smm.so").exists():
        print("needs Debian's galera-4, mariadb-server and haproxy", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="ocs-galera-"))
    work.mkdir(parents=True, exist_ok=True)
    os.chmod(work, 0o755)
    started = time.monotonic()
    try:
        print(f"work folder {work}; {args.machines} machines at concurrency {args.concurrency}")
        ok, rates = True, {}
        if not args.no_cluster:
            print("3-node Galera cluster, 2 serve nodes, HAProxy:")
            cluster_dir = work / "cluster"
            cluster_dir.mkdir()
            nodes = galera_cluster(cluster_dir)
            print(f"  cluster up and Synced in {time.monotonic() - started:.1f} s")
            ok, *rates["3-node cluster"] = _scenario(cluster_dir, nodes, args, kill=True)
        if not args.no_single:
            print("1 MariaDB node, 2 serve nodes, HAProxy:")
            single_dir = work / "one"
            single_dir.mkdir()
            node = single_node(single_dir)
            single_ok, *rates["1 node"] = _scenario(single_dir, [node], args, kill=False)
            ok = ok and single_ok
        print("inventories/s          new   re-inventory")
        for label, (new_rate, again_rate) in rates.items():
            killed = "   (node1 killed mid-run)" if label != "1 node" else ""
            print(f"  {label:<15} {new_rate:7.1f} {again_rate:9.1f}{killed}")
        print(f"{'PASS' if ok else 'FAIL'} in {time.monotonic() - started:.0f} s")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
