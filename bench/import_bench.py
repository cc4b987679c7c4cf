"""Ingestion throughput: N distinct machines from the real sample into SQLite and MariaDB.

    python bench/import_bench.py --machines 1000 --workers 1 2

Prints, per backend and worker count, first-inventory and re-inventory rates
(inventories/s), the peak memory of the importing processes, and checks that
every machine landed with exactly its rows. The reference Perl server's figure
on this kind of machine (0.52 inventories/s at concurrency 1, 1.52 at 4, measured
over HTTP with the same 900-package sample; shared/tools/README.md) is printed
as the baseline ratio.
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

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fleet import Fleet

from ocs_desktop.inventory.importer import Outcome, import_files
from ocs_desktop.models.database import create_engine_for
from ocs_desktop.models.schema import init_database

REFERENCE_RATE = {1: 0.52, 4: 1.52}


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _mariadb_cpu() -> float | None:
    """CPU seconds used so far by the local MariaDB server, if it runs on this machine."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() not in ("mariadbd", "mysqld"):
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return None


def _client_cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _fresh_database(backend: str, workdir: Path, mysql_url: str) -> tuple[str, object]:
    if backend == "sqlite":
        url = f"sqlite:///{workdir / ('bench-' + uuid.uuid4().hex[:8] + '.sqlite')}"
        return url, None
    name = f"ocs_bench_{uuid.uuid4().hex[:8]}"
    server = create_engine_for(mysql_url)
    with server.begin() as conn:
        conn.execute(text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
    return f"{mysql_url.rstrip('/')}/{name}", (server, name)


def _drop(cleanup: object) -> None:
    if cleanup is None:
        return
    server, name = cleanup  # type: ignore[misc]
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
    server.dispose()


def _check(url: str, machines: int, software_per_machine: int) -> str:
    engine = create_engine_for(url)
    with engine.connect() as conn:
        hardware = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar()
        software = conn.execute(text("SELECT COUNT(*) FROM software")).scalar()
        orphans = conn.execute(
            text(
                "SELECT COUNT(*) FROM software s LEFT JOIN hardware h ON h.ID = s.HARDWARE_ID "
                "WHERE h.ID IS NULL"
            )
        ).scalar()
    engine.dispose()
    expected = machines * software_per_machine
    ok = hardware == machines and software == expected and orphans == 0
    return (
        f"{'OK' if ok else 'MISMATCH'}: {hardware} machines, {software} software rows "
        f"(expected {machines} and {expected}), {orphans} orphans"
    )


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
        "--mysql-url",
        default=os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306"),
    )
    args = parser.parse_args()
    backends = ["sqlite", "mariadb"] if args.backend == "both" else [args.backend]

    fleet = Fleet()
    with tempfile.TemporaryDirectory(prefix="ocs-bench-") as tmp:
        workdir = Path(tmp)
        files = []
        started = time.perf_counter()
        for machine in fleet.machines(args.machines):
            path = workdir / f"{machine.deviceid}.ocs"
            path.write_bytes(machine.compressed())
            files.append(path)
        print(
            f"generated {len(files)} machines ({fleet.software_count} software each, "
            f"{sum(p.stat().st_size for p in files) / len(files) / 1024:.0f} KiB compressed) "
            f"in {time.perf_counter() - started:.1f} s; {os.cpu_count()} CPUs"
        )
        print(
            f"{'backend':8} {'workers':>7} {'pass':>6} {'inv/s':>8} {'vs ref':>8} {'peak MB':>8} "
            f"{'client ms':>9} {'server ms':>9}"
        )
        for backend in backends:
            for workers in args.workers:
                url, cleanup = _fresh_database(backend, workdir, args.mysql_url)
                try:
                    engine = create_engine_for(url)
                    init_database(engine)
                    engine.dispose()
                    for label, expected in (("first", Outcome.NEW), ("again", Outcome.UPDATED)):
                        server_before, client_before = _mariadb_cpu(), _client_cpu()
                        started = time.perf_counter()
                        summary = import_files(url, files, workers=workers)
                        elapsed = time.perf_counter() - started
                        client_ms = 1000 * (_client_cpu() - client_before) / len(files)
                        server_after = _mariadb_cpu()
                        server_ms = (
                            1000 * (server_after - server_before) / len(files)
                            if backend == "mariadb" and server_after and server_before
                            else None
                        )
                        bad = [r for r in summary.results if r.outcome is not expected]
                        rate = len(files) / elapsed
                        reference = REFERENCE_RATE[1 if workers == 1 else 4]
                        server = f"{server_ms:9.1f}" if server_ms is not None else f"{'-':>9}"
                        print(
                            f"{backend:8} {workers:>7} {label:>6} {rate:8.1f} "
                            f"{rate / reference:7.0f}x {_peak_mb():8.0f} {client_ms:9.1f} {server}"
                            + (f"  {len(bad)} unexpected, e.g. {bad[0]}" if bad else "")
                        )
                    print(f"         {_check(url, len(files), fleet.software_count)}")
                    if backend == "mariadb" and workers == args.workers[-1]:
                        floor = _server_floor_ms(url)
                        print(
                            f"         server floor: {floor:.1f} ms of MariaDB time per machine "
                            f"(software rows copied server-side + commit, no client work)"
                        )
                finally:
                    _drop(cleanup)
    print(
        "vs ref: ratio to the reference Perl server's documented rate "
        "(0.52/s at concurrency 1, 1.52/s at 4; shared/tools/README.md)\n"
        "client ms / server ms: CPU per inventory of the importing processes / of the local "
        "MariaDB server; on N cores the rate cannot exceed N*1000/(client+server)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
