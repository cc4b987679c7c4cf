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
processes and the CPU per inventory of the client and of a local MariaDB server.
Then checks that every machine landed with exactly its rows, and that the
software of 3 machines across the fleet is, name and version, exactly what their
last imported XML lists. The reference Perl server's figure
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
import zlib
from collections import Counter
from pathlib import Path

from lxml import etree
from sqlalchemy import Engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fleet import Fleet

from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.inventory.importer import Outcome, import_files

REFERENCE_RATE = {1: 0.52, 4: 1.52}
PASSES = {"first": (0, Outcome.NEW), "again": (0, Outcome.UPDATED), "changed": (1, Outcome.UPDATED)}


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


def _fresh_database(
    backend: str, workdir: Path, mysql_url: str
) -> tuple[str, tuple[Engine, str] | None]:
    if backend == "sqlite":
        url = f"sqlite:///{workdir / ('bench-' + uuid.uuid4().hex[:8] + '.sqlite')}"
        return url, None
    name = f"ocs_bench_{uuid.uuid4().hex[:8]}"
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


def _xml_software(path: Path) -> Counter[tuple[str, str | None]]:
    """(NAME, VERSION) of each SOFTWARES of an inventory file; no or empty VERSION is None."""
    content = etree.fromstring(zlib.decompress(path.read_bytes())).find("CONTENT")
    assert content is not None
    return Counter(
        (software.findtext("NAME") or "", software.findtext("VERSION") or None)
        for software in content.iterfind("SOFTWARES")
    )


def _check_software(url: str, files: list[Path], label: str) -> str:
    """The software rows of 3 machines across the fleet against their XML, name and version.

    VERSION_ID 1 is the dictionary's 'no version' row: both it and an absent or
    empty VERSION in the XML count as None.
    """
    picks = sorted({0, len(files) // 2, len(files) - 1})
    engine = create_engine_for(url)
    problems = []
    no_version = 0
    with engine.connect() as conn:
        unavailable = conn.execute(
            text("SELECT VERSION FROM software_version WHERE ID = 1")
        ).scalar()
        if unavailable is None:
            problems.append("software_version has no row 1")
        for pick in picks:
            path = files[pick]
            deviceid = path.name.removesuffix(".ocs")
            rows = conn.execute(
                text(
                    "SELECT n.NAME, v.VERSION, s.VERSION_ID FROM software s "
                    "JOIN hardware h ON h.ID = s.HARDWARE_ID "
                    "JOIN software_name n ON n.ID = s.NAME_ID "
                    "JOIN software_version v ON v.ID = s.VERSION_ID "
                    "WHERE h.DEVICEID = :deviceid"
                ),
                {"deviceid": deviceid},
            ).all()
            stored = Counter(
                (name, None if version_id == 1 else version) for name, version, version_id in rows
            )
            expected = _xml_software(path)
            no_version += sum(count for (_, version), count in expected.items() if version is None)
            if stored != expected:
                missing, extra = expected - stored, stored - expected
                problems.append(
                    f"{deviceid}: {sum(missing.values())} missing e.g. {list(missing)[:2]}, "
                    f"{sum(extra.values())} unexpected e.g. {list(extra)[:2]}"
                )
    engine.dispose()
    return (
        f"{'MISMATCH' if problems else 'OK'}: software (name, version) of machines "
        f"{', '.join(map(str, picks))} equals their {label} XML "
        f"({no_version} without a version there = VERSION_ID 1 {unavailable!r})"
        + "".join(f"\n           {problem}" for problem in problems)
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
        for day in days:
            (workdir / f"day{day}").mkdir()
            files_of[day] = []
            for machine in fleet.machines(args.machines, day=day):
                path = workdir / f"day{day}" / f"{machine.deviceid}.ocs"
                path.write_bytes(machine.compressed())
                files_of[day].append(path)
        files = files_of[0]
        print(
            f"generated {len(files)} machines ({fleet.software_count} software each, "
            f"{sum(p.stat().st_size for p in files) / len(files) / 1024:.0f} KiB compressed"
            + (", and their day-1 inventories" if 1 in files_of else "")
            + f") in {time.perf_counter() - started:.1f} s; {os.cpu_count()} CPUs"
        )
        print(
            f"{'backend':8} {'workers':>7} {'pass':>7} {'inv/s':>8} {'vs ref':>8} {'peak MB':>8} "
            f"{'client ms':>9} {'server ms':>9}"
        )
        for backend in backends:
            for workers in args.workers:
                url, cleanup = _fresh_database(backend, workdir, args.mysql_url)
                try:
                    engine = create_engine_for(url)
                    init_database(engine)
                    engine.dispose()
                    for label in args.passes:
                        day, expected = PASSES[label]
                        server_before, client_before = _mariadb_cpu(), _client_cpu()
                        started = time.perf_counter()
                        summary = import_files(url, files_of[day], workers=workers)
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
                            f"{backend:8} {workers:>7} {label:>7} {rate:8.1f} "
                            f"{rate / reference:7.0f}x {_peak_mb():8.0f} {client_ms:9.1f} {server}"
                            + (f"  {len(bad)} unexpected, e.g. {bad[0]}" if bad else "")
                        )
                    print(f"         {_check(url, len(files), fleet.software_count)}")
                    last_day = PASSES[args.passes[-1]][0]
                    print(f"         {_check_software(url, files_of[last_day], f'day-{last_day}')}")
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
