"""``ocs-desktop db upgrade`` of a pre-2.8 OCS database at fleet scale, on MariaDB.

    python bench/db_upgrade_bench.py --machines 5000 --rows 900

Builds database ``ocs_upgrade_bench`` as OCS 2.3 left it (schema 7006, from
``tests/support/legacy_schema.py``): ``utf8``/``utf8_bin``, MyISAM where OCS had it, the
installed software in ``softwares``. One template machine gets ``--rows`` software rows
(the test fleet's awkward ones included: NULL and empty publishers and versions, zero
dates, a package listed twice), then MariaDB clones it server-side (``seq_1_to_N``, one
INSERT ... SELECT per chunk of machines) into N machines, a quarter of their packages
renamed and re-versioned per machine so the dictionaries hold thousands of names.

Then ``ocs-desktop db upgrade`` runs as a subprocess, as an administrator would run it;
the bench prints the machines and rows, the minutes of each phase (read from its progress
lines) and in all, the rows moved per second, and the peak resident memory of that
process. It verifies after: ``db check`` passes, ``softwares`` is gone, every machine has
exactly ``--rows`` software rows, and three machines spread over the fleet have, name,
version and publisher, the very software the backup's ``softwares`` holds for them. The
database and its backup are dropped unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the legacy schema lives with the tests
from ocs_desktop.db.engines import create_engine_for, normalize_url  # noqa: E402
from ocs_desktop.db.schema import check_database  # noqa: E402
from tests.support.legacy_schema import (  # noqa: E402
    create_legacy_database,
    create_legacy_schema,
    drop_databases,
    fill_legacy,
)

DEFAULT_SERVER = os.environ.get("OCS_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306")
DATABASE = "ocs_upgrade_bench"
TEMPLATE = 10
#: Machines cloned per INSERT ... SELECT.
CLONE_CHUNK = 500
PHASES = (
    "Backing up",
    "Upgrading the schema",
    "Filling the software dictionaries",
    "Moving software",
    "Summarizing software",
)
SOFTWARE_COLUMNS = (
    "PUBLISHER, NAME, VERSION, FOLDER, COMMENTS, FILENAME, FILESIZE, SOURCE, GUID, "
    "LANGUAGE, INSTALLDATE, BITSWIDTH"
)


def log(message: str) -> None:
    print(message, flush=True)


def machine_id(n: int) -> int:
    """The id of the n-th machine (0-based): ids leave holes, as deletions do."""
    return TEMPLATE + 3 * n


def build(server: str, machines: int, rows: int) -> str:
    """The legacy database, its template machine cloned into ``machines``; its URL."""
    drop_databases(server, DATABASE)
    url = normalize_url(create_legacy_database(server, DATABASE))
    engine = create_engine_for(url)
    started = time.monotonic()
    try:
        metadata = create_legacy_schema(engine, 7006)
        fill_legacy(engine, metadata, 1, rows, first=TEMPLATE)
        with engine.begin() as conn:
            for low in range(1, machines, CLONE_CHUNK):
                high = min(low + CLONE_CHUNK - 1, machines - 1)
                _clone(conn, low, high)
            counted = conn.execute(text("SELECT COUNT(*) FROM softwares")).scalar_one()
    finally:
        engine.dispose()
    log(f"Built {machines} machines, {counted} software rows in {time.monotonic() - started:.0f} s")
    return url


def _clone(conn: Connection, low: int, high: int) -> None:
    """Machines ``low`` to ``high`` (0-based) as copies of the template."""
    seq = f"seq_{low}_to_{high}"
    new_id = f"{TEMPLATE} + 3 * q.seq"
    conn.execute(
        text(
            f"INSERT INTO hardware (ID, DEVICEID, NAME) SELECT {new_id}, "
            f"CONCAT('pc-', {new_id}, '-2017-01-01-00-00-00'), CONCAT('pc', q.seq) FROM {seq} q"
        )
    )
    conn.execute(
        text(
            f"INSERT INTO devices (HARDWARE_ID, NAME, IVALUE) SELECT {new_id}, 'FREQUENCY', q.seq "
            f"FROM {seq} q"
        )
    )
    # A quarter of each machine's packages get a name and version of their own kind.
    conn.execute(
        text(
            f"INSERT INTO softwares (HARDWARE_ID, {SOFTWARE_COLUMNS}) SELECT {new_id}, "
            "t.PUBLISHER, IF(t.ID % 4 = 0, CONCAT(t.NAME, ' ', q.seq % 97), t.NAME), "
            "IF(t.ID % 4 = 1, CONCAT(t.VERSION, '.', q.seq % 13), t.VERSION), t.FOLDER, "
            "t.COMMENTS, t.FILENAME, t.FILESIZE, t.SOURCE, t.GUID, t.LANGUAGE, t.INSTALLDATE, "
            f"t.BITSWIDTH FROM {seq} q JOIN softwares t "
            f"WHERE t.HARDWARE_ID = {TEMPLATE}"
        )
    )


def upgrade(url: str, batch_rows: int) -> tuple[float, dict[str, float], float]:
    """Run ``ocs-desktop db upgrade``; its wall time, seconds per phase, peak RSS in MiB."""
    command = [sys.executable, "-m", "ocs_desktop", "db", "upgrade", url]
    command += ["--batch-rows", str(batch_rows)]
    started = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stderr is not None and child.stdout is not None
    seen: dict[str, float] = {}
    err = b""
    while chunk := os.read(child.stderr.fileno(), 65536):
        err += chunk
        now = time.monotonic()
        for phase in PHASES:
            if phase not in seen and phase.encode() in err:
                seen[phase] = now
    out = child.stdout.read().decode()
    code = child.wait()
    wall = time.monotonic() - started
    if code != 0:
        sys.exit(f"db upgrade failed ({code}):\n{out}\n{err.decode(errors='replace')[-2000:]}")
    print(out, end="")
    marks = [*sorted(seen.items(), key=lambda item: item[1]), ("end", started + wall)]
    phases = {name: marks[i + 1][1] - at for i, (name, at) in enumerate(marks[:-1])}
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, phases, peak


def verify(url: str, machines: int, rows: int, backup: str) -> None:
    """db check passes; every machine has its rows; three of them exactly the backup's."""
    engine = create_engine_for(url)
    try:
        report = check_database(engine)
        assert report.ok and report.version == "7069", report.format()
        with engine.connect() as conn:
            tables = conn.execute(text("SHOW TABLES LIKE 'softwares'")).all()
            assert not tables, "softwares is still there"
            counts = Counter(
                conn.execute(text("SELECT COUNT(*) FROM software GROUP BY HARDWARE_ID")).scalars()
            )
            assert counts == Counter({rows: machines}), counts.most_common(3)
            for n in (0, machines // 2, machines - 1):
                machine = machine_id(n)
                after = Counter(
                    tuple(row)
                    for row in conn.execute(
                        text(
                            "SELECT n.NAME, v.VERSION, p.PUBLISHER FROM software s "
                            "JOIN software_name n ON n.ID = s.NAME_ID "
                            "JOIN software_version v ON v.ID = s.VERSION_ID "
                            "JOIN software_publisher p ON p.ID = s.PUBLISHER_ID "
                            "WHERE s.HARDWARE_ID = :m"
                        ),
                        {"m": machine},
                    )
                )
                before = Counter(
                    tuple(row)
                    for row in conn.execute(
                        text(
                            "SELECT COALESCE(NAME, ''), IF(COALESCE(VERSION, '') = '', "
                            "'Unavailable', VERSION), IF(COALESCE(PUBLISHER, '') = '', "
                            f"'Unavailable', PUBLISHER) FROM `{backup}`.softwares "
                            "WHERE HARDWARE_ID = :m"
                        ),
                        {"m": machine},
                    )
                )
                assert after == before and after.total() == rows, machine
    finally:
        engine.dispose()
    log(f"Verified: db check OK, {machines} machines x {rows} rows, 3 machines row for row")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=DEFAULT_SERVER, help="MariaDB server URL")
    parser.add_argument("--machines", type=int, default=5000)
    parser.add_argument("--rows", type=int, default=900, help="software rows per machine")
    parser.add_argument("--batch-rows", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the database and backup")
    args = parser.parse_args()
    if args.machines < 2 or args.rows < 10:
        parser.error("--machines must be at least 2 and --rows at least 10")
    url = build(args.server, args.machines, args.rows)
    total = args.machines * args.rows
    wall, phases, peak = upgrade(url, args.batch_rows)
    engine = create_engine(args.server)
    with engine.connect() as conn:
        backup = conn.execute(
            text("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE :p"),
            {"p": f"{DATABASE}\\_backup\\_%"},
        ).scalar_one()
    engine.dispose()
    verify(url, args.machines, args.rows, backup)
    log("")
    log(f"machines            {args.machines}")
    log(f"software rows       {total}")
    for name, seconds in phases.items():
        log(f"  {name:<34}{seconds / 60:6.2f} min")
    log(f"db upgrade, in all  {wall / 60:.2f} min ({total / wall:,.0f} rows/s)")
    log(f"peak RSS            {peak:.0f} MiB (the db upgrade process)")
    if not args.keep:
        drop_databases(args.server, DATABASE)
    else:
        log(f"Kept {make_url(url).database} and {backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
