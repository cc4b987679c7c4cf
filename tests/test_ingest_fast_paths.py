"""The Ingestor's two shortcuts stay exact: section digests and pending summary machines.

Digests let a re-inventory skip unchanged sections without reading them back; the tests
show both that they really skip (a row changed behind the digests' back survives an
identical re-send) and that they are dropped as soon as another writer touches the machine.
First inventories only mark their machine pending for the software summary; folding must
then give exactly GROUP BY over ``software``, whatever happened in between.
"""

from __future__ import annotations

import threading

from sqlalchemy import Engine, text

from bench.fleet import Fleet
from ocs_desktop.db.engines import create_engine_for
from ocs_desktop.db.software_summary import (
    fold_all,
    forget_machines,
    summary_state,
)
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.inventory.writing import WritePath
from ocs_desktop.protocol.document import parse_inventory
from tests.support.db_facts import assert_exact, grouped, pending_ids, software_of, summary

FLEET = Fleet(software_limit=120)


def test_an_identical_resend_skips_every_section(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    body = FLEET.machine(1).body
    first = ingestor.ingest(parse_inventory(body))
    # Changed behind the digests' back, without touching hardware: only a skip keeps it.
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE software SET COMMENTS = 'edited' WHERE HARDWARE_ID = :id"),
            {"id": first.hardware_id},
        )
    again = ingestor.ingest(parse_inventory(body))
    assert again.hardware_id == first.hardware_id and not again.created
    # Not even the sections flagged as changed but absent (all empty) are read or written.
    assert {section: again.paths[section] for section in again.sections} == dict.fromkeys(
        again.sections, WritePath.SKIPPED
    )
    assert all(not c.inserted and not c.deleted for c in again.sections.values())
    assert again.sections["SOFTWARES"].kept == FLEET.software_count
    assert {comment for (_n, _v, comment, _d) in software_of(engine, first.hardware_id)} == {
        "edited"
    }


def test_another_writer_voids_the_digests(engine: Engine, db_url: str) -> None:
    ingestor = Ingestor(engine)
    body = FLEET.machine(2).body
    first = ingestor.ingest(parse_inventory(body))
    expected = software_of(engine, first.hardware_id)
    # An OCS server rewriting the machine sets LASTDATE (and its own rows).
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE software SET COMMENTS = 'ocs' WHERE HARDWARE_ID = :id"),
            {"id": first.hardware_id},
        )
        conn.execute(
            text("UPDATE hardware SET LASTDATE = '2020-02-02 02:02:02' WHERE ID = :id"),
            {"id": first.hardware_id},
        )
    again = ingestor.ingest(parse_inventory(body))
    assert again.paths["SOFTWARES"] == WritePath.COMPARE
    rewritten = again.sections["SOFTWARES"]
    assert rewritten.inserted == FLEET.software_count == rewritten.deleted
    assert software_of(engine, first.hardware_id) == expected
    # A process whose shaping differs (a schema without local_users, as OCS 2.8's) does
    # not trust them either, though the software rows are shaped the same.
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE software SET COMMENTS = 'again' WHERE HARDWARE_ID = :id"),
            {"id": first.hardware_id},
        )
        conn.execute(text("DROP TABLE local_users"))
    other = Ingestor(create_engine_for(db_url))
    repaired = other.ingest(parse_inventory(body))
    assert repaired.paths["SOFTWARES"] == WritePath.COMPARE
    assert "LOCAL_USERS" not in repaired.paths
    assert software_of(engine, first.hardware_id) == expected
    other.engine.dispose()


def test_a_changed_reinventory_writes_exactly_the_new_rows(engine: Engine) -> None:
    with engine.begin() as conn:  # the twin below is a clone of machine 3: keep both
        conn.execute(text("UPDATE config SET IVALUE = 0 WHERE NAME = 'AUTO_DUPLICATE_LVL'"))
    ingestor = Ingestor(engine)
    ingestor.ingest(parse_inventory(FLEET.machine(3).body))
    changed = ingestor.ingest(parse_inventory(FLEET.machine(3, day=1).body))
    software = changed.sections["SOFTWARES"]
    assert 0 < software.inserted < 20 and software.kept > 100
    assert changed.sections["NETWORKS"].inserted >= 1  # its address changed
    assert changed.sections["CPUS"].inserted == changed.sections["CPUS"].deleted == 0
    # The same rows as a machine that sent the day-1 inventory as its first one.
    day1 = FLEET.machine(3, day=1)
    twin_body = day1.body.replace(day1.deviceid.encode(), b"twin-2026-01-01-00-00-00")
    twin = ingestor.ingest(parse_inventory(twin_body))
    assert twin.created
    assert software_of(engine, changed.hardware_id) == software_of(engine, twin.hardware_id)
    assert sum(software_of(engine, twin.hardware_id).values()) == FLEET.software_count


def test_first_inventories_are_pending_until_folded(engine: Engine) -> None:
    ingestor = Ingestor(engine)
    ids = [ingestor.ingest(parse_inventory(FLEET.machine(i).body)).hardware_id for i in range(4)]
    assert pending_ids(engine) == set(ids)
    assert summary(engine) == {}  # nothing counted yet: no upsert in the inventories
    with engine.connect() as conn:
        state = summary_state(conn, verify=True)
    assert state.pending == 4 and state.consistent is False
    assert "4 new machines not counted yet" in state.describe()
    # A pending machine re-inventoried with other software, one deleted while pending.
    ingestor.ingest(parse_inventory(FLEET.machine(1, day=1).body))
    with engine.begin() as conn:
        forget_machines(conn, [ids[2]])
        conn.execute(text("DELETE FROM software WHERE HARDWARE_ID = :id"), {"id": ids[2]})
    assert pending_ids(engine) == {ids[0], ids[1], ids[3]}
    with engine.connect() as conn:
        digested = conn.execute(text("SELECT HARDWARE_ID FROM ocsdesktop_inventory_digest"))
        assert {row[0] for row in digested} == {ids[0], ids[1], ids[3]}
    assert fold_all(engine) == 3
    assert pending_ids(engine) == set()
    assert_exact(engine)
    # Counted machines now move the summary by their own changes.
    ingestor.ingest(parse_inventory(FLEET.machine(0, day=1).body))
    ingestor.ingest(parse_inventory(FLEET.machine(0, day=2).body))
    assert pending_ids(engine) == set()
    assert summary(engine) == grouped(engine)


def test_the_ingestor_folds_by_itself(engine: Engine) -> None:
    ingestor = Ingestor(engine, fold_every=3)
    for index in range(7):
        ingestor.ingest(parse_inventory(FLEET.machine(index).body))
    assert len(pending_ids(engine)) == 1  # folded after the 3rd and the 6th
    assert ingestor.fold_summary() == 1
    assert summary(engine) == grouped(engine)


def test_concurrent_writers_and_folds_stay_exact(db_url: str, engine: Engine) -> None:
    """Two writers create and re-inventory the same machines while a third folds."""
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer(offset: int) -> None:
        own = create_engine_for(db_url)
        try:
            ingestor = Ingestor(own)
            for day in range(4):
                for index in range(8):
                    machine = FLEET.machine((index + offset) % 8, day=day)
                    ingestor.ingest(parse_inventory(machine.body))
        except BaseException as error:
            errors.append(error)
        finally:
            own.dispose()

    def folder() -> None:
        own = create_engine_for(db_url)
        try:
            while not stop.is_set():
                fold_all(own)
        except BaseException as error:
            errors.append(error)
        finally:
            own.dispose()

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 3)]
    folding = threading.Thread(target=folder)
    folding.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    folding.join()
    assert not errors, errors
    assert_exact(engine)
