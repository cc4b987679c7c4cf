"""What every database node must hold after the load: the same rows, every machine once
and complete, no orphans."""

from __future__ import annotations

import time

import pymysql
from nodes import Node

DATABASE = "ocsweb"


def wait_converged(nodes: list[Node], timeout: float = 120.0) -> None:
    """Until every node is Synced and all have applied the same last write-set."""
    deadline = time.monotonic() + timeout
    last: list[str | None] = []
    while time.monotonic() < deadline:
        try:
            states = [node.status("wsrep_local_state_comment") for node in nodes]
            seqnos = [node.status("wsrep_last_committed") for node in nodes]
        except pymysql.MySQLError:
            time.sleep(0.5)
            continue
        if all(state == "Synced" for state in states) and len(set(seqnos)) == 1:
            if seqnos == last:
                return
            last = seqnos
        time.sleep(0.5)
    raise TimeoutError(f"nodes not converged after {timeout:.0f} s")


def _tables(cur: pymysql.cursors.Cursor) -> list[str]:
    cur.execute(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
        "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
        (DATABASE,),
    )
    return [str(row[0]) for row in cur.fetchall()]


def snapshot(node: Node, expected: dict[str, int], deviceids: set[str]) -> dict[str, object]:
    """Per-table row counts and checksums, and the problems found on this node."""
    conn = node.connect(DATABASE)
    problems: list[str] = []
    try:
        with conn.cursor() as cur:
            tables = _tables(cur)
            counts: dict[str, int] = {}
            for table in tables:
                cur.execute(f"SELECT COUNT(*) FROM `{table}`")
                counts[table] = int(cur.fetchone()[0])
            cur.execute(f"CHECKSUM TABLE {', '.join(f'`{t}`' for t in tables)}")
            checksums = {str(name).split(".")[-1]: value for name, value in cur.fetchall()}
            cur.execute("SELECT DEVICEID, ID FROM hardware")
            ids: dict[str, list[int]] = {}
            for deviceid, hid in cur.fetchall():
                ids.setdefault(deviceid, []).append(int(hid))
            missing = deviceids - ids.keys()
            duplicated = [d for d in deviceids if len(ids.get(d, [])) > 1]
            strangers = ids.keys() - deviceids
            if missing or duplicated or strangers:
                problems.append(
                    f"{len(missing)} missing, {len(duplicated)} duplicated, "
                    f"{len(strangers)} unexpected machines"
                )
            mine = {ids[d][0] for d in deviceids if d in ids}
            for table, count in expected.items():
                cur.execute(f"SELECT HARDWARE_ID, COUNT(*) FROM `{table}` GROUP BY HARDWARE_ID")
                per_machine = dict(cur.fetchall())
                wrong = [h for h in mine if per_machine.get(h, 0) != count]
                if wrong:
                    problems.append(f"{table}: {len(wrong)} machines without exactly {count} rows")
            cur.execute(
                "SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s "
                "AND COLUMN_NAME = 'HARDWARE_ID'",
                (DATABASE,),
            )
            orphans: dict[str, int] = {}
            for (table,) in cur.fetchall():
                cur.execute(
                    f"SELECT COUNT(*) FROM `{table}` t WHERE t.HARDWARE_ID <> 0 AND NOT EXISTS "
                    "(SELECT 1 FROM hardware h WHERE h.ID = t.HARDWARE_ID)"
                )
                found = int(cur.fetchone()[0])
                if found:
                    orphans[str(table)] = found
            if orphans:
                problems.append(f"orphans: {orphans}")
    finally:
        conn.close()
    return {
        "machines": len(mine),
        "counts": counts,
        "checksums": checksums,
        "problems": problems,
    }


def compare(snapshots: dict[str, dict[str, object]]) -> list[str]:
    """Tables whose count or checksum differs between nodes."""
    names = list(snapshots)
    first = snapshots[names[0]]
    differ = []
    for other in names[1:]:
        for key in ("counts", "checksums"):
            a, b = first[key], snapshots[other][key]
            assert isinstance(a, dict) and isinstance(b, dict)
            for table in sorted(set(a) | set(b)):
                if a.get(table) != b.get(table):
                    differ.append(
                        f"{table} {key}: {names[0]}={a.get(table)} {other}={b.get(table)}"
                    )
    return differ
