"""The software view's entries, filters, sorting and the machines having a software."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from ocs_desktop.db.software_summary import forget_machines
from ocs_desktop.fleet.filters import AllOf, TagFilter, ids_select
from ocs_desktop.fleet.software_catalog import (
    SORT_KEYS,
    SoftwareEntry,
    SoftwareFilter,
    SoftwareQuery,
    count_software,
    fetch_software,
)
from tests.support.console_fleet import FleetFacts

Fleet = tuple[Engine, FleetFacts]


def expected_entries(engine: Engine) -> dict[tuple[int, int, int], tuple[str, str, str, int]]:
    """Every distinct software and its installs, by GROUP BY over ``software``."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.NAME_ID, s.PUBLISHER_ID, s.VERSION_ID, n.NAME, p.PUBLISHER, v.VERSION, "
                "COUNT(*) FROM software s JOIN software_name n ON n.ID = s.NAME_ID "
                "JOIN software_publisher p ON p.ID = s.PUBLISHER_ID "
                "JOIN software_version v ON v.ID = s.VERSION_ID "
                "GROUP BY s.NAME_ID, s.PUBLISHER_ID, s.VERSION_ID, n.NAME, p.PUBLISHER, v.VERSION"
            )
        )
        return {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in rows}


def as_facts(entries: list[SoftwareEntry]) -> dict[tuple[int, int, int], tuple[str, str, str, int]]:
    return {
        (e.name_id, e.publisher_id, e.version_id): (e.name, e.publisher, e.version, e.installs)
        for e in entries
    }


def all_pages(engine: Engine, query: SoftwareQuery, size: int = 97) -> list[SoftwareEntry]:
    found: list[SoftwareEntry] = []
    with engine.connect() as conn:
        while page := fetch_software(conn, query, len(found), size):
            found += page
    return found


def collation_rank(engine: Engine, table: str, column: str) -> dict[str, int]:
    """Each value's rank under the database's own comparison (equal under it, equal rank)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT a.{column}, COUNT(b.{column}) FROM {table} a "
                f"LEFT JOIN {table} b ON b.{column} < a.{column} GROUP BY a.{column}"
            )
        )
        return {value: rank for value, rank in rows}


def test_entries_are_every_software_with_its_installs(fleet: Fleet) -> None:
    engine, _facts = fleet
    expected = expected_entries(engine)
    entries = all_pages(engine, SoftwareQuery())
    assert len(entries) == len(expected)  # pages neither overlap nor skip
    assert as_facts(entries) == expected
    with engine.connect() as conn:
        assert count_software(conn, SoftwareQuery()) == len(expected)


@pytest.mark.parametrize("sort_key", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_is_the_database_order_and_stable(
    fleet: Fleet, sort_key: str, descending: bool
) -> None:
    engine, _facts = fleet
    query = SoftwareQuery(sort_key=sort_key, descending=descending)  # type: ignore[arg-type]
    entries = all_pages(engine, query)
    assert as_facts(entries) == expected_entries(engine)
    if sort_key == "installs":
        keys = [e.installs for e in entries]
    else:
        table, column = {
            "name": ("software_name", "NAME"),
            "publisher": ("software_publisher", "PUBLISHER"),
            "version": ("software_version", "VERSION"),
        }[sort_key]
        rank = collation_rank(engine, table, column)
        keys = [rank[getattr(e, sort_key)] for e in entries]
    assert keys == sorted(keys, reverse=descending)
    # Ties are broken by ids, so the same query gives the same order every time.
    assert [e.name_id for e in all_pages(engine, query, size=50)] == [e.name_id for e in entries]


@pytest.mark.parametrize("words", ["LIB", "python3-", "Debian", "  zstd ", "_", "%", "no such"])
def test_text_filter_matches_name_or_publisher_ignoring_case(fleet: Fleet, words: str) -> None:
    engine, _facts = fleet
    needle = words.strip().lower()
    expected = {
        key: value
        for key, value in expected_entries(engine).items()
        if needle in value[0].lower() or needle in value[1].lower()
    }
    query = SoftwareQuery(text=words)
    assert as_facts(all_pages(engine, query)) == expected
    with engine.connect() as conn:
        assert count_software(conn, query) == len(expected)


def test_software_filter_gives_the_machines_having_it(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.connect() as conn:
        # A package only some machines have (bench-tool-N is per slice), and a common one.
        entries = fetch_software(conn, SoftwareQuery(text="bench-tool-0"), 0, 1)
        entries += fetch_software(conn, SoftwareQuery(sort_key="installs", descending=True), 0, 1)
        for entry in entries:
            for software_filter, where in (
                (SoftwareFilter(entry.name_id, label=entry.name), "NAME_ID = :n"),
                (
                    SoftwareFilter.of(entry, any_version=True),
                    "NAME_ID = :n AND PUBLISHER_ID = :p",
                ),
                (
                    SoftwareFilter.of(entry),
                    "NAME_ID = :n AND PUBLISHER_ID = :p AND VERSION_ID = :v",
                ),
            ):
                expected = set(
                    conn.execute(
                        text(f"SELECT DISTINCT HARDWARE_ID FROM software WHERE {where}"),
                        {"n": entry.name_id, "p": entry.publisher_id, "v": entry.version_id},
                    ).scalars()
                )
                assert expected
                assert set(conn.execute(ids_select(software_filter)).scalars()) == expected
                assert entry.name in software_filter.describe()
        # It composes with other filters like any machine filter.
        paris = {i for name, i in facts.ids_by_name.items() if facts.tag_by_name[name] == "PARIS"}
        having = set(conn.execute(ids_select(SoftwareFilter(entries[-1].name_id))).scalars())
        combined = AllOf((SoftwareFilter(entries[-1].name_id), TagFilter("PARIS")))
        assert paris & having
        assert set(conn.execute(ids_select(combined)).scalars()) == paris & having


def test_group_pseudo_rows_are_not_machines_having_software(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE hardware SET DEVICEID = '_SYSTEMGROUP_' WHERE ID = :id"),
            {"id": facts.sample_id},
        )
        common = fetch_software(conn, SoftwareQuery(sort_key="installs", descending=True), 0, 1)[0]
        found = set(conn.execute(ids_select(SoftwareFilter(common.name_id))).scalars())
    assert facts.sample_id not in found and found


def test_forgotten_machines_leave_the_counts(fleet: Fleet) -> None:
    engine, facts = fleet
    with engine.begin() as conn:
        forget_machines(conn, [facts.sample_id])
        conn.execute(text("DELETE FROM software WHERE HARDWARE_ID = :id"), {"id": facts.sample_id})
    assert as_facts(all_pages(engine, SoftwareQuery())) == expected_entries(engine)
