"""The dashboard's new charts on the real sample fleet: counts and machines equal plain SQL.

Models, memory classes, free disk space, top software, deployment outcomes and inventories
per day, on SQLite and MariaDB. Every expectation is computed here in Python from plain
SQL rows, and every bar's filter must list exactly the machines it counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from sqlalchemy import Connection, Engine, text

from ocs_desktop.fleet.dashboard import (
    Bar,
    day_bars,
    disk_bars,
    memory_bars,
    model_bars,
    outcome_bars,
    software_bars,
)
from ocs_desktop.fleet.filters import DOWNLOAD_OUTCOMES, DownloadOutcomeFilter
from ocs_desktop.fleet.machines import MachineQuery, fetch_machines
from ocs_desktop.packager.status import WAITING, Category, category
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]
MACHINES = "DEVICEID NOT IN ('_SYSTEMGROUP_', '_DOWNLOADGROUP_')"
#: Statuses put on DOWNLOAD rows, covering every bucket of ``packager.status.category``.
STATUSES = (None, "NOTIFIED", "SUCCESS", "SUCCESS_ALREADY_SETUP", "EXIT_CODE_0",
            "EXIT_CODE_1", "ERR_BAD_DIGEST", "WAITING", "ERR_TIMEOUT")  # fmt: skip


def enrich(engine: Engine, facts: FleetFacts) -> dict[str, int]:
    """Vary memory, drives, models and deployments over the sample fleet; names by ID."""
    names = sorted(facts.ids_by_name)
    memory = (None, 0, 2048, 4096, 8191, 16384, 32768, 65536, 4000, 12000)
    with engine.begin() as conn:
        for index, name in enumerate(names):
            hid = facts.ids_by_name[name]
            conn.execute(
                text("UPDATE hardware SET MEMORY = :m WHERE ID = :i"),
                {"m": memory[index % len(memory)], "i": hid},
            )
            # The fullest drive decides: shares of 5 %, 15 %, 50 %, or no drive at all.
            if index % 4 == 0:
                conn.execute(
                    text("UPDATE drives SET FREE = TOTAL / 20 WHERE HARDWARE_ID = :i"), {"i": hid}
                )
            elif index % 4 == 1:
                conn.execute(
                    text("UPDATE drives SET FREE = TOTAL * 15 / 100 WHERE HARDWARE_ID = :i"),
                    {"i": hid},
                )
            elif index % 4 == 3 and name != "vm":
                conn.execute(text("DELETE FROM drives WHERE HARDWARE_ID = :i"), {"i": hid})
            if index % 3 == 0:
                conn.execute(
                    text(
                        "UPDATE bios SET SMANUFACTURER = 'Dell Inc.', SMODEL = :m "
                        "WHERE HARDWARE_ID = :i"
                    ),
                    {"m": f"OptiPlex {index % 2}", "i": hid},
                )
            if index == 1:
                conn.execute(text("DELETE FROM bios WHERE HARDWARE_ID = :i"), {"i": hid})
            for package in range(index % 3):
                status = STATUSES[(index + package) % len(STATUSES)]
                conn.execute(
                    text(
                        "INSERT INTO devices (HARDWARE_ID, NAME, IVALUE, TVALUE) "
                        "VALUES (:i, 'DOWNLOAD', :p, :s)"
                    ),
                    {"i": hid, "p": 100 + package, "s": status},
                )
        # A snap image, full by design, never counts as a full drive.
        conn.execute(
            text(
                "INSERT INTO drives (HARDWARE_ID, FILESYSTEM, TOTAL, FREE, TYPE) "
                "VALUES (:i, 'squashfs', 100, 0, '/snap/core')"
            ),
            {"i": facts.ids_by_name[names[2]]},
        )
        # A group's package assignment: a DOWNLOAD row on the group's pseudo-machine.
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME, MEMORY) VALUES ('_SYSTEMGROUP_', 'g', 1)")
        )
        group = conn.execute(text("SELECT ID FROM hardware WHERE NAME = 'g'")).scalar_one()
        conn.execute(
            text("INSERT INTO devices (HARDWARE_ID, NAME, TVALUE) VALUES (:i, 'DOWNLOAD', 'X')"),
            {"i": group},
        )
        other = "INSERT INTO devices (HARDWARE_ID, NAME, TVALUE) VALUES (:i, 'FREQ', 'x')"
        conn.execute(text(other), {"i": facts.ids_by_name[names[0]]})
    return {hid: name for name, hid in facts.ids_by_name.items()}


def machines_of(conn: Connection, bar: Bar, total: int) -> set[int]:
    return {row.id for row in fetch_machines(conn, MachineQuery(filter=bar.filter), 0, total + 10)}


def check(conn: Connection, bars: list[Bar], expected: dict[str, set[int]], total: int) -> None:
    """Bar labels, counts and machines are exactly ``expected``'s."""
    assert {bar.label: bar.count for bar in bars} == {k: len(v) for k, v in expected.items()}
    for bar in bars:
        assert machines_of(conn, bar, total) == expected[bar.label], bar.label


def rows(conn: Connection, sql: str) -> list[tuple]:
    return [tuple(row) for row in conn.execute(text(sql))]


def test_memory_bars(fleet: Fleet) -> None:
    engine, facts = fleet
    enrich(engine, facts)
    expected: dict[str, set[int]] = defaultdict(set)
    with engine.connect() as conn:
        for hid, mib in rows(conn, f"SELECT ID, MEMORY FROM hardware WHERE {MACHINES}"):
            if not mib:
                label = "Unknown"
            else:
                label = next(
                    name
                    for name, top in (("< 4 GiB", 4096), ("4–8 GiB", 8192), ("8–16 GiB", 16384),  # noqa: RUF001
                                      ("16–32 GiB", 32768), ("≥ 32 GiB", 10**9))  # noqa: RUF001
                    if mib < top
                )  # fmt: skip
            expected[label].add(hid)
        bars = memory_bars(conn)
        assert len(expected) == 6
        check(conn, bars, expected, len(facts.ids_by_name))


def test_disk_bars_use_the_fullest_drive(fleet: Fleet) -> None:
    engine, facts = fleet
    enrich(engine, facts)
    with engine.connect() as conn:
        worst: dict[int, float] = {}
        for hid, filesystem, total, free in rows(
            conn, "SELECT HARDWARE_ID, FILESYSTEM, TOTAL, FREE FROM drives"
        ):
            if (
                total
                and total > 0
                and free is not None
                and (filesystem or "").lower() != "squashfs"
            ):
                worst[hid] = min(worst.get(hid, 1.0), free / total)
        expected: dict[str, set[int]] = defaultdict(set)
        for (hid,) in rows(conn, f"SELECT ID FROM hardware WHERE {MACHINES}"):
            share = worst.get(hid)
            if share is None:
                label = "No drive data"
            elif share < 0.10:
                label = "< 10 % free"
            elif share < 0.20:
                label = "10–20 % free"  # noqa: RUF001
            else:
                label = "≥ 20 % free"
            expected[label].add(hid)
        assert len(expected) == 4
        bars = disk_bars(conn)
        assert [bar.label for bar in bars] == [
            "< 10 % free",
            "10–20 % free",  # noqa: RUF001
            "≥ 20 % free",
            "No drive data",
        ]
        check(conn, bars, expected, len(facts.ids_by_name))


def test_model_bars_top_n_and_other(fleet: Fleet) -> None:
    engine, facts = fleet
    enrich(engine, facts)
    total = len(facts.ids_by_name)
    with engine.connect() as conn:
        bios_rows = rows(conn, "SELECT HARDWARE_ID, SMANUFACTURER, SMODEL FROM bios")
        bios = {hid: (m or None, mo or None) for hid, m, mo in bios_rows}
        ids = rows(conn, f"SELECT ID FROM hardware WHERE {MACHINES}")
        pairs = {hid: bios.get(hid, (None, None)) for (hid,) in ids}
        by_pair: dict[tuple, set[int]] = defaultdict(set)
        for hid, pair in pairs.items():
            by_pair[pair].add(hid)
        assert (None, None) in by_pair and len(by_pair) >= 4

        def label(pair: tuple) -> str:
            return " ".join(p for p in pair if p) or "Unknown"

        bars = model_bars(conn)
        check(conn, bars, {label(p): ids for p, ids in by_pair.items()}, total)
        assert [b.count for b in bars] == sorted((b.count for b in bars), reverse=True)
        for limit in (1, 2):
            top = model_bars(conn, limit=limit)
            assert top[-1].label == "Other" and len(top) == limit + 1
            shown: set[int] = set()
            for bar in top[:-1]:
                shown |= machines_of(conn, bar, total)
            assert machines_of(conn, top[-1], total) == set(pairs) - shown
            assert sum(b.count for b in top) == total


def test_software_bars_are_the_top_ten_by_installs(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.connect() as conn:
        installs: Counter[tuple[int, int]] = Counter()
        machines: dict[tuple[int, int], set[int]] = defaultdict(set)
        names = dict(rows(conn, "SELECT ID, NAME FROM software_name"))
        for hid, name_id, publisher_id in rows(
            conn, "SELECT HARDWARE_ID, NAME_ID, PUBLISHER_ID FROM software"
        ):
            installs[(name_id, publisher_id)] += 1
            machines[(name_id, publisher_id)].add(hid)
        bars = software_bars(conn)
        assert len(bars) == 10
        chosen = [(f.name_id, f.publisher_id) for f in (bar.filter for bar in bars)]  # type: ignore[attr-defined]
        tenth = min(installs[key] for key in chosen)
        assert all(installs[key] <= tenth for key in installs if key not in chosen)
        assert [installs[key] for key in chosen] == sorted(
            (installs[k] for k in chosen), reverse=True
        )
        for bar, key in zip(bars, chosen, strict=True):
            assert bar.label == names[key[0]]
            assert bar.count == installs[key]
            assert machines_of(conn, bar, len(facts.ids_by_name)) == machines[key]


def test_outcome_bars_follow_the_packager_categories(fleet: Fleet) -> None:
    engine, facts = fleet
    enrich(engine, facts)
    assert DOWNLOAD_OUTCOMES == tuple(c.value for c in Category)
    expected: dict[str, set[int]] = {
        name: set() for name in ("Waiting", "Notified", "Success", "Error")
    }
    with engine.connect() as conn:
        for hid, status in rows(
            conn,
            "SELECT HARDWARE_ID, TVALUE FROM devices WHERE NAME = 'DOWNLOAD' "
            f"AND HARDWARE_ID IN (SELECT ID FROM hardware WHERE {MACHINES})",
        ):
            expected[category(status or WAITING).value.capitalize()].add(hid)
        assert all(expected.values())
        check(conn, outcome_bars(conn), expected, len(facts.ids_by_name))


def test_outcome_filter_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="deployment outcome"):
        DownloadOutcomeFilter("exploded")


def test_day_bars_cover_thirty_days(fleet: Fleet) -> None:
    engine, facts = fleet
    today = dt.date.today()
    with engine.connect() as conn:
        expected: dict[str, set[int]] = {
            (today - dt.timedelta(days=d)).isoformat(): set() for d in range(30)
        }
        for hid, when in rows(conn, f"SELECT ID, LASTDATE FROM hardware WHERE {MACHINES}"):
            if when is None:
                continue
            day = (
                when if isinstance(when, dt.datetime) else dt.datetime.fromisoformat(str(when))
            ).date()
            if day.isoformat() in expected:
                expected[day.isoformat()].add(hid)
        bars = day_bars(conn, today)
        assert [bar.label for bar in bars] == sorted(expected)
        assert sum(bar.count for bar in bars) == sum(
            1 for a in facts.age_by_name.values() if a < 30
        )
        assert sum(1 for bar in bars if bar.count) >= 3
        check(conn, bars, expected, len(facts.ids_by_name))
