"""Communication server throughput: N machines doing PROLOG then INVENTORY over HTTP.

    python bench/server_bench.py --machines 200 --concurrency 1 4 16 --workers 2

Starts ``ocs-desktop serve`` (MariaDB, 2 workers by default) on a free loopback port. Each
simulated agent sends PROLOG then INVENTORY on one keep-alive connection, with the Unix
agent's headers. Per concurrency and pass (first inventory, identical re-send, next-day
inventory with ~1 % of the software changed: see fleet.py) it prints inventories/s, p50/p95
latency of the PROLOG+INVENTORY pair, and the server's CPU seconds per inventory (all worker
processes; MariaDB's own CPU is shown apart). After each pass it checks that every machine
is in the database once with exactly its rows: no loss, no duplicates, no orphans. The
reference Perl server's rate on this kind of machine (0.52/s at concurrency 1, 1.52/s at 4;
shared/tools/README.md) is printed as the baseline ratio.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fleet import Fleet, Machine

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.sections import SECTIONS
from ocs_desktop.protocol import parse_inventory

REFERENCE_RATE = {1: 0.52, 4: 1.52}
#: First inventories, the same files again, then each machine's next-day inventory.
PASSES = ("first", "again", "changed")
UA = "OCS-NG_unified_unix_agent_v2.10.0"
HEADERS = {"User-Agent": UA, "Content-Type": "application/x-compress", "Pragma": "no-cache"}
CHECKED = {spec.section: spec.table for spec in SECTIONS if spec.multi}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tree_cpu(root_pid: int) -> float:
    """utime+stime (s) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        stats[int(entry)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, stack = 0.0, [root_pid]
    while stack:
        pid = stack.pop()
        if pid in stats:
            total += (int(stats[pid][11]) + int(stats[pid][12])) / os.sysconf("SC_CLK_TCK")
        stack.extend(children.get(pid, []))
    return total


def _mysqld_cpu() -> float:
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if Path(f"/proc/{entry}/comm").read_text().strip() in ("mariadbd", "mysqld"):
                    return _tree_cpu(int(entry))
            except OSError:
                continue
    return 0.0


def _agent(port: int, requests: list[tuple[bytes, bytes]], latencies: list[float]) -> int:
    """One simulated agent at a time per thread; returns the number of failures."""
    failures = 0
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for pair in requests:
        started = time.perf_counter()
        for body in pair:
            conn.request("POST", "/ocsinventory", body, HEADERS)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                failures += 1
        latencies.append(time.perf_counter() - started)
    conn.close()
    return failures


def _requests(machine: Machine) -> tuple[bytes, bytes]:
    """PROLOG and INVENTORY, compressed before the clock starts: a real agent compresses on
    its own machine, not on the server's cores."""
    prolog = f"<REQUEST><DEVICEID>{machine.deviceid}</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>"
    return zlib.compress(prolog.encode()), machine.compressed()


def _expected_rows(machine: Machine) -> dict[str, int]:
    inventory = parse_inventory(machine.body)
    rows = {table: len(inventory.sections.get(section, [])) for section, table in CHECKED.items()}
    rows["software"] = sum(1 for s in inventory.sections.get("SOFTWARES", []) if s.get("NAME"))
    return rows


def _check(url: str, machines: list[Machine], expected: dict[str, int]) -> str:
    """Every machine once, with exactly the sample's rows; no rows of unknown machines."""
    engine = create_engine_for(url)
    problems: list[str] = []
    wanted = {m.deviceid for m in machines}
    with engine.connect() as conn:
        ids: dict[str, list[int]] = {}
        for deviceid, hid in conn.execute(text("SELECT DEVICEID, ID FROM hardware")):
            ids.setdefault(deviceid, []).append(hid)
        missing = wanted - ids.keys()
        duplicated = [d for d in wanted if len(ids.get(d, [])) > 1]
        if missing or duplicated:
            problems.append(f"{len(missing)} missing, {len(duplicated)} duplicated machines")
        mine = {ids[d][0] for d in wanted if d in ids}
        every = {hid for hids in ids.values() for hid in hids}
        for table, count in expected.items():
            query = text(f"SELECT HARDWARE_ID, COUNT(*) FROM {table} GROUP BY HARDWARE_ID")
            per_machine = {hid: n for hid, n in conn.execute(query)}
            wrong = [h for h in mine if per_machine.get(h, 0) != count]
            orphans = sum(n for h, n in per_machine.items() if h not in every)
            if wrong or orphans:
                problems.append(
                    f"{table}: {len(wrong)} machines with wrong rows, {orphans} orphans"
                )
    engine.dispose()
    return "OK: every machine once with exactly its rows" if not problems else "; ".join(problems)


def _run_pass(port: int, machines: list[Machine], concurrency: int, server_pid: int) -> dict:
    latencies: list[float] = []
    requests = [_requests(machine) for machine in machines]
    slices = [requests[i::concurrency] for i in range(concurrency)]
    cpu0, db0 = _tree_cpu(server_pid), _mysqld_cpu()
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        failures = sum(pool.map(lambda s: _agent(port, s, latencies), slices))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rate": len(machines) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "cpu": (_tree_cpu(server_pid) - cpu0) / len(machines),
        "db_cpu": (_mysqld_cpu() - db0) / len(machines),
        "failures": failures,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--mysql-url",
        default=os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306"),
    )
    args = parser.parse_args()
    fleet = Fleet()
    print(f"{args.machines} machines per pass, {fleet.software_count} software each, "
          f"{args.workers} server workers, {os.cpu_count()} CPUs")  # fmt: skip
    print(f"{'conc':>4} {'pass':>6} {'inv/s':>7} {'vs ref':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'srv CPU s/inv':>13} {'db CPU s/inv':>12}")  # fmt: skip
    name = f"ocs_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine_for(args.mysql_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
    url = f"{args.mysql_url.rstrip('/')}/{name}"
    try:
        engine = create_engine_for(url)
        init_database(engine)
        engine.dispose()
        port = _free_port()
        with tempfile.TemporaryDirectory(prefix="ocs-server-bench-") as tmp:
            log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115
            server = subprocess.Popen(
                [sys.executable, "-m", "ocs_desktop", "serve", "--db", url, "--port", str(port),
                 "--workers", str(args.workers)],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                for _ in range(100):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                        break
                    except OSError:
                        time.sleep(0.2)
                expected: dict[str, int] | None = None
                for concurrency in args.concurrency:
                    run = f"c{concurrency}"
                    machines = list(fleet.machines(args.machines, run=run))
                    if expected is None:
                        expected = _expected_rows(machines[0])
                    for label in PASSES:
                        if label == "changed":
                            machines = list(fleet.machines(args.machines, run=run, day=1))
                        r = _run_pass(port, machines, concurrency, server.pid)
                        ratio = r["rate"] / REFERENCE_RATE.get(concurrency, REFERENCE_RATE[4])
                        print(
                            f"{concurrency:>4} {label:>6} {r['rate']:7.1f} {ratio:6.0f}x "
                            f"{r['p50'] * 1000:7.0f} {r['p95'] * 1000:7.0f} {r['cpu']:13.3f} "
                            f"{r['db_cpu']:12.3f}"
                            + (f"  {r['failures']} non-200 answers" if r["failures"] else "")
                        )
                        print(f"            {_check(url, machines, expected)}")
            finally:
                server.terminate()
                server.wait(20)
                log.close()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()
    print(
        "vs ref: ratio to the reference Perl server (0.52/s at concurrency 1, 1.52/s at 4; "
        "concurrency 16 is compared with the rate at 4, its best documented)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
