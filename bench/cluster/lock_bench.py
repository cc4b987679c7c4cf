"""Single-server cost of the writers' lock: ``GET_LOCK`` against the lock row.

    .venv/bin/python bench/cluster/lock_bench.py --machines 150 --concurrency 4 --rounds 2

On one MariaDB (the system one by default), in a fresh database per round and mode, the
Ingestor stores N new machines, then the same N again (a re-send: the cheapest inventory,
where a lock's cost weighs most), from ``concurrency`` threads. Modes alternate within a
round (``OCS_DESKTOP_WRITER_LOCK``) so both see the same machine load; prints
inventories/s per mode and pass, and the median of the rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fleet import Fleet, Machine

from ocs_desktop.db import writer_lock
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol import parse_inventory

MODES = ("named", "rows")


def _pass(ingestor: Ingestor, machines: list[Machine], concurrency: int) -> float:
    inventories = [parse_inventory(machine.body) for machine in machines]
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(ingestor.ingest, inventories))
    return len(machines) / (time.perf_counter() - started)


def _round(server: str, fleet: Fleet, args: argparse.Namespace, mode: str) -> tuple[float, float]:
    os.environ[writer_lock.ENV] = mode
    name = f"ocs_lockbench_{uuid.uuid4().hex[:8]}"
    admin = create_engine_for(server)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
    engine = create_engine_for(f"{server.rstrip('/')}/{name}", pool_size=args.concurrency + 2)
    try:
        init_database(engine)
        ingestor = Ingestor(engine)
        machines = list(fleet.machines(args.machines, run=mode))
        first = _pass(ingestor, machines, args.concurrency)
        again = _pass(ingestor, machines, args.concurrency)
        with engine.connect() as conn:
            count = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar()
            locks = conn.execute(text(f"SELECT COUNT(*) FROM {writer_lock.writer_lock.name}"))
            rows = locks.scalar()
        if count != args.machines:
            raise SystemExit(f"{mode}: {count} machines stored, not {args.machines}")
        if (rows != 0) != (mode == "rows"):
            raise SystemExit(f"{mode}: {rows} lock rows")
        return first, again
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=150)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--mysql-url",
        default=os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306"),
    )
    args = parser.parse_args()
    fleet = Fleet()
    results: dict[str, list[tuple[float, float]]] = {mode: [] for mode in MODES}
    for number in range(args.rounds):
        order = MODES if number % 2 == 0 else tuple(reversed(MODES))
        for mode in order:
            first, again = _round(args.mysql_url, fleet, args, mode)
            results[mode].append((first, again))
            print(f"round {number + 1} {mode:>5}: first {first:6.1f}/s  re-send {again:6.1f}/s")
    print(f"{args.machines} machines, concurrency {args.concurrency}, median of {args.rounds}:")
    for mode in MODES:
        first = statistics.median(r[0] for r in results[mode])
        again = statistics.median(r[1] for r in results[mode])
        print(f"  {mode:>5}: first inventories {first:6.1f}/s, re-sends {again:6.1f}/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
