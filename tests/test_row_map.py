"""The software row map: a next-day inventory writes only the packages that changed.

The map says which ``software.ID`` holds which element the machine last sent. The tests show
that it is really used (unchanged packages keep their rows, nothing else is compared), that
the result is always what a full comparison gives (a twin machine that sent the same
inventory first), and that rows changed behind its back are repaired rather than trusted.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import Engine, text

from bench.fleet import Fleet
from ocs_desktop.db.software_summary import forget_machines
from ocs_desktop.inventory import row_map
from ocs_desktop.inventory.ingest import Ingestor, IngestResult
from ocs_desktop.inventory.rows import TableStatements, inserted_ids
from ocs_desktop.inventory.writing import WritePath
from ocs_desktop.models import Base
from ocs_desktop.protocol.document import parse_inventory
from tests.support.db_facts import assert_exact, software_of

FLEET = Fleet(software_limit=60)


def software_ids(engine: Engine, hardware_id: int) -> set[int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT ID FROM software WHERE HARDWARE_ID = :id"), {"id": hardware_id}
        )
        return {row[0] for row in rows}


def twin_of(ingestor: Ingestor, body: bytes, deviceid: str, name: str) -> IngestResult:
    """The same inventory sent as a new machine's first one: what a full write gives."""
    with ingestor.engine.begin() as conn:  # a clone on purpose: not merged as a duplicate
        conn.execute(text("UPDATE config SET IVALUE = 0 WHERE NAME = 'AUTO_DUPLICATE_LVL'"))
    ingestor.refresh(force=True)
    twin = ingestor.ingest(parse_inventory(body.replace(deviceid.encode(), name.encode())))
    assert twin.created
    return twin


def test_a_next_day_inventory_touches_only_the_changed_packages(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    first = ingestor.ingest(parse_inventory(FLEET.machine(7).body))
    assert first.paths["SOFTWARES"] == WritePath.WRITTEN
    assert first.shaped_software == FLEET.software_count
    before = software_ids(engine, first.hardware_id)
    day1 = FLEET.machine(7, day=1)
    changed = ingestor.ingest(parse_inventory(day1.body))
    assert changed.paths["SOFTWARES"] == WritePath.ROW_MAP  # the map was used
    software = changed.sections["SOFTWARES"]
    assert 0 < software.inserted < 15 and software.deleted == software.inserted
    assert changed.shaped_software == software.inserted  # and only the new packages shaped
    after = software_ids(engine, first.hardware_id)
    assert len(before & after) == software.kept == FLEET.software_count - software.inserted
    assert len(after - before) == software.inserted and min(after - before) > max(before)
    twin = twin_of(ingestor, day1.body, day1.deviceid, "twin1-2026-01-01-00-00-00")
    assert software_of(engine, first.hardware_id) == software_of(engine, twin.hardware_id)
    # The map written by the map path serves the next day too.
    day2 = FLEET.machine(7, day=2)
    assert ingestor.ingest(parse_inventory(day2.body)).paths["SOFTWARES"] == WritePath.ROW_MAP
    twin2 = twin_of(ingestor, day2.body, day2.deviceid, "twin2-2026-01-01-00-00-00")
    assert software_of(engine, first.hardware_id) == software_of(engine, twin2.hardware_id)
    assert_exact(engine)


@pytest.mark.parametrize("tamper", ["delete", "insert", "move"])
def test_rows_changed_behind_the_maps_back_are_repaired(engine: Engine, tamper: str) -> None:
    ingestor = Ingestor(engine)
    first = ingestor.ingest(parse_inventory(FLEET.machine(8).body))
    hardware_id = first.hardware_id
    other = ingestor.ingest(parse_inventory(FLEET.machine(9).body)).hardware_id
    with engine.begin() as conn:  # without touching hardware: the digests still hold
        if tamper == "delete":
            conn.execute(
                text("DELETE FROM software WHERE HARDWARE_ID = :id AND ID = :row"),
                {"id": hardware_id, "row": min(software_ids(engine, hardware_id))},
            )
        elif tamper == "insert":
            conn.execute(
                text(
                    "INSERT INTO software (HARDWARE_ID, NAME_ID, PUBLISHER_ID, VERSION_ID) "
                    "VALUES (:id, 1, 1, 1)"
                ),
                {"id": hardware_id},
            )
        else:  # one of its rows handed to another machine
            conn.execute(
                text("UPDATE software SET HARDWARE_ID = :other WHERE ID = :row"),
                {"other": other, "row": max(software_ids(engine, hardware_id))},
            )
    day1 = FLEET.machine(8, day=1)
    repaired = ingestor.ingest(parse_inventory(day1.body))
    # The count check sends it to the full compare, which shapes the packages the map path
    # did not (on SQLite the transaction starts again for them): each one once.
    assert repaired.paths["SOFTWARES"] == WritePath.COMPARE
    assert repaired.shaped_software == FLEET.software_count
    twin = twin_of(ingestor, day1.body, day1.deviceid, "twin1-2026-01-01-00-00-00")
    assert software_of(engine, hardware_id) == software_of(engine, twin.hardware_id)
    # The compare wrote a fresh map: the next day goes by the map again, and stays exact.
    day2 = FLEET.machine(8, day=2)
    assert ingestor.ingest(parse_inventory(day2.body)).paths["SOFTWARES"] == WritePath.ROW_MAP
    twin2 = twin_of(ingestor, day2.body, day2.deviceid, "twin2-2026-01-01-00-00-00")
    assert software_of(engine, hardware_id) == software_of(engine, twin2.hardware_id)


def _edit_software(body: bytes, edit: Any) -> bytes:
    root = etree.fromstring(body)
    content = root.find("CONTENT")
    assert content is not None
    edit(content, content.findall("SOFTWARES"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_repeated_and_nameless_packages(engine: Engine) -> None:
    """A package listed twice holds two rows; one without a name holds none."""
    machine = FLEET.machine(10)

    def twice_and_nameless(content: Any, softwares: list[Any]) -> None:
        content.append(etree.fromstring(etree.tostring(softwares[0])))
        content.append(etree.fromstring(etree.tostring(softwares[0])))  # three in all
        nameless = etree.SubElement(content, "SOFTWARES")
        etree.SubElement(nameless, "VERSION").text = "1.0"

    def one_less(content: Any, softwares: list[Any]) -> None:
        twice_and_nameless(content, softwares)
        content.remove(content.findall("SOFTWARES")[-2])  # one copy of the three goes

    ingestor = Ingestor(engine)
    day0 = _edit_software(machine.body, twice_and_nameless)
    first = ingestor.ingest(parse_inventory(day0))
    assert first.skipped_software == 1
    name = software_of(engine, first.hardware_id)
    counts = Counter({key: count for key, count in name.items() if count > 1})
    assert list(counts.values()) == [3]
    fewer = ingestor.ingest(parse_inventory(_edit_software(machine.body, one_less)))
    assert fewer.paths["SOFTWARES"] == WritePath.ROW_MAP
    assert fewer.skipped_software == 1
    assert fewer.sections["SOFTWARES"].deleted == 1 and not fewer.sections["SOFTWARES"].inserted
    rows = software_of(engine, first.hardware_id)
    assert rows[next(iter(counts))] == 2
    assert sum(rows.values()) == FLEET.software_count + 1
    assert_exact(engine)


def test_a_deleted_machine_loses_its_map(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    result = ingestor.ingest(parse_inventory(FLEET.machine(11).body))
    with engine.connect() as conn:
        mapped = conn.execute(text("SELECT ROWMAP FROM ocsdesktop_software_rowmap")).scalars()
        pairs = row_map.decode(next(iter(mapped)))
    assert pairs is not None and len(pairs) == FLEET.software_count
    assert {row_id for _, row_id in pairs} == software_ids(engine, result.hardware_id)
    with engine.begin() as conn:
        forget_machines(conn, [result.hardware_id])
        count = conn.execute(text("SELECT COUNT(*) FROM ocsdesktop_software_rowmap")).scalar()
    assert count == 0


def test_match_and_text_form() -> None:
    pairs = [("a" * 16, 5), ("b" * 16, 6), ("a" * 16, 9)]
    assert row_map.decode(row_map.encode(pairs)) == pairs
    assert row_map.decode(row_map.encode([])) == []
    for garbage in ("abc\n1", "a" * 16 + "\nx", "a" * 16 + "\n1,2"):
        assert row_map.decode(garbage) is None
    found = row_map.match(pairs, ["c" * 16, "a" * 16, "a" * 16, "a" * 16])
    assert sorted(row_id for _, row_id in found.kept) == [5, 9]
    assert found.new == [0, 3] and found.stale == [6] and found.last_id == 9


def test_inserted_ids_with_gaps(engine: Engine) -> None:
    """Ids another writer interleaved (or auto_increment_increment) leave gaps: read them."""
    sql = TableStatements(engine.dialect, Base.metadata.tables["software"], ("NAME_ID",))
    with engine.begin() as conn:
        for row_id in (1000, 1005, 1007):
            conn.execute(
                text(
                    "INSERT INTO software (ID, HARDWARE_ID, NAME_ID, PUBLISHER_ID, VERSION_ID) "
                    "VALUES (:id, 5, 1, 1, 1)"
                ),
                {"id": row_id},
            )
        assert inserted_ids(conn, sql, 5, 999, 3) == [1000, 1005, 1007]
        assert inserted_ids(conn, sql, 5, 1004, 2) == [1005, 1007]
        assert inserted_ids(conn, sql, 5, 999, 2) is None  # not the rows just inserted
        assert inserted_ids(conn, sql, 5, 1007, 0) == []
        assert inserted_ids(conn, sql, 6, 0, 0) == []
