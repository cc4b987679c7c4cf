"""The network map at 50 subnets and 10,000 hosts: query, layout and first paint, offscreen.

    python bench/network_map_bench.py                          # SQLite and MariaDB
    python bench/network_map_bench.py --backend sqlite --hosts 20000 --subnets 80

Builds the fleet of ``tests/support/network_map_fleet.py`` (per subnet: 40 % inventoried
machines with two elected scanners, 15 % identified devices of four types, 45 % unknown
hosts) in a fresh SQLite file and in MariaDB database ``ocs_network_map_bench`` (dropped
and rebuilt by each run). Then, ``--runs`` times, with the map widget already on screen
(offscreen, 1024x768) as when the Network page's Map tab is open:

- query: ``load_network_map`` on a fresh connection;
- layout: ``NetworkMapView.set_data`` (items, spiral positions, legend, fit);
- paint: until the canvas's next paint event has completed.

The target is query + layout + paint under 1 s, for the cold first run and the median.
The baseline, timed in the same run, is the plain ``SELECT`` of every ``netmap`` row that
any map needs; the query's ratio to it is what carries across machines.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the fleet builder lives with the tests
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from ocs_desktop.db.engines import create_database_if_missing, create_engine_for  # noqa: E402
from ocs_desktop.db.schema import init_database  # noqa: E402
from ocs_desktop.fleet.network_map import load_network_map  # noqa: E402
from ocs_desktop.views.fleet.network_map import NetworkMapView  # noqa: E402
from ocs_desktop.views.qt import QtCore, QtWidgets  # noqa: E402
from tests.support.network_map_fleet import build_network_map_fleet  # noqa: E402

DEFAULT_MYSQL = "mysql+pymysql://root@127.0.0.1:3306/ocs_network_map_bench"
TARGET_MS = 1000.0
SIZE = (1024, 768)


def log(message: str) -> None:
    print(message, flush=True)


@dataclass
class Run:
    baseline: float
    query: float
    layout: float
    paint: float

    @property
    def total(self) -> float:
        return self.query + self.layout + self.paint


def fresh_engine(backend: str, mysql_url: str, scratch: Path) -> Engine:
    if backend == "sqlite":
        return create_engine_for(str(scratch / "network_map_bench.sqlite"))
    url = make_url(mysql_url)
    server = create_engine_for(url.set(database="").render_as_string(hide_password=False))
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS `{url.database}`"))
    server.dispose()
    create_database_if_missing(url.render_as_string(hide_password=False))
    return create_engine_for(url.render_as_string(hide_password=False))


def wait_for_paint(view: NetworkMapView, timeout_s: float = 30.0) -> None:
    """Process events until the canvas's paint event has completed."""
    done: list[bool] = []
    view.graphics.painted.connect(lambda: done.append(True))
    deadline = time.perf_counter() + timeout_s
    while not done:
        if time.perf_counter() > deadline:
            raise TimeoutError("the map was never painted")
        QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
    view.graphics.painted.disconnect()


def one_run(engine: Engine, view: NetworkMapView) -> Run:
    with engine.connect() as conn:
        started = time.perf_counter()
        conn.execute(text("SELECT IP, MAC, MASK, NETID, NAME, DATE FROM netmap")).all()
        baseline = time.perf_counter() - started
    started = time.perf_counter()
    with engine.connect() as conn:
        data = load_network_map(conn)
    queried = time.perf_counter()
    view.set_data(data)
    laid_out = time.perf_counter()
    wait_for_paint(view)
    painted = time.perf_counter()
    return Run(baseline, queried - started, laid_out - queried, painted - laid_out)


def measure(backend: str, engine: Engine, runs: int) -> tuple[Run, Run, int]:
    """The cold first run, the per-phase medians of the next ``runs``, and the host count."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["network-map-bench"])
    view = NetworkMapView()
    view.resize(*SIZE)
    view.show()
    wait_for_paint(view)
    try:
        first = one_run(engine, view)
        timed = [one_run(engine, view) for _ in range(runs)]
        hosts = len(view.nodes)
    finally:
        view.close()
        view.deleteLater()
        app.processEvents()
    median = Run(
        *(
            statistics.median(getattr(run, phase) for run in timed)
            for phase in ("baseline", "query", "layout", "paint")
        )
    )
    return first, median, hosts


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "mariadb", "both"), default="both")
    parser.add_argument("--mysql-url", default=DEFAULT_MYSQL, help=f"({DEFAULT_MYSQL})")
    parser.add_argument("--subnets", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.subnets < 1 or args.hosts < args.subnets:
        parser.error("--hosts must be at least --subnets, and --subnets at least 1")
    backends = ("sqlite", "mariadb") if args.backend == "both" else (args.backend,)
    failed = False
    with tempfile.TemporaryDirectory(prefix="network-map-bench-") as scratch:
        for backend in backends:
            engine = fresh_engine(backend, args.mysql_url, Path(scratch))
            init_database(engine)
            started = time.perf_counter()
            build_network_map_fleet(engine, args.subnets, args.hosts)
            log(
                f"\n{backend}: {args.subnets} subnets, {args.hosts:,} hosts built in "
                f"{time.perf_counter() - started:.1f} s; load average "
                f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
            )
            first, median, hosts = measure(backend, engine, args.runs)
            engine.dispose()
            if hosts != args.hosts:
                log(f"  FAIL: the map shows {hosts:,} hosts, not {args.hosts:,}")
                failed = True
            for label, run in (("first (cold) run", first), (f"median of {args.runs}", median)):
                log(
                    f"  {label:17} query {ms(run.query)}  layout {ms(run.layout)}  "
                    f"paint {ms(run.paint)}  = to first paint {ms(run.total)}"
                )
            slowest = max(first.total, median.total)
            verdict = "PASS" if slowest * 1000 <= TARGET_MS else "FAIL"
            failed |= verdict == "FAIL"
            log(
                f"  baseline (plain SELECT of netmap, same run): {ms(median.baseline)}; "
                f"the map's query takes {median.query / median.baseline:.1f}x that"
            )
            log(
                f"  to first paint: cold {ms(first.total)}, median {ms(median.total)}; "
                f"target {TARGET_MS:.0f} ms for both: {verdict}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
