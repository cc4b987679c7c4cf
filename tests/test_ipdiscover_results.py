"""What an elected agent's scan stores in ``netmap`` (PROTOCOL.md 4.3), on SQLite and MariaDB.

Entries are upserted by MAC with the scanned subnet and its mask, the time, the name,
the scanner and (TAG-link) its TAG; a machine not elected stores nothing; hostile content
(bad values, too long names, 100,000 entries) is dropped with bounded, clear log lines
and never costs the rest of the inventory.
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import Engine, select

from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.inventory.ipdiscover_results import (
    LOGGED_ENTRIES,
    Scan,
    Stored,
    store_results,
    valid_entries,
)
from ocs_desktop.inventory.ipdiscover_rules import MAX_ENTRIES, Entry, check_entry
from ocs_desktop.models import Base
from tests.support.builders import count
from tests.support.ipdiscover import (
    ingest,
    inventory_body,
    lan,
    netmap,
    set_election,
    set_options,
    warm,
)

SUBNET = "10.1.0.0"
LOGGER = "ocs_desktop.inventory.ipdiscover_results"


def _scanner(engine: Engine, ingestor: Ingestor, name: str, *, tag: str | None = None) -> int:
    """A machine elected on SUBNET (mask 255.255.252.0), as a previous inventory left it."""
    body = inventory_body(name, (lan(SUBNET, "255.255.252.0"),), tag=tag)
    hardware_id = ingest(ingestor, body).hardware_id
    warm(engine, hardware_id)
    set_election(engine, hardware_id, 1, SUBNET)
    return hardware_id


def _scan(ingestor: Ingestor, name: str, hosts: list[dict[str, str]]) -> None:
    ingest(ingestor, inventory_body(name, (lan(SUBNET, "255.255.252.0"),), hosts=hosts))


def test_entries_are_stored_with_subnet_mask_name_and_scanner(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    scanner = _scanner(engine, ingestor, "scanner")
    before = dt.datetime.now().replace(microsecond=0) - dt.timedelta(seconds=1)
    _scan(
        ingestor,
        "scanner",
        [
            {"I": "10.1.0.20", "M": "00:11:22:33:44:55", "N": "printer"},
            {"I": "10.1.0.21", "M": "00:11:22:33:44:56", "N": "-"},
            {"I": "10.1.0.22", "M": "AA:BB:CC:DD:EE:FF"},
        ],
    )
    rows = netmap(engine)
    assert set(rows) == {"00:11:22:33:44:55", "00:11:22:33:44:56", "AA:BB:CC:DD:EE:FF"}
    printer = rows["00:11:22:33:44:55"]
    assert (printer["IP"], printer["MASK"], printer["NETID"], printer["NAME"]) == (
        "10.1.0.20",
        "255.255.252.0",
        SUBNET,
        "printer",
    )
    assert printer["HARDWARE_ID"] == scanner and printer["TAG"] is None
    assert printer["DATE"] >= before
    assert rows["00:11:22:33:44:56"]["NAME"] == "-"
    assert rows["AA:BB:CC:DD:EE:FF"]["NAME"] is None


def test_a_mac_seen_again_updates_its_row(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    _scanner(engine, ingestor, "first")
    second = _scanner(engine, ingestor, "second")
    _scan(ingestor, "first", [{"I": "10.1.0.20", "M": "00:11:22:33:44:55", "N": "old"}])
    _scan(
        ingestor,
        "second",
        [
            {"I": "10.1.0.99", "M": "00:11:22:33:44:55", "N": "new"},
            {"I": "10.1.0.98", "M": "00:11:22:33:44:55", "N": "newest"},  # last one wins
        ],
    )
    rows = netmap(engine)
    assert list(rows) == ["00:11:22:33:44:55"]
    assert (rows["00:11:22:33:44:55"]["IP"], rows["00:11:22:33:44:55"]["NAME"]) == (
        "10.1.0.98",
        "newest",
    )
    assert rows["00:11:22:33:44:55"]["HARDWARE_ID"] == second


def test_tag_link_stamps_the_scanner_tag(engine: Engine) -> None:
    set_options(engine, IPDISCOVER_LINK_TAG_NETWORK=1)
    ingestor = Ingestor(engine)
    _scanner(engine, ingestor, "paris", tag="PARIS")
    _scan(ingestor, "paris", [{"I": "10.1.0.20", "M": "00:11:22:33:44:55"}])
    assert netmap(engine)["00:11:22:33:44:55"]["TAG"] == "PARIS"


def test_a_machine_not_elected_stores_nothing(engine: Engine) -> None:
    set_options(engine, IPDISCOVER=0)
    ingestor = Ingestor(engine)
    _scanner(engine, ingestor, "pc0")
    _scan(ingestor, "pc0", [{"I": "10.1.0.20", "M": "00:11:22:33:44:55"}])
    ingest(ingestor, inventory_body("pc1", hosts=[{"I": "10.1.0.21", "M": "00:11:22:33:44:56"}]))
    assert netmap(engine) == {}


def test_invalid_entries_are_dropped_each_with_a_clear_line(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    ingestor = Ingestor(engine)
    _scanner(engine, ingestor, "scanner")
    hosts = [
        {"I": "10.1.0.300", "M": "00:11:22:33:44:01"},
        {"I": "not an ip", "M": "00:11:22:33:44:02"},
        {"I": "10.1.0.3", "M": "00-11-22-33-44-03"},
        {"I": "10.1.0.4", "M": "00:11:22:33:44:04:05"},
        {"I": "10.1.0.5"},
        {"I": "10.1.0.6", "M": "00:11:22:33:44:06", "N": "x" * 256},
        {"I": "10.1.0.7", "M": "z" * 5000},
        {"I": "10.1.0.8", "M": "00:11:22:33:44:08", "N": "fine"},
    ]
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        _scan(ingestor, "scanner", hosts)
    assert list(netmap(engine)) == ["00:11:22:33:44:08"]
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(lines) == 7
    assert lines[0] == (
        "machine scanner-2024-01-01-00-00-00: IPDISCOVER entry 1 dropped: "
        "I '10.1.0.300' is not an IPv4 address"
    )
    assert "entry 5 dropped: M (missing) is not a MAC address" in lines[4]
    assert "entry 6 dropped: N is 256 characters long, at most 255" in lines[5]
    assert len(lines[6]) < 200  # a 5,000-character value is cut, not copied into the log


def test_names_a_utf8mb3_database_cannot_hold_are_refused() -> None:
    row = {"I": "10.1.0.1", "M": "00:11:22:33:44:55", "N": "cam \U0001f4f7"}
    assert isinstance(check_entry(row, bmp_only=False), Entry)
    assert check_entry(row, bmp_only=True) == "N has characters this database cannot hold"


def test_a_hostile_scan_costs_bounded_work_and_loses_nothing_else(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """100,000 entries, one in ten invalid: the first /16's worth is read, the valid ones of
    it stored, the log says so in a few lines, and the rest of the inventory is written."""
    ingestor = Ingestor(engine)
    _scanner(engine, ingestor, "hostile")
    hosts = []
    for i in range(100_000):
        mac = f"02:00:00:{i >> 16:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}"
        if i % 10 == 3:
            hosts.append({"I": f"10.1.{i >> 8 & 255}.{i & 255}", "M": mac[:-1] + "g"})
        else:
            hosts.append({"I": f"10.1.{i >> 8 & 255}.{i & 255}", "M": mac, "N": f"h{i}"})
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        result = ingest(
            ingestor,
            inventory_body("hostile", (lan(SUBNET, "255.255.252.0"), lan("10.9.0.0")), hosts=hosts),
        )
    invalid_kept = sum(1 for i in range(MAX_ENTRIES) if i % 10 == 3)
    assert count(engine, "netmap") == MAX_ENTRIES - invalid_kept
    assert count(engine, "netmap", HARDWARE_ID=result.hardware_id) == MAX_ENTRIES - invalid_kept
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(lines) == LOGGED_ENTRIES + 2
    assert f"{invalid_kept - LOGGED_ENTRIES} more invalid IPDISCOVER entries dropped" in lines[-2]
    assert "the 34464 beyond the first 65536 were dropped" in lines[-1]
    # The rest of the inventory landed in the same transaction.
    assert count(engine, "networks", HARDWARE_ID=result.hardware_id) == 2
    assert count(engine, "bios", HARDWARE_ID=result.hardware_id) == 1


# -- the store itself, counted -------------------------------------------------------


def _hosts(count_: int, *, invalid_every: int = 0) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for i in range(count_):
        mac = f"02:00:00:{i >> 16:02x}:{(i >> 8) & 255:02x}:{i & 255:02x}"
        if invalid_every and i % invalid_every == 0:
            mac = "bad"
        rows.append({"I": f"10.1.{i >> 8 & 255}.{i & 255}", "M": mac, "N": f"h{i}"})
    return rows


@pytest.mark.parametrize(
    ("invalid", "summary"), [(LOGGED_ENTRIES, False), (LOGGED_ENTRIES + 2, True)]
)
def test_invalid_entries_are_logged_one_by_one_up_to_the_limit_then_counted(
    caplog: pytest.LogCaptureFixture, invalid: int, summary: bool
) -> None:
    assert LOGGED_ENTRIES == 10
    rows = _hosts(invalid, invalid_every=1)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        entries, dropped = valid_entries(rows, "pc", bmp_only=False)
    assert (entries, dropped) == ({}, invalid)
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(lines) == LOGGED_ENTRIES + (1 if summary else 0)
    if summary:
        assert lines[-1] == "machine pc: 2 more invalid IPDISCOVER entries dropped"


@pytest.mark.parametrize("extra", [0, 3])
def test_entries_beyond_a_slash_16_are_dropped_and_counted(
    caplog: pytest.LogCaptureFixture, extra: int
) -> None:
    rows = _hosts(MAX_ENTRIES + extra)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        entries, dropped = valid_entries(rows, "pc", bmp_only=False)
    assert (len(entries), dropped) == (MAX_ENTRIES, extra)
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert len(lines) == (1 if extra else 0)


def test_store_counts_and_clips_what_the_scanner_sent(engine: Engine) -> None:
    table = Base.metadata.tables["netmap"]
    scan = Scan("pc", 7, netid="192.168.100.1000", mask="255.255.255.2550", tag="T" * 300)
    with engine.begin() as conn:
        assert store_results(conn, table, scan, _hosts(3, invalid_every=1), bmp_only=False) == (
            Stored(0, 3)
        )
        assert count(engine, "netmap") == 0
        stored = store_results(conn, table, scan, _hosts(4, invalid_every=2), bmp_only=False)
        assert stored == Stored(2, 2)
        rows = conn.execute(select(table).order_by(table.c.MAC)).mappings().all()
    assert [row["MAC"] for row in rows] == ["02:00:00:00:00:01", "02:00:00:00:00:03"]
    for row in rows:
        assert (row["NETID"], row["MASK"]) == ("192.168.100.100", "255.255.255.255")
        assert row["TAG"] == "T" * 255 and row["HARDWARE_ID"] == 7
        assert row["DATE"].microsecond == 0
