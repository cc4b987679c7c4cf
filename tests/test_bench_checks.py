"""The ingestion benches' own checks can fail: per-machine rows, and CPU found by PID.

bench/stored.py is what import_bench, server_bench and reference.py trust to say that
every machine was stored with exactly its rows; bench/cpu.py is how they charge CPU to
the processes they started. A check that cannot fail proves nothing, so these tests
break the data on purpose and expect the check to say so.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import Engine, event, make_url, text

from bench import cpu, floor, stored
from bench.fleet import Fleet
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.protocol.document import parse_inventory

FLEET = Fleet(software_limit=40)


def _ingest(engine: Engine, count: int) -> tuple[list[stored.Expected], list[int]]:
    ingestor = Ingestor(engine)
    machines = list(FLEET.machines(count, run="checks"))
    ids = [ingestor.ingest(parse_inventory(m.body)).hardware_id for m in machines]
    return [stored.expected(m.body) for m in machines], ids


def test_expected_rows_are_read_from_the_xml() -> None:
    machine = FLEET.machine(0)
    facts = stored.expected(machine.body)
    assert facts.deviceid == machine.deviceid
    assert facts.rows["software"] == FLEET.software_count == sum(facts.software.values())
    assert facts.rows["bios"] == 1
    assert facts.rows["networks"] == machine.body.count(b"<NETWORKS>")
    day1 = stored.expected(FLEET.machine(0, day=1).body)
    assert day1.software != facts.software and day1.rows["software"] == facts.rows["software"]


def test_every_machine_checks_out_after_a_real_ingestion(engine: Engine) -> None:
    expected, _ = _ingest(engine, 3)
    with engine.connect() as conn:
        verdict = stored.verify(conn, expected)
    assert verdict.ok, verdict.summary()
    assert verdict.complete == 3


def test_errors_that_cancel_out_in_the_totals_are_caught(engine: Engine) -> None:
    expected, ids = _ingest(engine, 3)
    with engine.begin() as conn:
        # Machine 0 loses a software row and machine 1 gains one: the total is unchanged.
        row = conn.execute(
            text("SELECT ID FROM software WHERE HARDWARE_ID = :h ORDER BY ID LIMIT 1"),
            {"h": ids[0]},
        ).scalar()
        conn.execute(
            text("UPDATE software SET HARDWARE_ID = :to WHERE ID = :id"), {"to": ids[1], "id": row}
        )
        conn.execute(text("DELETE FROM networks WHERE HARDWARE_ID = :h"), {"h": ids[2]})
    with engine.connect() as conn:
        verdict = stored.verify(conn, expected)
    assert not verdict.ok
    assert verdict.complete == 0
    assert verdict.wrong_by_table == {"software": 2, "networks": 1}
    assert verdict.wrong_software_list == 2


def test_a_lost_machine_and_its_orphan_rows_are_reported(engine: Engine) -> None:
    expected, ids = _ingest(engine, 2)
    with engine.begin() as conn:
        before = stored.orphan_rows(conn, stored.checked_tables(conn))
        conn.execute(text("DELETE FROM hardware WHERE ID = :h"), {"h": ids[1]})
    with engine.connect() as conn:
        verdict = stored.verify(conn, expected, orphans_before=before)
    assert (verdict.complete, verdict.missing) == (1, 1)
    assert verdict.orphans == sum(expected[1].rows.values())
    assert "1 missing" in verdict.summary()


def test_a_process_trees_cpu_counts_children_already_reaped() -> None:
    before = cpu.tree_cpu(os.getpid())
    burn = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    subprocess.run([sys.executable, "-c", burn], check=True)  # started, burned, reaped
    assert cpu.tree_cpu(os.getpid()) - before >= 0.25


@pytest.mark.mariadb
def test_the_mariadb_pid_is_the_server_behind_the_connection(mysql_server_url: str) -> None:
    from ocs_desktop.db.engines import create_engine_for

    engine = create_engine_for(mysql_server_url)
    with engine.connect() as conn:
        pid = cpu.mariadb_pid(conn)
        port = conn.execute(text("SELECT @@port")).scalar()
    engine.dispose()
    if pid is None:
        pytest.skip("MariaDB is not a local process here")
    assert cpu._listening_pid(int(port)) == pid
    assert cpu.process_cpu(pid) > 0


@pytest.mark.mariadb
@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_the_floor_copies_a_machines_software_and_leaves_nothing_behind(engine: Engine) -> None:
    expected, _ = _ingest(engine, 3)
    with engine.connect() as conn:
        pid = cpu.mariadb_pid(conn)
        total = conn.execute(text("SELECT COUNT(*) FROM software")).scalar()
    if pid is None:
        pytest.skip("MariaDB is not a local process here")
    copied: list[int] = []

    @event.listens_for(engine, "after_cursor_execute")
    def count_copies(conn: object, cursor: Any, statement: str, *rest: object) -> None:
        if statement.startswith("INSERT INTO software"):
            copied.append(cursor.rowcount)

    measured = floor.software_floor(engine, lambda: cpu.process_cpu(pid), rounds=2, copies=3)
    event.remove(engine, "after_cursor_execute", count_copies)
    assert measured.rows == FLEET.software_count
    assert copied == [FLEET.software_count] * 6
    assert measured.cpu_s >= 0
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM software")).scalar() == total
        verdict = stored.verify(conn, expected)
    assert verdict.ok, verdict.summary()


@pytest.mark.mariadb
def test_the_stage_bench_adds_up_and_leaves_no_database(mysql_server_url: str) -> None:
    """bench/ingest_stages.py on real machines: every stage measured, the software keys and
    values read inside the store, the total the sum of the stages it names, and its
    database dropped."""
    from ocs_desktop.db.engines import create_engine_for

    prefix = "ocs_test_stages"
    server = make_url(mysql_server_url).set(query={}).render_as_string(hide_password=False)
    done = subprocess.run(
        [sys.executable, "bench/ingest_stages.py", "--machines", "3", "--rounds", "1",
         "--mysql-url", server, "--db-prefix", prefix],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    figures: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        cells = line.split()
        if cells and cells[0] in ("inflate", "parse", "envelope", "store", "of", "total"):
            figures[" ".join(cells[: len(cells) - 3])] = cells[-3:]
    assert list(figures) == [
        "inflate", "parse", "envelope", "store (client)", "of which keys", "of which values",
        "store (MariaDB)", "total",
    ]  # fmt: skip
    ours = {name: float(cells[0]) for name, cells in figures.items()}
    assert all(value > 0 for value in ours.values()), ours
    parts = ["inflate", "parse", "envelope", "store (client)", "store (MariaDB)"]
    assert abs(sum(ours[name] for name in parts) - ours["total"]) < 0.05
    # Keys and values are part of the store, never more than it.
    assert ours["of which keys"] + ours["of which values"] < ours["store (client)"]
    for name in ("inflate", "parse", "of which keys", "of which values", "store (MariaDB)"):
        assert float(figures[name][1]) > 0, name  # a bare figure, measured
    assert figures["envelope"][1] == "-" and figures["store (client)"][1] == "-"
    engine = create_engine_for(mysql_server_url)
    with engine.connect() as conn:
        left = conn.execute(text("SHOW DATABASES LIKE 'ocs_test_stages%'")).all()
    engine.dispose()
    assert left == []
