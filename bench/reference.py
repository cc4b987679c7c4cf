"""Our communication server against the reference OCS Inventory NG server, live and interleaved.

    python bench/reference.py --machines 150 --concurrency 1 4 16 --workers 2

A rate measured on another machine is no baseline: two machines of the same kind differ
2-4x. So this bench starts the reference itself, on this machine, and sends both servers
the very same load in one run, one pass after the other (ours, reference, ours,
reference...), so that whatever else loads the machine weighs on both alike.

* The reference: ``ocs-reference-server.sh`` (no verb: install if needed, then start) from
  the shared tools (``--reference-tools``, ``$OCS_REFERENCE_TOOLS``, else ``../shared/tools``
  beside the repository): Apache + mod_perl running the Perl server 2.8.1 at
  http://127.0.0.1/ocsinventory on database ``ocsweb``. Needs root and apt. Before the
  first pass this bench deletes, with SQL, the machines it left in ``ocsweb`` last time
  (DEVICEID ``refbench-...``); it never stops MariaDB nor the reference.
* Ours: ``ocs-desktop serve --workers N`` on a fresh MariaDB database on the same MariaDB
  server, on a free loopback port.
* The load: the shared ``ocs-load.py``'s agent client (the Unix agent 2.10's headers,
  PROLOG then INVENTORY on one keep-alive connection, INVENTORY only after a SEND reply),
  driven here with one XML per machine from bench/fleet.py, which ``ocs-load.py run``
  cannot do (it sends one template with new names and MACs).
* Passes per concurrency: ``first`` (new machines), ``again`` (identical re-send),
  ``changed`` (each machine's next day, fleet.py ``day=1``: ~1 % of software upgraded, one
  package removed and one added, a new IP address and uptime).

Per pass and server it prints inventories/s (machines answered 200 to both requests, over
the wall time), p50/p95 latency of the PROLOG+INVENTORY pair, CPU ms per inventory of the
server's processes (ours: the `serve` process tree it started; the reference: Apache's
process tree from its pid file; both by PID), of the MariaDB server process (by its pid
file / listening port; shared by both servers and by everyone else on the machine, so an
upper bound), how busy the whole machine was, and how many machines are stored with all
their rows: each machine's rows per table and its software list against its own XML
(bench/stored.py). The reference answers 200 and still loses machines under concurrency:
the ratio is given both on answered and on completely stored machines.

When the reference is not available it says why and prints our figures with no ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cpu
import stored
from fleet import Fleet, Machine
from server_bench import fresh_mariadb, serving

from ocs_desktop.db.engines import create_engine_for

REPO = Path(__file__).resolve().parent.parent
PASSES = {"first": 0, "again": 0, "changed": 1}  # pass -> fleet day
RUN_PREFIX = "refbench"
#: The 2.8.1 server does not store LOCAL_USERS / LOCAL_GROUPS (shared/tools/README.md, 5).
REFERENCE_NEVER_STORES = ("local_groups", "local_users")


@dataclass
class PassResult:
    server: str
    concurrency: int
    label: str
    machines: int
    answered: int  # PROLOG and INVENTORY both answered 200
    not_sent: int  # PROLOG answered without SEND: no INVENTORY
    failed: int  # a non-200 answer or a transport error
    wall_s: float
    rate: float
    p50_ms: float
    p95_ms: float
    server_cpu_ms: float | None
    db_cpu_ms: float | None  # the whole MariaDB process
    conn_cpu_ms: float | None  # MariaDB threads of this server's connections only
    host_busy_pct: float
    complete: int
    verdict: str
    examples: list[str]


def tools_dir(option: str | None) -> Path:
    return Path(option or os.environ.get("OCS_REFERENCE_TOOLS") or REPO.parent / "shared" / "tools")


def load_ocs_load(tools: Path) -> ModuleType:
    """The shared ocs-load.py as a module (its file name has a dash)."""
    path = tools / "ocs-load.py"
    spec = importlib.util.spec_from_file_location("ocs_load", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["ocs_load"] = module
    spec.loader.exec_module(module)
    return module


def start_reference(tools: Path, start: bool, db_url: str) -> tuple[int | None, str]:
    """(Apache's PID, "") when the reference answers, else (None, why not)."""
    script = tools / "ocs-reference-server.sh"
    if start:
        if not script.is_file():
            return None, f"{script} not found"
        if os.geteuid() != 0:
            return None, f"{script.name} needs root (apt, Apache, MariaDB)"
        print(f"starting the reference: bash {script} (install if needed + start)", flush=True)
        try:
            done = subprocess.run(
                ["bash", str(script)], capture_output=True, text=True, timeout=1200
            )
        except subprocess.TimeoutExpired:
            return None, f"{script.name} did not finish within 20 min"
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            return None, f"{script.name} failed ({done.returncode}): {' | '.join(tail)}"
    pid = cpu.apache_pid()
    if pid is None:
        return None, f"Apache is not running ({cpu.APACHE_PID_FILE})"
    try:
        engine = create_engine_for(db_url)
        with engine.connect() as conn:
            conn.execute(text("SELECT COUNT(*) FROM hardware"))
        engine.dispose()
    except Exception as error:  # any failure means: no reference
        return None, f"database {db_url} unusable: {error}"
    return pid, ""


def delete_machines(conn: Connection, prefix: str) -> tuple[int, int]:
    """Delete, with SQL, the machines whose DEVICEID starts with ``prefix`` and their rows.

    Also deletes the orphan rows of the tables the bench checks (rows whose machine
    is gone: what the reference leaves of the machines it loses), so that each run
    counts only its own. Returns (machines, orphan rows) deleted.
    """
    orphans = 0
    for table in stored.checked_tables(conn):
        orphans += int(
            conn.execute(
                text(
                    f"DELETE x FROM `{table}` x LEFT JOIN hardware h ON h.ID = x.HARDWARE_ID "
                    "WHERE h.ID IS NULL"
                )
            ).rowcount
            or 0
        )
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    tables = [
        row[0]
        for row in conn.execute(
            text(
                "SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                "AND COLUMN_NAME = 'HARDWARE_ID' AND TABLE_NAME <> 'hardware'"
            )
        )
    ]
    for table in tables:
        conn.execute(
            text(
                f"DELETE x FROM `{table}` x JOIN hardware h ON h.ID = x.HARDWARE_ID "
                "WHERE h.DEVICEID LIKE :like"
            ),
            {"like": like},
        )
    deleted = conn.execute(text("DELETE FROM hardware WHERE DEVICEID LIKE :like"), {"like": like})
    return int(deleted.rowcount or 0), orphans


def drive(
    ocs_load: ModuleType, url: str, machines: list[Machine], concurrency: int
) -> dict[str, Any]:
    """Send every machine through ocs-load.py's agent client, ``concurrency`` at a time."""
    client = ocs_load.Client(url, 300.0, ocs_load.AGENT_UA)
    ocs_load.ensure_loopback(client.host)
    jobs = [
        [
            ("PROLOG", zlib.compress(ocs_load.prolog_xml(m.deviceid).encode())),
            ("INVENTORY", m.compressed()),
        ]
        for m in machines
    ]  # compressed before the clock starts: agents compress on their own machines

    def one(bodies: list[tuple[str, bytes]]) -> tuple[str, float]:
        started = time.perf_counter()
        try:
            exchanged = client.exchange(bodies)
        except Exception:  # a transport error: a failed machine
            return "failed", time.perf_counter() - started
        elapsed = time.perf_counter() - started
        if any(status != 200 for _, status, _, _ in exchanged):
            return "failed", elapsed
        if exchanged[-1][0] != "INVENTORY":
            return "not_sent", elapsed
        return "answered", elapsed

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        outcomes = list(pool.map(one, jobs))
    wall = time.perf_counter() - started
    latencies = [elapsed for outcome, elapsed in outcomes if outcome == "answered"]
    counts = {k: sum(1 for o, _ in outcomes if o == k) for k in ("answered", "not_sent", "failed")}
    return {
        "wall": wall,
        **counts,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": ocs_load.pct(latencies, 95) if latencies else float("nan"),
    }


def run_pass(
    server: str,
    ocs_load: ModuleType,
    url: str,
    db_url: str,
    machines: list[Machine],
    concurrency: int,
    label: str,
    server_pid: int,
    db_pid: int | None,
    admin: Engine | None,
    skip_tables: tuple[str, ...] = (),
) -> PassResult:
    engine = create_engine_for(db_url)
    with engine.connect() as conn:
        orphans_before = stored.orphan_rows(conn, stored.checked_tables(conn, skip_tables))
        database = conn.execute(text("SELECT DATABASE()")).scalar()
    threads = (
        cpu.ConnectionThreads(admin, db_pid, str(database)) if admin and db_pid else nullcontext()
    )
    cpu0 = cpu.tree_cpu(server_pid)
    db0 = cpu.process_cpu(db_pid) if db_pid else 0.0
    busy0, total0 = cpu.host_busy()
    with threads:
        r = drive(ocs_load, url, machines, concurrency)
    busy1, total1 = cpu.host_busy()
    server_cpu = cpu.tree_cpu(server_pid) - cpu0
    db_cpu = cpu.process_cpu(db_pid) - db0 if db_pid else None
    conn_cpu = threads.cpu if isinstance(threads, cpu.ConnectionThreads) else None
    with engine.connect() as conn:
        verdict = stored.verify(
            conn,
            [stored.expected(m.body) for m in machines],
            skip_tables=skip_tables,
            orphans_before=orphans_before,
        )
    engine.dispose()
    per = max(1, r["answered"])
    return PassResult(
        server=server,
        concurrency=concurrency,
        label=label,
        machines=len(machines),
        answered=r["answered"],
        not_sent=r["not_sent"],
        failed=r["failed"],
        wall_s=round(r["wall"], 3),
        rate=r["answered"] / r["wall"],
        p50_ms=1000 * r["p50"],
        p95_ms=1000 * r["p95"],
        server_cpu_ms=1000 * server_cpu / per,
        db_cpu_ms=1000 * db_cpu / per if db_cpu is not None else None,
        conn_cpu_ms=1000 * conn_cpu / per if conn_cpu is not None else None,
        host_busy_pct=100 * (busy1 - busy0) / max(1, total1 - total0),
        complete=verdict.complete,
        verdict=verdict.summary(),
        examples=verdict.examples,
    )


def _ms(value: float | None, width: int) -> str:
    return f"{value:{width}.0f}" if value is not None else f"{'-':>{width}}"


def _line(r: PassResult) -> str:
    srv, db, conn = _ms(r.server_cpu_ms, 7), _ms(r.db_cpu_ms, 7), _ms(r.conn_cpu_ms, 7)
    extra = []
    if r.failed:
        extra.append(f"{r.failed} failed")
    if r.not_sent:
        extra.append(f"{r.not_sent} PROLOG without SEND")
    return (
        f"{r.concurrency:>4} {r.label:>7} {r.server:>9} {r.rate:7.2f} {r.p50_ms:7.0f} "
        f"{r.p95_ms:7.0f} {srv} {conn} {db} {r.host_busy_pct:5.0f}% "
        f"{r.answered:>4}/{r.machines:<4} {r.complete:>4}/{r.machines:<4}"
        + (f"  {', '.join(extra)}" if extra else "")
    )


def _ratio(ours: PassResult, ref: PassResult) -> str:
    answered = f"{ours.rate / ref.rate:.1f}x" if ref.rate else "n/a (reference answered none)"
    if ref.complete:
        stored_ratio = (ours.complete / ours.wall_s) / (ref.complete / ref.wall_s)
        complete = f"{stored_ratio:.1f}x"
    else:
        complete = "n/a (reference stored none completely)"
    return (
        f"{'':>4} {'':>7} {'ratio':>9}  ours/reference: {answered} by answers, "
        f"{complete} by machines stored complete"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--machines", type=int, default=150, help="machines per pass")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--passes", nargs="+", choices=list(PASSES), default=list(PASSES))
    parser.add_argument("--workers", type=int, default=2, help="our server's worker processes")
    parser.add_argument(
        "--mysql-url",
        default=os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306"),
        help="MariaDB server for our database (the reference's own MariaDB, to compare alike)",
    )
    parser.add_argument("--db-prefix", default="ocs_refbench", help="name prefix of our database")
    parser.add_argument(
        "--reference-tools", help="folder of ocs-reference-server.sh and ocs-load.py"
    )
    parser.add_argument("--reference-url", default="http://127.0.0.1/ocsinventory")
    parser.add_argument("--reference-db", default="mysql+pymysql://ocs:ocs@127.0.0.1:3306/ocsweb")
    parser.add_argument(
        "--no-reference-start",
        action="store_true",
        help="do not run ocs-reference-server.sh; use the reference if it already answers",
    )
    parser.add_argument("--no-reference", action="store_true", help="measure ours only")
    parser.add_argument("--json", type=Path, help="write every pass's figures here")
    args = parser.parse_args()
    if args.passes[0] != "first" or args.passes.count("first") != 1:
        parser.error("--passes must start with 'first' and have it once (the machines are new)")

    tools = tools_dir(args.reference_tools)
    try:
        ocs_load = load_ocs_load(tools)
    except (OSError, ImportError) as error:
        print(
            f"cannot load {tools / 'ocs-load.py'} (give --reference-tools or "
            f"$OCS_REFERENCE_TOOLS): {error}",
            file=sys.stderr,
        )
        return 2
    apache: int | None = None
    why = "--no-reference given"
    if not args.no_reference:
        apache, why = start_reference(tools, not args.no_reference_start, args.reference_db)
    if apache is None:
        print(f"REFERENCE NOT AVAILABLE: {why}. Our figures only, no ratio.")
    else:
        engine = create_engine_for(args.reference_db)
        with engine.begin() as conn:
            gone, orphans = delete_machines(conn, f"{RUN_PREFIX}-")
        engine.dispose()
        print(
            f"reference: {args.reference_url} (Apache PID {apache}), database {args.reference_db}; "
            f"deleted {gone} machines and {orphans} orphan rows left by an earlier run"
        )

    fleet = Fleet()
    results: list[PassResult] = []
    failed = False
    print(
        f"{args.machines} machines per pass, {fleet.software_count} software each; our server "
        f"{args.workers} workers; {os.cpu_count()} CPUs; load: {tools / 'ocs-load.py'} client"
    )
    with (
        fresh_mariadb(args.mysql_url, args.db_prefix) as our_db,
        serving(our_db, args.workers) as live,
    ):
        port, server = live
        our_url = f"http://127.0.0.1:{port}/ocsinventory"
        engine = create_engine_for(our_db)
        with engine.connect() as conn:
            db_pid = cpu.mariadb_pid(conn)
        engine.dispose()
        ref_db_pid = None
        if apache is not None:
            engine = create_engine_for(args.reference_db)
            with engine.connect() as conn:
                ref_db_pid = cpu.mariadb_pid(conn)
            engine.dispose()
        shared = apache is not None and db_pid is not None and db_pid == ref_db_pid
        admin = create_engine_for(args.mysql_url)  # sees every connection's thread (PROCESS)
        print(
            f"ours: {our_url} (serve PID {server.pid}), database {our_db.rsplit('/', 1)[1]}; "
            + (
                f"MariaDB PID {db_pid} serves both (shared, also with anything else on it)"
                if shared
                else f"MariaDB PIDs: ours {db_pid}, reference {ref_db_pid}"
                if apache is not None
                else f"MariaDB PID {db_pid} (shared with anything else on it)"
            )
        )
        print(
            f"{'conc':>4} {'pass':>7} {'server':>9} {'inv/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
            f"{'srv ms':>7} {'db conn':>7} {'db all':>7} {'host':>6} "
            f"{'200 / sent':>9} {'complete':>9}"
        )
        for concurrency in args.concurrency:
            run = f"{RUN_PREFIX}-c{concurrency}"
            for label in args.passes:
                machines = list(fleet.machines(args.machines, run=run, day=PASSES[label]))
                ours = run_pass(
                    "ours", ocs_load, our_url, our_db, machines, concurrency, label,
                    server.pid, db_pid, admin,
                )  # fmt: skip
                results.append(ours)
                print(_line(ours), flush=True)
                failed |= ours.complete != ours.machines or bool(ours.failed)
                if apache is None:
                    continue
                ref = run_pass(
                    "reference", ocs_load, args.reference_url, args.reference_db, machines,
                    concurrency, label, apache, ref_db_pid, admin if shared else None,
                    REFERENCE_NEVER_STORES,
                )  # fmt: skip
                results.append(ref)
                print(_line(ref))
                print(_ratio(ours, ref), flush=True)
        admin.dispose()
        print("\nstored, per pass (every machine's rows per table and software list vs its XML):")
        for r in results:
            print(f"  c={r.concurrency:<3} {r.label:<8} {r.server:<9} {r.verdict}")
            for example in r.examples[:2]:
                print(f"      e.g. {example}")
    print(
        "\ninv/s: machines answered 200 to PROLOG and INVENTORY / wall time. CPU in ms per "
        "answered inventory: srv = the server's processes by PID (ours: the serve tree; "
        "reference: Apache's tree, mod_perl); db conn = MariaDB's threads serving that "
        "server's database connections (PROCESSLIST.TID; no InnoDB background work: a lower "
        "bound); db all = the whole MariaDB process, shared by both servers and anything else "
        "using it (an upper bound). host: busy share of all CPUs during the pass (other work "
        "included). complete: machines whose every table and software list match their XML"
        + (
            f"; the reference is not checked on {', '.join(REFERENCE_NEVER_STORES)}, "
            "which it never stores."
            if apache is not None
            else "."
        )
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
