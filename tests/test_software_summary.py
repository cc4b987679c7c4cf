"""The maintained software summary equals GROUP BY over ``software`` at every step."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from bench.fleet import Fleet
from ocs_desktop.cli.main import main
from ocs_desktop.common.progress import Cancelled
from ocs_desktop.db import software_summary
from ocs_desktop.db.software_summary import (
    ensure_summary,
    forget_machines,
    rebuild_summary,
    summary_state,
)
from ocs_desktop.inventory.ingest import Ingestor
from ocs_desktop.models.extensions import EXTENSION_METADATA
from ocs_desktop.protocol.document import parse_inventory
from tests.support.builders import FIRST, UPDATE
from tests.support.console_fleet import FleetFacts
from tests.support.db_facts import assert_exact, grouped, summary


def test_ingestion_keeps_the_summary_exact(fleet: tuple[Engine, FleetFacts]) -> None:
    engine, _facts = fleet
    assert_exact(engine)
    ingestor = Ingestor(engine)
    # Re-inventories whose software changed: other versions, packages gone and new.
    other = Fleet(software_share=0.3, software_limit=100, seed=7)
    for index in (0, 1, 4):  # the same DEVICEIDs as the fleet's pc-00000N
        ingestor.ingest(parse_inventory(other.machine(index, run="pc").body))
        ingestor.ingest(parse_inventory(other.machine(index, run="pc").body))  # unchanged
    ingestor.ingest(parse_inventory(FIRST.read_bytes()))  # back to the first inventory
    assert_exact(engine)
    ingestor.ingest(parse_inventory(UPDATE.read_bytes()))
    assert_exact(engine)


def test_a_package_listed_twice_counts_twice(engine: Engine) -> None:
    fleet = Fleet(software_limit=3)
    body = fleet.machine(1).body
    package = body[body.index(b"<SOFTWARES>") : body.index(b"</SOFTWARES>") + len(b"</SOFTWARES>")]
    doubled = body.replace(package, package + package, 1)
    result = Ingestor(engine).ingest(parse_inventory(doubled))
    assert_exact(engine)
    with engine.connect() as conn:
        assert (
            conn.execute(
                text(
                    "SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM software "
                    "WHERE HARDWARE_ID = :id GROUP BY NAME_ID, PUBLISHER_ID, VERSION_ID) t"
                ),
                {"id": result.hardware_id},
            ).scalar()
            == 2
            == max(summary(engine).values())
        )
    # The same machine without the duplicate: one install less.
    Ingestor(engine).ingest(parse_inventory(body))
    assert_exact(engine)


def test_forget_machines_subtracts_their_software(fleet: tuple[Engine, FleetFacts]) -> None:
    engine, facts = fleet
    gone = [facts.ids_by_name["vm"], facts.ids_by_name["pc-000000"], facts.ids_by_name["pc-000004"]]
    with engine.begin() as conn:
        forget_machines(conn, gone)
        for hardware_id in gone:
            conn.execute(text("DELETE FROM software WHERE HARDWARE_ID = :id"), {"id": hardware_id})
    assert_exact(engine)
    # Entries only the forgotten machines had are gone, not left at zero.
    assert min(summary(engine).values()) > 0
    with engine.begin() as conn:
        forget_machines(conn, [])  # nothing to do


def test_rebuild_repairs_what_another_writer_did(
    fleet: tuple[Engine, FleetFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, facts = fleet
    before = summary(engine)
    # A real OCS server writes software without knowing our summary.
    with engine.begin() as conn:
        conn.execute(
            text("DELETE FROM software WHERE HARDWARE_ID = :id"), {"id": facts.ids_by_name["vm"]}
        )
        conn.execute(
            text(
                "INSERT INTO software (HARDWARE_ID, NAME_ID, PUBLISHER_ID, VERSION_ID) "
                "SELECT :target, NAME_ID, PUBLISHER_ID, VERSION_ID FROM software "
                "WHERE HARDWARE_ID = :source"
            ),
            {"target": facts.ids_by_name["vm"], "source": facts.ids_by_name["pc-000000"]},
        )
    with engine.connect() as conn:
        stale = summary_state(conn, verify=True)
    assert stale.consistent is False and "STALE" in stale.describe()
    assert summary(engine) == before

    monkeypatch.setattr(software_summary, "REBUILD_CHUNK", 500)  # several steps
    steps: list[tuple[int, int]] = []
    with engine.begin() as conn:
        entries = rebuild_summary(conn, lambda done, total: steps.append((done, total)) is None)
    assert len(steps) > 3 and steps[-1][0] == steps[-1][1]
    assert entries == len(grouped(engine))
    assert_exact(engine)
    with engine.connect() as conn:
        state = summary_state(conn)
    assert state.trusted and state.rebuilt_at is not None
    assert state.rebuilt_rows == state.installs == sum(grouped(engine).values())


def test_cancelled_rebuild_leaves_the_summary_as_it_was(
    fleet: tuple[Engine, FleetFacts], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _facts = fleet
    before = summary(engine)
    monkeypatch.setattr(software_summary, "REBUILD_CHUNK", 500)
    with pytest.raises(Cancelled), engine.begin() as conn:
        rebuild_summary(conn, lambda done, total: done < total // 2)
    assert summary(engine) == before


def test_a_database_without_the_summary(engine: Engine) -> None:
    # An OCS database we have not touched yet: no tables of ours.
    EXTENSION_METADATA.drop_all(engine)
    ingestor = Ingestor(engine)
    ingestor.ingest(parse_inventory(Fleet(software_limit=40).machine(1).body))
    with engine.connect() as conn:
        assert not summary_state(conn).present
        forget_machines(conn, [1])  # skipped quietly
    assert ensure_summary(engine)  # created and built from what is there
    assert_exact(engine)
    assert not ensure_summary(engine)  # already built: left alone
    ingestor.refresh(force=True)  # the running ingestor notices and maintains it
    ingestor.ingest(parse_inventory(Fleet(software_limit=60).machine(2).body))
    assert_exact(engine)


def test_db_summarize_and_db_check_report_it(
    fleet: tuple[Engine, FleetFacts], capsys: pytest.CaptureFixture[str]
) -> None:
    engine, _facts = fleet
    url = engine.url.render_as_string(hide_password=False)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM ocsdesktop_software_summary"))
    assert main(["db", "check", url]) == 0
    assert "STALE" in capsys.readouterr().out
    assert main(["db", "summarize", url]) == 0
    captured = capsys.readouterr()
    assert "Summarizing software: 100%" in captured.err
    assert f"{len(grouped(engine))} entries" in captured.out
    assert_exact(engine)
    assert main(["db", "check", url]) == 0
    assert "matches software" in capsys.readouterr().out


def test_db_init_builds_the_empty_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = f"{tmp_path}/new.sqlite"
    assert main(["db", "init", path]) == 0
    out = capsys.readouterr().out
    assert "ocsdesktop_software_summary" not in out  # counted with the tables, not named
    assert "Software summary: 0 entries, 0 installs, rebuilt" in out


@pytest.mark.mariadb
@pytest.mark.parametrize("db_url", ["mariadb"], indirect=True)
def test_entries_at_zero_are_deleted_through_the_primary_key(engine: Engine) -> None:
    """Through the INSTALLS index the DELETE locked the index entry before the row, the
    upsert the row before the entry: two re-inventories at c=16 deadlocked ten times in a
    row and one agent got a 503. Both must reach the rows through the primary key."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO ocsdesktop_software_summary "
                "(NAME_ID, PUBLISHER_ID, VERSION_ID, INSTALLS) "
                "SELECT a.seq, b.seq, 1, 1 + a.seq % 50 FROM seq_1_to_300 a, seq_1_to_10 b"
            )
        )
        conn.execute(text("ANALYZE TABLE ocsdesktop_software_summary"))
    deletes: list[str] = []

    def keep(conn: object, cursor: Any, statement: str, parameters: Any, *rest: object) -> None:
        if statement.startswith("DELETE"):
            deletes.append(cursor.mogrify(statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with engine.begin() as conn:
            # (50, 1, 1) has 1 install and reaches zero; (51, 1, 1) has 2 and keeps one.
            software_summary.apply_delta(conn, Counter({(50, 1, 1): -1, (51, 1, 1): -1}))
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert len(deletes) == 1
    with engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN " + deletes[0].replace("%", "%%")).mappings().one()
        left = dict(
            conn.execute(
                text(
                    "SELECT NAME_ID, INSTALLS FROM ocsdesktop_software_summary "
                    "WHERE PUBLISHER_ID = 1 AND VERSION_ID = 1 AND NAME_ID IN (50, 51)"
                )
            ).all()
        )
    assert plan["key"] == "PRIMARY", plan
    assert left == {51: 1}
