"""Communication server throughput: N machines doing PROLOG then INVENTORY over HTTP.

    python bench/server_bench.py --machines 200 --concurrency 1 4 16 --workers 2

Starts ``ocs-desktop serve`` (MariaDB, 2 workers by default) on a free loopback port. Each
simulated agent sends PROLOG then INVENTORY on one keep-alive connection, with the Unix
agent's headers. Per concurrency and pass (first inventory, identical re-send, next-day
inventory with ~1 % of the software changed: see fleet.py) it prints inventories/s, p50/p95
latency of the PROLOG+INVENTORY pair, the CPU per inventory of the server process tree this
bench started (found by its PID, workers included) and of the MariaDB server it writes to
(found by its pid file / listening port; shared with whatever else uses that server). After
each pass it checks every machine on its own (bench/stored.py): in the database once, each
table with exactly the rows its XML has, its software list name by name: no loss, no
duplicates, no orphans. After the passes it measures MariaDB's floor for a new machine
live (bench/floor.py: its software rows copied server-side) and prints each first
pass's server + MariaDB CPU as a multiple of it.

It prints no comparison with the reference Perl server: rates differ 2-4x between machines
of the same kind, so only a live, interleaved run on the same machine compares. That is
bench/reference.py.
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
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cpu
import floor
import stored
from fleet import Fleet, Machine

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database

#: First inventories, the same files again, then each machine's next-day inventory.
PASSES = ("first", "again", "changed")
UA = "OCS-NG_unified_unix_agent_v2.10.0"
HEADERS = {"User-Agent": UA, "Content-Type": "application/x-compress", "Pragma": "no-cache"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def fresh_mariadb(mysql_url: str, prefix: str) -> Iterator[str]:
    """A new database ``<prefix>_<random>`` in our schema, dropped on the way out."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine_for(mysql_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
    url = f"{mysql_url.rstrip('/')}/{name}"
    try:
        engine = create_engine_for(url)
        init_database(engine)
        engine.dispose()
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


@contextmanager
def serving(url: str, workers: int) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """``ocs-desktop serve`` on ``url``, on a free loopback port: (port, its process)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="ocs-server-bench-") as tmp:
        log_path = Path(tmp) / "server.log"
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "ocs_desktop", "serve", "--db", url, "--host", "127.0.0.1",
                 "--port", str(port), "--workers", str(workers)],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                for _ in range(150):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                        break
                    except OSError:
                        if server.poll() is not None:
                            tail = log_path.read_text()[-2000:]
                            raise RuntimeError(f"server exited: {tail}") from None
                        time.sleep(0.2)
                else:
                    raise RuntimeError("server did not answer /health within 30 s")
                yield port, server
            finally:
                server.terminate()
                server.wait(30)


def check(url: str, machines: list[Machine]) -> stored.Verdict:
    """Every machine of the pass against its own XML (bench/stored.py)."""
    engine = create_engine_for(url)
    with engine.connect() as conn:
        verdict = stored.verify(conn, [stored.expected(m.body) for m in machines])
    engine.dispose()
    return verdict


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


def _run_pass(
    port: int, machines: list[Machine], concurrency: int, server_pid: int, db_pid: int | None
) -> dict:
    latencies: list[float] = []
    requests = [_requests(machine) for machine in machines]
    slices = [requests[i::concurrency] for i in range(concurrency)]
    cpu0 = cpu.tree_cpu(server_pid)
    db0 = cpu.process_cpu(db_pid) if db_pid else 0.0
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        failures = sum(pool.map(lambda s: _agent(port, s, latencies), slices))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rate": len(machines) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "cpu": (cpu.tree_cpu(server_pid) - cpu0) / len(machines),
        "db_cpu": (cpu.process_cpu(db_pid) - db0) / len(machines) if db_pid else None,
        "failures": failures,
    }


def print_floor(url: str, db_pid: int, first_cpu: dict[int, float]) -> None:
    """MariaDB's floor for a new machine's software, measured now (bench/floor.py), and
    what a new machine cost against it per concurrency: issue 16 aims at twice at most."""
    engine = create_engine_for(url)
    measured = floor.software_floor(engine, lambda: cpu.process_cpu(db_pid))
    engine.dispose()
    print(
        f"MariaDB floor: it stores one machine's {measured.rows} software rows server-side "
        f"(INSERT ... SELECT, committed) in {measured.cpu_s * 1000:.1f} ms of CPU, measured "
        "after the passes, on the table they filled."
    )
    for concurrency, spent in first_cpu.items():
        print(
            f"  c={concurrency}: a first inventory took {spent * 1000:.1f} ms (srv + db), "
            f"{spent / measured.cpu_s:.1f}x the floor (aim: at most 2x)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--mysql-url",
        default=os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306"),
    )
    parser.add_argument("--db-prefix", default="ocs_bench", help="name prefix of the database")
    args = parser.parse_args()
    fleet = Fleet()
    print(f"{args.machines} machines per pass, {fleet.software_count} software each, "
          f"{args.workers} server workers, {os.cpu_count()} CPUs")  # fmt: skip
    print(f"{'conc':>4} {'pass':>7} {'inv/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'srv CPU ms/inv':>14} {'db CPU ms/inv':>13}")  # fmt: skip
    failed = False
    first_cpu: dict[int, float] = {}
    with fresh_mariadb(args.mysql_url, args.db_prefix) as url, serving(url, args.workers) as live:
        port, server = live
        db_pid = cpu.mariadb_pid_at(url)
        for concurrency in args.concurrency:
            run = f"c{concurrency}"
            for label in PASSES:
                day = 1 if label == "changed" else 0
                machines = list(fleet.machines(args.machines, run=run, day=day))
                r = _run_pass(port, machines, concurrency, server.pid, db_pid)
                db_cpu = f"{r['db_cpu'] * 1000:13.1f}" if r["db_cpu"] is not None else f"{'-':>13}"
                print(
                    f"{concurrency:>4} {label:>7} {r['rate']:7.1f} {r['p50'] * 1000:7.0f} "
                    f"{r['p95'] * 1000:7.0f} {r['cpu'] * 1000:14.1f} {db_cpu}"
                    + (f"  {r['failures']} non-200 answers" if r["failures"] else "")
                )
                verdict = check(url, machines)
                failed |= not verdict.ok or bool(r["failures"])
                print(f"             {'OK' if verdict.ok else 'MISMATCH'}: {verdict.summary()}")
                for example in verdict.examples:
                    print(f"               {example}")
                if label == "first" and r["db_cpu"] is not None:
                    first_cpu[concurrency] = r["cpu"] + r["db_cpu"]
        if db_pid and first_cpu:
            # Last: deleting the copies leaves InnoDB purge work that would fall in a pass.
            print_floor(url, db_pid, first_cpu)
    print(
        "srv CPU: the `ocs-desktop serve` process tree this bench started (by PID); db CPU: "
        + (
            f"the MariaDB server process (PID {db_pid}), shared with anything else using it"
            if db_pid
            else "not measured (MariaDB is not a local process)"
        )
        + ".\nNo ratio to the reference server here: run bench/reference.py for a live one."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
