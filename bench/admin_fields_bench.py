"""Adding and deleting an admin field on a large ``accountinfo``, on MariaDB.

    python bench/admin_fields_bench.py --machines 100000            # build, then measure
    python bench/admin_fields_bench.py --machines 100000 --reuse    # measure an existing table

Builds database ``ocs_admin_fields_bench``: the schema, then ``accountinfo`` cloned
server-side from ``seq_1_to_N`` (one INSERT ... SELECT per chunk, as
``duplicates_bench.py`` does) with a TAG and two filled admin fields (text and number) so
rows have the width of a real fleet's. Then, ``--runs`` times each:

- ``add_field`` + ``delete_field`` (``fleet.admin_fields``: ALTER ... ALGORITHM=INSTANT);
- the live baselines on the same table: the same ADD + DROP COLUMN with
  ``ALGORITHM=COPY`` (what a server without instant DDL does, and what OCS's plain ALTER
  costs where INSTANT is not the default), and one plain ``UPDATE`` of a column over the
  whole table (the cheapest full pass over the rows).

While each runs, another connection updates one machine's TAG in a loop, as agents'
inventories do; the longest of those updates is the stall the fleet would see. Medians
are printed with the ratios to the baselines.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from ocs_desktop.db.engines import create_database_if_missing, create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.fleet.admin_data import AdminFieldType
from ocs_desktop.fleet.admin_fields import add_field, alter_accountinfo, delete_field

DEFAULT_URL = "mysql+pymysql://root@127.0.0.1:3306/ocs_admin_fields_bench"
CLONE_CHUNK = 20_000


def log(message: str) -> None:
    print(message, flush=True)


def build(url: str, machines: int) -> None:
    name = make_url(url).database or ""
    log(f"Building accountinfo of {machines:,} machines in {name}")
    server = create_engine_for(make_url(url).set(database="").render_as_string(hide_password=False))
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
    server.dispose()
    create_database_if_missing(url)
    engine = create_engine_for(url)
    init_database(engine)
    with engine.begin() as conn:
        add_field(conn, "OWNER", AdminFieldType.TEXT, "Owner")
        add_field(conn, "ROOM", AdminFieldType.NUMBER, "Room")
    started = time.perf_counter()
    with engine.begin() as conn:
        for first in range(1, machines + 1, CLONE_CHUNK):
            last = min(first + CLONE_CHUNK - 1, machines)
            conn.execute(
                text(
                    "INSERT INTO accountinfo (HARDWARE_ID, TAG, fields_3, fields_4) "
                    "SELECT seq, CONCAT('SITE-', seq % 50), "
                    "CONCAT('owner number ', seq, ' of the accounting department'), seq % 900 "
                    f"FROM seq_{first}_to_{last}"
                )
            )
    log(f"  cloned in {time.perf_counter() - started:.1f} s")
    engine.dispose()


class Writer:
    """Updates one machine's TAG in a loop on its own connection; keeps the slowest."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.stop = threading.Event()
        self.slowest = 0.0
        self.count = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self.engine.connect() as conn:
            while not self.stop.is_set():
                started = time.perf_counter()
                conn.execute(
                    text("UPDATE accountinfo SET TAG = :t WHERE HARDWARE_ID = :i"),
                    {"t": f"SITE-{self.count % 7}", "i": 1 + self.count % 1000},
                )
                conn.commit()
                self.slowest = max(self.slowest, time.perf_counter() - started)
                self.count += 1
                time.sleep(0.005)

    def __enter__(self) -> Writer:
        self.thread.start()
        time.sleep(0.05)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        self.thread.join()


def measure(engine: Engine, job: Callable[[], None]) -> tuple[float, float]:
    """(seconds the job took, slowest concurrent one-row update)."""
    with Writer(engine) as writer:
        started = time.perf_counter()
        job()
        took = time.perf_counter() - started
    return took, writer.slowest


def ours(engine: Engine) -> None:
    with engine.begin() as conn:
        field = add_field(conn, "BENCH", AdminFieldType.TEXT, "Bench")
    with engine.begin() as conn:
        delete_field(conn, field.id)


def copy_baseline(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "ALTER TABLE accountinfo ADD COLUMN bench_copy VARCHAR(255) DEFAULT NULL, "
                "ALGORITHM=COPY"
            )
        )
        conn.execute(text("ALTER TABLE accountinfo DROP COLUMN bench_copy, ALGORITHM=COPY"))


def update_baseline(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE accountinfo SET fields_4 = fields_4 + 1"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--machines", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    if not args.reuse:
        build(args.url, args.machines)
    engine = create_engine_for(args.url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT COUNT(*) FROM accountinfo")).scalar_one()
        version = conn.execute(text("SELECT VERSION()")).scalar_one()
    log(f"accountinfo: {rows:,} rows, server {version}")
    with engine.begin() as conn:
        used = alter_accountinfo(conn, "ADD COLUMN bench_probe VARCHAR(255) DEFAULT NULL")
        dropped = alter_accountinfo(conn, "DROP COLUMN bench_probe")
    log(f"admin_fields ALTER variant: add {used or 'plain'}, drop {dropped or 'plain'}")
    results: dict[str, list[tuple[float, float]]] = {}
    jobs = {
        "add+delete field (ours, INSTANT)": ours,
        "baseline: ADD+DROP COLUMN ALGORITHM=COPY": copy_baseline,
        "baseline: UPDATE of one column over the table": update_baseline,
    }
    for run in range(args.runs):
        for label, job in jobs.items():
            results.setdefault(label, []).append(measure(engine, lambda job=job: job(engine)))
        log(f"  run {run + 1}/{args.runs} done")
    medians = {
        label: (
            statistics.median(t for t, _ in values),
            statistics.median(s for _, s in values),
        )
        for label, values in results.items()
    }
    for label, (took, stall) in medians.items():
        log(f"{label:<48} {took * 1000:9.1f} ms   slowest concurrent update {stall * 1000:7.1f} ms")
    mine = medians["add+delete field (ours, INSTANT)"][0]
    for label, (took, _stall) in medians.items():
        if label.startswith("baseline"):
            log(f"ratio ours / {label[10:]}: {mine / took:.4f} ({mine / took:.1%})")
    engine.dispose()


if __name__ == "__main__":
    main()
