"""MariaDB's floor for a new machine, measured live: what storing its software alone costs.

Issue 16 aims new-machine ingestion (server + MariaDB CPU) at twice "the MariaDB floor".
A constant floor would be a figure from another machine, another buffer pool and another
table size, so the benches measure it in the run, on the table they just filled: MariaDB
copies one stored machine's software rows to a new HARDWARE_ID with ``INSERT … SELECT``,
server-side (no SQL text to parse, no client, no dictionary look-ups, OCS's indexes and
ours all maintained) and commits, ``copies`` times per round. The CPU MariaDB spends per
copy is the least any server could make it spend to store that machine's software; the
rest of an inventory (hardware, networks, the other sections) is not in it. The copies
are deleted before the function returns, outside the timing.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, text

from ocs_desktop.models import Base

#: HARDWARE_IDs of the copies: above any machine a bench creates, and never a machine.
FIRST_COPY_ID = 2_000_000_000
#: Every column a copy carries over: all of the model's but the row's id and its machine.
SOFTWARE_COLUMNS = ", ".join(
    column.name
    for column in Base.metadata.tables["software"].columns
    if column.name not in ("ID", "HARDWARE_ID")
)


@dataclass(frozen=True)
class Floor:
    cpu_s: float  # MariaDB CPU per copy (median of the rounds' means)
    rows: int  # software rows per copy


def software_floor(
    engine: Engine, db_cpu: Callable[[], float], *, rounds: int = 3, copies: int = 20
) -> Floor:
    """MariaDB CPU to store the software rows of the stored machine that has the most;
    ``db_cpu`` reads MariaDB's CPU seconds (bench/cpu.py, by PID)."""
    with engine.connect() as conn:
        source, rows = conn.execute(
            text(
                "SELECT HARDWARE_ID, COUNT(*) AS n FROM software "
                "WHERE HARDWARE_ID < :first GROUP BY HARDWARE_ID ORDER BY n DESC LIMIT 1"
            ),
            {"first": FIRST_COPY_ID},
        ).one()
    copy = text(
        f"INSERT INTO software (HARDWARE_ID, {SOFTWARE_COLUMNS}) "
        f"SELECT :target, {SOFTWARE_COLUMNS} FROM software WHERE HARDWARE_ID = :source"
    )
    means = []
    target = FIRST_COPY_ID
    try:
        for _ in range(rounds):
            before = db_cpu()
            for _ in range(copies):
                with engine.begin() as conn:
                    conn.execute(copy, {"target": target, "source": source})
                target += 1
            means.append((db_cpu() - before) / copies)
    finally:
        with engine.begin() as conn:
            conn.execute(
                text("DELETE FROM software WHERE HARDWARE_ID >= :first"), {"first": FIRST_COPY_ID}
            )
    return Floor(statistics.median(means), int(rows))
