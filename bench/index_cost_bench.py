"""What each of our extension indexes costs new-machine ingestion, index by index.

    python bench/index_cost_bench.py --machines 60                 # private MariaDB on 3308
    python bench/index_cost_bench.py --url mysql+pymysql://root@127.0.0.1:3306/x --server-pid N

The console's extension indexes (``db/console_indexes.py``: ``CONSOLE_INDEXES`` and, on
MariaDB, ``SORT_INDEXES``) all sit on tables an inventory writes, so each one is paid on
every inventory. For each configuration (all of them, none of them, then each one removed
in turn) the bench makes a fresh database from a template (the schema ``db init`` makes,
with every extension index), drops the configuration's missing indexes, ingests a few
warm-up machines (dictionaries and caches filled, as on a running server), then times
``--machines`` new machines made by ``bench/fleet.py`` from the real 899-package sample,
each parsed beforehand and stored through the real ``Ingestor`` in this process.

CPU is this process's (``process_time``) plus the MariaDB server's, read from
``/proc/<pid>/stat`` of the server the bench started (or ``--server-pid``), never found by
name. By default the bench starts its own ``mariadbd`` (``mariadb-install-db`` into
``--datadir``, port 3308, default 128 MiB buffer pool) so the server's CPU is this run's
alone, and stops it at the end. "All indexes" is measured several times, spread over the
run: their spread is the noise floor, and a delta smaller than it says nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fleet import Fleet

from ocs_desktop.db.console_indexes import CONSOLE_INDEXES, SORT_INDEXES, index_name
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import Inventory, parse_inventory

_HZ = os.sysconf("SC_CLK_TCK")
TEMPLATE = "index_cost_template"
TARGET = "index_cost_run"
WARM_UP = 3
#: How many times "all indexes" is measured (first, last, and evenly between).
BASELINES = 4


def log(message: str) -> None:
    print(message, flush=True)


def process_cpu(pid: int) -> float:
    """utime+stime (s) of process ``pid``, all its threads."""
    raw = Path(f"/proc/{pid}/stat").read_text()
    fields = raw[raw.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / _HZ


# --- the server -------------------------------------------------------------------------


def _wait_for_port(port: int, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mariadbd exited with {server.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"mariadbd did not listen on {port} within {seconds:.0f} s")


@contextmanager
def private_server(datadir: Path, port: int) -> Iterator[tuple[str, int]]:
    """A ``mariadbd`` of our own on loopback: (server URL, its PID); stopped on exit."""
    datadir.mkdir(parents=True, exist_ok=True)
    data = datadir / "data"
    if not (data / "mysql").exists():
        subprocess.run(
            [
                "mariadb-install-db", "--no-defaults", f"--datadir={data}", "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    log_file = (datadir / "mariadbd.log").open("ab")
    server = subprocess.Popen(
        [
            "mariadbd", "--no-defaults", f"--datadir={data}", "--user=root",
            f"--port={port}", "--bind-address=127.0.0.1", f"--socket={datadir / 'sock'}",
            f"--pid-file={datadir / 'mariadbd.pid'}",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
        ],
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        _wait_for_port(port, server)
        yield f"mysql+pymysql://root@127.0.0.1:{port}", server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log_file.close()


# --- databases ----------------------------------------------------------------------------


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def extension_indexes(conn: Connection) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, table, columns) of each extension index present on an inventory table."""
    found = []
    for table, columns in (*CONSOLE_INDEXES, *SORT_INDEXES):
        name = index_name(table, columns)
        present = {str(index["name"]) for index in inspect(conn).get_indexes(table)}
        if name in present:
            found.append((name, table, columns))
    return found


def make_template(server_url: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The template database (``db init``'s schema, every extension index); its indexes."""
    server = create_engine_for(server_url)
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE}"))
        conn.execute(text(f"CREATE DATABASE {TEMPLATE} CHARACTER SET utf8mb4"))
    server.dispose()
    engine = create_engine_for(f"{server_url}/{TEMPLATE}")
    try:
        init_database(engine)  # also creates the console's indexes
        with engine.connect() as conn:
            return extension_indexes(conn)
    finally:
        engine.dispose()


def fresh_copy(server_url: str, drop: list[tuple[str, str, tuple[str, ...]]]) -> Engine:
    """A new database copied from the template (tables, indexes, seed rows), minus ``drop``."""
    server = create_engine_for(server_url)
    with server.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TARGET}"))
        conn.execute(text(f"CREATE DATABASE {TARGET} CHARACTER SET utf8mb4"))
        tables = [
            row[0]
            for row in conn.execute(
                text(
                    "SELECT TABLE_NAME FROM information_schema.TABLES "
                    "WHERE TABLE_SCHEMA = :db AND TABLE_TYPE = 'BASE TABLE'"
                ),
                {"db": TEMPLATE},
            )
        ]
        for table in tables:
            target, source = f"{TARGET}.{_q(conn, table)}", f"{TEMPLATE}.{_q(conn, table)}"
            conn.execute(text(f"CREATE TABLE {target} LIKE {source}"))
            conn.execute(text(f"INSERT INTO {target} SELECT * FROM {source}"))
        for name, table, _ in drop:
            conn.execute(
                text(f"ALTER TABLE {TARGET}.{_q(conn, table)} DROP INDEX {_q(conn, name)}")
            )
        conn.commit()
    server.dispose()
    return create_engine_for(f"{server_url}/{TARGET}")


# --- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    label: str
    wall_ms: float  # per inventory
    client_ms: float  # CPU per inventory, this process
    server_ms: float  # CPU per inventory, mariadbd

    @property
    def cpu_ms(self) -> float:
        return self.client_ms + self.server_ms


def _inventories(fleet: Fleet, run: str, count: int) -> list[Inventory]:
    return [parse_inventory(machine.body) for machine in fleet.machines(count, run=run)]


def measure(
    server_url: str,
    server_pid: int,
    fleet: Fleet,
    label: str,
    drop: list[tuple[str, str, tuple[str, ...]]],
    machines: int,
    run: str,
) -> Measure:
    engine = fresh_copy(server_url, drop)
    try:
        ingestor = Ingestor(engine)
        for inventory in _inventories(fleet, f"{run}w", WARM_UP):
            ingestor.ingest(inventory, remote_addr="192.0.2.10")
        timed = _inventories(fleet, run, machines)
        wall, client, server = time.perf_counter(), time.process_time(), process_cpu(server_pid)
        for inventory in timed:
            ingestor.ingest(inventory, remote_addr="192.0.2.10")
        wall = time.perf_counter() - wall
        client = time.process_time() - client
        server = process_cpu(server_pid) - server
        with engine.connect() as conn:
            stored = conn.execute(
                text("SELECT COUNT(*) FROM hardware WHERE NAME LIKE :run"), {"run": f"{run}-%"}
            ).scalar_one()
            present = {name for name, _, _ in extension_indexes(conn)}
        if stored != machines or present & {name for name, _, _ in drop}:
            raise RuntimeError(f"{label}: {stored} machines stored, indexes {sorted(present)}")
    finally:
        engine.dispose()
    per = 1000 / machines
    return Measure(label, wall * per, client * per, server * per)


def _report(result: Measure) -> None:
    log(
        f"  {result.label:<48} CPU {result.cpu_ms:6.1f} ms/inventory "
        f"(client {result.client_ms:5.1f} + MariaDB {result.server_ms:5.1f}), "
        f"wall {result.wall_ms:6.1f} ms"
    )


def _spread(values: list[float]) -> float:
    return max(values) - min(values)


def print_table(results: list[Measure], machines: int) -> None:
    """Each index's cost: the median of the "all" runs minus the run without it.

    Total CPU (client + MariaDB), MariaDB's CPU alone (the only part an index can change:
    the client does the same work either way, so its spread is pure noise) and wall time.
    "DB norm." is MariaDB's CPU scaled by the median client CPU over the case's client CPU:
    both share the same busy cores, so the client's identical work measures how slow the
    machine was during that case (an assumption, stated; the raw figure is beside it).
    """
    alls = [r for r in results if r.label == "all of them"]
    client = statistics.median(r.client_ms for r in results)

    def norm(r: Measure) -> float:
        return r.server_ms * client / r.client_ms

    base = {
        "cpu": statistics.median(r.cpu_ms for r in alls),
        "server": statistics.median(r.server_ms for r in alls),
        "norm": statistics.median(norm(r) for r in alls),
        "wall": statistics.median(r.wall_ms for r in alls),
    }
    log(
        f"\nNew-machine ingestion, {machines} machines per case, ms per inventory; 'with' is "
        f"the median of {len(alls)} runs with every index, whose spread is the noise: "
        f"CPU {_spread([r.cpu_ms for r in alls]):.1f} ms, MariaDB CPU "
        f"{_spread([r.server_ms for r in alls]):.1f} ms (normalised "
        f"{_spread([norm(r) for r in alls]):.1f} ms), wall "
        f"{_spread([r.wall_ms for r in alls]):.1f} ms. delta = with - without = the cost."
    )
    width = max(len(r.label) for r in results)
    log(
        f"  {'case':<{width}}  {'CPU with':>8} {'without':>8} {'delta':>6}  "
        f"{'DB with':>7} {'without':>7} {'delta':>6}  {'DB norm.':>8} {'without':>7} "
        f"{'delta':>6}  {'wall with':>9} {'without':>8} {'delta':>6}"
    )
    for r in results:
        if r.label == "all of them":
            continue
        log(
            f"  {r.label:<{width}}  {base['cpu']:8.1f} {r.cpu_ms:8.1f} "
            f"{base['cpu'] - r.cpu_ms:+6.1f}  {base['server']:7.1f} {r.server_ms:7.1f} "
            f"{base['server'] - r.server_ms:+6.1f}  {base['norm']:8.1f} {norm(r):7.1f} "
            f"{base['norm'] - norm(r):+6.1f}  {base['wall']:9.1f} {r.wall_ms:8.1f} "
            f"{base['wall'] - r.wall_ms:+6.1f}"
        )


def run_all(server_url: str, server_pid: int, machines: int) -> int:
    fleet = Fleet(software_share=0.1)
    log(f"{fleet.software_count} software per machine, {machines} timed machines per case")
    indexes = make_template(server_url)
    log(f"{len(indexes)} extension indexes on inventory tables")
    cases: list[tuple[str, list[tuple[str, str, tuple[str, ...]]]]] = [
        (f"without {name}", [(name, table, columns)]) for name, table, columns in indexes
    ]
    cases.insert(len(cases) // 2, ("none of them", list(indexes)))
    # "All" first, last and evenly between: their spread is the noise.
    step = max(1, len(cases) // (BASELINES - 1))
    plan: list[tuple[str, list[tuple[str, str, tuple[str, ...]]]]] = []
    for position, case in enumerate(cases):
        if position % step == 0:
            plan.append(("all of them", []))
        plan.append(case)
    plan.append(("all of them", []))
    results: list[Measure] = []
    for number, (label, drop) in enumerate(plan):
        results.append(
            measure(server_url, server_pid, fleet, label, drop, machines, f"c{number:02d}")
        )
        _report(results[-1])

    print_table(results, machines)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=60, help="timed machines per case")
    parser.add_argument("--url", help="a MariaDB server URL to use instead of a private one")
    parser.add_argument("--server-pid", type=int, help="with --url: the PID of that mariadbd")
    parser.add_argument("--datadir", type=Path, default=Path("/tmp/index-cost-mysql"))
    parser.add_argument("--port", type=int, default=3308)
    parser.add_argument("--keep-datadir", action="store_true", help="keep the private data")
    args = parser.parse_args()
    if args.url:
        if args.server_pid is None:
            parser.error("--url needs --server-pid (the CPU is read by PID, never by name)")
        url = make_url(args.url).set(database=None).render_as_string(hide_password=False)
        return run_all(url, args.server_pid, args.machines)
    fresh = not args.datadir.exists()
    try:
        with private_server(args.datadir, args.port) as (url, pid):
            log(f"private mariadbd {pid} on port {args.port}, data in {args.datadir}")
            return run_all(url, pid, args.machines)
    finally:
        if fresh and not args.keep_datadir:
            shutil.rmtree(args.datadir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
