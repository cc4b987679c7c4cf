"""Dashboard bars: counts from the fleet, and each bar's filter lists exactly its machines."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import Connection, Engine, text

from ocs_desktop.fleet.dashboard import Bar, age_bars, agent_bars, os_bars
from ocs_desktop.fleet.machines import MachineQuery, count_machines, fetch_machines
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


def _check_filters(conn: Connection, bars: list[Bar], total: int) -> None:
    """Each bar's filter reproduces its count, and the bars partition the fleet."""
    seen: set[int] = set()
    for bar in bars:
        query = MachineQuery(filter=bar.filter)
        assert count_machines(conn, query) == bar.count, bar.label
        ids = {row.id for row in fetch_machines(conn, query, 0, total + 10)}
        assert len(ids) == bar.count and not ids & seen, bar.label
        seen |= ids
    assert sum(bar.count for bar in bars) == total


def _blank_some(engine: Engine, facts: FleetFacts, column: str) -> None:
    """One machine with a NULL value and one with an empty one (both "Unknown")."""
    with engine.begin() as conn:
        for name, value in (("pc-000007", None), ("pc-000008", "")):
            conn.execute(
                text(f"UPDATE hardware SET {column} = :v WHERE ID = :i"),
                {"v": value, "i": facts.ids_by_name[name]},
            )
        conn.execute(
            text("INSERT INTO hardware (DEVICEID, NAME, OSNAME) VALUES ('_SYSTEMGROUP_', 'g', 'G')")
        )


def test_os_bars_count_machines_per_os(fleet: Fleet) -> None:
    engine, facts = fleet
    expected = Counter(facts.os_by_name.values())
    total = len(facts.ids_by_name)
    with engine.connect() as conn:
        bars = os_bars(conn)
        assert {bar.label: bar.count for bar in bars} == dict(expected)
        assert [bar.count for bar in bars] == sorted((b.count for b in bars), reverse=True)
        _check_filters(conn, bars, total)
        # Only the biggest: the rest merge into "Other", whose filter lists them.
        top = os_bars(conn, limit=1)
        assert [bar.label for bar in top] == [bars[0].label, "Other"]
        assert top[1].count == total - bars[0].count
        _check_filters(conn, top, total)


def test_other_bar_handles_unknown_values(fleet: Fleet) -> None:
    engine, facts = fleet
    _blank_some(engine, facts, "OSNAME")
    total = len(facts.ids_by_name)
    with engine.connect() as conn:
        bars = os_bars(conn)
        assert dict((bar.label, bar.count) for bar in bars)["Unknown"] == 2
        _check_filters(conn, bars, total)
        unknown_rank = [bar.label for bar in bars].index("Unknown")
        for limit in range(1, len(bars) + 1):
            limited = os_bars(conn, limit=limit)
            assert ("Unknown" in [b.label for b in limited]) == (limit > unknown_rank)
            _check_filters(conn, limited, total)


def test_agent_bars(fleet: Fleet) -> None:
    engine, facts = fleet
    agents = {}
    with engine.begin() as conn:
        for index, (name, hardware_id) in enumerate(sorted(facts.ids_by_name.items())):
            agent = f"OCS-NG_unified_unix_agent_v2.{index % 3}"
            agents[name] = agent
            conn.execute(
                text("UPDATE hardware SET USERAGENT = :a WHERE ID = :i"),
                {"a": agent, "i": hardware_id},
            )
    total = len(facts.ids_by_name)
    with engine.connect() as conn:
        bars = agent_bars(conn)
        assert {bar.label: bar.count for bar in bars} == dict(Counter(agents.values()))
        _check_filters(conn, bars, total)
        _check_filters(conn, agent_bars(conn, limit=2), total)
    _blank_some(engine, facts, "USERAGENT")
    with engine.connect() as conn:
        for limit in (1, 2, 12):
            _check_filters(conn, agent_bars(conn, limit=limit), total)


def _bucket(age: int | None) -> str:
    if age is None:
        return "Never"
    if age < 1:
        return "Last day"
    if age < 7:
        return "1–7 days"  # noqa: RUF001 (the en dash is meant)
    if age < 30:
        return "7–30 days"  # noqa: RUF001
    return "Older"


def test_age_bars_follow_the_last_inventory(fleet: Fleet) -> None:
    engine, facts = fleet
    ages: dict[str, int | None] = dict(facts.age_by_name)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE hardware SET LASTDATE = NULL WHERE ID = :i"),
            {"i": facts.ids_by_name["pc-000008"]},
        )
    ages["pc-000008"] = None
    expected = Counter(_bucket(age) for age in ages.values())
    with engine.connect() as conn:
        bars = age_bars(conn, now=dt.datetime.now())
        assert [bar.label for bar in bars] == [
            "Last day",
            "1–7 days",  # noqa: RUF001
            "7–30 days",  # noqa: RUF001
            "Older",
            "Never",
        ]
        assert {bar.label: bar.count for bar in bars} == {
            label: expected.get(label, 0) for label in (b.label for b in bars)
        }
        _check_filters(conn, bars, len(facts.ids_by_name))
        _check_filters(conn, age_bars(conn), len(facts.ids_by_name))
