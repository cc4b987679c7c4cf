"""Dashboard queries at fleet scale: the median time of each chart's query on a MariaDB fleet.

    python bench/dashboard_bench.py --machines 100000            # build, then measure
    python bench/dashboard_bench.py --machines 100000 --reuse    # measure an existing fleet

Builds database ``ocs_dashboard_bench`` as ``console_bench`` builds its own (real agent
samples through the Ingestor, cloned server-side into N machines, console indexes, software
summary), then spreads what the clones share: memory sizes, drives' free space, and DOWNLOAD
rows of five packages in every deployment outcome. Each chart's query
(:mod:`ocs_desktop.fleet.dashboard`) then runs ``--runs`` times, a fresh transaction each;
the median is compared with the 300 ms target (exit 1 if any is over). The live baseline is
the plain GROUP BY over ``software`` that the top-software chart would need without the
maintained summary.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from console_bench import build_fleet, fleet_ready, log, step

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.fleet import dashboard

DEFAULT_URL = "mysql+pymysql://root@127.0.0.1:3306/ocs_dashboard_bench"
TARGET_MS = 300.0
#: Memory sizes (MiB) cycled over the machines, so every memory class has machines.
MEMORY = (2048, 3950, 8192, 16000, 24105, 65536, 0)
#: Statuses of the five packages every other machine has, one per outcome and more.
STATUSES = (None, "NOTIFIED", "SUCCESS", "ERR_DOWNLOAD", "EXIT_CODE_1")

CHARTS: dict[str, Callable[[Connection], list[dashboard.Bar]]] = {
    "operating systems": dashboard.os_bars,
    "last inventory": dashboard.age_bars,
    "agent versions": dashboard.agent_bars,
    "manufacturers and models": dashboard.model_bars,
    "memory classes": dashboard.memory_bars,
    "free disk space": dashboard.disk_bars,
    "top software": dashboard.software_bars,
    "deployment outcomes": dashboard.outcome_bars,
    "inventories per day": dashboard.day_bars,
}


def spread(url: str) -> None:
    """Vary what the clones copied alike, so every chart has several bars."""
    engine = create_engine_for(url)
    try:
        with engine.begin() as conn:
            if conn.execute(text("SELECT COUNT(*) FROM devices")).scalar_one():
                return
            with step("memory sizes"):
                cases = " ".join(f"WHEN {i} THEN {mib}" for i, mib in enumerate(MEMORY))
                conn.execute(
                    text(f"UPDATE hardware SET MEMORY = CASE ID % {len(MEMORY)} {cases} END")
                )
            with step("drives: one machine in seven nearly full, one in five tight"):
                conn.execute(
                    text(
                        "UPDATE drives SET FREE = CASE WHEN HARDWARE_ID % 7 = 0 THEN TOTAL DIV 20 "
                        "WHEN HARDWARE_ID % 5 = 0 THEN TOTAL DIV 7 ELSE FREE END"
                    )
                )
            with step("DOWNLOAD rows: five packages on every other machine"):
                for number, status in enumerate(STATUSES):
                    conn.execute(
                        text(
                            "INSERT INTO devices (HARDWARE_ID, NAME, IVALUE, TVALUE) "
                            "SELECT ID, 'DOWNLOAD', :ivalue, "
                            "CASE WHEN (ID + :n) % 3 = 0 THEN :status ELSE 'SUCCESS' END "
                            "FROM hardware WHERE ID % 2 = 0"
                        ),
                        {"ivalue": 1000 + number, "n": number, "status": status},
                    )
    finally:
        engine.dispose()


def median_ms(conn: Connection, run: Callable[[Connection], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run(conn)
        times.append(1000 * (time.perf_counter() - started))
        conn.rollback()  # a fresh snapshot per run, as each console read has
    return times


def measure(url: str, runs: int) -> int:
    engine = create_engine_for(url)
    failed = 0
    with engine.connect() as conn:
        machines = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one()
        drives = conn.execute(text("SELECT COUNT(*) FROM drives")).scalar_one()
        software = conn.execute(  # an estimate: COUNT(*) of software is a full scan
            text(
                "SELECT TABLE_ROWS FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'software'"
            )
        ).scalar_one()
        devices = conn.execute(text("SELECT COUNT(*) FROM devices")).scalar_one()
        conn.rollback()
        log(
            f"\n{machines:,} machines, {drives:,} drives, ~{software:,} software rows, "
            f"{devices:,} DOWNLOAD rows. Median of {runs} runs, target {TARGET_MS:.0f} ms:"
        )
        total = 0.0
        for label, chart in CHARTS.items():
            times = median_ms(conn, chart, runs)
            median = statistics.median(times)
            total += median
            bars = chart(conn)
            conn.rollback()
            verdict = "PASS" if median <= TARGET_MS else "FAIL"
            failed += verdict == "FAIL"
            log(
                f"  {label:26} {median:7.1f} ms  (min {min(times):6.1f}, max {max(times):6.1f})  "
                f"{verdict}  {len(bars)} bars, {sum(b.count for b in bars):,} counted"
            )
        log(f"  {'the whole dashboard read':26} {total:7.1f} ms (sum of the medians)")
        baseline = statistics.median(
            median_ms(
                conn,
                lambda c: c.execute(
                    text("SELECT NAME_ID, COUNT(*) FROM software GROUP BY NAME_ID")
                ).all(),
                1,
            )
        )
        top = statistics.median(median_ms(conn, dashboard.software_bars, runs))
        log(
            f"\nLive baseline: SELECT NAME_ID, COUNT(*) FROM software GROUP BY NAME_ID took "
            f"{baseline:.0f} ms; the top-software chart from the summary {top:.0f} ms."
        )
    engine.dispose()
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=DEFAULT_URL, help="MariaDB URL (database is rebuilt)")
    parser.add_argument("--machines", type=int, default=100_000)
    parser.add_argument("--templates", type=int, default=20, help="machines ingested for real")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep the fleet if already built")
    args = parser.parse_args()
    if not make_url(args.url).get_backend_name().startswith("mysql"):
        parser.error("the dashboard bench runs on MariaDB (a mysql+pymysql:// URL)")
    if not (args.reuse and fleet_ready(args.url, args.machines)):
        build_fleet(args.url, args.machines, args.templates, small_share=0.9)
    spread(args.url)
    return measure(args.url, args.runs)


if __name__ == "__main__":
    sys.exit(main())
