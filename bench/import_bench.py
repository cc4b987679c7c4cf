"""Ingestion throughput: N distinct machines from the real sample into SQLite and MariaDB.

    python bench/import_bench.py --machines 1000 --workers 1 2 [--passes first again changed]

Each backend and worker count gets a fresh database and these passes over the
same N machines, in the order given (default: all three):

  first    the machines' first inventories: each one is new (Outcome.NEW).
  again    the very same files re-imported: an identical re-send (Outcome.UPDATED),
           every row rewritten with what it already holds.
  changed  each machine's next-day inventory (fleet.py, day=1), a realistic daily
           re-inventory: ~1 % of its packages upgraded, one removed and one added,
           a new uptime/LASTDATE and one new IP address (Outcome.UPDATED).

Prints, per pass, the rate (inventories/s), the peak memory of the importing
processes and the CPU per inventory of this process and the import workers it
started, and of the MariaDB server it writes to (found by its pid file or listening
port, never by name; shared with whatever else uses that server). After each pass
it checks every machine on its own against the XML it just imported
(bench/stored.py): in ``hardware`` once, each table with exactly its XML's rows, its
software list name and version: per-machine errors cannot cancel out in a total.

It prints no comparison with the reference Perl server: a rate measured on another
machine is no baseline (they differ 2-4x between machines of the same kind). For a
live, interleaved comparison over HTTP run bench/reference.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cpu
import stored
from fleet import Fleet

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.importer import Outcome, import_files

PASSES = {"first": (0, Outcome.NEW), "again": (0, Outcome.UPDATED), "changed": (1, Outcome.UPDATED)}


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _client_cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _fresh_database(
    backend: str, workdir: Path, mysql_url: str, prefix: str
) -> tuple[str, tuple[Engine, str] | None]:
    if backend == "sqlite":
        url = f"sqlite:///{workdir / ('bench-' + uuid.uuid4().hex[:8] + '.sqlite')}"
        return url, None
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    server = create_engine_for(mysql_url)
    with server.begin() as conn:
        conn.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
    return f"{mysql_url.rstrip('/')}/{name}", (server, name)


def _drop(cleanup: tuple[Engine, str] | None) -> None:
    if cleanup is None:
        return
    server, name = cleanup
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
    server.dispose()


def _check(url: str, machines: list[stored.Expected]) -> stored.Verdict:
    """Every machine against the XML it was last imported from (bench/stored.py)."""
    engine = create_engine_for(url)
    with engine.connect() as conn:
        verdict = stored.verify(conn, machines)
    engine.dispose()
    return verdict


def _server_floor_ms(url: str, copies: int = 30) -> float:
    """MariaDB's own time to store one machine's software rows and commit.

    Copies a stored machine's rows with INSERT ... SELECT, so no client work at all:
    the lower bound of a first inventory's cost on this server, whatever the client.
    """
    columns = (
        "NAME_ID, PUBLISHER_ID, VERSION_ID, FOLDER, COMMENTS, FILENAME, FILESIZE, SOURCE, "
        "GUID, LANGUAGE, INSTALLDATE, BITSWIDTH, ARCHITECTURE"
    )
    engine = create_engine_for(url)
    with engine.connect() as conn:
        source = conn.execute(text("SELECT MIN(ID) FROM hardware")).scalar()
        conn.commit()
        started = time.perf_counter()
        for copy in range(copies):
            with conn.begin():
                conn.execute(
                    text(
                        f"INSERT INTO software (HARDWARE_ID, {columns}) "
                        f"SELECT :target, {columns} FROM software WHERE HARDWARE_ID = :source"
                    ),
                    {"target": -1 - copy, "source": source},
                )
        elapsed = time.perf_counter() - started
    engine.dispose()
    return 1000 * elapsed / copies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--backend", choices=["sqlite", "mariadb", "both"], default="both")
    parser.add_argument(
        "--passes",
        nargs="+",
        choices=list(PASSES),
        default=list(PASSES),
        help="passes over the machines, in order; the first must be 'first' (default: %(default)s)",
    )
    parser.add_argument(
        "--mysql-url",
        default=os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306"),
    )
    parser.add_argument("--db-prefix", default="ocs_bench", help="name prefix of MariaDB databases")
    args = parser.parse_args()
    if args.passes[0] != "first" or args.passes.count("first") > 1:
        parser.error("--passes must start with 'first' and have it once (the database is fresh)")
    backends = ["sqlite", "mariadb"] if args.backend == "both" else [args.backend]

    fleet = Fleet()
    with tempfile.TemporaryDirectory(prefix="ocs-bench-") as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        days = sorted({PASSES[label][0] for label in args.passes})
        files_of: dict[int, list[Path]] = {}
        expected_of: dict[int, list[stored.Expected]] = {}
        for day in days:
            (workdir / f"day{day}").mkdir()
            files_of[day], expected_of[day] = [], []
            for machine in fleet.machines(args.machines, day=day):
                path = workdir / f"day{day}" / f"{machine.deviceid}.ocs"
                path.write_bytes(machine.compressed())
                files_of[day].append(path)
                expected_of[day].append(stored.expected(machine.body))
        files = files_of[0]
        print(
            f"generated {len(files)} machines ({fleet.software_count} software each, "
            f"{sum(p.stat().st_size for p in files) / len(files) / 1024:.0f} KiB compressed"
            + (", and their day-1 inventories" if 1 in files_of else "")
            + f") in {time.perf_counter() - started:.1f} s; {os.cpu_count()} CPUs"
        )
        print(
            f"{'backend':8} {'workers':>7} {'pass':>7} {'inv/s':>8} {'peak MB':>8} "
            f"{'client ms':>9} {'server ms':>9}"
        )
        failed = False
        db_pid: int | None = None
        for backend in backends:
            for workers in args.workers:
                url, cleanup = _fresh_database(backend, workdir, args.mysql_url, args.db_prefix)
                try:
                    engine = create_engine_for(url)
                    init_database(engine)
                    engine.dispose()
                    db_pid = cpu.mariadb_pid_at(url) if backend == "mariadb" else None
                    for label in args.passes:
                        day, expected = PASSES[label]
                        server_before = cpu.process_cpu(db_pid) if db_pid else 0.0
                        client_before = _client_cpu()
                        started = time.perf_counter()
                        summary = import_files(url, files_of[day], workers=workers)
                        elapsed = time.perf_counter() - started
                        client_ms = 1000 * (_client_cpu() - client_before) / len(files)
                        server_ms = (
                            1000 * (cpu.process_cpu(db_pid) - server_before) / len(files)
                            if db_pid
                            else None
                        )
                        bad = [r for r in summary.results if r.outcome is not expected]
                        rate = len(files) / elapsed
                        server = f"{server_ms:9.1f}" if server_ms is not None else f"{'-':>9}"
                        print(
                            f"{backend:8} {workers:>7} {label:>7} {rate:8.1f} "
                            f"{_peak_mb():8.0f} {client_ms:9.1f} {server}"
                            + (f"  {len(bad)} unexpected, e.g. {bad[0]}" if bad else "")
                        )
                        verdict = _check(url, expected_of[day])
                        failed |= not verdict.ok or bool(bad)
                        state = "OK" if verdict.ok else "MISMATCH"
                        print(f"         {state}: {verdict.summary()} (day-{day} XML)")
                        for example in verdict.examples:
                            print(f"           {example}")
                    if backend == "mariadb" and workers == args.workers[-1]:
                        floor = _server_floor_ms(url)
                        print(
                            f"         server floor: {floor:.1f} ms of MariaDB time per machine "
                            f"(software rows copied server-side + commit, no client work)"
                        )
                finally:
                    _drop(cleanup)
    print(
        "client ms / server ms: CPU per inventory of this process and the import workers it "
        "started / of the MariaDB server process"
        + (f" (PID {db_pid}, shared with anything else using it)" if db_pid else "")
        + "; on N cores the rate cannot exceed N*1000/(client+server).\n"
        "No ratio to the reference server here: run bench/reference.py for a live one."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
