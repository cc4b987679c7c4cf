"""Console queries at fleet scale: each view's query, cold and warm, on a MariaDB fleet.

    python bench/console_bench.py --machines 100000            # build, then measure
    python bench/console_bench.py --machines 100000 --reuse    # measure an existing fleet

Builds database ``ocs_console_bench``: template machines made from the real agent sample
(its ~900 software each; ``--small-share`` gives that share 150 instead) go through the
real Ingestor, then MariaDB clones them server-side (``seq_1_to_N`` sequence engine, one
INSERT ... SELECT per table and chunk) into N machines with their own DEVICEID, name,
serial, MACs, IP, user, OS, TAG and inventory dates, and the software summary is rebuilt
as ``ocs-desktop db summarize`` does. The build time is printed.

Then each console query runs on one connection, a fresh transaction each run:
``--cold-runs`` times each right after evicting InnoDB's buffer pool (``Evictor``; the
pages it then reads from disk are counted), and ``--runs`` times in a row (warm). A query
passes when both medians are under 300 ms; the exit status is 1 when one misses, and its
plan is printed with MariaDB's ``ANALYZE`` (``--explain``: every plan). The baseline is
what OCS Reports runs for the same pages, on OCS's own indexes (``reference_console.py``).
Run it on a quiet machine: other work on the same MariaDB shares its buffer pool.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fleet import Fleet

from ocs_desktop.db.console_indexes import ensure_console_indexes
from ocs_desktop.db.engines import create_database_if_missing, create_engine_for
from ocs_desktop.db.schema import init_database
from ocs_desktop.db.software_summary import rebuild_summary, summary_state
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory

DEFAULT_URL = "mysql+pymysql://root@127.0.0.1:3306/ocs_console_bench"
TARGET_MS = 300.0
#: OCS Reports' software counts (its cron) read every software row: stopped after this long.
COUNTS_CAP_S = 600
OS_NAMES = ("Microsoft Windows 11 Pro", "Debian GNU/Linux 12", "Ubuntu 24.04 LTS")
TAGS = ("PARIS", "LYON", "NA", "BORDEAUX")
#: Machines cloned per INSERT ... SELECT: big enough to amortise, small enough to commit.
CLONE_CHUNK = 10_000
#: Tables whose clone exceeds this many rows get their secondary indexes dropped during
#: the copy and rebuilt afterwards by one sorted ALTER TABLE (no change buffer in 10.11).
REINDEX_ROWS = 1_000_000
#: Server-owned or console-owned tables an inventory never fills.
NOT_CLONED = {
    "accesslog", "devices", "download_history", "download_servers", "groups", "groups_cache",
    "itmgmt_comments", "journallog", "locks", "cve_search_computer",
}  # fmt: skip


def log(message: str) -> None:
    print(message, flush=True)


@contextmanager
def step(label: str) -> Iterator[None]:
    started = time.perf_counter()
    log(f"  {label} ...")
    yield
    log(f"  {label}: {time.perf_counter() - started:.1f} s")


# --- building the fleet -------------------------------------------------------------------


def _template_body(fleet: Fleet, index: int) -> bytes:
    machine = fleet.machine(index, run="pc")
    body = machine.body.decode()
    body = body.replace(
        "<OSNAME>Debian GNU/Linux 12</OSNAME>",
        f"<OSNAME>{OS_NAMES[index % len(OS_NAMES)]}</OSNAME>",
    )
    tag = TAGS[index % len(TAGS)]
    account = f"<ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE>{tag}</KEYVALUE></ACCOUNTINFO>"
    return body.replace("</CONTENT>", account + "</CONTENT>").encode()


def ingest_templates(engine: Engine, count: int, small_share: float) -> list[tuple[int, bool]]:
    """Template machines through the real Ingestor: (hardware id, big) each.

    Big ones carry the sample's whole inventory (~900 software); small ones 150, and make
    ``small_share`` of the templates (and so of the fleet)."""
    big = Fleet(software_share=0.1)
    small = Fleet(software_share=0.1, software_limit=150)
    ingestor = Ingestor(engine)
    templates = []
    smalls = round(count * small_share)
    for index in range(count):
        is_big = index >= smalls
        body = _template_body(big if is_big else small, index)
        result = ingestor.ingest(parse_inventory(body), remote_addr="192.0.2.10")
        templates.append((result.hardware_id, is_big))
    return templates


def _columns(conn: Connection, table: str) -> list[str]:
    return [column["name"] for column in inspect(conn).get_columns(table)]


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


#: Per-table column expressions of a clone (``m``: bench_map row, ``s``: template row).
#: Only constants and bound parameters: nothing user-given is formatted into SQL.
_NAME = "CONCAT('pc-', LPAD(m.IDX, 6, '0'))"
_OVERRIDES: dict[str, dict[str, str]] = {
    "hardware": {
        "ID": "m.NEW_ID",
        "DEVICEID": f"CONCAT({_NAME}, '-2026-01-01-00-00-00')",
        "NAME": _NAME,
        "UUID": "CONCAT(LPAD(HEX(m.IDX), 8, '0'), '-0000-4000-8000-000000000000')",
        "IPADDR": "CONCAT('10.', m.IDX DIV 65536 % 256, '.', m.IDX DIV 256 % 256, '.', "
        "m.IDX % 256)",
        "USERID": "CONCAT('user', m.IDX % 7919)",
        "OSNAME": "ELT(1 + m.IDX % 3, :os0, :os1, :os2)",
        "LASTDATE": "NOW() - INTERVAL (m.IDX * 7 % 400) DAY - INTERVAL (m.IDX % 1440) MINUTE",
        "LASTCOME": "NOW() - INTERVAL (m.IDX * 7 % 40) DAY - INTERVAL (m.IDX % 1440) MINUTE",
    },
    "bios": {"SSN": "CONCAT('SN', LPAD(m.IDX, 9, '0'))"},
    "networks": {
        "MACADDR": "CONCAT('02:', LPAD(HEX(s.ID % 256), 2, '0'), ':', "
        "LPAD(HEX(m.IDX DIV 65536 % 256), 2, '0'), ':', LPAD(HEX(m.IDX DIV 256 % 256), 2, '0'), "
        "':', LPAD(HEX(m.IDX % 256), 2, '0'), ':', '00')"
    },
    "accountinfo": {"TAG": "ELT(1 + m.IDX % 4, :tag0, :tag1, :tag2, :tag3)"},
}


def _clone_sql(conn: Connection, table: str) -> str:
    model = Base.metadata.tables[table]
    auto_id = table != "hardware" and "ID" in model.c and model.c.ID.autoincrement is not False
    columns = [c for c in _columns(conn, table) if not (auto_id and c == "ID")]
    overrides = _OVERRIDES.get(table, {})
    expressions = []
    for column in columns:
        if column == "HARDWARE_ID":
            expressions.append("m.NEW_ID")
        else:
            expressions.append(overrides.get(column, f"s.{_q(conn, column)}"))
    owner = "ID" if table == "hardware" else "HARDWARE_ID"
    return (
        f"INSERT INTO {_q(conn, table)} ({', '.join(_q(conn, c) for c in columns)}) "
        f"SELECT {', '.join(expressions)} FROM bench_map m "
        f"JOIN bench_source s ON s.{_q(conn, owner)} = m.TEMPLATE_ID "
        "WHERE m.SEQ BETWEEN :first AND :last"
    )


def _clone_params() -> dict[str, str]:
    params = {f"os{i}": name for i, name in enumerate(OS_NAMES)}
    params.update({f"tag{i}": tag for i, tag in enumerate(TAGS)})
    return params


def _map_machines(conn: Connection, templates: list[tuple[int, bool]], clones: int) -> None:
    """bench_map: clone SEQ -> its new hardware ID, template and name index (IDX)."""
    conn.execute(text("DROP TABLE IF EXISTS bench_map, bench_templates"))
    conn.execute(
        text(
            "CREATE TABLE bench_templates "
            "(BIG INT, SLOT INT, HARDWARE_ID INT, PRIMARY KEY (BIG, SLOT))"
        )
    )
    bigs = [tid for tid, big in templates if big]
    smalls = [tid for tid, big in templates if not big]
    rows = [{"big": 1, "slot": i, "id": tid} for i, tid in enumerate(bigs)]
    rows += [{"big": 0, "slot": i, "id": tid} for i, tid in enumerate(smalls)]
    conn.execute(text("INSERT INTO bench_templates VALUES (:big, :slot, :id)"), rows)
    conn.execute(
        text(
            "CREATE TABLE bench_map (SEQ INT PRIMARY KEY, NEW_ID INT NOT NULL, "
            "TEMPLATE_ID INT NOT NULL, IDX INT NOT NULL)"
        )
    )
    # Clones take the templates in turn, so the fleet has the templates' share of big ones.
    conn.execute(
        text(
            f"INSERT INTO bench_map SELECT q.seq, :base + q.seq, t.HARDWARE_ID, :first + q.seq "
            f"FROM seq_1_to_{int(clones)} q JOIN bench_templates t "
            "ON t.BIG = (q.seq % :count >= :smalls) "
            "AND t.SLOT = IF(q.seq % :count >= :smalls, q.seq % :count - :smalls, q.seq % :count)"
        ),
        {
            "base": max(tid for tid, _ in templates),
            "first": len(templates) - 1,
            "count": len(templates),
            "smalls": len(smalls),
        },
    )
    conn.commit()


def _secondary_indexes(table: str) -> list[tuple[str, list[str]]]:
    model = Base.metadata.tables[table]
    return [
        (str(index.name), [column.name for column in index.columns])
        for index in model.indexes
        if not index.unique
    ]


def clone_fleet(engine: Engine, templates: list[tuple[int, bool]], machines: int) -> None:
    clones = machines - len(templates)
    with engine.connect() as conn:
        conn.execution_options(isolation_level="READ COMMITTED")
        conn.execute(text("SET SESSION unique_checks = 0, foreign_key_checks = 0"))
        _map_machines(conn, templates, clones)
        ids = [tid for tid, _ in templates]
        existing = set(inspect(conn).get_table_names())
        tables = ["hardware"]
        for model in Base.metadata.sorted_tables:
            name = model.name
            if name in NOT_CLONED or name == "hardware" or "HARDWARE_ID" not in model.c:
                continue
            if name not in existing:
                continue
            tables.append(name)
        per_template = _rows_per_template(conn, tables, ids)
        clone_rows = _clone_rows(conn, per_template)
        for table in tables:
            expected = clone_rows.get(table, 0)
            if not expected:
                continue
            reindex = expected > REINDEX_ROWS and _secondary_indexes(table)
            with step(f"clone {table} ({expected:,} rows)"):
                if reindex:
                    for name, _ in _secondary_indexes(table):
                        conn.execute(
                            text(f"ALTER TABLE {_q(conn, table)} DROP INDEX {_q(conn, name)}")
                        )
                _copy_templates(conn, table, ids)
                sql = text(_clone_sql(conn, table))
                params = _clone_params()
                for first in range(1, clones + 1, CLONE_CHUNK):
                    last = min(first + CLONE_CHUNK - 1, clones)
                    conn.execute(sql, {**params, "first": first, "last": last})
                    conn.commit()
                    if clones > CLONE_CHUNK:
                        print(f"\r    {last:,} of {clones:,} machines", end="", flush=True)
                if clones > CLONE_CHUNK:
                    print(flush=True)
                if reindex:
                    adds = ", ".join(
                        f"ADD INDEX {_q(conn, name)} ({', '.join(_q(conn, c) for c in cols)})"
                        for name, cols in _secondary_indexes(table)
                    )
                    started = time.perf_counter()
                    conn.execute(text(f"ALTER TABLE {_q(conn, table)} {adds}"))
                    log(f"    indexes rebuilt in {time.perf_counter() - started:.1f} s")
        conn.execute(text("DROP TABLE bench_map, bench_templates"))
        with step("ANALYZE TABLE"):
            for table in tables:
                conn.execute(text(f"ANALYZE TABLE {_q(conn, table)}")).all()
        conn.commit()


def _copy_templates(conn: Connection, table: str, ids: list[int]) -> None:
    """The templates' rows of ``table``, indexed by owner: most OCS tables have no index on
    HARDWARE_ID, and a join to the growing table itself would scan it once per clone."""
    owner = _q(conn, "ID" if table == "hardware" else "HARDWARE_ID")
    conn.execute(text("DROP TEMPORARY TABLE IF EXISTS bench_source"))
    conn.execute(
        text(
            f"CREATE TEMPORARY TABLE bench_source ENGINE=InnoDB AS SELECT * FROM {_q(conn, table)} "
            f"WHERE {owner} BETWEEN :low AND :high"
        ),
        {"low": min(ids), "high": max(ids)},
    )
    conn.execute(text(f"ALTER TABLE bench_source ADD INDEX ({owner})"))


def _rows_per_template(
    conn: Connection, tables: list[str], ids: list[int]
) -> dict[str, dict[int, int]]:
    found: dict[str, dict[int, int]] = {}
    for table in tables:
        owner = "ID" if table == "hardware" else "HARDWARE_ID"
        rows = conn.execute(
            text(
                f"SELECT {_q(conn, owner)}, COUNT(*) FROM {_q(conn, table)} "
                f"WHERE {_q(conn, owner)} BETWEEN :low AND :high GROUP BY {_q(conn, owner)}"
            ),
            {"low": min(ids), "high": max(ids)},
        )
        found[table] = {int(owner_id): int(count) for owner_id, count in rows}
    return found


def _clone_rows(conn: Connection, per_template: dict[str, dict[int, int]]) -> dict[str, int]:
    clones = dict(
        conn.execute(text("SELECT TEMPLATE_ID, COUNT(*) FROM bench_map GROUP BY 1")).all()
    )
    return {
        table: sum(counts.get(int(tid), 0) * int(n) for tid, n in clones.items())
        for table, counts in per_template.items()
    }


def build_fleet(url: str, machines: int, templates: int, small_share: float = 0.0) -> None:
    log(f"Building a fleet of {machines:,} machines in {make_url(url).database}")
    server = create_engine_for(make_url(url).set(database="").render_as_string(hide_password=False))
    with server.begin() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {_q(conn, make_url(url).database or '')}"))
    server.dispose()
    create_database_if_missing(url)
    engine = create_engine_for(url)
    started = time.perf_counter()
    try:
        with step("schema"):
            init_database(engine)
        with step(f"ingest {templates} template machines through the Ingestor"):
            template_ids = ingest_templates(engine, templates, small_share)
        clone_fleet(engine, template_ids, machines)
        # After the copy, as on a real database: each is built by one sorted scan.
        with step("console indexes (as the console creates them on connecting)"):
            _console_indexes(engine)
        with step("software summary rebuild (as `db summarize`)"), engine.begin() as conn:
            rebuild_summary(conn)
        log(f"Fleet built in {time.perf_counter() - started:.0f} s")
    finally:
        engine.dispose()


def _console_indexes(engine: Engine) -> list[str]:
    """The console's own indexes, as the console creates them at connection time."""
    return ensure_console_indexes(engine)


def fleet_ready(url: str, machines: int) -> bool:
    engine = create_engine_for(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("hardware"):
                return False
            count = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one()
            return count == machines and summary_state(conn).rebuilt_at is not None
    except Exception:  # any failure means: build it
        return False
    finally:
        engine.dispose()


# --- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    label: str
    run: Callable[[Connection], str]


@dataclass(frozen=True)
class Timing:
    label: str
    median_ms: float  # warm: the median of ``--runs`` runs in a row
    runs_ms: tuple[float, ...]
    detail: str
    cold_ms: float | None = None  # the median of runs each after evicting the buffer pool
    cold_reads: int = 0  # pages read from disk per cold run (median, server-wide)

    @property
    def worst_ms(self) -> float:
        return max(self.median_ms, self.cold_ms or 0.0)


class Evictor:
    """Empties InnoDB's buffer pool of the fleet's pages, so a run starts cold.

    MariaDB cannot flush its buffer pool, and a plain scan would not evict it (a page read
    once stays in the LRU's old part). With ``innodb_old_blocks_time = 0`` every page a scan
    reads twice becomes young; scanning a table of twice the pool's size that way pushes
    every other page out. ``innodb_flush_method = O_DIRECT`` (Debian's default here) means
    the evicted pages then come from the disk, not the OS cache: ``pages_read`` shows it.
    """

    TABLE = "bench_evict"

    def __init__(self, conn: Connection) -> None:
        pool = int(conn.execute(text("SELECT @@innodb_buffer_pool_size")).scalar_one())
        rows = 2 * pool // 1024
        present = conn.execute(
            text(
                "SELECT COUNT(*) FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :t"
            ),
            {"t": self.TABLE},
        ).scalar_one()
        if present:
            have = conn.execute(text(f"SELECT COUNT(*) FROM {self.TABLE}")).scalar_one()
            if have < rows:
                conn.execute(text(f"DROP TABLE {self.TABLE}"))
                present = 0
        if not present:
            conn.execute(
                text(f"CREATE TABLE {self.TABLE} (ID INT PRIMARY KEY, PAYLOAD VARCHAR(1000))")
            )
            conn.execute(
                text(f"INSERT INTO {self.TABLE} SELECT seq, REPEAT('x', 1000) FROM seq_1_to_{rows}")
            )
        conn.commit()

    def __call__(self, conn: Connection) -> None:
        old = conn.execute(text("SELECT @@GLOBAL.innodb_old_blocks_time")).scalar_one()
        conn.execute(text("SET GLOBAL innodb_old_blocks_time = 0"))
        try:
            conn.execute(text(f"SELECT SUM(LENGTH(PAYLOAD)) FROM {self.TABLE}")).scalar_one()
        finally:
            conn.execute(text("SET GLOBAL innodb_old_blocks_time = :v"), {"v": int(old)})
        conn.rollback()


def pages_read(conn: Connection) -> int:
    """Pages InnoDB has read from disk since it started (all sessions)."""
    row = conn.execute(text("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'")).one()
    conn.rollback()
    return int(row[1])


def time_case(
    conn: Connection, case: Case, runs: int, cold_runs: int = 0, evict: Evictor | None = None
) -> Timing:
    cold: list[float] = []
    reads: list[int] = []
    for _ in range(cold_runs if evict is not None else 0):
        assert evict is not None
        evict(conn)
        before = pages_read(conn)
        started = time.perf_counter()
        case.run(conn)
        cold.append(1000 * (time.perf_counter() - started))
        conn.rollback()
        reads.append(pages_read(conn) - before)
    times = []
    detail = ""
    for _ in range(runs):
        started = time.perf_counter()
        detail = case.run(conn)
        times.append(1000 * (time.perf_counter() - started))
        conn.rollback()  # a fresh snapshot per run, as each GUI read has
    return Timing(
        case.label,
        statistics.median(times),
        tuple(times),
        detail,
        statistics.median(cold) if cold else None,
        int(statistics.median(reads)) if reads else 0,
    )


def _pick_software(conn: Connection) -> tuple[Any, str]:
    """The most installed entry, and a name only the big machines have (a tenth of them)."""
    from ocs_desktop.fleet.software_catalog import SoftwareQuery, fetch_software

    top = fetch_software(conn, SoftwareQuery(sort_key="installs", descending=True), 0, 1)[0]
    rare = conn.execute(
        text(
            "SELECT n.NAME FROM ocsdesktop_software_summary s "
            "JOIN software_name n ON n.ID = s.NAME_ID GROUP BY n.ID, n.NAME "
            "HAVING SUM(s.INSTALLS) BETWEEN :low AND :high ORDER BY n.NAME LIMIT 1"
        ),
        {"low": top.installs // 50, "high": top.installs // 5},
    ).scalar_one()
    conn.rollback()
    return top, rare


def _big_machine(conn: Connection) -> int:
    """The newest machine with the sample's ~900 software (one in ten)."""
    newest = conn.execute(text("SELECT MAX(ID) FROM hardware")).scalar_one()
    for machine in range(newest, newest - 20, -1):
        count = conn.execute(
            text("SELECT COUNT(*) FROM software WHERE HARDWARE_ID = :id"), {"id": machine}
        ).scalar_one()
        if count > 800:
            conn.rollback()
            return machine
    raise LookupError("no machine with the full sample's software")


def _admin_field(conn: Connection) -> str:
    """An admin field "Room" on every machine (a text column of accountinfo, unindexed, as
    OCS creates it); added once, kept with the fleet. Its column key (``admin:fields_3``)."""
    from ocs_desktop.fleet.admin_data import AdminFieldType
    from ocs_desktop.fleet.admin_fields import add_field, list_fields

    found = [f for f in list_fields(conn) if f.name == "BENCHROOM"]
    conn.rollback()
    if found:
        return f"admin:{found[0].column}"
    with step("admin field BENCHROOM on every machine"):
        field = add_field(conn, "BENCHROOM", AdminFieldType.TEXT, "Room")
        conn.commit()
        conn.execute(
            text(
                f"UPDATE accountinfo SET {_q(conn, field.column)} = "
                "CONCAT('room ', LPAD(HARDWARE_ID * 7 % 500, 3, '0'))"
            )
        )
        conn.commit()
        conn.execute(text("ANALYZE TABLE accountinfo")).all()
        conn.commit()
    return f"admin:{field.column}"


def cases(conn: Connection) -> list[Case]:
    from ocs_desktop.fleet.machine_columns import CATALOGUE, CLASSIC_KEYS
    from ocs_desktop.fleet.machine_detail import load_machine_detail
    from ocs_desktop.fleet.machines import MachineQuery, count_machines, fetch_machines

    classic = set(CLASSIC_KEYS)
    from ocs_desktop.fleet.search import Criterion, Operator, Search
    from ocs_desktop.fleet.software_catalog import (
        SoftwareFilter,
        SoftwareQuery,
        count_software,
        fetch_software,
    )

    top, rare_name = _pick_software(conn)
    common_name = top.name
    big_machine = _big_machine(conn)
    middle = conn.execute(
        text("SELECT NAME FROM hardware ORDER BY ID LIMIT 1 OFFSET :n"),
        {"n": conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one() // 2},
    ).scalar_one()
    conn.rollback()
    # Name prefixes of about 1,000 and 10 machines (names are pc-NNNNNN).
    broad, narrow = middle[:-3], middle[:-1]

    def machines(query: Any) -> Callable[[Connection], str]:
        def run(c: Connection) -> str:
            rows = fetch_machines(c, query, 0, 200)
            total = count_machines(c, query)
            return f"{len(rows)} rows of {total:,}"

        return run

    def software(query: Any) -> Callable[[Connection], str]:
        def run(c: Connection) -> str:
            rows = fetch_software(c, query, 0, 200)
            total = count_software(c, query)
            return f"{len(rows)} rows of {total:,}"

        return run

    def detail(c: Connection) -> str:
        found = load_machine_detail(c, big_machine)
        rows = sum(len(category.rows) for category in found.categories.values())
        return f"machine {big_machine}: {rows} rows in {len(found.categories)} categories"

    room = _admin_field(conn)
    # Every column the machines list can sort by (the column picker offers them all).
    sorts = [
        Case(
            f"machines: sorted by {key}",
            machines(MachineQuery(sort_key=key, columns=(key,) if key not in classic else ())),
        )
        for key in (*CATALOGUE, room)
        if key not in ("name", "lastdate")  # measured above
    ]
    sorts.append(
        Case(
            "machines: by IP address, descending",
            machines(MachineQuery(sort_key="ipaddr", descending=True)),
        )
    )
    sorts.append(
        Case(
            "machines: name descending, 12 extra columns",
            machines(
                MachineQuery(
                    sort_key="name", descending=True, columns=tuple(list(CATALOGUE)[12:24])
                )
            ),
        )
    )

    search = Search(
        (
            Criterion("software.NAME", Operator.equals, common_name),
            Criterion("software.NAME", Operator.equals, rare_name),
            Criterion("hardware.OSNAME", Operator.contains, "Windows"),
        )
    )
    return [
        Case("machines: first page + count", machines(MachineQuery())),
        Case(
            "machines: by last inventory, newest first",
            machines(MachineQuery(sort_key="lastdate", descending=True)),
        ),
        Case(f"machines: quick filter {broad!r} (name prefix)", machines(MachineQuery(broad))),
        Case(f"machines: quick filter {narrow!r}", machines(MachineQuery(narrow))),
        Case("software: first page + count", software(SoftwareQuery())),
        Case(
            "software: by installs, most first",
            software(SoftwareQuery(sort_key="installs", descending=True)),
        ),
        Case("software: text filter 'lib'", software(SoftwareQuery(text="lib"))),
        Case(
            f"machines having {common_name!r} (everywhere)",
            machines(MachineQuery(filter=SoftwareFilter(top.name_id, label=common_name))),
        ),
        Case(
            "search: 2 software names + OS contains 'Windows'",
            machines(MachineQuery(filter=search)),
        ),
        Case("one machine's full detail", detail),
        *sorts,
    ]


def explain(conn: Connection, case: Case) -> None:
    """MariaDB's ``ANALYZE`` (EXPLAIN with the rows each step really read) of every
    statement one run of ``case`` executes."""
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    event.listen(conn.engine, "before_cursor_execute", capture)
    try:
        case.run(conn)
        conn.rollback()
    finally:
        event.remove(conn.engine, "before_cursor_execute", capture)
    for statement, parameters in captured:
        log(f"    ANALYZE {' '.join(statement.split())[:400]}")
        result = conn.exec_driver_sql("ANALYZE " + statement, parameters)
        log(f"      {tuple(result.keys())}")
        for row in result:
            log(f"      {tuple(row)}")
        conn.rollback()


def reference_baseline(conn: Connection, names: tuple[str, str], runs: int) -> None:
    """What OCS Reports' own queries take here, on OCS's indexes (``reference_console``)."""
    try:
        from reference_console import reference_queries, search, time_reference
    except ImportError:
        log("\nNo reference console queries (bench/reference_console.py): no baseline.")
        return
    queries = reference_queries(conn, software_names=names, os_contains="Windows")
    # OCS joins both names onto one software row: with two names it finds nothing at once
    # ("Impossible WHERE"). The same name twice is the heaviest search it answers right.
    queries += [
        (f"{label} [the first name twice]", sql, params)
        for label, sql, params in search(conn, (names[0], names[0]), "Windows")
    ]
    conn.rollback()
    # Its software counts read every software row: last, and stopped after COUNTS_CAP_S.
    counts = [q for q in queries if q[0].startswith("all software: install counts")]
    pages = [q for q in queries if q not in counts]
    log("\nBaseline: the queries OCS Reports runs for the same pages, on OCS's indexes only")
    for label, median_ms, detail in time_reference(conn, pages, runs):
        log(f"  {median_ms:9.1f} ms  {label}  ({detail})")
    conn.rollback()
    capped = [
        (label, f"SET STATEMENT max_statement_time = {COUNTS_CAP_S} FOR {sql}", params)
        for label, sql, params in counts
    ]
    try:
        for label, median_ms, detail in time_reference(conn, capped, 1):
            log(f"  {median_ms:9.1f} ms  {label}  ({detail})")
    except DBAPIError as error:  # max_statement_time exceeded
        log(f"  over {COUNTS_CAP_S} s, stopped  {counts[0][0]}  ({error.orig})")
    conn.rollback()


def measure(url: str, runs: int, cold_runs: int, *, show_explain: bool) -> int:
    engine = create_engine_for(url)
    created = _console_indexes(engine)
    if created:
        log(f"created console indexes: {', '.join(created)}")
    with engine.connect() as conn:
        version = conn.execute(text("SELECT VERSION()")).scalar_one()
        pool = conn.execute(text("SELECT @@innodb_buffer_pool_size")).scalar_one()
        flush = conn.execute(text("SELECT @@innodb_flush_method")).scalar_one()
        machines = conn.execute(text("SELECT COUNT(*) FROM hardware")).scalar_one()
        software_rows = conn.execute(text("SELECT COUNT(*) FROM software")).scalar_one()
        state = summary_state(conn)
        conn.rollback()
        log(
            f"\nMariaDB {version}, buffer pool {int(pool) // 2**20} MB ({flush}), "
            f"{os.cpu_count()} CPUs; {machines:,} machines, {software_rows:,} software rows, "
            f"{state.entries:,} distinct software"
        )
        evict = Evictor(conn) if cold_runs else None
        timings = []
        all_cases = cases(conn)
        for case in all_cases:
            timing = time_case(conn, case, runs, cold_runs, evict)
            timings.append(timing)
            verdict = "PASS" if timing.worst_ms <= TARGET_MS else "FAIL"
            cold = f"cold {timing.cold_ms:8.1f} ms, " if timing.cold_ms is not None else ""
            log(
                f"  {cold}warm {timing.median_ms:8.1f} ms  {verdict}  {case.label}  "
                f"({timing.detail})"
            )
            if show_explain or verdict == "FAIL":
                explain(conn, case)
        started = time.perf_counter()
        conn.execute(text("SELECT COUNT(*) FROM software")).scalar_one()
        count_s = time.perf_counter() - started
        conn.rollback()
        names = _search_names(conn)
        # One run each: OCS's software counts read every software row (minutes at 90 M).
        reference_baseline(conn, names, 1)

    engine.dispose()

    width = max(len(t.label) for t in timings)
    log(
        f"\nTarget {TARGET_MS:.0f} ms, {machines:,} machines, {software_rows:,} software rows. "
        f"Warm: median of {runs} runs in a row. Cold: median of {cold_runs} runs, each after "
        "evicting the buffer pool (reads: pages read from disk per cold run)."
    )
    heads = f"{'cold':>9}  {'reads':>6}  {'warm':>9}  {'min':>8}  {'max':>8}"
    log(f"  {'query':{width}}  {heads}  result")
    failed = 0
    for t in timings:
        verdict = "PASS" if t.worst_ms <= TARGET_MS else "FAIL"
        failed += verdict == "FAIL"
        cold = f"{t.cold_ms:7.1f}ms" if t.cold_ms is not None else f"{'-':>9}"
        log(
            f"  {t.label:{width}}  {cold}  {t.cold_reads:6d}  {t.median_ms:7.1f}ms  "
            f"{min(t.runs_ms):6.1f}ms  {max(t.runs_ms):6.1f}ms  {verdict}"
        )
    log(f"Staleness check (summary_state verify=True, COUNT(*) of software): {count_s:.1f} s.")
    log(f"{failed} of {len(timings)} queries over {TARGET_MS:.0f} ms." if failed else "All pass.")
    return 1 if failed else 0


def _search_names(conn: Connection) -> tuple[str, str]:
    top, rare = _pick_software(conn)
    return str(top.name), str(rare)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default=DEFAULT_URL, help=f"MariaDB database (default {DEFAULT_URL})"
    )
    parser.add_argument("--machines", type=int, default=100_000)
    parser.add_argument("--templates", type=int, default=20, help="machines ingested for real")
    parser.add_argument(
        "--small-share",
        type=float,
        default=0.0,
        help="share of machines with 150 software instead of the sample's ~900 (default 0)",
    )
    parser.add_argument("--runs", type=int, default=7, help="warm runs per query")
    parser.add_argument(
        "--cold-runs", type=int, default=3, help="runs per query after evicting the buffer pool"
    )
    parser.add_argument("--reuse", action="store_true", help="keep the fleet if already built")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN every query")
    parser.add_argument(
        "--baseline-only", action="store_true", help="only time OCS Reports' queries (built fleet)"
    )
    args = parser.parse_args()
    if args.machines <= args.templates or args.templates < 10:
        parser.error("--machines must exceed --templates, and --templates be at least 10")
    if args.baseline_only:
        engine = create_engine_for(args.url)
        with engine.connect() as conn:
            reference_baseline(conn, _search_names(conn), 1)
        engine.dispose()
        return 0
    if not (args.reuse and fleet_ready(args.url, args.machines)):
        build_fleet(args.url, args.machines, args.templates, args.small_share)
    else:
        log(f"Reusing the fleet in {make_url(args.url).database}")
    return measure(args.url, args.runs, args.cold_runs, show_explain=args.explain)


if __name__ == "__main__":
    sys.exit(main())
